//! The cadre's household list: saved answers per household, CSV export that
//! Excel opens in Chinese, and a JSON backup whose import never loses or
//! silently overwrites what is already on the phone.

use super::answers::Answers;
use super::declare::{self, Declared};
use super::measures::{self, Measure};
use super::rules::{assess_with, Risk};
use super::text;
use super::visits::{self, History};
use crate::date::Date;
use crate::local::LocalFigures;
use crate::strict;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cmp::Ordering;
use std::collections::HashMap;

/// In the stored record and the backup file: an object with every field, in
/// this order (none may be missing).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Household {
    /// Stable id, unique on this phone and across backups.
    pub id: String,
    /// A label, not necessarily a name (e.g. "3组 王家").
    pub label: String,
    pub village: String,
    /// Date of the visit, YYYY-MM-DD.
    pub date: String,
    pub answers: Answers,
}

impl Household {
    /// With the 本地数字 accepted on the phone, if any (see `rules::assess_with`).
    pub fn risk(&self, local: Option<&LocalFigures>) -> Risk {
        assess_with(&self.answers, local).risk()
    }

    /// Risk and the most important finding, from one assessment.
    pub fn overview(&self, local: Option<&LocalFigures>) -> (Risk, String) {
        let r = assess_with(&self.answers, local);
        (r.risk(), top_line(&r))
    }
}

/// The most serious finding ([`super::Report::most_serious`]) and its first
/// reason, the problem itself: 「可以向村委会申报防返贫监测（可能符合）：收入比
/// 前一年少了一半以上」; or 「暂无需要特别处理的事」.
fn top_line(r: &super::Report) -> String {
    r.most_serious().map_or_else(
        || "暂无需要特别处理的事".to_string(),
        |f| {
            let line = if super::rules::BASICS.contains(&f.id) {
                // 「住房安全有风险：…」, not two colons in a row.
                format!("{}{}", text(f.id).title, f.level.label())
            } else {
                finding_line(f.id, f.level)
            };
            // The reason's first sentence: the problem, not the advice after it.
            match f.why.first().and_then(|w| w.split('。').next()) {
                Some(why) if !why.is_empty() => format!("{line}：{why}"),
                _ => line,
            }
        },
    )
}

fn finding_line(id: &str, level: super::Level) -> String {
    let t = text(id);
    if super::rules::BASICS.contains(&id) {
        format!("{}：{}", t.title, level.label())
    } else {
        format!("{}（{}）", t.title, level.label())
    }
}

/// The household saved last: the latest visit date, and of those the one
/// latest in the list (a new household is added at the end). A cadre's
/// next household is likely in the same village and province.
pub fn last_saved(list: &[Household]) -> Option<&Household> {
    list.iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.date.cmp(&b.date).then(i.cmp(j)))
        .map(|(_, h)| h)
}

const BACKUP_APP: &str = "bangfu";
const BACKUP_KIND: &str = "households";
const BACKUP_VERSION: u32 = 1;
/// Larger files are refused before parsing: a real list is a few hundred KB.
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;

/// The backup file, fields in this order.
#[derive(Serialize)]
struct Backup<'a> {
    app: &'a str,
    kind: &'a str,
    version: u32,
    exported: String,
    households: &'a [Household],
    /// Earlier visits and notes (`visits::History`), after the households
    /// and left out when there are none: a file without them is the same
    /// text as before visits, and an app from before visits imports the
    /// households (their latest visits) and ignores the rest. So the file's
    /// version stays 1.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    visits: Vec<&'a History>,
    /// 我已申报 of these households (not removed ones), after the visits
    /// and left out when there are none, for the same reason.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    declared: Vec<&'a Declared>,
    /// 一户一策 of these households (not removed ones), last, left out when
    /// there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    measures: Vec<&'a Measure>,
}

/// The backup file: JSON indented by two spaces (people may open it in a
/// text editor).
pub fn backup_json(list: &[Household], today: Date) -> String {
    backup_json_with(list, &[], today)
}

