//! The one localStorage record, with a schema version. Decoding is pure so the
//! rules are tested natively: a record that cannot be read, or was written by a
//! newer version of the app, is never overwritten silently; the caller copies
//! it to a backup key and starts fresh.

use crate::check::declare::{self, Declared};
use crate::check::households::{self, Household};
use crate::check::measures::{self, Measure};
use crate::check::stamped;
use crate::check::visits::{self, History};
use crate::check::Answers;
use crate::date::Date;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::local::LocalForm;
use crate::strict::{self, Obj};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub mod lean;

pub const KEY: &str = "bangfu";
/// Unreadable records are copied here (with a number appended if taken).
pub const BACKUP_KEY: &str = "bangfu.backup";
/// 2 added the self-check and the household list. A version-1 record reads
/// as version 2 with those empty; an app that only knows version 1 backs a
/// version-2 record up instead of dropping the household list.
pub const VERSION: u32 = 2;

/// Stored as JSON with the fields in this order ([`encode`], which is
/// `serde_json::to_string`). Read it only with [`decode`]: deriving
/// `Deserialize` here reads the fields, but the version rules (newer, too
/// old, migration) are in `decode`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    pub version: u32,
    #[serde(deserialize_with = "strict::optional_object")]
    pub loan: Option<LoanForm>,
    #[serde(deserialize_with = "strict::object_or_default")]
    pub facts: Facts,
    /// The self-check in progress.
    #[serde(deserialize_with = "strict::object_or_default")]
    pub check: CheckState,
    #[serde(deserialize_with = "strict::objects_or_empty")]
    pub households: Vec<Household>,
    /// 本地数字 accepted on this phone from a link, as their canonical texts
    /// (`local::LocalFigures::to_form`). Left out of the JSON when there are none, so records without
    /// them are written exactly as before; an app that predates the field
    /// ignores it (and drops it on its next save), which is why the schema
    /// version did not change.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::optional_object"
    )]
    pub local: Option<LocalForm>,
    /// 大字版 (large text) is on. Written only when on, so a record from
    /// before the setting, or with it off, is stored byte for byte as before
    /// (and an older build reads it, ignoring the field).
    #[serde(
        deserialize_with = "strict::or_default",
        skip_serializing_if = "is_false"
    )]
    pub big: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckState {
    #[serde(deserialize_with = "strict::or_default")]
    pub answers: Answers,
    /// Section the user was on (index), to resume there.
    #[serde(deserialize_with = "strict::or_default")]
    pub section: usize,
    /// Household being edited, if the answers belong to one in the list.
    pub editing: Option<String>,
    /// The results page was reached.
    #[serde(deserialize_with = "strict::or_default")]
    pub finished: bool,
}

impl CheckState {
    /// A new household's self-check: empty, but in the province of the
    /// household saved last (`households::last_saved`), so a cadre going
    /// from door to door does not pick it again.
    pub fn next_after(last: Option<&Household>) -> CheckState {
        let mut state = CheckState::default();
        if let Some(p) = last.and_then(|h| h.answers.get("province")) {
            state.answers.set("province", p.to_string());
        }
        state
    }
}

impl Default for Record {
    fn default() -> Self {
        Record {
            version: VERSION,
            loan: None,
            facts: Facts::default(),
            check: CheckState::default(),
            households: Vec::new(),
            local: None,
            big: false,
        }
    }
}

/// What the record holds beside [`Record`]'s fields, added for the village
/// view: earlier visits and when the list was last backed up. Written after
/// `Record`'s fields in the same JSON object ([`encode_full`]), each left out
/// when empty, so a record without them is the same text as before, byte for
/// byte. Not a field of `Record` so that code building a `Record` field by
/// field (the fixtures' tests, the app's screens) is unchanged.
///
/// Why the schema stays version 2: an app from before these fields reads
/// the record (it ignores fields it does not know) and keeps every household
/// with its latest visit; it drops the earlier visits and the backup date
/// when it next saves. A version 3 would be worse for the same phone: that
/// app would set the whole record aside as newer and start with an empty
/// list, and a tab of it still open beside a new one would overwrite the new
/// record without merging (its merge reads only records it understands).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Extra {
    /// Per household with any: the latest visit's note and the earlier visits.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::objects_or_empty"
    )]
    pub visits: Vec<History>,
    /// The day the last backup file was made (YYYY-MM-DD); `None`: never.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::or_default"
    )]
    pub backed_up: Option<String>,
    /// Ids of the households added, changed or deleted since that backup
    /// (ids, not a count, so editing one household twice counts once).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::or_default"
    )]
    pub changed_since_backup: Vec<String>,
    /// Ids of households deleted on this phone, in any tab, and not added
    /// back. Another tab's merge reads a household missing from a saved list
    /// as deleted only when it is here: a tab that saved without having seen
    /// a household (its copy of localStorage lags another tab's write by a
    /// moment) does not delete it.
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::or_default"
    )]
    pub deleted: Vec<String>,
    /// 我已申报: declarations of the households in the list and of this
    /// phone's own family (`declare::OWN`), removed ones included (see
    /// `check::declare`).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::objects_or_empty"
    )]
    pub declared: Vec<Declared>,
    /// 一户一策: the households' measures, removed ones included (see
    /// `check::measures`).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::objects_or_empty"
    )]
    pub measures: Vec<Measure>,
}

