//! Money as integer 分 (fen). Amounts are never stored as floating point: every
//! figure the app shows is an exact integer of fen, formatted without floats
//! (float formatting also costs ~20 KB of WebAssembly).

use std::fmt;

/// An amount of money in 分 (1 元 = 100 分). Signed so that differences are easy,
/// but every schedule amount is checked to be ≥ 0 by the tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fen(pub i64);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub const fn from_yuan(yuan: i64) -> Fen {
        Fen(yuan * 100)
    }

    pub const fn fen(self) -> i64 {
        self.0
    }

    /// Whole yuan, dropping fen (for URLs and inputs, where amounts are whole yuan).
    pub const fn whole_yuan(self) -> i64 {
        self.0 / 100
    }

    /// "5,307.27" — thousands separated, always two decimals.
    pub fn plain(self) -> String {
        let neg = self.0 < 0;
        let abs = self.0.unsigned_abs();
        let mut s = group_thousands(abs / 100);
        s.push('.');
        let cents = abs % 100;
        s.push((b'0' + (cents / 10) as u8) as char);
        s.push((b'0' + (cents % 10) as u8) as char);
        if neg {
            s.insert(0, '-');
        }
        s
    }

    /// How people say it: "5万", "5.5万", "1,200" (trailing zero fen dropped,
    /// 万 used for round amounts of at least 1万).
    pub fn spoken(self) -> String {
        let fen = self.0;
        if fen >= 1_000_000 && fen % 10_000 == 0 {
            // Whole multiples of 100 元 from 1万 up: at most two decimals of 万.
            let hundreds = fen / 10_000; // units of 100 元
            let wan = hundreds / 100;
            let rest = hundreds % 100;
            let mut s = wan.to_string();
            if rest != 0 {
                s.push('.');
                s.push((b'0' + (rest / 10) as u8) as char);
                if rest % 10 != 0 {
                    s.push((b'0' + (rest % 10) as u8) as char);
                }
            }
            s.push('万');
            return s;
        }
        if fen % 100 == 0 {
            let mut s = group_thousands(fen.unsigned_abs() / 100);
            if fen < 0 {
                s.insert(0, '-');
            }
            return s;
        }
        self.plain()
    }
}

impl fmt::Display for Fen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain())
    }
}

impl std::ops::Add for Fen {
    type Output = Fen;
    fn add(self, rhs: Fen) -> Fen {
        Fen(self.0 + rhs.0)
    }
}

impl std::ops::Sub for Fen {
    type Output = Fen;
    fn sub(self, rhs: Fen) -> Fen {
        Fen(self.0 - rhs.0)
    }
}

impl std::ops::AddAssign for Fen {
    fn add_assign(&mut self, rhs: Fen) {
        self.0 += rhs.0;
    }
}

impl std::ops::SubAssign for Fen {
    fn sub_assign(&mut self, rhs: Fen) {
        self.0 -= rhs.0;
    }
}

impl std::iter::Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        Fen(iter.map(|f| f.0).sum())
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `num / den` rounded half away from zero (四舍五入) — the one rounding rule
/// used for every amount in the app. `den` must be positive.
pub fn div_round_half_up(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    if num >= 0 {
        (num + den / 2) / den
    } else {
        -((-num + den / 2) / den)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_plain_and_spoken() {
        assert_eq!(Fen(530_727).plain(), "5,307.27");
        assert_eq!(Fen(5).plain(), "0.05");
        assert_eq!(Fen(-123_456).plain(), "-1,234.56");
        assert_eq!(Fen::from_yuan(50_000).spoken(), "5万");
        assert_eq!(Fen::from_yuan(55_000).spoken(), "5.5万");
        assert_eq!(Fen::from_yuan(1_000_000).spoken(), "100万");
        assert_eq!(Fen::from_yuan(12_345).spoken(), "12,345");
        assert_eq!(Fen::from_yuan(12_300).spoken(), "1.23万");
        assert_eq!(Fen::from_yuan(1_200).spoken(), "1,200");
        assert_eq!(Fen(61_250).spoken(), "612.50");
    }

    #[test]
    fn rounds_half_up() {
        assert_eq!(div_round_half_up(5, 10), 1);
        assert_eq!(div_round_half_up(4, 10), 0);
        assert_eq!(div_round_half_up(15, 10), 2);
        assert_eq!(div_round_half_up(-15, 10), -2);
    }
}
