//! The self-check part of the app (家庭自查 and 农户名单): its own WebAssembly
//! file, so a link to the estimator or a policy never downloads it. See
//! `ui::app::Part`.

/// As in `src/main.rs`.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_check();
}
