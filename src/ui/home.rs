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
            <a
                class="tile"
                href="?v=loan"
                on:click=move |ev| {
                    ev.prevent_default();
                    app.go(View::Loan);
                }
            >
                <strong>"贷款测算"</strong>
                "能不能贷、每期还多少、贴息和垫付，六种还款方式对比。"
            </a>
            <div class="tile soon">
                <strong>"家庭自查"</strong>
                "看看家里可能符合哪些帮扶政策（正在制作）。"
            </div>
            <div class="tile soon">
                <strong>"政策解读"</strong>
                "用大白话讲清楚每项政策（正在制作）。"
            </div>
        </section>
        <div class="warning">
            <strong>"扶贫贷款不是扶贫款"</strong>
            <p>"贷款要按时还。逾期不还，不但没有贴息，还会留下不良信用记录，以后很难再贷款。"</p>
        </div>
    }
}
