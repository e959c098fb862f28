//! 政策解读 in the app: the library (search, categories, list), and an
//! entry's read-aloud and share screen. Which one shows is `?v=policy&id=…`,
//! kept in `AppState::policy_id`; the app builds a page again when that
//! changes. The entries themselves, the glossary and the timeline are static
//! pages (`policy/<id>.html`, written by the build, ARCHITECTURE.md "Policy
//! pages"), which the library links to.
//!
//! The text comes in a content pack fetched the first time a policy screen
//! opens ([`loading`]).

mod entry;
mod icons;
mod library;
/// Also used by the QR screen, for an entry's title.
pub(super) mod loading;

use super::links::PolicyLink;
use super::state::{use_app, PackState};
use crate::policy::{self, Category, Entry, GLOSSARY_ID, TIMELINE_ID};
use crate::query::page_path;
use crate::ui::browser;
use leptos::either::{Either, EitherOf3};
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
        None => EitherOf3::A(view! { <library::Library notice=None/> }),
        // Pages of their own: an address of the app that names them (back
        // into an old history entry) goes there.
        Some(id @ (GLOSSARY_ID | TIMELINE_ID)) => {
            browser::replace_location(&page_path(id));
            EitherOf3::B(view! { <p class="muted">"正在打开…"</p> })
        }
        Some(id) => match policy::entry(id) {
            Some(e) => EitherOf3::C(view! { <entry::EntryPage e/> }),
            None => {
                let notice = format!(
                    "没有找到编号为“{}”的政策，可能是链接不完整。下面是全部政策：",
                    crate::form::short(id)
                );
                EitherOf3::A(view! { <library::Library notice=Some(notice)/> })
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
