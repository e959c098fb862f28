//! The localStorage record: corrupted, old or newer data is never lost.

use bangfu::form::LoanForm;
use bangfu::store::{backup_key, decode, encode, Loaded, Record, VERSION};

#[test]
fn round_trip() {
    let r = Record {
        loan: Some(LoanForm {
            amount: "5万".into(),
            ..LoanForm::default()
        }),
        facts: bangfu::eligibility::Facts {
            age: "45".into(),
            ..Default::default()
        },
        ..Record::default()
    };
    assert_eq!(decode(Some(&encode(&r))), Loaded::Ok(Box::new(r)));
}

#[test]
fn bad_records_are_flagged_not_used() {
    assert_eq!(decode(None), Loaded::Empty);
    for raw in [
        "",
        "{",
        "null",
        "[]",
        "\"x\"",
        "{\"loan\":{}}",
        "{\"version\":\"1\"}",
        "{\"version\":0}",
        "{\"version\":1,\"loan\":5}",
    ] {
        assert_eq!(decode(Some(raw)), Loaded::Unreadable, "{raw}");
    }
    assert_eq!(
        decode(Some("{\"version\":7,\"whatever\":[1,2]}")),
        Loaded::Newer(7)
    );
}

#[test]
fn missing_fields_are_tolerated() {
    let Loaded::Ok(r) = decode(Some(&format!(
        "{{\"version\":{VERSION},\"loan\":{{\"amount\":\"3万\"}}}}"
    ))) else {
        panic!()
    };
    assert_eq!(r.loan.unwrap().amount, "3万");
}

#[test]
fn backup_keys_never_clobber() {
    assert_eq!(backup_key(|_| false), "bangfu.backup");
    assert_eq!(backup_key(|k| k == "bangfu.backup"), "bangfu.backup.2");
    assert_eq!(
        backup_key(|k| k == "bangfu.backup" || k == "bangfu.backup.2"),
        "bangfu.backup.3"
    );
}

#[test]
fn version_1_records_are_migrated() {
    let Loaded::Ok(r) = decode(Some(
        r#"{"version":1,"loan":{"amount":"3万"},"facts":{"age":"50"}}"#,
    )) else {
        panic!()
    };
    assert_eq!(r.version, VERSION);
    assert_eq!(r.facts.age, "50");
    assert!(r.households.is_empty());
}
