//! One policy entry: summary, the five plain sections, misunderstandings,
//! sources and date checked, related entries, the share link; read-aloud
//! where the browser can, and a way into the loan estimator for loan entries.

use super::super::app::use_app;
use super::super::{browser, speech};
use super::icons::icon;
use super::{link, linked, tile, ShareLink, Static};
use crate::form::LoanForm;
use crate::html::Html;
use crate::policy::{self, Entry};
use crate::products;
use crate::query::View;
use leptos::prelude::*;

#[component]
pub fn EntryPage(entry: &'static Entry) -> impl IntoView {
    let e = entry;
    // The tab title names the entry, so a shared or bookmarked page says what
    // it is. Leaving puts the page's own title back, unless the next entry
    // has already set its own (the order of render and cleanup is not ours).
    if let Some(doc) = browser::document() {
        let original = browser::app_title();
        let mine = format!("{} · 帮扶助手", e.title);
        doc.set_title(&mine);
        on_cleanup(move || {
            if let Some(doc) = browser::document().filter(|d| d.title() == mine) {
                doc.set_title(&original);
            }
        });
    }
    view! {
        <article class="entry" id=format!("entry-{}", e.id)>
            <Static html=head(e)/>
            <div class="actions">
                <ReadAloud entry=e/>
                <TryLoan entry=e/>
            </div>
            <Static html=body(e) here=e.id/>
        </article>
        <ShareLink id=e.id/>
    }
}

fn head(e: &Entry) -> String {
    let mut h = Html::new();
    h.open("p", &[("class", "crumbs")]);
    link(&mut h, None, "", "‹ 政策解读");
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
    h.finish()
}

fn body(e: &Entry) -> String {
    let mut h = Html::new();
    for (heading, items) in e.sections() {
        if heading == "各地差异" {
            myths(&mut h, e);
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
            linked(&mut h, &pieces);
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
        tile(&mut h, r);
    }
    h.close("div");
    h.finish()
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

/// 朗读 / 停止, present only where the browser can read Chinese aloud.
#[component]
fn ReadAloud(entry: &'static Entry) -> impl IntoView {
    let available = speech::available();
    let speaking = RwSignal::new(false);
    on_cleanup(speech::stop);
    move || {
        available.get().then(|| {
            view! {
                <button
                    type="button"
                    class="secondary"
                    id="read-aloud"
                    on:click=move |_| {
                        if speaking.get_untracked() {
                            speech::stop();
                            speaking.set(false);
                        } else {
                            let parts = policy::speech(entry);
                            speaking.set(speech::speak(&parts, move || speaking.set(false)));
                        }
                    }
                >
                    {move || if speaking.get() { "停止朗读" } else { "朗读这一条" }}
                </button>
            }
        })
    }
}

/// For an entry about a loan product: open the estimator with that product.
/// The user's own figures, if they had typed any, stay one tap away.
#[component]
fn TryLoan(entry: &'static Entry) -> impl IntoView {
    let app = use_app();
    entry.product.and_then(products::product).map(|p| {
        view! {
            <button
                type="button"
                id="try-loan"
                on:click=move |_| {
                    let own = app.form.get_untracked();
                    if own.product != p.id {
                        let typed = own != LoanForm::for_product(own.product());
                        app.replaced.set(typed.then_some(own));
                        app.form.set(LoanForm::for_product(p));
                    }
                    app.go(View::Loan);
                }
            >
                "用这项贷款算一算"
            </button>
        }
    })
}
