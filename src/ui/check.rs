//! 家庭自查: one section at a time with a progress bar, back and next;
//! answers are saved as they are given, so leaving and coming back resumes.
//! A section's questions are built when the section changes; each input then
//! follows its own answer, so typing keeps its focus and caret.

use super::browser;
use super::fields::TypedInput;
use super::state::use_app;
use crate::check::answers::check_value;
use crate::check::questions::{Kind, Question, SECTIONS, UNKNOWN};
use crate::check::{Answers, PROVINCES};
use leptos::either::EitherOf3;
use leptos::prelude::*;

#[component]
pub fn Questionnaire() -> impl IntoView {
    let app = use_app();
    let section = Memo::new(move |_| app.check.with(|c| c.section.min(SECTIONS.len() - 1)));
    // Sections whose questions the other answers all decide are skipped.
    let next = move || {
        let s = section.get();
        app.check.with(|c| c.answers.next_section(s))
    };
    let last = move || next().is_none();
    // Reactive text and attributes are `Signal<String>` and `Signal<bool>`
    // throughout: one compiled render path for every binding, where each
    // closure would compile its own.
    // A memo, so answering does not draw the banner again.
    let editing = Memo::new(move |_| {
        let id = app.check.with(|c| c.editing.clone())?;
        app.households
            .with(|list| list.iter().find(|h| h.id == id).map(|h| h.label.clone()))
    });
    let editing_label = Signal::derive(move || editing.get().unwrap_or_default());
    let not_editing = Signal::derive(move || editing.with(Option::is_none));
    let title = Signal::derive(move || SECTIONS[section.get()].title.to_string());
    let first = Signal::derive(move || {
        let s = section.get();
        app.check.with(|c| c.answers.prev_section(s)).is_none()
    });
    let next_id = Signal::derive(move || if last() { "finish" } else { "next" }.to_string());
    let next_text = Signal::derive(move || if last() { "看结果" } else { "下一步" }.to_string());
    let go_to = move |i: usize| {
        app.check.update(|c| c.section = i);
        browser::scroll_to_top();
    };
    let finish = move |_| {
        app.check.update(|c| c.finished = true);
        browser::scroll_to_top();
    };

    view! {
        <div class="questionnaire">
            <h1>"家庭自查"</h1>
            <p class="hint">
                "回答下面的问题（不清楚就选“不清楚”），看看家里可能符合哪些帮扶。答案只存在这部手机上。"
            </p>
            // Hidden rather than left out, so its markup is built once.
            <div id="editing">
                <div class="banner info" role="status" hidden=not_editing>
                    "正在修改："
                    <strong>{editing_label}</strong>
                </div>
            </div>
            <Progress section/>
            <section class="card" aria-labelledby="section-title">
                <h2 id="section-title">{title}</h2>
                <div id="questions">
                    <For
                        each=move || SECTIONS[section.get()].questions
                        key=|q| q.id
                        let:q
                    >
                        <QuestionView q/>
                    </For>
                </div>
            </section>
            <div class="nav-buttons">
                <button
                    type="button"
                    class="secondary"
                    id="prev"
                    disabled=first
                    on:click=move |_| {
                        let s = section.get_untracked();
                        go_to(app.check.with_untracked(|c| c.answers.prev_section(s)).unwrap_or(0))
                    }
                >
                    "上一步"
                </button>
                // The last section's button leads to the results instead.
                <button
                    type="button"
                    id=next_id
                    on:click=move |ev| match untrack(next) {
                        Some(n) => go_to(n),
                        None => finish(ev),
                    }
                >
                    {next_text}
                </button>
            </div>
            <p>
                <button type="button" class="link" id="results-now" on:click=finish>
                    "先看结果"
                </button>
            </p>
        </div>
    }
}

/// Which section, and how many of the questions shown are answered.
#[component]
fn Progress(section: Memo<usize>) -> impl IntoView {
    let app = use_app();
    let counts = Memo::new(move |_| app.check.with(|c| c.answers.progress()));
    let pct = move || {
        let (done, total) = counts.get();
        (done * 100).checked_div(total).unwrap_or(0)
    };
    let where_: Signal<String> = Signal::derive(move || {
        let s = section.get();
        format!(
            "第 {} 部分，共 {} 部分：{}",
            s + 1,
            SECTIONS.len(),
            SECTIONS[s].title
        )
    });
    let answered: Signal<String> = Signal::derive(move || {
        let (done, total) = counts.get();
        format!("已答 {done}/{total}")
    });
    let now: Signal<String> = Signal::derive(move || pct().to_string());
    let width: Signal<String> = Signal::derive(move || format!("{}%", pct()));
    view! {
        <div class="progress" aria-live="polite" id="progress">
            <div class="steps small">
                {where_}
                <span>{answered}</span>
            </div>
            <div
                class="bar"
                role="progressbar"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=now
                aria-label="答题进度"
            >
                <i style:width=width></i>
            </div>
        </div>
    }
}

/// The message for a typed answer that cannot be read, or "".
fn error_of(q: &Question, a: &Answers) -> String {
    match a.get(q.id) {
        Some(v) => check_value(q, v).err().unwrap_or_default(),
        None => String::new(),
    }
}

