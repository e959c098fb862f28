//! The estimator-and-policy part of the app (home, 贷款测算, 政策解读): one of
//! two WebAssembly files, see `ui::app::Part`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_main();
}
