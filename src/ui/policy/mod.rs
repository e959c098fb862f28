//! 政策解读 pages: the library (search, categories, list), one entry, the
//! glossary and the timeline. Which one shows is `?v=policy&id=…`, kept in
//! `AppState::policy_id`.
//!
//! Each page is markup written once ([`crate::html`], every piece of text
//! escaped) with one handler ([`super::dom::page`]); links (`data-open`) and
//! glossary terms (`data-term`) are followed on every screen
//! ([`super::links`]). What changes while a page is open (search results,
//! the read-aloud button) is kept in regions and patches.

mod entry;
pub mod glossary;
mod icons;
mod library;
mod loading;
mod search;
mod timeline;

use super::dom;
use crate::html::Html;
use crate::policy::{self, Entry, Piece, GLOSSARY_ID, TIMELINE_ID};
use crate::query::percent_encode;
use std::ops::Range;

/// A page of the library (`None`: the library itself). The library's text
/// comes in a content pack fetched the first time a policy page opens;
/// until it is there this shows that it is coming, or why it did not.
pub fn policy_page(id: Option<&str>) -> dom::Screen {
    if !policy::pack::installed() {
        return loading::page();
    }
    match id {
        None => library::page(None),
        Some(GLOSSARY_ID) => dom::page("policy", glossary::page(), dom::no_events),
        Some(TIMELINE_ID) => dom::page("policy", timeline::page(), dom::no_events),
        Some(id) => match policy::entry(id) {
            Some(e) => entry::page(e),
            None => library::page(Some(&format!(
                "没有找到编号为“{}”的政策，可能是链接不完整。下面是全部政策：",
                crate::form::short(id)
            ))),
        },
    }
}

/// The link to a page of the library (`None` = the library itself).
pub fn href(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("?v=policy&id={}", percent_encode(id)),
        None => "?v=policy".to_string(),
    }
}

/// A link to a page of the library; [`super::links::follow`] opens it in place.
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
