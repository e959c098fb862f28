//! Calendar dates without a date crate (chrono/time would add tens of KB of
//! WebAssembly for the two operations the schedule needs: parse and add months).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (also accepts `/` or `.` as separators,
    /// single-digit month/day and 「2026年12月15日」 or 「…15号」, as people
    /// type them).
    pub fn parse(s: &str) -> Option<Date> {
        // The stored form, read without a copy: a village's list reads
        // thousands of days each time it is counted.
        if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *s.as_bytes() {
            let n = |ds: &[u8]| {
                ds.iter().try_fold(0u32, |n, c| {
                    c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
                })
            };
            if let (Some(y), Some(m), Some(d)) = (n(&[y1, y2, y3, y4]), n(&[m1, m2]), n(&[d1, d2]))
            {
                return Date::new(y as i32, m as u8, d as u8);
            }
        }
        let s = crate::parse::normalize(s);
        if let Some((y, md)) = s.split_once('年') {
            let (m, d) = Self::month_day_of(md)?;
            return Date::new(y.parse().ok()?, m, d);
        }
        let mut parts = s.split(['-', '/', '.']);
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        Date::new(y, m, d)
    }

    /// 「12月15日」 (or 「12月15号」) as (month, day).
    fn month_day_of(s: &str) -> Option<(u8, u8)> {
        let (m, d) = s.trim_end_matches(['日', '号']).split_once('月')?;
        Some((m.parse().ok()?, d.parse().ok()?))
    }

    /// [`Date::parse`], or a day without its year (「12月15日」) in `year`.
    pub fn parse_in(s: &str, year: i32) -> Option<Date> {
        Date::parse(s).or_else(|| {
            let (m, d) = Self::month_day_of(&crate::parse::normalize(s))?;
            Date::new(year, m, d)
        })
    }

    /// The same day `n` months later; a day that does not exist in the target
    /// month becomes its last day (1月31日 + 1个月 = 2月28/29日), as banks do.
    pub fn add_months(self, n: u32) -> Date {
        let total = self.year as i64 * 12 + (self.month as i64 - 1) + n as i64;
        let year = (total / 12) as i32;
        let month = (total % 12) as u8 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// "2017年6月7日"
    pub fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }

    /// "2018-02-07", compact for tables.
    pub fn iso(self) -> String {
        self.to_string()
    }

    /// Days from `self` to `later` (negative when `later` is earlier): how
    /// long ago a household was visited, for the village view's 90-day list.
    pub fn days_until(self, later: Date) -> i64 {
        later.day_number() - self.day_number()
    }

    /// The next calendar day.
    pub fn next(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    /// 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u8 {
        ((self.day_number() + 3).rem_euclid(7) + 1) as u8
    }

    /// "12月21日": the short form a family reads in a sentence.
    pub fn month_day(self) -> String {
        format!("{}月{}日", self.month, self.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), exact for
    /// every year `Date::new` accepts.
    fn day_number(self) -> i64 {
        let (m, d) = (self.month as i64, self.day as i64);
        let y = self.year as i64 - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_adds_months() {
        let d = Date::parse("2017-06-07").unwrap();
        assert_eq!(d.add_months(8).to_string(), "2018-02-07");
        assert_eq!(
            Date::parse("2024-01-31").unwrap().add_months(1).to_string(),
            "2024-02-29"
        );
        assert_eq!(
            Date::parse("2023-01-31").unwrap().add_months(1).to_string(),
            "2023-02-28"
        );
        assert_eq!(
            Date::parse("2023-12-15")
                .unwrap()
                .add_months(13)
                .to_string(),
            "2025-01-15"
        );
        assert_eq!(
            Date::parse("２０２６/３/５").unwrap().to_string(),
            "2026-03-05"
        );
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2023-13-01").is_none());
        assert!(Date::parse("abc").is_none());
        assert!(Date::parse("").is_none());
    }

    #[test]
    fn counts_days_across_months_leap_years_and_backwards() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("1970-01-01").day_number(), 0);
        assert_eq!(d("2026-11-29").days_until(d("2026-11-29")), 0);
        assert_eq!(d("2026-08-31").days_until(d("2026-11-29")), 90);
        assert_eq!(d("2024-02-28").days_until(d("2024-03-01")), 2);
        assert_eq!(d("2023-02-28").days_until(d("2023-03-01")), 1);
        assert_eq!(d("2026-12-01").days_until(d("2026-11-29")), -2);
        assert_eq!(d("1900-01-01").days_until(d("2200-12-31")), 109_937);
    }
}
