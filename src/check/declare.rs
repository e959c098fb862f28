//! 我已申报: the day a family declared for a programme, and the clock it
//! starts. The rules give offices a time to answer; the family is the only
//! one who knows when it declared, and that date is its only lever when
//! nothing happens. What each programme needs and how long an answer takes
//! is `data/declare.toml` (with sources); the counting is `workdays`.
//!
//! Declarations are kept beside the household list (`store::Extra`), by
//! household id; this phone's own family (the self-check not saved to the
//! list) has the id [`OWN`]. A change carries a stamp (milliseconds), and a
//! removal stays as a removed record, so two tabs and an import keep the
//! later change instead of bringing back what was removed.

use super::answers::Answers;
use super::stamped::{self, Stamped};
use crate::date::Date;
use crate::sources::SourceKind;
use crate::workdays::{add_working_days, Due};
use serde::{Deserialize, Serialize};

/// Something to bring, said in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Document {
    pub key: &'static str,
    pub name: &'static str,
    pub note: &'static str,
}

/// A way to declare; `province` is "" where it is open everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channel {
    pub key: &'static str,
    pub province: &'static str,
    pub name: &'static str,
    pub how: &'static str,
    pub source: &'static str,
    pub kind: SourceKind,
}

/// How a source states the time to an answer (for the sheet).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub text: &'static str,
    pub source: &'static str,
    pub kind: SourceKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// National rules give this many 工作日 to an answer.
    Limit(u32),
    /// Local rules (some provinces) give about this many; others differ.
    Local(u32),
    /// No rule was found: the tool suggests asking after this many 工作日.
    AskAfter(u32),
}

/// A step of what happens after declaring, with its time limit if a source
/// gives one ("" otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub text: &'static str,
    pub limit: &'static str,
    pub source: &'static str,
    pub kind: SourceKind,
}

/// A programme one declares for (the finding of the same id): what the
/// clock and the home screen need. The sheet's part is [`ProgrammeSheet`],
/// kept apart so the home screen's module does not carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Programme {
    pub id: &'static str,
    pub name: &'static str,
    /// Where to go first.
    pub office: &'static str,
    /// Channel keys (`CHANNELS`).
    pub channels: &'static [&'static str],
    pub clock: Clock,
    pub rights: &'static [&'static str],
}

/// What the 申报准备单 says of a programme beyond [`Programme`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgrammeSheet {
    pub id: &'static str,
    pub documents: &'static [&'static str],
    /// The source's own account of the time to an answer, with
    /// `Clock::Limit` or `Clock::Local`.
    pub answer: Option<Limit>,
    pub rights_source: &'static str,
    pub rights_kind: SourceKind,
    pub steps: &'static [Step],
}

/// Programmes of which a household gets one at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alternative {
    pub ids: &'static [&'static str],
    pub text: &'static str,
    pub source: &'static str,
    pub kind: SourceKind,
}

include!(concat!(env!("OUT_DIR"), "/declare.rs"));

/// Whether `id` is a programme with a sheet: the link parser's check, which
/// needs only the ids, not the table of texts.
pub fn is_programme(id: &str) -> bool {
    PROGRAMME_IDS.contains(&id)
}

pub fn programme(id: &str) -> Option<&'static Programme> {
    PROGRAMMES.iter().find(|p| p.id == id)
}

pub fn sheet_of(id: &str) -> Option<&'static ProgrammeSheet> {
    SHEETS.iter().find(|p| p.id == id)
}

pub fn document(key: &str) -> Option<&'static Document> {
    DOCUMENTS.iter().find(|d| d.key == key)
}

/// The channels of `p` open in `province` (a province key, or "" unknown).
pub fn channels(p: &Programme, province: &str) -> Vec<&'static Channel> {
    p.channels
        .iter()
        .filter_map(|k| CHANNELS.iter().find(|c| c.key == *k))
        .filter(|c| c.province.is_empty() || c.province == province)
        .collect()
}

