//! 小额信贷大事记: how the micro-loan policy changed from 2014 to 2026, so a
//! reader can place the loan a neighbour had in 2017 next to the one offered
//! today.

use super::link;
use crate::html::Html;
use crate::policy;

pub fn page() -> String {
    let mut h = Html::new();
    h.open("p", &[("class", "crumbs")]);
    link(&mut h, None, "", "‹ 政策解读");
    h.close("p")
        .leaf("h1", &[], "小额信贷大事记（2014–2026）")
        .leaf("p", &[], "从扶贫小额信贷到帮扶小额信贷，每一步改了什么。")
        .open("ol", &[("class", "timeline"), ("id", "timeline")]);
    for ev in policy::timeline() {
        h.open("li", &[])
            .leaf("span", &[("class", "when")], ev.when)
            .leaf("strong", &[], ev.title)
            .leaf("p", &[], ev.text)
            .open("p", &[("class", "src")])
            .text("依据：")
            .text(ev.source);
        if !ev.verified {
            h.leaf("span", &[("class", "tag")], "未核实原文");
        }
        h.close("p");
        if let Some(e) = ev.entry.and_then(policy::entry) {
            link(&mut h, Some(e.id), "", &format!("看：{}", e.title));
        }
        h.close("li");
    }
    h.close("ol");
    h.finish()
}