/// The backup file with the households' earlier visits and notes (those of
/// households in `list` only, so a file of one village carries that
/// village's visits).
pub fn backup_json_with(list: &[Household], history: &[History], today: Date) -> String {
    backup_json_full(list, history, &[], today)
}

/// The backup file with the earlier visits and notes and the declarations
/// of the households in `list`.
pub fn backup_json_full(
    list: &[Household],
    history: &[History],
    declared: &[Declared],
    today: Date,
) -> String {
    backup_json_all(list, history, declared, &[], today)
}

/// The backup file with everything kept about the households in `list`:
/// earlier visits and notes, declarations and measures.
pub fn backup_json_all(
    list: &[Household],
    history: &[History],
    declared: &[Declared],
    measures: &[Measure],
    today: Date,
) -> String {
    let at = index(list.iter().map(|h| h.id.as_str()));
    let file = Backup {
        app: BACKUP_APP,
        kind: BACKUP_KIND,
        version: BACKUP_VERSION,
        exported: today.to_string(),
        households: list,
        visits: history
            .iter()
            .filter(|k| !k.is_empty() && at.contains_key(k.id.as_str()))
            .collect(),
        declared: declared
            .iter()
            .filter(|d| !d.removed && at.contains_key(d.id.as_str()))
            .collect(),
        measures: measures
            .iter()
            .filter(|m| !m.removed && at.contains_key(m.id.as_str()))
            .collect(),
    };
    serde_json::to_string_pretty(&file).expect("a household list always serializes")
}

/// Reads a backup file from its bytes: the app writes UTF-8, so anything
/// else (a list saved again as GBK by a spreadsheet or editor) is refused
/// instead of read with its Chinese turned into replacement characters.
pub fn read_backup_bytes(bytes: &[u8]) -> Result<(Vec<Household>, Vec<String>), String> {
    read_backup_bytes_full(bytes).map(|i| (i.households, i.notes))
}

/// A backup file as read: the households (each as of its latest visit), their
/// earlier visits and notes, and what was dropped as invalid.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub households: Vec<Household>,
    pub visits: Vec<History>,
    /// 我已申报 of the file's households.
    pub declared: Vec<Declared>,
    /// 一户一策 of the file's households.
    pub measures: Vec<Measure>,
    pub notes: Vec<String>,
}

/// [`read_backup_bytes`] with the earlier visits.
pub fn read_backup_bytes_full(bytes: &[u8]) -> Result<Imported, String> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err("文件太大，不是帮扶助手的备份文件。".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        "这个文件的文字编码不对（不是 UTF-8，可能被别的软件另存过，比如存成了 GBK），不是帮扶助手导出的原备份文件。请导入“导出备份”得到的原文件。".to_string()
    })?;
    read_backup_full(text)
}

/// Reads a backup file. A file that is not a household backup of a version we
/// understand is refused with a message; answers that are no longer valid are
/// dropped and listed.
pub fn read_backup(text: &str) -> Result<(Vec<Household>, Vec<String>), String> {
    read_backup_full(text).map(|i| (i.households, i.notes))
}

