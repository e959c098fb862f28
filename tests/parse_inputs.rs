//! What villagers type, and what bad input gets back.
// Amounts in fen are written yuan_fen (50_000_00 = 50,000.00 元) on purpose.
#![allow(clippy::inconsistent_digit_grouping)]

use bangfu::money::Fen;
use bangfu::parse::{
    parse_amount, parse_amount_or_zero, parse_amount_said, parse_months, parse_percent, parse_rate,
    Rate,
};

#[test]
fn amounts_in_every_form() {
    let cases = [
        ("50000", 50_000_00),
        ("5万", 50_000_00),
        ("5.5万", 55_000_00),
        ("50,000", 50_000_00),
        ("５００００", 50_000_00),
        ("５万", 50_000_00),
        ("５．５万", 55_000_00),
        ("5。5万", 55_000_00),
        (" 50000元 ", 50_000_00),
        ("￥50,000.50", 50_000_50),
        ("3千", 3_000_00),
        ("5w", 50_000_00),
        ("100万", 1_000_000_00),
        ("0.01", 1),
    ];
    for (input, fen) in cases {
        assert_eq!(parse_amount(input), Ok(Fen(fen)), "{input}");
    }
}

#[test]
fn amounts_said_in_chinese() {
    let cases = [
        ("五万", 50_000_00),
        ("两万五", 25_000_00),
        ("三千五百", 3_500_00),
        ("三千五", 3_500_00),
        ("十万", 100_000_00),
        ("十五万", 150_000_00),
        ("两万五千五百", 25_500_00),
        ("一千零五", 1_005_00),
        ("一万零五百", 10_500_00),
        ("1万5", 15_000_00),
        ("2万500", 20_500_00),
        ("五万元", 50_000_00),
        ("八千块", 8_000_00),
        ("一百二", 120_00),
        ("二十", 20_00),
        ("５万５", 55_000_00),
    ];
    for (input, fen) in cases {
        assert_eq!(parse_amount_said(input), Ok(Fen(fen)), "{input}");
    }
    // Links and stored texts are digits: read without Chinese numerals.
    assert!(parse_amount("五万").is_err());
    for bad in [
        "万",
        "千五",
        "五百三千",
        "五五",
        "5万5万",
        "一二三",
        "十万万",
        "零",
    ] {
        assert!(parse_amount_said(bad).is_err(), "{bad} should be refused");
    }
}

