//! The browser side: Leptos components and the few browser APIs the app uses.
//! Components only render what the domain modules compute and explain.

mod app;
mod browser;
mod chart;
mod check;
mod check_results;
mod copy_box;
mod dom;
mod fields;
mod home;
mod households;
mod links;
mod loan;
mod loan_inputs;
mod loan_results;
mod policy;
mod speech;
mod storage;

use wasm_bindgen::JsCast;

/// Entry point: replace the static loading shell with the app.
pub fn start() {
    browser::install_panic_hook();
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    if let Some(shell) = browser::document().and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    leptos::mount::mount_to(root, app::App).forget();
}
