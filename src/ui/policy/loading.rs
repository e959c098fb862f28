//! Getting the library's content pack ([`crate::policy::pack`]): fetched
//! from the app's own site the first time a policy page opens (the service
//! worker keeps it for offline use afterwards). While it comes, the page says
//! so; if it cannot come, the page says why and offers to try again.

use crate::policy::pack;
use crate::ui::state::{use_app, AppState, PackState};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// 正在打开, or the failure with 重试. A full screen's height, so the footer
/// is not pulled up now and pushed down when the text arrives (layout shift).
#[component]
pub fn Loading() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="policy loading">
            <h1>"政策解读"</h1>
            <Show
                when=move || app.pack.get() == PackState::Failed
                fallback=|| {
                    view! {
                        <p role="status" id="pack-loading">
                            "正在打开政策解读，请稍等…"
                        </p>
                    }
                }
            >
                <div class="banner bad" role="alert" id="pack-failed">
                    <p>"政策资料没能下载，可能是网络不好。贷款测算和家庭自查不受影响。"</p>
                    <button type="button" id="retry-pack" on:click=move |_| start(app)>
                        "重试"
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// Fetches and installs the pack once; the page follows `app.pack`.
pub fn start(app: AppState) {
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