/// n 元 written out in Chinese the long way (一万二千零五).
fn chinese(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    fn section(n: u32, out: &mut String) {
        let units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
        let mut zero = false;
        for (u, name) in units {
            let d = (n / u) % 10;
            if d == 0 {
                zero = !out.is_empty();
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push_str(D[d as usize]);
            out.push_str(name);
        }
    }
    let mut out = String::new();
    if n >= 10_000 {
        section(n / 10_000, &mut out);
        out.push('万');
        if !n.is_multiple_of(10_000) && n % 10_000 < 1000 {
            out.push('零');
        }
    }
    let mut rest = String::new();
    section(n % 10_000, &mut rest);
    out.push_str(rest.trim_start_matches('零'));
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    #[test]
    fn every_whole_amount_written_in_chinese_reads_back(n in 1u32..=10_000_000u32) {
        let text = chinese(n);
        proptest::prop_assert_eq!(parse_amount_said(&text), Ok(Fen(n as i64 * 100)), "{}", text);
    }
}

#[test]
fn dates_as_people_write_them() {
    use bangfu::date::Date;
    let d = Date::new(2026, 12, 15).unwrap();
    for t in [
        "2026-12-15",
        "2026.12.15",
        "2026/12/15",
        "2026年12月15日",
        "2026年12月15号",
        "２０２６年１２月１５日",
        "2026。12。15",
    ] {
        assert_eq!(Date::parse(t), Some(d), "{t}");
        assert_eq!(Date::parse_in(t, 2030), Some(d), "{t}");
    }
    // Without a year: in the year given.
    assert_eq!(Date::parse_in("12月15日", 2026), Some(d));
    assert_eq!(Date::parse("12月15日"), None);
    for bad in [
        "2026年13月1日",
        "2026年2月30日",
        "12月",
        "十二月十五日",
        "月15日",
    ] {
        assert!(Date::parse_in(bad, 2026).is_none(), "{bad}");
    }
    // The estimator's start date takes them all; a day without a year is this year's.
    let today = Date::new(2026, 12, 7).unwrap();
    for t in ["2026年12月15日", "12月15日", "2026.12.15"] {
        let mut f = bangfu::form::LoanForm::for_product(bangfu::products::default_product());
        f.start = t.into();
        let (terms, _) = bangfu::form::check(&f, today).unwrap_or_else(|e| panic!("{t}: {e:?}"));
        assert_eq!(terms.start, d, "{t}");
    }
}

#[test]
fn bad_amounts_get_a_clear_message() {
    let cases = [
        ("", "请填写金额"),
        ("   ", "请填写金额"),
        ("abc", "看不懂“abc”"),
        ("-5000", "不能是负数"),
        ("1e20", "看不懂“1e20”"),
        ("0", "要大于 0"),
        ("99999999999", "金额太大"),
        ("5.123", "最多精确到分"),
        ("5万万", "看不懂"),
        ("1.2.3", "看不懂"),
    ];
    for (input, expected) in cases {
        let err = parse_amount(input).unwrap_err();
        assert!(err.contains(expected), "{input:?} gave {err:?}");
    }
    assert_eq!(parse_amount_or_zero("0"), Ok(Fen::ZERO));
    assert_eq!(parse_amount_or_zero("０万"), Ok(Fen::ZERO));
}

#[test]
fn months_rates_percents() {
    assert_eq!(parse_months("12"), Ok(12));
    assert_eq!(parse_months("１２个月"), Ok(12));
    assert_eq!(parse_months("3年"), Ok(36));
    assert_eq!(parse_months("12期"), Ok(12));
    assert!(parse_months("0").unwrap_err().contains("至少"));
    assert!(parse_months("1.5").unwrap_err().contains("整数"));
    assert!(parse_months("400").unwrap_err().contains("太长"));
    assert!(parse_months("-3").unwrap_err().contains("负数"));
    assert!(parse_months("").unwrap_err().contains("请填写"));

    assert_eq!(parse_rate("4.35"), Ok(Rate(43_500)));
    assert_eq!(parse_rate("４．３５％"), Ok(Rate(43_500)));
    assert_eq!(parse_rate("0"), Ok(Rate(0)));
    assert_eq!(parse_rate("3.1"), Ok(Rate(31_000)));
    assert!(parse_rate("735").unwrap_err().contains("不合理"));
    assert!(parse_rate("1e20").unwrap_err().contains("看不懂"));
    assert!(parse_rate("-1").unwrap_err().contains("负数"));
    assert!(parse_rate("4.123456").unwrap_err().contains("看不懂"));
    assert!(parse_rate("").unwrap_err().contains("请填写"));

    assert_eq!(parse_percent("100"), Ok(10_000));
    assert_eq!(parse_percent("50%"), Ok(5_000));
    assert!(parse_percent("150").unwrap_err().contains("不能超过"));
}

#[test]
fn formats_rates_back() {
    assert_eq!(Rate(73_500).percent_text(), "7.35");
    assert_eq!(Rate(31_000).percent_text(), "3.1");
    assert_eq!(Rate(0).percent_text(), "0");
}

/// The stored form (read without a copy) and every other way of writing a
/// day agree; an impossible day is refused either way.
#[test]
fn a_day_reads_the_same_in_its_stored_form_and_as_typed() {
    use bangfu::date::Date;
    let d = Date::new(2026, 12, 7);
    for s in [
        "2026-12-07",
        "2026-12-7",
        "２０２６-１２-０７",
        "2026/12/07",
        "2026.12.07",
        "2026年12月7日",
    ] {
        assert_eq!(Date::parse(s), d, "{s}");
    }
    for s in [
        "2026-02-30",
        "2026-13-01",
        "2026-00-10",
        "1899-12-31",
        "2026-12-0x",
        "2026-1a-07",
        "2026+12-07",
    ] {
        assert_eq!(Date::parse(s), None, "{s}");
    }
    assert_eq!(Date::parse("2028-02-29"), Date::new(2028, 2, 29));
}
