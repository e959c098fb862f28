//! Reading what people type. Villagers type on Chinese IMEs: full-width digits
//! (５００００), the ideographic full stop as a decimal point (5。5万), 万 as a
//! unit and thousands separators. Every function returns either an exact
//! integer value or a plain-language message saying what to type instead.

use crate::money::Fen;

/// Largest loan the estimator accepts: 1000万元. Far above every product,
/// small enough that no intermediate product can overflow.
pub const MAX_AMOUNT: Fen = Fen::from_yuan(10_000_000);
/// 30 years of monthly payments.
pub const MAX_MONTHS: u32 = 360;
/// Annual rates above this are not loans a bank would offer; the message says so.
pub const MAX_RATE_PERCENT: i64 = 36;

/// Full-width forms to ASCII, `。` to `.`, and spaces and thousands separators
/// removed. Letters are lower-cased so `5W` and `5w` read alike.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                '。' => '.',
                other => other,
            };
            match c {
                ' ' | '\t' | '\n' | '\r' | ',' | '，' | '、' | '_' | '\'' => None,
                c => Some(c.to_ascii_lowercase()),
            }
        })
        .collect()
}

/// A non-negative decimal such as `5.5` read exactly as `value × 10^scale`;
/// `None` if it is not a plain decimal or has more than `scale` decimals.
fn decimal_scaled(s: &str, scale: u32) -> Option<i128> {
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let frac = frac_part.trim_end_matches('0');
    if frac.len() as u32 > scale || int_part.len() > 20 {
        return None;
    }
    let mut v: i128 = 0;
    for b in int_part.bytes() {
        v = v.checked_mul(10)?.checked_add((b - b'0') as i128)?;
    }
    for i in 0..scale as usize {
        let digit = frac.as_bytes().get(i).map_or(0, |b| (b - b'0') as i128);
        v = v.checked_mul(10)?.checked_add(digit)?;
    }
    Some(v)
}

/// Money typed as `50000`, `5万`, `5.5万`, `50,000`, `５万`, `￥50000元`, `3千`.
pub fn parse_amount(input: &str) -> Result<Fen, String> {
    amount(input, false)
}

/// Like [`parse_amount`], but 0 is allowed (an existing balance, a cap).
pub fn parse_amount_or_zero(input: &str) -> Result<Fen, String> {
    amount(input, true)
}

/// [`parse_amount`] that also reads amounts said in Chinese numerals
/// ([`spoken_yuan`]): for what people type into a field. Links and stored
/// texts hold digits, and are read without it (so the home screen's module,
/// which reads links, does not carry it).
pub fn parse_amount_said(input: &str) -> Result<Fen, String> {
    said(parse_amount(input), input)
}

/// [`parse_amount_said`], 0 allowed.
pub fn parse_amount_said_or_zero(input: &str) -> Result<Fen, String> {
    said(parse_amount_or_zero(input), input)
}

/// What the digits could not read, tried as Chinese numerals (kept apart
/// from [`amount`], so code reading only digits does not carry it).
fn said(digits: Result<Fen, String>, input: &str) -> Result<Fen, String> {
    digits.or_else(|e| {
        let s = normalize(input);
        match spoken_yuan(s.trim_start_matches(['¥', '￥'])) {
            Some(y) if Fen::from_yuan(y) > MAX_AMOUNT => Err(format!(
                "金额太大：本工具最多测算 {} 元",
                MAX_AMOUNT.spoken()
            )),
            Some(y) => Ok(Fen::from_yuan(y)),
            None => Err(e),
        }
    })
}

