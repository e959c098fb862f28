//! 风险补偿金测算 against figures worked by hand (working in the comments).
//! Rounding: each step to the fen, half up (see `bangfu::risk`).

use bangfu::money::Fen;
use bangfu::parse::Rate;
use bangfu::products::RISK_FUND;
use bangfu::risk::{check, parse_multiple, RiskForm, RiskInputs};

const WAN: i64 = 1_000_000; // 1万元 in fen

/// 天门 (seed report): fund 500万, households' loans 7:3; 示例 multiple 10,
/// average loan 5万, default rate 3%.
fn tianmen(gov_bp: u32, subsidy: bool) -> RiskInputs {
    RiskInputs {
        fund: Fen(500 * WAN),
        multiple: 10,
        avg_loan: Fen(5 * WAN),
        gov_bp,
        default_bp: 300,
        // 7.35% a year, 全额贴息.
        subsidy: subsidy.then_some((Rate(73_500), 10_000)),
    }
}

#[test]
fn tianmen_seven_three_without_subsidy() {
    let r = tianmen(7_000, false).compute();
    // 可放贷款 = 500万 × 10 = 5000万.
    assert_eq!(r.lent, Fen(5_000 * WAN));
    // 5000万 ÷ 5万 = 1000 户.
    assert_eq!(r.households, 1_000);
    // 损失 = 5000万 × 3% = 150万; 基金 70% = 105万; 银行 30% = 45万.
    assert_eq!(r.loss, Fen(150 * WAN));
    assert_eq!(r.fund_share, Fen(105 * WAN));
    assert_eq!(r.bank_share, Fen(45 * WAN));
    // 剩余 = 500万 − 105万 = 395万.
    assert_eq!(r.left, Fen(395 * WAN));
    // 用完: 5000万 × d × 70% > 500万 ⇔ d > 500/3500 = 14.2857…%.
    // At 14.28%: 损失 714万, 基金 499.8万 ≤ 500万 (enough);
    // at 14.29%: 损失 714.5万, 基金 500.15万 > 500万. So 14.29%.
    assert_eq!(r.runs_out_bp, Some(1_429));
}

#[test]
fn tianmen_seven_three_with_the_fund_paying_subsidy() {
    let r = tianmen(7_000, true).compute();
    // 贴息 = 5000万 × 7.35% × 100% = 367.5万.
    assert_eq!(r.subsidy, Fen(367_500_000));
    // 剩余 = 500万 − 105万 − 367.5万 = 27.5万.
    assert_eq!(r.left, Fen(27_500_000));
    // 用完: 3500万 × d > 500万 − 367.5万 = 132.5万 ⇔ d > 3.7857…%.
    // 3.78%: 损失 189万 × 70% = 132.3万 ≤ 132.5万; 3.79%: 189.5万 × 70% = 132.65万 >.
    assert_eq!(r.runs_out_bp, Some(379));
}

#[test]
fn government_bearing_all_ten_zero() {
    let r = tianmen(10_000, false).compute();
    // 损失 150万 all on the fund; bank 0; 剩余 350万.
    assert_eq!(r.fund_share, Fen(150 * WAN));
    assert_eq!(r.bank_share, Fen::ZERO);
    assert_eq!(r.left, Fen(350 * WAN));
    // 5000万 × d > 500万 ⇔ d > 10%: at 10.00% the fund pays exactly 500万
    // (enough, nothing left), at 10.01% it is short.
    assert_eq!(r.runs_out_bp, Some(1_001));
    let r = tianmen(10_000, true).compute();
    // 剩余 = 500万 − 150万 − 367.5万 = −17.5万 (short).
    assert_eq!(r.left, Fen(-17_500_000));
    // 5000万 × d > 132.5万 ⇔ d > 2.65%: at 2.65% exactly 132.5万 (enough).
    assert_eq!(r.runs_out_bp, Some(266));
}

#[test]
fn business_five_five() {
    let r = tianmen(RISK_FUND.business_gov_bp.value, false).compute();
    // 损失 150万: 基金 75万, 银行 75万; 用完 at d > 500/2500 = 20%.
    assert_eq!(r.fund_share, Fen(75 * WAN));
    assert_eq!(r.bank_share, Fen(75 * WAN));
    assert_eq!(r.runs_out_bp, Some(2_001));
}

