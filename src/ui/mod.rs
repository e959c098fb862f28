//! The browser side: Leptos components over the state in [`app::AppState`],
//! and the few browser APIs the app uses. Screens only render what the
//! domain modules compute and explain.

mod app;
mod browser;
mod chart;
mod check;
mod check_results;
mod copy_box;
mod fields;
mod home;
mod households;
mod links;
mod loan;
mod loan_inputs;
mod loan_results;
mod local;
mod local_note;
mod policy;
mod qr;
mod risk;
mod speech;
mod storage;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Entry point of the estimator part (`src/main.rs`).
pub fn start_main() {
    start(&app::MAIN);
}

/// Entry point of the policy part (`src/bin/bangfu-policy.rs`).
pub fn start_policy() {
    start(&app::POLICY);
}

/// Entry point of the self-check part (`src/bin/bangfu-check.rs`).
pub fn start_check() {
    start(&app::CHECK);
}

/// Entry point of the cadres' part (`src/bin/bangfu-cadre.rs`).
pub fn start_cadre() {
    start(&app::CADRE);
}

/// Entry point of the sharing part (`src/bin/bangfu-share.rs`).
pub fn start_share() {
    start(&app::SHARE);
}

/// Replaces the static loading shell with the app (a link for another part
/// keeps it, saying 正在打开, while that loads). Each part's binary calls
/// this with its own screens, so the other parts' code is not linked in.
fn start(screens: &'static app::PartScreens) {
    browser::install_panic_hook();
    let Some(root) = browser::document()
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some((state, _)) = app::init(screens) else {
        return;
    };
    root.set_text_content(None);
    leptos::mount::mount_to(root, move || view! { <app::App state screens/> }).forget();
}
