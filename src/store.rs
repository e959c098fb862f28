//! The one localStorage record, with a schema version. Decoding is pure so the
//! rules are tested natively: a record that cannot be read, or was written by a
//! newer version of the app, is never overwritten silently; the caller copies
//! it to a backup key and starts fresh.

use crate::check::households::Household;
use crate::check::Answers;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use serde::{Deserialize, Serialize};

pub const KEY: &str = "bangfu";
/// Unreadable records are copied here (with a number appended if taken).
pub const BACKUP_KEY: &str = "bangfu.backup";
/// 2 added the self-check and the household list. A version-1 record reads
/// as version 2 with those empty; an app that only knows version 1 backs a
/// version-2 record up instead of dropping the household list.
pub const VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    #[serde(default)]
    pub loan: Option<LoanForm>,
    #[serde(default)]
    pub facts: Facts,
    /// The self-check in progress.
    #[serde(default)]
    pub check: CheckState,
    #[serde(default)]
    pub households: Vec<Household>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckState {
    pub answers: Answers,
    /// Section the user was on (index), to resume there.
    pub section: usize,
    /// Household being edited, if the answers belong to one in the list.
    pub editing: Option<String>,
    /// The results page was reached.
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

/// Just the version, read first so a newer record is recognised whatever else
/// it holds (parsed without `serde_json::Value`, which costs WebAssembly size).
#[derive(Deserialize)]
struct Header {
    version: Option<u64>,
}

pub fn decode(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    let Ok(Header {
        version: Some(version),
    }) = serde_json::from_str::<Header>(raw)
    else {
        return Loaded::Unreadable;
    };
    if version > VERSION as u64 {
        return Loaded::Newer(version.min(u32::MAX as u64) as u32);
    }
    // Version 1 is the first schema; older numbers were never written.
    if version < 1 {
        return Loaded::Unreadable;
    }
    match serde_json::from_str::<Record>(raw) {
        Ok(mut r) => {
            r.version = VERSION;
            Loaded::Ok(Box::new(r))
        }
        Err(_) => Loaded::Unreadable,
    }
}

pub fn encode(record: &Record) -> String {
    serde_json::to_string(record).unwrap_or_default()
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
