//! The library's front page: a search box, the categories with their icons,
//! and every entry listed by category. While something is typed, the search
//! results replace the list; when nothing matches, other ways in are offered.

use super::icons::Icon;
use super::{marked, Tile};
use crate::policy::{self, Category, Hit, Results, GLOSSARY_ID, TIMELINE_ID};
use crate::ui::browser;
use crate::ui::fields::TypedInput;
use crate::ui::links::PolicyLink;
use crate::ui::state::use_app;
use leptos::either::Either;
use leptos::html::Section;
use leptos::prelude::*;

/// Where the search typed is kept for this tab (sessionStorage).
const SEARCH_KEY: &str = "bangfu.policy-search";

/// The library, after `notice` (a banner's text) if there is one.
#[component]
pub fn Library(notice: Option<String>) -> impl IntoView {
    // Kept in the app's state, not here: coming back builds this page again
    // and must show the same results. An entry is a page of its own, so back
    // from it loads the app again: the search is kept for this tab too.
    let query = use_app().policy_query;
    if query.with_untracked(String::is_empty) {
        if let Some(q) = browser::session_get(SEARCH_KEY) {
            query.set(q);
        }
    }
    Effect::new(move |_| query.with(|q| browser::session_set(SEARCH_KEY, q)));
    let results = Memo::new(move |_| query.with(|q| policy::search(q)));
    let blank = Memo::new(move |_| query.with(|q| policy::is_blank(q)));
    let status = move || {
        if blank.get() {
            String::new()
        } else {
            query.with(|q| results.with(|r| status(q, r)))
        }
    };
    let body = move || {
        if blank.get() {
            Either::Left(view! { <Shelves/> })
        } else {
            Either::Right(view! { <Found results/> })
        }
    };
    view! {
        {notice
            .map(|text| {
                view! {
                    <div class="banner warn" role="status" id="policy-not-found">
                        {text}
                    </div>
                }
            })}
        <h1>"政策解读"</h1>
        <p>"用大白话讲清楚每项政策：谁能申请、能得到什么、怎么申请、依据是什么。"</p>
        <div class="search" role="search">
            <label for="policy-search">"搜一搜"</label>
            <div class="with-unit">
                <TypedInput
                    id="policy-search".to_string()
                    value=query
                    on_text=Callback::new(move |q| query.set(q))
                    placeholder="比如：五保、贷款、看病"
                    search=true
                />
                <button
                    type="button"
                    class="secondary"
                    id="clear-search"
                    hidden=move || query.with(String::is_empty)
                    on:click=move |_| query.set(String::new())
                >
                    "清空"
                </button>
            </div>
            <p role="status" id="search-count">
                {status}
            </p>
        </div>
        <div id="library">{body}</div>
    }
}

/// The one line a screen reader announces as results change.
fn status(query: &str, r: &Results) -> String {
    if r.hits.is_empty() {
        format!("没有找到和“{}”有关的政策。", crate::form::short(query))
    } else if r.guessed {
        "没有完全对上的，您可能想找：".to_string()
    } else {
        format!("找到 {} 条：", r.hits.len())
    }
}

/// Every entry, grouped by category, with the categories as a table of
/// contents on top.
#[component]
fn Shelves() -> impl IntoView {
    let shelves: [NodeRef<Section>; 7] = std::array::from_fn(|_| NodeRef::new());
    let contents = Category::ALL
        .iter()
        .zip(shelves)
        .map(|(&c, shelf)| {
            let show = move |_| {
                if let Some(s) = shelf.get() {
                    s.scroll_into_view();
                }
            };
            view! {
                <button type="button" class="cat" on:click=show>
                    <Icon c/>
                    <span>{c.label()}</span>
                    <span class="count">{c.entries().count()}</span>
                </button>
            }
        })
        .collect_view();
    let lists = Category::ALL
        .iter()
        .zip(shelves)
        .map(|(&c, shelf)| {
            view! {
                <section
                    class="shelf"
                    id=format!("cat-{}", c.key())
                    aria-label=c.label()
                    node_ref=shelf
                >
                    <h2>
                        <Icon c/>
                        {c.label()}
                    </h2>
                    <div class="tiles">
                        {c.entries().map(|e| view! { <Tile e/> }).collect_view()}
                    </div>
                </section>
            }
        })
        .collect_view();
    view! {
        <nav class="cats" aria-label="分类" id="categories">
            {contents}
        </nav>
        <p class="more">
            <PolicyLink id=TIMELINE_ID.to_string() class="button secondary">
                "小额信贷大事记"
            </PolicyLink>
            <PolicyLink id=GLOSSARY_ID.to_string() class="button secondary">
                "名词解释"
            </PolicyLink>
        </p>
        {lists}
    }
}

/// The entries found, with the words that matched marked; or, when nothing
/// matched, ways in that always work.
#[component]
fn Found(results: Memo<Results>) -> impl IntoView {
    let none = Memo::new(move |_| results.with(|r| r.hits.is_empty()));
    move || {
        if none.get() {
            Either::Left(view! { <NoMatch/> })
        } else {
            // A hit's key is everything it shows: a tile whose marks did not
            // change stays on the page while the query grows.
            Either::Right(view! {
                <div class="tiles" id="search-results">
                    <For
                        each=move || results.with(|r| r.hits.clone())
                        key=|h| (h.entry.id, h.title.clone(), h.summary.clone(), h.because.clone())
                        let:hit
                    >
                        <HitTile hit/>
                    </For>
                </div>
            })
        }
    }
}

#[component]
fn HitTile(hit: Hit) -> impl IntoView {
    let e = hit.entry;
    let why = hit.because.map(|(word, marks)| {
        let label = if word == e.category.label() {
            "分类："
        } else {
            "相关词："
        };
        view! { <span class="why">{label} {marked(word, &marks)}</span> }
    });
    view! {
        <PolicyLink id=e.id.to_string() class="tile hit">
            <strong>{marked(e.title, &hit.title)}</strong>
            {marked(e.summary, &hit.summary)}
            {why}
        </PolicyLink>
    }
}

/// Nothing found: other words, the categories (each searches itself), the
/// entries people read most, and the glossary.
#[component]
fn NoMatch() -> impl IntoView {
    let query = use_app().policy_query;
    let cats = Category::ALL
        .iter()
        .map(|&c| {
            let search = move |_| {
                query.set(c.label().to_string());
                browser::scroll_to_top();
            };
            view! {
                <button type="button" class="cat" on:click=search>
                    <Icon c/>
                    <span>{c.label()}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="banner info" id="no-match">
            <p>
                "换个简单的词试试，比如“看病”“上学”“贷款”“低保”；也可以按下面的分类找，或者问村干部。"
            </p>
        </div>
        <h2>"按分类找"</h2>
        <div class="cats">{cats}</div>
        <h2>"大家常看的"</h2>
        <div class="tiles" id="popular">
            {policy::popular().map(|e| view! { <Tile e/> }).collect_view()}
        </div>
        <p>
            <PolicyLink id=GLOSSARY_ID.to_string()>"看不懂某个词？看名词解释"</PolicyLink>
        </p>
    }
}
