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

/// Entry point of the estimator and policy part (`src/main.rs`).
pub fn start_main() {
    start(&app::MAIN);
}

/// Entry point of the self-check part (`src/bin/bangfu-check.rs`).
pub fn start_check() {
    start(&app::CHECK);
}

/// Replaces the static loading shell with the app (mounting writes over it;
/// a link for the other part keeps it, saying 正在打开, while that loads).
/// Each part's binary calls this with its own screens, so the other part's
/// code is not linked in.
fn start(screens: &'static app::PartScreens) {
    browser::install_panic_hook();
    let Some(root) = browser::document().and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // Effects run on wasm-bindgen's microtask queue (an Err only means it
    // was set up already).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = reactive_graph::owner::Owner::new();
    owner.set();
    app::start(&root, screens);
    std::mem::forget(owner);
}
