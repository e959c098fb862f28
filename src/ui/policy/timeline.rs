//! 小额信贷大事记: how the micro-loan policy changed from 2014 to 2026, so a
//! reader can place the loan a neighbour had in 2017 next to the one offered
//! today.

use super::Crumbs;
use crate::policy;
use crate::ui::links::PolicyLink;
use leptos::prelude::*;

#[component]
pub fn Timeline() -> impl IntoView {
    let events = policy::timeline()
        .iter()
        .map(|ev| {
            let entry = ev.entry.and_then(policy::entry).map(|e| {
                view! { <PolicyLink id=e.id.to_string()>{format!("看：{}", e.title)}</PolicyLink> }
            });
            view! {
                <li>
                    <span class="when">{ev.when}</span>
                    <strong>{ev.title}</strong>
                    <p>{ev.text}</p>
                    <p class="src">
                        {format!("依据（{}）：{}", ev.kind.told(), ev.source)}
                    </p>
                    {entry}
                </li>
            }
        })
        .collect_view();
    view! {
        <Crumbs/>
        <h1>"小额信贷大事记（2014–2026）"</h1>
        <p>"从扶贫小额信贷到帮扶小额信贷，每一步改了什么。"</p>
        <ol class="timeline" id="timeline">
            {events}
        </ol>
    }
}
