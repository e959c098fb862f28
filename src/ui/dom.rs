//! How every screen is put on the page, in few bytes of WebAssembly.
//!
//! Leptos compiles each distinct `view!` shape into its own build, rebuild
//! and event code; with forms on five screens that was most of a 284 KB
//! (gzip) download. So a screen here is:
//! - its markup, written once into a string by [`crate::html::Html`] (every
//!   piece of text escaped) and set as the inner HTML of one element
//!   ([`page`]);
//! - **regions**: elements whose content follows signals ([`region`]), each an
//!   effect that rewrites that element's markup only when the text changed;
//! - **patches**: effects that keep an attribute, a text or an input's value
//!   in step with the state ([`effect`] with the setters below) without
//!   replacing the element, so focus and typing are never lost;
//! - **one handler** per screen for every click, input and change inside it
//!   ([`Ev`]), dispatching on the target's `id` or `data-act`; the text an
//!   input method commits (`compositionend`) comes as one more input.
//!
//! State stays in Leptos signals (`ui::app::AppState`); the regions and
//! patches are Leptos effects, owned by the screen, so they stop when it goes.
//! No Leptos view is built at all ([`mount`] puts markup in place itself), so
//! none of the view machinery is in the download.

use super::app::{use_app, AppState};
use reactive_graph::prelude::*;
use reactive_graph::{computed::Memo, effect::Effect, owner::Owner};
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

pub fn by_id(id: &str) -> Option<web_sys::Element> {
    super::browser::document()?.get_element_by_id(id)
}

pub fn set_html(id: &str, html: &str) {
    if let Some(el) = by_id(id) {
        el.set_inner_html(html);
    }
}

pub fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

pub fn set_attr(id: &str, name: &str, value: &str) {
    if let Some(el) = by_id(id) {
        let _ = el.set_attribute(name, value);
    }
}

/// Shows or hides an element with the `hidden` attribute.
pub fn show(id: &str, visible: bool) {
    if let Some(el) = by_id(id) {
        if visible {
            let _ = el.remove_attribute("hidden");
        } else {
            let _ = el.set_attribute("hidden", "");
        }
    }
}

