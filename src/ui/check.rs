//! 家庭自查 and the cadre's household list (issue 3; in progress).

use leptos::prelude::*;

#[component]
pub fn CheckPage() -> impl IntoView {
    view! { <h1>"家庭自查"</h1> }
}

#[component]
pub fn HouseholdsPage() -> impl IntoView {
    view! { <h1>"我的农户名单"</h1> }
}
