//! 政策解读 pages: the library (search, categories, list), one entry, the
//! glossary and the timeline. Which one shows is `?v=policy&id=…`, kept in
//! `AppState::policy_id`; the app builds a page again when that changes.
//!
//! The text comes in a content pack fetched the first time a policy page
//! opens ([`loading`]); every page is built from the domain's lists by a few
//! small components (a tile, a sentence with its glossary terms, a section).

mod entry;
mod glossary;
mod icons;
mod library;
/// Also used by the QR screen, for an entry's title.
pub(super) mod loading;
mod timeline;

use super::links::PolicyLink;
use super::state::{use_app, PackState};
use crate::policy::{self, Category, Entry, GLOSSARY_ID, TIMELINE_ID};
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;
use std::ops::Range;

/// A page of the library (`None`: the library itself). Until the content
/// pack is there this says that it is coming, or why it did not.
#[component]
pub fn PolicyPage(id: Option<String>) -> impl IntoView {
    let app = use_app();
    if app.pack.get_untracked() == PackState::NotYet {
        loading::start(app);
    }
    let ready = Memo::new(move |_| app.pack.get() == PackState::Ready);
    move || {
        if ready.get() {
            Either::Left(view! { <div class="policy">{page(id.as_deref())}</div> })
        } else {
            Either::Right(view! { <loading::Loading/> })
        }
    }
}

fn page(id: Option<&str>) -> impl IntoView {
    match id {
        None => EitherOf4::A(view! { <library::Library notice=None/> }),
        Some(GLOSSARY_ID) => EitherOf4::B(view! { <glossary::Glossary/> }),
        Some(TIMELINE_ID) => EitherOf4::C(view! { <timeline::Timeline/> }),
        Some(id) => match policy::entry(id) {
            Some(e) => EitherOf4::D(view! { <entry::EntryPage e/> }),
            None => {
                let notice = format!(
                    "没有找到编号为“{}”的政策，可能是链接不完整。下面是全部政策：",
                    crate::form::short(id)
                );
                EitherOf4::A(view! { <library::Library notice=Some(notice)/> })
            }
        },
    }
}

/// The way back to the library, on top of every other page, and the
/// entry's category.
#[component]
fn Crumbs(#[prop(optional)] category: Option<Category>) -> impl IntoView {
    view! {
        <p class="crumbs">
            <PolicyLink id=None>"‹ 政策解读"</PolicyLink>
            {category
                .map(|c| {
                    view! {
                        <span class="cat-label">
                            <icons::Icon c/>
                            {c.label()}
                        </span>
                    }
                })}
        </p>
    }
}

/// An entry as a card: title and one-line summary.
#[component]
fn Tile(e: &'static Entry) -> impl IntoView {
    view! {
        <PolicyLink id=e.id.to_string() class="tile">
            <strong>{e.title}</strong>
            {e.summary}
        </PolicyLink>
    }
}

/// `text` with the byte ranges in `marks` wrapped in `<mark>`; a range that
/// does not fit the text is skipped, never a panic.
fn marked(text: &'static str, marks: &[Range<usize>]) -> impl IntoView {
    let mut runs = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for r in marks {
        if let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.clone())) {
            runs.push((before, false));
            runs.push((hit, true));
            at = r.end;
        }
    }
    runs.push((text.get(at..).unwrap_or(""), false));
    runs.into_iter()
        .map(|(t, hit)| {
            if hit {
                Either::Left(view! { <mark>{t}</mark> })
            } else {
                Either::Right(t)
            }
        })
        .collect_view()
}
