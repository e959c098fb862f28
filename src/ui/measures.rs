//! 一户一策 on a household's page (the results of a household opened from
//! the list): its measures, what is overdue, and a form to add or change
//! one. Measures are kept in `Extra.measures` (`check::measures`), saved
//! with the list, in the backup and the CSV, merged across tabs and imports.

use super::fields::{ErrorLine, SelectField, TextField, TextSpec};
use super::state::use_app;
use crate::check::measures::{self, Due, Measure, Progress, NOTE_MAX_CHARS};
use crate::check::{assess_with, sheet, stamped};
use leptos::prelude::*;

const WHAT: TextSpec = TextSpec {
    id: "measure-what",
    label: "要做的事",
    unit: "",
    mode: "text",
    hint: "",
    chips: &[],
};
const WHO: TextSpec = TextSpec {
    id: "measure-who",
    label: "谁负责（可以不填）",
    unit: "",
    mode: "text",
    hint: "",
    chips: &[],
};
const BY: TextSpec = TextSpec {
    id: "measure-by",
    label: "什么时候前办完（可以不填）",
    unit: "",
    mode: "text",
    hint: "例如 2026-12-31 或 12月31日",
    chips: &[],
};
const NOTE: TextSpec = TextSpec {
    id: "measure-note",
    label: "备注（可以不填）",
    unit: "",
    mode: "text",
    hint: "",
    chips: &[],
};

/// The form's texts; `key` is the measure being changed ("" for a new one).
#[derive(Clone, Default, PartialEq)]
struct Draft {
    key: String,
    what: String,
    who: String,
    by: String,
    progress: String,
    note: String,
}

