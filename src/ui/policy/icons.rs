//! One small line icon per category: a single SVG path each (a few hundred
//! bytes in all), drawn in the text colour. Not emoji: cheap phones and the
//! test browser may lack a colour-emoji font, and these print cleanly.

use crate::policy::Category;
use leptos::prelude::*;

/// The path of a category's icon, on a 24×24 grid.
fn path(c: Category) -> &'static str {
    match c {
        // A coin with ¥.
        Category::Loans => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M8.5 7.5L12 12l3.5-4.5M12 12v5.5M9 12.5h6M9 15.5h6",
        // A first-aid case.
        Category::Health => "M4 7h16v13H4zM9 7V4h6v3M12 10.5v6M9 13.5h6",
        // An open book.
        Category::School => "M3 5.5h6a3 3 0 0 1 3 3V20a2.5 2.5 0 0 0-2.5-2.5H3zM21 5.5h-6a3 3 0 0 0-3 3V20a2.5 2.5 0 0 1 2.5-2.5H21z",
        // A house.
        Category::Housing => "M3 11.5L12 4l9 7.5M5.5 9.5V20h13V9.5M10 20v-5.5h4V20",
        // A sprout.
        Category::Work => "M12 21v-9M12 12c0-4.5 3-7 8-7c0 4.5-3 7-8 7zM12 15c0-3.5-2.5-6-7-6c0 3.5 2.5 6 7 6z",
        // A shield with a tick.
        Category::Safety => "M12 3l8 3v6c0 4.8-3.4 8-8 9c-4.6-1-8-4.2-8-9V6zM8.5 12l2.5 2.5l4.5-5",
        // A clipboard with lines.
        Category::Identify => "M9 3.5h6v3H9zM15 5h3.5v16h-13V5H9M8.5 11h7M8.5 14.5h7M8.5 18h4",
    }
}

#[component]
pub fn Icon(c: Category) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
            <path d=path(c)></path>
        </svg>
    }
}
