//! TEMPORARY stub while the self-check is rewritten as components.
use leptos::prelude::*;

#[component]
pub fn Questionnaire() -> impl IntoView {
    view! { <div class="check"><h1>"家庭自查"</h1></div> }
}
