//! TEMPORARY stub while the household list is rewritten as components.
use leptos::prelude::*;

#[component]
pub fn HouseholdsPage() -> impl IntoView {
    view! { <div class="households"><h1>"农户名单"</h1></div> }
}
