//! The record as the app's shell reads and writes it: every field but the
//! household list's, with the list's fields kept as the JSON texts they were
//! stored as ([`ListText`]).
//!
//! Why: every link downloads the main module before its first screen, and
//! reading the whole record there put the household list's types, readers,
//! writers and merges into it (about 10 KB brotli) for the villager who only
//! opens the estimator. Now the shell carries the list along unread and
//! writes it back unchanged; the screens that show it (the self-check's and
//! the cadres' files) read it with [`decode_list`] when they first open, and
//! from then on write it with [`encode_list`].
//!
//! The rules of [`super::decode`] hold for the fields read here (the version
//! first, `null` as missing, a field of the wrong type makes the record
//! unreadable, a repeated key reads as its last value, nesting deeper than
//! serde_json's limit is refused). The list's fields are checked when the
//! list is read; until then they are never overwritten, so a damaged list is
//! still there, byte for byte, for the screen that finds it to set aside.
//! A record the app wrote is written back exactly: [`encode`] of what
//! [`decode`] read is the same text, and `encode(record, encode_list(…))` is
//! [`super::encode_full`]'s text (tests/lean_record.rs).

use super::{Extra, Loaded, Record, VERSION};
use crate::check::households::Household;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::local::LocalForm;
use crate::store::CheckState;
use crate::strict::{self, Obj};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The record's fields that belong to the household list, in the order
/// they are stored ([`super::encode_full`]: `households` among `Record`'s
/// fields, the others after them, from [`Extra`]).
pub const LIST_KEYS: [&str; 7] = [
    "households",
    "visits",
    "backed_up",
    "changed_since_backup",
    "deleted",
    "declared",
    "measures",
];

/// The household list's fields as stored JSON texts, by [`LIST_KEYS`];
/// `None`: the field is missing (or `null`, which reads the same).
#[derive(Clone, Debug, Default)]
pub struct ListText([Option<Box<RawValue>>; 7]);

impl PartialEq for ListText {
    fn eq(&self, other: &Self) -> bool {
        self.0
            .iter()
            .zip(&other.0)
            .all(|(a, b)| a.as_deref().map(RawValue::get) == b.as_deref().map(RawValue::get))
    }
}

impl Eq for ListText {}

impl ListText {
    /// No household, visit, declaration or measure, and no backup noted.
    pub fn is_empty(&self) -> bool {
        self.0
            .iter()
            .flatten()
            .all(|t| matches!(t.get(), "[]" | "null"))
    }

    /// The stored text of one of [`LIST_KEYS`] (for the home screen's
    /// question whether any declaration is kept, without reading the list).
    pub fn field(&self, key: &str) -> Option<&str> {
        let i = LIST_KEYS.iter().position(|k| *k == key)?;
        self.0[i].as_deref().map(RawValue::get)
    }

    /// The households' texts are the same in both (the rest may differ).
    pub fn same_households(&self, other: &ListText) -> bool {
        self.field("households") == other.field("households")
    }
}

/// `Record`'s fields but the list, read the way [`super::decode`] reads them.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Shell {
    #[serde(deserialize_with = "strict::optional_object")]
    loan: Option<LoanForm>,
    #[serde(deserialize_with = "strict::object_or_default")]
    facts: Facts,
    #[serde(deserialize_with = "strict::object_or_default")]
    check: CheckState,
    #[serde(deserialize_with = "strict::optional_object")]
    local: Option<LocalForm>,
    #[serde(deserialize_with = "strict::or_default")]
    big: bool,
}

