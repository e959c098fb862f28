//! The home screen: what the app does, and the way in.

use super::app::use_app;
use crate::query::View;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="hero">
            <h1>"帮扶助手"</h1>
            <p>"帮农村家庭算清楚：帮扶小额信贷能不能贷、每月还多少、政府贴多少利息、要先垫多少钱。"</p>
            <button class="big" id="open-loan" on:click=move |_| app.go(View::Loan)>
                "开始算贷款"
            </button>
        </section>
        <section class="tiles" aria-label="功能">
            <Tile view=View::Loan id="tile-loan" title="贷款测算" text="能不能贷、每期还多少、贴息和垫付，六种还款方式对比。"/>
            <Tile view=View::Check id="tile-check" title="家庭自查" text="回答几个问题，看看家里可能符合哪些帮扶政策、下一步找谁。"/>
            <Tile view=View::Policy id="tile-policy" title="政策解读" text="用大白话讲清楚每项政策：谁能申请、能得到什么、怎么办。"/>
            <Tile view=View::Households id="tile-households" title="村干部：农户名单" text="在手机上记下走访的农户和自查结果，可导出表格。"/>
        </section>
        <div class="warning">
            <strong>"扶贫贷款不是扶贫款"</strong>
            <p>"贷款要按时还。逾期不还，不但没有贴息，还会留下不良信用记录，以后很难再贷款。"</p>
        </div>
    }
}

/// A link to a screen that also works as a plain link (long-press, new tab).
#[component]
fn Tile(view: View, id: &'static str, title: &'static str, text: &'static str) -> impl IntoView {
    let app = use_app();
    view! {
        <a
            class="tile"
            id=id
            href=format!("?v={}", view.key())
            on:click=move |ev| {
                ev.prevent_default();
                if view == View::Policy {
                    app.open_policy(None);
                } else {
                    app.go(view);
                }
            }
        >
            <strong>{title}</strong>
            {text}
        </a>
    }
}
