//! The library's front page: a search box, the categories with their icons,
//! and every entry listed by category. While something is typed, the search
//! results replace the list.

use super::super::app::AppState;
use super::super::browser;
use super::super::dom::{self, Ev, Kind};
use super::icons::icon;
use super::{link, search, tile};
use crate::html::Html;
use crate::policy::{self, Category, GLOSSARY_ID, TIMELINE_ID};
use reactive_graph::prelude::*;
use reactive_graph::{
    computed::Memo,
    signal::{ArcRwSignal, RwSignal},
};

thread_local! {
    /// What was typed, kept for the whole visit: back from an entry returns
    /// to the same results (the page itself is rebuilt on every navigation).
    static QUERY: ArcRwSignal<String> = ArcRwSignal::new(String::new());
}

/// The library, after `notice` (a banner's text) if there is one.
pub fn page(notice: Option<&str>) -> dom::Screen {
    let query = RwSignal::from(QUERY.with(Clone::clone));
    let results = Memo::new(move |_| query.with(|q| policy::search(q)));
    let blank = move || query.with(|q| policy::is_blank(q));
    // The box follows the query when it changes other than by typing (a
    // suggestion, 清空, back to the page); while typing this changes nothing.
    dom::effect(move || {
        query.with(|q| {
            dom::set_value("policy-search", q);
            dom::show("clear-search", !q.is_empty());
        })
    });
    dom::effect(move || {
        let status = if blank() {
            String::new()
        } else {
            query.with(|q| results.with(|r| search::status(q, r)))
        };
        dom::set_text("search-count", &status);
    });
    dom::region("library", move || {
        if blank() {
            shelves()
        } else {
            results.with(search::results)
        }
    });
    dom::page("policy", html(notice), handle)
}

fn html(notice: Option<&str>) -> String {
    let mut h = Html::new();
    if let Some(text) = notice {
        h.leaf(
            "div",
            &[
                ("class", "banner warn"),
                ("role", "status"),
                ("id", "policy-not-found"),
            ],
            text,
        );
    }
    h.leaf("h1", &[], "政策解读")
        .leaf(
            "p",
            &[],
            "用大白话讲清楚每项政策：谁能申请、能得到什么、怎么申请、依据是什么。",
        )
        .open("div", &[("class", "search"), ("role", "search")])
        .leaf("label", &[("for", "policy-search")], "搜一搜")
        .open("div", &[("class", "with-unit")])
        .open(
            "input",
            &[
                ("id", "policy-search"),
                ("type", "search"),
                ("autocomplete", "off"),
                ("enterkeyhint", "search"),
                ("placeholder", "比如：五保、贷款、看病"),
            ],
        )
        .leaf(
            "button",
            &[
                ("class", "secondary"),
                ("id", "clear-search"),
                ("hidden", ""),
            ],
            "清空",
        )
        .close("div")
        .leaf("p", &[("role", "status"), ("id", "search-count")], "")
        .close("div")
        .leaf("div", &[("id", "library")], "");
    h.finish()
}

fn handle(_: AppState, ev: &Ev) {
    let set = |q: String| QUERY.with(|s| s.set(q));
    let find = |sel: &str| ev.target.closest(sel).ok().flatten();
    match ev.kind {
        // Chinese input methods send pinyin while composing; search the characters.
        Kind::Input if ev.id() == "policy-search" && !ev.composing() => set(ev.value()),
        Kind::Click if ev.id() == "clear-search" => set(String::new()),
        Kind::Click => {
            if let Some(b) = find("[data-query]") {
                set(b.get_attribute("data-query").unwrap_or_default());
                browser::scroll_to_top();
            } else if let Some(b) = find("[data-cat]") {
                let id = format!("cat-{}", b.get_attribute("data-cat").unwrap_or_default());
                if let Some(el) = dom::by_id(&id) {
                    el.scroll_into_view();
                }
            }
        }
        _ => {}
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
