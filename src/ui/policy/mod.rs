//! 政策解读 pages: the library (search, categories, list), one entry, the
//! glossary and the timeline. Which one shows is `?v=policy&id=…`, kept in
//! `AppState::policy_id`.
//!
//! The long static text is written as escaped HTML ([`crate::html`]) into a
//! few containers, each with one delegated click handler ([`delegate`]):
//! links carry `data-open`, glossary terms `data-term`, suggestion buttons
//! `data-query`, category buttons `data-cat`. As Leptos views the same pages
//! cost several times more WebAssembly. Interactive parts (search box,
//! read-aloud, loan button, share card) stay Leptos components.

mod entry;
pub mod glossary;
mod icons;
mod library;
mod search;
mod timeline;

use super::app::use_app;
use super::browser;
use crate::html::Html;
use crate::policy::{self, Entry, Piece, GLOSSARY_ID, TIMELINE_ID};
use crate::query::percent_encode;
use leptos::prelude::*;
use std::ops::Range;
use wasm_bindgen::JsCast;

#[component]
pub fn PolicyPage() -> impl IntoView {
    let app = use_app();
    move || {
        match app.policy_id.get() {
        None => view! { <library::Library/> }.into_any(),
        Some(id) if id == GLOSSARY_ID => view! { <Static html=glossary::page()/> }.into_any(),
        Some(id) if id == TIMELINE_ID => view! { <Static html=timeline::page()/> }.into_any(),
        Some(id) => match policy::entry(&id) {
            Some(e) => view! { <entry::EntryPage entry=e/> }.into_any(),
            None => view! {
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

/// A link to a page of the library; [`delegate`] opens it in place.
pub fn link(h: &mut Html, id: Option<&str>, class: &str, text: &str) {
    h.leaf(
        "a",
        &[
            ("class", class),
            ("href", &href(id)),
            ("data-open", id.unwrap_or("")),
        ],
        text,
    );
}

/// An entry as a card: title and one-line summary.
pub fn tile(h: &mut Html, e: &Entry) {
    h.open(
        "a",
        &[
            ("class", "tile"),
            ("href", &href(Some(e.id))),
            ("data-open", e.id),
        ],
    )
    .leaf("strong", &[], e.title)
    .text(e.summary)
    .close("a");
}

/// `text` with the byte ranges in `marks` wrapped in `<mark>`; a range that
/// does not fit the text is skipped, never a panic.
pub fn marked(h: &mut Html, text: &str, marks: &[Range<usize>]) {
    let mut at = 0;
    for r in marks {
        if let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.clone())) {
            h.text(before).leaf("mark", &[], hit);
            at = r.end;
        }
    }
    h.text(text.get(at..).unwrap_or(""));
}

/// A sentence with its glossary terms as buttons (see [`policy::linked`]).
pub fn linked(h: &mut Html, pieces: &[Piece]) {
    for p in pieces {
        match *p {
            Piece::Text(t) => {
                h.text(t);
            }
            Piece::Term(word, term) => {
                let i = policy::glossary()
                    .iter()
                    .position(|t| std::ptr::eq(t, term))
                    .unwrap_or(0)
                    .to_string();
                // A link, not a <button>: it wraps with the sentence, and
                // without the handler it still leads to the glossary.
                h.leaf(
                    "a",
                    &[
                        ("class", "term"),
                        ("role", "button"),
                        ("aria-expanded", "false"),
                        ("href", &href(Some(GLOSSARY_ID))),
                        ("data-term", &i),
                    ],
                    word,
                );
            }
        }
    }
}

/// Static markup with the library's click handling. `here` is the entry it
/// shows, if any, so a definition does not link back to the same page.
#[component]
pub fn Static(html: String, #[prop(optional)] here: &'static str) -> impl IntoView {
    view! { <div data-here=here inner_html=html on:click=delegate(None)></div> }
}

/// One click handler for a container of written markup.
pub fn delegate(query: Option<RwSignal<String>>) -> impl Fn(leptos::ev::MouseEvent) + 'static {
    let app = use_app();
    move |ev| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let find = |sel: &str| target.closest(sel).ok().flatten();
        if let Some(b) = find("[data-term]") {
            ev.prevent_default();
            glossary::toggle(&b);
        } else if let Some(a) = find("[data-open]") {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                return; // a new tab, as the browser would
            }
            ev.prevent_default();
            let id = a.get_attribute("data-open").unwrap_or_default();
            app.open_policy((!id.is_empty()).then_some(id.as_str()));
        } else if let (Some(b), Some(q)) = (find("[data-query]"), query) {
            q.set(b.get_attribute("data-query").unwrap_or_default());
            browser::scroll_to_top();
        } else if let Some(b) = find("[data-cat]") {
            let id = format!("cat-{}", b.get_attribute("data-cat").unwrap_or_default());
            if let Some(el) = browser::document().and_then(|d| d.get_element_by_id(&id)) {
                el.scroll_into_view();
            }
        }
    }
}

/// The share card: the page's link, a copy button, and what happened.
#[component]
pub fn ShareLink(id: &'static str) -> impl IntoView {
    let link = browser::absolute_link(&href(Some(id)));
    view! {
        <section class="card copy" aria-labelledby="policy-share-title">
            <h2 id="policy-share-title">"把这一条发给别人"</h2>
            {super::copy_box::view(("policy-link", "copy-policy-link", "policy-copy-status"), "这一条的链接", &link)}
        </section>
    }
}
