//! Search results with the matching words marked, and the answer when
//! nothing matches: other words to try, the categories, and the entries
//! people read most.

use super::icons::Icon;
use super::library::tile;
use super::{href, marked, open, PolicyLink};
use crate::policy::{self, Category, Results};
use leptos::prelude::*;

#[component]
pub fn SearchResults(results: Memo<Results>, query: RwSignal<String>) -> impl IntoView {
    move || {
        let r = results.get();
        if r.hits.is_empty() {
            return view! { <NoMatch query/> }.into_any();
        }
        let heading = if r.guessed {
            "没有完全对上的，您可能想找：".to_string()
        } else {
            format!("找到 {} 条：", r.hits.len())
        };
        view! {
            <p role="status" id="search-count">{heading}</p>
            <div class="tiles" id="search-results">
                {r
                    .hits
                    .into_iter()
                    .map(|h| {
                        let why = h.because.clone().map(|(word, marks)| {
                            let label = if word == h.entry.category.label() { "分类：" } else { "相关词：" };
                            view! { <span class="why">{label} {marked(word, &marks)}</span> }
                        });
                        view! {
                            <a class="tile hit" href=href(Some(h.entry.id)) on:click=open(Some(h.entry.id))>
                                <strong>{marked(h.entry.title, &h.title)}</strong>
                                {marked(h.entry.summary, &h.summary)}
                                {why}
                            </a>
                        }
                    })
                    .collect_view()}
            </div>
        }
        .into_any()
    }
}

/// Nothing found: say so plainly, then offer ways in.
#[component]
fn NoMatch(query: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="banner info" role="status" id="no-match">
            <p>
                <strong>{move || format!("没有找到和“{}”有关的政策。", crate::form::short(query.get().trim()))}</strong>
            </p>
            <p>"换个简单的词试试，比如“看病”“上学”“贷款”“低保”；也可以按下面的分类找，或者问村干部。"</p>
        </div>
        <h2>"按分类找"</h2>
        <div class="cats">
            {Category::ALL
                .iter()
                .map(|&c| {
                    view! {
                        <button type="button" class="cat" on:click=move |_| query.set(c.label().to_string())>
                            <Icon category=c/>
                            <span>{c.label()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
        <h2>"大家常看的"</h2>
        <div class="tiles" id="popular">{policy::popular().map(tile).collect_view()}</div>
        <p>
            <PolicyLink id=Some(policy::GLOSSARY_ID) text="看不懂某个词？看名词解释"/>
        </p>
    }
}
