//! TEMPORARY stub while the self-check results are rewritten as components.
use leptos::prelude::*;

#[component]
pub fn OwnResults() -> impl IntoView {
    view! { <div class="check"><h1>"自查结果"</h1></div> }
}

#[component]
pub fn SharedResults() -> impl IntoView {
    view! { <div class="check"><h1>"自查结果"</h1></div> }
}
