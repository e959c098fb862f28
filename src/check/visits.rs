//! Visits (走访) over time. A [`Household`] stays what it always was, the
//! latest check (its date and answers), so every reader of the list (risk,
//! sorting, CSV, older builds of the app) keeps working on the household as it
//! stands today. What came before is kept beside the list, one [`History`]
//! per household that has any: the latest visit's note and the earlier
//! visits, oldest first. A household without notes or earlier visits has no
//! `History` at all, so a list from before visits is stored exactly as it was.
//!
//! Stored compactly (see [`History`]): an earlier visit keeps only its date,
//! its note and its answers, and after the first only the answers that changed
//! since the visit before. Findings are never stored; they are worked out
//! again from the answers, with the figures in force.
//!
//! One visit per household per day: a second save on the same day is the same
//! visit, corrected. That day is also how two phones' copies of a visit are
//! matched when a backup is imported (`check::merge`).

use super::answers::{answer_text, count_of, Answers};
use super::households::{self, Household, Index};
use super::questions::{self, Kind, Question, UNKNOWN};
use super::rules::{assess_with, Level, Risk};
use super::text;
use crate::date::Date;
use crate::local::LocalFigures;
use crate::strict::{self, Obj};
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};
use std::cmp::Ordering;

/// Longer notes are cut: a note says what was found and what was done, in a
/// line or two, and a thousand households' notes must fit the record.
pub const NOTE_MAX_CHARS: usize = 200;

/// One visit: the day, what the cadre noted, the answers as they stood then.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visit {
    /// YYYY-MM-DD.
    pub date: String,
    pub note: String,
    pub answers: Answers,
}

/// What is kept about one household besides its latest check.
///
/// In the record and the backup: `{"id":…,"note":…,"earlier":[…]}`, `note`
/// and `earlier` left out when empty. Each earlier visit is
/// `{"date":…,"note":…,"answers":{…}}` for the oldest and
/// `{"date":…,"note":…,"changes":{…}}` after it: only the answers that differ
/// from the visit before, an empty text for one no longer given (`changes`
/// left out when nothing changed). That keeps 1,000 households with five visits
/// each near 1 MB instead of over 2 MB; the answers themselves are in the
/// format the list has always used.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct History {
    /// The household's id.
    pub id: String,
    /// The latest visit's note (the latest visit itself is the household).
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "strict::or_default"
    )]
    pub note: String,
    /// Visits before the latest one, oldest first.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "write_chain",
        deserialize_with = "read_chain"
    )]
    pub earlier: Vec<Visit>,
}

impl History {
    /// Nothing worth storing: no note, no earlier visit.
    pub fn is_empty(&self) -> bool {
        self.note.is_empty() && self.earlier.is_empty()
    }
}

/// An earlier visit as stored.
#[derive(serde::Serialize, serde::Deserialize)]
struct StoredVisit {
    date: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "strict::or_default"
    )]
    note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    answers: Option<Answers>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    changes: Option<Answers>,
}

/// The answers of `now` as changes from `before`: what differs, and an empty
/// text for an answer no longer given.
fn changes(before: &Answers, now: &Answers) -> Answers {
    let mut out: Vec<(String, String)> = now
        .iter()
        .filter(|(k, v)| !v.is_empty() && before.get(k) != Some(v))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    out.extend(
        before
            .iter()
            .filter(|(k, v)| !v.is_empty() && now.get(k).is_none())
            .map(|(k, _)| (k.to_string(), String::new())),
    );
    Answers::from_pairs(out)
}

/// `before` with `changes` applied (an empty text removes the answer).
fn apply(before: &Answers, changes: &Answers) -> Answers {
    let mut a = before.clone();
    for (k, v) in changes.iter() {
        a.set(k, v.to_string());
    }
    a
}

fn write_chain<S: Serializer>(visits: &[Visit], s: S) -> Result<S::Ok, S::Error> {
    let mut out = Vec::with_capacity(visits.len());
    let mut before: Option<&Answers> = None;
    for v in visits {
        let (answers, changes) = match before {
            None => (Some(v.answers.clone()), None),
            Some(b) => {
                let c = changes(b, &v.answers);
                (None, (c != Answers::default()).then_some(c))
            }
        };
        out.push(StoredVisit {
            date: v.date.clone(),
            note: v.note.clone(),
            answers,
            changes,
        });
        before = Some(&v.answers);
    }
    out.serialize(s)
}