/// The id this phone's own family is declared under.
pub const OWN: &str = "";

/// One declaration. Stored and backed up as an object of texts, the
/// self-check answers' format (`Answers`, whose reading code the record
/// has anyway, so declarations add no JSON code of their own to the main
/// module): `id`, `programme`, `date`, `answered` and `removed` (`1`)
/// when set, `stamp` as digits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Answers", into = "Answers")]
pub struct Declared {
    /// The household's id in the list, or [`OWN`].
    pub id: String,
    /// A programme id of `data/declare.toml`.
    pub programme: String,
    /// The day it was declared, YYYY-MM-DD.
    pub date: String,
    /// The day an answer came, when the family noted one.
    pub answered: Option<String>,
    /// When this record was last changed (milliseconds since 1970): the
    /// later change wins when two copies meet.
    pub stamp: u64,
    /// Removed: kept so that another tab's older copy does not bring it back.
    pub removed: bool,
}

impl From<Declared> for Answers {
    fn from(d: Declared) -> Answers {
        let mut a = Answers::default();
        a.set("id", d.id);
        a.set("programme", d.programme);
        a.set("date", d.date);
        a.set("answered", d.answered.unwrap_or_default());
        a.set("stamp", d.stamp.to_string());
        a.set(
            "removed",
            if d.removed { "1".into() } else { String::new() },
        );
        a
    }
}

impl TryFrom<Answers> for Declared {
    type Error = &'static str;

    /// A declaration needs its programme and date; a stamp that is not a
    /// number makes it unreadable like any field of the wrong type.
    fn try_from(a: Answers) -> Result<Declared, &'static str> {
        let text = |k: &str| a.get(k).map(str::to_string);
        Ok(Declared {
            id: text("id").unwrap_or_default(),
            programme: text("programme").ok_or("a declaration without its programme")?,
            date: text("date").ok_or("a declaration without its date")?,
            answered: text("answered"),
            stamp: match a.get("stamp") {
                None => 0,
                Some(s) => s
                    .parse()
                    .map_err(|_| "a declaration's stamp is not a number")?,
            },
            removed: a.get("removed") == Some("1"),
        })
    }
}

impl Declared {
    pub fn day(&self) -> Option<Date> {
        Date::parse(&self.date)
    }

    pub fn programme(&self) -> Option<&'static Programme> {
        programme(&self.programme)
    }
}

/// Where a declaration stands on `today`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// An answer is due by `due` (a rule's limit).
    Waiting(Due),
    /// The limit passed without an answer.
    Overdue(Due),
    /// No rule gives a limit for the whole: worth asking from `ask` on.
    AskLater(Due),
    /// That day has come.
    AskNow(Due),
    /// The family noted an answer on this day.
    Answered(Date),
}

impl Status {
    /// Waiting for an answer, whether or not its time has passed.
    pub fn open(self) -> bool {
        !matches!(self, Status::Answered(_))
    }

    /// A limit the rules give has passed.
    pub fn late(self) -> bool {
        matches!(self, Status::Overdue(_))
    }

    /// Time to ask or to press: past a limit, or past the day to ask.
    pub fn act(self) -> bool {
        matches!(self, Status::Overdue(_) | Status::AskNow(_))
    }
}

/// The status of `d` on `today`; `None` when its programme or date does not read.
pub fn status(d: &Declared, today: Date) -> Option<Status> {
    let p = d.programme()?;
    let day = d.day()?;
    if let Some(a) = d.answered.as_deref().and_then(Date::parse) {
        return Some(Status::Answered(a));
    }
    Some(match p.clock {
        Clock::Limit(days) | Clock::Local(days) => {
            let due = add_working_days(day, days);
            if today > due.date {
                Status::Overdue(due)
            } else {
                Status::Waiting(due)
            }
        }
        Clock::AskAfter(n) => {
            let ask = add_working_days(day, n);
            if today >= ask.date {
                Status::AskNow(ask)
            } else {
                Status::AskLater(ask)
            }
        }
    })
}

