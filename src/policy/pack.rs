//! The policy library arrives as a content pack: JSON written by
//! `build/pack.rs` from the data files, fetched by the app only when a policy
//! page opens (the first download stays small), and installed here once.
//!
//! Installed data is leaked into `&'static` so the rest of the library code
//! keeps working with plain references, as it did when the library was
//! compiled in; a page load installs it at most once. Natively (tests) the
//! build's own pack is installed on first use.

use super::pack_format::{self as format, Pack};
use super::{Basis, Category, Entry, Event, Myth, Term};
use crate::date::Date;
use crate::sources::SourceKind;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/pack_file.rs"));

/// Everything in the pack.
#[derive(Debug)]
pub struct Library {
    pub entries: &'static [Entry],
    /// Entries offered when a search finds nothing.
    pub popular: &'static [&'static str],
    /// Groups of words that mean the same thing to searchers.
    pub synonyms: &'static [&'static [&'static str]],
    pub glossary: &'static [Term],
    pub timeline: &'static [Event],
}

static LIBRARY: OnceLock<Library> = OnceLock::new();

/// Before the pack is installed: an empty library, so nothing can fail.
static EMPTY: Library = Library {
    entries: &[],
    popular: &[],
    synonyms: &[],
    glossary: &[],
    timeline: &[],
};

/// The installed library, or an empty one before the pack has arrived.
pub fn library() -> &'static Library {
    #[cfg(not(target_arch = "wasm32"))]
    if LIBRARY.get().is_none() {
        let _ = install(BUILT);
    }
    LIBRARY.get().unwrap_or(&EMPTY)
}

pub fn installed() -> bool {
    LIBRARY.get().is_some()
}

/// Reads and installs a pack. A damaged or foreign file is refused with a
/// message and changes nothing; installing twice keeps the first.
pub fn install(text: &str) -> Result<(), String> {
    if installed() {
        return Ok(());
    }
    let _ = LIBRARY.set(parse(text)?);
    Ok(())
}

/// Reads a pack without installing it.
pub fn parse(text: &str) -> Result<Library, String> {
    serde_json::from_str::<Pack>(text)
        .ok()
        .and_then(read)
        .ok_or_else(|| DAMAGED.to_string())
}

/// The pack this build wrote (native only: the app fetches it instead).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILT: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

const DAMAGED: &str = "政策资料没有下载完整。";

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn text(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn texts(v: Vec<String>) -> &'static [&'static str] {
    leak(v.into_iter().map(text).collect())
}

/// `None` when something in the pack is not what the format allows.
fn read(pack: Pack) -> Option<Library> {
    if pack.pack != format::FORMAT {
        return None;
    }
    Some(Library {
        entries: leak(pack.entries.into_iter().map(entry).collect::<Option<_>>()?),
        popular: texts(pack.popular),
        synonyms: leak(pack.synonyms.into_iter().map(texts).collect()),
        glossary: leak(pack.glossary.into_iter().map(term).collect()),
        timeline: leak(pack.timeline.into_iter().map(event).collect()),
    })
}

fn entry(e: format::Entry) -> Option<Entry> {
    let category = Category::ALL.into_iter().find(|c| c.key() == e.category)?;
    let [y, m, d] = e.checked;
    let checked = Date::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )?;
    Some(Entry {
        id: text(e.id),
        category,
        title: text(e.title),
        summary: text(e.summary),
        who: texts(e.who),
        gets: texts(e.gets),
        steps: texts(e.steps),
        bring: texts(e.bring),
        myths: leak(
            e.myths
                .into_iter()
                .map(|(wrong, right)| Myth {
                    wrong: text(wrong),
                    right: text(right),
                })
                .collect(),
        ),
        local: texts(e.local),
        basis: leak(
            e.basis
                .into_iter()
                .map(|b| Basis {
                    title: text(b.title),
                    number: text(b.number),
                    date: text(b.date),
                    link: text(b.link),
                    kind: SourceKind::from_key(&b.kind),
                    quote: text(b.quote),
                })
                .collect(),
        ),
        checked,
        related: texts(e.related),
        keywords: texts(e.keywords),
        product: e.product.map(text),
    })
}

fn term(t: format::Term) -> Term {
    Term {
        term: text(t.term),
        aliases: texts(t.aliases),
        definition: text(t.definition),
        source: text(t.source),
        entry: t.entry.map(text),
    }
}

fn event(e: format::Event) -> Event {
    Event {
        year: e.year,
        when: text(e.when),
        title: text(e.title),
        text: text(e.text),
        source: text(e.source),
        kind: SourceKind::from_key(&e.kind),
        entry: e.entry.map(text),
    }
}
