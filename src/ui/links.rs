//! Links that work on every screen, as plain links too (long-press, new tab):
//! `data-go` opens a screen, `data-open` a page of the policy library,
//! `data-term` shows a glossary definition in place; and the copy buttons
//! (`data-act="copy"`).

use super::app::AppState;
use super::dom::Ev;
use super::policy::glossary;
use crate::query::View;
use reactive_graph::prelude::Set;
use wasm_bindgen::JsCast;

/// Handles a click on such a link; true if it was one.
pub fn follow(app: AppState, ev: &Ev) -> bool {
    let find = |sel: &str| ev.target.closest(sel).ok().flatten();
    let new_tab = ev
        .event
        .dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|m| m.ctrl_key() || m.meta_key() || m.shift_key());
    let act = ev.act().map(|(_, a)| a);
    if act.as_deref() == Some("copy") {
        super::copy_box::copy(ev);
    } else if act.as_deref() == Some("dismiss-storage") {
        app.storage_note.set(None);
    } else if let Some(b) = find("[data-term]") {
        ev.prevent_default();
        glossary::toggle(&b);
    } else if let Some(a) = find("[data-open]") {
        if new_tab {
            return true;
        }
        ev.prevent_default();
        let id = a.get_attribute("data-open").unwrap_or_default();
        app.open_policy((!id.is_empty()).then_some(id.as_str()));
    } else if let Some(a) = find("[data-go]") {
        if new_tab {
            return true;
        }
        ev.prevent_default();
        let key = a.get_attribute("data-go").unwrap_or_default();
        match View::from_key(&key) {
            Some(View::Policy) => app.open_policy(None),
            Some(v) => app.go(v),
            None => app.go(View::Home),
        }
    } else {
        return false;
    }
    true
}
