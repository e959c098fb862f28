//! The policy part of the app (政策解读): its own WebAssembly file, so a link
//! to the estimator or the self-check never downloads the library's screens.
//! See `ui::app::Part`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_policy();
}