/// `date` in a sentence: 「12月7日」 in `today`'s year, else with its year.
fn day_told(date: Date, today: Date) -> String {
    if date.year == today.year {
        date.month_day()
    } else {
        date.chinese()
    }
}

/// The sentence a family reads: 「您家12月7日申报了防返贫监测，按规定约12月21日前应有答复。」
/// `who` is 「您家」 or a household's label.
pub fn sentence(d: &Declared, today: Date, who: &str) -> Option<String> {
    let p = d.programme()?;
    let head = format!("{who}{}申报了{}", day_told(d.day()?, today), p.name);
    let y = today.year;
    // A national rule 「按规定」; local ones differ, so 「一般」.
    let (rule, days) = match p.clock {
        Clock::Limit(n) => ("按规定", n),
        Clock::Local(n) => ("各地规定不同，一般", n),
        Clock::AskAfter(n) => ("", n),
    };
    Some(match status(d, today)? {
        Status::Waiting(due) => format!("{head}，{rule}{}前应有答复。", due.told(y)),
        Status::Overdue(due) => format!(
            "{head}，{rule}{}前应有答复，已经过了{days}个工作日。",
            due.told(y)
        ),
        Status::AskLater(ask) => format!(
            "{head}。这一项没有规定总的答复期限，{}还没有消息可以去问。",
            ask.told(y)
        ),
        Status::AskNow(ask) => format!(
            "{head}。这一项没有规定总的答复期限；已经到了{}，还没有消息可以去问。",
            ask.told(y)
        ),
        Status::Answered(a) => format!("{head}，{}有了答复。", day_told(a, today)),
    })
}

/// What to do when the time has passed: ask, call, ask for the reason in
/// writing, then the programme's own rights.
pub fn overdue_advice(p: &Programme) -> Vec<String> {
    let mut out = vec![format!(
        "到{}问一问办到哪一步了，为什么还没有答复。",
        p.office
    )];
    if p.channels.contains(&"12317") {
        out.push("打12317（防止返贫监测和乡村振兴咨询服务电话）反映。".to_string());
    }
    out.push("没批的，请他们把理由写下来。".to_string());
    out.extend(p.rights.iter().map(|r| r.to_string()));
    out
}

/// The earliest date a declaration may have.
pub const EARLIEST: Date = Date {
    year: 2020,
    month: 1,
    day: 1,
};

/// Reads a declaration date as typed (「2026-12-07」「2026.12.7」「2026年12月7日」
/// 「12月7日」, the last in `today`'s year) and refuses a day after `today`, or
/// before `since` (the household's first visit) or 2020.
pub fn read_date(text: &str, today: Date, since: Option<Date>) -> Result<Date, String> {
    let t = crate::parse::normalize(text.trim());
    if t.is_empty() {
        return Err("请填申报的日期，比如 2026-12-07。".into());
    }
    // No year: the last such day up to today (「12月28日」 typed in January
    // is last year's).
    let date = Date::parse(&t).or_else(|| {
        Date::parse_in(&t, today.year)
            .filter(|x| *x <= today)
            .or_else(|| Date::parse_in(&t, today.year - 1))
    });
    let Some(date) = date else {
        return Err(format!(
            "“{}”不是日期。请写成 2026-12-07 或 12月7日。",
            crate::parse::short(text)
        ));
    };
    if date > today {
        return Err(format!(
            "{}还没到，申报日期不能晚于今天（{}）。",
            date.chinese(),
            today.chinese()
        ));
    }
    if let Some(since) = since.filter(|s| date < *s) {
        return Err(format!(
            "这一户是{}才记进名单的，申报日期不能更早。",
            since.chinese()
        ));
    }
    if date < EARLIEST {
        return Err(format!("{}太早了，请检查年份。", date.chinese()));
    }
    Ok(date)
}

