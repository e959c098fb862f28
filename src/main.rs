/// Talc instead of Rust's default dlmalloc: smaller WebAssembly (0.7 KB gzip
/// with in-place realloc off; measured with scripts/bench.sh) and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    bangfu::ui::start_main();
}
