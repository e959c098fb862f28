//! A link as a QR code, drawn as one SVG path. The encoder is the
//! `qrcodegen` crate; this module only chooses its settings and turns the
//! module matrix into path data, so the page needs no image code.

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code on every side: the QR standard's minimum,
/// without which phone scanners often fail to find the code.
pub const QUIET: usize = 4;

/// A code ready to draw: `size` modules square including the quiet zone,
/// and `path`, every dark module as SVG path data in module units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub size: usize,
    pub path: String,
    /// The dark modules, row by row (for tests; the path draws the same).
    pub dark: Vec<Vec<bool>>,
}

/// The QR code of `text` (UTF-8 bytes). Lowest error correction that the
/// encoder can raise for free: the fewest, largest modules for a link, which
/// scan best from another phone at arm's length; the encoder raises the
/// level when the version has room. `None` when the text is too long for any
/// QR code (over about 2,900 bytes).
pub fn draw(text: &str) -> Option<Drawn> {
    let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
    let n = code.size() as usize;
    let size = n + 2 * QUIET;
    let mut path = String::new();
    let mut dark = vec![vec![false; size]; size];
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x as i32, y as i32) {
                x += 1;
                continue;
            }
            // One rectangle per run of dark modules in a row: a fraction of
            // the path a square per module would take.
            let start = x;
            while x < n && code.get_module(x as i32, y as i32) {
                dark[y + QUIET][x + QUIET] = true;
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET, y + QUIET));
        }
    }
    Some(Drawn { size, path, dark })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the path back into modules, as a renderer would fill it.
    fn filled(d: &Drawn) -> Vec<Vec<bool>> {
        let mut m = vec![vec![false; d.size]; d.size];
        for rect in d.path.split('M').filter(|r| !r.is_empty()) {
            let (xy, rest) = rect.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            for cell in &mut m[y][x..x + run] {
                *cell = true;
            }
        }
        m
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules_inside_a_quiet_zone() {
        let link = "https://example.org/bangfu/?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07";
        let d = draw(link).unwrap();
        assert_eq!(filled(&d), d.dark);
        for i in 0..d.size {
            for q in 0..QUIET {
                for (x, y) in [(i, q), (q, i), (i, d.size - 1 - q), (d.size - 1 - q, i)] {
                    assert!(!d.dark[y][x], "quiet zone at {x},{y}");
                }
            }
        }
        // Finder pattern in the top-left corner: a 7×7 dark ring, light ring, 3×3 core.
        let f = |x: usize, y: usize| d.dark[QUIET + y][QUIET + x];
        assert!((0..7).all(|i| f(i, 0) && f(0, i) && f(6, i) && f(i, 6)));
        assert!((1..6).all(|i| !f(i, 1) && !f(1, i) && !f(5, i) && !f(i, 5)));
        assert!((2..5).all(|y| (2..5).all(|x| f(x, y))));
        // A 190-byte loan link fits a small version: at most 65 modules
        // across with the quiet zone, so 300 px give each module 4.6 px.
        assert!(d.size <= 65, "{}", d.size);
    }

    #[test]
    fn longer_links_give_bigger_codes_and_too_long_gives_none() {
        let short = draw("https://a.example/?v=home").unwrap();
        let long = draw(&format!("https://a.example/?v=check&r={}", "x".repeat(600))).unwrap();
        // 25 bytes: version 2, 25 modules across.
        assert_eq!(short.size, 25 + 2 * QUIET);
        assert!(long.size > short.size);
        assert!(draw(&"x".repeat(3000)).is_none());
    }
}
