//! 到期还本: how much to set aside, every month, every quarter or after each
//! harvest, to have the principal on the day it falls due at once.
//!
//! Rounding, written down once: each instalment is the target ÷ the number of
//! times, **rounded up to the whole 元** (a family puts notes aside, not fen,
//! and rounding up never leaves them short); the last instalment is what is
//! left, so the instalments add up to the target exactly, to the fen. When
//! rounding up fills the target early (a small sum over many months), the
//! plan simply has fewer instalments: never a last one of zero or less.
//!
//! 50,000 元 over 36 months: 50,000 ÷ 36 = 1,388.89 → 1,389 元 × 35 = 48,615,
//! and the 36th is 1,385 元.

use super::{LoanTerms, Method, Schedule};
use crate::date::Date;
use crate::money::Fen;

/// How often the family can put money aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Every {
    Month,
    Quarter,
    /// After each harvest, this many harvests a year (1: 秋收一次).
    Harvest(u32),
}

impl Every {
    /// The choices offered, in order.
    pub const CHOICES: [Every; 5] = [
        Every::Month,
        Every::Quarter,
        Every::Harvest(1),
        Every::Harvest(2),
        Every::Harvest(3),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Every::Month => "每月存",
            Every::Quarter => "每季存",
            Every::Harvest(1) => "一年收一次（如秋收）",
            Every::Harvest(2) => "一年收两次",
            Every::Harvest(_) => "一年收三次",
        }
    }

    /// "每月", "每季", "每次收成后": how the instalment is said.
    pub fn said(self) -> &'static str {
        match self {
            Every::Month => "每月",
            Every::Quarter => "每季",
            Every::Harvest(_) => "每次收成后",
        }
    }

    /// How many times this comes round within `months` months (whole
    /// periods only; at least once, for a term shorter than one period).
    pub fn times(self, months: u32) -> u32 {
        let n = match self {
            Every::Month => months,
            Every::Quarter => months / 3,
            Every::Harvest(k) => months.saturating_mul(k) / 12,
        };
        n.max(1)
    }
}

/// What falls due at once, and when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub amount: Fen,
    pub due: Date,
    /// 利随本清: the interest is due with the principal, so it is saved too.
    pub with_interest: bool,
}

/// The sum to have on the day, for a loan whose principal falls due at once
/// (按月/按季付息、到期还本: the principal, the interest being paid as it
/// goes; 利随本清: principal and interest). `None` for every other method.
pub fn target(terms: &LoanTerms, s: &Schedule) -> Option<Target> {
    let last = s.rows.last()?;
    let with_interest = match terms.method {
        Method::MonthlyInterest | Method::QuarterlyInterest => false,
        Method::Bullet => true,
        _ => return None,
    };
    let amount = if with_interest {
        last.payment
    } else {
        last.principal
    };
    (amount.0 > 0).then_some(Target {
        amount,
        due: last.date,
        with_interest,
    })
}

/// A saving plan: `full` instalments of `each`, then one of `last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub each: Fen,
    /// Instalments of `each` before the last one.
    pub full: u32,
    /// The last instalment, 0 < last ≤ each; the total is exactly the target.
    pub last: Fen,
}

impl Plan {
    /// Instalments in all.
    pub fn times(&self) -> u32 {
        self.full + 1
    }

    pub fn total(&self) -> Fen {
        Fen(self.each.0 * self.full as i64 + self.last.0)
    }
}

/// The plan for `amount` (> 0) over `months` months, saving `every`.
/// `None` when there is nothing to save.
pub fn plan(amount: Fen, months: u32, every: Every) -> Option<Plan> {
    if amount.0 <= 0 {
        return None;
    }
    let times = every.times(months) as i64;
    // Rounded up to the whole 元: ceil(amount ÷ times ÷ 100) × 100.
    let each = (amount.0 + times * 100 - 1) / (times * 100) * 100;
    // each × times ≥ amount, so this is at most times − 1.
    let full = (amount.0 - 1) / each;
    Some(Plan {
        each: Fen(each),
        full: full as u32,
        last: Fen(amount.0 - each * full),
    })
}
