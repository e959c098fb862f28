//! The content pack's JSON format, in one place for both sides: the build
//! script writes it (`build/policies.rs`, which includes this file by path)
//! and [`super::pack`] reads it. Compact JSON, fields in this order; short
//! records (a myth, a document, a date) are arrays to keep the file small.

use serde::{Deserialize, Serialize};

/// Changes when the format does; a pack of another format is refused.
pub const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
pub struct Pack {
    /// [`FORMAT`].
    pub pack: u32,
    pub entries: Vec<Entry>,
    pub popular: Vec<String>,
    pub synonyms: Vec<Vec<String>>,
    pub glossary: Vec<Term>,
    pub timeline: Vec<Event>,
}

#[derive(Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    /// `Category::key`.
    pub category: String,
    pub title: String,
    pub summary: String,
    pub who: Vec<String>,
    pub gets: Vec<String>,
    pub steps: Vec<String>,
    pub bring: Vec<String>,
    /// (wrong, right)
    pub myths: Vec<(String, String)>,
    pub local: Vec<String>,
    pub basis: Vec<Basis>,
    /// [year, month, day]
    pub checked: [u32; 3],
    pub related: Vec<String>,
    pub keywords: Vec<String>,
    pub product: Option<String>,
}

/// A document an entry rests on.
#[derive(Serialize, Deserialize)]
pub struct Basis {
    pub title: String,
    /// The document number, or what stands in its place (地方做法, 示例 …);
    /// empty for a report that gives none.
    pub number: String,
    /// In words ("2019年3月2日"); empty when not known.
    pub date: String,
    pub link: String,
    /// `SourceKind::key`.
    pub kind: String,
    /// The rule's own words, or empty.
    pub quote: String,
}

#[derive(Serialize, Deserialize)]
pub struct Term {
    pub term: String,
    pub aliases: Vec<String>,
    pub definition: String,
    pub source: String,
    pub entry: Option<String>,
}

#[derive(Serialize, Deserialize)]
pub struct Event {
    pub year: u32,
    pub when: String,
    pub title: String,
    pub text: String,
    pub source: String,
    /// `SourceKind::key`.
    pub kind: String,
    pub entry: Option<String>,
}
