//! The one localStorage record, with a schema version. Decoding is pure so the
//! rules are tested natively: a record that cannot be read, or was written by a
//! newer version of the app, is never overwritten silently; the caller copies
//! it to a backup key and starts fresh.

use crate::check::households::Household;
use crate::check::Answers;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::local::LocalForm;
use crate::strict::{self, Obj};
use serde::{Deserialize, Serialize};
use serde_json::Value;

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
