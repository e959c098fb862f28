//! 如果……会怎样: the amounts as typed, what the comparison reports, and the
//! wage a lost worker would take away. The rule cases themselves (the 80,400 /
//! 50,000 family and others) are in tests/screening_cases.toml.

use bangfu::check::whatif::{changes, compare, wage_per_worker, WhatIfForm};
use bangfu::check::{assess_with, Answers, Level, WhatIf};

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn form(medical: &str, lost_income: &str) -> WhatIfForm {
    WhatIfForm {
        medical: medical.into(),
        lost_income: lost_income.into(),
    }
}

#[test]
fn amounts_read_as_people_type_them() {
    for (typed, yuan) in [
        ("50000", 50_000),
        ("5万", 50_000),
        ("五万", 50_000),
        ("两万五", 25_000),
        ("５００００", 50_000),
        ("3千", 3_000),
        ("三千五百", 3_500),
        ("  ", 0),
        ("", 0),
        ("0", 0),
        ("1234.56", 1_234),
    ] {
        let w = form(typed, typed)
            .read()
            .unwrap_or_else(|e| panic!("{typed:?}: {e:?}"));
        assert_eq!((w.medical, w.lost_income), (yuan, yuan), "{typed:?}");
    }
}

#[test]
fn bad_amounts_name_their_field_and_say_what_to_change() {
    let e = form("abc", "5万").read().unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].field, "medical");
    assert!(!e[0].message.is_empty());
    let e = form("-3", "2000万").read().unwrap_err();
    assert_eq!(
        e.iter().map(|e| e.field).collect::<Vec<_>>(),
        ["medical", "lost_income"]
    );
    assert!(e[1].message.contains("太大"), "{:?}", e[1]);
}

#[test]
fn nothing_changes_when_nothing_happens() {
    let a = answers(&[
        ("members", "3"),
        ("income", "6000_8000"),
        ("medical", "gt30000"),
    ]);
    let c = compare(&a, None, &WhatIf::default());
    assert_eq!(c.today, c.then);
    assert!(c.changes.is_empty());
}

#[test]
fn changes_list_what_moves_appears_and_goes() {
    // 80,400 a year for 4 and a local line of 8,000: a 50,000 bill puts the
    // household under it (today: nothing to report on monitoring).
    let a = answers(&[
        ("members", "4"),
        ("income", "calc"),
        ("inc_wage", "80400"),
        ("medical", "lt2000"),
        ("local_line", "8000"),
    ]);
    let c = compare(
        &a,
        None,
        &WhatIf {
            medical: 50_000,
            lost_income: 0,
        },
    );
    assert_eq!(c.today.net, Some((19_600, Some(20_100))));
    assert_eq!(c.then.net, Some((7_100, Some(7_600))));
    let moved: Vec<_> = c
        .changes
        .iter()
        .map(|c| (c.id, c.before, c.after))
        .collect();
    assert!(
        moved.contains(&("jiance", None, Some(Level::Likely))),
        "{moved:?}"
    );
    assert!(
        moved.contains(&("medical_aid", None, Some(Level::Possible))),
        "{moved:?}"
    );
    // The answers are read, never written.
    assert_eq!(assess_with(&a, None), c.today);

    // And back: from the bill's result to today's, the same findings go.
    let back = changes(&c.then, &c.today);
    assert!(back.iter().any(|c| c.id == "jiance" && c.after.is_none()));
}

#[test]
fn a_wage_per_worker_only_from_the_calculator() {
    let calc = answers(&[("income", "calc"), ("inc_wage", "6万"), ("workers", "2")]);
    assert_eq!(wage_per_worker(&calc), Some(30_000));
    let range = answers(&[
        ("income", "6000_8000"),
        ("inc_wage", "6万"),
        ("workers", "2"),
    ]);
    assert_eq!(wage_per_worker(&range), None);
    let nobody = answers(&[("income", "calc"), ("inc_wage", "6万"), ("workers", "0")]);
    assert_eq!(wage_per_worker(&nobody), None);
}
