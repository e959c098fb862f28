//! The library's front page: a search box, the categories with their icons,
//! and every entry listed by category. While something is typed, the search
//! results replace the list.

use super::icons::icon;
use super::{delegate, link, search, tile};
use crate::html::Html;
use crate::policy::{self, Category, GLOSSARY_ID, TIMELINE_ID};
use leptos::prelude::*;

thread_local! {
    /// What was typed, kept for the whole visit: back from an entry returns
    /// to the same results (the page itself is rebuilt on every navigation).
    static QUERY: ArcRwSignal<String> = ArcRwSignal::new(String::new());
}

#[component]
pub fn Library() -> impl IntoView {
    let query = RwSignal::from(QUERY.with(Clone::clone));
    // Chinese input methods send pinyin while composing; search the characters.
    let composing = RwSignal::new(false);
    let results = Memo::new(move |_| query.with(|q| policy::search(q)));
    let blank = move || query.with(|q| policy::is_blank(q));
    view! {
        <h1>"政策解读"</h1>
        <p>"用大白话讲清楚每项政策：谁能申请、能得到什么、怎么申请、依据是什么。"</p>
        <div class="search" role="search">
            <label for="policy-search">"搜一搜"</label>
            <div class="with-unit">
                <input
                    id="policy-search"
                    type="search"
                    autocomplete="off"
                    enterkeyhint="search"
                    placeholder="比如：五保、贷款、看病"
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        if !composing.get_untracked() {
                            query.set(event_target_value(&ev));
                        }
                    }
                    on:compositionstart=move |_| composing.set(true)
                    on:compositionend=move |ev| {
                        composing.set(false);
                        query.set(event_target_value(&ev));
                    }
                />
                <button
                    class="secondary"
                    id="clear-search"
                    hidden=move || query.with(String::is_empty)
                    on:click=move |_| query.set(String::new())
                >
                    "清空"
                </button>
            </div>
            <p role="status" id="search-count">
                {move || if blank() { String::new() } else { query.with(|q| results.with(|r| search::status(q, r))) }}
            </p>
        </div>
        <div
            id="library"
            inner_html=move || if blank() { shelves() } else { results.with(search::results) }
            on:click=delegate(Some(query))
        ></div>
    }
}

/// Every entry, grouped by category, with the categories as a table of
/// contents on top.
fn shelves() -> String {
    let mut h = Html::new();
    h.open(
        "nav",
        &[
            ("class", "cats"),
            ("aria-label", "分类"),
            ("id", "categories"),
        ],
    );
    for c in Category::ALL {
        h.open(
            "button",
            &[("type", "button"), ("class", "cat"), ("data-cat", c.key())],
        )
        .trusted(icon(c))
        .leaf("span", &[], c.label())
        .leaf(
            "span",
            &[("class", "count")],
            &c.entries().count().to_string(),
        )
        .close("button");
    }
    h.close("nav").open("p", &[("class", "more")]);
    link(
        &mut h,
        Some(TIMELINE_ID),
        "button secondary",
        "小额信贷大事记",
    );
    link(&mut h, Some(GLOSSARY_ID), "button secondary", "名词解释");
    h.close("p");
    for c in Category::ALL {
        let id = format!("cat-{}", c.key());
        h.open(
            "section",
            &[("class", "shelf"), ("id", &id), ("aria-label", c.label())],
        )
        .open("h2", &[])
        .trusted(icon(c))
        .text(c.label())
        .close("h2")
        .open("div", &[("class", "tiles")]);
        for e in c.entries() {
            tile(&mut h, e);
        }
        h.close("div").close("section");
    }
    h.finish()
}
