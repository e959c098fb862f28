//! The app's own glossary-term finder (`src/policy/text.rs`), compiled into
//! the build script over the build's data, so a static policy page links
//! exactly the terms the app would: the same file, the same rules (the first
//! time a term appears in a section, the longest term wins).
//!
//! `text.rs` reads `super::{glossary, Entry, Term}`; this module is that
//! `super`, with the glossary leaked into `&'static` as `policy::pack` does
//! in the app. Its read-aloud half (`speech`) is not used here.
#![allow(dead_code)]

use super::pack_format as out;
use std::sync::OnceLock;

#[path = "../src/policy/text.rs"]
mod text;
pub use text::{linked, Piece};

#[derive(Debug, PartialEq, Eq)]
pub struct Term {
    pub term: &'static str,
    pub aliases: &'static [&'static str],
    pub definition: &'static str,
    pub source: &'static str,
    pub entry: Option<&'static str>,
}

/// What `text::speech` reads of an entry (unused by the pages).
pub struct Myth {
    pub wrong: &'static str,
    pub right: &'static str,
}

pub struct Entry {
    pub title: &'static str,
    pub summary: &'static str,
    pub myths: &'static [Myth],
}

impl Entry {
    pub fn sections(&self) -> [(&'static str, &'static [&'static str]); 0] {
        []
    }
}

static GLOSSARY: OnceLock<&'static [Term]> = OnceLock::new();

pub fn glossary() -> &'static [Term] {
    GLOSSARY.get().copied().unwrap_or(&[])
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

/// Installs the glossary the finder reads (once per build script run).
pub fn install(terms: &[out::Term]) {
    let terms: Vec<Term> = terms
        .iter()
        .map(|t| Term {
            term: leak(&t.term),
            aliases: Box::leak(
                t.aliases
                    .iter()
                    .map(|a| leak(a))
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
            definition: leak(&t.definition),
            source: leak(&t.source),
            entry: t.entry.as_deref().map(leak),
        })
        .collect();
    let _ = GLOSSARY.set(Box::leak(terms.into_boxed_slice()));
}

/// The `&'static` form of a list of sentences, for [`linked`].
pub fn statics(items: &[String]) -> Vec<&'static str> {
    items.iter().map(|s| leak(s)).collect()
}
