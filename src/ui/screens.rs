//! Every screen but the home screen is a split point: its code (and the code
//! only it uses) is cut out of the main WebAssembly module by the build's
//! split step (`scripts/build-wasm.sh`, wasm-split) into a file of its own,
//! downloaded the first time the screen is shown, over the one runtime in the
//! main module. index.html preloads the file of the screen a link opens.
//!
//! The functions here are `fallible` split points: a chunk that cannot be
//! downloaded (offline before the first full visit, a flaky network) comes
//! back as [`ChunkFailed`] for the shell to say so and offer 重试; without
//! that, a failed load would abort the whole module. A failed load is not
//! remembered, so 重试 downloads again.

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

/// A screen's file could not be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkFailed;

impl From<SplitLoaderError> for ChunkFailed {
    fn from(_: SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// What a split point hands back: the screen, ready to mount.
pub type Screen = Result<AnyView, ChunkFailed>;

#[wasm_split(loan, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn loan() -> Screen {
    Ok(view! { <super::loan::LoanPage/> }.into_any())
}

#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn questionnaire() -> Screen {
    Ok(view! { <super::check::Questionnaire/> }.into_any())
}

#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn results() -> Screen {
    Ok(view! { <super::check_results::OwnResults/> }.into_any())
}

#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn shared_results() -> Screen {
    Ok(view! { <super::check_results::SharedResults/> }.into_any())
}

#[wasm_split(households, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn households() -> Screen {
    Ok(view! { <super::households::HouseholdsPage/> }.into_any())
}

#[wasm_split(policy, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn policy(id: Option<String>) -> Screen {
    Ok(view! { <super::policy::PolicyPage id/> }.into_any())
}

#[wasm_split(local, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn local() -> Screen {
    Ok(view! { <super::local::LocalPage/> }.into_any())
}

#[wasm_split(risk, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn risk() -> Screen {
    Ok(view! { <super::risk::RiskPage/> }.into_any())
}

#[wasm_split(qr, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn qr(target: Option<String>) -> Screen {
    Ok(view! { <super::qr::QrPage target/> }.into_any())
}
