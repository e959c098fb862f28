//! Counting 工作日 (working days): the clock a family holds the offices to
//! after declaring. Weekends are skipped, and the public holidays and the
//! weekend days worked instead come from `data/holidays.toml`, one dated
//! notice per year. A count that passes through a year the table does not
//! have skips only weekends and says so (`Due::exact` is false), and the
//! page puts 「约」 before the date.
//!
//! The rule, written down: the day of the declaration is not counted (期间
//! 开始的当日不计入, 民法典 第二百零一条); the count starts the next day, and
//! the Nth working day is the last day an answer is due on.

use crate::date::Date;
use crate::sources::SourceKind;

/// One year's public holidays as announced by the State Council.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HolidayYear {
    pub year: i32,
    /// (month, day) of every day off, weekends inside a holiday included.
    pub off: &'static [(u8, u8)],
    /// (month, day) of the weekend days worked instead (调休上班).
    pub work: &'static [(u8, u8)],
    pub source: &'static str,
    pub kind: SourceKind,
}

include!(concat!(env!("OUT_DIR"), "/holidays.rs"));

/// The table's year for `year`, if it has one.
pub fn holiday_year(year: i32) -> Option<&'static HolidayYear> {
    HOLIDAY_YEARS.iter().find(|y| y.year == year)
}

/// Whether `d` is a working day, and whether that is known from the table
/// (false: the year is not in it, so only the weekend was looked at).
pub fn is_working_day(d: Date) -> (bool, bool) {
    let weekend = d.weekday() >= 6;
    match holiday_year(d.year) {
        Some(y) => {
            let md = (d.month, d.day);
            (
                if weekend {
                    y.work.contains(&md)
                } else {
                    !y.off.contains(&md)
                },
                true,
            )
        }
        None => (!weekend, false),
    }
}

/// The last day of a time limit of `n` working days counted from `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub date: Date,
    /// Every day counted is in the holiday table: no 「约」.
    pub exact: bool,
}

impl Due {
    /// "12月21日", or "约1月5日" when a year without a table was counted
    /// through; with the year when it is not `this_year`.
    pub fn told(self, this_year: i32) -> String {
        let day = if self.date.year == this_year {
            self.date.month_day()
        } else {
            self.date.chinese()
        };
        if self.exact {
            day
        } else {
            format!("约{day}")
        }
    }
}

/// `start` plus `n` working days (see the module doc for the rule). `n` = 0
/// is `start` itself.
pub fn add_working_days(start: Date, n: u32) -> Due {
    let mut date = start;
    let mut exact = true;
    let mut left = n;
    while left > 0 {
        date = date.next();
        let (working, known) = is_working_day(date);
        exact &= known;
        if working {
            left -= 1;
        }
    }
    Due { date, exact }
}