impl Draft {
    fn of(m: &Measure) -> Draft {
        Draft {
            key: m.key.clone(),
            what: m.what.clone(),
            who: m.who.clone(),
            by: m.by.clone(),
            progress: m.progress.key().into(),
            note: m.note.clone(),
        }
    }
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A random number for a new measure's key (`measures::new_key`).
fn salt() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// The measures card of the household being edited; nothing for the
/// phone's own family.
#[component]
pub fn MeasuresCard() -> impl IntoView {
    let app = use_app();
    let draft = RwSignal::new(Draft::default());
    let error = RwSignal::new(String::new());
    let field = move |get: fn(&Draft) -> String| Signal::derive(move || draft.with(get));
    move || {
        let id = app.check.with(|c| c.editing.clone())?;
        let h = app
            .households
            .with(|l| l.iter().find(|h| h.id == id).cloned())?;
        let today = app.today;
        // The programmes the household's result names, as one-tap picks.
        let local = app.local_figures_untracked();
        let picks: Vec<String> = sheet::named(&assess_with(&h.answers, local.as_ref()))
            .into_iter()
            .map(|p| format!("申请{}", p.name))
            .collect();
        let list = app.extra.with(|e| {
            measures::of(&e.measures, &id)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        });
        let hid = id.clone();
        let save = move |_| {
            let d = draft.get_untracked();
            let (what, who, by) = match measures::checked(&d.what, &d.who, &d.by, today) {
                Ok(x) => x,
                Err(e) => {
                    error.set(e);
                    return;
                }
            };
            app.extra.update(|e| {
                let key = if d.key.is_empty() {
                    measures::new_key(&e.measures, &hid, now(), salt())
                } else {
                    d.key.clone()
                };
                let stamp = stamped::next_stamp(&e.measures, &hid, &key, now());
                measures::set(
                    &mut e.measures,
                    Measure {
                        id: hid.clone(),
                        key,
                        what,
                        who,
                        by,
                        progress: Progress::from_key(&d.progress).unwrap_or(Progress::Todo),
                        note: measures::clip(&d.note, NOTE_MAX_CHARS),
                        stamp,
                        removed: false,
                    },
                );
                e.mark_changed(&hid);
            });
            error.set(String::new());
            draft.set(Draft::default());
        };
        let rows = list
            .into_iter()
            .map(|m| {
                let due = m.due(today);
                let cls = match due {
                    Due::Overdue => "measure late",
                    Due::Done => "measure done",
                    _ => "measure",
                };
                let (edit_m, done_key, del_key) = (m.clone(), m.key.clone(), m.key.clone());
                let (done_id, del_id) = (m.id.clone(), m.id.clone());
                let note = (!m.note.is_empty()).then(|| view! { <p class="small">{m.note.clone()}</p> });
                let finish = (due != Due::Done).then(|| {
                    view! {
                        <button
                            type="button"
                            class="secondary measure-done"
                            on:click=move |_| {
                                app.extra.update(|e| {
                                    let stamp = stamped::next_stamp(&e.measures, &done_id, &done_key, now());
                                    if let Some(x) = e.measures.iter_mut().find(|x| x.id == done_id && x.key == done_key) {
                                        x.progress = Progress::Done;
                                        x.stamp = stamp;
                                    }
                                    e.mark_changed(&done_id);
                                });
                            }
                        >
                            "办完了"
                        </button>
                    }
                });
                view! {
                    <li class=cls>
                        <p class="measure-line">{m.line(today)}</p>
                        {note}
                        <div class="actions">
                            <button
                                type="button"
                                class="secondary measure-edit"
                                on:click=move |_| {
                                    error.set(String::new());
                                    draft.set(Draft::of(&edit_m));
                                }
                            >
                                "修改"
                            </button>
                            {finish}
                            <button
                                type="button"
                                class="secondary measure-remove"
                                on:click=move |_| {
                                    app.extra.update(|e| {
                                        let stamp = stamped::next_stamp(&e.measures, &del_id, &del_key, now());
                                        measures::remove(&mut e.measures, &del_id, &del_key, stamp);
                                        e.mark_changed(&del_id);
                                    });
                                }
                            >
                                "删除"
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        let chips = picks
            .into_iter()
            .map(|p| {
                let text = p.clone();
                view! {
                    <button type="button" on:click=move |_| draft.update(|d| d.what = text.clone())>
                        {p}
                    </button>
                }
            })
            .collect_view();
        let editing = move || draft.with(|d| !d.key.is_empty());
        Some(view! {
            <section class="card no-print" aria-labelledby="measures-title" id="measures">
                <h2 id="measures-title">{format!("帮扶措施（一户一策）：{}", h.label)}</h2>
                <p class="hint">"答应这户要办的事：谁负责、什么时候前办完。过了日期没办完的，村情汇总里会列出来。"</p>
                <ol class="measures" id="measure-list">{rows}</ol>
                <div id="measure-form">
                    <h3>{move || if editing() { "修改这条措施" } else { "加一条措施" }}</h3>
                    <TextField
                        spec=WHAT
                        value=field(|d| d.what.clone())
                        on_text=Callback::new(move |t| draft.update(|d| d.what = t))
                    />
                    <div class="chips" id="measure-picks">{chips}</div>
                    <TextField
                        spec=WHO
                        value=field(|d| d.who.clone())
                        on_text=Callback::new(move |t| draft.update(|d| d.who = t))
                    />
                    <TextField
                        spec=BY
                        value=field(|d| d.by.clone())
                        on_text=Callback::new(move |t| draft.update(|d| d.by = t))
                    />
                    <SelectField
                        id="measure-progress"
                        label="进度"
                        options=Progress::ALL.iter().map(|p| (p.key(), p.label())).collect()
                        value=field(|d| if d.progress.is_empty() { "todo".into() } else { d.progress.clone() })
                        on_pick=Callback::new(move |v| draft.update(|d| d.progress = v))
                    />
                    <TextField
                        spec=NOTE
                        value=field(|d| d.note.clone())
                        on_text=Callback::new(move |t| draft.update(|d| d.note = t))
                    />
                    <ErrorLine id="measure-error".to_string() msg=error.into()/>
                    <div class="actions">
                        <button type="button" id="save-measure" on:click=save>
                            {move || if editing() { "保存修改" } else { "保存措施" }}
                        </button>
                        <button
                            type="button"
                            class="secondary"
                            id="cancel-measure"
                            hidden=move || !editing()
                            on:click=move |_| {
                                error.set(String::new());
                                draft.set(Draft::default());
                            }
                        >
                            "取消"
                        </button>
                    </div>
                </div>
            </section>
        })
    }
}
