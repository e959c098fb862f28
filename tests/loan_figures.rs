//! Schedules checked against figures computed independently of this code
//! (bank calculators and the seed report).

use bangfu::date::Date;
use bangfu::loan::{advance, schedule, LoanTerms, Method, Subsidy, SubsidyTiming};
use bangfu::money::Fen;
use bangfu::parse::{parse_rate, Rate};

fn terms(yuan: i64, months: u32, rate: &str, method: Method, io: u32) -> LoanTerms {
    LoanTerms {
        principal: Fen::from_yuan(yuan),
        months,
        rate: parse_rate(rate).unwrap(),
        method,
        interest_only_months: io,
        start: Date::new(2017, 6, 7).unwrap(),
    }
}

#[test]
fn mortgage_100wan_30y_equal_installment_is_5307_27() {
    let s = schedule(
        &terms(1_000_000, 360, "4.9", Method::EqualInstallment, 0),
        &Subsidy::NONE,
    );
    assert_eq!(s.rows.len(), 360);
    assert_eq!(s.first_payment(), Fen(530_727));
    assert_eq!(s.total_principal(), Fen::from_yuan(1_000_000));
    // Every payment but the last is the level payment.
    assert!(s.rows[..359].iter().all(|r| r.payment == Fen(530_727)));
    assert_eq!(s.rows[359].balance, Fen::ZERO);
}

#[test]
fn mortgage_100wan_30y_equal_principal_first_is_6861_11() {
    let s = schedule(
        &terms(1_000_000, 360, "4.9", Method::EqualPrincipal, 0),
        &Subsidy::NONE,
    );
    assert_eq!(s.first_payment(), Fen(686_111));
    assert_eq!(s.rows[0].principal, Fen(277_778));
    assert_eq!(s.total_principal(), Fen::from_yuan(1_000_000));
    // Payments fall every month.
    assert!(s.rows.windows(2).all(|w| w[1].payment <= w[0].payment));
    // Total interest of 等额本金 = P·r·(n+1)/2 = 737,041.67 up to per-period rounding.
    let exact = 100_000_000_i64 * 49 * 361 / (1000 * 12 * 2);
    assert!((s.total_interest().0 - exact).abs() <= 360);
}

#[test]
fn seed_tianmen_staged_8_plus_4() {
    let full = Subsidy {
        percent_bp: 10_000,
        cap: None,
        timing: SubsidyTiming::AfterClearing,
    };
    let s = schedule(&terms(100_000, 12, "7.35", Method::Staged, 8), &full);
    let payments: Vec<Fen> = s.rows.iter().map(|r| r.payment).collect();
    assert_eq!(&payments[..8], &[Fen(61_250); 8]);
    assert_eq!(&payments[8..], &[Fen(2_538_398); 4]);
    assert_eq!(s.total_interest(), Fen(643_592));
    assert_eq!(s.total_principal(), Fen::from_yuan(100_000));
    // 全额贴息: the household finally bears no interest.
    assert_eq!(s.total_subsidy(), Fen(643_592));
    assert_eq!(s.net_interest(), Fen::ZERO);
    // Dates: first payment a month after 2017-06-07, last on 2018-06-07.
    assert_eq!(s.rows[0].date.to_string(), "2017-07-07");
    assert_eq!(s.rows[11].date.to_string(), "2018-06-07");
    // 先付后贴, after clearing: the whole 6,435.92 is advanced and comes back at the end.
    let a = advance(
        &s,
        Date::new(2017, 6, 7).unwrap(),
        SubsidyTiming::AfterClearing,
    );
    assert_eq!(a.peak, Fen(643_592));
    assert_eq!(a.refunds.len(), 1);
    assert_eq!(a.refunds[0].date.to_string(), "2018-06-07");
    // Paid directly, nothing is advanced.
    assert_eq!(
        advance(&s, Date::new(2017, 6, 7).unwrap(), SubsidyTiming::Direct).peak,
        Fen::ZERO
    );
    // Quarterly refunds: at most one quarter's interest is ever out of pocket.
    let q = advance(&s, Date::new(2017, 6, 7).unwrap(), SubsidyTiming::Quarterly);
    assert_eq!(q.refunds.len(), 4);
    assert_eq!(q.refunds[0].amount, Fen(61_250 * 3));
    assert_eq!(
        q.refunds.iter().map(|r| r.amount).sum::<Fen>(),
        Fen(643_592)
    );
    assert!(q.peak < a.peak);
}

