//! Eligibility rules: every verdict comes with its reasons and sources.

use bangfu::date::Date;
use bangfu::eligibility::{assess, Facts, Outcome, Verdict};
use bangfu::form::{check, LoanForm};
use bangfu::money::Fen;
use bangfu::products::product;

fn facts(age: &str, status: &str, purpose: &str, bad: &str, existing: &str) -> Facts {
    Facts {
        age: age.into(),
        status: status.into(),
        purpose: purpose.into(),
        bad_credit: bad.into(),
        existing: existing.into(),
    }
}

fn run(
    id: &str,
    amount: &str,
    months: &str,
    rate: &str,
    start: &str,
    f: &Facts,
) -> bangfu::eligibility::Assessment {
    let p = product(id).unwrap();
    let mut form = LoanForm::for_product(p);
    form.amount = amount.into();
    form.months = months.into();
    form.rate = rate.into();
    form.start = start.into();
    let (terms, _) = check(&form, Date::new(2026, 11, 29).unwrap()).unwrap();
    assess(p, Some(&terms), f)
}

fn outcome(a: &bangfu::eligibility::Assessment, title: &str) -> Outcome {
    a.rules
        .iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("no rule {title}"))
        .outcome
}

#[test]
fn a_typical_household_qualifies_for_the_2021_loan() {
    let a = run(
        "tuopin2021",
        "5万",
        "36",
        "3.5",
        "2025-06-01",
        &facts("45", "tuopin", "yangzhi", "no", ""),
    );
    assert_eq!(a.verdict, Verdict::Eligible, "{:#?}", a.rules);
    assert!(a.rules.iter().all(|r| r.outcome != Outcome::Fail));
    assert!(a
        .rules
        .iter()
        .all(|r| !r.source.is_empty() && !r.detail.is_empty()));
}

#[test]
fn hard_limits_fail() {
    let f = facts("45", "tuopin", "yangzhi", "no", "");
    assert_eq!(
        outcome(
            &run("tuopin2021", "6万", "36", "3.5", "2025-06-01", &f),
            "贷款金额"
        ),
        Outcome::Fail
    );
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "48", "3.5", "2025-06-01", &f),
            "贷款期限"
        ),
        Outcome::Fail
    );
    let f = facts("45", "other", "yangzhi", "no", "");
    assert_eq!(
        run("tuopin2021", "5万", "36", "3.5", "2025-06-01", &f).verdict,
        Verdict::NotEligible
    );
    let f = facts("45", "tuopin", "jianfang", "no", "");
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "36", "3.5", "2025-06-01", &f),
            "贷款用途"
        ),
        Outcome::Fail
    );
    let f = facts("45", "tuopin", "yangzhi", "yes", "");
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "36", "3.5", "2025-06-01", &f),
            "信用记录"
        ),
        Outcome::Fail
    );
}

#[test]
fn rate_cap_follows_the_term() {
    let f = facts("45", "tuopin", "yangzhi", "no", "");
    // 12 months: 1-year LPR (3.1 % from 2024-10-21) is the cap.
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "12", "3.1", "2025-01-10", &f),
            "利率上限"
        ),
        Outcome::Pass
    );
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "12", "3.2", "2025-01-10", &f),
            "利率上限"
        ),
        Outcome::Warn
    );
    // 24 months: 5-year LPR 3.6 %.
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "24", "3.6", "2025-01-10", &f),
            "利率上限"
        ),
        Outcome::Pass
    );
}

#[test]
fn balance_above_5wan_is_not_subsidised_and_above_10wan_fails() {
    let f = facts("45", "jiance", "zhongzhi", "no", "3万");
    let a = run("tuopin2021", "5万", "36", "3.5", "2025-06-01", &f);
    let r = a.rules.iter().find(|r| r.title == "已有贷款余额").unwrap();
    assert_eq!(r.outcome, Outcome::Warn);
    assert!(r.detail.contains("不贴息"));
    let f = facts("45", "jiance", "zhongzhi", "no", "6万");
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "36", "3.5", "2025-06-01", &f),
            "已有贷款余额"
        ),
        Outcome::Fail
    );
}

#[test]
fn age_limits_are_local_so_they_warn() {
    let f = facts("70", "tuopin", "yangzhi", "no", "");
    let a = run("bangfu2026", "5万", "36", "3.5", "2026-06-01", &f);
    assert_eq!(outcome(&a, "年龄"), Outcome::Warn);
    for (age, o) in [
        ("17", Outcome::Warn),
        ("18", Outcome::Pass),
        ("65", Outcome::Pass),
        ("66", Outcome::Warn),
        ("", Outcome::Warn),
        ("abc", Outcome::Warn),
    ] {
        let f = facts(age, "tuopin", "yangzhi", "no", "");
        assert_eq!(
            outcome(
                &run("bangfu2026", "5万", "36", "3.5", "2026-06-01", &f),
                "年龄"
            ),
            o,
            "age {age}"
        );
    }
}

#[test]
fn the_2026_product_takes_households_in_need_and_10wan() {
    let f = facts("40", "need", "liutong", "no", "");
    let a = run("bangfu2026", "10万", "36", "3.5", "2026-06-01", &f);
    assert_eq!(outcome(&a, "家庭身份"), Outcome::Pass);
    assert_eq!(outcome(&a, "贷款金额"), Outcome::Pass);
    assert_ne!(a.verdict, Verdict::NotEligible);
    // The expired 2021 product warns when the loan starts in 2026.
    let f = facts("40", "tuopin", "liutong", "no", "");
    assert_eq!(
        outcome(
            &run("tuopin2021", "5万", "36", "3.5", "2026-06-01", &f),
            "政策期限"
        ),
        Outcome::Warn
    );
}

#[test]
fn unanswered_facts_never_give_a_false_no() {
    let a = run(
        "bangfu2026",
        "5万",
        "36",
        "3.5",
        "2026-06-01",
        &Facts::default(),
    );
    assert_eq!(a.verdict, Verdict::Caution);
    assert!(a.rules.iter().all(|r| r.outcome != Outcome::Fail));
    let _ = Fen::ZERO;
}
