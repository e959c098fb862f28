//! The micro-loan: repayment methods, schedules, interest subsidy (贴息) and
//! the cash a household must advance when the subsidy is paid afterwards.
//!
//! Conventions (shown in the UI too, see [`CONVENTIONS`]):
//! - monthly rate = annual rate ÷ 12;
//! - each period's interest = balance × monthly rate × months in the period,
//!   rounded half-up (四舍五入) to the fen, computed exactly in integers;
//! - the 等额本息 level payment comes from the annuity formula and is rounded
//!   half-up to the fen; the last period clears whatever principal remains, so
//!   principal always sums exactly to the loan;
//! - 等额本金 repays loan ÷ months (rounded half-up) each month, the last month
//!   the remainder;
//! - subsidy per period = interest × subsidy % × (subsidised principal ÷
//!   balance), one rounding half-up, never more than the interest;
//! - payment dates fall on the start date's day of the month; a day missing
//!   in a month becomes that month's last day.

mod advance;
pub mod calendar;
pub mod card;
pub mod saving;
mod schedule;

pub use advance::{advance, Advance, Refund};
pub use schedule::{schedule, Phase, Row, Schedule};

use crate::date::Date;
use crate::money::Fen;
use crate::parse::Rate;

/// The conventions above, in plain words for the UI.
pub const CONVENTIONS: &[&str] = &[
    "月利率 = 年利率 ÷ 12。",
    "每期利息 = 剩余本金 × 月利率，四舍五入到分。",
    "等额本息的月供按公式算出后四舍五入到分；最后一期还清剩下的全部本金，所以最后一期可能差几分钱。",
    "等额本金每月还 贷款额 ÷ 月数（四舍五入到分），最后一个月还剩下的本金。",
    "贴息 = 利息 × 贴息比例（超过贴息本金上限的部分不贴），四舍五入到分。",
    "还款日按放款日的日子算；某月没有这一天时按该月最后一天。",
    "实际银行按天计息、结息日（如每月20日）可能不同，结果会差几元，以借款合同为准。",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// 等额本息: level payment.
    EqualInstallment,
    /// 等额本金: level principal, falling payments.
    EqualPrincipal,
    /// 按月付息、到期还本.
    MonthlyInterest,
    /// 按季付息、到期还本.
    QuarterlyInterest,
    /// 利随本清: everything at maturity.
    Bullet,
    /// 阶段性等额本息: the first `io` months interest only, then 等额本息.
    Staged,
}

impl Method {
    pub const ALL: [Method; 6] = [
        Method::EqualInstallment,
        Method::EqualPrincipal,
        Method::MonthlyInterest,
        Method::QuarterlyInterest,
        Method::Bullet,
        Method::Staged,
    ];

    /// The value used in links (`method=`); part of the public URL contract.
    pub fn key(self) -> &'static str {
        match self {
            Method::EqualInstallment => "equal_installment",
            Method::EqualPrincipal => "equal_principal",
            Method::MonthlyInterest => "monthly_interest",
            Method::QuarterlyInterest => "quarterly_interest",
            Method::Bullet => "bullet",
            Method::Staged => "staged",
        }
    }

    pub fn from_key(key: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Method::EqualInstallment => "等额本息",
            Method::EqualPrincipal => "等额本金",
            Method::MonthlyInterest => "按月付息、到期还本",
            Method::QuarterlyInterest => "按季付息、到期还本",
            Method::Bullet => "利随本清",
            Method::Staged => "阶段性等额本息",
        }
    }

    /// One sentence a villager can follow.
    pub fn explain(self) -> &'static str {
        match self {
            Method::EqualInstallment => "每月还一样多的钱（本金加利息），最省心。",
            Method::EqualPrincipal => {
                "每月还一样多的本金，利息越还越少，开始几个月压力大，总利息最少。"
            }
            Method::MonthlyInterest => "每月只还利息，到期一次还清本金。平时压力小，到期要备足钱。",
            Method::QuarterlyInterest => "每三个月还一次利息，到期一次还清本金。",
            Method::Bullet => "到期时本金和利息一次还清，中间不用还。",
            Method::Staged => {
                "前几个月只还利息，之后按等额本息还本付息，适合养殖等前期没收入的项目。"
            }
        }
    }
}

/// When the government's interest subsidy reaches the household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubsidyTiming {
    /// 先付后贴, paid once after the loan is cleared (the seed's 天门 practice).
    AfterClearing,
    /// 先付后贴, paid once a year.
    Yearly,
    /// 先付后贴, paid every quarter.
    Quarterly,
    /// 直接贴息: the household only ever pays its own share.
    Direct,
}

impl SubsidyTiming {
    pub const ALL: [SubsidyTiming; 4] = [
        SubsidyTiming::AfterClearing,
        SubsidyTiming::Yearly,
        SubsidyTiming::Quarterly,
        SubsidyTiming::Direct,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SubsidyTiming::AfterClearing => "after_clearing",
            SubsidyTiming::Yearly => "yearly",
            SubsidyTiming::Quarterly => "quarterly",
            SubsidyTiming::Direct => "direct",
        }
    }

    pub fn from_key(key: &str) -> Option<SubsidyTiming> {
        SubsidyTiming::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            SubsidyTiming::AfterClearing => "先付后贴：贷款还清后一次返还",
            SubsidyTiming::Yearly => "先付后贴：每年返还一次",
            SubsidyTiming::Quarterly => "先付后贴：每季度返还一次",
            SubsidyTiming::Direct => "直接贴息：只付自己那部分",
        }
    }

    /// Months between refunds, `None` for "after clearing" and "direct".
    fn refund_every(self) -> Option<u32> {
        match self {
            SubsidyTiming::Yearly => Some(12),
            SubsidyTiming::Quarterly => Some(3),
            SubsidyTiming::AfterClearing | SubsidyTiming::Direct => None,
        }
    }
}

/// A fully validated loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoanTerms {
    pub principal: Fen,
    pub months: u32,
    pub rate: Rate,
    pub method: Method,
    /// Interest-only months for [`Method::Staged`]; ignored by other methods.
    pub interest_only_months: u32,
    pub start: Date,
}

/// The interest subsidy on a loan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Subsidy {
    /// Share of the interest subsidised, in basis points of a percent (10000 = 全额).
    pub percent_bp: u32,
    /// Principal above this is not subsidised (脱贫人口小额信贷: 5万); `None` = no cap.
    pub cap: Option<Fen>,
    pub timing: SubsidyTiming,
}

impl Subsidy {
    pub const NONE: Subsidy = Subsidy {
        percent_bp: 0,
        cap: None,
        timing: SubsidyTiming::Direct,
    };
}