/// Reads the chain back. Either key may start the chain afresh (`answers`,
/// whole) or continue it (`changes`); both on one visit is a damaged file.
fn read_chain<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Visit>, D::Error> {
    let stored = Option::<Vec<Obj<StoredVisit>>>::deserialize(d)?.unwrap_or_default();
    let mut out: Vec<Visit> = Vec::with_capacity(stored.len());
    for Obj(s) in stored {
        let before = out.last().map(|v| v.answers.clone()).unwrap_or_default();
        let answers = match (s.answers, s.changes) {
            (Some(_), Some(_)) => {
                return Err(serde::de::Error::custom(
                    "a visit with both answers and changes",
                ))
            }
            (Some(a), None) => a,
            (None, Some(c)) => apply(&before, &c),
            (None, None) => before,
        };
        out.push(Visit {
            date: s.date,
            note: s.note,
            answers,
        });
    }
    Ok(out)
}

/// The history kept for household `id`, if any.
pub fn find<'a>(history: &'a [History], id: &str) -> Option<&'a History> {
    history.iter().find(|h| h.id == id)
}

/// Orders visit dates: by the calendar where both read as dates (the list's
/// own dates are checked when typed or imported), else as texts.
fn by_date(a: &str, b: &str) -> Ordering {
    match (Date::parse(a), Date::parse(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.cmp(b),
    }
}

/// The histories by household id, for looking up many households at once
/// (with [`found`]).
pub fn index(history: &[History]) -> Index<'_> {
    households::index(history.iter().map(|k| k.id.as_str()))
}

/// The history of household `id` through `index`, made by [`index`] of `history`.
pub fn found<'a>(history: &'a [History], index: &Index, id: &str) -> Option<&'a History> {
    index.get(id).and_then(|&i| history.get(i))
}

/// Every visit of `h`, oldest first, the latest being the household itself.
pub fn timeline(h: &Household, history: &[History]) -> Vec<Visit> {
    timeline_with(h, find(history, &h.id))
}

/// [`timeline`] with the household's history already found.
pub fn timeline_with(h: &Household, kept: Option<&History>) -> Vec<Visit> {
    let mut all: Vec<Visit> = kept.map(|k| k.earlier.clone()).unwrap_or_default();
    all.push(Visit {
        date: h.date.clone(),
        note: kept.map(|k| k.note.clone()).unwrap_or_default(),
        answers: h.answers.clone(),
    });
    all
}

/// The household's visits for its page: newest first.
pub fn visits(h: &Household, history: &[History]) -> Vec<Visit> {
    let mut v = timeline(h, history);
    v.reverse();
    v
}

/// Sets `h`'s visits to `all` (any order; one per date, the last of a date
/// wins): the latest becomes the household's date and answers, the rest its
/// history. An empty `all` leaves the household as it is.
pub fn set_timeline(h: &mut Household, history: &mut Vec<History>, all: Vec<Visit>) {
    if all.is_empty() {
        return;
    }
    let at = history.iter().position(|k| k.id == h.id);
    match (at, settle(h, all)) {
        (Some(i), Some(kept)) => history[i] = kept,
        (Some(i), None) => {
            history.remove(i);
        }
        (None, Some(kept)) => history.push(kept),
        (None, None) => {}
    }
}

/// [`set_timeline`] without the history: makes `h` its latest visit and
/// gives the earlier ones, or `None` when there are none to keep (or `all`
/// is empty, which leaves `h` as it is). An import
/// that already knows a household has no history yet pushes the result
/// itself instead of searching a thousand histories for each household.
pub fn settle(h: &mut Household, mut all: Vec<Visit>) -> Option<History> {
    // Stable, so of two visits on one date the later in `all` comes last.
    all.sort_by(|a, b| by_date(&a.date, &b.date));
    let mut one_a_day: Vec<Visit> = Vec::with_capacity(all.len());
    for v in all {
        match one_a_day.last_mut() {
            Some(last) if last.date == v.date => *last = v,
            _ => one_a_day.push(v),
        }
    }
    let latest = one_a_day.pop()?;
    h.date = latest.date;
    h.answers = latest.answers;
    let kept = History {
        id: h.id.clone(),
        note: latest.note,
        earlier: one_a_day,
    };
    (!kept.is_empty()).then_some(kept)
}

/// The note as kept: trimmed, at most [`NOTE_MAX_CHARS`] characters.
pub fn clean_note(note: &str) -> String {
    note.trim().chars().take(NOTE_MAX_CHARS).collect()
}

