//! The one localStorage record, with a schema version. Decoding is pure so the
//! rules are tested natively: a record that cannot be read, or was written by a
//! newer version of the app, is never overwritten silently; the caller copies
//! it to a backup key and starts fresh.

use crate::check::households::Household;
use crate::check::Answers;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::json::{self, Mismatch, Value, Writer};

pub const KEY: &str = "bangfu";
/// Unreadable records are copied here (with a number appended if taken).
pub const BACKUP_KEY: &str = "bangfu.backup";
/// 2 added the self-check and the household list. A version-1 record reads
/// as version 2 with those empty; an app that only knows version 1 backs a
/// version-2 record up instead of dropping the household list.
pub const VERSION: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub version: u32,
    pub loan: Option<LoanForm>,
    pub facts: Facts,
    /// The self-check in progress.
    pub check: CheckState,
    pub households: Vec<Household>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
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

/// Reads the stored record. The version is read first, so a newer record
/// is recognised whatever else it holds. Every field may be missing (it
/// reads as empty), but one that is there with the wrong type makes the
/// record unreadable, so it is backed up rather than half-used.
pub fn decode(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    let Ok(doc) = json::parse(raw) else {
        return Loaded::Unreadable;
    };
    let Some(Ok(version)) = doc.get("version").map(Value::as_u64) else {
        return Loaded::Unreadable;
    };
    if version > VERSION as u64 {
        return Loaded::Newer(version.min(u32::MAX as u64) as u32);
    }
    // Version 1 is the first schema; older numbers were never written.
    if version < 1 {
        return Loaded::Unreadable;
    }
    match record_from(&doc) {
        Ok(r) => Loaded::Ok(Box::new(r)),
        Err(Mismatch) => Loaded::Unreadable,
    }
}

fn record_from(doc: &Value) -> Result<Record, Mismatch> {
    let loan = match json::optional(doc, "loan") {
        None => None,
        Some(v) => {
            let mut f = LoanForm::default();
            read_texts(v, &mut loan_fields(&mut f))?;
            Some(f)
        }
    };
    let mut facts = Facts::default();
    if let Some(v) = json::optional(doc, "facts") {
        read_texts(v, &mut fact_fields(&mut facts))?;
    }
    let check = match json::optional(doc, "check") {
        None => CheckState::default(),
        Some(v) => check_from(v)?,
    };
    let households = match json::optional(doc, "households") {
        None => Vec::new(),
        Some(v) => v
            .as_arr()?
            .iter()
            .map(Household::from_json)
            .collect::<Result<_, _>>()?,
    };
    Ok(Record {
        version: VERSION,
        loan,
        facts,
        check,
        households,
    })
}

fn check_from(v: &Value) -> Result<CheckState, Mismatch> {
    if !v.is_obj() {
        return Err(Mismatch);
    }
    Ok(CheckState {
        answers: match json::optional(v, "answers") {
            None => Answers::default(),
            Some(a) => Answers::from_json(a)?,
        },
        section: match json::optional(v, "section") {
            None => 0,
            Some(n) => usize::try_from(n.as_u64()?).map_err(|_| Mismatch)?,
        },
        editing: json::optional(v, "editing")
            .map(|e| e.as_str().map(str::to_string))
            .transpose()?,
        finished: match json::optional(v, "finished") {
            None => false,
            Some(b) => b.as_bool()?,
        },
    })
}

/// The loan form's fields by their stored names.
fn loan_fields(f: &mut LoanForm) -> [(&'static str, &mut String); 10] {
    [
        ("product", &mut f.product),
        ("amount", &mut f.amount),
        ("months", &mut f.months),
        ("rate", &mut f.rate),
        ("method", &mut f.method),
        ("io", &mut f.io),
        ("subsidy", &mut f.subsidy),
        ("subsidy_cap", &mut f.subsidy_cap),
        ("subsidy_timing", &mut f.subsidy_timing),
        ("start", &mut f.start),
    ]
}

fn fact_fields(f: &mut Facts) -> [(&'static str, &mut String); 5] {
    [
        ("age", &mut f.age),
        ("status", &mut f.status),
        ("purpose", &mut f.purpose),
        ("bad_credit", &mut f.bad_credit),
        ("existing", &mut f.existing),
    ]
}

/// Fills text fields from object `v` (missing ones stay empty).
fn read_texts(v: &Value, fields: &mut [(&'static str, &mut String)]) -> Result<(), Mismatch> {
    if !v.is_obj() {
        return Err(Mismatch);
    }
    for (name, slot) in fields.iter_mut() {
        **slot = json::str_or_default(v, name)?;
    }
    Ok(())
}

fn write_texts(w: &mut Writer, fields: &[(&'static str, &mut String)]) {
    w.obj();
    for (name, value) in fields {
        w.key(name).str(value);
    }
    w.end_obj();
}

pub fn encode(record: &Record) -> String {
    let mut w = Writer::new(false);
    w.obj()
        .key("version")
        .num(record.version as u64)
        .key("loan");
    match &record.loan {
        Some(f) => write_texts(&mut w, &loan_fields(&mut f.clone())),
        None => {
            w.null();
        }
    }
    w.key("facts");
    write_texts(&mut w, &fact_fields(&mut record.facts.clone()));
    let c = &record.check;
    w.key("check").obj().key("answers");
    c.answers.write_json(&mut w);
    w.key("section").num(c.section as u64).key("editing");
    match &c.editing {
        Some(e) => w.str(e),
        None => w.null(),
    };
    w.key("finished").bool(c.finished).end_obj();
    w.key("households").arr();
    for h in &record.households {
        h.write_json(&mut w);
    }
    w.end_arr().end_obj();
    w.finish()
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