impl Extra {
    /// A backup file was made today: nothing is unsaved any more.
    pub fn backup_made(&mut self, today: Date) {
        self.backed_up = Some(today.to_string());
        self.changed_since_backup.clear();
    }

    /// Household `id` was added, changed or deleted. Before the first backup
    /// nothing is noted (every household counts as not backed up).
    pub fn mark_changed(&mut self, id: &str) {
        if self.backed_up.is_some() && !self.changed_since_backup.iter().any(|c| c == id) {
            self.changed_since_backup.push(id.to_string());
        }
    }

    /// [`Extra::mark_changed`] for many households at once (an import of a
    /// village), looking each up in an index instead of the whole list.
    fn mark_all_changed(&mut self, ids: Vec<String>) {
        if self.backed_up.is_none() {
            return;
        }
        let fresh: Vec<bool> = {
            let noted = households::index(self.changed_since_backup.iter().map(String::as_str));
            let first = households::index(ids.iter().map(String::as_str));
            ids.iter()
                .enumerate()
                .map(|(j, id)| {
                    !noted.contains_key(id.as_str()) && first.get(id.as_str()) == Some(&j)
                })
                .collect()
        };
        for (id, fresh) in ids.into_iter().zip(fresh) {
            if fresh {
                self.changed_since_backup.push(id);
            }
        }
    }

    /// Notes every household that differs between `before` (with its
    /// histories `before_visits`) and `after` (with `self.visits`): added,
    /// deleted, renamed, or with a visit added or changed. For the UI to call
    /// with the list before and after any change, whatever made it.
    pub fn note_changes(
        &mut self,
        before: &[Household],
        before_visits: &[History],
        after: &[Household],
    ) {
        // Indexed by id, and compared without copying the visits: a
        // village's import changes a thousand households at once.
        let before_kept = visits::index(before_visits);
        let after_kept = visits::index(&self.visits);
        let after_at = households::index(after.iter().map(|a| a.id.as_str()));
        let before_at = households::index(before.iter().map(|b| b.id.as_str()));
        let same = |b: &Household, a: &Household| {
            let (kb, ka) = (
                visits::found(before_visits, &before_kept, &b.id),
                visits::found(&self.visits, &after_kept, &a.id),
            );
            b.label == a.label
                && b.village == a.village
                && b.date == a.date
                && b.answers == a.answers
                && kb.map_or("", |k| k.note.as_str()) == ka.map_or("", |k| k.note.as_str())
                && kb.map_or(&[][..], |k| &k.earlier[..]) == ka.map_or(&[][..], |k| &k.earlier[..])
        };
        let mut ids: Vec<String> = Vec::new();
        for b in before {
            match after_at.get(b.id.as_str()).map(|&i| &after[i]) {
                Some(a) if same(b, a) => {}
                _ => ids.push(b.id.clone()),
            }
        }
        for a in after {
            if !before_at.contains_key(a.id.as_str()) {
                ids.push(a.id.clone());
            }
        }
        self.mark_all_changed(ids);
    }

    /// How many households the last backup does not have as they are now:
    /// every household when there has been no backup.
    pub fn changed_count(&self, list: &[Household]) -> usize {
        if self.backed_up.is_none() {
            list.len()
        } else {
            self.changed_since_backup.len()
        }
    }

    /// Histories, declarations and measures only for households in `list`
    /// (after a delete); this phone's own declarations stay.
    pub fn prune(&mut self, list: &[Household]) {
        visits::prune(&mut self.visits, list);
        let kept = households::index(list.iter().map(|h| h.id.as_str()));
        declare::prune(&mut self.declared, |id| kept.contains_key(id));
        measures::prune(&mut self.measures, |id| kept.contains_key(id));
    }

    /// Household `id` was deleted here: noted for the other tabs' merges.
    pub fn mark_deleted(&mut self, id: &str) {
        if !self.deleted.iter().any(|d| d == id) {
            self.deleted.push(id.to_string());
        }
    }

    /// Forgets the deletion of every household that is in `list` again (an
    /// undo, an import): only a household that is gone counts as deleted.
    pub fn forget_deleted_in(&mut self, list: &[Household]) {
        if self.deleted.is_empty() {
            return;
        }
        let present = households::index(list.iter().map(|h| h.id.as_str()));
        self.deleted.retain(|d| !present.contains_key(d.as_str()));
    }

