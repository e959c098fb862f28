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

/// 大字版 is stored only when on: a record with it off is the same text as
/// before the setting existed, and `big` of the wrong type is a damaged
/// record, not a half-read one.
#[test]
fn the_big_text_setting_is_written_only_when_on() {
    let off = Record::default();
    assert!(!encode(&off).contains("big"));
    let on = Record {
        big: true,
        ..Record::default()
    };
    assert!(encode(&on).ends_with(",\"big\":true}"), "{}", encode(&on));
    assert_eq!(decode(Some(&encode(&on))), Loaded::Ok(Box::new(on)));
    assert_eq!(
        decode(Some("{\"version\":2,\"big\":null}")),
        Loaded::Ok(Box::new(off.clone()))
    );
    assert_eq!(
        decode(Some("{\"version\":1,\"big\":false}")),
        Loaded::Ok(Box::new(off))
    );
    for bad in ["1", "\"1\"", "{}", "[]"] {
        let raw = format!("{{\"version\":2,\"big\":{bad}}}");
        assert_eq!(decode(Some(&raw)), Loaded::Unreadable, "{raw}");
    }
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

/// A record as the serde_json version of the app wrote it (before the
/// app's own JSON module): read in full, and written back byte for byte.
#[test]
fn records_written_by_earlier_builds_read_and_write_identically() {
    let old = concat!(
        r#"{"version":2,"loan":{"product":"bangfu2026","amount":"5万","months":"36","rate":"3.5","#,
        r#""method":"equal_installment","io":"0","subsidy":"100","subsidy_cap":"","subsidy_timing":"yearly","start":""},"#,
        r#""facts":{"age":"45","status":"tuopin","purpose":"","bad_credit":"no","existing":""},"#,
        r#""check":{"answers":{"income":"lt4000","members":"4","who":"elderly,child"},"section":3,"editing":"h1","finished":true},"#,
        r#""households":[{"id":"h1","label":"3组 \"王家\"","village":"梅河村","date":"2026-11-29","answers":{"members":"4"}}]}"#
    );
    let Loaded::Ok(r) = decode(Some(old)) else {
        panic!("old record unreadable")
    };
    assert_eq!(r.check.section, 3);
    assert_eq!(r.check.editing.as_deref(), Some("h1"));
    assert_eq!(r.households[0].label, "3组 \"王家\"");
    assert_eq!(r.check.answers.get("who"), Some("elderly,child"));
    assert_eq!(encode(&r), old);
}

#[test]
fn a_field_of_the_wrong_type_makes_the_record_unreadable() {
    for raw in [
        r#"{"version":2,"check":{"section":"3"}}"#,
        r#"{"version":2,"check":{"section":-1}}"#,
        r#"{"version":2,"check":{"answers":{"a":1}}}"#,
        r#"{"version":2,"check":{"finished":"yes"}}"#,
        r#"{"version":2,"facts":{"age":45}}"#,
        r#"{"version":2,"households":{}}"#,
        r#"{"version":2,"households":[{"id":"h1"}]}"#,
        r#"{"version":2.5}"#,
    ] {
        assert_eq!(decode(Some(raw)), Loaded::Unreadable, "{raw}");
    }
    // null reads as missing.
    assert!(matches!(
        decode(Some(
            r#"{"version":2,"loan":null,"check":{"editing":null}}"#
        )),
        Loaded::Ok(_)
    ));
}
