//! Everything the app reads from outside, fed anything: the link parser, the
//! stored-record decoder, the backup importer and the amount/rate/term
//! parsers. None may panic, and what is accepted round-trips (written out
//! again, it reads back the same).
//!
//! `cargo test` runs a few hundred cases per target; `scripts/fuzz.sh` runs
//! each target for a million or more (`PROPTEST_CASES`) and prints the
//! counts each test prints here (`cargo test -- --nocapture`).

use bangfu::check::households::{backup_json, read_backup, read_backup_bytes};
use bangfu::date::Date;
use bangfu::form::yuan_text;
use bangfu::money::Fen;
use bangfu::parse::{
    bp_percent_text, parse_amount, parse_amount_or_zero, parse_months, parse_percent, parse_rate,
    Rate, MAX_AMOUNT, MAX_RATE_PERCENT,
};
use bangfu::query::{loan_query, parse_query, percent_decode, percent_encode, plain_query};
use bangfu::store::{decode, encode, Loaded};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

/// Cases per property: `PROPTEST_CASES`, or 300 (a fast `cargo test`).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

/// Runs `check` on `cases()` values of `strategy`; any panic or failed
/// assertion fails the test with the smallest input found. `check` says
/// whether the input was accepted (and so its round trip checked). Returns
/// (cases passed, accepted).
fn run<S: Strategy>(
    strategy: S,
    check: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) -> (u64, u64)
where
    S::Value: std::fmt::Debug,
{
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    let count = std::cell::Cell::new((0u64, 0u64));
    TestRunner::new(config)
        .run(&strategy, |v| {
            let accepted = check(v)?;
            let (n, a) = count.get();
            count.set((n + 1, a + accepted as u64));
            Ok(())
        })
        .unwrap();
    count.get()
}

fn report(target: &str, counts: &[(u64, u64)]) {
    let total: u64 = counts.iter().map(|c| c.0).sum();
    let accepted: u64 = counts.iter().map(|c| c.1).sum();
    println!(
        "fuzz: {target}: {total} cases ({} properties), {accepted} accepted and round-tripped, 0 panics",
        counts.len()
    );
}

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

/// Text people and WeChat put in links and inputs: digits of both widths,
/// Chinese units, separators, escapes, markup and control characters.
fn messy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9０-９.．。,，万千元￥%％个月年期 +\\-eE]{0,14}",
        "[a-z_=&?#%0-9A-F+<>\"'/\\\\\u{202e}\u{200b}王家🏠]{0,40}",
    ]
}

