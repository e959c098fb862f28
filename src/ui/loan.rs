//! TEMPORARY stub while the estimator is rewritten as components.
use leptos::prelude::*;

#[component]
pub fn LoanPage() -> impl IntoView {
    view! { <div class="loan"><h1>"贷款测算"</h1></div> }
}