#[test]
fn interest_only_bullet_and_quarterly() {
    // 5万, 12 months, 4.35 %: interest 181.25 a month; 利随本清 2,175.00 at the end.
    let m = schedule(
        &terms(50_000, 12, "4.35", Method::MonthlyInterest, 0),
        &Subsidy::NONE,
    );
    assert!(m.rows[..11]
        .iter()
        .all(|r| r.payment == Fen(18_125) && r.principal == Fen::ZERO));
    assert_eq!(m.last_payment(), Fen(5_018_125));
    let b = schedule(
        &terms(50_000, 12, "4.35", Method::Bullet, 0),
        &Subsidy::NONE,
    );
    assert_eq!(b.rows.len(), 1);
    assert_eq!(b.rows[0].interest, Fen(217_500));
    assert_eq!(b.rows[0].payment, Fen(5_217_500));
    // 按季: 543.75 per quarter; 14 months leave a last 2-month period of 362.50.
    let q = schedule(
        &terms(50_000, 14, "4.35", Method::QuarterlyInterest, 0),
        &Subsidy::NONE,
    );
    assert_eq!(q.rows.len(), 5);
    assert_eq!(q.rows[0].payment, Fen(54_375));
    assert_eq!(q.rows[4].months, 2);
    assert_eq!(q.rows[4].interest, Fen(36_250));
    assert_eq!(q.rows[4].date.to_string(), "2018-08-07");
}

#[test]
fn zero_rate_works_for_every_method() {
    for method in Method::ALL {
        let s = schedule(&terms(10_000, 7, "0", method, 3), &Subsidy::NONE);
        assert_eq!(s.total_interest(), Fen::ZERO, "{method:?}");
        assert_eq!(s.total_principal(), Fen::from_yuan(10_000), "{method:?}");
    }
    let s = schedule(
        &terms(10_000, 3, "0", Method::EqualInstallment, 0),
        &Subsidy::NONE,
    );
    // 10000/3 = 3333.33, 3333.33, 3333.34.
    let p: Vec<Fen> = s.rows.iter().map(|r| r.payment).collect();
    assert_eq!(p, vec![Fen(333_333), Fen(333_333), Fen(333_334)]);
}

#[test]
fn subsidy_only_on_the_capped_principal() {
    // 8万 at 3.5 % with the 5万 cap and full subsidy: 5/8 of each period's interest.
    let capped = Subsidy {
        percent_bp: 10_000,
        cap: Some(Fen::from_yuan(50_000)),
        timing: SubsidyTiming::Direct,
    };
    let s = schedule(
        &terms(80_000, 12, "3.5", Method::MonthlyInterest, 0),
        &capped,
    );
    // Interest 233.33 a month; subsidy 233.33 × 5/8 = 145.83.
    assert_eq!(s.rows[0].interest, Fen(23_333));
    assert_eq!(s.rows[0].subsidy, Fen(14_583));
    assert_eq!(s.rows[0].net, Fen(23_333 - 14_583));
    // Half subsidy (天门 business loans).
    let half = Subsidy {
        percent_bp: 5_000,
        cap: None,
        timing: SubsidyTiming::AfterClearing,
    };
    let s = schedule(
        &terms(500_000, 12, "7.35", Method::MonthlyInterest, 0),
        &half,
    );
    assert_eq!(s.rows[0].interest, Fen(306_250));
    assert_eq!(s.rows[0].subsidy, Fen(153_125));
}

#[test]
fn yearly_refunds_on_anniversaries() {
    let full = Subsidy {
        percent_bp: 10_000,
        cap: None,
        timing: SubsidyTiming::Yearly,
    };
    let t = terms(50_000, 36, "3.5", Method::EqualInstallment, 0);
    let s = schedule(&t, &full);
    let a = advance(&s, t.start, SubsidyTiming::Yearly);
    assert_eq!(a.refunds.len(), 3);
    assert_eq!(a.refunds[0].date.to_string(), "2018-06-07");
    assert_eq!(
        a.refunds.iter().map(|r| r.amount).sum::<Fen>(),
        s.total_subsidy()
    );
    // The first year's interest is the largest, so the peak is reached then.
    assert_eq!(a.peak, a.refunds[0].amount);
}

#[test]
fn phases_summarise_runs_of_equal_payments() {
    let s = schedule(
        &terms(100_000, 12, "7.35", Method::Staged, 8),
        &Subsidy::NONE,
    );
    let ph = s.phases();
    assert_eq!(ph.len(), 2);
    assert_eq!(
        (ph[0].first, ph[0].last, ph[0].payment),
        (1, 8, Fen(61_250))
    );
    assert_eq!(
        (ph[1].first, ph[1].last, ph[1].payment),
        (9, 12, Fen(2_538_398))
    );
}