/// JSON values shaped like the app's files: the record's and the backup's
/// field names, nested a few levels, any leaf.
fn json() -> impl Strategy<Value = Value> {
    const KEYS: &[&str] = &[
        "version",
        "loan",
        "facts",
        "check",
        "households",
        "answers",
        "section",
        "editing",
        "finished",
        "id",
        "label",
        "village",
        "date",
        "amount",
        "months",
        "rate",
        "product",
        "method",
        "members",
        "app",
        "kind",
        "exported",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u64..4).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        messy().prop_map(Value::String),
        "2026-(0[1-9]|1[0-2])-(0[1-9]|2[0-8])".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

#[test]
fn link_parser() {
    const KEYS: &[&str] = &[
        "v",
        "product",
        "amount",
        "months",
        "rate",
        "method",
        "io",
        "subsidy",
        "subsidy_cap",
        "subsidy_timing",
        "start",
        "r",
        "id",
        "from",
        "isappinstalled",
        "amp;v",
        "V",
        "big",
        "for",
        "lv",
        "place",
        "line",
        "ck",
    ];
    const VIEWS: &[&str] = &[
        "loan",
        "check",
        "households",
        "policy",
        "home",
        "local",
        "risk",
        "qr",
        "LOAN",
        "",
    ];
    let pairs = prop::collection::vec(
        (
            prop::sample::select(KEYS),
            prop_oneof![prop::sample::select(VIEWS).prop_map(String::from), messy()],
            any::<bool>(),
        ),
        0..10,
    )
    .prop_map(|pairs| {
        let mut q = String::from("?");
        for (i, (k, v, encode)) in pairs.into_iter().enumerate() {
            if i > 0 {
                q.push('&');
            }
            q.push_str(k);
            q.push('=');
            q.push_str(&if encode { percent_encode(&v) } else { v });
        }
        q
    });
    let links = prop_oneof![
        messy(),
        pairs.clone(),
        (pairs, messy()).prop_map(|(q, tail)| format!("{q}#{tail}"))
    ];
    let parsed = run(links, |link| {
        let p = parse_query(&link, today());
        // A link's plain address reads the same (the loader reloads to it).
        let plain = parse_query(&plain_query(&p), today());
        prop_assert_eq!(plain.view, p.view);
        prop_assert_eq!(&plain.policy_id, &p.policy_id);
        prop_assert_eq!(&plain.shared_check, &p.shared_check);
        // An accepted estimate's canonical link reads back to the same link.
        let accepted = p.loan.is_some();
        if let Some(form) = p.loan {
            let canonical = loan_query(&form);
            let again = parse_query(&canonical, today());
            prop_assert_eq!(again.loan.as_ref().map(loan_query), Some(canonical));
        }
        Ok(accepted)
    });
    let escapes = run(any::<String>(), |s| {
        prop_assert_eq!(percent_decode(&percent_encode(&s)), Some(s));
        Ok(true)
    });
    let decodes = run(messy(), |s| Ok(percent_decode(&s).is_some()));
    report("link parser", &[parsed, escapes, decodes]);
}

#[test]
fn stored_record_decoder() {
    let text = prop_oneof![
        messy(),
        json().prop_map(|v| v.to_string()),
        json().prop_map(|mut v| {
            if let Value::Object(m) = &mut v {
                m.insert("version".into(), Value::from(2));
            }
            v.to_string()
        }),
    ];
    let decoded = run(text, |raw| {
        if let Loaded::Ok(r) = decode(Some(&raw)) {
            // Accepted: saved again, it reads back the same.
            prop_assert_eq!(decode(Some(&encode(&r))), Loaded::Ok(r));
            return Ok(true);
        }
        Ok(false)
    });
    report("stored-record decoder", &[decoded]);
}

#[test]
fn backup_importer() {
    let as_backup = (json(), 0u64..3).prop_map(|(list, version)| {
        serde_json::json!({
            "app": "bangfu", "kind": "households", "version": version, "exported": "2026-11-29",
            "households": match list { Value::Array(_) => list, other => Value::Array(vec![other]) },
        })
        .to_string()
        .into_bytes()
    });
    // Households as the app writes them, with any text in them.
    let household = (
        "[a-z0-9-]{1,20}",
        messy(),
        messy(),
        "2026-(0[1-9]|1[0-2])-(0[1-9]|2[0-8])",
        prop::collection::vec((prop::sample::select(&["members", "income", "house", "x"][..]), messy()), 0..4),
    )
        .prop_map(|(id, label, village, date, answers)| {
            let answers: serde_json::Map<String, Value> =
                answers.into_iter().map(|(k, v)| (k.to_string(), Value::String(v))).collect();
            serde_json::json!({ "id": id, "label": label, "village": village, "date": date, "answers": answers })
        });
    let households = prop::collection::vec(household, 0..5).prop_map(|list| {
        serde_json::json!({
            "app": "bangfu", "kind": "households", "version": 1, "exported": "2026-11-29",
            "households": list,
        })
        .to_string()
        .into_bytes()
    });
    let bytes = prop_oneof![
        households,
        any::<Vec<u8>>(),
        messy().prop_map(String::into_bytes),
        json().prop_map(|v| v.to_string().into_bytes()),
        as_backup,
    ];
    let imported = run(bytes, |b| {
        if let Ok((list, _notes)) = read_backup_bytes(&b) {
            // Accepted: exported again, it imports as the same list.
            let again = read_backup(&backup_json(&list, today()));
            prop_assert_eq!(again, Ok((list, Vec::new())));
            return Ok(true);
        }
        Ok(false)
    });
    report("backup importer", &[imported]);
}

#[test]
fn amount_and_rate_parsers() {
    let any_text = run(messy(), |s| {
        let _ = parse_amount(&s);
        let _ = parse_amount_or_zero(&s);
        let _ = parse_months(&s);
        let _ = parse_rate(&s);
        let _ = parse_percent(&s);
        // Accepted values read back from the text the app writes for them.
        let mut accepted = false;
        if let Ok(f) = parse_amount_or_zero(&s) {
            accepted = true;
            prop_assert_eq!(parse_amount_or_zero(&yuan_text(f)), Ok(f));
        }
        if let Ok(r) = parse_rate(&s) {
            accepted = true;
            prop_assert_eq!(parse_rate(&r.percent_text()), Ok(r));
        }
        if let Ok(bp) = parse_percent(&s) {
            accepted = true;
            prop_assert_eq!(parse_percent(&bp_percent_text(bp)), Ok(bp));
        }
        if let Ok(m) = parse_months(&s) {
            accepted = true;
            prop_assert_eq!(parse_months(&m.to_string()), Ok(m));
        }
        Ok(accepted)
    });
    let amounts = run(0i64..=MAX_AMOUNT.0 + 1000, |fen| {
        let f = Fen(fen);
        let back = parse_amount_or_zero(&yuan_text(f));
        if let Ok(back) = back {
            prop_assert_eq!(back, f);
        }
        Ok(back.is_ok())
    });
    let rates = run(0i64..=MAX_RATE_PERCENT * 10_000 + 100, |ppm| {
        let r = Rate(ppm);
        let back = parse_rate(&r.percent_text());
        if let Ok(back) = back {
            prop_assert_eq!(back, r);
        }
        Ok(back.is_ok())
    });
    report("amount/rate/term parsers", &[any_text, amounts, rates]);
}
