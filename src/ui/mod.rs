//! The browser side: Leptos components over the state in [`state::AppState`],
//! and the few browser APIs the app uses. Screens only render what the
//! domain modules compute and explain.

mod app;
mod browser;
mod chart;
mod check;
mod check_results;
mod check_sheet;
mod check_whatif;
mod copy_box;
mod declared;
mod fields;
mod home;
mod households;
mod links;
mod list;
mod loan;
mod loan_card;
mod loan_inputs;
mod loan_results;
mod local;
mod local_note;
mod measures;
mod policy;
mod qr;
mod risk;
mod screens;
mod speech;
mod state;
mod storage;
mod village;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Entry point (`src/main.rs`): replaces the static loading shell with the
/// app. One program: the screens' code comes in as it is needed
/// (`ui::screens`).
pub fn start() {
    browser::install_panic_hook();
    let Some(root) = browser::document()
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let state = state::init();
    root.set_text_content(None);
    leptos::mount::mount_to(root, move || view! { <app::App state/> }).forget();
}