/// Saves a visit to household `id` on `date`: a new dated check when the day
/// is new, the same day's visit corrected otherwise. The questionnaire for a
/// new visit starts from the household's current answers (`h.answers`), so
/// only what changed needs touching. False when there is no such household.
pub fn add_visit(
    list: &mut [Household],
    history: &mut Vec<History>,
    id: &str,
    date: Date,
    note: &str,
    answers: Answers,
) -> bool {
    let Some(h) = list.iter_mut().find(|h| h.id == id) else {
        return false;
    };
    let mut all = timeline(h, history);
    all.push(Visit {
        date: date.to_string(),
        note: clean_note(note),
        answers,
    });
    set_timeline(h, history, all);
    true
}

/// Histories only for households still in `list` (after a delete).
pub fn prune(history: &mut Vec<History>, list: &[Household]) {
    let ids = households::index(list.iter().map(|h| h.id.as_str()));
    history.retain(|k| !k.is_empty() && ids.contains_key(k.id.as_str()));
}

/// What changed between two visits, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The two visits' dates, older first.
    pub dates: (String, String),
    /// Household risk at the older visit and at the newer.
    pub risk: (Risk, Risk),
    /// 「人均年收入从 1万–1.5万元 降到 8000–1万元」, in questionnaire order.
    pub answers: Vec<String>,
    /// 「低保：从 可能符合 变成 很可能符合」, 「新出现：危房改造（有风险）」.
    pub findings: Vec<String>,
}

impl Change {
    /// `Risk` orders High first, so a rise is a move to a smaller one.
    pub fn risk_rose(&self) -> bool {
        self.risk.1 < self.risk.0
    }

    pub fn risk_fell(&self) -> bool {
        self.risk.1 > self.risk.0
    }

    /// One line for the household's page:
    /// 「风险升高：人均年收入从 1万–1.5万元 降到 8000–1万元」.
    pub fn headline(&self) -> String {
        let what = if self.risk_rose() {
            "风险升高"
        } else if self.risk_fell() {
            "风险降低"
        } else {
            "风险没变"
        };
        let reasons = if self.answers.is_empty() {
            &self.findings
        } else {
            &self.answers
        };
        match reasons.len() {
            0 if self.risk.0 == self.risk.1 => "和上次一样，没有变化".to_string(),
            0 => what.to_string(),
            1 | 2 => format!("{what}：{}", reasons.join("；")),
            n => format!("{what}：{}等{n}项", reasons[..2].join("；")),
        }
    }
}

/// What changed from `older` to `newer`, with the 本地数字 in use.
pub fn change(older: &Visit, newer: &Visit, local: Option<&LocalFigures>) -> Change {
    let (a, b) = (&older.answers, &newer.answers);
    let (ra, rb) = (assess_with(a, local), assess_with(b, local));
    let mut answers = Vec::new();
    for q in questions::all_questions() {
        if let Some(line) = answer_change(q.id, Some(q), a.get(q.id), b.get(q.id)) {
            answers.push(line);
        }
    }
    // Answers to questions this build does not know (kept, not judged).
    let mut other: Vec<&str> = a.iter().chain(b.iter()).map(|(k, _)| k).collect();
    other.retain(|k| questions::question(k).is_none());
    other.sort_unstable();
    other.dedup();
    for k in other {
        if let Some(line) = answer_change(k, None, a.get(k), b.get(k)) {
            answers.push(line);
        }
    }
    let shown = |r: &super::Report| -> Vec<(&'static str, Level)> {
        r.findings
            .iter()
            .filter(|f| {
                f.id != "everyone"
                    && matches!(
                        f.level,
                        Level::Risk | Level::Likely | Level::Possible | Level::Unclear
                    )
            })
            .map(|f| (f.id, f.level))
            .collect()
    };
    let (fa, fb) = (shown(&ra), shown(&rb));
    let mut findings = Vec::new();
    for (id, lb) in &fb {
        let title = text(id).title;
        match fa.iter().find(|(i, _)| i == id) {
            None => findings.push(format!("新出现：{title}（{}）", lb.label())),
            Some((_, la)) if la != lb => {
                findings.push(format!("{title}：从 {} 变成 {}", la.label(), lb.label()))
            }
            Some(_) => {}
        }
    }
    for (id, la) in &fa {
        if !fb.iter().any(|(i, _)| i == id) {
            findings.push(format!(
                "不再提示：{}（上次{}）",
                text(id).title,
                la.label()
            ));
        }
    }
    Change {
        dates: (older.date.clone(), newer.date.clone()),
        risk: (ra.risk(), rb.risk()),
        answers,
        findings,
    }
}

