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

mod local_figures {
    //! The same loans checked with the national product and with 本地数字.
    use super::*;
    use bangfu::eligibility::assess_with;
    use bangfu::local::{check as check_local, LocalFigures, LocalForm};

    fn county() -> LocalFigures {
        let mut f = LocalForm::default();
        for (k, v) in [
            ("place", "某某县"),
            ("date", "2026-01-01"),
            ("max", "8万"),
            ("months", "24"),
            ("rate", "3.45"),
            ("subsidy", "80"),
            ("cap", "5万"),
            ("timing", "quarterly"),
            ("age_min", "18"),
            ("age_max", "60"),
            ("loan_doc", "某县帮扶小额信贷实施办法"),
        ] {
            f.set(k, v.into());
        }
        let c = check_local(&f);
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        c.figures
    }

    fn run_with(
        id: &str,
        amount: &str,
        months: &str,
        rate: &str,
        f: &Facts,
        local: Option<&LocalFigures>,
    ) -> bangfu::eligibility::Assessment {
        let p = product(id).unwrap();
        let mut form = LoanForm::for_product(p);
        form.amount = amount.into();
        form.months = months.into();
        form.rate = rate.into();
        form.start = "2026-06-01".into();
        let (terms, _) = check(&form, Date::new(2026, 11, 29).unwrap()).unwrap();
        assess_with(p, Some(&terms), f, local)
    }

    fn rule<'a>(
        a: &'a bangfu::eligibility::Assessment,
        title: &str,
    ) -> &'a bangfu::eligibility::RuleResult {
        a.rules.iter().find(|r| r.title == title).unwrap()
    }

    #[test]
    fn amount_term_rate_and_age_follow_the_local_figures() {
        let who = facts("62", "tuopin", "yangzhi", "no", "");
        let local = county();
        // National (2026 product): 9万 ≤ 10万, 62 within the 18–65 example.
        let national = run_with("bangfu2026", "9万", "36", "3.5", &who, None);
        assert_eq!(rule(&national, "贷款金额").outcome, Outcome::Pass);
        assert_eq!(rule(&national, "年龄").outcome, Outcome::Pass);
        assert!(!rule(&national, "贷款金额").source.contains("本地数字"));
        // Local: 9万 > 8万; 36 > 24 months; 3.5% > 3.45%; 62 > 60.
        let a = run_with("bangfu2026", "9万", "36", "3.5", &who, Some(&local));
        assert_eq!(a.verdict, Verdict::NotEligible);
        let amount = rule(&a, "贷款金额");
        assert_eq!(amount.outcome, Outcome::Fail);
        assert_eq!(
            amount.detail,
            "9万元，超过了上限 8万元（某某县 2026年标准）。"
        );
        assert_eq!(
            amount.source,
            "某某县 2026年标准，来自分享的本地数字；依据：某县帮扶小额信贷实施办法"
        );
        assert_eq!(rule(&a, "贷款期限").outcome, Outcome::Fail);
        let rate = rule(&a, "利率上限");
        assert_eq!(rate.outcome, Outcome::Warn);
        assert!(
            rate.detail
                .contains("高于某某县 2026年标准的利率上限 3.45%"),
            "{}",
            rate.detail
        );
        // A local age limit from a named document is a rule, not an example.
        let age = rule(&a, "年龄");
        assert_eq!(age.outcome, Outcome::Fail);
        assert!(
            age.detail.contains("18–60 周岁之间（某某县 2026年标准）"),
            "{}",
            age.detail
        );
        // Within the local figures (and the local 贴息 cap of 5万) everything passes.
        let ok = run_with(
            "bangfu2026",
            "5万",
            "24",
            "3.45",
            &facts("45", "tuopin", "yangzhi", "no", ""),
            Some(&local),
        );
        assert_eq!(ok.verdict, Verdict::Eligible, "{:?}", ok.rules);
    }

    #[test]
    fn past_products_keep_their_own_figures() {
        let who = facts("62", "tuopin", "yangzhi", "no", "");
        let local = county();
        let with = run_with("tuopin2021", "5万", "36", "3.5", &who, Some(&local));
        let without = run_with("tuopin2021", "5万", "36", "3.5", &who, None);
        assert_eq!(with, without);
    }

    #[test]
    fn estimator_defaults_come_from_the_local_figures() {
        let local = county();
        let p = product("bangfu2026").unwrap();
        let f = LoanForm::for_product_with(p, Some(&local));
        assert_eq!(
            (
                f.months.as_str(),
                f.rate.as_str(),
                f.subsidy.as_str(),
                f.subsidy_cap.as_str(),
                f.subsidy_timing.as_str()
            ),
            ("24", "3.45", "80", "5万", "quarterly")
        );
        assert_eq!(
            LoanForm::for_product_with(p, None),
            LoanForm::for_product(p)
        );
        let old = product("tuopin2021").unwrap();
        assert_eq!(
            LoanForm::for_product_with(old, Some(&local)),
            LoanForm::for_product(old)
        );
    }
}

#[test]
fn with_no_other_loan_the_balance_line_does_not_add_up_a_total() {
    let detail = |existing: &str, amount: &str| {
        let f = facts("45", "tuopin", "yangzhi", "no", existing);
        let a = run("tuopin2021", amount, "36", "3.5", "2025-06-01", &f);
        a.rules
            .iter()
            .find(|r| r.title == "已有贷款余额")
            .unwrap()
            .detail
            .clone()
    };
    for none in ["", "0", "０"] {
        let d = detail(none, "5万");
        assert_eq!(
            d, "没有别的贷款，这次 5万元，没超过合计上限 10万元。",
            "{none:?}"
        );
    }
    assert_eq!(
        detail("1万", "3万"),
        "已有 1万元加上这次 3万元，合计 4万元，没超过合计上限 10万元。"
    );
    assert!(detail("3万", "5万")
        .starts_with("已有 3万元加上这次 5万元，合计 8万元，没超过合计上限 10万元；但超过 5万元"));
}
