//! `data/policies.toml`, `data/glossary.toml`, `data/timeline.toml` → the
//! content pack (`build/pack.rs`): the 政策解读 library as JSON.
//!
//! Everything a reader could trip over is checked here, so a wrong edit fails
//! the build naming the file, the entry and the field: unique ids, required
//! fields, summaries of at most 40 characters, short list items, dates that
//! exist, and every cross-reference (related entries, loan products, glossary
//! and timeline links, the products' `policy` links) pointing at something real.

use super::pack;
use super::pack_format as out;
use super::pages;
use super::sources;
use serde::Deserialize;
use std::collections::HashSet;

const POLICIES: &str = "data/policies.toml";
const GLOSSARY: &str = "data/glossary.toml";
const TIMELINE: &str = "data/timeline.toml";

/// Longest one-line summary, in characters (the rule).
const SUMMARY_MAX: usize = 40;
/// Longest list item, in characters: short sentences read better on a phone.
const ITEM_MAX: usize = 60;
/// Ids that name pages of the library itself, so no entry may take them.
const RESERVED: &[&str] = &["glossary", "timeline"];
/// The categories, as written in the data file, and their keys in the app.
const CATEGORIES: &[(&str, &str)] = &[
    ("贷款与资金", "loans"),
    ("看病", "health"),
    ("上学", "school"),
    ("住房", "housing"),
    ("就业与产业", "work"),
    ("兜底保障", "safety"),
    ("识别与监测", "identify"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    popular: Vec<String>,
    synonyms: Vec<Vec<String>>,
    entry: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    category: String,
    title: String,
    summary: String,
    who: Vec<String>,
    gets: Vec<String>,
    steps: Vec<String>,
    bring: Vec<String>,
    local: Vec<String>,
    checked: String,
    related: Vec<String>,
    keywords: Vec<String>,
    product: Option<String>,
    #[serde(default)]
    basis: Vec<Basis>,
    #[serde(default)]
    myth: Vec<Myth>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Basis {
    title: String,
    /// The document's number; or, when it has none, `why`.
    number: Option<String>,
    why: Option<String>,
    /// One of `sources::KINDS`.
    kind: String,
    /// Left out when the date is not known.
    date: Option<String>,
    link: String,
    /// The rule's own words, where we have them.
    quote: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Myth {
    wrong: String,
    right: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    term: String,
    #[serde(default)]
    aliases: Vec<String>,
    definition: String,
    source: String,
    entry: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimelineFile {
    event: Vec<Event>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Event {
    date: String,
    title: String,
    text: String,
    source: String,
    /// One of `sources::KINDS`.
    kind: String,
    entry: Option<String>,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Panics unless `value` has visible text.
fn filled(file: &str, who: &str, field: &str, value: &str) {
    assert!(
        !value.trim().is_empty(),
        "{file}, {who}: {field} is empty; write something there"
    );
}

/// A list field: at least one item, every item filled and short.
fn list(file: &str, who: &str, field: &str, items: &[String]) {
    assert!(
        !items.is_empty(),
        "{file}, {who}: {field} has no items; write at least one"
    );
    for (i, item) in items.iter().enumerate() {
        filled(file, who, &format!("{field} item {}", i + 1), item);
        sources::plain(file, who, &format!("{field} item {}", i + 1), item);
        assert!(
            chars(item) <= ITEM_MAX,
            "{file}, {who}: {field} item {} has {} characters (at most {ITEM_MAX}); split it into shorter sentences: {item:?}",
            i + 1,
            chars(item)
        );
    }
}

/// "2021-03-15", "2021-03" or "2014" → (sort key, "2021年3月15日").
fn date(file: &str, who: &str, field: &str, s: &str) -> ((u32, u32, u32), String) {
    let parts: Vec<&str> = s.split('-').collect();
    let nums: Option<Vec<u32>> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect();
    let bad = || -> ! {
        panic!("{file}, {who}: {field} = {s:?} must be a date like \"2021-03-15\", \"2021-03\" or \"2021\"")
    };
    let Some(nums) = nums else { bad() };
    let days = |y: u32, m: u32| match m {
        2 if y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match nums[..] {
        [y] if (1990..=2100).contains(&y) => ((y, 0, 0), format!("{y}年")),
        [y, m] if (1990..=2100).contains(&y) && (1..=12).contains(&m) => {
            ((y, m, 0), format!("{y}年{m}月"))
        }
        [y, m, d]
            if (1990..=2100).contains(&y)
                && (1..=12).contains(&m)
                && (1..=days(y, m)).contains(&d) =>
        {
            ((y, m, d), format!("{y}年{m}月{d}日"))
        }
        _ => bad(),
    }
}

fn read<T: serde::de::DeserializeOwned>(file: &str) -> T {
    println!("cargo:rerun-if-changed={file}");
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {file}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{file} is not valid:\n{e}"))
}

/// `products` are the loan products' ids with their `policy` links, from
/// `data/products.toml` (already checked by the products generator).
pub fn generate(products: &[(String, Option<String>)]) {
    let policies: PolicyFile = read(POLICIES);
    let glossary: GlossaryFile = read(GLOSSARY);
    let timeline: TimelineFile = read(TIMELINE);

    // Ids first, so every cross-reference below can be checked.
    let mut ids: HashSet<&str> = HashSet::new();
    for e in &policies.entry {
        let id = e.id.as_str();
        assert!(
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{POLICIES}: entry id {id:?} may use only a-z, 0-9 and - (it appears in links)"
        );
        assert!(
            !RESERVED.contains(&id),
            "{POLICIES}: entry id {id:?} is reserved for a page of the library; choose another"
        );
        assert!(ids.insert(id), "{POLICIES}: entry id {id} appears twice");
    }
    let product_ids: Vec<&str> = products.iter().map(|(id, _)| id.as_str()).collect();
    let entry_ref = |file: &str, who: &str, field: &str, id: &str| {
        assert!(
            ids.contains(id),
            "{file}, {who}: {field} = {id:?} is not the id of any entry in {POLICIES}"
        );
    };

    let mut entries = Vec::new();
    for e in &policies.entry {
        let who = format!("entry {}", e.id);
        let who = who.as_str();
        let f = POLICIES;
        let category = CATEGORIES
            .iter()
            .find(|(k, _)| *k == e.category)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| {
                let allowed: Vec<_> = CATEGORIES.iter().map(|(k, _)| *k).collect();
                panic!(
                    "{f}, {who}: category = {:?} is not one of {allowed:?}",
                    e.category
                )
            });
        filled(f, who, "title", &e.title);
        filled(f, who, "summary", &e.summary);
        sources::plain(f, who, "title", &e.title);
        sources::plain(f, who, "summary", &e.summary);
        assert!(
            chars(&e.summary) <= SUMMARY_MAX,
            "{f}, {who}: summary has {} characters, at most {SUMMARY_MAX} allowed: {:?}",
            chars(&e.summary),
            e.summary
        );
        list(f, who, "who", &e.who);
        list(f, who, "gets", &e.gets);
        list(f, who, "steps", &e.steps);
        list(f, who, "bring", &e.bring);
        list(f, who, "local", &e.local);
        list(f, who, "keywords", &e.keywords);
        assert!(
            !e.myth.is_empty(),
            "{f}, {who}: add at least one [[entry.myth]] (常见误区)"
        );
        for (i, m) in e.myth.iter().enumerate() {
            filled(f, who, &format!("myth {} wrong", i + 1), &m.wrong);
            filled(f, who, &format!("myth {} right", i + 1), &m.right);
            for (field, text) in [("wrong", &m.wrong), ("right", &m.right)] {
                sources::plain(f, who, &format!("myth {} {field}", i + 1), text);
                assert!(
                    chars(text) <= ITEM_MAX,
                    "{f}, {who}: myth {} {field} has {} characters (at most {ITEM_MAX})",
                    i + 1,
                    chars(text)
                );
            }
        }
        assert!(
            !e.basis.is_empty(),
            "{f}, {who}: add at least one [[entry.basis]] (依据)"
        );
        assert!(
            e.basis.iter().any(|b| b.date.is_some()),
            "{f}, {who}: at least one [[entry.basis]] needs a date"
        );
        let mut basis = Vec::new();
        for (i, b) in e.basis.iter().enumerate() {
            let field = format!("basis {}", i + 1);
            let at = format!("{who}, {field}");
            filled(f, who, &format!("{field} title"), &b.title);
            filled(f, who, &format!("{field} link"), &b.link);
            for (name, text) in [("title", &b.title), ("link", &b.link)] {
                sources::plain(f, &at, name, text);
            }
            if let Some(q) = &b.quote {
                filled(f, who, &format!("{field} quote"), q);
            }
            let number = sources::number_or_reason(f, &at, b.number.as_deref(), b.why.as_deref());
            let when = b
                .date
                .as_ref()
                .map(|d| date(f, who, &format!("{field} date"), d).1)
                .unwrap_or_default();
            basis.push(out::Basis {
                title: b.title.clone(),
                number,
                date: when,
                link: b.link.clone(),
                kind: sources::kind(f, &at, "kind", &b.kind).0.to_string(),
                quote: b.quote.clone().unwrap_or_default(),
            });
        }
        let ((y, m, d), _) = date(f, who, "checked", &e.checked);
        assert!(
            m > 0 && d > 0,
            "{f}, {who}: checked = {:?} must be a full date like \"2026-11-29\"",
            e.checked
        );
        let mut seen = HashSet::new();
        for r in &e.related {
            entry_ref(f, who, "related", r);
            assert!(r != &e.id, "{f}, {who}: related lists the entry itself");
            assert!(seen.insert(r), "{f}, {who}: related lists {r} twice");
        }
        if let Some(p) = &e.product {
            assert!(
                product_ids.contains(&p.as_str()),
                "{f}, {who}: product = {p:?} is not a product id in data/products.toml ({product_ids:?})"
            );
        }
        entries.push(out::Entry {
            id: e.id.clone(),
            category: category.to_string(),
            title: e.title.clone(),
            summary: e.summary.clone(),
            who: e.who.clone(),
            gets: e.gets.clone(),
            steps: e.steps.clone(),
            bring: e.bring.clone(),
            myths: e
                .myth
                .iter()
                .map(|m| (m.wrong.clone(), m.right.clone()))
                .collect(),
            local: e.local.clone(),
            basis,
            checked: [y, m, d],
            related: e.related.clone(),
            keywords: e.keywords.clone(),
            product: e.product.clone(),
        });
    }

    // Products → entries: every `policy = "…"` in data/products.toml resolves.
    for (pid, policy) in products {
        if let Some(id) = policy {
            entry_ref(
                "data/products.toml",
                &format!("product {pid}"),
                "policy",
                id,
            );
        }
    }

    // Search helpers.
    assert!(
        !policies.popular.is_empty(),
        "{POLICIES}: popular must list a few entry ids"
    );
    for id in &policies.popular {
        entry_ref(POLICIES, "popular", "id", id);
    }
    for (i, group) in policies.synonyms.iter().enumerate() {
        assert!(
            group.len() >= 2,
            "{POLICIES}: synonyms group {} needs at least two words",
            i + 1
        );
        for w in group {
            filled(POLICIES, &format!("synonyms group {}", i + 1), "word", w);
        }
    }

    // Glossary: unique terms, each one appearing in some entry (or it could
    // never be tapped), each pointing at a real entry.
    let all_text: String = policies
        .entry
        .iter()
        .flat_map(|e| {
            e.who
                .iter()
                .chain(&e.gets)
                .chain(&e.steps)
                .chain(&e.bring)
                .chain(&e.local)
                .chain(e.myth.iter().flat_map(|m| [&m.wrong, &m.right]))
        })
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    let mut words = HashSet::new();
    let mut terms = Vec::new();
    for t in &glossary.term {
        let who = format!("term {}", t.term);
        filled(GLOSSARY, &who, "term", &t.term);
        filled(GLOSSARY, &who, "definition", &t.definition);
        filled(GLOSSARY, &who, "source", &t.source);
        for (name, text) in [("definition", &t.definition), ("source", &t.source)] {
            sources::plain(GLOSSARY, &who, name, text);
        }
        for w in std::iter::once(&t.term).chain(&t.aliases) {
            filled(GLOSSARY, &who, "alias", w);
            assert!(
                words.insert(w.as_str()),
                "{GLOSSARY}, {who}: the word {w:?} is already a term or alias"
            );
        }
        assert!(
            std::iter::once(&t.term)
                .chain(&t.aliases)
                .any(|w| all_text.contains(w.as_str())),
            "{GLOSSARY}, {who}: neither the term nor its aliases appear in any entry of {POLICIES}, so nobody could tap it"
        );
        if let Some(id) = &t.entry {
            entry_ref(GLOSSARY, &who, "entry", id);
        }
        terms.push(out::Term {
            term: t.term.clone(),
            aliases: t.aliases.clone(),
            definition: t.definition.clone(),
            source: t.source.clone(),
            entry: t.entry.clone(),
        });
    }

    // Timeline: in date order, 2014–2026.
    let mut events = Vec::new();
    let mut last = (0, 0, 0);
    for (i, ev) in timeline.event.iter().enumerate() {
        let who = format!("event {} ({})", i + 1, ev.title);
        filled(TIMELINE, &who, "title", &ev.title);
        filled(TIMELINE, &who, "text", &ev.text);
        filled(TIMELINE, &who, "source", &ev.source);
        for (name, text) in [
            ("title", &ev.title),
            ("text", &ev.text),
            ("source", &ev.source),
        ] {
            sources::plain(TIMELINE, &who, name, text);
        }
        let (kind, _) = sources::kind(TIMELINE, &who, "kind", &ev.kind);
        let (key, when) = date(TIMELINE, &who, "date", &ev.date);
        assert!(
            (2014..=2026).contains(&key.0),
            "{TIMELINE}, {who}: the timeline covers 2014–2026"
        );
        assert!(
            key >= last,
            "{TIMELINE}, {who}: events must be in date order"
        );
        last = key;
        if let Some(id) = &ev.entry {
            entry_ref(TIMELINE, &who, "entry", id);
        }
        events.push(out::Event {
            year: key.0,
            when,
            title: ev.title.clone(),
            text: ev.text.clone(),
            source: ev.source.clone(),
            kind: kind.to_string(),
            entry: ev.entry.clone(),
        });
    }

    let pack = out::Pack {
        pack: out::FORMAT,
        entries,
        popular: policies.popular.clone(),
        synonyms: policies.synonyms.clone(),
        glossary: terms,
        timeline: events,
    };
    pack::write(&pack);
    pages::write(&pack);
}