/// Every option of a choice question, 不清楚 last (always offered).
fn choices(q: &Question) -> Vec<(&'static str, &'static str)> {
    let (Kind::One(opts) | Kind::Many(opts)) = q.kind else {
        return Vec::new();
    };
    let mut all: Vec<(&str, &str)> = opts.iter().map(|o| (o.key, o.label)).collect();
    all.push((UNKNOWN, "不清楚"));
    all
}

/// Every kind of question, from its description in `check::questions`:
/// choices (one or many), a number or amount typed with 不清楚 beside it,
/// or a province. Hidden while the answer it depends on is not given.
#[component]
fn QuestionView(q: &'static Question) -> impl IntoView {
    let app = use_app();
    let qid = format!("q-{}", q.id);
    let err_id = format!("err-{}", q.id);
    let error = Signal::from(Memo::new(move |_| {
        app.check.with(|c| error_of(q, &c.answers))
    }));
    // Sets the answer only when it changed, so nothing is saved for nothing.
    let answer = move |v: String| {
        app.check.maybe_update(|c| {
            let changed = c.answers.raw(q.id).unwrap_or("") != v;
            if changed {
                c.answers.set(q.id, v);
            }
            changed
        });
    };
    let body = match q.kind {
        Kind::One(_) | Kind::Many(_) => {
            let many = matches!(q.kind, Kind::Many(_));
            let options = choices(q)
                .into_iter()
                .map(|(key, label)| {
                    let on = Signal::derive(move || {
                        app.check.with(|c| {
                            if many {
                                c.answers.has(q.id, key)
                            } else {
                                c.answers.is(q.id, key)
                            }
                        })
                    });
                    view! {
                        <label class="choice">
                            <input
                                type=if many { "checkbox" } else { "radio" }
                                name=q.id
                                value=key
                                id=format!("c-{}-{key}", q.id)
                                prop:checked=on
                                on:change=move |_| {
                                    if many {
                                        app.check.update(|c| c.answers.toggle(q.id, key));
                                    } else {
                                        answer(key.to_string());
                                    }
                                }
                            />
                            <span>{label}</span>
                        </label>
                    }
                })
                .collect_view();
            EitherOf3::A(view! {
                <div
                    class="choices"
                    role=if many { "group" } else { "radiogroup" }
                    aria-labelledby=qid.clone()
                >
                    {options}
                </div>
            })
        }
        Kind::Count { .. } | Kind::Money => {
            let (unit, mode) = match q.kind {
                Kind::Count { unit, .. } => (unit, "numeric"),
                _ => ("元", "text"),
            };
            // What the box shows: the answer as typed, empty for 不清楚.
            let shown = Signal::derive(move || {
                app.check.with(|c| {
                    c.answers
                        .get(q.id)
                        .filter(|v| *v != UNKNOWN)
                        .unwrap_or("")
                        .to_string()
                })
            });
            let unknown = (!q.optional).then(|| {
                view! {
                    <label class="choice inline">
                        <input
                            type="checkbox"
                            id=format!("u-{}", q.id)
                            prop:checked=Signal::derive(move || app.check.with(|c| c.answers.unknown(q.id)))
                            on:change=move |ev| {
                                answer(
                                    if event_target_checked(&ev) {
                                        UNKNOWN.to_string()
                                    } else {
                                        String::new()
                                    },
                                )
                            }
                        />
                        <span>"不清楚"</span>
                    </label>
                }
            });
            EitherOf3::B(view! {
                <div class="with-unit">
                    <TypedInput
                        id=format!("a-{}", q.id)
                        value=shown
                        on_text=Callback::new(answer)
                        mode=mode
                        label=q.text.to_string()
                        error=Some((error, err_id.clone()))
                    />
                    <span>{unit}</span>
                </div>
                {unknown}
            })
        }
        Kind::Province => {
            let chosen =
                move |key: &str| app.check.with(|c| c.answers.get(q.id).unwrap_or("") == key);
            let options = [("", "请选择")]
                .into_iter()
                .chain(PROVINCES.iter().map(|p| (p.key, p.name)))
                .chain([(UNKNOWN, "不清楚")])
                .map(|(key, name)| {
                    view! {
                        <option value=key prop:selected=Signal::derive(move || chosen(key))>
                            {name}
                        </option>
                    }
                })
                .collect_view();
            EitherOf3::C(view! {
                <select
                    id=format!("a-{}", q.id)
                    aria-labelledby=qid.clone()
                    on:change=move |ev| answer(event_target_value(&ev))
                >
                    {options}
                </select>
            })
        }
    };
    view! {
        <div
            class="question"
            id=format!("question-{}", q.id)
            hidden=Signal::derive(move || !app.check.with(|c| c.answers.visible(q)))
        >
            <p class="q" id=qid>
                {q.text}
            </p>
            {(!q.help.is_empty()).then(|| view! { <p class="hint">{q.help}</p> })}
            {body}
            <p class="error" role="alert" id=err_id>
                {error}
            </p>
        </div>
    }
}
