//! Properties of the stored record and the backup file for any content:
//! reading never panics, what is written reads back the same, and it is
//! written exactly as the app wrote it before serde (so older builds on the
//! same phone read it).

use bangfu::check::households::{backup_json, read_backup, Household};
use bangfu::check::Answers;
use bangfu::date::Date;
use bangfu::eligibility::Facts;
use bangfu::form::LoanForm;
use bangfu::local::LocalFigures;
use bangfu::store::{decode, encode, CheckState, Loaded, Record, VERSION};
use proptest::prelude::*;

/// Any text, including quotes, backslashes, control characters and emoji.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\/\\t\\n\\r\\u{1}\\u{1f}\\u{7f}a-z0-9 王李家组村🏠👨‍👩‍👧\\u{2028}]{0,12}",
    ]
}

fn answers() -> impl Strategy<Value = Answers> {
    prop::collection::vec((text(), text()), 0..6).prop_map(Answers::from_pairs)
}

fn loan() -> impl Strategy<Value = LoanForm> {
    prop::collection::vec(text(), 10).prop_map(|t| LoanForm {
        product: t[0].clone(),
        amount: t[1].clone(),
        months: t[2].clone(),
        rate: t[3].clone(),
        method: t[4].clone(),
        io: t[5].clone(),
        subsidy: t[6].clone(),
        subsidy_cap: t[7].clone(),
        subsidy_timing: t[8].clone(),
        start: t[9].clone(),
    })
}

fn facts() -> impl Strategy<Value = Facts> {
    prop::collection::vec(text(), 5).prop_map(|t| Facts {
        age: t[0].clone(),
        status: t[1].clone(),
        purpose: t[2].clone(),
        bad_credit: t[3].clone(),
        existing: t[4].clone(),
    })
}

fn household() -> impl Strategy<Value = Household> {
    (text(), text(), text(), text(), answers()).prop_map(|(id, label, village, date, answers)| {
        Household {
            id,
            label,
            village,
            date,
            answers,
        }
    })
}

fn record() -> impl Strategy<Value = Record> {
    (
        prop::option::of(loan()),
        facts(),
        (
            answers(),
            any::<usize>(),
            prop::option::of(text()),
            any::<bool>(),
        ),
        prop::collection::vec(household(), 0..4),
        prop::option::of((text(), any::<Option<u32>>(), 0..50_000_000i64, text())),
        any::<bool>(),
    )
        .prop_map(
            |(loan, facts, (answers, section, editing, finished), households, local, big)| Record {
                version: VERSION,
                loan,
                facts,
                check: CheckState {
                    answers,
                    section,
                    editing,
                    finished,
                },
                households,
                local: local.map(|(place, line, max, loan_doc)| {
                    LocalFigures {
                        place,
                        line,
                        max: Some(max),
                        loan_doc,
                        ..LocalFigures::default()
                    }
                    .to_form()
                }),
                big,
            },
        )
}

/// Text that looks like JSON: records, near-records and broken ones.
fn jsonish() -> impl Strategy<Value = String> {
    let token = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "null",
        "true",
        "0",
        "1",
        "2",
        "3",
        "-1",
        "2.5",
        "1e400",
        "\"version\"",
        "\"loan\"",
        "\"facts\"",
        "\"check\"",
        "\"answers\"",
        "\"section\"",
        "\"editing\"",
        "\"finished\"",
        "\"households\"",
        "\"id\"",
        "\"label\"",
        "\"amount\"",
        "\"5万\"",
        "\"\\ud800\"",
        " ",
        "\u{feff}",
    ]);
    prop::collection::vec(token, 0..60).prop_map(|t| t.concat())
}

