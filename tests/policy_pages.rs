//! The static policy pages the build writes (build/pages.rs, into
//! target/pages/; ARCHITECTURE.md "Policy pages"): one for every entry, the
//! glossary and the timeline, saying what the app's library says, with every
//! link between them resolving. The browser tests read them as a phone does
//! (tests/e2e/pages.spec.mjs); postbuild refuses a page over 20 KB brotli.

use bangfu::policy::{self, Piece, GLOSSARY_ID, TIMELINE_ID};
use bangfu::query::{page_id, page_path};
use bangfu::sources::SourceKind;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("pages")
}

fn page(id: &str) -> String {
    std::fs::read_to_string(dir().join(format!("{id}.html")))
        .unwrap_or_else(|e| panic!("target/pages/{id}.html: {e}"))
}

/// Text as the templates write it (minijinja's HTML escaping).
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
        .replace('/', "&#x2f;")
}

#[test]
fn every_entry_the_glossary_and_the_timeline_have_a_page_and_nothing_else_does() {
    let ids = std::fs::read_to_string(dir().join("ids")).unwrap();
    let mut listed: Vec<&str> = ids.lines().collect();
    let mut want: Vec<&str> = policy::entries().iter().map(|e| e.id).collect();
    want.extend([GLOSSARY_ID, TIMELINE_ID]);
    listed.sort_unstable();
    want.sort_unstable();
    assert_eq!(listed, want);
    let mut files: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|f| f.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".html"))
        .collect();
    files.sort();
    let mut named: Vec<String> = want.iter().map(|id| format!("{id}.html")).collect();
    named.sort();
    assert_eq!(files, named);
    for id in want {
        assert!(policy::has_page(id), "{id}");
        assert_eq!(page_id(&page_path(id)), Some(id));
    }
}

#[test]
fn a_page_says_what_the_app_says_in_its_order() {
    for e in policy::entries() {
        let html = page(e.id);
        assert!(
            html.contains(&format!("<title>{} · 帮扶助手</title>", escaped(e.title))),
            "{}: title",
            e.id
        );
        assert!(
            html.contains(&format!(
                "<meta name=\"description\" content=\"{}\">",
                escaped(e.summary)
            )),
            "{}: description",
            e.id
        );
        // The app's sections, headed as the app heads them, in its order.
        let mut at = 0;
        for (heading, items) in e.sections() {
            let h = format!("<h2>{heading}</h2>");
            let found = html[at..]
                .find(&h)
                .unwrap_or_else(|| panic!("{}: {heading} missing or out of order", e.id));
            at += found;
            // Every sentence, terms and all, as the app's finder splits it.
            for pieces in policy::linked(items) {
                for p in pieces {
                    let text = match p {
                        Piece::Text(t) => escaped(t),
                        Piece::Term(w, _) => format!("<b class=\"term\">{}</b>", escaped(w)),
                    };
                    assert!(html.contains(&text), "{}: {text}", e.id);
                }
            }
        }
        for b in e.basis {
            assert!(html.contains(&escaped(b.title)), "{}: {}", e.id, b.title);
            assert!(html.contains(b.kind.told()), "{}: {}", e.id, b.title);
        }
        assert!(
            html.contains(&format!("最近核对：{}。", e.checked.chinese())),
            "{}",
            e.id
        );
        for m in e.myths {
            assert!(html.contains("<h2>常见误区</h2>"), "{}", e.id);
            assert!(
                !m.wrong.is_empty() && !m.right.is_empty(),
                "{}: an empty myth",
                e.id
            );
        }
    }
}

#[test]
fn every_link_on_a_page_leads_to_a_page_or_into_the_app() {
    for id in std::fs::read_to_string(dir().join("ids")).unwrap().lines() {
        let html = page(id);
        assert!(!html.contains("<script"), "{id}: a page has no script");
        for href in html.split("href=\"").skip(1) {
            let href = &href[..href.find('"').unwrap()];
            let href = href.replace("&#x2f;", "/").replace("&amp;", "&");
            if href == "../" || href.starts_with("../?v=") || href == "../favicon.svg" {
                continue;
            }
            let other = href
                .strip_suffix(".html")
                .unwrap_or_else(|| panic!("{id}: {href}"));
            assert!(policy::has_page(other), "{id}: {href}");
        }
    }
    // A term explained on a page links to the entry that tells more, never
    // to the page itself.
    let tekun = page("tekun");
    assert!(tekun.contains("<summary>“公示”是什么意思</summary>"));
    assert!(tekun.contains("<a href=\"jiandang-lika.html\">详细看：建档立卡和精准识别</a>"));
    assert!(!tekun.contains("href=\"tekun.html\""));
}

#[test]
fn the_glossary_and_timeline_pages_hold_every_term_and_event() {
    let glossary = page(GLOSSARY_ID);
    for t in policy::glossary() {
        assert!(
            glossary.contains(&format!("<dt>{}", escaped(t.term))),
            "{}",
            t.term
        );
        assert!(glossary.contains(&escaped(t.definition)), "{}", t.term);
    }
    let timeline = page(TIMELINE_ID);
    for ev in policy::timeline() {
        assert!(timeline.contains(&escaped(ev.title)), "{}", ev.title);
        assert!(
            timeline.contains(&format!("依据（{}）", ev.kind.told())),
            "{}",
            ev.title
        );
    }
    // Second-hand sources say 以当地为准 on the pages as in the app.
    assert!(SourceKind::Media.told().ends_with("以当地为准"));
}
