//! The library's front page: a search box, the categories with their icons,
//! and every entry listed by category. While something is typed, the search
//! results replace the list.

use super::icons::Icon;
use super::search::SearchResults;
use super::{href, open, PolicyLink};
use crate::policy::{self, Category, Entry, GLOSSARY_ID, TIMELINE_ID};
use leptos::prelude::*;

thread_local! {
    /// What was typed, kept for the whole visit: back from an entry returns
    /// to the same results (the page itself is rebuilt on every navigation).
    static QUERY: ArcRwSignal<String> = ArcRwSignal::new(String::new());
}

/// An entry as a tappable card: title and one-line summary.
pub fn tile(e: &'static Entry) -> impl IntoView {
    view! {
        <a class="tile" href=href(Some(e.id)) on:click=open(Some(e.id))>
            <strong>{e.title}</strong>
            {e.summary}
        </a>
    }
}

#[component]
pub fn Library() -> impl IntoView {
    let query = RwSignal::from(QUERY.with(Clone::clone));
    // Chinese input methods send pinyin while composing; search the characters.
    let composing = RwSignal::new(false);
    let results = Memo::new(move |_| query.with(|q| policy::search(q)));
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
                <Show when=move || !query.with(|q| q.is_empty())>
                    <button class="secondary" id="clear-search" on:click=move |_| query.set(String::new())>
                        "清空"
                    </button>
                </Show>
            </div>
        </div>
        {move || {
            if query.with(|q| policy::is_blank(q)) {
                view! { <Shelves/> }.into_any()
            } else {
                view! { <SearchResults results query/> }.into_any()
            }
        }}
    }
}

/// Scrolls to a category's list.
fn show_category(c: Category) {
    if let Some(el) = super::super::browser::document()
        .and_then(|d| d.get_element_by_id(&format!("cat-{}", c.key())))
    {
        el.scroll_into_view();
    }
}

/// Every entry, grouped by category, with the categories as a table of
/// contents on top.
#[component]
fn Shelves() -> impl IntoView {
    view! {
        <nav class="cats" aria-label="分类" id="categories">
            {Category::ALL
                .iter()
                .map(|&c| {
                    view! {
                        <button type="button" class="cat" on:click=move |_| show_category(c)>
                            <Icon category=c/>
                            <span>{c.label()}</span>
                            <span class="count">{c.entries().count()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </nav>
        <p class="more">
            <PolicyLink id=Some(TIMELINE_ID) class="button secondary" elem_id="open-timeline" text="小额信贷大事记"/>
            <PolicyLink id=Some(GLOSSARY_ID) class="button secondary" elem_id="open-glossary" text="名词解释"/>
        </p>
        {Category::ALL
            .iter()
            .map(|&c| {
                view! {
                    <section class="shelf" id=format!("cat-{}", c.key()) aria-label=c.label()>
                        <h2>
                            <Icon category=c/>
                            {c.label()}
                        </h2>
                        <div class="tiles">{c.entries().map(tile).collect_view()}</div>
                    </section>
                }
            })
            .collect_view()}
    }
}
