//! A link in a read-only box with a copy button and what happened, and a
//! button for its QR code. Copying is refused by some WebViews, so the box
//! stays selectable for a long-press.

use super::browser;
use super::state::use_app;
use leptos::html::Input;
use leptos::prelude::*;

/// `ids` are (input, button, status), used by the browser tests too.
#[component]
pub fn CopyBox(
    ids: (&'static str, &'static str, &'static str),
    label: &'static str,
    #[prop(into)] link: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new("");
    let input = NodeRef::<Input>::new();
    let copy = move |_| {
        let ok = input.get().is_some_and(|i| browser::copy_from(&i));
        status.set(if ok {
            "已复制，可以粘贴到微信里发送。"
        } else {
            "没能自动复制，请长按上面的链接，选“复制”。"
        });
    };
    view! {
        <input id=ids.0 readonly aria-label=label prop:value=link node_ref=input/>
        <div class="copy-actions">
            <button type="button" id=ids.1 on:click=copy>
                "复制链接"
            </button>
            // The same link as a code to scan, and a poster to print (another
            // part of the app: everything is saved before it loads).
            <button
                type="button"
                class="secondary qr-button"
                on:click=move |_| app.open_qr(&link.get_untracked())
            >
                "二维码"
            </button>
        </div>
        <p role="status" id=ids.2>
            {status}
        </p>
    }
}
