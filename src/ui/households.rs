//! The cadre's household list: open, edit, delete with undo, sort and filter
//! by risk, export CSV and a JSON backup, import a backup safely. The undo
//! bar and the empty-list line are shown and hidden rather than built each
//! time, and reactive text is `Signal<String>`: fewer shapes of view, less
//! WebAssembly.

use super::browser;
use super::fields::SelectField;
use super::state::{use_app, AppState};
use crate::check::answers::to_link_value;
use crate::check::households::{
    apply_import, backup_json, csv, plan_import, read_backup_bytes, sorted, Household, ImportPlan,
    SortBy,
};
use crate::check::Risk;
use crate::query::View;
use crate::store::CheckState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cmp::Ordering;

const NO_DOWNLOAD: &str = "这个浏览器不能下载文件，请在手机浏览器里打开本页再导出。";

/// Compares labels as people read them in Chinese (by pinyin), with the
/// browser's own collation: byte order would put 陈 after 张.
fn label_order() -> impl Fn(&str, &str) -> Ordering {
    let locales = js_sys::Array::of1(&"zh-CN".into());
    let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
    move |a, b| {
        let n = compare
            .call2(&wasm_bindgen::JsValue::NULL, &a.into(), &b.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        n.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
    }
}

/// The screen's own state, alive while it shows.
#[derive(Clone, Copy)]
struct Local {
    /// The last deleted household and where it was, for 撤销.
    deleted: RwSignal<Option<(usize, Household)>>,
    message: RwSignal<String>,
    /// An import waiting for the user to choose about conflicts.
    pending: RwSignal<Option<ImportPlan>>,
}

#[component]
pub fn HouseholdsPage() -> impl IntoView {
    let app = use_app();
    // The selects' keys as chosen ("risk", "date", "label"; "" or a risk).
    let sort = RwSignal::new("risk".to_string());
    let filter = RwSignal::new(String::new());
    let local = Local {
        deleted: RwSignal::new(None),
        message: RwSignal::new(String::new()),
        pending: RwSignal::new(None),
    };
    let shown = Memo::new(move |_| {
        let by = match sort.read().as_str() {
            "date" => SortBy::DateNewest,
            "label" => SortBy::Label,
            _ => SortBy::Risk,
        };
        let only = filter.with(|f| Risk::from_key(f));
        let figures = app.local_figures();
        let figures = figures.as_ref();
        app.households.with(|l| {
            if by == SortBy::Label {
                sorted(l, by, only, figures, &label_order())
            } else {
                sorted(l, by, only, figures, &str::cmp)
            }
        })
    });
    // What the empty list says, or "" while it has households.
    let empty = Signal::derive(move || {
        if !shown.with(Vec::is_empty) {
            ""
        } else if app.households.with(Vec::is_empty) {
            "还没有保存的农户。做完自查后，在结果页底部保存。"
        } else {
            "没有符合筛选条件的农户。"
        }
        .to_string()
    });
    let undo = move |_| {
        if let Some((i, h)) = local.deleted.try_update(Option::take).flatten() {
            app.households.update(|l| l.insert(i.min(l.len()), h));
        }
    };
    let export = move |what: &str| {
        let (ok, done) = if what == "csv" {
            let figures = app
                .local
                .with_untracked(|l| l.as_ref().map(crate::local::LocalFigures::from_stored));
            let text = app.households.with_untracked(|l| csv(l, figures.as_ref()));
            (
                browser::download(
                    &format!("农户名单-{}.csv", app.today),
                    "text/csv;charset=utf-8",
                    &text,
                ),
                "已导出表格（CSV），可以用 Excel 或 WPS 打开。",
            )
        } else {
            let text = app.households.with_untracked(|l| backup_json(l, app.today));
            (
                browser::download(
                    &format!("帮扶助手备份-{}.json", app.today),
                    "application/json",
                    &text,
                ),
                "已导出备份文件。换手机或清理微信前，请把它存好。",
            )
        };
        local
            .message
            .set(if ok { done } else { NO_DOWNLOAD }.to_string());
    };
    view! {
        <div class="households-page">
            <h1>"农户名单"</h1>
            <p class="hint">"只保存在这部手机上，不上传。换手机或清理微信前请先导出备份。"</p>
            <div class="nav-buttons">
                <button
                    type="button"
                    id="add-household"
                    on:click=move |_| {
                        app.check.set(CheckState::default());
                        app.go(View::Check);
                    }
                >
                    "新增一户"
                </button>
            </div>
            <div class="row2">
                <SelectField
                    id="sort"
                    label="排序"
                    options=vec![
                        ("risk", "风险高的在前"),
                        ("date", "最近走访的在前"),
                        ("label", "按称呼"),
                    ]
                    value=sort
                    on_pick=Callback::new(move |v| sort.set(v))
                />
                <SelectField
                    id="filter"
                    label="只看"
                    options=vec![
                        ("", "全部"),
                        ("high", Risk::High.label()),
                        ("medium", Risk::Medium.label()),
                        ("low", Risk::Low.label()),
                    ]
                    value=filter
                    on_pick=Callback::new(move |v| filter.set(v))
                />
            </div>
            <div id="undo-slot">
                <div
                    class="banner warn"
                    role="status"
                    id="undo-bar"
                    hidden=Signal::derive(move || local.deleted.with(Option::is_none))
                >
                    {Signal::derive(move || {
                        local
                            .deleted
                            .with(|d| d.as_ref().map(|(_, h)| format!("已删除：{} ", h.label)))
                            .unwrap_or_default()
                    })}
                    <button type="button" class="secondary" id="undo" on:click=undo>
                        "撤销"
                    </button>
                </div>
            </div>
            <ul class="households" id="household-list">
                <li class="empty" hidden=Signal::derive(move || empty.with(String::is_empty))>
                    {empty}
                </li>
                // Keyed by the whole content, so a household replaced by an
                // import is drawn again.
                <For
                    each=move || shown.get()
                    key=|h| (h.id.clone(), h.label.clone(), h.village.clone(), h.date.clone(), to_link_value(&h.answers))
                    let:h
                >
                    <HouseholdCard h local/>
                </For>
            </ul>
            <section class="card" aria-labelledby="io-title">
                <h2 id="io-title">"导出和导入"</h2>
                <div class="nav-buttons">
                    <button
                        type="button"
                        class="secondary"
                        id="export-csv"
                        on:click=move |_| export("csv")
                    >
                        "导出表格"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        id="export-json"
                        on:click=move |_| export("json")
                    >
                        "导出备份"
                    </button>
                </div>
                <div class="field">
                    <label for="import-file">"从备份文件导入"</label>
                    <input
                        id="import-file"
                        type="file"
                        accept=".json,application/json"
                        on:change=move |ev| import(app, local, event_target(&ev))
                    />
                    <p class="hint">"导入只会增加农户；和手机上不一样的，会先问您。"</p>
                </div>
                <p role="status" id="io-status">
                    {local.message}
                </p>
                <div
                    class="nav-buttons"
                    id="import-choice"
                    hidden=move || local.pending.with(Option::is_none)
                >
                    <button type="button" id="import-overwrite" on:click=move |_| resolve(app, local, true)>
                        "用备份覆盖"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        id="import-keep"
                        on:click=move |_| resolve(app, local, false)
                    >
                        "保留手机上的"
                    </button>
                </div>
            </section>
        </div>
    }
}

/// One household: label, risk, village and date, the top finding, and
/// opening (to see or edit its results) or deleting it.
#[component]
fn HouseholdCard(h: Household, local: Local) -> impl IntoView {
    let app = use_app();
    let figures = app
        .local
        .with_untracked(|l| l.as_ref().map(crate::local::LocalFigures::from_stored));
    let (risk, top) = h.overview(figures.as_ref());
    let village = if h.village.is_empty() {
        "未填村组".to_string()
    } else {
        h.village.clone()
    };
    let id = h.id.clone();
    let open = move |_| {
        app.check.set(CheckState {
            answers: h.answers.clone(),
            section: 0,
            editing: Some(h.id.clone()),
            finished: true,
        });
        app.go(View::Check);
    };
    let delete = move |_| {
        app.households.update(|l| {
            if let Some(i) = l.iter().position(|h| h.id == id) {
                let h = l.remove(i);
                local.deleted.set(Some((i, h)));
            }
        })
    };
    view! {
        <li class="card household">
            <div class="hh-head">
                <strong class="hh-label">{h.label.clone()}</strong>
                <span class=format!("badge risk-{}", risk.key())>{risk.label()}</span>
            </div>
            // <bdi>: a right-to-left override in a village name stays inside it.
            <p class="small muted">
                <bdi>{village}</bdi>
                " · "
                {h.date.clone()}
            </p>
            <p>{top}</p>
            <div class="actions">
                <button class="secondary" type="button" on:click=open>
                    "打开"
                </button>
                <button class="secondary danger" type="button" on:click=delete>
                    "删除"
                </button>
            </div>
        </li>
    }
}

/// Reads a chosen backup; adds what is new at once, and asks about
/// households that differ from the ones on the phone.
fn import(app: AppState, local: Local, input: web_sys::HtmlInputElement) {
    spawn_local(async move {
        let result = browser::read_file(&input)
            .await
            .and_then(|b| read_backup_bytes(&b));
        input.set_value("");
        match result {
            Err(e) => {
                local.pending.set(None);
                local
                    .message
                    .set(format!("没有导入：{e} 手机上原有的名单没有任何改动。"));
            }
            Ok((list, notes)) => {
                let plan = app.households.with_untracked(|l| plan_import(l, list));
                let mut text = format!(
                    "备份里有 {} 户新的，{} 户和手机上一样。",
                    plan.new.len(),
                    plan.unchanged
                );
                if !notes.is_empty() {
                    text.push_str(&format!("有 {} 个答案已经无效，已忽略。", notes.len()));
                }
                if plan.conflicts.is_empty() {
                    let n = plan.new.len();
                    app.households.update(|l| apply_import(l, plan, false));
                    text.push_str(&format!("已导入 {n} 户。"));
                    local.pending.set(None);
                } else {
                    text.push_str(&format!(
                        "另有 {} 户和手机上的内容不一样，请选择：",
                        plan.conflicts.len()
                    ));
                    local.pending.set(Some(plan));
                }
                local.message.set(text);
            }
        }
    });
}

fn resolve(app: AppState, local: Local, overwrite: bool) {
    let Some(plan) = local.pending.try_update(Option::take).flatten() else {
        return;
    };
    let (n, c) = (plan.new.len(), plan.conflicts.len());
    app.households.update(|l| apply_import(l, plan, overwrite));
    local.message.set(if overwrite {
        format!("已导入 {n} 户新的，并用备份覆盖了 {c} 户。")
    } else {
        format!("已导入 {n} 户新的；{c} 户保留手机上的内容。")
    });
}
