//! 帮扶助手. The domain modules are plain Rust with no browser dependency so that
//! `cargo test` checks every figure natively; `ui` is the only part that touches
//! Leptos and web-sys and is compiled for wasm32 only.

pub mod check;
pub mod date;
pub mod eligibility;
pub mod form;
pub mod loan;
pub mod local;
pub mod money;
pub mod parse;
pub mod policy;
pub mod products;
pub mod qr;
pub mod query;
pub mod risk;
pub mod sources;
pub mod store;
mod strict;
pub mod workdays;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// Talc instead of Rust's default dlmalloc, for both WebAssembly parts: the
/// same job in fewer bytes (0.7 KB gzip with in-place realloc off; measured
/// with scripts/bench.sh) and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
