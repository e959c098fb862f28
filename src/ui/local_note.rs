//! The line that says the 本地数字 are in use, wherever a result reads them,
//! with the way to see or remove them (a page load from the self-check part).

use super::links::Go;
use super::state::use_app;
use crate::query::View;
use leptos::prelude::*;

/// `hidden`: while true, nothing shows (the estimator's past products,
/// which the local figures do not change).
#[component]
pub fn LocalNote(#[prop(optional, into)] hidden: Option<Signal<bool>>) -> impl IntoView {
    let app = use_app();
    move || {
        if hidden.is_some_and(|h| h.get()) {
            return None;
        }
        app.local_figures().map(|l| {
            view! {
                    <p class="local-note" id="local-note">
                        {format!("本页用的是 {}（来自分享的本地数字），不是全国数字。", l.label())}
                        " "
                        <Go to=View::Local id="local-note-link">
                            "查看或取消本地数字"
                        </Go>
                    </p>
            }
        })
    }
}
