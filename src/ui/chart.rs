//! The schedule as an SVG bar chart (principal and interest per payment),
//! built as a string: one element instead of hundreds of reactive nodes.

use crate::loan::Schedule;

const W: i64 = 340;
const H: i64 = 170;
const LEFT: i64 = 4;
const TOP: i64 = 22;
const BOTTOM: i64 = 22;

pub const PRINCIPAL_COLOUR: &str = "#8c1d18";
pub const INTEREST_COLOUR: &str = "#e8a33d";

pub fn svg(s: &Schedule) -> String {
    let n = s.rows.len() as i64;
    let max = s.largest_payment().0.max(1);
    let plot_h = H - TOP - BOTTOM;
    let plot_w = W - 2 * LEFT;
    // Bar slots in tenths of a unit so 360 bars still fit exactly.
    let slot10 = plot_w * 10 / n.max(1);
    let bar10 = (slot10 * 8 / 10).clamp(3, 400);
    let mut out = format!(
        "<svg viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">\
         <title id=\"chart-title\">每期还款构成：深色是本金，浅色是利息</title>\
         <text x=\"{LEFT}\" y=\"14\" font-size=\"12\" fill=\"#5b5550\">最高一期 {} 元</text>\
         <line x1=\"{LEFT}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#8a8078\" stroke-width=\"1\"/>",
        s.largest_payment().plain(),
        H - BOTTOM,
        W - LEFT,
        H - BOTTOM
    );
    for (i, r) in s.rows.iter().enumerate() {
        let x10 = LEFT * 10 + i as i64 * slot10 + (slot10 - bar10) / 2;
        let ph = r.principal.0 * plot_h * 10 / max;
        let ih = r.interest.0 * plot_h * 10 / max;
        let base10 = (H - BOTTOM) * 10;
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{PRINCIPAL_COLOUR}\"/>\
             <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{INTEREST_COLOUR}\"/>",
            tenths(x10),
            tenths(base10 - ph),
            tenths(bar10),
            tenths(ph),
            tenths(x10),
            tenths(base10 - ph - ih),
            tenths(bar10),
            tenths(ih),
        ));
    }
    out.push_str(&format!(
        "<text x=\"{LEFT}\" y=\"{}\" font-size=\"12\" fill=\"#5b5550\">第1期</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#5b5550\" text-anchor=\"end\">第{n}期</text></svg>",
        H - 6,
        W - LEFT,
        H - 6
    ));
    out
}

/// 1234 tenths → "123.4", without float formatting.
fn tenths(v: i64) -> String {
    format!("{}.{}", v / 10, v % 10)
}
