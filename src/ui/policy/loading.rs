//! Getting the library's content pack ([`crate::policy::pack`]): fetched
//! from the app's own site the first time a policy page opens (the service
//! worker keeps it for offline use afterwards). While it comes, the page says
//! so; if it cannot come, the page says why and offers to try again.

use super::super::app::{use_app, AppState, PackState};
use super::super::dom::{self, Ev, Kind};
use crate::html::Html;
use crate::policy::pack;
use reactive_graph::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn page() -> dom::Screen {
    let app = use_app();
    if app.pack.get_untracked() == PackState::NotYet {
        start(app);
    }
    let failed = app.pack.get_untracked() == PackState::Failed;
    let mut h = Html::new();
    h.leaf("h1", &[], "政策解读");
    if failed {
        h.open(
            "div",
            &[
                ("class", "banner bad"),
                ("role", "alert"),
                ("id", "pack-failed"),
            ],
        )
        .leaf(
            "p",
            &[],
            "政策资料没能下载，可能是网络不好。贷款测算和家庭自查不受影响。",
        )
        .leaf(
            "button",
            &[
                ("type", "button"),
                ("data-act", "retry-pack"),
                ("id", "retry-pack"),
            ],
            "重试",
        )
        .close("div");
    } else {
        h.leaf(
            "p",
            &[("role", "status"), ("id", "pack-loading")],
            "正在打开政策解读，请稍等…",
        );
    }
    // A full screen's height, so the footer is not pulled up now and pushed
    // down when the text arrives (layout shift).
    dom::page("policy loading", h.finish(), handle)
}

fn handle(app: AppState, ev: &Ev) {
    if ev.kind == Kind::Click && ev.act().is_some_and(|(_, a)| a == "retry-pack") {
        start(app);
    }
}

/// Fetches and installs the pack once; the screen follows `app.pack`.
fn start(app: AppState) {
    if app.pack.get_untracked() == PackState::Fetching {
        return;
    }
    app.pack.set(PackState::Fetching);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = match fetch_text(pack::PACK_FILE).await {
            Some(text) => pack::install(&text).is_ok(),
            None => false,
        };
        app.pack.set(if ok {
            PackState::Ready
        } else {
            PackState::Failed
        });
    });
}

/// The text of one of the app's own files, relative to the page.
async fn fetch_text(url: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
