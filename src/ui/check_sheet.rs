//! The 申报准备单 screen (`?v=check&sheet=`): the sheet `check::sheet`
//! builds from this phone's own answers (or the household being edited),
//! printed on one A4 page, shared as plain text through the share sheet
//! where there is one, or copied. The link carries only which programme:
//! no answers, no name.

use super::browser::{self, Shared};
use super::state::use_app;
use crate::check::assess_with;
use crate::check::sheet::{sheet, Sheet};
use crate::query::View;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn SheetPage(which: String) -> impl IntoView {
    let app = use_app();
    let answers = app.check.with_untracked(|c| c.answers.clone());
    let label = app
        .check
        .with_untracked(|c| c.editing.clone())
        .and_then(|id| {
            app.households
                .with_untracked(|l| l.iter().find(|h| h.id == id).map(|h| h.label.clone()))
        });
    let local = app.local_figures_untracked();
    let report = assess_with(&answers, local.as_ref());
    let only = (which != "all").then_some(which.as_str());
    let back = move |_| app.go(View::Check);
    let body = match sheet(&answers, &report, only, label.as_deref(), app.today) {
        Some(s) => Either::Left(view! { <SheetView s/> }),
        None => Either::Right(view! {
            <p id="sheet-none">
                "按现在的回答，没有要申报的帮扶。可以先把自查做完，或者回到结果看看每一条的说明。"
            </p>
        }),
    };
    view! {
        <div class="sheet-page">
            <div class="nav-buttons no-print">
                <button type="button" class="secondary" id="sheet-back" on:click=back>
                    "← 返回自查结果"
                </button>
            </div>
            {body}
        </div>
    }
}

#[component]
fn SheetView(s: Sheet) -> impl IntoView {
    let app = use_app();
    let text = s.text();
    let title = s.title.clone();
    let status = RwSignal::new(String::new());
    let area = NodeRef::<leptos::html::Textarea>::new();
    let share_text = text.clone();
    let share = move |_| {
        let (title, text) = (title.clone(), share_text.clone());
        leptos::task::spawn_local(async move {
            status.set(match browser::share_text(&title, &text).await {
                Shared::Sent => "已发出。".into(),
                Shared::Cancelled => String::new(),
                Shared::CannotShare => {
                    "这个浏览器不能直接发，请点“复制文字”，再到微信聊天里粘贴。".into()
                }
            });
        });
    };
    let copy = move |_| {
        let ok = area
            .get_untracked()
            .is_some_and(|a| browser::copy_from_area(&a));
        status.set(if ok {
            "已复制，可以到微信聊天里粘贴。".into()
        } else {
            "没能自动复制：请长按下面的文字，选“全选”再“复制”。".into()
        });
    };
    let several = s.several();
    let single_links = several.then(|| {
        let links = s
            .programmes
            .iter()
            .map(|p| {
                let id = p.id;
                view! {
                    <button type="button" class="secondary chip" on:click=move |_| app.open_sheet(id)>
                        {p.name}
                    </button>
                }
            })
            .collect_view();
        view! {
            <p class="no-print small" id="sheet-one">
                "只看一项：" {links}
            </p>
        }
    });
    // Every part drawn by one loop, from the parts the chat text is written from.
    let parts = s
        .parts()
        .into_iter()
        .map(|p| {
            let lines = p
                .lines
                .into_iter()
                .map(|l| {
                    let bold = (!l.bold.is_empty()).then(|| view! { <strong>{l.bold}</strong> });
                    view! { <li>{bold}{l.text}</li> }
                })
                .collect_view();
            let list = if p.numbered {
                Either::Left(view! { <ol>{lines}</ol> })
            } else {
                Either::Right(view! { <ul>{lines}</ul> })
            };
            view! {
                <section id=p.id>
                    <h2>{p.title}</h2>
                    {list}
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="sheet" id="sheet" class:several=several>
            <h1 id="sheet-title">{s.title.clone()}</h1>
            {s.who.clone().map(|w| view! { <p id="sheet-who">{format!("称呼：{w}")}</p> })}
            <p class="hint" id="sheet-note">{s.note()}</p>
            {single_links}
            {parts}
            <section class="card no-print" id="sheet-actions">
                <h2>"带上、发给家人或干部"</h2>
                <div class="actions">
                    <button type="button" id="sheet-print" on:click=|_| browser::print()>
                        "打印"
                    </button>
                    <button type="button" class="secondary" id="sheet-share" on:click=share>
                        "发给别人"
                    </button>
                    <button type="button" class="secondary" id="sheet-copy" on:click=copy>
                        "复制文字"
                    </button>
                </div>
                <p role="status" id="sheet-status">{status}</p>
                <p class="hint">"发出去的是上面这些文字：没有身份证号，没有链接。只发给信得过的人。"</p>
                <textarea id="sheet-text" readonly rows="6" node_ref=area>{text}</textarea>
            </section>
        </article>
    }
}
