//! 风险补偿金测算: what a county's 风险补偿基金 means. Banks lend a multiple
//! (放大倍数) of the fund; loans that go bad are shared between the fund
//! (government) and the bank; in 天门 the same fund also paid the year's 贴息.
//! Exact in fen, like the estimator.
//!
//! Rounding (one rule, [`div_round_half_up`], 四舍五入 to the fen), applied
//! step by step in this order:
//! - 可放贷款 = fund × multiple (exact);
//! - 覆盖户数 = 可放贷款 ÷ average loan, whole households, rounded down;
//! - 损失 = 可放贷款 × 不良率, rounded to the fen;
//! - 基金承担 = 损失 × government share, rounded to the fen; 银行承担 =
//!   损失 − 基金承担 (so the two always add up to the loss exactly);
//! - 贴息 = 可放贷款 × annual rate × 贴息比例 for one year, rounded to the fen;
//! - 基金剩余 = fund − 基金承担 − 贴息 (negative: what the fund is short).
//!
//! The default rate at which the fund runs out is the lowest rate, in steps
//! of 0.01 %, at which 基金承担 + 贴息 exceeds the fund (found by bisection
//! over the same arithmetic, so it agrees with the figures shown).

use crate::money::{div_round_half_up, Fen};
use crate::parse::{self, Rate};
use serde::{Deserialize, Serialize};

/// Largest 放大倍数 accepted; real funds are lent 5–10 times over.
pub const MAX_MULTIPLE: u32 = 50;

/// Checked inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskInputs {
    pub fund: Fen,
    pub multiple: u32,
    pub avg_loan: Fen,
    /// Share of each loss the fund (government) bears, basis points.
    pub gov_bp: u32,
    /// Expected 不良率, basis points of the amount lent.
    pub default_bp: u32,
    /// When the fund also pays a year's 贴息: the loans' rate and the 贴息比例 (bp).
    pub subsidy: Option<(Rate, u32)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskResult {
    /// 可放贷款.
    pub lent: Fen,
    /// Households reached at the average loan (whole, rounded down).
    pub households: i64,
    pub loss: Fen,
    pub fund_share: Fen,
    pub bank_share: Fen,
    /// A year's 贴息 paid from the fund (zero when the option is off).
    pub subsidy: Fen,
    /// What is left of the fund; negative when it is not enough.
    pub left: Fen,
    /// Lowest default rate (bp) at which the fund is not enough; `None` when
    /// it is enough even if every loan goes bad.
    pub runs_out_bp: Option<u32>,
}

impl RiskInputs {
    pub fn lent(&self) -> Fen {
        Fen(self.fund.0 * self.multiple as i64)
    }

    /// A year's 贴息 on the amount lent, paid from the fund.
    pub fn subsidy(&self) -> Fen {
        match self.subsidy {
            None => Fen::ZERO,
            Some((rate, bp)) => Fen(div_round_half_up(
                self.lent().0 as i128 * rate.ppm() as i128 * bp as i128,
                1_000_000 * 10_000,
            ) as i64),
        }
    }

    /// (loss, fund's share, bank's share) at a default rate.
    pub fn shares_at(&self, default_bp: u32) -> (Fen, Fen, Fen) {
        let loss = div_round_half_up(self.lent().0 as i128 * default_bp as i128, 10_000);
        let fund = div_round_half_up(loss * self.gov_bp as i128, 10_000);
        (
            Fen(loss as i64),
            Fen(fund as i64),
            Fen((loss - fund) as i64),
        )
    }

    /// What is left of the fund at a default rate.
    pub fn left_at(&self, default_bp: u32) -> Fen {
        self.fund - self.shares_at(default_bp).1 - self.subsidy()
    }