fn amount(input: &str, allow_zero: bool) -> Result<Fen, String> {
    let s = normalize(input);
    if s.is_empty() {
        return Err("请填写金额，例如 50000 或 5万".into());
    }
    if s.starts_with('-') {
        return Err("金额不能是负数".into());
    }
    let s = s.trim_start_matches(['¥', '￥']).trim_end_matches('元');
    let (number, unit_digits) =
        if let Some(n) = s.strip_suffix('万').or_else(|| s.strip_suffix('w')) {
            (n, 4)
        } else if let Some(n) = s.strip_suffix('千').or_else(|| s.strip_suffix('k')) {
            (n, 3)
        } else {
            (s, 0)
        };
    let fen = decimal_scaled(number, 2 + unit_digits).ok_or_else(|| {
        if decimal_scaled(number, 18).is_some() {
            format!("“{}”太细了：金额最多精确到分（小数点后两位）", short(input))
        } else {
            format!("看不懂“{}”：请只填数字，例如 50000 或 5万", short(input))
        }
    })?;
    if fen == 0 && !allow_zero {
        return Err("金额要大于 0".into());
    }
    if fen > MAX_AMOUNT.0 as i128 {
        return Err(format!(
            "金额太大：本工具最多测算 {} 元",
            MAX_AMOUNT.spoken()
        ));
    }
    Ok(Fen(fen as i64))
}

/// A whole number of 元 written as people say it: Chinese digits (零〇一二两
/// 三…九) or Arabic ones, with 十百千万 (「五万」「十万」「三千五百」「一千零五」).
/// After a unit, one more digit alone is the next unit down, as spoken:
/// 「两万五」 is 25000, 「三千五」 3500, 「1万5」 15000; a number after 零 is
/// itself (「一万零五」 10005). `None` for anything else (two numbers in a
/// row, a unit with nothing before it but 十, an empty string).
/// In i64: enough for any amount here (128-bit arithmetic would bring its
/// division routines into the module).
fn spoken_yuan(s: &str) -> Option<i64> {
    let s = s.trim_end_matches(['元', '块']).trim_end_matches("块钱");
    if s.is_empty()
        || !s
            .chars()
            .any(|c| "零〇一二两三四五六七八九十百千万".contains(c))
    {
        return None;
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as i64)
            .or(match c {
                '〇' => Some(0),
                '两' => Some(2),
                _ => None,
            })
    };
    let (mut total, mut section): (i64, i64) = (0, 0);
    // The number waiting for its unit, and the unit before it (for 「两万五」).
    let (mut num, mut last_unit): (Option<i64>, Option<i64>) = (None, None);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let n = if c.is_ascii_digit() {
            let mut n = c as i64 - '0' as i64;
            while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                n = n.checked_mul(10)?.checked_add(d as i64)?;
                chars.next();
            }
            Some(n)
        } else {
            digit(c)
        };
        if let Some(n) = n {
            if num.is_some() {
                return None;
            }
            if n == 0 && !c.is_ascii_digit() {
                last_unit = None; // 零: what follows is itself
                continue;
            }
            num = Some(n);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            _ => return None,
        };
        if unit == 10_000 {
            if total > 0 {
                return None; // one 万 only (no 亿 here)
            }
            section += num.take().unwrap_or(0);
            if section == 0 || section >= 10_000 {
                return None;
            }
            total = total.checked_add(section.checked_mul(10_000)?)?;
            section = 0;
        } else {
            // 「十五」: a 十 with nothing before it is one ten.
            let n = num.take().or((unit == 10 && section == 0).then_some(1))?;
            if n >= 10 || last_unit.is_some_and(|u| u <= unit && u != 10_000) {
                return None;
            }
            section += n * unit;
        }
        last_unit = Some(unit);
    }
    if let Some(n) = num {
        section += match last_unit {
            Some(u) if n < 10 && u >= 10 => n * (u / 10),
            _ => n,
        };
    }
    total.checked_add(section).filter(|t| *t > 0)
}

/// Term in months: `12`, `12个月`, `12期`, or years as `1年`, `3年`.
pub fn parse_months(input: &str) -> Result<u32, String> {
    let s = normalize(input);
    if s.is_empty() {
        return Err("请填写贷款期限（几个月）".into());
    }
    if s.starts_with('-') {
        return Err("期限不能是负数".into());
    }
    let (number, factor) = if let Some(n) = s.strip_suffix('年') {
        (n, 12)
    } else {
        (
            s.trim_end_matches("个月")
                .trim_end_matches('月')
                .trim_end_matches('期'),
            1,
        )
    };
    let n = decimal_scaled(number, 0)
        .ok_or_else(|| format!("看不懂“{}”：期限请填整数个月，例如 12", short(input)))?;
    let months = n.saturating_mul(factor);
    if months == 0 {
        return Err("期限至少 1 个月".into());
    }
    if months > MAX_MONTHS as i128 {
        return Err(format!(
            "期限太长：本工具最多测算 {MAX_MONTHS} 个月（30年）"
        ));
    }
    Ok(months as u32)
}

