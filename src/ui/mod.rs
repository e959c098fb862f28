//! The browser side: screens written as markup over Leptos signals (see
//! [`dom`]) and the few browser APIs the app uses. Screens only render what
//! the domain modules compute and explain.

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

/// Entry point: replace the static loading shell with the app.
pub fn start() {
    browser::install_panic_hook();
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    if let Some(shell) = browser::document().and_then(|d| d.get_element_by_id("shell")) {
        shell.remove();
    }
    // Effects run on wasm-bindgen's microtask queue (an Err only means it
    // was set up already).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = reactive_graph::owner::Owner::new();
    owner.set();
    app::start(&root);
    std::mem::forget(owner);
}
