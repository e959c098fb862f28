//! The home screen: what the app does, and the way in. Static markup; the
//! tiles are plain links (`data-go`), so long-press and new tabs work too.

use super::dom;
use crate::html::Html;
use crate::query::View;

const TILES: [(View, &str, &str, &str); 4] = [
    (
        View::Loan,
        "tile-loan",
        "贷款测算",
        "能不能贷、每期还多少、贴息和垫付，六种还款方式对比。",
    ),
    (
        View::Check,
        "tile-check",
        "家庭自查",
        "回答几个问题，看看家里可能符合哪些帮扶政策、下一步找谁。",
    ),
    (
        View::Policy,
        "tile-policy",
        "政策解读",
        "用大白话讲清楚每项政策：谁能申请、能得到什么、怎么办。",
    ),
    (
        View::Households,
        "tile-households",
        "村干部：农户名单",
        "在手机上记下走访的农户和自查结果，可导出表格。",
    ),
];

pub fn home() -> dom::Screen {
    dom::page("home", html(), dom::no_events)
}

fn html() -> String {
    let mut h = Html::new();
    h.open("section", &[("class", "hero")])
        .leaf("h1", &[], "帮扶助手")
        .leaf(
            "p",
            &[],
            "帮农村家庭算清楚：帮扶小额信贷能不能贷、每月还多少、政府贴多少利息、要先垫多少钱。",
        )
        .leaf(
            "a",
            &[
                ("class", "button big"),
                ("id", "open-loan"),
                ("href", "?v=loan"),
                ("data-go", "loan"),
            ],
            "开始算贷款",
        )
        .close("section")
        .open("section", &[("class", "tiles"), ("aria-label", "功能")]);
    for (view, id, title, text) in TILES {
        let href = format!("?v={}", view.key());
        h.open(
            "a",
            &[
                ("class", "tile"),
                ("id", id),
                ("href", &href),
                ("data-go", view.key()),
            ],
        )
        .leaf("strong", &[], title)
        .text(text)
        .close("a");
    }
    h.close("section")
        .open("div", &[("class", "warning")])
        .leaf("strong", &[], "扶贫贷款不是扶贫款")
        .leaf(
            "p",
            &[],
            "贷款要按时还。逾期不还，不但没有贴息，还会留下不良信用记录，以后很难再贷款。",
        )
        .close("div");
    h.finish()
}
