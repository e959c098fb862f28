//! The policy library as static pages: each entry, the glossary and the
//! timeline as one HTML file that any phone reads with no script and no
//! WebAssembly (ARCHITECTURE.md, "Policy pages"). Written from the content
//! pack's data (the same text the app shows) through templates in
//! `build/pages/` (minijinja, which escapes every value for HTML), into
//! `target/pages/`; `scripts/postbuild.mjs` copies them to `dist/policy/`,
//! gives each its content security policy and precaches them.
//!
//! Glossary terms are found by the app's own code (`src/policy/text.rs`,
//! through `policy_text`) and open with `<details>`, so they work without
//! scripts on the oldest engines.

use super::pack_format as out;
use super::policy_text::{self as text, Piece};
use minijinja::value::Serde;
use minijinja::Environment;
use serde::Serialize;

// The source kinds' words (国家文件原文 …, 以当地为准), as the app says them.
#[path = "../src/sources.rs"]
#[allow(dead_code)]
mod source_kind;
use source_kind::SourceKind;

/// Where the pages go (postbuild copies them into `dist/policy/`).
pub const DIR: &str = "pages";

/// One run of a sentence: plain text, or a glossary term (marked in the
/// sentence and explained in a `<details>` after it).
#[derive(Serialize)]
struct Run {
    text: String,
    term: bool,
}

/// A glossary term's definition under the sentence it appears in.
#[derive(Serialize)]
struct Def {
    word: String,
    term: String,
    definition: String,
    source: String,
    /// The entry that tells more, unless it is the page itself.
    more: Option<Link>,
}

#[derive(Serialize)]
struct Said {
    runs: Vec<Run>,
    defs: Vec<Def>,
}

#[derive(Serialize)]
struct Link {
    href: String,
    title: String,
}

#[derive(Serialize)]
struct Section {
    heading: &'static str,
    /// 怎么申请 is a numbered list.
    ordered: bool,
    /// 各地差异: the myths come just before it.
    local: bool,
    items: Vec<Said>,
}

#[derive(Serialize)]
struct MythView {
    wrong: Said,
    right: Said,
}

#[derive(Serialize)]
struct BasisView {
    kind: &'static str,
    title: String,
    about: String,
    told: &'static str,
    quote: String,
    link: String,
}

#[derive(Serialize)]
struct Tile {
    href: String,
    title: String,
    summary: String,
}

#[derive(Serialize)]
struct EntryView {
    id: String,
    title: String,
    summary: String,
    category: &'static str,
    sections: Vec<Section>,
    myths: Vec<MythView>,
    basis: Vec<BasisView>,
    checked: String,
    related: Vec<Tile>,
    /// The estimator's link with this entry's loan product.
    loan: Option<String>,
    /// `for=` of the QR screen: this page, percent-encoded.
    qr_for: String,
}

#[derive(Serialize)]
struct TermView {
    term: String,
    aliases: String,
    definition: String,
    source: String,
    more: Option<Link>,
}

#[derive(Serialize)]
struct EventView {
    when: String,
    title: String,
    text: String,
    told: &'static str,
    source: String,
    more: Option<Link>,
}

/// Where an entry's page is, from another page in the same directory.
fn href(id: &str) -> String {
    format!("{id}.html")
}

fn link_to(pack: &out::Pack, id: &str) -> Link {
    let e =
        pack.entries.iter().find(|e| e.id == id).unwrap_or_else(|| {
            panic!("pages: no entry {id:?} (policies.rs checks every reference)")
        });
    Link {
        href: href(id),
        title: e.title.clone(),
    }
}

/// Sentences as the app links them: the first time each term appears in
/// the group, the longest term first.
fn said(pack: &out::Pack, items: &[String], here: &str) -> Vec<Said> {
    text::linked(&text::statics(items))
        .into_iter()
        .map(|pieces| {
            let mut runs = Vec::new();
            let mut defs = Vec::new();
            for p in pieces {
                match p {
                    Piece::Text(t) => runs.push(Run {
                        text: t.to_string(),
                        term: false,
                    }),
                    Piece::Term(word, t) => {
                        runs.push(Run {
                            text: word.to_string(),
                            term: true,
                        });
                        defs.push(Def {
                            word: word.to_string(),
                            term: t.term.to_string(),
                            definition: t.definition.to_string(),
                            source: t.source.to_string(),
                            more: t.entry.filter(|id| *id != here).map(|id| link_to(pack, id)),
                        });
                    }
                }
            }
            Said { runs, defs }
        })
        .collect()
}

fn category_label(key: &str) -> &'static str {
    match key {
        "loans" => "贷款与资金",
        "health" => "看病",
        "school" => "上学",
        "housing" => "住房",
        "work" => "就业与产业",
        "safety" => "兜底保障",
        "identify" => "识别与监测",
        other => panic!("pages: unknown category {other:?}"),
    }
}

