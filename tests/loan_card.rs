//! The 还款卡's words and its bold payment.

use bangfu::date::Date;
use bangfu::loan::card::{bold_period, direct_note, BANK, OVERDUE, OVERDUE_WHY, SOURCE};
use bangfu::loan::{schedule, LoanTerms, Method, Subsidy, SubsidyTiming};
use bangfu::money::Fen;
use bangfu::parse::parse_rate;

fn rows(method: Method, io: u32) -> bangfu::loan::Schedule {
    let t = LoanTerms {
        principal: Fen::from_yuan(50_000),
        months: 36,
        rate: parse_rate("3.5").unwrap(),
        method,
        interest_only_months: io,
        start: Date::new(2026, 12, 15).unwrap(),
    };
    schedule(&t, &Subsidy::NONE)
}

#[test]
fn the_bold_payment_repays_the_principal_at_once_or_clears_the_loan() {
    assert_eq!(bold_period(&rows(Method::QuarterlyInterest, 0)), 12);
    assert_eq!(bold_period(&rows(Method::MonthlyInterest, 0)), 36);
    assert_eq!(bold_period(&rows(Method::Bullet, 0)), 1);
    // Repaid as it goes (a staged loan too, whose large payments are not the principal at once): the last.
    assert_eq!(bold_period(&rows(Method::EqualInstallment, 0)), 36);
    assert_eq!(bold_period(&rows(Method::Staged, 8)), 36);
}

#[test]
fn the_card_says_what_being_late_costs_with_sources_apart() {
    assert_eq!(OVERDUE, "逾期不贴息、记入征信。");
    assert!(OVERDUE_WHY.contains("5年"));
    // No national rule gives a number of days: no figure, just "before the day".
    assert!(BANK.contains("到期前提前找银行"));
    assert!(!BANK.chars().any(|c| c.is_ascii_digit()));
    for sentence in [OVERDUE, OVERDUE_WHY, BANK] {
        assert!(
            !sentence.contains('《') && !sentence.contains('〔'),
            "{sentence}"
        );
    }
    assert!(SOURCE.starts_with("出处：") && SOURCE.contains("《征信业管理条例》第十六条"));
}

#[test]
fn the_direct_subsidy_note_only_when_there_is_a_subsidy_paid_directly() {
    let none = rows(Method::EqualInstallment, 0);
    assert_eq!(direct_note(SubsidyTiming::Direct, &none), None);
    let t = LoanTerms {
        principal: Fen::from_yuan(50_000),
        months: 12,
        rate: parse_rate("3.5").unwrap(),
        method: Method::EqualInstallment,
        interest_only_months: 0,
        start: Date::new(2026, 12, 15).unwrap(),
    };
    let sub = |timing| Subsidy {
        percent_bp: 10_000,
        cap: None,
        timing,
    };
    let s = schedule(&t, &sub(SubsidyTiming::Direct));
    assert!(direct_note(SubsidyTiming::Direct, &s).is_some());
    let s = schedule(&t, &sub(SubsidyTiming::Yearly));
    assert_eq!(direct_note(SubsidyTiming::Yearly, &s), None);
}
