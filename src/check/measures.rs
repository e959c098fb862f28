//! 一户一策: what was promised a household: each measure with what will be
//! done, who answers for it, by when, how far it has got and a note. Kept
//! beside the list in `store::Extra.measures`, in the backup and its CSV,
//! merged like declarations ([`super::stamped`]): per household and measure
//! the later change wins and one only a phone has is never dropped.
//!
//! Stored in the self-check answers' text format (like declarations), so
//! the record gains no JSON struct code in the main module.

use super::answers::Answers;
use super::stamped::Stamped;
use crate::date::Date;
use serde::{Deserialize, Serialize};

/// How far a measure has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Progress {
    /// 未开始
    Todo,
    /// 进行中
    Doing,
    /// 已完成
    Done,
}

impl Progress {
    pub const ALL: [Progress; 3] = [Progress::Todo, Progress::Doing, Progress::Done];

    /// Stable key (stored, exported).
    pub fn key(self) -> &'static str {
        match self {
            Progress::Todo => "todo",
            Progress::Doing => "doing",
            Progress::Done => "done",
        }
    }

    pub fn from_key(k: &str) -> Option<Progress> {
        Progress::ALL.into_iter().find(|p| p.key() == k)
    }

    pub fn label(self) -> &'static str {
        match self {
            Progress::Todo => "未开始",
            Progress::Doing => "进行中",
            Progress::Done => "已完成",
        }
    }
}

/// Longest texts kept, in characters: a measure is a line, not a report.
pub const WHAT_MAX_CHARS: usize = 60;
pub const WHO_MAX_CHARS: usize = 20;
pub const NOTE_MAX_CHARS: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Answers", into = "Answers")]
pub struct Measure {
    /// The household's id in the list.
    pub id: String,
    /// This measure among the household's (made when it is added).
    pub key: String,
    /// What will be done, e.g. 「申请医疗救助」.
    pub what: String,
    /// Who answers for it (a name or a role), may be empty.
    pub who: String,
    /// By when, YYYY-MM-DD; empty: no date set.
    pub by: String,
    pub progress: Progress,
    pub note: String,
    pub stamp: u64,
    /// Removed: kept so that an older copy does not bring it back.
    pub removed: bool,
}

impl From<Measure> for Answers {
    fn from(m: Measure) -> Answers {
        let mut a = Answers::default();
        a.set("id", m.id);
        a.set("key", m.key);
        a.set("what", m.what);
        a.set("who", m.who);
        a.set("by", m.by);
        a.set("progress", m.progress.key().to_string());
        a.set("note", m.note);
        a.set("stamp", m.stamp.to_string());
        a.set(
            "removed",
            if m.removed { "1".into() } else { String::new() },
        );
        a
    }
}

impl TryFrom<Answers> for Measure {
    type Error = &'static str;

    /// A measure needs its household, key and progress; a stamp that is not
    /// a number makes it unreadable like any field of the wrong type. An
    /// empty `what` reads (and a backup's import drops it, saying so).
    fn try_from(a: Answers) -> Result<Measure, &'static str> {
        let text = |k: &str| a.get(k).unwrap_or_default().to_string();
        let need = |k: &str, why| a.get(k).map(str::to_string).ok_or(why);
        Ok(Measure {
            id: need("id", "a measure without its household")?,
            key: need("key", "a measure without its key")?,
            what: text("what"),
            who: text("who"),
            by: text("by"),
            progress: a
                .get("progress")
                .and_then(Progress::from_key)
                .ok_or("a measure's progress is not one of 未开始/进行中/已完成")?,
            note: text("note"),
            stamp: match a.get("stamp") {
                None => 0,
                Some(s) => s.parse().map_err(|_| "a measure's stamp is not a number")?,
            },
            removed: a.get("removed") == Some("1"),
        })
    }
}

impl Stamped for Measure {
    fn household(&self) -> &str {
        &self.id
    }
    fn key(&self) -> &str {
        &self.key
    }
    fn stamp(&self) -> u64 {
        self.stamp
    }
    fn removed(&self) -> bool {
        self.removed
    }
}

/// Where a measure stands on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    Done,
    /// Not done and its day has passed.
    Overdue,
    /// Not done, due in this calendar month (today included).
    ThisMonth,
    /// Not done, due later or with no date.
    Later,
}

impl Due {
    /// Where a measure with the day `by` and `progress` stands on `today`
    /// (for a caller that has read the day already).
    pub fn of(by: Option<Date>, progress: Progress, today: Date) -> Due {
        if progress == Progress::Done {
            return Due::Done;
        }
        match by {
            Some(d) if d < today => Due::Overdue,
            Some(d) if d.year == today.year && d.month == today.month => Due::ThisMonth,
            _ => Due::Later,
        }
    }
}

