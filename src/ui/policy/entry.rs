//! One policy entry: summary, the five plain sections, misunderstandings,
//! sources and date checked, related entries, the share link; read-aloud
//! where the browser can, and a way into the loan estimator for loan entries.

use super::glossary::Linked;
use super::{Crumbs, Tile};
use crate::form::LoanForm;
use crate::policy::{self, Entry, Piece};
use crate::products;
use crate::query::View;
use crate::ui::copy_box::CopyBox;
use crate::ui::links::policy_href;
use crate::ui::state::use_app;
use crate::ui::{browser, speech};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn EntryPage(e: &'static Entry) -> impl IntoView {
    // The tab title names the entry, so a shared or bookmarked page says what
    // it is. Leaving puts the page's own title back, unless the next entry
    // has already set its own (the order of building and cleanup is not ours).
    let mine = format!("{} · 帮扶助手", e.title);
    browser::set_title(&mine);
    on_cleanup(move || {
        if browser::document().is_some_and(|d| d.title() == mine) {
            browser::set_title(&browser::app_title());
        }
    });
    let sections = e
        .sections()
        .into_iter()
        .map(|(heading, items)| {
            // The myths come just before the local differences.
            let myths = (heading == "各地差异").then(|| view! { <Myths e/> });
            view! {
                {myths}
                <Section heading items here=e.id/>
            }
        })
        .collect_view();
    let basis = e
        .basis
        .iter()
        .map(|b| view! { <BasisLine b/> })
        .collect_view();
    view! {
        <article class="entry" id=format!("entry-{}", e.id)>
            <Crumbs category=e.category/>
            <h1 id="entry-title">{e.title}</h1>
            <p class="lead" id="entry-summary">
                {e.summary}
            </p>
            <Actions e/>
            {sections}
            <section class="card" id="basis">
                <h2>"依据"</h2>
                <ol class="basis">{basis}</ol>
                <p class="small muted" id="checked">
                    {format!(
                        "最近核对：{}。政策会变，办事以当地最新文件和有关部门的答复为准。",
                        e.checked.chinese(),
                    )}
                </p>
            </section>
            <h2 id="related-title">"相关政策"</h2>
            <div class="tiles" id="related">
                {e.related_entries().map(|e| view! { <Tile e/> }).collect_view()}
            </div>
        </article>
        <section class="card copy" aria-labelledby="policy-share-title">
            <h2 id="policy-share-title">"把这一条发给别人"</h2>
            <CopyBox
                ids=("policy-link", "copy-policy-link", "policy-copy-status")
                label="这一条的链接"
                link=browser::absolute_link(&policy_href(Some(e.id)))
            />
        </section>
    }
}

/// One document an entry rests on: what it is, its number and date, what
/// kind of source it was read in (with 以当地为准 when second-hand), the
/// rule's own words where we have them, and where it can be read.
#[component]
fn BasisLine(b: &'static policy::Basis) -> impl IntoView {
    let about = [b.number, b.date]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("，");
    view! {
        <li class=format!("kind-{}", b.kind.key())>
            <strong>{b.title}</strong>
            {(!about.is_empty()).then(|| format!("（{about}）"))}
            <span class="kind">{b.kind.told()}</span>
            {(!b.quote.is_empty()).then(|| view! { <q class="quote">{b.quote}</q> })}
            <span class="src">{format!("在哪里看到：{}", b.link)}</span>
        </li>
    }
}

/// The read-aloud button (only where the browser can read Chinese aloud;
/// voices may arrive after the page, and the button with them) and, for an
/// entry about a loan product, a way into the estimator with that product.
#[component]
fn Actions(e: &'static Entry) -> impl IntoView {
    let app = use_app();
    let can_speak = speech::available();
    let speaking = RwSignal::new(false);
    // Leaving the page must not leave the phone talking.
    on_cleanup(speech::stop);
    let read = move |_| {
        if speaking.get_untracked() {
            speech::stop();
            speaking.set(false);
        } else {
            let parts = policy::speech(e);
            speaking.set(speech::speak(&parts, move || speaking.set(false)));
        }
    };
    let product = e.product.and_then(products::product);
    // The user's own figures, if they had typed any, stay one tap away.
    let try_loan = move |_| {
        if let Some(p) = product {
            let own = app.form.get_untracked();
            if own.product != p.id {
                let typed = own != LoanForm::for_product(own.product());
                app.replaced.set(typed.then_some(own));
                app.form.set(LoanForm::for_product(p));
            }
            app.go(View::Loan);
        }
    };
    view! {
        <div class="actions" id="entry-actions">
            <Show when=move || can_speak.get()>
                <button type="button" class="secondary" id="read-aloud" on:click=read>
                    {move || if speaking.get() { "停止朗读" } else { "朗读这一条" }}
                </button>
            </Show>
            {product
                .map(|_| {
                    view! {
                        <button type="button" id="try-loan" on:click=try_loan>
                            "算这项贷款"
                        </button>
                    }
                })}
        </div>
    }
}

/// One of the five plain sections: who, what, how (numbered steps), what to
/// bring, local differences.
#[component]
fn Section(
    heading: &'static str,
    items: &'static [&'static str],
    here: &'static str,
) -> impl IntoView {
    let lis = policy::linked(items)
        .into_iter()
        .map(|pieces| view! { <li><Linked pieces here/></li> })
        .collect_view();
    let list = if heading == "怎么申请" {
        Either::Left(view! { <ol class="steps">{lis}</ol> })
    } else {
        Either::Right(view! { <ul>{lis}</ul> })
    };
    view! {
        <section class=if heading == "各地差异" { "card local" } else { "card" }>
            <h2>{heading}</h2>
            {list}
        </section>
    }
}

/// 常见误区: what people believe, and what is true. The myths share one set of
/// glossary links, like a section.
#[component]
fn Myths(e: &'static Entry) -> impl IntoView {
    let texts: Vec<&'static str> = e.myths.iter().flat_map(|m| [m.wrong, m.right]).collect();
    let mut linked = policy::linked(&texts).into_iter();
    let mut pairs = Vec::with_capacity(e.myths.len());
    while let (Some(wrong), Some(right)) = (linked.next(), linked.next()) {
        pairs.push(view! {
            <div class="myth">
                {said(wrong, false, e.id)}
                {said(right, true, e.id)}
            </div>
        });
    }
    view! {
        <section class="card myths" id="myths">
            <h2>"常见误区"</h2>
            {pairs}
        </section>
    }
}

/// One side of a myth: the wrong belief (✗) or what is true (✓).
fn said(pieces: Vec<Piece>, right: bool, here: &'static str) -> impl IntoView {
    let (class, mark, label) = if right {
        ("right", "✓", "实际情况")
    } else {
        ("wrong", "✗", "错误说法")
    };
    view! {
        <p class=class>
            <span class="mark" aria-label=label>
                {mark}
            </span>
            <span class="t">
                <Linked pieces here/>
            </span>
        </p>
    }
}
