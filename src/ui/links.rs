//! Links between screens and to pages of the policy library. They are real
//! links (long-press, a new tab and copying the address work); a plain tap
//! on a screen's link changes the screen in place instead of loading the
//! page again. An entry of the library, the glossary and the timeline are
//! static pages beside the app (`policy/<id>.html`, ARCHITECTURE.md "Policy
//! pages"), opened as pages.

use super::state::use_app;
use crate::query::{page_path, percent_encode, View};
use leptos::prelude::*;

/// The address of a page of the library (`None` = the library itself); the
/// id is percent-encoded, so any id survives the trip.
pub fn policy_href(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("?v=policy&id={}", percent_encode(id)),
        None => "?v=policy".to_string(),
    }
}

/// True when the click is meant for the browser (a new tab or window), so
/// the app must not take it over.
fn for_browser(ev: &leptos::ev::MouseEvent) -> bool {
    ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0
}

/// A link to another screen of the app.
#[component]
pub fn Go(
    to: View,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] class: Option<&'static str>,
    /// Hides the link (the `hidden` attribute) while true.
    #[prop(optional, into)]
    hidden: Option<Signal<bool>>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let open = move |ev: leptos::ev::MouseEvent| {
        if for_browser(&ev) {
            return;
        }
        ev.prevent_default();
        match to {
            View::Policy => app.open_policy(None),
            v => app.go(v),
        }
    };
    view! {
        <a
            id=id
            class=class
            href=format!("?v={}", to.key())
            hidden=move || hidden.is_some_and(|h| h.get())
            on:click=open
        >
            {children()}
        </a>
    }
}

/// A link to the policy library (`id: None`, in place) or to one of its
/// pages (an entry, the glossary, the timeline: a static page, loaded).
#[component]
pub fn PolicyLink(
    #[prop(into)] id: Option<String>,
    #[prop(optional)] class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    let href = match &id {
        Some(id) => page_path(&percent_encode(id)),
        None => policy_href(None),
    };
    let in_place = id.is_none();
    let open = move |ev: leptos::ev::MouseEvent| {
        if !in_place || for_browser(&ev) {
            return;
        }
        ev.prevent_default();
        app.open_policy(None);
    };
    view! {
        <a class=class href=href on:click=open>
            {children()}
        </a>
    }
}