/// Reads the stored record but its household list, which comes back as its
/// texts. The `Record` has an empty `households`.
pub fn decode(raw: Option<&str>) -> (Loaded, ListText) {
    let mut list = ListText::default();
    let Some(raw) = raw else {
        return (Loaded::Empty, list);
    };
    // Each top-level field's text; a repeated key keeps its last value.
    let Ok(fields) = serde_json::from_str::<BTreeMap<String, Box<RawValue>>>(raw) else {
        return (Loaded::Unreadable, list);
    };
    let mut shell = Map::new();
    for (key, text) in fields {
        if let Some(i) = LIST_KEYS.iter().position(|k| *k == key) {
            list.0[i] = (text.get() != "null").then_some(text);
            continue;
        }
        // Every other field is parsed, known or not, so that what
        // `super::decode` refuses (too deep, say) is refused here too.
        let Ok(value) = serde_json::from_str::<Value>(text.get()) else {
            return (Loaded::Unreadable, ListText::default());
        };
        shell.insert(key, value);
    }
    let Some(version) = shell.get("version").and_then(Value::as_u64) else {
        return (Loaded::Unreadable, ListText::default());
    };
    if version > VERSION as u64 {
        return (
            Loaded::Newer(version.min(u32::MAX as u64) as u32),
            ListText::default(),
        );
    }
    if version < 1 {
        return (Loaded::Unreadable, ListText::default());
    }
    match Obj::<Shell>::deserialize(Value::Object(shell)) {
        Ok(Obj(s)) => (
            Loaded::Ok(Box::new(Record {
                version: VERSION,
                loan: s.loan,
                facts: s.facts,
                check: s.check,
                households: Vec::new(),
                local: s.local,
                big: s.big,
            })),
            list,
        ),
        Err(_) => (Loaded::Unreadable, ListText::default()),
    }
}

/// The record as stored: `record`'s fields (its `households` is not read)
/// with the list's texts, in [`super::encode_full`]'s order.
pub fn encode(record: &Record, list: &ListText) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        version: u32,
        loan: &'a Option<LoanForm>,
        facts: &'a Facts,
        check: &'a CheckState,
        households: &'a RawValue,
        #[serde(skip_serializing_if = "Option::is_none")]
        local: &'a Option<LocalForm>,
        #[serde(skip_serializing_if = "super::is_false")]
        big: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        visits: Option<&'a RawValue>,
        #[serde(skip_serializing_if = "Option::is_none")]
        backed_up: Option<&'a RawValue>,
        #[serde(skip_serializing_if = "Option::is_none")]
        changed_since_backup: Option<&'a RawValue>,
        #[serde(skip_serializing_if = "Option::is_none")]
        deleted: Option<&'a RawValue>,
        #[serde(skip_serializing_if = "Option::is_none")]
        declared: Option<&'a RawValue>,
        #[serde(skip_serializing_if = "Option::is_none")]
        measures: Option<&'a RawValue>,
    }
    let [households, visits, backed_up, changed_since_backup, deleted, declared, measures] =
        list.0.each_ref().map(Option::as_deref);
    let none: Box<RawValue> = RawValue::from_string("[]".to_string()).expect("[] is JSON");
    serde_json::to_string(&Out {
        version: record.version,
        loan: &record.loan,
        facts: &record.facts,
        check: &record.check,
        households: households.unwrap_or(&none),
        local: &record.local,
        big: record.big,
        visits,
        backed_up,
        changed_since_backup,
        deleted,
        declared,
        measures,
    })
    .expect("a record always serializes")
}

/// The list read from its texts, by [`super::decode_full`]'s rules; `None`
/// when any of it is damaged (the caller sets the record aside).
pub fn decode_list(list: &ListText) -> Option<(Vec<Household>, Extra)> {
    let mut text = format!("{{\"version\":{VERSION}");
    for (key, raw) in LIST_KEYS.iter().zip(&list.0) {
        if let Some(raw) = raw {
            let _ = write!(text, ",\"{key}\":{}", raw.get());
        }
    }
    text.push('}');
    match super::decode_full(Some(&text)) {
        (Loaded::Ok(record), extra) => Some((record.households, extra)),
        _ => None,
    }
}

/// The list as the texts [`encode`] writes: what [`super::encode_full`]
/// writes for it, field by field (the empty ones left out, but `households`).
pub fn encode_list(households: &[Household], extra: &Extra) -> ListText {
    fn raw<T: Serialize + ?Sized>(value: &T) -> Option<Box<RawValue>> {
        Some(serde_json::value::to_raw_value(value).expect("a list always serializes"))
    }
    fn listed<T: Serialize>(items: &[T]) -> Option<Box<RawValue>> {
        if items.is_empty() {
            None
        } else {
            raw(items)
        }
    }
    ListText([
        raw(households),
        listed(&extra.visits),
        extra.backed_up.as_ref().and_then(raw),
        listed(&extra.changed_since_backup),
        listed(&extra.deleted),
        listed(&extra.declared),
        listed(&extra.measures),
    ])
}