#[test]
fn rates_are_exact() {
    assert_eq!(parse_rate("7.35").unwrap(), Rate(73_500));
    assert_eq!(parse_rate("4.9%").unwrap(), Rate(49_000));
}

#[test]
fn the_principal_due_at_once_is_found_with_its_day() {
    // 5万, 36 months, 3.5%, interest each quarter, principal at the end.
    let mut t = terms(50_000, 36, "3.5", Method::QuarterlyInterest, 0);
    t.start = Date::new(2026, 12, 15).unwrap();
    let s = schedule(&t, &Subsidy::NONE);
    let lump = s.lump().expect("the principal falls due at once");
    assert_eq!(
        (lump.number, lump.date),
        (12, Date::new(2029, 12, 15).unwrap())
    );
    assert_eq!(lump.payment, Fen(5_043_750));
    assert_eq!(s.first_payment(), Fen(43_750));
    // A level payment has none, nor does a single payment.
    let level = schedule(
        &terms(50_000, 36, "3.5", Method::EqualInstallment, 0),
        &Subsidy::NONE,
    );
    assert!(level.lump().is_none());
    let once = schedule(&terms(50_000, 12, "3.5", Method::Bullet, 0), &Subsidy::NONE);
    assert!(once.lump().is_none());
}

/// Reads an iCalendar file back the way RFC 5545 says: CRLF lines, a line
/// starting with a space continues the one before; returns the events'
/// properties (name without parameters → value).
fn unfold_events(ics: &str) -> Vec<Vec<(String, String)>> {
    assert!(ics.ends_with("\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(raw.len() <= 75, "{raw} is longer than 75 octets");
        match raw.strip_prefix(' ') {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(raw.to_string()),
        }
    }
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    let mut events = Vec::new();
    let mut cur: Option<Vec<(String, String)>> = None;
    let mut in_alarm = false;
    for l in lines {
        match l.as_str() {
            "BEGIN:VEVENT" => cur = Some(Vec::new()),
            "END:VEVENT" => events.push(cur.take().unwrap()),
            "BEGIN:VALARM" => in_alarm = true,
            "END:VALARM" => in_alarm = false,
            _ => {
                if let Some(e) = cur.as_mut() {
                    let (k, v) = l.split_once(':').unwrap();
                    let k = k.split(';').next().unwrap();
                    let k = if in_alarm {
                        format!("VALARM.{k}")
                    } else {
                        k.to_string()
                    };
                    e.push((k, v.to_string()));
                }
            }
        }
    }
    events
}

#[test]
fn the_calendar_file_has_every_payment_with_its_day_and_amount() {
    let mut t = terms(50_000, 36, "3.5", Method::QuarterlyInterest, 0);
    t.start = Date::new(2026, 12, 15).unwrap();
    let s = schedule(&t, &Subsidy::NONE);
    let ics = bangfu::loan::calendar::ics(&t, &s);
    let events = unfold_events(&ics);
    assert_eq!(events.len(), 12);
    let get = |e: &Vec<(String, String)>, k: &str| {
        e.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get(&events[0], "DTSTART"), "20270315");
    assert_eq!(get(&events[0], "DTEND"), "20270316");
    assert!(get(&events[0], "SUMMARY").starts_with("付利息 437.50元"));
    let last = &events[11];
    assert_eq!(get(last, "DTSTART"), "20291215");
    assert_eq!(
        get(last, "SUMMARY"),
        "还本付息（最后一期） 50\\,437.50元（第12/12期）"
    );
    assert_eq!(get(last, "VALARM.TRIGGER"), "-P3D");
    // Stable ids: the same loan gives the same file; another loan other ids.
    assert_eq!(bangfu::loan::calendar::ics(&t, &s), ics);
    let uids: Vec<String> = events.iter().map(|e| get(e, "UID")).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 12);
    let mut other = t;
    other.principal = Fen::from_yuan(60_000);
    let other_ics = bangfu::loan::calendar::ics(&other, &schedule(&other, &Subsidy::NONE));
    assert!(!other_ics.contains(&uids[0]));
    // Every payment's amount is in a title, and they add up to what is repaid.
    let total: i64 = s.rows.iter().map(|r| r.payment.0).sum();
    assert_eq!(Fen(total), s.total_payment());
    for (e, r) in events.iter().zip(&s.rows) {
        assert!(get(e, "SUMMARY").contains(&r.payment.plain().replace(',', "\\,")));
    }
}