/// An annual interest rate in percent (`4.35`, `4.35%`, `４．３５`), exact to
/// 0.0001 %, returned as [`Rate`].
pub fn parse_rate(input: &str) -> Result<Rate, String> {
    let s = normalize(input);
    if s.is_empty() {
        return Err("请填写年利率，例如 4.35".into());
    }
    if s.starts_with('-') {
        return Err("利率不能是负数".into());
    }
    let number = s.trim_end_matches('%');
    let ppm = decimal_scaled(number, 4).ok_or_else(|| {
        format!(
            "看不懂“{}”：年利率请填百分数，例如 4.35 表示 4.35%",
            short(input)
        )
    })?;
    if ppm > MAX_RATE_PERCENT as i128 * 10_000 {
        return Err(format!(
            "年利率 {}% 不合理：银行贷款一般在 3%–10% 之间，本工具只接受 0–{}%",
            Rate(ppm as i64).percent_text(),
            MAX_RATE_PERCENT
        ));
    }
    Ok(Rate(ppm as i64))
}

/// A share in percent from 0 to 100 (subsidy), exact to 0.01 %, as basis points.
pub fn parse_percent(input: &str) -> Result<u32, String> {
    let s = normalize(input);
    if s.is_empty() {
        return Err("请填写百分比，0 到 100".into());
    }
    if s.starts_with('-') {
        return Err("百分比不能是负数".into());
    }
    let bp = decimal_scaled(s.trim_end_matches('%'), 2).ok_or_else(|| {
        format!(
            "看不懂“{}”：请填 0 到 100 的数字，例如 100 表示全额贴息",
            short(input)
        )
    })?;
    if bp > 10_000 {
        return Err("贴息比例不能超过 100%".into());
    }
    Ok(bp as u32)
}

/// An annual rate as parts per million of the principal per year
/// (4.9 % = 49 000): exact for every rate written with up to four decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(pub i64);

impl Rate {
    pub const fn ppm(self) -> i64 {
        self.0
    }

    /// "4.35", "7.35", "3.1", "0": the shortest exact decimal.
    pub fn percent_text(self) -> String {
        let whole = self.0 / 10_000;
        let frac = self.0 % 10_000;
        if frac == 0 {
            return whole.to_string();
        }
        let f = format!("{frac:04}");
        format!("{whole}.{}", f.trim_end_matches('0'))
    }
}

/// Basis points of a percent as text: 10000 → "100", 5000 → "50", 3333 → "33.33".
pub fn bp_percent_text(bp: u32) -> String {
    let whole = bp / 100;
    let frac = bp % 100;
    if frac == 0 {
        whole.to_string()
    } else {
        let f = format!("{frac:02}");
        format!("{whole}.{}", f.trim_end_matches('0'))
    }
}

/// A value quoted back to the user, cut short so a hostile link cannot flood
/// the page, and without bidirectional controls (U+202A–202E, U+2066–2069,
/// U+200E/200F): an unclosed right-to-left override in a quoted value would
/// turn the rest of the message around.
pub fn short(s: &str) -> String {
    let bidi = |c: &char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
    let s: String = s.chars().filter(|c| !bidi(c)).collect();
    let t: String = s.trim().chars().take(24).collect();
    if s.trim().chars().count() > 24 {
        format!("{t}…")
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_scaling_is_exact() {
        assert_eq!(decimal_scaled("5.5", 6), Some(5_500_000));
        assert_eq!(decimal_scaled("0.01", 2), Some(1));
        assert_eq!(decimal_scaled("0.001", 2), None);
        assert_eq!(decimal_scaled(".5", 1), Some(5));
        assert_eq!(decimal_scaled(".", 1), None);
        assert_eq!(decimal_scaled("1.2.3", 4), None);
    }
}
