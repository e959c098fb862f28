//! The policy library arrives as a content pack: JSON written by
//! `build/pack.rs` from the data files, fetched by the app only when a policy
//! page opens (the first download stays small), and installed here once.
//!
//! Installed data is leaked into `&'static` so the rest of the library code
//! keeps working with plain references, as it did when the library was
//! compiled in; a page load installs it at most once. Natively (tests) the
//! build's own pack is installed on first use.

use super::{Basis, Category, Entry, Event, Myth, Term};
use crate::date::Date;
use crate::json::{self, Mismatch, Value};
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
    let doc = json::parse(text).map_err(|_| DAMAGED.to_string())?;
    read(&doc).map_err(|_| DAMAGED.to_string())
}

/// The pack this build wrote (native only: the app fetches it instead).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILT: &str = include_str!(concat!(env!("OUT_DIR"), "/pack.json"));

const DAMAGED: &str = "政策资料没有下载完整。";

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn text(v: &Value) -> Result<&'static str, Mismatch> {
    Ok(Box::leak(v.as_str()?.to_string().into_boxed_str()))
}

fn field<'a>(v: &'a Value, key: &str) -> Result<&'a Value, Mismatch> {
    v.get(key).ok_or(Mismatch)
}

fn texts(v: &Value) -> Result<&'static [&'static str], Mismatch> {
    Ok(leak(
        v.as_arr()?.iter().map(text).collect::<Result<_, _>>()?,
    ))
}

fn opt_text(v: &Value, key: &str) -> Result<Option<&'static str>, Mismatch> {
    json::optional(v, key).map(text).transpose()
}

fn all<T>(v: &Value, f: impl Fn(&Value) -> Result<T, Mismatch>) -> Result<&'static [T], Mismatch> {
    Ok(leak(v.as_arr()?.iter().map(f).collect::<Result<_, _>>()?))
}

fn read(doc: &Value) -> Result<Library, Mismatch> {
    if field(doc, "pack")?.as_u64()? != 1 {
        return Err(Mismatch);
    }
    Ok(Library {
        entries: all(field(doc, "entries")?, entry)?,
        popular: texts(field(doc, "popular")?)?,
        synonyms: all(field(doc, "synonyms")?, texts)?,
        glossary: all(field(doc, "glossary")?, term)?,
        timeline: all(field(doc, "timeline")?, event)?,
    })
}

fn entry(v: &Value) -> Result<Entry, Mismatch> {
    let key = field(v, "category")?.as_str()?;
    let category = Category::ALL
        .into_iter()
        .find(|c| c.key() == key)
        .ok_or(Mismatch)?;
    let checked = field(v, "checked")?.as_arr()?;
    let num = |i: usize| checked.get(i).ok_or(Mismatch)?.as_u64();
    let checked = Date::new(num(0)? as i32, num(1)? as u8, num(2)? as u8).ok_or(Mismatch)?;
    Ok(Entry {
        id: text(field(v, "id")?)?,
        category,
        title: text(field(v, "title")?)?,
        summary: text(field(v, "summary")?)?,
        who: texts(field(v, "who")?)?,
        gets: texts(field(v, "gets")?)?,
        steps: texts(field(v, "steps")?)?,
        bring: texts(field(v, "bring")?)?,
        myths: all(field(v, "myths")?, |m| {
            let m = m.as_arr()?;
            Ok(Myth {
                wrong: text(m.first().ok_or(Mismatch)?)?,
                right: text(m.get(1).ok_or(Mismatch)?)?,
            })
        })?,
        local: texts(field(v, "local")?)?,
        basis: all(field(v, "basis")?, |b| {
            let b = b.as_arr()?;
            let at = |i: usize| b.get(i).ok_or(Mismatch);
            Ok(Basis {
                title: text(at(0)?)?,
                number: text(at(1)?)?,
                date: text(at(2)?)?,
                link: text(at(3)?)?,
                verified: at(4)?.as_bool()?,
            })
        })?,
        checked,
        related: texts(field(v, "related")?)?,
        keywords: texts(field(v, "keywords")?)?,
        product: opt_text(v, "product")?,
    })
}

fn term(v: &Value) -> Result<Term, Mismatch> {
    Ok(Term {
        term: text(field(v, "term")?)?,
        aliases: texts(field(v, "aliases")?)?,
        definition: text(field(v, "definition")?)?,
        source: text(field(v, "source")?)?,
        entry: opt_text(v, "entry")?,
    })
}

fn event(v: &Value) -> Result<Event, Mismatch> {
    Ok(Event {
        year: u32::try_from(field(v, "year")?.as_u64()?).map_err(|_| Mismatch)?,
        when: text(field(v, "when")?)?,
        title: text(field(v, "title")?)?,
        text: text(field(v, "text")?)?,
        source: text(field(v, "source")?)?,
        verified: field(v, "verified")?.as_bool()?,
        entry: opt_text(v, "entry")?,
    })
}