impl Measure {
    pub fn by_date(&self) -> Option<Date> {
        Date::parse(&self.by)
    }

    pub fn due(&self, today: Date) -> Due {
        Due::of(self.by_date(), self.progress, today)
    }

    /// 「申请医疗救助（张书记，12月31日前，进行中）」, 「…（已超期）」.
    pub fn line(&self, today: Date) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.who.is_empty() {
            parts.push(self.who.clone());
        }
        if let Some(d) = self.by_date() {
            parts.push(if d.year == today.year {
                format!("{}前", d.month_day())
            } else {
                format!("{}前", d.chinese())
            });
        }
        parts.push(
            match self.due(today) {
                Due::Overdue => "已超期",
                _ => self.progress.label(),
            }
            .to_string(),
        );
        format!("{}（{}）", self.what, parts.join("，"))
    }
}

/// The live (not removed) measures of household `id`: not done first, the
/// earliest day first, those without a day after; done ones last.
pub fn of<'a>(list: &'a [Measure], id: &str) -> Vec<&'a Measure> {
    let mut out: Vec<&Measure> = list.iter().filter(|m| m.id == id && !m.removed).collect();
    out.sort_by_key(|m| {
        (
            m.progress == Progress::Done,
            m.by_date().is_none(),
            m.by.clone(),
        )
    });
    out
}

/// Records or corrects a measure, replacing the one with its household and key.
pub fn set(list: &mut Vec<Measure>, m: Measure) {
    match list.iter_mut().find(|x| x.same(&m)) {
        Some(x) => *x = m,
        None => list.push(m),
    }
}

/// Removes a measure, keeping a removed record stamped `stamp`.
pub fn remove(list: &mut [Measure], id: &str, key: &str, stamp: u64) {
    if let Some(x) = list.iter_mut().find(|x| x.id == id && x.key == key) {
        x.removed = true;
        x.stamp = stamp;
    }
}

/// Drops the measures of households no longer kept.
pub fn prune(list: &mut Vec<Measure>, keep: impl Fn(&str) -> bool) {
    list.retain(|m| keep(&m.id));
}

/// A new key for a measure of household `id`, made at `now` with a random
/// `salt`: unique among its measures here (removed ones included), and,
/// by the salt, unlikely to meet a key another phone or tab made in the
/// same millisecond (a tab that has not heard of the other's new measure
/// would otherwise give its own the same key, and one would replace the
/// other when the two meet).
pub fn new_key(list: &[Measure], id: &str, now: u64, salt: u32) -> String {
    let mut n = now;
    loop {
        let key = format!("m{n}-{salt:x}");
        if !list.iter().any(|m| m.id == id && m.key == key) {
            return key;
        }
        n += 1;
    }
}

/// A measure as typed, checked: what is required and every text is cut to
/// its length; the day reads as people write it (2026-12-31, 12月31日 in
/// `today`'s year) and may be in the future, not before 2020.
pub fn checked(
    what: &str,
    who: &str,
    by: &str,
    today: Date,
) -> Result<(String, String, String), String> {
    let what = clip(what, WHAT_MAX_CHARS);
    if what.is_empty() {
        return Err("请写要做的事，例如“申请医疗救助”".into());
    }
    let by = by.trim();
    let day = if by.is_empty() {
        String::new()
    } else {
        let d = Date::parse_in(by, today.year)
            .ok_or_else(|| format!("看不懂日期“{by}”：请写成 2026-12-31 或 12月31日"))?;
        if d.year < 2020 {
            return Err("日期太早了：请写什么时候前要办完".into());
        }
        d.to_string()
    };
    Ok((what, clip(who, WHO_MAX_CHARS), day))
}

/// Trimmed, line breaks as spaces, at most `max` characters.
pub fn clip(s: &str, max: usize) -> String {
    // Most texts are tidy and short already: copied as they are (a
    // village's backup brings 3,000 measures, each with three texts).
    let tidy = |s: &str| {
        !s.starts_with(' ')
            && !s.ends_with(' ')
            && !s.contains("  ")
            && !s.chars().any(|c| c.is_whitespace() && c != ' ')
    };
    if s.len() <= max && tidy(s) {
        return s.to_string();
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

/// For the CSV: the household's measures, 「申请医疗救助（张书记，12月31日前，进行中）；…」.
pub fn summary(list: &[Measure], id: &str, today: Date) -> String {
    of(list, id)
        .into_iter()
        .map(|m| m.line(today))
        .collect::<Vec<_>>()
        .join("；")
}

/// Whether the measures of a household (`of`) have one overdue, and one
/// due this month.
pub fn standing(of: &[&Measure], today: Date) -> (bool, bool) {
    let mut out = (false, false);
    for m in of {
        match m.due(today) {
            Due::Overdue => out.0 = true,
            Due::ThisMonth => out.1 = true,
            _ => {}
        }
    }
    out
}
