//! A link in a read-only box with a copy button and what happened. Copying
//! is refused by some WebViews, so the box stays selectable for a long-press.

use super::browser;
use leptos::html::Input;
use leptos::prelude::*;

#[component]
pub fn CopyBox(
    /// Element ids, used by the browser tests: (input, button, status).
    ids: (&'static str, &'static str, &'static str),
    label: &'static str,
    #[prop(into)] link: Signal<String>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let copied = RwSignal::new(None::<bool>);
    view! {
        <input id=ids.0 node_ref=input readonly prop:value=link aria-label=label/>
        <button id=ids.1 on:click=move |_| copied.set(input.get().map(|i| browser::copy_from(&i)))>
            "复制链接"
        </button>
        <p role="status" id=ids.2>
            {move || match copied.get() {
                Some(true) => "已复制，可以粘贴到微信里发送。",
                Some(false) => "没能自动复制，请长按上面的链接，选“复制”。",
                None => "",
            }}
        </p>
    }
}
