//! Glossary terms inside entry text, and the glossary page. A term is a
//! dotted link in the sentence (to the glossary page, should scripts fail);
//! tapping it opens its definition right below the sentence (nothing to
//! position or dismiss on a small screen), tapping it again closes it.

use super::link;
use crate::html::Html;
use crate::policy::{self, Term};

/// The definition box for `t`, with a link to its entry unless that entry is
/// `here`, the page being read.
fn definition(t: &Term, here: &str) -> String {
    let mut h = Html::new();
    h.open("span", &[("class", "term-def"), ("role", "note")])
        .leaf("strong", &[], t.term)
        .text("：")
        .text(t.definition)
        .open("span", &[("class", "src")])
        .text("出处：")
        .text(t.source)
        .close("span");
    if let Some(e) = t.entry.filter(|id| *id != here).and_then(policy::entry) {
        link(&mut h, Some(e.id), "", &format!("详细看：{}", e.title));
    }
    h.close("span");
    h.finish()
}

/// Opens or closes the definition of the term `button` stands for, inside
/// the sentence that holds it; one definition open per sentence.
pub fn toggle(button: &web_sys::Element) {
    let Some(term) = button
        .get_attribute("data-term")
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| policy::glossary().get(i))
    else {
        return;
    };
    let Some(block) = button.closest("li, dd, .t").ok().flatten() else {
        return;
    };
    let was_open = button.get_attribute("aria-expanded").as_deref() == Some("true");
    while let Ok(Some(def)) = block.query_selector(".term-def") {
        def.remove();
    }
    while let Ok(Some(other)) = block.query_selector(".term[aria-expanded=\"true\"]") {
        let _ = other.set_attribute("aria-expanded", "false");
    }
    if !was_open {
        let here = button
            .closest("[data-here]")
            .ok()
            .flatten()
            .and_then(|c| c.get_attribute("data-here"))
            .unwrap_or_default();
        let _ = button.set_attribute("aria-expanded", "true");
        let _ = block.insert_adjacent_html("beforeend", &definition(term, &here));
    }
}

/// Every term with its definition.
pub fn page() -> String {
    let mut h = Html::new();
    h.open("p", &[("class", "crumbs")]);
    link(&mut h, None, "", "‹ 政策解读");
    h.close("p")
        .leaf("h1", &[], "名词解释")
        .leaf(
            "p",
            &[],
            &format!(
                "政策里常见的 {} 个词，用大白话说明。",
                policy::glossary().len()
            ),
        )
        .open("dl", &[("class", "glossary"), ("id", "glossary")]);
    for t in policy::glossary() {
        h.open("dt", &[]).text(t.term);
        if !t.aliases.is_empty() {
            h.leaf(
                "span",
                &[("class", "small muted")],
                &format!("（也说：{}）", t.aliases.join("、")),
            );
        }
        h.close("dt").open("dd", &[]).text(t.definition).leaf(
            "span",
            &[("class", "src")],
            &format!("出处：{}", t.source),
        );
        if let Some(e) = t.entry.and_then(policy::entry) {
            link(&mut h, Some(e.id), "", &format!("详细看：{}", e.title));
        }
        h.close("dd");
    }
    h.close("dl");
    h.finish()
}
