//! What villagers type, and what bad input gets back.
// Amounts in fen are written yuan_fen (50_000_00 = 50,000.00 元) on purpose.
#![allow(clippy::inconsistent_digit_grouping)]

use bangfu::money::Fen;
use bangfu::parse::{
    parse_amount, parse_amount_or_zero, parse_months, parse_percent, parse_rate, Rate,
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
