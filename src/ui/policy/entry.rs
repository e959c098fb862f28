//! One policy entry: summary, the five plain sections, misunderstandings,
//! sources and date checked, related entries, the share link; read-aloud
//! where the browser can, and a way into the loan estimator for loan entries.

use super::super::app::use_app;
use super::super::speech;
use super::glossary::Linked;
use super::icons::Icon;
use super::library::tile;
use super::{PolicyLink, ShareLink};
use crate::form::LoanForm;
use crate::policy::{self, Entry};
use crate::products;
use crate::query::View;
use leptos::prelude::*;

#[component]
pub fn EntryPage(entry: &'static Entry) -> impl IntoView {
    let e = entry;
    // The tab title names the entry, so a shared or bookmarked page says what it is.
    if let Some(doc) = super::super::browser::document() {
        let before = doc.title();
        doc.set_title(&format!("{} · 帮扶助手", e.title));
        on_cleanup(move || {
            if let Some(doc) = super::super::browser::document() {
                doc.set_title(&before);
            }
        });
    }
    let sections = e.sections().map(|(heading, items)| {
        let numbered = heading == "怎么申请";
        let lines = policy::linked(items)
            .into_iter()
            .map(|pieces| view! { <li><Linked pieces here=e.id/></li> })
            .collect_view();
        let list = if numbered {
            view! { <ol class="steps">{lines}</ol> }.into_any()
        } else {
            view! { <ul>{lines}</ul> }.into_any()
        };
        let class = if heading == "各地差异" {
            "card local"
        } else {
            "card"
        };
        view! {
            <section class=class>
                <h2>{heading}</h2>
                {list}
            </section>
        }
    });
    // Myths share one set of links: a term linked in one is not linked again.
    let myth_texts: Vec<&'static str> = e.myths.iter().flat_map(|m| [m.wrong, m.right]).collect();
    let mut myth_pieces = policy::linked(&myth_texts).into_iter();
    let myths = e
        .myths
        .iter()
        .map(|_| {
            let wrong = myth_pieces.next().unwrap_or_default();
            let right = myth_pieces.next().unwrap_or_default();
            view! {
                <div class="myth">
                    <p class="wrong"><span class="mark" aria-label="错误说法">"✗"</span> <Linked pieces=wrong here=e.id/></p>
                    <p class="right"><span class="mark" aria-label="实际情况">"✓"</span> <Linked pieces=right here=e.id/></p>
                </div>
            }
        })
        .collect_view();
    let [who, gets, steps, bring, local] = sections;

    view! {
        <p class="crumbs">
            <PolicyLink id=None text="‹ 政策解读"/>
            <span class="cat-label">
                <Icon category=e.category/>
                {e.category.label()}
            </span>
        </p>
        <article class="entry" id=format!("entry-{}", e.id)>
            <h1 id="entry-title">{e.title}</h1>
            <p class="lead" id="entry-summary">{e.summary}</p>
            <div class="actions">
                <ReadAloud entry=e/>
                <TryLoan entry=e/>
            </div>
            {who}
            {gets}
            {steps}
            {bring}
            <section class="card myths" id="myths">
                <h2>"常见误区"</h2>
                {myths}
            </section>
            {local}
            <section class="card" id="basis">
                <h2>"依据"</h2>
                <ol class="basis">
                    {e
                        .basis
                        .iter()
                        .map(|b| {
                            view! {
                                <li>
                                    <strong>{b.title}</strong>
                                    " " {b.number} "（" {b.date} "）"
                                    {(!b.verified).then(|| view! { <span class="tag">"未核实原文"</span> })}
                                    <span class="src">{b.link}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <p class="small muted" id="checked">
                    {format!("最近核对：{}。政策会变，办事以当地最新文件和有关部门的答复为准。", e.checked.chinese())}
                </p>
            </section>
        </article>
        <section aria-labelledby="related-title">
            <h2 id="related-title">"相关政策"</h2>
            <div class="tiles" id="related">{e.related_entries().map(tile).collect_view()}</div>
        </section>
        <ShareLink id=e.id/>
    }
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
                    aria-pressed=move || if speaking.get() { "true" } else { "false" }
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
