//! One policy entry: summary, the five plain sections, misunderstandings,
//! sources and date checked, related entries, the share link; read-aloud
//! where the browser can, and a way into the loan estimator for loan entries.

use super::super::app::AppState;
use super::super::dom::{self, Ev, Kind};
use super::super::{browser, copy_box, speech};
use super::icons::icon;
use super::{href, link, linked, tile};
use crate::form::LoanForm;
use crate::html::Html;
use crate::policy::{self, Entry};
use crate::products;
use crate::query::View;
use reactive_graph::prelude::*;
use reactive_graph::signal::RwSignal;

thread_local! {
    /// Whether the entry is being read aloud (the page's own small state).
    static SPEAKING: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

pub fn page(e: &'static Entry) -> dom::Screen {
    // The tab title names the entry, so a shared or bookmarked page says what
    // it is. Leaving puts the page's own title back, unless the next entry
    // has already set its own (the order of render and cleanup is not ours).
    if let Some(doc) = browser::document() {
        let original = browser::app_title();
        let mine = format!("{} · 帮扶助手", e.title);
        doc.set_title(&mine);
        reactive_graph::owner::on_cleanup(move || {
            if let Some(doc) = browser::document().filter(|d| d.title() == mine) {
                doc.set_title(&original);
            }
        });
    }
    let speaking = RwSignal::new(false);
    SPEAKING.with(|s| s.set(Some(speaking)));
    reactive_graph::owner::on_cleanup(speech::stop);
    // 朗读 / 停止 only where the browser can read Chinese aloud; voices may
    // arrive after the page, and the button with them.
    let available = speech::available();
    dom::region("entry-actions", move || actions(e, available.get()));
    dom::effect(move || {
        let label = if speaking.get() {
            "停止朗读"
        } else {
            "朗读这一条"
        };
        dom::set_text("read-aloud", label);
    });
    dom::page("policy", html(e), handle)
}

fn html(e: &'static Entry) -> String {
    let mut h = Html::new();
    h.open(
        "article",
        &[
            ("class", "entry"),
            ("id", &format!("entry-{}", e.id)),
            ("data-here", e.id),
        ],
    );
    head(&mut h, e);
    h.leaf("div", &[("class", "actions"), ("id", "entry-actions")], "");
    body(&mut h, e);
    h.close("article")
        .open(
            "section",
            &[
                ("class", "card copy"),
                ("aria-labelledby", "policy-share-title"),
            ],
        )
        .leaf("h2", &[("id", "policy-share-title")], "把这一条发给别人");
    copy_box::html(
        &mut h,
        ("policy-link", "copy-policy-link", "policy-copy-status"),
        "这一条的链接",
        &browser::absolute_link(&href(Some(e.id))),
    );
    h.close("section");
    h.finish()
}

/// The read-aloud button (where it works) and, for an entry about a loan
/// product, a way into the estimator with that product.
fn actions(e: &Entry, can_speak: bool) -> String {
    let mut h = Html::new();
    if can_speak {
        h.leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("id", "read-aloud"),
            ],
            "朗读这一条",
        );
    }
    if e.product.and_then(products::product).is_some() {
        h.leaf(
            "button",
            &[("type", "button"), ("id", "try-loan")],
            "用这项贷款算一算",
        );
    }
    h.finish()
}

fn handle(app: AppState, ev: &Ev) {
    if ev.kind != Kind::Click {
        return;
    }
    let Some(e) = app
        .policy_id
        .with_untracked(|id| id.as_deref().and_then(policy::entry))
    else {
        return;
    };
    match ev.id().as_str() {
        "read-aloud" => {
            let Some(speaking) = SPEAKING.with(|s| s.get()) else {
                return;
            };
            if speaking.get_untracked() {
                speech::stop();
                speaking.set(false);
            } else {
                let parts = policy::speech(e);
                speaking.set(speech::speak(&parts, move || speaking.set(false)));
            }
        }
        // The user's own figures, if they had typed any, stay one tap away.
        "try-loan" => {
            if let Some(p) = e.product.and_then(products::product) {
                let own = app.form.get_untracked();
                if own.product != p.id {
                    let typed = own != LoanForm::for_product(own.product());
                    app.replaced.set(typed.then_some(own));
                    app.form.set(LoanForm::for_product(p));
                }
                app.go(View::Loan);
            }
        }
        _ => {}
    }
}

fn head(h: &mut Html, e: &Entry) {
    h.open("p", &[("class", "crumbs")]);
    link(h, None, "", "‹ 政策解读");
    h.open("span", &[("class", "cat-label")])
        .trusted(icon(e.category))
        .text(e.category.label())
        .close("span")
        .close("p")
        .leaf("h1", &[("id", "entry-title")], e.title)
        .leaf(
            "p",
            &[("class", "lead"), ("id", "entry-summary")],
            e.summary,
        );
}

fn body(h: &mut Html, e: &Entry) {
    for (heading, items) in e.sections() {
        if heading == "各地差异" {
            myths(h, e);
        }
        let (class, list, list_class) = match heading {
            "怎么申请" => ("card", "ol", "steps"),
            "各地差异" => ("card local", "ul", ""),
            _ => ("card", "ul", ""),
        };
        h.open("section", &[("class", class)])
            .leaf("h2", &[], heading)
            .open(list, &[("class", list_class)]);
        for pieces in policy::linked(items) {
            h.open("li", &[]);
            linked(h, &pieces);
            h.close("li");
        }
        h.close(list).close("section");
    }
    h.open("section", &[("class", "card"), ("id", "basis")])
        .leaf("h2", &[], "依据")
        .open("ol", &[("class", "basis")]);
    for b in e.basis {
        h.open("li", &[])
            .leaf("strong", &[], b.title)
            .text(&format!(" {}（{}）", b.number, b.date));
        if !b.verified {
            h.leaf("span", &[("class", "tag")], "未核实原文");
        }
        h.leaf("span", &[("class", "src")], b.link).close("li");
    }
    h.close("ol")
        .leaf(
            "p",
            &[("class", "small muted"), ("id", "checked")],
            &format!(
                "最近核对：{}。政策会变，办事以当地最新文件和有关部门的答复为准。",
                e.checked.chinese()
            ),
        )
        .close("section")
        .leaf("h2", &[("id", "related-title")], "相关政策")
        .open("div", &[("class", "tiles"), ("id", "related")]);
    for r in e.related_entries() {
        tile(h, r);
    }
    h.close("div");
}

/// 常见误区: what people believe, and what is true. The myths share one set of
/// glossary links, like a section.
fn myths(h: &mut Html, e: &Entry) {
    let texts: Vec<&'static str> = e.myths.iter().flat_map(|m| [m.wrong, m.right]).collect();
    h.open("section", &[("class", "card myths"), ("id", "myths")])
        .leaf("h2", &[], "常见误区");
    for (i, pieces) in policy::linked(&texts).iter().enumerate() {
        let (class, mark, said) = if i % 2 == 0 {
            ("wrong", "✗", "错误说法")
        } else {
            ("right", "✓", "实际情况")
        };
        if i % 2 == 0 {
            h.open("div", &[("class", "myth")]);
        }
        h.open("p", &[("class", class)])
            .leaf("span", &[("class", "mark"), ("aria-label", said)], mark)
            .open("span", &[("class", "t")]);
        linked(h, pieces);
        h.close("span").close("p");
        if i % 2 == 1 {
            h.close("div");
        }
    }
    h.close("section");
}
