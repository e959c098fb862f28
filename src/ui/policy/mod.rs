//! 政策解读 pages: the library (search, categories, list), one entry, the
//! glossary and the timeline. Which one shows is `?v=policy&id=…`, kept in
//! `AppState::policy_id`; every link here is a real `href` (long-press and
//! copy work) that opens in place through `AppState::open_policy`, so back and
//! forward walk through what was read.

mod entry;
mod glossary;
mod icons;
mod library;
mod search;
mod timeline;

use super::app::use_app;
use super::browser;
use crate::policy::{self, GLOSSARY_ID, TIMELINE_ID};
use crate::query::percent_encode;
use leptos::html::Input;
use leptos::prelude::*;
use std::ops::Range;

#[component]
pub fn PolicyPage() -> impl IntoView {
    let app = use_app();
    move || {
        match app.policy_id.get() {
        None => view! { <library::Library/> }.into_any(),
        Some(id) if id == GLOSSARY_ID => view! { <glossary::GlossaryPage/> }.into_any(),
        Some(id) if id == TIMELINE_ID => view! { <timeline::TimelinePage/> }.into_any(),
        Some(id) => match policy::entry(&id) {
            Some(e) => view! { <entry::EntryPage entry=e/> }.into_any(),
            None => view! {
                <h1>"政策解读"</h1>
                <div class="banner warn" role="status" id="policy-not-found">
                    {format!("没有找到编号为“{}”的政策，可能是链接不完整。下面是全部政策：", crate::form::short(&id))}
                </div>
                <library::Library/>
            }
            .into_any(),
        },
    }
    }
}

/// The link to a page of the library (`None` = the library itself).
pub fn href(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("?v=policy&id={}", percent_encode(id)),
        None => "?v=policy".to_string(),
    }
}

/// The click handler of a link to a page of the library: opens it in place,
/// as a new history entry (the `href` still works for long-press and copy).
pub fn open(id: Option<&'static str>) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    let app = use_app();
    move |ev| {
        ev.prevent_default();
        app.open_policy(id);
    }
}

/// A text link to a page of the library. Text only, so every use shares one
/// compiled component (element children would compile a copy per use).
#[component]
pub fn PolicyLink(
    id: Option<&'static str>,
    #[prop(into)] text: String,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] elem_id: &'static str,
) -> impl IntoView {
    view! {
        <a class=class id=(!elem_id.is_empty()).then_some(elem_id) href=href(id) on:click=open(id)>
            {text}
        </a>
    }
}

/// `text` with the byte ranges in `marks` wrapped in `<mark>`. Ranges that do
/// not fit the text are skipped, never a panic.
pub fn marked(text: &'static str, marks: &[Range<usize>]) -> impl IntoView {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        if !before.is_empty() {
            out.push(before.into_any());
        }
        out.push(view! { <mark>{hit}</mark> }.into_any());
        at = r.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        out.push(rest.into_any());
    }
    out.collect_view()
}

/// The share card: the page's link, a copy button, and what happened.
#[component]
pub fn ShareLink(id: &'static str) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let copied = RwSignal::new(None::<bool>);
    let link = browser::absolute_link(&href(Some(id)));
    view! {
        <section class="card copy" aria-labelledby="policy-share-title">
            <h2 id="policy-share-title">"把这一条发给别人"</h2>
            <input id="policy-link" node_ref=input readonly prop:value=link aria-label="这一条的链接"/>
            <button
                id="copy-policy-link"
                on:click=move |_| copied.set(input.get().map(|i| browser::copy_from(&i)))
            >
                "复制链接"
            </button>
            <p role="status" id="policy-copy-status">
                {move || match copied.get() {
                    Some(true) => "已复制，可以粘贴到微信里发送。",
                    Some(false) => "没能自动复制，请长按上面的链接，选“复制”。",
                    None => "",
                }}
            </p>
        </section>
    }
}
