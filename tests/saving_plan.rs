//! 到期还本: the saving plan, checked against sums worked by hand
//! (each instalment rounded up to the whole 元, the last one what is left).

use bangfu::date::Date;
use bangfu::loan::saving::{plan, target, Every, Plan};
use bangfu::loan::{schedule, LoanTerms, Method, Subsidy};
use bangfu::money::Fen;
use bangfu::parse::parse_rate;

fn terms(yuan: i64, months: u32, method: Method) -> LoanTerms {
    LoanTerms {
        principal: Fen::from_yuan(yuan),
        months,
        rate: parse_rate("3.5").unwrap(),
        method,
        interest_only_months: 0,
        start: Date::new(2026, 12, 15).unwrap(),
    }
}

#[test]
fn fifty_thousand_over_36_months_is_1389_then_1385() {
    // 50,000 ÷ 36 = 1,388.89 → 1,389 元; 35 × 1,389 = 48,615; 50,000 − 48,615 = 1,385.
    let p = plan(Fen::from_yuan(50_000), 36, Every::Month).unwrap();
    assert_eq!(
        p,
        Plan {
            each: Fen::from_yuan(1_389),
            full: 35,
            last: Fen::from_yuan(1_385)
        }
    );
    assert_eq!(p.times(), 36);
    assert_eq!(p.total(), Fen::from_yuan(50_000));
}

#[test]
fn fifty_thousand_over_12_quarters_is_4167_then_4163() {
    // 50,000 ÷ 12 = 4,166.67 → 4,167; 11 × 4,167 = 45,837; the 12th 4,163.
    let p = plan(Fen::from_yuan(50_000), 36, Every::Quarter).unwrap();
    assert_eq!(
        (p.each, p.full, p.last),
        (Fen::from_yuan(4_167), 11, Fen::from_yuan(4_163))
    );
}

#[test]
fn fifty_thousand_over_three_autumn_harvests_is_16667_twice_then_16666() {
    // Three years, one harvest a year: 50,000 ÷ 3 = 16,666.67 → 16,667 × 2 = 33,334; the 3rd 16,666.
    let p = plan(Fen::from_yuan(50_000), 36, Every::Harvest(1)).unwrap();
    assert_eq!(
        (p.each, p.full, p.last),
        (Fen::from_yuan(16_667), 2, Fen::from_yuan(16_666))
    );
    // Two harvests a year for three years: 6 times, 8,333.33 → 8,334 × 5 = 41,670; the 6th 8,330.
    let p = plan(Fen::from_yuan(50_000), 36, Every::Harvest(2)).unwrap();
    assert_eq!(
        (p.each, p.full, p.last),
        (Fen::from_yuan(8_334), 5, Fen::from_yuan(8_330))
    );
}

#[test]
fn an_even_split_has_equal_instalments() {
    // 60,000 over 12 months: 5,000 each, the last one too.
    let p = plan(Fen::from_yuan(60_000), 12, Every::Month).unwrap();
    assert_eq!(
        (p.each, p.full, p.last),
        (Fen::from_yuan(5_000), 11, Fen::from_yuan(5_000))
    );
}

#[test]
fn fen_in_the_target_go_to_the_last_instalment() {
    // 利随本清 10,000 for 12 months at 3.5%: 10,350.00; and an odd sum with fen.
    let p = plan(Fen(1_035_000), 12, Every::Month).unwrap();
    // 862.50 → 863 × 11 = 9,493; the 12th 857.
    assert_eq!(
        (p.each, p.full, p.last),
        (Fen::from_yuan(863), 11, Fen::from_yuan(857))
    );
    let p = plan(Fen(1_000_001), 3, Every::Month).unwrap();
    // 3,333.3367 → 3,334 × 2 = 6,668; the 3rd 3,332.01.
    assert_eq!(
        (p.each, p.full, p.last),
        (Fen::from_yuan(3_334), 2, Fen(333_201))
    );
}

#[test]
fn a_small_sum_over_many_months_ends_early_never_with_nothing() {
    // 100 元 over 36 months: 2.78 → 3 元; 33 × 3 = 99, the 34th 1 元 (34 times, not 36).
    let p = plan(Fen::from_yuan(100), 36, Every::Month).unwrap();
    assert_eq!(
        (p.each, p.full, p.last),
        (Fen::from_yuan(3), 33, Fen::from_yuan(1))
    );
    // One fen: one instalment of one fen.
    let p = plan(Fen(1), 36, Every::Month).unwrap();
    assert_eq!((p.each, p.full, p.last), (Fen(100), 0, Fen(1)));
    assert_eq!(plan(Fen::ZERO, 36, Every::Month), None);
}

#[test]
fn a_term_shorter_than_the_period_is_saved_at_once() {
    assert_eq!(Every::Quarter.times(2), 1);
    assert_eq!(Every::Harvest(1).times(8), 1);
    assert_eq!(Every::Harvest(3).times(12), 3);
    let p = plan(Fen::from_yuan(20_000), 8, Every::Harvest(1)).unwrap();
    assert_eq!((p.full, p.last), (0, Fen::from_yuan(20_000)));
}

#[test]
fn every_plan_adds_up_to_the_target_exactly() {
    for amount in [1, 99, 100, 101, 12_345, 5_000_000, 5_000_001, 123_456_789] {
        for months in [1, 2, 3, 8, 12, 13, 36, 60, 360] {
            for every in Every::CHOICES {
                let p = plan(Fen(amount), months, every).unwrap();
                assert_eq!(p.total(), Fen(amount), "{amount} {months} {every:?}");
                assert!(
                    p.last.0 > 0 && p.last <= p.each,
                    "{amount} {months} {every:?}"
                );
                assert_eq!(p.each.0 % 100, 0);
                assert!(p.times() <= every.times(months));
            }
        }
    }
}

#[test]
fn the_target_is_the_principal_due_at_once() {
    let t = terms(50_000, 36, Method::QuarterlyInterest);
    let got = target(&t, &schedule(&t, &Subsidy::NONE)).unwrap();
    assert_eq!(got.amount, Fen::from_yuan(50_000));
    assert_eq!(got.due, Date::new(2029, 12, 15).unwrap());
    assert!(!got.with_interest);
    let t = terms(50_000, 36, Method::MonthlyInterest);
    assert_eq!(
        target(&t, &schedule(&t, &Subsidy::NONE)).unwrap().amount,
        Fen::from_yuan(50_000)
    );
    // 利随本清: principal and three years' interest, 50,000 × 3.5% × 3 = 5,250.
    let t = terms(50_000, 36, Method::Bullet);
    let got = target(&t, &schedule(&t, &Subsidy::NONE)).unwrap();
    assert_eq!(got.amount, Fen::from_yuan(55_250));
    assert!(got.with_interest);
    // Repaid as it goes: no plan.
    for m in [
        Method::EqualInstallment,
        Method::EqualPrincipal,
        Method::Staged,
    ] {
        let t = terms(50_000, 36, m);
        assert_eq!(target(&t, &schedule(&t, &Subsidy::NONE)), None, "{m:?}");
    }
}
