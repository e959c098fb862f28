//! The schedule as an SVG bar chart: principal and interest of each payment,
//! stacked. Coordinates are integers in tenths, written without floats, so
//! 360 bars still fit the width exactly.

use crate::loan::Schedule;
use leptos::prelude::*;

const W: i64 = 340;
const H: i64 = 170;
const LEFT: i64 = 4;
const TOP: i64 = 22;
const BOTTOM: i64 = 22;
const VIEW_BOX: &str = "0 0 340 170";
const LABEL_COLOUR: &str = "#5b5550";

pub const PRINCIPAL_COLOUR: &str = "#8c1d18";
pub const INTEREST_COLOUR: &str = "#e8a33d";

/// The chart of one schedule; drawn again as a whole when the schedule
/// changes. Each colour is one path of rectangles, so 360 payments are two
/// elements, not 720.
#[component]
pub fn Chart(schedule: Schedule) -> impl IntoView {
    let s = &schedule;
    let n = s.rows.len() as i64;
    let max = s.largest_payment().0.max(1);
    let plot_h = H - TOP - BOTTOM;
    let plot_w = W - 2 * LEFT;
    let slot10 = plot_w * 10 / n.max(1);
    let bar10 = (slot10 * 8 / 10).clamp(3, 400);
    let base10 = (H - BOTTOM) * 10;
    let (mut principal, mut interest) = (String::new(), String::new());
    for (i, r) in s.rows.iter().enumerate() {
        let x10 = LEFT * 10 + i as i64 * slot10 + (slot10 - bar10) / 2;
        let ph = r.principal.0 * plot_h * 10 / max;
        let ih = r.interest.0 * plot_h * 10 / max;
        bar(&mut principal, x10, base10 - ph, bar10, ph);
        bar(&mut interest, x10, base10 - ph - ih, bar10, ih);
    }
    let axis = H - BOTTOM;
    view! {
        <svg viewBox=VIEW_BOX role="img" aria-labelledby="chart-title">
            <title id="chart-title">"每期还款构成：深色是本金，浅色是利息"</title>
            <text x=LEFT y="14" font-size="12" fill=LABEL_COLOUR>
                {format!("最高一期 {} 元", s.largest_payment().plain())}
            </text>
            <line x1=LEFT y1=axis x2=W - LEFT y2=axis stroke="#8a8078" stroke-width="1"/>
            <path d=principal fill=PRINCIPAL_COLOUR/>
            <path d=interest fill=INTEREST_COLOUR/>
            <text x=LEFT y=H - 6 font-size="12" fill=LABEL_COLOUR>
                "第1期"
            </text>
            <text x=W - LEFT y=H - 6 font-size="12" fill=LABEL_COLOUR text-anchor="end">
                {format!("第{n}期")}
            </text>
        </svg>
    }
}

/// A rectangle as path commands: "M x y h w v h h -w z" (all in tenths).
fn bar(d: &mut String, x10: i64, y10: i64, w10: i64, h10: i64) {
    if h10 <= 0 {
        return;
    }
    let (x, y, w, h) = (tenths(x10), tenths(y10), tenths(w10), tenths(h10));
    d.push_str(&format!("M{x} {y}h{w}v{h}h-{w}z"));
}

/// 1234 tenths → "123.4", without float formatting.
fn tenths(v: i64) -> String {
    format!("{}.{}", v / 10, v % 10)
}
