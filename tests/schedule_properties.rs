//! Properties that must hold for any loan: principal sums exactly, nothing is
//! negative, the balance never rises, subsidy never exceeds interest.

use bangfu::date::Date;
use bangfu::loan::{advance, schedule, LoanTerms, Method, Subsidy, SubsidyTiming};
use bangfu::money::Fen;
use bangfu::parse::Rate;
use proptest::prelude::*;

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

fn timing() -> impl Strategy<Value = SubsidyTiming> {
    prop::sample::select(SubsidyTiming::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn schedules_are_sound(
        fen in 1i64..=1_000_000_000,
        months in 1u32..=360,
        ppm in 0i64..=360_000,
        m in method(),
        io in 0u32..400,
        pct in 0u32..=10_000,
        cap in prop::option::of(0i64..=200_000_000),
        t in timing(),
        day in 1u8..=31,
    ) {
        let start = Date::new(2024, 1, 1).unwrap().add_months(0);
        let start = Date { day: day.min(28), ..start };
        let terms = LoanTerms { principal: Fen(fen), months, rate: Rate(ppm), method: m, interest_only_months: io, start };
        let subsidy = Subsidy { percent_bp: pct, cap: cap.map(Fen), timing: t };
        let s = schedule(&terms, &subsidy);
        prop_assert!(!s.rows.is_empty());
        prop_assert_eq!(s.total_principal(), Fen(fen));
        let mut before = Fen(fen);
        let mut covered = 0;
        for r in &s.rows {
            prop_assert!(r.principal >= Fen::ZERO && r.interest >= Fen::ZERO && r.subsidy >= Fen::ZERO);
            prop_assert!(r.subsidy <= r.interest);
            prop_assert_eq!(r.payment, r.principal + r.interest);
            prop_assert_eq!(r.net, r.payment - r.subsidy);
            prop_assert!(r.balance <= before);
            prop_assert_eq!(r.balance, before - r.principal);
            before = r.balance;
            covered += r.months;
        }
        prop_assert_eq!(before, Fen::ZERO);
        prop_assert_eq!(covered, months);
        let last = s.rows.last().unwrap();
        prop_assert_eq!(last.date, start.add_months(months));
        let a = advance(&s, start, t);
        if t == SubsidyTiming::Direct {
            prop_assert_eq!(a.peak, Fen::ZERO);
        } else {
            prop_assert_eq!(a.refunds.iter().map(|r| r.amount).sum::<Fen>(), s.total_subsidy());
            prop_assert!(a.peak <= s.total_subsidy());
        }
    }
}
