//! Glossary terms inside entry text, and the glossary page. A term is a
//! dotted link in the sentence (to the glossary page, should scripts fail);
//! tapping it opens its definition right below the sentence (nothing to
//! position or dismiss on a small screen), tapping it again closes it.

use super::Crumbs;
use crate::policy::{self, Piece, Term, GLOSSARY_ID};
use crate::ui::links::{policy_href, PolicyLink};
use leptos::either::Either;
use leptos::prelude::*;

/// One sentence (a list item, one side of a myth) with its glossary terms
/// tappable; one definition open per sentence, at its end. `here` is the
/// entry being read, which a definition does not link to again.
#[component]
pub fn Linked(pieces: Vec<Piece>, here: &'static str) -> impl IntoView {
    // The piece whose definition is open, and its term.
    let open = RwSignal::new(None::<(usize, &'static Term)>);
    let href = policy_href(Some(GLOSSARY_ID));
    let text = pieces
        .into_iter()
        .enumerate()
        .map(|(i, p)| match p {
            Piece::Text(t) => Either::Left(t),
            // A link, not a <button>: it wraps with the sentence, and without
            // the handler it still leads to the glossary.
            Piece::Term(word, term) => {
                let toggle = move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    open.update(|o| {
                        *o = match *o {
                            Some((j, _)) if j == i => None,
                            _ => Some((i, term)),
                        }
                    });
                };
                let expanded = move || {
                    if open.with(|o| o.is_some_and(|(j, _)| j == i)) {
                        "true"
                    } else {
                        "false"
                    }
                };
                Either::Right(view! {
                    <a
                        class="term"
                        role="button"
                        aria-expanded=expanded
                        href=href.clone()
                        on:click=toggle
                    >
                        {word}
                    </a>
                })
            }
        })
        .collect_view();
    let definition = move || open.get().map(|(_, t)| definition(t, here));
    view! {
        {text}
        {definition}
    }
}

/// The definition box for `t`, with a link to its entry unless that entry is
/// `here`.
fn definition(t: &'static Term, here: &'static str) -> impl IntoView {
    let more = t
        .entry
        .filter(|id| *id != here)
        .and_then(policy::entry)
        .map(|e| view! { <PolicyLink id=e.id.to_string()>{format!("详细看：{}", e.title)}</PolicyLink> });
    view! {
        <span class="term-def" role="note">
            <strong>{t.term}</strong>
            "："
            {t.definition}
            <span class="src">"出处：" {t.source}</span>
            {more}
        </span>
    }
}

/// Every term with its definition.
#[component]
pub fn Glossary() -> impl IntoView {
    let terms = policy::glossary()
        .iter()
        .map(|t| {
            let aliases = (!t.aliases.is_empty()).then(|| {
                view! { <span class="small muted">{format!("（也说：{}）", t.aliases.join("、"))}</span> }
            });
            let entry = t.entry.and_then(policy::entry).map(|e| {
                view! { <PolicyLink id=e.id.to_string()>{format!("详细看：{}", e.title)}</PolicyLink> }
            });
            view! {
                <dt>{t.term} {aliases}</dt>
                <dd>
                    {t.definition} <span class="src">"出处：" {t.source}</span> {entry}
                </dd>
            }
        })
        .collect_view();
    view! {
        <Crumbs/>
        <h1>"名词解释"</h1>
        <p>{format!("政策里常见的 {} 个词，用大白话说明。", policy::glossary().len())}</p>
        <dl class="glossary" id="glossary">
            {terms}
        </dl>
    }
}