/// [`read_backup`] with the earlier visits and notes. A visit whose date does
/// not read, or two histories for one household, make the file damaged; a
/// history for a household not in the file is dropped and named.
pub fn read_backup_full(text: &str) -> Result<Imported, String> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err("文件太大，不是帮扶助手的备份文件。请选帮扶助手导出的备份（.json）。".into());
    }
    let text = text.trim_start_matches('\u{feff}');
    let unreadable =
        || "这个文件读不出来：不是帮扶助手导出的备份（JSON）文件，或者文件已损坏。".to_string();
    let Ok(Value::Object(mut doc)) = serde_json::from_str(text) else {
        return Err(unreadable());
    };
    // A field that is missing or null is `None`.
    let optional = |key: &str| doc.get(key).filter(|v| !v.is_null());
    let text_of = |key: &str| optional(key).map(Value::as_str);
    if text_of("app") != Some(Some(BACKUP_APP)) || text_of("kind") != Some(Some(BACKUP_KIND)) {
        return Err("这不是帮扶助手的农户名单备份文件。".into());
    }
    match optional("version").map(Value::as_u64) {
        Some(Some(v)) if (1..=BACKUP_VERSION as u64).contains(&v) => {}
        Some(Some(v)) => {
            return Err(format!(
                "这个备份来自更新版本的帮扶助手（第{v}版），请先更新本页面再导入。"
            ))
        }
        Some(None) => return Err(unreadable()),
        None => return Err("备份文件缺少版本号，已损坏。".into()),
    }
    let damaged = || "备份文件的内容不完整或已损坏。".to_string();
    let households: Vec<Household> = doc
        .remove("households")
        .ok_or_else(damaged)
        .and_then(|list| strict::objects(list).map_err(|_| damaged()))?;
    let mut notes = Vec::new();
    // Looked up, not searched: a village's backup has a thousand households
    // and five thousand visits.
    let repeated = repeats(households.iter().map(|h| h.id.as_str()));
    let mut out = Vec::with_capacity(households.len());
    for (i, mut h) in households.into_iter().enumerate() {
        let n = i + 1;
        if h.id.trim().is_empty() || h.id.len() > 64 {
            return Err(format!("第{n}户的编号无效，文件已损坏。"));
        }
        if repeated[i] {
            return Err(format!("第{n}户的编号和前面重复，文件已损坏。"));
        }
        if h.label.chars().count() > 100 || h.village.chars().count() > 100 {
            return Err(format!("第{n}户的名称太长，文件已损坏。"));
        }
        if Date::parse(&h.date).is_none() {
            return Err(format!(
                "第{n}户的日期“{}”无效，文件已损坏。",
                crate::form::short(&h.date)
            ));
        }
        let (clean, dropped) = std::mem::take(&mut h.answers).into_sanitized();
        for d in dropped {
            notes.push(format!(
                "{}：{}",
                if h.label.is_empty() {
                    format!("第{n}户")
                } else {
                    h.label.clone()
                },
                d
            ));
        }
        h.answers = clean;
        out.push(h);
    }
    let kept: Vec<History> = match doc.remove("visits") {
        None | Some(Value::Null) => Vec::new(),
        Some(list) => strict::objects(list).map_err(|_| damaged())?,
    };
    let owners: Vec<Option<usize>> = {
        let at = index(out.iter().map(|h| h.id.as_str()));
        kept.iter()
            .map(|k| at.get(k.id.as_str()).copied())
            .collect()
    };
    let mut has_history = vec![false; out.len()];
    let mut history: Vec<History> = Vec::new();
    for (i, (mut k, owner)) in kept.into_iter().zip(owners).enumerate() {
        let n = i + 1;
        let Some(o) = owner else {
            notes.push(format!("第{n}条走访记录不属于文件里的任何一户，已忽略"));
            continue;
        };
        if std::mem::replace(&mut has_history[o], true) {
            return Err(format!("第{n}条走访记录和前面重复，文件已损坏。"));
        }
        let h = &mut out[o];
        let who = if h.label.is_empty() {
            format!("第{n}条走访记录")
        } else {
            h.label.clone()
        };
        for v in &mut k.earlier {
            if Date::parse(&v.date).is_none() {
                return Err(format!(
                    "{who}的走访日期“{}”无效，文件已损坏。",
                    crate::form::short(&v.date)
                ));
            }
            let (clean, dropped) = std::mem::take(&mut v.answers).into_sanitized();
            for d in dropped {
                notes.push(format!("{who}（{}的走访）：{d}", v.date));
            }
            v.answers = clean;
            v.note = visits::clean_note(&v.note);
        }
        let mut all = k.earlier;
        all.push(visits::Visit {
            date: h.date.clone(),
            note: visits::clean_note(&k.note),
            answers: h.answers.clone(),
        });
        // In date order, one visit a day; the latest is the household. This
        // household has no history yet (checked above), so none is replaced.
        history.extend(visits::settle(h, all));
    }
    let declared = read_declared(doc.remove("declared"), &out, &mut notes).ok_or_else(damaged)?;
    let measures = read_measures(doc.remove("measures"), &out, &mut notes).ok_or_else(damaged)?;
    Ok(Imported {
        households: out,
        visits: history,
        declared,
        measures,
        notes,
    })
}

