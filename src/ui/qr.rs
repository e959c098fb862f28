//! The QR code of a share link, large enough to scan from another phone at
//! arm's length, with what the link is for written under it; printed, the
//! same page is an A4 poster for the village notice board (style.css,
//! `@media print`: no top bar, no buttons). The code is always of this page's
//! own address (`query::qr_target`), never of another site.

use super::browser;
use super::state::{use_app, PackState};
use crate::policy::{self, GLOSSARY_ID, TIMELINE_ID};
use crate::qr;
use crate::query::{self, View};
use leptos::prelude::*;

/// What the link opens, in a few words (the poster's title).
fn purpose(view: View, target: &str, policy_id: Option<&str>, pack_ready: bool) -> String {
    match view {
        View::Loan => "贷款测算".into(),
        View::Check if target.contains("&r=") => "家庭自查结果".into(),
        View::Check => "家庭自查".into(),
        View::Households => "农户名单".into(),
        View::Village => "村情汇总".into(),
        View::Policy => match policy_id {
            None => "政策解读".into(),
            Some(GLOSSARY_ID) => "政策解读：名词解释".into(),
            Some(TIMELINE_ID) => "政策解读：小额信贷大事记".into(),
            Some(id) => match pack_ready.then(|| policy::entry(id)).flatten() {
                Some(e) => format!("政策解读：{}", e.title),
                None => "政策解读".into(),
            },
        },
        View::Local => "本地数字".into(),
        View::Risk => "风险补偿金测算".into(),
        View::Home | View::Qr => "帮扶助手首页".into(),
    }
}

/// Two plain lines on what the page does, for the poster.
fn lines(view: View, shared_answers: bool) -> [&'static str; 2] {
    match view {
        View::Loan => [
            "算一算帮扶小额信贷：能不能贷、每月还多少、政府贴多少利息、要先垫多少钱。",
            "数字已经填好，可以改成自己家的再算。",
        ],
        View::Check if shared_answers => [
            "这是一户人家的自查结果：可能符合哪些帮扶政策、下一步找谁。",
            "里面有这家的回答，只给本户和帮扶干部看，不要贴在公开栏。",
        ],
        View::Village => [
            "村里农户的汇总：各风险、各项政策的户数，要去走访的农户。",
            "数字来自这部手机上的农户名单，只给帮扶干部看。",
        ],
        View::Check | View::Households => [
            "回答几个问题，看看家里可能符合哪些帮扶政策、下一步找谁。",
            "回答只存在自己的手机上，不上传。",
        ],
        View::Policy => [
            "用大白话讲清楚这项政策：谁能申请、能得到什么、怎么办、要带什么。",
            "以当地最新文件和有关部门的答复为准。",
        ],
        View::Local => [
            "本县的监测线、低保标准和贷款条件：扫码打开后，点“使用这些本地数字”。",
            "链接里只有数字和文件名，没有任何一户人家的信息。",
        ],
        View::Risk => [
            "风险补偿基金能撬动多少贷款、不良贷款的损失政府和银行各担多少、基金够不够用。",
            "数字可以改成本县的再算。",
        ],
        View::Home | View::Qr => [
            "贷款测算、家庭自查、政策解读，用手机就能看。",
            "填的内容只存在自己的手机上，不上传。",
        ],
    }
}

/// The code as one SVG path on a white square (the quiet zone included), so
/// it scans on any background and prints as crisp squares.
#[component]
fn Code(link: String, label: Memo<String>) -> impl IntoView {
    match qr::draw(&link) {
        Some(d) => {
            let view_box = format!("0 0 {0} {0}", d.size);
            leptos::either::Either::Left(view! {
                <svg
                    id="qr-code"
                    class="qr"
                    viewBox=view_box
                    role="img"
                    aria-label=move || format!("二维码：{}", label.get())
                    shape-rendering="crispEdges"
                >
                    <rect width=d.size height=d.size fill="#fff"></rect>
                    <path d=d.path fill="#000"></path>
                </svg>
            })
        }
        None => leptos::either::Either::Right(view! {
            <p class="banner bad" role="alert">
                "这个链接太长，做不成二维码。请回去用“复制链接”发送。"
            </p>
        }),
    }
}

/// The QR screen and poster for the link `target` (a query string, `None`
/// for the home page).
#[component]
pub fn QrPage(target: Option<String>) -> impl IntoView {
    let app = use_app();
    // Which policy ids have a page is in the content pack; until it is in,
    // an entry's code holds its old link, which index.html sends to the page.
    let has_page = move |id: &str| app.pack.get() == PackState::Ready && policy::has_page(id);
    let target_now = target.clone();
    let link = Memo::new(move |_| {
        let (_, to) = query::qr_target(target_now.as_deref(), app.today, has_page);
        if to.is_empty() || to.starts_with('?') {
            browser::absolute_link(&to)
        } else {
            browser::absolute_beside(&to)
        }
    });
    let (view, query) = query::qr_target(target.as_deref(), app.today, |_| false);
    let parsed = query::parse_query(&query, app.today);
    // A policy entry's title is in the content pack: fetched (from the
    // service worker's cache, usually) only for a policy link.
    if view == View::Policy
        && parsed.policy_id.is_some()
        && app.pack.get_untracked() == PackState::NotYet
    {
        super::policy::loading::start(app);
    }
    let shared_answers = parsed.shared_check.is_some();
    let policy_id = parsed.policy_id.clone();
    let q = query.clone();
    let title = Memo::new(move |_| {
        purpose(
            view,
            &q,
            policy_id.as_deref(),
            app.pack.get() == PackState::Ready,
        )
    });
    let [line1, line2] = lines(view, shared_answers);
    // Back to what the code is for: a policy page by its path.
    let back = match target.as_deref().and_then(query::page_id) {
        Some(id) => query::page_path(id),
        None if query.is_empty() => "?v=home".to_string(),
        None => query,
    };
    view! {
        <div class="qr-page">
            <h1 id="qr-title">{move || title.get()}</h1>
            <p class="qr-lines">{line1}</p>
            {shared_answers
                .then(|| {
                    view! {
                        <p class="banner warn no-print" id="qr-privacy">
                            "注意：这个二维码里有这家的回答（收入、疾病等）。只给信得过的人扫，不要打印贴出去。"
                        </p>
                    }
                })}
            {move || view! { <Code link=link.get() label=title/> }}
            <p class="qr-scan">"用微信“扫一扫”或手机相机扫这个码"</p>
            <p class="qr-lines">{line2}</p>
            <p class="qr-date">{format!("日期：{}", app.today.chinese())}</p>
            <p class="src no-print" id="qr-link">{move || link.get()}</p>
            <div class="nav-buttons no-print">
                <a class="button secondary" id="qr-back" href=back>
                    "返回"
                </a>
                <button type="button" id="qr-print" on:click=move |_| browser::print()>
                    "打印海报"
                </button>
            </div>
        </div>
    }
}
