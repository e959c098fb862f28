//! 家庭自查: one section at a time with a progress bar, back and next;
//! answers are saved as they are given, so leaving and coming back resumes.

use super::app::use_app;
use super::check_results::Results;
use crate::check::answers::check_value;
use crate::check::questions::{Kind, Question, SECTIONS, UNKNOWN};
use crate::check::PROVINCES;
use leptos::prelude::*;

pub use super::households::HouseholdsPage;

#[component]
pub fn CheckPage() -> impl IntoView {
    let app = use_app();
    // Memos, so that saving a household (which marks the answers as being
    // edited) does not rebuild the results page under the user's finger.
    let finished = Memo::new(move |_| app.check.with(|c| c.finished));
    let answers = Memo::new(move |_| app.check.with(|c| c.answers.clone()));
    view! {
        {move || match app.shared.get() {
            Some(answers) => view! { <Results answers=answers shared=true/> }.into_any(),
            None if finished.get() => view! { <Results answers=answers.get() shared=false/> }.into_any(),
            None => view! { <Questionnaire/> }.into_any(),
        }}
    }
}

#[component]
fn Questionnaire() -> impl IntoView {
    let app = use_app();
    let section = move || app.check.with(|c| c.section.min(SECTIONS.len() - 1));
    let go_to = move |i: usize| {
        app.check.update(|c| c.section = i);
        super::browser::scroll_to_top();
    };
    let editing_label = move || {
        let id = app.check.with(|c| c.editing.clone())?;
        app.households
            .with(|list| list.iter().find(|h| h.id == id).map(|h| h.label.clone()))
    };
    view! {
        <h1>"家庭自查"</h1>
        <p class="hint">
            "回答下面的问题（不清楚就选“不清楚”），看看家里可能符合哪些帮扶。答案只存在这部手机上。"
        </p>
        {move || {
            editing_label()
                .map(|l| {
                    view! { <div class="banner info" role="status">"正在修改：" <strong>{l}</strong></div> }
                })
        }}
        <div class="progress" aria-live="polite">
            {move || {
                let (done, total) = app.check.with(|c| c.answers.progress());
                let pct = (done * 100).checked_div(total).unwrap_or(0);
                view! {
                    <div class="steps small">
                        {format!("第 {} 部分，共 {} 部分：{}", section() + 1, SECTIONS.len(), SECTIONS[section()].title)}
                        <span>{format!("已答 {done}/{total}")}</span>
                    </div>
                    <div
                        class="bar"
                        role="progressbar"
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=pct
                        aria-label="答题进度"
                    >
                        <i style=format!("width:{pct}%")></i>
                    </div>
                }
            }}
        </div>
        <section class="card" aria-labelledby="section-title">
            <h2 id="section-title">{move || SECTIONS[section()].title}</h2>
            {move || {
                SECTIONS[section()]
                    .questions
                    .iter()
                    .map(|q| view! { <QuestionView q=q/> })
                    .collect_view()
            }}
        </section>
        <div class="nav-buttons">
            <button class="secondary" id="prev" disabled=move || section() == 0 on:click=move |_| go_to(section().saturating_sub(1))>
                "上一步"
            </button>
            {move || {
                if section() + 1 < SECTIONS.len() {
                    view! {
                        <button id="next" on:click=move |_| go_to(section() + 1)>
                            "下一步"
                        </button>
                    }
                        .into_any()
                } else {
                    view! {
                        <button
                            id="finish"
                            on:click=move |_| {
                                app.check.update(|c| c.finished = true);
                                super::browser::scroll_to_top();
                            }
                        >
                            "看结果"
                        </button>
                    }
                        .into_any()
                }
            }}
        </div>
        <p>
            <button
                class="link"
                id="results-now"
                on:click=move |_| {
                    app.check.update(|c| c.finished = true);
                    super::browser::scroll_to_top();
                }
            >
                "先看看现在的结果"
            </button>
        </p>
    }
}

#[component]
fn QuestionView(q: &'static Question) -> impl IntoView {
    let app = use_app();
    let visible = move || app.check.with(|c| c.answers.visible(q));
    let value = move || {
        app.check
            .with(|c| c.answers.get(q.id).unwrap_or("").to_string())
    };
    let set = move |v: String| app.check.update(|c| c.answers.set(q.id, v));
    let error = move || {
        let v = value();
        (!v.is_empty()).then(|| check_value(q, &v).err()).flatten()
    };
    let body = match q.kind {
        Kind::One(opts) | Kind::Many(opts) => {
            // One shape for radios and checkboxes: 不清楚 is always offered.
            let many = matches!(q.kind, Kind::Many(_));
            let mut all: Vec<(&str, &str)> = opts.iter().map(|o| (o.key, o.label)).collect();
            all.push((UNKNOWN, "不清楚"));
            view! {
                <div
                    class="choices"
                    role=if many { "group" } else { "radiogroup" }
                    aria-labelledby=format!("q-{}", q.id)
                >
                    {all
                        .into_iter()
                        .map(|(key, label)| {
                            view! {
                                <label class="choice">
                                    <input
                                        type=if many { "checkbox" } else { "radio" }
                                        name=q.id
                                        value=key
                                        prop:checked=move || {
                                            app.check.with(|c| {
                                                if many { c.answers.has(q.id, key) } else { c.answers.is(q.id, key) }
                                            })
                                        }
                                        on:change=move |_| {
                                            if many {
                                                app.check.update(|c| c.answers.toggle(q.id, key))
                                            } else {
                                                set(key.to_string())
                                            }
                                        }
                                    />
                                    <span>{label}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            }
                .into_any()
        }
        Kind::Count { .. } | Kind::Money => {
            let unit = if let Kind::Count { unit, .. } = q.kind { unit } else { "元" };
            let numeric = matches!(q.kind, Kind::Count { .. });
            view! {
                <div class="with-unit">
                    <input
                        id=format!("a-{}", q.id)
                        type="text"
                        inputmode=if numeric { "numeric" } else { "text" }
                        autocomplete="off"
                        aria-labelledby=format!("q-{}", q.id)
                        aria-invalid=move || if error().is_some() { "true" } else { "false" }
                        prop:value=move || { let v = value(); if v == UNKNOWN { String::new() } else { v } }
                        on:input=move |ev| set(event_target_value(&ev))
                    />
                    <span>{unit}</span>
                </div>
                {(!q.optional)
                    .then(|| {
                        view! {
                            <label class="choice inline">
                                <input
                                    type="checkbox"
                                    prop:checked=move || value() == UNKNOWN
                                    on:change=move |ev| {
                                        set(if event_target_checked(&ev) { UNKNOWN.to_string() } else { String::new() })
                                    }
                                />
                                <span>"不清楚"</span>
                            </label>
                        }
                    })}
            }
                .into_any()
        }
        _ => {
            view! {
                <select
                    id=format!("a-{}", q.id)
                    aria-labelledby=format!("q-{}", q.id)
                    prop:value=value
                    on:change=move |ev| set(event_target_value(&ev))
                >
                    <option value="">"请选择"</option>
                    {PROVINCES.iter().map(|p| view! { <option value=p.key>{p.name}</option> }).collect_view()}
                    <option value=UNKNOWN>"不清楚"</option>
                </select>
            }
                .into_any()
        }
    };
    view! {
        <div class="question" class:hidden=move || !visible() id=format!("question-{}", q.id)>
            <p class="q" id=format!("q-{}", q.id)>{q.text}</p>
            {(!q.help.is_empty()).then(|| view! { <p class="hint">{q.help}</p> })}
            {body}
            <p class="error" role="alert">{error}</p>
        </div>
    }
}
