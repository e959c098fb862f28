//! Every screen but the home screen is a split point: its code (and the code
//! only it uses) is cut out of the main WebAssembly module by the build's
//! split step (`scripts/build-wasm.mjs`, wasm-split-cli) into a file of its own,
//! downloaded the first time the screen is shown, over the one runtime in the
//! main module. index.html preloads the file of the screen a link opens.
//!
//! Screens that are used together share a file (the first name in
//! `wasm_split(…)`): the self-check, its results, 申报准备单 and the home
//! screen's 申报以后 card (what a villager's link needs); the cadres' file:
//! the household list, 村情汇总, 本地数字 and 风险补偿金 (so a villager's
//! self-check link does not download the 驻村工作队's village); the policy
//! library and the QR screen (which reads the content pack for an entry's
//! title). Code that several files use goes into small shared chunks, one
//! per set of users, so more files means more chunks, more requests and
//! worse compression (four files make 11 chunks; five made 26, and the
//! estimator's link 7 KB heavier);
//! `scripts/build-wasm.mjs` (`SPLIT_OF_VIEW`) says which file each `v=`
//! opens, for index.html's preload.
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

/// What a split point hands back: the screen, ready to mount. Built
/// untracked: the shell's `Suspend` tracks what its future reads, and a
/// screen's body reads the state, so without `untrack` every change to the
/// state would build the whole screen again (and drop it under the handler
/// that made the change).
pub type Screen = Result<AnyView, ChunkFailed>;

/// The screens that show the household list, or declarations and measures
/// kept with it (the self-check's file and 村情汇总), read it from the
/// record before they are built: its code is in their files (`ui::list`).
fn read_list() {
    super::list::read(super::state::use_app());
}

#[wasm_split(loan, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn loan() -> Screen {
    Ok(untrack(|| view! { <super::loan::LoanPage/> }.into_any()))
}

/// `preload_check` fetches the self-check's file without showing a screen:
/// the household list calls it, since a cadre opens households from it.
#[wasm_split(
    check,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_check)
)]
pub fn questionnaire() -> Screen {
    read_list();
    Ok(untrack(|| {
        view! { <super::check::Questionnaire/> }.into_any()
    }))
}

#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn results() -> Screen {
    read_list();
    Ok(untrack(|| {
        view! { <super::check_results::OwnResults/> }.into_any()
    }))
}

#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn shared_results() -> Screen {
    read_list();
    Ok(untrack(|| {
        view! { <super::check_results::SharedResults/> }.into_any()
    }))
}

#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn sheet(which: String) -> Screen {
    read_list();
    Ok(untrack(|| {
        view! { <super::check_sheet::SheetPage which/> }.into_any()
    }))
}

/// The home screen's 申报以后 card, for a phone with declarations: in the
/// self-check's file (which such a phone has already used and keeps for
/// offline), so the home screen's own module does not carry it for all.
#[wasm_split(check, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn home_declared() -> Screen {
    read_list();
    Ok(untrack(|| {
        view! { <super::declared::HomeDeclared/> }.into_any()
    }))
}

#[wasm_split(cadre, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn households() -> Screen {
    read_list();
    Ok(untrack(|| {
        view! { <super::households::HouseholdsPage/> }.into_any()
    }))
}

#[wasm_split(policy, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn policy(id: Option<String>) -> Screen {
    Ok(untrack(|| {
        view! { <super::policy::PolicyPage id/> }.into_any()
    }))
}

#[wasm_split(cadre, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn local() -> Screen {
    Ok(untrack(|| view! { <super::local::LocalPage/> }.into_any()))
}

#[wasm_split(cadre, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn risk() -> Screen {
    Ok(untrack(|| view! { <super::risk::RiskPage/> }.into_any()))
}

#[wasm_split(policy, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn qr(target: Option<String>) -> Screen {
    Ok(untrack(|| view! { <super::qr::QrPage target/> }.into_any()))
}

/// In the cadres' file with the household list: opening 村情汇总 from the
/// list downloads nothing more.
#[wasm_split(cadre, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn village() -> Screen {
    read_list();
    Ok(untrack(|| {
        view! { <super::village::VillagePage/> }.into_any()
    }))
}