fn entry_view(pack: &out::Pack, e: &out::Entry) -> EntryView {
    // The headings and their order are the app's (`policy::Entry::sections`;
    // tests/policy_pages.rs checks they agree).
    let sections = [
        ("谁能申请", &e.who),
        ("能得到什么", &e.gets),
        ("怎么申请", &e.steps),
        ("要带什么", &e.bring),
        ("各地差异", &e.local),
    ]
    .into_iter()
    .map(|(heading, items)| Section {
        heading,
        ordered: heading == "怎么申请",
        local: heading == "各地差异",
        items: said(pack, items, &e.id),
    })
    .collect();
    // The myths share one set of glossary links, as in the app.
    let texts: Vec<String> = e
        .myths
        .iter()
        .flat_map(|(w, r)| [w.clone(), r.clone()])
        .collect();
    let mut linked = said(pack, &texts, &e.id).into_iter();
    let mut myths = Vec::new();
    while let (Some(wrong), Some(right)) = (linked.next(), linked.next()) {
        myths.push(MythView { wrong, right });
    }
    let basis = e
        .basis
        .iter()
        .map(|b| {
            let kind = SourceKind::from_key(&b.kind);
            BasisView {
                kind: kind.key(),
                title: b.title.clone(),
                about: [b.number.as_str(), b.date.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join("，"),
                told: kind.told(),
                quote: b.quote.clone(),
                link: b.link.clone(),
            }
        })
        .collect();
    let [y, m, d] = e.checked;
    EntryView {
        id: e.id.clone(),
        title: e.title.clone(),
        summary: e.summary.clone(),
        category: category_label(&e.category),
        sections,
        myths,
        basis,
        checked: format!("{y}年{m}月{d}日"),
        related: e
            .related
            .iter()
            .map(|id| {
                let r = pack.entries.iter().find(|r| &r.id == id).unwrap();
                Tile {
                    href: href(id),
                    title: r.title.clone(),
                    summary: r.summary.clone(),
                }
            })
            .collect(),
        loan: e
            .product
            .as_ref()
            .map(|p| format!("../?v=loan&product={p}")),
        qr_for: format!("policy%2F{}.html", e.id),
    }
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // Whitespace between tags is not the reader's: keep the files small.
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .expect("the default delimiters"),
    );
    for (name, source) in [
        ("base.html", include_str!("pages/base.html")),
        ("page.css", include_str!("pages/page.css")),
        ("said.html", include_str!("pages/said.html")),
        ("entry.html", include_str!("pages/entry.html")),
        ("glossary.html", include_str!("pages/glossary.html")),
        ("timeline.html", include_str!("pages/timeline.html")),
    ] {
        env.add_template(name, source)
            .unwrap_or_else(|e| panic!("build/pages/{name}: {e}"));
    }
    env
}

fn render(env: &Environment, name: &str, ctx: minijinja::Value) -> String {
    env.get_template(name)
        .and_then(|t| t.render(ctx))
        .unwrap_or_else(|e| panic!("build/pages/{name}: {e:#}"))
}

/// Writes every page into `target/pages/` (emptied first, so a removed entry
/// leaves no page behind) and the list of their names beside them (`ids`, one
/// a line), which index.html's loader uses to send old links to the pages.
pub fn write(pack: &out::Pack) {
    text::install(&pack.glossary);
    let env = environment();
    let mut pages: Vec<(String, String)> = Vec::new();
    for e in &pack.entries {
        let view = entry_view(pack, e);
        pages.push((
            e.id.clone(),
            render(&env, "entry.html", minijinja::context! { e => Serde(view) }),
        ));
    }
    let terms: Vec<TermView> = pack
        .glossary
        .iter()
        .map(|t| TermView {
            term: t.term.clone(),
            aliases: t.aliases.join("、"),
            definition: t.definition.clone(),
            source: t.source.clone(),
            more: t.entry.as_deref().map(|id| link_to(pack, id)),
        })
        .collect();
    pages.push((
        "glossary".into(),
        render(
            &env,
            "glossary.html",
            minijinja::context! { terms => Serde(terms) },
        ),
    ));
    let events: Vec<EventView> = pack
        .timeline
        .iter()
        .map(|ev| EventView {
            when: ev.when.clone(),
            title: ev.title.clone(),
            text: ev.text.clone(),
            told: SourceKind::from_key(&ev.kind).told(),
            source: ev.source.clone(),
            more: ev.entry.as_deref().map(|id| link_to(pack, id)),
        })
        .collect();
    pages.push((
        "timeline".into(),
        render(
            &env,
            "timeline.html",
            minijinja::context! { events => Serde(events) },
        ),
    ));

    let dir = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap())
        .join("target")
        .join(DIR);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (id, html) in &pages {
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "data/policies.toml: id {id:?} must be lower-case letters, digits and '-' (it names a file)"
        );
        std::fs::write(dir.join(format!("{id}.html")), html).unwrap();
    }
    let ids: Vec<&str> = pages.iter().map(|(id, _)| id.as_str()).collect();
    std::fs::write(dir.join("ids"), ids.join("\n") + "\n").unwrap();
}
