//! TEMPORARY stub while the policy explainer is rewritten as components.
use leptos::prelude::*;

#[component]
pub fn PolicyPage(id: Option<String>) -> impl IntoView {
    view! { <div class="policy"><h1>"政策解读"</h1>{id}</div> }
}