/// What changed between the household's last two visits; `None` when it has
/// only one.
pub fn last_change(
    h: &Household,
    history: &[History],
    local: Option<&LocalFigures>,
) -> Option<Change> {
    let kept = find(history, &h.id)?;
    let older = kept.earlier.last()?;
    let newer = Visit {
        date: h.date.clone(),
        note: kept.note.clone(),
        answers: h.answers.clone(),
    };
    Some(change(older, &newer, local))
}

/// Short names of the questions, for sentences about what changed.
fn short_name(id: &str) -> Option<&'static str> {
    Some(match id {
        "members" => "家庭人口",
        "workers" => "能挣钱的人数",
        "main_age" => "主要劳动力年龄",
        "who" => "家里的老人孩子",
        "support" => "有人赡养抚养",
        "province" => "所在省份",
        "status" => "家庭身份",
        "income" => "人均年收入",
        "inc_wage" => "打工收入",
        "inc_biz" => "种养和生意收入",
        "inc_cost" => "种养和生意成本",
        "inc_property" => "流转、出租、分红收入",
        "inc_transfer" => "养老金、低保金和补贴",
        "income_drop" => "收入变化",
        "local_line" => "本地监测线",
        "local_dibao" => "本地低保标准",
        "food" => "吃穿",
        "water" => "吃水",
        "school" => "孩子上学",
        "vocational" => "读中职高职",
        "insured" => "医保",
        "illness" => "疾病残疾",
        "medical" => "自付医药费",
        "house" => "住房",
        "events" => "过去12个月的变故",
        "plan" => "发展打算",
        "needs" => "需要的帮助",
        _ => return None,
    })
}

/// A figure to say whether an answer went up or down: a band's lower end,
/// a count, money in fen. `None` for answers without an order.
fn magnitude(q: &Question, v: &str) -> Option<i64> {
    if v == UNKNOWN {
        return None;
    }
    match q.kind {
        Kind::One(opts) => opts.iter().find(|o| o.key == v)?.band.map(|b| b.0),
        Kind::Count { .. } => count_of(v),
        Kind::Money => crate::parse::parse_amount_or_zero(v).ok().map(|f| f.0),
        _ => None,
    }
}

fn answer_change(
    id: &str,
    q: Option<&Question>,
    before: Option<&str>,
    now: Option<&str>,
) -> Option<String> {
    if before == now {
        return None;
    }
    let name = short_name(id)
        .map(str::to_string)
        .or_else(|| q.map(|q| q.text.to_string()))
        .unwrap_or_else(|| crate::parse::short(id));
    Some(match (before, now) {
        (None, Some(n)) => format!("{name}：这次填了 {}", answer_text(q, n)),
        (Some(b), None) => format!("{name}：这次没填（上次是 {}）", answer_text(q, b)),
        (Some(b), Some(n)) => {
            let (tb, tn) = (answer_text(q, b), answer_text(q, n));
            let counted = matches!(q.map(|q| q.kind), Some(Kind::Count { .. }));
            let order = q.and_then(|q| Some(magnitude(q, n)?.cmp(&magnitude(q, b)?)));
            let verb = match (order, counted) {
                (Some(Ordering::Less), true) => "减到",
                (Some(Ordering::Greater), true) => "增到",
                (Some(Ordering::Less), false) => "降到",
                (Some(Ordering::Greater), false) => "升到",
                _ => "变成",
            };
            format!("{name}从 {tb} {verb} {tn}")
        }
        (None, None) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(pairs: &[(&str, &str)]) -> Answers {
        Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn changes_and_apply_are_inverse() {
        let before = a(&[("members", "4"), ("income", "gt15000"), ("food", "yes")]);
        let now = a(&[("members", "3"), ("income", "gt15000"), ("house", "cd")]);
        let c = changes(&before, &now);
        assert_eq!(c, a(&[("members", "3"), ("food", ""), ("house", "cd")]));
        assert_eq!(apply(&before, &c), now);
    }

    #[test]
    fn an_income_drop_reads_as_a_plain_sentence() {
        let q = questions::question("income");
        assert_eq!(
            answer_change("income", q, Some("10000_15000"), Some("8000_10000")).unwrap(),
            "人均年收入从 1万–1.5万元 降到 8000–1万元"
        );
        let q = questions::question("members");
        assert_eq!(
            answer_change("members", q, Some("4"), Some("3")).unwrap(),
            "家庭人口从 4人 减到 3人"
        );
        let q = questions::question("house");
        assert_eq!(
            answer_change("house", q, Some("safe"), Some("unknown")).unwrap(),
            "住房从 安全，不漏雨、没裂缝 变成 不清楚"
        );
    }
}