    pub fn compute(&self) -> RiskResult {
        let (loss, fund_share, bank_share) = self.shares_at(self.default_bp);
        let runs_out_bp = if self.left_at(10_000).0 >= 0 {
            None
        } else {
            // The fund's share never falls as the rate rises: bisect for the
            // first rate at which what is left goes below zero.
            let (mut lo, mut hi) = (0u32, 10_000u32);
            if self.left_at(0).0 < 0 {
                hi = 0;
            }
            while lo < hi {
                let mid = (lo + hi) / 2;
                if self.left_at(mid).0 < 0 {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            Some(hi)
        };
        RiskResult {
            lent: self.lent(),
            households: if self.avg_loan.0 > 0 {
                self.lent().0 / self.avg_loan.0
            } else {
                0
            },
            loss,
            fund_share,
            bank_share,
            subsidy: self.subsidy(),
            left: self.left_at(self.default_bp),
            runs_out_bp,
        }
    }

    /// The same inputs with another government share (for 7:3 beside 10:0).
    pub fn with_gov(&self, gov_bp: u32) -> RiskInputs {
        RiskInputs { gov_bp, ..*self }
    }

    /// Fund left at `n + 1` default rates evenly spaced from 0 to `max_bp`.
    pub fn curve(&self, max_bp: u32, n: u32) -> Vec<(u32, Fen)> {
        let n = n.max(1);
        (0..=n)
            .map(|i| {
                let d = (max_bp as u64 * i as u64 / n as u64) as u32;
                (d, self.left_at(d))
            })
            .collect()
    }
}

/// The inputs as typed. Kept as text so nothing typed is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskForm {
    pub fund: String,
    pub multiple: String,
    pub avg_loan: String,
    pub gov: String,
    pub default: String,
    /// "yes" when the fund also pays a year's 贴息.
    pub pays_subsidy: String,
    pub rate: String,
    pub subsidy: String,
}

/// Which input a message belongs to (the input's id on the page).
pub type Key = &'static str;

/// 放大倍数: a whole number from 1 to [`MAX_MULTIPLE`]; `10倍` reads too.
pub fn parse_multiple(input: &str) -> Result<u32, String> {
    let s = parse::normalize(input);
    if s.is_empty() {
        return Err("请填放大倍数，例如 10".into());
    }
    let n: u32 = s.trim_end_matches('倍').parse().map_err(|_| {
        format!(
            "看不懂“{}”：放大倍数请填整数，例如 10",
            crate::form::short(input)
        )
    })?;
    if n == 0 || n > MAX_MULTIPLE {
        return Err(format!(
            "放大倍数 {n} 不合理：一般是 5–10 倍，这里只接受 1–{MAX_MULTIPLE}"
        ));
    }
    Ok(n)
}

/// Reads every input with the estimator's parsers; every message is returned.
pub fn check(form: &RiskForm) -> Result<RiskInputs, Vec<(Key, String)>> {
    let mut errors = Vec::new();
    let mut keep = |key: Key, r: Result<i64, String>| r.map_err(|e| errors.push((key, e))).ok();
    let fund = keep(
        "risk-fund",
        parse::parse_amount(&form.fund).map(|f| f.fen()),
    );
    let multiple = keep(
        "risk-multiple",
        parse_multiple(&form.multiple).map(i64::from),
    );
    let avg = keep(
        "risk-avg",
        parse::parse_amount(&form.avg_loan).map(|f| f.fen()),
    );
    let gov = keep("risk-gov", parse::parse_percent(&form.gov).map(i64::from));
    let default = keep(
        "risk-default",
        parse::parse_percent(&form.default)
            .map(i64::from)
            .map_err(|e| e.replace("贴息比例", "不良率")),
    );
    let pays = form.pays_subsidy == "yes";
    let (rate, sub) = if pays {
        (
            keep("risk-rate", parse::parse_rate(&form.rate).map(|r| r.ppm())),
            keep(
                "risk-subsidy",
                parse::parse_percent(&form.subsidy).map(i64::from),
            ),
        )
    } else {
        (Some(0), Some(0))
    };
    match (fund, multiple, avg, gov, default, rate, sub) {
        (Some(fund), Some(m), Some(avg), Some(gov), Some(d), Some(rate), Some(sub)) => {
            Ok(RiskInputs {
                fund: Fen(fund),
                multiple: m as u32,
                avg_loan: Fen(avg),
                gov_bp: gov as u32,
                default_bp: d as u32,
                subsidy: pays.then_some((Rate(rate), sub as u32)),
            })
        }
        _ => Err(errors),
    }
}
