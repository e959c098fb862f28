//! The loan estimator's inputs exactly as typed. Text is kept as text so that
//! nothing a user typed is lost, even when it cannot be read yet; [`check`]
//! turns it into validated terms or a message per field.

use crate::date::Date;
use crate::loan::{LoanTerms, Method, Subsidy, SubsidyTiming};
use crate::money::Fen;
use crate::parse::{self, bp_percent_text};
use crate::products::{self, Product};
use serde::{Deserialize, Serialize};

/// Stored in the record ([`crate::store`]) as an object of these texts, in
/// this order; a missing field reads as empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoanForm {
    pub product: String,
    pub amount: String,
    pub months: String,
    pub rate: String,
    pub method: String,
    pub io: String,
    pub subsidy: String,
    /// Empty = no cap.
    pub subsidy_cap: String,
    pub subsidy_timing: String,
    /// Empty = today.
    pub start: String,
}

/// Which input a message belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Product,
    Amount,
    Months,
    Rate,
    Method,
    Io,
    Subsidy,
    SubsidyCap,
    Timing,
    Start,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Product => "贷款产品",
            Field::Amount => "贷款金额",
            Field::Months => "贷款期限",
            Field::Rate => "年利率",
            Field::Method => "还款方式",
            Field::Io => "只还利息的月数",
            Field::Subsidy => "贴息比例",
            Field::SubsidyCap => "贴息本金上限",
            Field::Timing => "贴息方式",
            Field::Start => "放款日期",
        }
    }
}

impl LoanForm {
    /// The product's own figures, as a starting point the user can edit.
    pub fn for_product(p: &Product) -> LoanForm {
        LoanForm {
            product: p.id.to_string(),
            amount: p.example_amount.spoken(),
            months: p.months.value.to_string(),
            rate: p.rate.value.percent_text(),
            method: p.method.value.key().to_string(),
            io: p.interest_only_months.to_string(),
            subsidy: bp_percent_text(p.subsidy_percent_bp.value),
            subsidy_cap: p.subsidy_cap.map_or(String::new(), |c| c.value.spoken()),
            subsidy_timing: p.subsidy_timing.value.key().to_string(),
            start: p.example_start.map_or(String::new(), |d| d.to_string()),
        }
    }

    /// [`LoanForm::for_product`], with the 本地数字 accepted on this phone
    /// as the starting figures of the micro-loan in force today (term, rate
    /// cap as the rate, 贴息 ratio, cap and timing).
    pub fn for_product_with(p: &Product, local: Option<&crate::local::LocalFigures>) -> LoanForm {
        let mut f = LoanForm::for_product(p);
        if let Some(l) = local.filter(|_| p.id == products::DEFAULT_PRODUCT) {
            if let Some(m) = l.months {
                f.months = m.to_string();
            }
            if let Some(r) = l.rate {
                f.rate = parse::Rate(r).percent_text();
            }
            if let Some(s) = l.subsidy {
                f.subsidy = bp_percent_text(s);
            }
            if let Some(c) = l.cap {
                f.subsidy_cap = Fen(c).spoken();
            }
            if let Some(t) = &l.timing {
                f.subsidy_timing = t.clone();
            }
        }
        f
    }

    pub fn product(&self) -> &'static Product {
        products::product(&self.product).unwrap_or_else(products::default_product)
    }
}

/// A staged loan's interest-only months that are not fewer than its term:
/// the message, when both read. The link reader's one check of two fields
/// together (it need not carry the whole of [`check`]).
pub fn io_too_long(form: &LoanForm) -> Option<String> {
    if Method::from_key(&form.method) != Some(Method::Staged) {
        return None;
    }
    let (io, n) = (
        parse::parse_months(&form.io).ok()?,
        parse::parse_months(&form.months).ok()?,
    );
    (io >= n).then(|| format!("只还利息的月数要少于贷款期限（{n} 个月）"))
}

/// Reads every field; all messages are returned, not just the first.
pub fn check(form: &LoanForm, today: Date) -> Result<(LoanTerms, Subsidy), Vec<(Field, String)>> {
    let mut errors = Vec::new();
    fn keep<T>(errors: &mut Vec<(Field, String)>, field: Field, r: Result<T, String>) -> Option<T> {
        r.map_err(|e| errors.push((field, e))).ok()
    }
    macro_rules! take {
        ($field:expr, $r:expr $(,)?) => {
            keep(&mut errors, $field, $r)
        };
    }
    let principal = take!(Field::Amount, parse::parse_amount_said(&form.amount));
    let months = take!(Field::Months, parse::parse_months(&form.months));
    let rate = take!(Field::Rate, parse::parse_rate(&form.rate));
    let method = take!(
        Field::Method,
        Method::from_key(&form.method).ok_or_else(|| "请选择还款方式".to_string()),
    );
    let timing = take!(
        Field::Timing,
        SubsidyTiming::from_key(&form.subsidy_timing).ok_or_else(|| "请选择贴息方式".to_string()),
    );
    let percent_bp = take!(Field::Subsidy, parse::parse_percent(&form.subsidy));
    let cap = if parse::normalize(&form.subsidy_cap).is_empty() {
        Some(None)
    } else {
        take!(
            Field::SubsidyCap,
            parse::parse_amount_said_or_zero(&form.subsidy_cap).map(Some)
        )
    };
    let start = if parse::normalize(&form.start).is_empty() {
        Some(today)
    } else {
        take!(
            Field::Start,
            // 「12月15日」 without a year is this year's.
            Date::parse_in(&form.start, today.year).ok_or_else(|| format!(
                "看不懂日期“{}”：请按 2026-03-15 或 2026年3月15日 这样填写",
                short(&form.start)
            )),
        )
    };
    let io = if method == Some(Method::Staged) {
        let io = take!(
            Field::Io,
            parse::parse_months(&form.io).or_else(|e| {
                if parse::normalize(&form.io) == "0" {
                    Ok(0)
                } else {
                    Err(e)
                }
            })
        );
        match io_too_long(form) {
            Some(msg) => {
                errors.push((Field::Io, msg));
                None
            }
            None => io,
        }
    } else {
        Some(0)
    };
    match (
        principal, months, rate, method, timing, percent_bp, cap, start, io,
    ) {
        (
            Some(principal),
            Some(months),
            Some(rate),
            Some(method),
            Some(timing),
            Some(percent_bp),
            Some(cap),
            Some(start),
            Some(io),
        ) if errors.is_empty() => Ok((
            LoanTerms {
                principal,
                months,
                rate,
                method,
                interest_only_months: io,
                start,
            },
            Subsidy {
                percent_bp,
                cap,
                timing,
            },
        )),
        _ => Err(errors),
    }
}

/// A value quoted back to the user (see [`crate::parse::short`]).
pub use crate::parse::short;

/// The amount as it goes into a link: whole yuan, or yuan with fen.
pub fn yuan_text(f: Fen) -> String {
    if f.0 % 100 == 0 {
        f.whole_yuan().to_string()
    } else {
        format!("{}.{:02}", f.0 / 100, f.0 % 100)
    }
}