/// The file's measures: one per household and key, of households in the
/// file, with what is to be done and a day that reads (or none); texts cut
/// to their lengths; others are dropped and named. `None` when the field is
/// not a list of measures.
fn read_measures(
    field: Option<Value>,
    households: &[Household],
    notes: &mut Vec<String>,
) -> Option<Vec<Measure>> {
    let list: Vec<Measure> = match field {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(v) => strict::objects(v).ok()?,
    };
    let at = index(households.iter().map(|h| h.id.as_str()));
    let mut out: Vec<Measure> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, mut m) in list.into_iter().enumerate() {
        let n = i + 1;
        let Some(&h) = at.get(m.id.as_str()) else {
            notes.push(format!("第{n}条帮扶措施不属于文件里的任何一户，已忽略"));
            continue;
        };
        let who = &households[h].label;
        m.what = measures::clip(&m.what, measures::WHAT_MAX_CHARS);
        m.who = measures::clip(&m.who, measures::WHO_MAX_CHARS);
        m.note = measures::clip(&m.note, measures::NOTE_MAX_CHARS);
        if m.removed || m.what.is_empty() || (!m.by.is_empty() && m.by_date().is_none()) {
            notes.push(format!(
                "{who}：第{n}条帮扶措施读不出来（没写要做的事或日期不对），已忽略"
            ));
            continue;
        }
        // Looked up, not searched: a village's backup has 3,000 measures.
        if !seen.insert((m.id.clone(), m.key.clone())) {
            notes.push(format!("{who}：第{n}条帮扶措施和前面重复，已忽略"));
            continue;
        }
        out.push(m);
    }
    Some(out)
}

/// The file's declarations: one per household and programme, of households
/// in the file, on a date that reads; others are dropped and named. `None`
/// when the field is not a list of declarations.
fn read_declared(
    field: Option<Value>,
    households: &[Household],
    notes: &mut Vec<String>,
) -> Option<Vec<Declared>> {
    let list: Vec<Declared> = match field {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(v) => strict::objects(v).ok()?,
    };
    let at = index(households.iter().map(|h| h.id.as_str()));
    let mut out: Vec<Declared> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, d) in list.into_iter().enumerate() {
        let n = i + 1;
        let Some(&h) = at.get(d.id.as_str()) else {
            notes.push(format!("第{n}条申报记录不属于文件里的任何一户，已忽略"));
            continue;
        };
        let who = &households[h].label;
        if d.removed
            || d.day().is_none()
            || d.answered
                .as_deref()
                .is_some_and(|a| Date::parse(a).is_none())
            || declare::programme(&d.programme).is_none()
        {
            notes.push(format!(
                "{who}：第{n}条申报记录读不出来（日期或项目不对），已忽略"
            ));
            continue;
        }
        if !seen.insert((d.id.clone(), d.programme.clone())) {
            notes.push(format!("{who}：第{n}条申报记录和前面重复，已忽略"));
            continue;
        }
        out.push(d);
    }
    Some(out)
}

/// What importing would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Not on the phone yet: added.
    pub new: Vec<Household>,
    /// Already on the phone with the same content: nothing to do.
    pub unchanged: usize,
    /// On the phone with different content: only replaced if the user says so.
    pub conflicts: Vec<Household>,
}

pub fn plan_import(existing: &[Household], incoming: Vec<Household>) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for h in incoming {
        match existing.iter().find(|e| e.id == h.id) {
            None => plan.new.push(h),
            Some(e) if *e == h => plan.unchanged += 1,
            Some(_) => plan.conflicts.push(h),
        }
    }
    plan
}

/// Applies a plan; conflicts replace the phone's version only with `overwrite`.
pub fn apply_import(existing: &mut Vec<Household>, plan: ImportPlan, overwrite: bool) {
    if overwrite {
        for h in plan.conflicts {
            if let Some(e) = existing.iter_mut().find(|e| e.id == h.id) {
                *e = h;
            }
        }
    }
    existing.extend(plan.new);
}

