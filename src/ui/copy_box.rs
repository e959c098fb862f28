//! A link in a read-only box with a copy button and what happened. Copying
//! is refused by some WebViews, so the box stays selectable for a long-press.
//! The button (`data-act="copy"`) is handled on every screen by
//! [`super::links::follow`].

use super::{browser, dom};
use crate::html::Html;
use wasm_bindgen::JsCast;

/// `ids` are (input, button, status), used by the browser tests too.
pub fn html(h: &mut Html, ids: (&str, &str, &str), label: &str, link: &str) {
    h.open(
        "input",
        &[
            ("id", ids.0),
            ("readonly", ""),
            ("aria-label", label),
            ("value", link),
        ],
    )
    .leaf(
        "button",
        &[
            ("type", "button"),
            ("id", ids.1),
            ("data-act", "copy"),
            ("data-copy", ids.0),
            ("data-status", ids.2),
        ],
        "复制链接",
    )
    .leaf("p", &[("role", "status"), ("id", ids.2)], "");
}

/// Copies the box named by the button's `data-copy` and says what happened.
pub fn copy(ev: &dom::Ev) {
    let input = dom::by_id(&ev.data("data-copy"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let ok = input.is_some_and(|i| browser::copy_from(&i));
    dom::set_text(
        &ev.data("data-status"),
        if ok {
            "已复制，可以粘贴到微信里发送。"
        } else {
            "没能自动复制，请长按上面的链接，选“复制”。"
        },
    );
}
