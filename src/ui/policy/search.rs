//! Search results with the matching words marked, and the answer when
//! nothing matches: other words to try, the categories, and the entries
//! people read most.

use super::icons::icon;
use super::{href, link, marked, tile};
use crate::html::Html;
use crate::policy::{self, Category, Results};

/// The one line a screen reader announces as results change.
pub fn status(query: &str, r: &Results) -> String {
    if r.hits.is_empty() {
        format!("没有找到和“{}”有关的政策。", crate::form::short(query))
    } else if r.guessed {
        "没有完全对上的，您可能想找：".to_string()
    } else {
        format!("找到 {} 条：", r.hits.len())
    }
}

pub fn results(r: &Results) -> String {
    let mut h = Html::new();
    if r.hits.is_empty() {
        no_match(&mut h);
        return h.finish();
    }
    h.open("div", &[("class", "tiles"), ("id", "search-results")]);
    for hit in &r.hits {
        let e = hit.entry;
        h.open(
            "a",
            &[
                ("class", "tile hit"),
                ("href", &href(Some(e.id))),
                ("data-open", e.id),
            ],
        )
        .open("strong", &[]);
        marked(&mut h, e.title, &hit.title);
        h.close("strong");
        marked(&mut h, e.summary, &hit.summary);
        if let Some((word, marks)) = &hit.because {
            let label = if *word == e.category.label() {
                "分类："
            } else {
                "相关词："
            };
            h.open("span", &[("class", "why")]).text(label);
            marked(&mut h, word, marks);
            h.close("span");
        }
        h.close("a");
    }
    h.close("div");
    h.finish()
}

/// Nothing found: ways in that always work.
fn no_match(h: &mut Html) {
    h.open("div", &[("class", "banner info"), ("id", "no-match")])
        .leaf(
            "p",
            &[],
            "换个简单的词试试，比如“看病”“上学”“贷款”“低保”；也可以按下面的分类找，或者问村干部。",
        )
        .close("div")
        .leaf("h2", &[], "按分类找")
        .open("div", &[("class", "cats")]);
    for c in Category::ALL {
        h.open(
            "button",
            &[
                ("type", "button"),
                ("class", "cat"),
                ("data-query", c.label()),
            ],
        )
        .trusted(icon(c))
        .leaf("span", &[], c.label())
        .close("button");
    }
    h.close("div")
        .leaf("h2", &[], "大家常看的")
        .open("div", &[("class", "tiles"), ("id", "popular")]);
    for e in policy::popular() {
        tile(h, e);
    }
    h.close("div").open("p", &[]);
    link(h, Some(policy::GLOSSARY_ID), "", "看不懂某个词？看名词解释");
    h.close("p");
}
