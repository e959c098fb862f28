//! 政策解读 (issue 4; in progress).

use leptos::prelude::*;

#[component]
pub fn PolicyPage() -> impl IntoView {
    view! { <h1>"政策解读"</h1> }
}
