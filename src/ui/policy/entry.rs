//! An entry inside the app: what the static page (`policy/<id>.html`, the
//! entry itself, ARCHITECTURE.md "Policy pages") cannot do without a script.
//! Its 朗读这一条 and 复制链接 open this (`?v=policy&id=…&read=1`): the title
//! and summary, read-aloud where the browser can, the way into the estimator
//! for a loan entry, and the page's link to copy or show as a QR code.

use super::Crumbs;
use crate::form::LoanForm;
use crate::policy::{self, Entry};
use crate::products;
use crate::query::{page_path, View};
use crate::ui::copy_box::CopyBox;
use crate::ui::state::use_app;
use crate::ui::{browser, speech};
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
    let page = page_path(e.id);
    view! {
        <article class="entry" id=format!("entry-{}", e.id)>
            <Crumbs category=e.category/>
            <h1 id="entry-title">{e.title}</h1>
            <p class="lead" id="entry-summary">
                {e.summary}
            </p>
            <Actions e/>
            <p>
                <a class="button secondary" id="entry-page" href=page.clone()>
                    "看全文"
                </a>
            </p>
        </article>
        <section class="card copy" aria-labelledby="policy-share-title">
            <h2 id="policy-share-title">"把这一条发给别人"</h2>
            <CopyBox
                ids=("policy-link", "copy-policy-link", "policy-copy-status")
                label="这一条的链接"
                link=browser::absolute_beside(&page)
            />
        </section>
    }
}

/// The read-aloud button (only where the browser can read Chinese aloud;
/// voices may arrive after the page, and the button with them) and, for an
/// entry about a loan product, a way into the estimator with that product
/// that keeps the figures the user typed one tap away.
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
            <Show
                when=move || can_speak.get()
                fallback=|| {
                    view! {
                        <p class="muted" id="no-read-aloud">
                            "这个浏览器不能朗读中文。可以点“看全文”自己看，或者请家人读一读。"
                        </p>
                    }
                }
            >
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
