//! The home screen: what the app does, and the way in. The tiles are real
//! links, so long-press and new tabs work too.

use super::links::Go;
use crate::query::View;
use leptos::prelude::*;

/// (screen, tile id, title, what it does).
const TILES: [(View, &str, &str, &str); 7] = [
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
    (
        View::Local,
        "tile-local",
        "村干部：本地数字",
        "填一次本县的监测线、低保标准和贷款条件，发链接给大家用。",
    ),
    (
        View::Risk,
        "tile-risk",
        "县乡干部：风险补偿金测算",
        "基金放大几倍、政府和银行怎么分担，基金够不够用。",
    ),
    (
        View::Qr,
        "home-qr",
        "二维码和海报",
        "让别人用手机扫码打开帮扶助手，或打印出来贴在村务公开栏。",
    ),
];

#[component]
pub fn Home(
    /// The 申报以后 card, for a phone with declarations (its code comes
    /// with the self-check's file: `ui::app::open`).
    card: Option<AnyView>,
) -> impl IntoView {
    view! {
        <div class="home">
            {card}
            <section class="hero">
                <h1>"帮扶助手"</h1>
                <p>
                    "帮农村家庭算清楚：帮扶小额信贷能不能贷、每月还多少、政府贴多少利息、要先垫多少钱。"
                </p>
                <Go to=View::Loan id="open-loan" class="button big">
                    "开始算贷款"
                </Go>
            </section>
            <section class="tiles" aria-label="功能">
                {TILES
                    .into_iter()
                    .map(|(to, id, title, text)| {
                        view! {
                            <Go to id class="tile">
                                <strong>{title}</strong>
                                {text}
                            </Go>
                        }
                    })
                    .collect_view()}
            </section>
            <div class="warning">
                <strong>"扶贫贷款不是扶贫款"</strong>
                <p>"贷款要按时还。逾期不还，不但没有贴息，还会留下不良信用记录，以后很难再贷款。"</p>
            </div>
        </div>
    }
}