    /// After another tab saved: `merged` is the household list as
    /// `households::merge` made it from this tab's list (`ours`, with
    /// `self`) and the other's (`theirs`, with `other`). Each household in
    /// it gets every visit either tab has (on a day both have, the visit of
    /// the tab whose household `merge` kept), so neither tab's new visit is
    /// lost; households no longer in the list lose their history. The later
    /// backup date is kept, with both tabs' changed households (a household
    /// counted once too often only asks for one more backup).
    pub fn merge_tabs(
        &self,
        ours: &[Household],
        other: &Extra,
        theirs: &[Household],
        merged: &mut [Household],
    ) -> Extra {
        let mut out = Extra {
            visits: Vec::new(),
            backed_up: match (&self.backed_up, &other.backed_up) {
                (Some(a), Some(b)) => Some(if b > a { b.clone() } else { a.clone() }),
                (a, b) => a.clone().or_else(|| b.clone()),
            },
            changed_since_backup: self.changed_since_backup.clone(),
            deleted: self.deleted.clone(),
            declared: declare::merge(&self.declared, &other.declared),
            measures: stamped::merge(&self.measures, &other.measures),
        };
        for id in &other.changed_since_backup {
            if !out.changed_since_backup.contains(id) {
                out.changed_since_backup.push(id.clone());
            }
        }
        for id in &other.deleted {
            out.mark_deleted(id);
        }
        out.forget_deleted_in(merged);
        for h in merged.iter_mut() {
            let o = ours.iter().find(|x| x.id == h.id);
            let t = theirs.iter().find(|x| x.id == h.id);
            let line = |x: Option<&Household>, e: &Extra| {
                x.map(|x| visits::timeline(x, &e.visits))
                    .unwrap_or_default()
            };
            let (first, second) = if o == Some(&*h) {
                (line(o, self), line(t, other))
            } else {
                (line(t, other), line(o, self))
            };
            let mut all = first;
            for v in second {
                if !all.iter().any(|x| x.date == v.date) {
                    all.push(v);
                }
            }
            visits::set_timeline(h, &mut out.visits, all);
        }
        let kept = households::index(merged.iter().map(|h| h.id.as_str()));
        declare::prune(&mut out.declared, |id| kept.contains_key(id));
        measures::prune(&mut out.measures, |id| kept.contains_key(id));
        out
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    Ok(Box<Record>),
    /// Not JSON, or not a record we understand.
    Unreadable,
    /// Written by a newer app (a later schema version).
    Newer(u32),
}

/// Reads the stored record. The version is read first, so a newer record
/// is recognised whatever else it holds. Every field may be missing (it
/// reads as empty) and `null` reads as missing, but a field that is there
/// with the wrong type makes the record unreadable, so it is backed up
/// rather than half-used. (Texts inside `loan` and `facts` must be texts;
/// a repeated key reads as its last value.)
pub fn decode(raw: Option<&str>) -> Loaded {
    decode_full(raw).0
}

/// [`decode`], with what the record holds beside `Record` ([`Extra`]: empty
/// unless the record reads). A record whose extra fields are damaged (of the
/// wrong type) is unreadable as a whole, like any other field.
pub fn decode_full(raw: Option<&str>) -> (Loaded, Extra) {
    let loaded = decode_record(raw);
    if !matches!(loaded, Loaded::Ok(_)) {
        return (loaded, Extra::default());
    }
    let extra = raw.and_then(|raw| serde_json::from_str::<Obj<Extra>>(raw).ok());
    match extra {
        Some(Obj(extra)) => (loaded, extra),
        None => (Loaded::Unreadable, Extra::default()),
    }
}

fn decode_record(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    let Ok(doc) = serde_json::from_str::<Value>(raw) else {
        return Loaded::Unreadable;
    };
    let Some(version) = doc.get("version").and_then(Value::as_u64) else {
        return Loaded::Unreadable;
    };
    if version > VERSION as u64 {
        return Loaded::Newer(version.min(u32::MAX as u64) as u32);
    }
    // Version 1 is the first schema; older numbers were never written.
    if version < 1 {
        return Loaded::Unreadable;
    }
    match Obj::<Record>::deserialize(doc) {
        // A version-1 record is a version-2 one with no self-check or list.
        Ok(Obj(r)) => Loaded::Ok(Box::new(Record {
            version: VERSION,
            ..r
        })),
        Err(_) => Loaded::Unreadable,
    }
}

/// The record as stored: compact JSON, fields in declaration order. Exactly
/// what `serde_json::to_string(record)` writes (and so gloo-storage's
/// `LocalStorage::set`).
pub fn encode(record: &Record) -> String {
    serde_json::to_string(record).expect("a record always serializes")
}

/// The record and what it holds beside it, as one JSON object: `Record`'s
/// fields, then `Extra`'s. Exactly `encode(record)` when `extra` is empty.
pub fn encode_full(record: &Record, extra: &Extra) -> String {
    #[derive(Serialize)]
    struct Full<'a> {
        #[serde(flatten)]
        record: &'a Record,
        #[serde(flatten)]
        extra: &'a Extra,
    }
    serde_json::to_string(&Full { record, extra }).expect("a record always serializes")
}

/// The first free backup key: `bangfu.backup`, then `bangfu.backup.2`, ….
pub fn backup_key(taken: impl Fn(&str) -> bool) -> String {
    if !taken(BACKUP_KEY) {
        return BACKUP_KEY.to_string();
    }
    (2..)
        .map(|n| format!("{BACKUP_KEY}.{n}"))
        .find(|k| !taken(k))
        .unwrap_or_else(|| BACKUP_KEY.to_string())
}
