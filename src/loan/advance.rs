//! 先付后贴: under "pay first, subsidised later" the household pays the full
//! interest and the subsidy comes back later. The seed report (范文一, 建议一)
//! names this advance as the first burden to remove; here it is measured.

use super::{Schedule, SubsidyTiming};
use crate::date::Date;
use crate::money::Fen;

/// Subsidy handed back to the household.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refund {
    /// Earliest date the refund can arrive: a refund date, or the date the loan
    /// is cleared for "after clearing" (real payment follows an application).
    pub date: Date,
    pub amount: Fen,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advance {
    /// Most subsidy the household has paid out of pocket and not yet got back.
    pub peak: Fen,
    /// When that peak is reached (`None` if nothing is ever advanced).
    pub peak_date: Option<Date>,
    pub refunds: Vec<Refund>,
}

/// Works out the advance for a schedule and a subsidy timing. Refunds fall on
/// every 3rd/12th month after `start`, after any payment on the same day, and
/// whatever remains comes back when the loan is cleared.
pub fn advance(schedule: &Schedule, start: Date, timing: SubsidyTiming) -> Advance {
    let mut out = Advance {
        peak: Fen::ZERO,
        peak_date: None,
        refunds: Vec::new(),
    };
    if timing == SubsidyTiming::Direct {
        return out;
    }
    let mut outstanding = Fen::ZERO;
    let mut elapsed = 0u32;
    let last_index = schedule.rows.len().saturating_sub(1);
    for (i, row) in schedule.rows.iter().enumerate() {
        elapsed += row.months;
        outstanding += row.subsidy;
        if outstanding > out.peak {
            out.peak = outstanding;
            out.peak_date = Some(row.date);
        }
        let due = match timing.refund_every() {
            Some(every) => elapsed.is_multiple_of(every) || i == last_index,
            None => i == last_index,
        };
        if due && outstanding > Fen::ZERO {
            let date = match timing.refund_every() {
                Some(every) if i != last_index => start.add_months(elapsed / every * every),
                _ => row.date,
            };
            out.refunds.push(Refund {
                date,
                amount: outstanding,
            });
            outstanding = Fen::ZERO;
        }
    }
    out
}