/// One CSV cell. A label from someone else's backup may be a formula
/// (`=HYPERLINK(...)`): Excel and WPS run a cell that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return, so such a cell gets a leading `'`
/// and shows as the text it is (OWASP, "CSV Injection"). A plain number such
/// as `-5` is no formula and stays a number.
pub(crate) fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s);
    let s = if formula {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// `-5`, `+12`, `-3.5`: a sign, digits, at most one decimal point.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// CSV for Excel: UTF-8 with a byte-order mark (or Excel shows 乱码), CRLF lines.
pub fn csv(list: &[Household], local: Option<&LocalFigures>) -> String {
    csv_with(list, local, &[], None)
}

/// [`csv`] with each household's declarations (我已申报) and where they
/// stand on `today` in the last column.
pub fn csv_with(
    list: &[Household],
    local: Option<&LocalFigures>,
    declared: &[Declared],
    today: Option<Date>,
) -> String {
    csv_all(list, local, declared, &[], today)
}

/// [`csv_with`] with each household's measures (一户一策) in a last column,
/// written only when the phone has any, so a list without them exports as
/// before.
pub fn csv_all(
    list: &[Household],
    local: Option<&LocalFigures>,
    declared: &[Declared],
    measures: &[Measure],
    today: Option<Date>,
) -> String {
    let with_measures = measures.iter().any(|m| !m.removed);
    let mut out =
        String::from("\u{feff}标签,村/组,日期,风险,最重要的事,人口,人均年收入,全部发现,申报");
    out.push_str(if with_measures {
        ",帮扶措施\r\n"
    } else {
        "\r\n"
    });
    for h in list {
        let r = assess_with(&h.answers, local);
        let all: Vec<String> = r
            .findings
            .iter()
            .filter(|f| f.id != "everyone" && f.level != super::Level::Secure)
            .map(|f| finding_line(f.id, f.level))
            .collect();
        let income = r.income.map_or("不清楚".to_string(), |(lo, hi)| match hi {
            Some(hi) if hi == lo => format!("{lo}"),
            Some(hi) => format!("{lo}-{hi}"),
            None => format!("{lo}以上"),
        });
        let row = [
            h.label.clone(),
            h.village.clone(),
            h.date.clone(),
            r.risk().label().to_string(),
            top_line(&r),
            h.answers
                .count("members")
                .map_or("不清楚".into(), |m| m.to_string()),
            income,
            all.join("；"),
            today.map_or(String::new(), |t| declare::summary(declared, &h.id, t)),
        ];
        let mut cells: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
        if with_measures {
            let m = today.map_or(String::new(), |t| measures::summary(measures, &h.id, t));
            cells.push(csv_field(&m));
        }
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Every visit as one row, newest first within each household: the
/// household, the visit's date, risk and note, and what changed since the
/// visit before (`visits::Change::headline`). Same format as [`csv`].
pub fn visits_csv(list: &[Household], history: &[History], local: Option<&LocalFigures>) -> String {
    let mut out = String::from("\u{feff}标签,村/组,走访日期,风险,走访记录,和上次比\r\n");
    for h in list {
        let all = visits::timeline(h, history);
        for (i, v) in all.iter().enumerate().rev() {
            let changed = match i.checked_sub(1) {
                Some(before) => visits::change(&all[before], v, local).headline(),
                None => "第一次走访".to_string(),
            };
            let row = [
                h.label.clone(),
                h.village.clone(),
                v.date.clone(),
                assess_with(&v.answers, local).risk().label().to_string(),
                v.note.clone(),
                changed,
            ];
            let cells: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// The list after another tab (or window) of the app saved its own: a
/// three-way merge from `base`, the list as this tab last read or wrote it.
/// What the other tab added or changed is taken; what it deleted goes
/// (unless changed here since); what this tab added, changed or deleted since
/// `base` is kept. So two tabs that each add a household both keep both, and
/// neither tab undoes the other's delete. A household missing from `theirs`
/// counts as deleted there only when `their_deleted` (their record's
/// `Extra::deleted`) names it: otherwise the other tab saved without having
/// seen it, which happens when two tabs save within a moment of each other,
/// and it is kept. Order: `theirs`, then this tab's additions.
pub fn merge(
    base: &[Household],
    ours: &[Household],
    theirs: &[Household],
    their_deleted: &[String],
) -> Vec<Household> {
    let find = |list: &[Household], id: &str| list.iter().position(|h| h.id == id);
    let mut out: Vec<Household> = Vec::with_capacity(theirs.len() + ours.len());
    for t in theirs {
        let was = find(base, &t.id).map(|i| &base[i]);
        match (was, find(ours, &t.id).map(|i| &ours[i])) {
            // Deleted here, and not changed there since: stays deleted.
            (Some(b), None) if b == t => {}
            // Changed here only: ours.
            (Some(b), Some(o)) if b == t => out.push(o.clone()),
            _ => out.push(t.clone()),
        }
    }
    for o in ours {
        if find(&out, &o.id).is_some() {
            continue;
        }
        match find(base, &o.id).map(|i| &base[i]) {
            // Added here: kept.
            None => out.push(o.clone()),
            // Deleted there, but changed here since: kept.
            Some(b) if b != o => out.push(o.clone()),
            // Deleted there.
            Some(_) if their_deleted.contains(&o.id) => {}
            // Never seen there: kept.
            Some(_) => out.push(o.clone()),
        }
    }
    out
}

/// Positions by id, for looking many households (or their histories) up at
/// once: a village's list holds a thousand. One map type for every such
/// index in the app, since each other key or value type would compile
/// another copy of the hash map into the WebAssembly.
pub type Index<'a> = HashMap<&'a str, usize>;

/// The [`Index`] of `ids` (the first of an id that appears twice).
pub fn index<'a>(ids: impl Iterator<Item = &'a str>) -> Index<'a> {
    let mut out = Index::new();
    for (i, id) in ids.enumerate() {
        out.entry(id).or_insert(i);
    }
    out
}

/// For each of `ids`, whether the same id came earlier.
fn repeats<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> Vec<bool> {
    let first = index(ids.clone());
    ids.enumerate().map(|(i, id)| first[id] != i).collect()
}

/// Sorting for the list view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Risk,
    DateNewest,
    Label,
}

/// The list as shown: only households at risk `only` (if given), sorted
/// stably (equal items keep their order in the list). `cmp_label` orders
/// labels for [`SortBy::Label`]: people expect 按称呼 in Chinese order
/// (pinyin), which the browser knows (`Intl.Collator("zh-CN")`) and the
/// domain does not; natively `str::cmp` does.
pub fn sorted(
    list: &[Household],
    by: SortBy,
    only: Option<Risk>,
    local: Option<&LocalFigures>,
    cmp_label: &dyn Fn(&str, &str) -> Ordering,
) -> Vec<Household> {
    let mut v: Vec<(Risk, Household)> = list
        .iter()
        .map(|h| (h.risk(local), h.clone()))
        .filter(|(r, _)| only.is_none_or(|o| o == *r))
        .collect();
    // One call with one comparison: each `sort_by` closure compiles its own
    // copy of the standard sort (kilobytes of WebAssembly each).
    v.sort_by(|a, b| match by {
        SortBy::Risk => a.0.cmp(&b.0).then_with(|| b.1.date.cmp(&a.1.date)),
        SortBy::DateNewest => b.1.date.cmp(&a.1.date),
        SortBy::Label => cmp_label(&a.1.label, &b.1.label),
    });
    v.into_iter().map(|(_, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(id: &str, label: &str) -> Household {
        Household {
            id: id.into(),
            label: label.into(),
            village: String::new(),
            date: "2026-11-20".into(),
            answers: Answers::default(),
        }
    }

    #[test]
    fn two_tabs_that_each_add_a_household_keep_both() {
        let base = [h("1", "王家")];
        let ours = [h("1", "王家"), h("2", "李家")];
        let theirs = [h("1", "王家"), h("3", "张家")];
        let ids = |v: Vec<Household>| v.into_iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(ids(merge(&base, &ours, &theirs, &[])), ["1", "3", "2"]);
        // The other tab, merging ours in turn, ends with the same households.
        assert_eq!(
            ids(merge(
                &theirs,
                &theirs,
                &merge(&base, &ours, &theirs, &[]),
                &[]
            )),
            ["1", "3", "2"]
        );
    }

    #[test]
    fn a_delete_in_either_tab_stays_deleted_and_an_edit_wins_over_no_edit() {
        let base = [h("1", "王家"), h("2", "李家")];
        let ids = |v: Vec<Household>| v.into_iter().map(|h| h.id).collect::<Vec<_>>();
        let gone = ["1".to_string()];
        // Deleted there.
        assert_eq!(ids(merge(&base, &base, &[h("2", "李家")], &gone)), ["2"]);
        // Deleted here.
        assert_eq!(ids(merge(&base, &[h("2", "李家")], &base, &[])), ["2"]);
        // Renamed here, untouched there.
        let ours = [h("1", "王大家"), h("2", "李家")];
        assert_eq!(merge(&base, &ours, &base, &[])[0].label, "王大家");
        // Renamed there, untouched here.
        assert_eq!(merge(&base, &base, &ours, &[])[0].label, "王大家");
        // Renamed here, deleted there: the rename is kept.
        assert_eq!(
            ids(merge(&base, &ours, &[h("2", "李家")], &gone)),
            ["2", "1"]
        );
        // Nothing changed anywhere: the same list.
        assert_eq!(merge(&base, &base, &base, &[]), base);
    }

    #[test]
    fn a_household_the_other_tab_never_saw_is_not_read_as_deleted() {
        // This tab saved 1 and 2; the other saved over them a moment later
        // from a copy of storage that did not have 2 yet.
        let base = [h("1", "王家"), h("2", "李家")];
        let ids = |v: Vec<Household>| v.into_iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(ids(merge(&base, &base, &[h("1", "王家")], &[])), ["1", "2"]);
        // Nor is the first household of a tab whose record the other tab
        // wrote over with an empty list.
        assert_eq!(ids(merge(&base[..1], &base[..1], &[], &[])), ["1"]);
        // Deleted there, it goes.
        assert_eq!(
            ids(merge(&base, &base, &[h("1", "王家")], &["2".into()])),
            ["1"]
        );
    }

    #[test]
    fn csv_cells_that_a_spreadsheet_would_run_are_written_as_text() {
        for (cell, written) in [
            (
                "=HYPERLINK(\"http://x\",\"点我\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"",
            ),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "\"'\r=1\""),
            ("王家", "王家"),
            ("a=b", "a=b"),
            ("-5", "-5"),
            ("+12", "+12"),
            ("-3.5", "-3.5"),
            ("-", "'-"),
            ("-.5", "'-.5"),
            ("", ""),
        ] {
            assert_eq!(csv_field(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn an_exported_formula_label_reads_back_as_text() {
        let mut hostile = h("1", "=HYPERLINK(\"http://evil\",\"看\")");
        hostile.village = "@王村".into();
        let out = csv(&[hostile], None);
        let row = out.split("\r\n").nth(1).unwrap();
        assert!(
            row.starts_with("\"'=HYPERLINK(\"\"http://evil\"\",\"\"看\"\")\",'@王村,"),
            "{row}"
        );
    }

    #[test]
    fn labels_sort_by_the_given_comparison_and_ties_keep_their_order() {
        let list = [
            h("1", "王家"),
            h("2", "李家"),
            h("3", "王家"),
            h("4", "艾家"),
        ];
        let ids = |v: Vec<Household>| v.into_iter().map(|h| h.id).collect::<Vec<_>>();
        assert_eq!(
            ids(sorted(&list, SortBy::Label, None, None, &str::cmp)),
            ["2", "1", "3", "4"]
        );
        // A stand-in for the browser's collator: 艾 (ài) before 李 (lǐ) before 王 (wáng).
        let pinyin = |s: &str| ["艾", "李", "王"].iter().position(|c| s.starts_with(c));
        let zh = |a: &str, b: &str| pinyin(a).cmp(&pinyin(b));
        assert_eq!(
            ids(sorted(&list, SortBy::Label, None, None, &zh)),
            ["4", "2", "1", "3"]
        );
    }
}
