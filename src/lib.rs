//! 帮扶助手. The domain modules are plain Rust with no browser dependency so that
//! `cargo test` checks every figure natively; `ui` is the only part that touches
//! Leptos and web-sys and is compiled for wasm32 only.

pub mod check;
pub mod date;
pub mod eligibility;
pub mod form;
pub mod html;
pub mod json;
pub mod loan;
pub mod money;
pub mod order;
pub mod parse;
pub mod policy;
pub mod products;
pub mod query;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod ui;
