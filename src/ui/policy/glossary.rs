//! Glossary terms inside entry text, and the glossary page. A term is a
//! button in the sentence; tapping it opens its definition right below the
//! sentence (no popover to position or dismiss on a small screen), tapping
//! again closes it.

use super::PolicyLink;
use crate::policy::{self, Piece, Term};
use leptos::prelude::*;

/// One sentence whose glossary terms can be tapped (`pieces` from
/// [`policy::linked`]). `here` is the entry being read, so a definition does
/// not offer a link back to the same page.
#[component]
pub fn Linked(pieces: Vec<Piece>, #[prop(optional)] here: &'static str) -> impl IntoView {
    let open = RwSignal::new(None::<&'static Term>);
    let is_open = move |t: &'static Term| open.get().is_some_and(|o| std::ptr::eq(o, t));
    let words = pieces
        .into_iter()
        .map(|p| match p {
            Piece::Text(text) => text.into_any(),
            Piece::Term(word, term) => view! {
                <button
                    type="button"
                    class="term"
                    aria-expanded=move || if is_open(term) { "true" } else { "false" }
                    on:click=move |_| {
                        open.update(|o| *o = if o.is_some_and(|x| std::ptr::eq(x, term)) { None } else { Some(term) })
                    }
                >
                    {word}
                </button>
            }
            .into_any(),
        })
        .collect_view();
    view! {
        {words}
        {move || {
            open.get()
                .map(|t| {
                    view! {
                        <span class="term-def" role="note">
                            <strong>{t.term}</strong>
                            "：" {t.definition}
                            <span class="src">"出处：" {t.source}</span>
                            {t
                                .entry
                                .filter(|id| *id != here)
                                .and_then(policy::entry)
                                .map(|e| {
                                    view! {
                                        <PolicyLink id=Some(e.id) text=format!("详细看：{}", e.title)/>
                                    }
                                })}
                        </span>
                    }
                })
        }}
    }
}

#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! {
        <p class="crumbs">
            <PolicyLink id=None text="‹ 政策解读"/>
        </p>
        <h1>"名词解释"</h1>
        <p>{format!("政策里常见的 {} 个词，用大白话说明。", policy::glossary().len())}</p>
        <dl class="glossary" id="glossary">
            {policy::glossary()
                .iter()
                .map(|t| {
                    view! {
                        <dt>
                            {t.term}
                            {(!t.aliases.is_empty())
                                .then(|| view! { <span class="small muted">{format!("（也说：{}）", t.aliases.join("、"))}</span> })}
                        </dt>
                        <dd>
                            {t.definition}
                            <span class="src">"出处：" {t.source}</span>
                            {t
                                .entry
                                .and_then(policy::entry)
                                .map(|e| view! { <PolicyLink id=Some(e.id) text=format!("详细看：{}", e.title)/> })}
                        </dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}
