//! 政策解读: the policy library as plain data, with search and glossary
//! linking. The entries, glossary and timeline are written in `data/*.toml`
//! by people who know the policies, checked by `build/policies.rs` and
//! written into a content pack ([`pack`]) that the app fetches when a policy
//! page opens. No browser dependency: `cargo test` checks all of it.

pub mod pack;
mod pack_format;
mod search;
mod text;

pub use search::{is_blank, search, Hit, Marks, Results};
pub use text::{linked, speech, Piece};

use crate::date::Date;
pub use crate::sources::SourceKind;

/// The library's shelves, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    Loans,
    Health,
    School,
    Housing,
    Work,
    Safety,
    Identify,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Loans,
        Category::Health,
        Category::School,
        Category::Housing,
        Category::Work,
        Category::Safety,
        Category::Identify,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::Loans => "贷款与资金",
            Category::Health => "看病",
            Category::School => "上学",
            Category::Housing => "住房",
            Category::Work => "就业与产业",
            Category::Safety => "兜底保障",
            Category::Identify => "识别与监测",
        }
    }

    /// Used in element ids, so the page can scroll to a shelf.
    pub fn key(self) -> &'static str {
        match self {
            Category::Loans => "loans",
            Category::Health => "health",
            Category::School => "school",
            Category::Housing => "housing",
            Category::Work => "work",
            Category::Safety => "safety",
            Category::Identify => "identify",
        }
    }

    pub fn entries(self) -> impl Iterator<Item = &'static Entry> {
        entries().iter().filter(move |e| e.category == self)
    }
}

/// A misunderstanding people have, and what is true instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Myth {
    pub wrong: &'static str,
    pub right: &'static str,
}

/// A document an entry rests on, with the kind of source it was read in, so
/// the reader can weigh it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Basis {
    /// The document's title, with the article where one applies.
    pub title: &'static str,
    /// The document number, or what stands in its place (地方做法, 示例,
    /// 调研报告, 本工具的筛查口径); empty for a report that gives none.
    pub number: &'static str,
    /// Already in words: "2021年3月15日", "2026年2月" or "2014年"; empty
    /// when not known.
    pub date: &'static str,
    /// Where it was read, as text (the app makes no network requests).
    pub link: &'static str,
    pub kind: SourceKind,
    /// The rule's own words, or empty.
    pub quote: &'static str,
}

/// One policy, in plain words. Every list holds short sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable: used in links (`?v=policy&id=`) and by the self-check.
    pub id: &'static str,
    pub category: Category,
    pub title: &'static str,
    /// One line, at most 40 characters.
    pub summary: &'static str,
    /// 谁能申请
    pub who: &'static [&'static str],
    /// 能得到什么
    pub gets: &'static [&'static str],
    /// 怎么申请, in order.
    pub steps: &'static [&'static str],
    /// 要带什么
    pub bring: &'static [&'static str],
    /// 常见误区
    pub myths: &'static [Myth],
    /// 各地差异: what varies by locality.
    pub local: &'static [&'static str],
    /// 依据
    pub basis: &'static [Basis],
    /// When the entry was last checked against its sources.
    pub checked: Date,
    pub related: &'static [&'static str],
    /// Other words people use for it; searched but not shown.
    pub keywords: &'static [&'static str],
    /// The loan product (data/products.toml) this entry explains, if any.
    pub product: Option<&'static str>,
}

impl Entry {
    /// The sections in reading order, each with its heading, for every place
    /// that walks the whole text (glossary linking, read-aloud, tests).
    pub fn sections(&self) -> [(&'static str, &'static [&'static str]); 5] {
        [
            ("谁能申请", self.who),
            ("能得到什么", self.gets),
            ("怎么申请", self.steps),
            ("要带什么", self.bring),
            ("各地差异", self.local),
        ]
    }

    pub fn related_entries(&self) -> impl Iterator<Item = &'static Entry> {
        self.related.iter().filter_map(|id| entry(id))
    }
}

/// A word explained in one or two sentences, tappable wherever it appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub term: &'static str,
    /// Other spellings linked to the same explanation (先收后贴 for 先付后贴).
    pub aliases: &'static [&'static str],
    pub definition: &'static str,
    pub source: &'static str,
    /// The entry that tells more.
    pub entry: Option<&'static str>,
}

/// A step in the history of the micro-loan policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    pub year: u32,
    /// "2021年3月4日", "2017年12月" or "2014年".
    pub when: &'static str,
    pub title: &'static str,
    pub text: &'static str,
    pub source: &'static str,
    pub kind: SourceKind,
    pub entry: Option<&'static str>,
}

/// Pages of the library that are not entries, reachable as `?v=policy&id=…`.
pub const GLOSSARY_ID: &str = "glossary";
pub const TIMELINE_ID: &str = "timeline";

/// Every entry; empty until the pack is installed ([`pack::install`]).
pub fn entries() -> &'static [Entry] {
    pack::library().entries
}

pub fn entry(id: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.id == id)
}

pub fn glossary() -> &'static [Term] {
    pack::library().glossary
}

/// The glossary entry for a term or one of its aliases.
pub fn term(word: &str) -> Option<&'static Term> {
    glossary()
        .iter()
        .find(|t| t.term == word || t.aliases.contains(&word))
}

pub fn timeline() -> &'static [Event] {
    pack::library().timeline
}

/// Whether `id` has a static page (`policy/<id>.html`, written by the build):
/// every entry, the glossary and the timeline.
pub fn has_page(id: &str) -> bool {
    id == GLOSSARY_ID || id == TIMELINE_ID || entry(id).is_some()
}

/// Entries worth offering when a search finds nothing.
pub fn popular() -> impl Iterator<Item = &'static Entry> {
    pack::library().popular.iter().filter_map(|id| entry(id))
}

/// The entry whose `product` is this loan product.
pub fn for_product(product: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.product == Some(product))
}