/// The live (not removed) declarations of household `id`, in programme order.
pub fn of<'a>(list: &'a [Declared], id: &str) -> Vec<&'a Declared> {
    let mut out: Vec<&Declared> = list.iter().filter(|d| d.id == id && !d.removed).collect();
    out.sort_by_key(|d| {
        PROGRAMMES
            .iter()
            .position(|p| p.id == d.programme)
            .unwrap_or(PROGRAMMES.len())
    });
    out
}

/// Whether household `id` has a declaration waiting for an answer
/// (`Some`), and whether one of those is past the limit the rules give.
pub fn waiting(list: &[Declared], id: &str, today: Date) -> Option<bool> {
    let open: Vec<Status> = of(list, id)
        .into_iter()
        .filter_map(|d| status(d, today).filter(|s| s.open()))
        .collect();
    (!open.is_empty()).then(|| open.iter().any(|s| s.late()))
}

/// The live declaration of `id` for `programme`.
pub fn find<'a>(list: &'a [Declared], id: &str, programme: &str) -> Option<&'a Declared> {
    list.iter()
        .find(|d| d.id == id && d.programme == programme && !d.removed)
}

/// Records (or corrects) a declaration, replacing any for the same
/// household and programme.
pub fn set(list: &mut Vec<Declared>, d: Declared) {
    match list
        .iter_mut()
        .find(|x| x.id == d.id && x.programme == d.programme)
    {
        Some(x) => *x = d,
        None => list.push(d),
    }
}

/// Removes a declaration, keeping a removed record stamped `stamp`.
pub fn remove(list: &mut [Declared], id: &str, programme: &str, stamp: u64) {
    if let Some(x) = list
        .iter_mut()
        .find(|x| x.id == id && x.programme == programme)
    {
        x.removed = true;
        x.answered = None;
        x.stamp = stamp;
    }
}

/// The stamp for a change made `now` (milliseconds) to the declaration of
/// `id` for `programme` ([`stamped::next_stamp`]).
pub fn next_stamp(list: &[Declared], id: &str, programme: &str, now: u64) -> u64 {
    stamped::next_stamp(list, id, programme, now)
}

/// Both copies together ([`stamped::merge`]): per household and programme,
/// the later change (higher stamp; on a tie a removal, else `ours`).
pub fn merge(ours: &[Declared], theirs: &[Declared]) -> Vec<Declared> {
    stamped::merge(ours, theirs)
}

impl Stamped for Declared {
    fn household(&self) -> &str {
        &self.id
    }
    fn key(&self) -> &str {
        &self.programme
    }
    fn stamp(&self) -> u64 {
        self.stamp
    }
    fn removed(&self) -> bool {
        self.removed
    }
}

/// Drops the declarations of households no longer kept (`keep` says which
/// ids stay; [`OWN`] always does).
pub fn prune(list: &mut Vec<Declared>, keep: impl Fn(&str) -> bool) {
    list.retain(|d| d.id == OWN || keep(&d.id));
}

/// For the CSV: the household's declarations in a few words each,
/// 「防返贫监测 2026-12-07 申报，约2026-12-21前答复（已超期）」.
pub fn summary(list: &[Declared], id: &str, today: Date) -> String {
    of(list, id)
        .into_iter()
        .filter_map(|d| {
            let p = d.programme()?;
            let s = status(d, today)?;
            let tail = match s {
                Status::Waiting(due) => {
                    format!("{}{}前答复", if due.exact { "" } else { "约" }, due.date)
                }
                Status::Overdue(due) => format!(
                    "{}{}前答复（已超期）",
                    if due.exact { "" } else { "约" },
                    due.date
                ),
                Status::AskLater(a) | Status::AskNow(a) => format!("无统一期限，{}可去问", a.date),
                Status::Answered(a) => format!("{a}已答复"),
            };
            Some(format!("{} {}申报，{tail}", p.name, d.date))
        })
        .collect::<Vec<_>>()
        .join("；")
}
