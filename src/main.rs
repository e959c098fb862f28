//! The estimator part of the app (home and 贷款测算): one of three
//! WebAssembly files, see `ui::app::Part`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_main();
}