#[test]
fn rounding_each_step_half_up() {
    // Fund 333.67元 × 3 = 1,001.01元 = 100,101 fen lent.
    // 损失 at 1.5%: 100,101 × 150 / 10,000 = 1,501.515 → 1,502 fen.
    // 基金 70%: 1,502 × 0.7 = 1,051.4 → 1,051 fen; 银行 = 1,502 − 1,051 = 451.
    // 贴息 4.35% × 50%: 100,101 × 43,500 × 5,000 / 10^10 = 2,177.19… → 2,177.
    // 剩余 = 33,367 − 1,051 − 2,177 = 30,139 fen.
    let i = RiskInputs {
        fund: Fen(33_367),
        multiple: 3,
        avg_loan: Fen(50_000),
        gov_bp: 7_000,
        default_bp: 150,
        subsidy: Some((Rate(43_500), 5_000)),
    };
    let r = i.compute();
    assert_eq!(r.lent, Fen(100_101));
    assert_eq!(r.households, 2); // 100,101 ÷ 50,000 = 2.002 → 2
    assert_eq!(r.loss, Fen(1_502));
    assert_eq!(r.fund_share, Fen(1_051));
    assert_eq!(r.bank_share, Fen(451));
    assert_eq!(r.subsidy, Fen(2_177));
    assert_eq!(r.left, Fen(30_139));
    // The shares always add up to the loss.
    for d in (0..=10_000).step_by(37) {
        let (loss, fund, bank) = i.shares_at(d);
        assert_eq!(fund + bank, loss);
    }
}

#[test]
fn edges() {
    // The fund is enough even if nothing comes back: 1×, government 50%.
    let i = RiskInputs {
        fund: Fen(100 * WAN),
        multiple: 1,
        avg_loan: Fen(5 * WAN),
        gov_bp: 5_000,
        default_bp: 10_000,
        subsidy: None,
    };
    assert_eq!(i.compute().runs_out_bp, None);
    // The subsidy alone is more than the fund: 50× at 7.35% = 367.5% of it.
    let i = RiskInputs {
        multiple: 50,
        subsidy: Some((Rate(73_500), 10_000)),
        ..i
    };
    assert_eq!(i.compute().runs_out_bp, Some(0));
    // Government bears nothing: only the subsidy can exhaust the fund.
    let i = RiskInputs {
        gov_bp: 0,
        subsidy: None,
        ..i
    };
    assert_eq!(i.compute().runs_out_bp, None);
    assert_eq!(i.compute().bank_share, i.compute().loss);
    // The curve starts at the whole fund and never rises.
    let c = tianmen(7_000, false).curve(2_000, 40);
    assert_eq!(c[0], (0, Fen(500 * WAN)));
    assert_eq!(c[40].0, 2_000);
    assert!(c.windows(2).all(|w| w[1].1 <= w[0].1));
}

#[test]
fn inputs_read_like_the_estimator() {
    let form = RiskForm {
        fund: "５００万".into(),
        multiple: "10倍".into(),
        avg_loan: "5万".into(),
        gov: "70".into(),
        default: "3%".into(),
        pays_subsidy: "yes".into(),
        rate: "7.35".into(),
        subsidy: "100".into(),
    };
    assert_eq!(check(&form), Ok(tianmen(7_000, true)));
    let bad = RiskForm {
        fund: "".into(),
        multiple: "0".into(),
        avg_loan: "abc".into(),
        gov: "120".into(),
        default: "-1".into(),
        pays_subsidy: "no".into(),
        rate: "".into(),
        subsidy: "".into(),
    };
    let errors = check(&bad).unwrap_err();
    let keys: Vec<_> = errors.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [
            "risk-fund",
            "risk-multiple",
            "risk-avg",
            "risk-gov",
            "risk-default"
        ]
    );
    assert!(errors[0].1.contains("请填写金额"));
    assert!(errors[4].1.contains("不能是负数"));
    assert_eq!(parse_multiple("１０"), Ok(10));
    assert!(parse_multiple("51").unwrap_err().contains("不合理"));
    assert!(parse_multiple("2.5").unwrap_err().contains("整数"));
}

#[test]
fn the_example_is_tianmen_with_the_multiple_marked_as_an_example() {
    let r = &RISK_FUND;
    assert_eq!(r.fund.value, Fen::from_yuan(5_000_000));
    assert_eq!(r.household_gov_bp.value, 7_000);
    assert_eq!(r.business_gov_bp.value, 5_000);
    assert!(r.pays_subsidy.value);
    assert!(r.fund.verified && r.household_gov_bp.verified && r.pays_subsidy.verified);
    // Not in the report: 示例.
    assert!(!r.multiple.verified && r.multiple.source.starts_with("示例"));
    assert!(!r.average_loan.verified && !r.default_bp.verified);
    assert!(r.report.contains("天门"));
}
