//! Repayment schedules for every method, in integer fen.

use super::{LoanTerms, Method, Subsidy};
use crate::date::Date;
use crate::money::{div_round_half_up, Fen};

/// One payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// 期数, from 1.
    pub number: u32,
    pub date: Date,
    /// Months of interest this payment covers (1, 3 for 按季, all for 利随本清).
    pub months: u32,
    pub principal: Fen,
    pub interest: Fen,
    /// 应还 = principal + interest.
    pub payment: Fen,
    /// 贴息 on this payment's interest.
    pub subsidy: Fen,
    /// 实际负担 = payment − subsidy.
    pub net: Fen,
    /// 剩余本金 after this payment.
    pub balance: Fen,
}

/// A run of equal payments, for the plain-language summary
/// ("前8个月每月还 612.50，后4个月每月还 25,383.98").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub first: u32,
    pub last: u32,
    pub payment: Fen,
    /// Months between payments in this run.
    pub every: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub rows: Vec<Row>,
}

impl Schedule {
    pub fn total_payment(&self) -> Fen {
        self.rows.iter().map(|r| r.payment).sum()
    }
    pub fn total_principal(&self) -> Fen {
        self.rows.iter().map(|r| r.principal).sum()
    }
    pub fn total_interest(&self) -> Fen {
        self.rows.iter().map(|r| r.interest).sum()
    }
    pub fn total_subsidy(&self) -> Fen {
        self.rows.iter().map(|r| r.subsidy).sum()
    }
    /// Interest the household bears after the subsidy.
    pub fn net_interest(&self) -> Fen {
        self.total_interest() - self.total_subsidy()
    }
    pub fn first_payment(&self) -> Fen {
        self.rows.first().map_or(Fen::ZERO, |r| r.payment)
    }
    pub fn last_payment(&self) -> Fen {
        self.rows.last().map_or(Fen::ZERO, |r| r.payment)
    }
    pub fn largest_payment(&self) -> Fen {
        self.rows
            .iter()
            .map(|r| r.payment)
            .max()
            .unwrap_or(Fen::ZERO)
    }

    /// Consecutive payments of the same amount and spacing, merged.
    /// The payment that carries the principal at once (按期付息到期还本, 利随本
    ///清, a staged loan's last period): a single period paying at least
    /// twice the first payment, with its row, so the family sees its day
    /// wherever a regular payment is shown. `None` for one payment only, or
    /// when no period stands out.
    pub fn lump(&self) -> Option<&Row> {
        if self.rows.len() < 2 {
            return None;
        }
        let big = self.rows.iter().max_by_key(|r| r.payment)?;
        (big.payment.0 >= 2 * self.first_payment().0).then_some(big)
    }

    pub fn phases(&self) -> Vec<Phase> {
        let mut phases: Vec<Phase> = Vec::new();
        for r in &self.rows {
            match phases.last_mut() {
                Some(p) if p.payment == r.payment && p.every == r.months => p.last = r.number,
                _ => phases.push(Phase {
                    first: r.number,
                    last: r.number,
                    payment: r.payment,
                    every: r.months,
                }),
            }
        }
        phases
    }
}

/// Interest on `balance` for `months` months at `rate`: balance × annual ÷ 12 × months,
/// rounded half-up to the fen.
pub fn interest(balance: Fen, rate: crate::parse::Rate, months: u32) -> Fen {
    let num = balance.0 as i128 * rate.ppm() as i128 * months as i128;
    Fen(div_round_half_up(num, 12_000_000) as i64)
}

/// The 等额本息 level payment for `principal` over `n` months, rounded half-up.
/// Floating point is used only here, for (1+r)^n; the result is an integer fen
/// and a tie at exactly half a fen would need 15 significant digits to matter.
pub fn level_payment(principal: Fen, rate: crate::parse::Rate, n: u32) -> Fen {
    if n == 0 {
        return principal;
    }
    if rate.ppm() == 0 {
        return Fen(div_round_half_up(principal.0 as i128, n as i128) as i64);
    }
    let r = rate.ppm() as f64 / 12_000_000.0;
    let growth = (1.0 + r).powi(n as i32);
    let payment = principal.0 as f64 * r * growth / (growth - 1.0);
    Fen((payment + 0.5).floor() as i64)
}

fn subsidy_on(interest: Fen, balance: Fen, subsidy: &Subsidy) -> Fen {
    if balance.0 <= 0 || interest.0 <= 0 || subsidy.percent_bp == 0 {
        return Fen::ZERO;
    }
    let covered = subsidy
        .cap
        .map_or(balance, |cap| cap.min(balance))
        .max(Fen::ZERO);
    let num = interest.0 as i128 * subsidy.percent_bp as i128 * covered.0 as i128;
    let den = 10_000i128 * balance.0 as i128;
    Fen(div_round_half_up(num, den) as i64).min(interest)
}

/// The full schedule. `terms` must be valid (principal > 0, months ≥ 1); for
/// [`Method::Staged`] interest-only months beyond `months − 1` are clamped.
pub fn schedule(terms: &LoanTerms, subsidy: &Subsidy) -> Schedule {
    let n = terms.months.max(1);
    let p = terms.principal;
    let rate = terms.rate;
    // (months of interest, principal to repay) for each payment, decided as we go
    // because interest depends on the balance.
    let mut rows = Vec::with_capacity(n as usize);
    let mut balance = p;
    let mut month = 0u32;
    let mut push = |months: u32, principal_due: Fen, balance: &mut Fen, month: &mut u32| {
        let interest = interest(*balance, rate, months);
        let principal = principal_due.min(*balance).max(Fen::ZERO);
        let subsidy = subsidy_on(interest, *balance, subsidy);
        *month += months;
        let before = *balance;
        *balance = before - principal;
        rows.push(Row {
            number: rows.len() as u32 + 1,
            date: terms.start.add_months(*month),
            months,
            principal,
            interest,
            payment: principal + interest,
            subsidy,
            net: principal + interest - subsidy,
            balance: *balance,
        });
    };

    match terms.method {
        Method::EqualInstallment | Method::Staged => {
            let io = if terms.method == Method::Staged {
                terms.interest_only_months.min(n - 1)
            } else {
                0
            };
            for _ in 0..io {
                push(1, Fen::ZERO, &mut balance, &mut month);
            }
            let amortizing = n - io;
            let level = level_payment(p, rate, amortizing);
            for k in 0..amortizing {
                let principal_due = if k + 1 == amortizing {
                    balance
                } else {
                    level - interest(balance, rate, 1)
                };
                push(1, principal_due, &mut balance, &mut month);
            }
        }
        Method::EqualPrincipal => {
            let part = Fen(div_round_half_up(p.0 as i128, n as i128) as i64);
            for k in 0..n {
                let due = if k + 1 == n { balance } else { part };
                push(1, due, &mut balance, &mut month);
            }
        }
        Method::MonthlyInterest => {
            for k in 0..n {
                let due = if k + 1 == n { balance } else { Fen::ZERO };
                push(1, due, &mut balance, &mut month);
            }
        }
        Method::QuarterlyInterest => {
            while month < n {
                let months = 3.min(n - month);
                let due = if month + months == n {
                    balance
                } else {
                    Fen::ZERO
                };
                push(months, due, &mut balance, &mut month);
            }
        }
        Method::Bullet => push(n, balance, &mut balance, &mut month),
    }
    Schedule { rows }
}