fn prop(el: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(el, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set_prop(el: &JsValue, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(el, &JsValue::from_str(name), value);
}

/// The `value` of an input, select or textarea.
pub fn value(el: &web_sys::Element) -> String {
    prop(el, "value").as_string().unwrap_or_default()
}

/// Sets an input's or select's value only when it differs, so the caret
/// stays where it is while someone types.
pub fn set_value(id: &str, v: &str) {
    if let Some(el) = by_id(id) {
        if value(&el) != v {
            set_prop(&el, "value", &JsValue::from_str(v));
        }
    }
}

pub fn checked(el: &web_sys::Element) -> bool {
    prop(el, "checked").as_bool().unwrap_or(false)
}

pub fn set_checked(el: &web_sys::Element, on: bool) {
    if checked(el) != on {
        set_prop(el, "checked", &JsValue::from_bool(on));
    }
}

/// An effect: runs now and again whenever a signal it read changes.
pub fn effect(f: impl Fn() + 'static) {
    effect_boxed(Box::new(f));
}

// One instantiation of Leptos's effect code for every effect in the app.
fn effect_boxed(f: Box<dyn Fn()>) {
    Effect::new(move |_| f());
}

/// Keeps the markup inside element `id` equal to `render()`. The element is
/// rewritten only when the markup changed.
pub fn region(id: &'static str, render: impl Fn() -> String + 'static) {
    region_boxed(id, Box::new(render));
}

fn region_boxed(id: &'static str, render: Box<dyn Fn() -> String>) {
    let last = std::cell::RefCell::new(None::<String>);
    effect_boxed(Box::new(move || {
        let html = render();
        let mut last = last.borrow_mut();
        if last.as_ref() != Some(&html) {
            set_html(id, &html);
            *last = Some(html);
        }
    }));
}

/// What happened inside a screen: a click, an input or a change.
pub struct Ev {
    pub event: web_sys::Event,
    pub kind: Kind,
    /// The element the event happened on.
    pub target: web_sys::Element,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Click,
    Input,
    Change,
}

impl Ev {
    /// The target's id ("" without one).
    pub fn id(&self) -> String {
        self.target.id()
    }

    /// The nearest element with `data-act` around the target, and its action.
    /// Clicks on text inside a button find the button.
    pub fn act(&self) -> Option<(web_sys::Element, String)> {
        let el = self.target.closest("[data-act]").ok()??;
        let act = el.get_attribute("data-act")?;
        Some((el, act))
    }

    /// A `data-*` attribute of the element found by [`Ev::act`].
    pub fn data(&self, name: &str) -> String {
        self.act()
            .and_then(|(el, _)| el.get_attribute(name))
            .unwrap_or_default()
    }

    pub fn value(&self) -> String {
        value(&self.target)
    }

    pub fn checked(&self) -> bool {
        checked(&self.target)
    }

    /// True for the `input` events an input method sends while composing
    /// (Chinese input methods type pinyin first); the committed text arrives
    /// as one more [`Kind::Input`], from `compositionend`.
    pub fn composing(&self) -> bool {
        prop(&self.event, "isComposing").as_bool().unwrap_or(false)
    }

    pub fn prevent_default(&self) {
        self.event.prevent_default();
    }
}

/// Handles what happens inside a screen; returns nothing, changes signals.
pub type Handler = fn(AppState, &Ev);

/// A screen: its markup and the handler for what happens inside it.
pub struct Screen {
    html: String,
    handle: Handler,
}

thread_local! {
    /// The handler of the screen on show.
    static HANDLER: Cell<Handler> = const { Cell::new(no_events) };
}

fn dispatch(kind: Kind, event: web_sys::Event) {
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let app = use_app();
    let ev = Ev {
        event,
        kind,
        target,
    };
    // Links to another screen work everywhere, as plain links too.
    if kind == Kind::Click && super::links::follow(app, &ev) {
        return;
    }
    // Pinyin being composed is not what the user means to type yet.
    if kind == Kind::Input && ev.composing() {
        return;
    }
    HANDLER.with(Cell::get)(app, &ev);
}

/// A screen: `html` written once inside a `<div class=…>`, and `handle` for
/// every click, input and change inside it. Regions and patches are created
/// by the caller before this, while the screen is being built, so they live
/// as long as it.
pub fn page(class: &'static str, html: String, handle: Handler) -> Screen {
    let mut h = crate::html::Html::new();
    h.open("div", &[("class", class)])
        .written(&html)
        .close("div");
    Screen {
        html: h.finish(),
        handle,
    }
}

/// For screens with nothing to handle but links.
pub fn no_events(_: AppState, _: &Ev) {}

/// Puts the app on the page: `chrome` (markup around the screens) into
/// `root`, one listener each for click, input and change on `root`, and in
/// element `screen_id` the screen `build(key())` — built again, with the old
/// screen's effects stopped, whenever `key()` changes.
pub fn mount<K: PartialEq + Clone + Send + Sync + 'static>(
    root: &web_sys::Element,
    chrome: &str,
    screen_id: &'static str,
    key: Memo<K>,
    build: fn(K) -> Screen,
) {
    root.set_inner_html(chrome);
    // What an input method commits (`compositionend`) comes as one more input.
    for (name, kind) in [
        ("click", Kind::Click),
        ("input", Kind::Input),
        ("change", Kind::Change),
        ("compositionend", Kind::Input),
    ] {
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e| dispatch(kind, e));
        let _ = root.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        listener.forget();
    }
    let owner = Owner::new();
    effect(move || {
        let k = key.get();
        owner.cleanup();
        let screen = owner.with(|| reactive_graph::graph::untrack(|| build(k)));
        set_html(screen_id, &screen.html);
        HANDLER.with(|h| h.set(screen.handle));
    });
}