/// The pre-serde writer's string escaping (src/json.rs at f769185).
/// serde_json writes the same bytes except for U+0008 and U+000C, which it
/// writes as `\b` and `\f` (the old reader reads those too).
fn old_quote(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn old_texts(fields: &[(&str, &str)]) -> String {
    let inner: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{}", old_quote(k), old_quote(v)))
        .collect();
    format!("{{{}}}", inner.join(","))
}

fn old_answers(a: &Answers) -> String {
    old_texts(&a.iter().collect::<Vec<_>>())
}

fn old_household(h: &Household) -> String {
    format!(
        "{{\"id\":{},\"label\":{},\"village\":{},\"date\":{},\"answers\":{}}}",
        old_quote(&h.id),
        old_quote(&h.label),
        old_quote(&h.village),
        old_quote(&h.date),
        old_answers(&h.answers)
    )
}

/// The record as `store::encode` wrote it before serde.
fn old_encode(r: &Record) -> String {
    let loan = r.loan.as_ref().map_or("null".to_string(), |f| {
        old_texts(&[
            ("product", &f.product),
            ("amount", &f.amount),
            ("months", &f.months),
            ("rate", &f.rate),
            ("method", &f.method),
            ("io", &f.io),
            ("subsidy", &f.subsidy),
            ("subsidy_cap", &f.subsidy_cap),
            ("subsidy_timing", &f.subsidy_timing),
            ("start", &f.start),
        ])
    });
    let f = &r.facts;
    let facts = old_texts(&[
        ("age", &f.age),
        ("status", &f.status),
        ("purpose", &f.purpose),
        ("bad_credit", &f.bad_credit),
        ("existing", &f.existing),
    ]);
    let c = &r.check;
    let households: Vec<String> = r.households.iter().map(old_household).collect();
    // 本地数字 came later: written like the answers, after the list, only when set.
    let local = r.local.as_ref().map_or(String::new(), |l| {
        format!(",\"local\":{}", old_answers(&l.0))
    });
    format!(
        "{{\"version\":{},\"loan\":{loan},\"facts\":{facts},\"check\":{{\"answers\":{},\"section\":{},\"editing\":{},\"finished\":{}}},\"households\":[{}]{local}}}",
        r.version,
        old_answers(&c.answers),
        c.section,
        c.editing.as_deref().map_or("null".to_string(), old_quote),
        c.finished,
        households.join(",")
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn decoding_any_text_never_panics(raw in any::<String>()) {
        let _ = decode(Some(&raw));
    }

    #[test]
    fn decoding_json_like_text_never_panics(raw in jsonish()) {
        if let Loaded::Ok(r) = decode(Some(&raw)) {
            // Whatever was read is a record that saves and reads back.
            prop_assert_eq!(decode(Some(&encode(&r))), Loaded::Ok(r));
        }
    }

    #[test]
    fn a_damaged_record_never_panics(r in record(), cut in any::<prop::sample::Index>(), junk in text()) {
        let text = encode(&r);
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let _ = decode(Some(&text[..at]));
        let _ = decode(Some(&format!("{}{junk}{}", &text[..at], &text[at..])));
    }

    #[test]
    fn any_record_round_trips(r in record()) {
        let text = encode(&r);
        prop_assert_eq!(&text, &serde_json::to_string(&r).unwrap());
        prop_assert_eq!(decode(Some(&text)), Loaded::Ok(Box::new(r)));
    }

    #[test]
    fn records_are_written_as_before_serde(r in record()) {
        let text = encode(&r);
        let old = old_encode(&r);
        // 大字版 came later: off, the text is the old one; on, it is the
        // old one with `"big":true` last.
        let old = if r.big {
            format!("{},\"big\":true}}", &old[..old.len() - 1])
        } else {
            old
        };
        // Both read as the same record.
        prop_assert_eq!(decode(Some(&old)), decode(Some(&text)));
        let backspace_or_form_feed = old.contains("\\u0008") || old.contains("\\u000c");
        if !backspace_or_form_feed {
            prop_assert_eq!(text, old);
        }
    }

    #[test]
    fn any_household_list_backs_up_and_imports(
        list in prop::collection::vec(
            ("[\"\\\\\\t\\u{1}王李组 🏠a-z]{0,30}", "[村组 a-z\\\\\"]{0,20}", 1u8..=12, 1u8..=28),
            0..5,
        )
    ) {
        let list: Vec<Household> = list
            .into_iter()
            .enumerate()
            .map(|(i, (label, village, m, d))| Household {
                id: format!("h{i}"),
                label,
                village,
                date: Date::new(2026, m, d).unwrap().to_string(),
                answers: Answers::from_pairs([("members".to_string(), "3".to_string())]),
            })
            .collect();
        let file = backup_json(&list, Date::new(2026, 11, 29).unwrap());
        let (back, notes) = read_backup(&file).unwrap();
        prop_assert!(notes.is_empty());
        prop_assert_eq!(back, list);
    }
}

/// Serde's derives would read a struct from an array of its fields; the app
/// never writes that, so such a record is damaged.
#[test]
fn structs_are_read_only_from_objects() {
    for raw in [
        r#"{"version":2,"loan":["bangfu2026","5万"]}"#,
        r#"{"version":2,"facts":["45"]}"#,
        r#"{"version":2,"facts":[]}"#,
        r#"{"version":2,"check":[{},3,null,true]}"#,
        r#"{"version":2,"households":[["h1","x","","2026-01-01",{}]]}"#,
        r#"{"version":2,"check":{"answers":[["a","b"]]}}"#,
        r#"{"version":2,"loan":{"amount":null}}"#,
        r#"[2]"#,
    ] {
        assert_eq!(decode(Some(raw)), Loaded::Unreadable, "{raw}");
    }
    let backup = r#"{"app":"bangfu","kind":"households","version":1,"exported":"x","households":[["a","x","","2026-02-03",{}]]}"#;
    assert!(read_backup(backup).unwrap_err().contains("损坏"));
}

/// Like the pre-serde reader: a repeated key reads as its last value, and
/// nesting far deeper than any record is refused, not a crash.
#[test]
fn repeated_keys_and_deep_nesting() {
    let Loaded::Ok(r) = decode(Some(
        r#"{"version":2,"facts":{"age":"1","age":"2"},"check":{"answers":{"a":"x","a":"y"}}}"#,
    )) else {
        panic!()
    };
    assert_eq!(r.facts.age, "2");
    assert_eq!(r.check.answers.raw("a"), Some("y"));
    let deep = format!(
        "{{\"version\":2,\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(decode(Some(&deep)), Loaded::Unreadable);
    assert_eq!(
        decode(Some(&format!(
            "{{\"version\":9,\"x\":{}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        ))),
        Loaded::Unreadable
    );
}

/// The shell's reader (`store::lean`): it reads what `decode` reads, but the
/// household list, which it keeps as text and writes back exactly; the list
/// read from that text is the one `decode` reads.
mod lean_record {
    use super::*;
    use bangfu::store::lean;
    use bangfu::store::{decode_full, encode_full, Extra};

    fn without_list(r: &Record) -> Record {
        Record {
            households: Vec::new(),
            ..r.clone()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn reads_and_writes_any_record_as_decode_does(r in record()) {
            let text = encode(&r);
            let (loaded, list) = lean::decode(Some(&text));
            prop_assert_eq!(loaded, Loaded::Ok(Box::new(without_list(&r))));
            prop_assert_eq!(lean::encode(&without_list(&r), &list), text.clone());
            let (households, extra) = lean::decode_list(&list).unwrap();
            prop_assert_eq!(&households, &r.households);
            prop_assert_eq!(extra, Extra::default());
            prop_assert_eq!(lean::encode(&r, &lean::encode_list(&households, &Extra::default())), text);
        }

        #[test]
        fn agrees_with_decode_on_json_like_text(raw in jsonish()) {
            let (full, _) = decode_full(Some(&raw));
            let (shell, list) = lean::decode(Some(&raw));
            match full {
                Loaded::Ok(r) => {
                    prop_assert_eq!(shell, Loaded::Ok(Box::new(without_list(&r))));
                    prop_assert_eq!(lean::decode_list(&list).map(|(h, _)| h), Some(r.households));
                }
                // What `decode` refuses, the shell refuses, or its list does
                // (checked when a screen that shows the list opens).
                Loaded::Unreadable => prop_assert!(
                    shell == Loaded::Unreadable || lean::decode_list(&list).is_none(),
                    "{}", raw
                ),
                other => prop_assert_eq!(shell, other),
            }
        }

        #[test]
        fn never_panics_on_any_text(raw in any::<String>()) {
            let (_, list) = lean::decode(Some(&raw));
            let _ = lean::decode_list(&list);
        }
    }

    /// A record with every kind of list field, as the app writes it.
    #[test]
    fn a_record_with_visits_declarations_and_measures_is_written_back_exactly() {
        for text in [
            include_str!("fixtures/record-declared.json").trim_end(),
            include_str!("fixtures/record-v2.json").trim_end(),
            include_str!("fixtures/record-v1.json").trim_end(),
            r#"{"version":2,"loan":null,"facts":{"age":"","status":"","purpose":"","bad_credit":"","existing":""},"check":{"answers":{},"section":0,"editing":null,"finished":false},"households":[{"id":"h1","label":"王家","village":"","date":"2026-11-01","answers":{}}],"big":true,"visits":[{"id":"h1","note":"看了","earlier":[{"date":"2026-10-01","answers":{"members":"2"},"note":"上次"}]}],"backed_up":"2026-11-02","changed_since_backup":["h1"],"deleted":["h9"],"measures":[{"id":"h1","key":"k1","what":"申请低保","who":"李","by":"2026-12-31","progress":"todo","stamp":"1"}]}"#,
        ] {
            // As this build writes it (the fixtures are that already).
            let (full, extra) = decode_full(Some(text));
            let Loaded::Ok(full) = full else {
                panic!("{text}")
            };
            let text = &encode_full(&full, &extra);
            let (Loaded::Ok(shell), list) = lean::decode(Some(text)) else {
                panic!("{text}")
            };
            assert_eq!(*shell, without_list(&full));
            let (households, list_extra) = lean::decode_list(&list).unwrap();
            assert_eq!((&households, &list_extra), (&full.households, &extra));
            let written = encode_full(&full, &extra);
            assert_eq!(lean::encode(&shell, &list), written, "as read");
            assert_eq!(
                lean::encode(&shell, &lean::encode_list(&households, &list_extra)),
                written,
                "as the list writes it"
            );
            assert_eq!(
                list.is_empty(),
                households.is_empty() && extra == Extra::default()
            );
        }
    }

    /// The list's damage is not the shell's: it keeps the text, which reads
    /// as damaged when the list is read; `null` is missing.
    #[test]
    fn a_damaged_list_is_kept_as_it_is() {
        let raw = r#"{"version":2,"loan":null,"households":[["h1","x"]],"visits":{"a":1}}"#;
        let (Loaded::Ok(shell), list) = lean::decode(Some(raw)) else {
            panic!()
        };
        assert_eq!(decode(Some(raw)), Loaded::Unreadable);
        assert_eq!(list.field("households"), Some(r#"[["h1","x"]]"#));
        assert!(lean::decode_list(&list).is_none());
        assert!(lean::encode(&shell, &list).contains(r#""households":[["h1","x"]]"#));
        let (_, none) = lean::decode(Some(r#"{"version":2,"households":null,"declared":[]}"#));
        assert!(none.is_empty());
        assert_eq!(none.field("households"), None);
        // Newer, too deep and wrongly typed records are what decode says.
        for (raw, want) in [
            (r#"{"version":9,"households":"x"}"#, Loaded::Newer(9)),
            (r#"{"version":2,"loan":5}"#, Loaded::Unreadable),
            (r#"{"version":"2"}"#, Loaded::Unreadable),
            (r#"[2]"#, Loaded::Unreadable),
        ] {
            assert_eq!(lean::decode(Some(raw)).0, want, "{raw}");
            assert_eq!(decode(Some(raw)), want, "{raw}");
        }
        let deep = format!(
            "{{\"version\":9,\"x\":{}{}}}",
            "[".repeat(200),
            "]".repeat(200)
        );
        assert_eq!(lean::decode(Some(&deep)).0, Loaded::Unreadable);
        let deep_list = format!(
            "{{\"version\":2,\"households\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let (shell, list) = lean::decode(Some(&deep_list));
        assert!(matches!(shell, Loaded::Ok(_)));
        assert!(lean::decode_list(&list).is_none());
        let (Loaded::Ok(r), _) = lean::decode(Some(
            r#"{"version":2,"facts":{"age":"1","age":"2"},"facts":{"age":"3"}}"#,
        )) else {
            panic!()
        };
        assert_eq!(r.facts.age, "3");
    }
}
