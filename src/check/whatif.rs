//! 如果……会怎样: what an illness's bill or a lost wage would do to a
//! household, read by the same rules as its answers ([`assess_if`]) and set
//! beside today's result. Nothing here writes: the answers stay as saved.

use super::answers::Answers;
use super::rules::{assess_if, assess_with, Level, Report, WhatIf};
use crate::local::LocalFigures;
use crate::parse::parse_amount_said_or_zero;

/// The two amounts as typed, before they are read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WhatIfForm {
    /// 如果有人生病，自己要掏多少医药费.
    pub medical: String,
    /// 如果有人出不去打工，一年少挣多少钱.
    pub lost_income: String,
}

/// A field the form could not read, with what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl WhatIfForm {
    /// Reads both amounts as people type them (5万, 五万, full-width digits);
    /// an empty field is 0. Amounts are whole 元: 分 do not move a family
    /// across a line.
    pub fn read(&self) -> Result<WhatIf, Vec<FieldError>> {
        let read = |field: &'static str, text: &str| {
            if text.trim().is_empty() {
                return Ok(0);
            }
            parse_amount_said_or_zero(text)
                .map(|f| f.whole_yuan())
                .map_err(|message| FieldError { field, message })
        };
        match (
            read("medical", &self.medical),
            read("lost_income", &self.lost_income),
        ) {
            (Ok(medical), Ok(lost_income)) => Ok(WhatIf {
                medical,
                lost_income,
            }),
            (m, l) => Err([m.err(), l.err()].into_iter().flatten().collect()),
        }
    }
}

/// One finding whose standing the change would move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub id: &'static str,
    /// `None`: not among today's findings.
    pub before: Option<Level>,
    /// `None`: would no longer be among them.
    pub after: Option<Level>,
}

/// Today's result and the one after the change, with what differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub today: Report,
    pub then: Report,
    pub changes: Vec<Change>,
}

/// Runs the rules twice, on the answers and on the answers after `w`.
pub fn compare(a: &Answers, shared: Option<&LocalFigures>, w: &WhatIf) -> Comparison {
    let today = assess_with(a, shared);
    let then = assess_if(a, shared, w);
    let changes = changes(&today, &then);
    Comparison {
        today,
        then,
        changes,
    }
}

/// The findings whose level differs, most urgent first as the new result
/// orders them, then those that would go. A reason that changes while the
/// level stays is not a change a family needs to act on.
pub fn changes(today: &Report, then: &Report) -> Vec<Change> {
    let level = |r: &Report, id: &str| r.get(id).map(|f| f.level);
    let moved = then
        .findings
        .iter()
        .filter(|f| level(today, f.id) != Some(f.level))
        .map(|f| Change {
            id: f.id,
            before: level(today, f.id),
            after: Some(f.level),
        });
    let gone = today
        .findings
        .iter()
        .filter(|f| then.get(f.id).is_none())
        .map(|f| Change {
            id: f.id,
            before: Some(f.level),
            after: None,
        });
    moved.chain(gone).collect()
}

/// What one worker earns a year by the income calculator's figures, as a
/// suggestion for 少挣多少: `None` unless wages and workers were given.
pub fn wage_per_worker(a: &Answers) -> Option<i64> {
    if a.get("income") != Some("calc") {
        return None;
    }
    let wage = a.money("inc_wage")?.whole_yuan();
    let workers = a.count("workers").filter(|w| *w > 0)? as i64;
    (wage > 0).then_some(wage / workers)
}
