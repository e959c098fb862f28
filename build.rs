//! Turns the data files in `data/` (edited by non-programmers) into Rust
//! constants (and the policy library into a JSON content pack and static pages) at build time: a mistake in a file fails the build with the entry
//! and field named, and the app ships no TOML parser (every KB of WebAssembly
//! counts). One generator per data file, in `build/`.

#[path = "build/declare.rs"]
mod declare;
#[path = "build/holidays.rs"]
mod holidays;
#[path = "build/pack.rs"]
mod pack;
#[path = "build/pages.rs"]
mod pages;
// The pack's format, shared with the app's reader (policy::pack).
#[path = "src/policy/pack_format.rs"]
mod pack_format;
#[path = "build/policies.rs"]
mod policies;
#[path = "build/policy_text.rs"]
mod policy_text;
#[path = "build/products.rs"]
mod products;
#[path = "build/screening.rs"]
mod screening;
#[path = "build/sources.rs"]
mod sources;
#[path = "build/visits.rs"]
mod visits;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/policy/pack_format.rs");
    println!("cargo:rerun-if-changed=src/policy/text.rs");
    println!("cargo:rerun-if-changed=src/sources.rs");
    let products = products::generate();
    let provinces = screening::generate();
    declare::generate(&provinces);
    holidays::generate();
    visits::generate();
    policies::generate(&products);
}
