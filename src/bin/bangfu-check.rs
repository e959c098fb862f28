//! The self-check part of the app (家庭自查 and 农户名单): its own WebAssembly
//! file, so a link to the estimator or a policy never downloads it. See
//! `ui::app::Part`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_check();
}
