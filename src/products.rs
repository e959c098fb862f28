//! Loan products: dated parameter sets with their sources, generated from
//! `data/products.toml` by build.rs. Rules read these values; no rule holds a
//! policy figure of its own.

use crate::date::Date;
use crate::loan::{Method, SubsidyTiming};
use crate::money::Fen;
use crate::parse::Rate;

/// A policy figure with where it comes from. `verified = false` marks a value
/// that is an example or a local practice, shown as 以当地银行和文件为准.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: &'static str,
    pub verified: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: &'static str,
    pub number: &'static str,
    pub date: &'static str,
    pub url: &'static str,
}

/// Who borrows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Borrower {
    Household,
    /// 新型农业经营主体 (合作社, 家庭农场, 龙头企业) that bring poor households along.
    Business,
    Any,
}

/// A household's standing, as the loan rules see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// 脱贫户 (建档立卡, formerly 贫困户).
    Tuopin,
    /// 防返贫监测对象.
    Jiance,
    /// 农村有帮扶需求的人口 (2026 wording).
    NeedsHelp,
    Other,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Tuopin,
        Status::Jiance,
        Status::NeedsHelp,
        Status::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Status::Tuopin => "tuopin",
            Status::Jiance => "jiance",
            Status::NeedsHelp => "need",
            Status::Other => "other",
        }
    }

    pub fn from_key(k: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == k)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Tuopin => "脱贫户（原建档立卡贫困户）",
            Status::Jiance => "防返贫监测对象",
            Status::NeedsHelp => "农村有帮扶需求的家庭",
            Status::Other => "都不是",
        }
    }
}

/// 贷款市场报价利率 as published on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lpr {
    pub published: Date,
    pub one_year: Rate,
    pub five_year: Rate,
    pub source: &'static str,
    pub verified: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Product {
    pub id: &'static str,
    pub name: &'static str,
    pub short: &'static str,
    pub summary: &'static str,
    pub borrower: Borrower,
    pub example_amount: Fen,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    /// When these figures were last checked against their sources.
    pub checked: Date,
    pub local_note: &'static str,
    /// Start date of the documented case, for historical examples.
    pub example_start: Option<Date>,
    pub document: Document,
    pub statuses: Sourced<&'static [Status]>,
    pub max_amount: Option<Sourced<Fen>>,
    pub max_months: Option<Sourced<u32>>,
    pub max_total_balance: Option<Sourced<Fen>>,
    pub months: Sourced<u32>,
    pub rate: Sourced<Rate>,
    /// The rate may not exceed the LPR for the term (≤1年: 1-year LPR; longer: 5-year).
    pub rate_cap_lpr: Option<Sourced<()>>,
    pub method: Sourced<Method>,
    pub interest_only_months: u32,
    pub subsidy_percent_bp: Sourced<u32>,
    pub subsidy_cap: Option<Sourced<Fen>>,
    pub subsidy_timing: Sourced<SubsidyTiming>,
    pub risk_share: Option<Sourced<&'static str>>,
    pub age: Option<Sourced<(u32, u32)>>,
    /// The 政策解读 entry that explains this product (`?v=policy&id=`), if any.
    pub policy: Option<&'static str>,
}

/// The 风险补偿金测算's worked example: 天门 in the seed report, with the
/// figures the report does not give marked `verified = false` (示例).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskFundExample {
    pub place: &'static str,
    pub year: u32,
    /// The report cited (name; sections are in each figure's source).
    pub report: &'static str,
    pub fund: Sourced<Fen>,
    /// Basis points of a loss the fund bears for households' loans (7:3).
    pub household_gov_bp: Sourced<u32>,
    /// The same for 新型农业经营主体 (5:5).
    pub business_gov_bp: Sourced<u32>,
    pub pays_subsidy: Sourced<bool>,
    pub multiple: Sourced<u32>,
    pub average_loan: Sourced<Fen>,
    pub default_bp: Sourced<u32>,
    pub recommendation: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/products.rs"));

pub const DEFAULT_PRODUCT: &str = "bangfu2026";

pub fn products() -> &'static [Product] {
    PRODUCTS
}

pub fn product(id: &str) -> Option<&'static Product> {
    PRODUCTS.iter().find(|p| p.id == id)
}

pub fn default_product() -> &'static Product {
    product(DEFAULT_PRODUCT).unwrap_or(&PRODUCTS[0])
}

/// The LPR in force on `day`: the latest published on or before it (the
/// earliest known one for dates before any we hold).
pub fn lpr_on(day: Date) -> &'static Lpr {
    LPR.iter()
        .filter(|l| l.published <= day)
        .max_by_key(|l| l.published)
        .unwrap_or(&LPR[0])
}

/// The LPR-based rate ceiling for a loan of `months` starting on `day`.
pub fn lpr_cap(day: Date, months: u32) -> (Rate, &'static str, &'static Lpr) {
    let l = lpr_on(day);
    if months <= 12 {
        (l.one_year, "1年期LPR", l)
    } else {
        (l.five_year, "5年期以上LPR", l)
    }
}
