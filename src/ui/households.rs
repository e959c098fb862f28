//! The cadre's household list: open, edit, delete with undo, sort and filter
//! by risk, export CSV and a JSON backup, import a backup safely.

use super::app::use_app;
use super::browser;
use crate::check::households::{
    apply_import, backup_json, csv, plan_import, read_backup, sorted, Household, ImportPlan, SortBy,
};
use crate::check::Risk;
use crate::html::Html;
use crate::query::View;
use crate::store::CheckState;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// One card per household: label, risk, village and date, the top finding.
fn list_html(list: &[Household], none_saved: bool) -> String {
    let mut h = Html::new();
    if list.is_empty() {
        let text = if none_saved {
            "还没有保存的农户。做完自查后，在结果页底部保存。"
        } else {
            "没有符合筛选条件的农户。"
        };
        h.leaf("li", &[("class", "empty")], text);
        return h.finish();
    }
    for hh in list {
        let (risk, top) = hh.overview();
        let village = if hh.village.is_empty() {
            "未填村组"
        } else {
            &hh.village
        };
        h.open("li", &[("class", "card household")])
            .open("div", &[("class", "hh-head")])
            .leaf("strong", &[("class", "hh-label")], &hh.label)
            .leaf(
                "span",
                &[("class", &format!("badge risk-{}", risk.key()))],
                risk.label(),
            )
            .close("div")
            .leaf(
                "p",
                &[("class", "small muted")],
                &format!("{village} · {}", hh.date),
            )
            .leaf("p", &[], &top)
            .open("div", &[("class", "actions")])
            .leaf(
                "button",
                &[
                    ("class", "secondary"),
                    ("type", "button"),
                    ("data-open", &hh.id),
                ],
                "打开",
            )
            .leaf(
                "button",
                &[
                    ("class", "secondary danger"),
                    ("type", "button"),
                    ("data-delete", &hh.id),
                ],
                "删除",
            )
            .close("div")
            .close("li");
    }
    h.finish()
}

#[component]
pub fn HouseholdsPage() -> impl IntoView {
    let app = use_app();
    let sort = RwSignal::new(SortBy::Risk);
    let filter = RwSignal::new(None::<Risk>);
    let deleted = RwSignal::new(None::<(usize, Household)>);
    let message = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None::<ImportPlan>);
    let file_input = NodeRef::<Input>::new();

    let shown = Memo::new(move |_| app.households.with(|l| sorted(l, sort.get(), filter.get())));
    let open = move |h: Household| {
        app.check.set(CheckState {
            answers: h.answers.clone(),
            section: 0,
            editing: Some(h.id.clone()),
            finished: true,
        });
        app.go(View::Check);
    };
    let delete = move |id: String| {
        app.households.update(|l| {
            if let Some(i) = l.iter().position(|h| h.id == id) {
                let h = l.remove(i);
                deleted.set(Some((i, h)));
            }
        });
    };
    // The list is written as escaped HTML with one click handler: the
    // buttons carry the household id in `data-open` / `data-delete`.
    let on_list_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let attr = |name: &str| {
            target
                .closest(&format!("[{name}]"))
                .ok()
                .flatten()
                .and_then(|b| b.get_attribute(name))
        };
        if let Some(id) = attr("data-open") {
            if let Some(h) = app
                .households
                .with_untracked(|l| l.iter().find(|h| h.id == id).cloned())
            {
                open(h);
            }
        } else if let Some(id) = attr("data-delete") {
            delete(id);
        }
    };
    let undo = move |_| {
        if let Some((i, h)) = deleted.get_untracked() {
            app.households.update(|l| l.insert(i.min(l.len()), h));
        }
        deleted.set(None);
    };
    let export_csv = move |_| {
        let text = app.households.with_untracked(|l| csv(l));
        let ok = browser::download(
            &format!("农户名单-{}.csv", app.today),
            "text/csv;charset=utf-8",
            &text,
        );
        message.set(Some(if ok {
            "已导出表格（CSV），可以用 Excel 或 WPS 打开。".into()
        } else {
            "这个浏览器不能下载文件，请在手机浏览器里打开本页再导出。".into()
        }));
    };
    let export_json = move |_| {
        let text = app.households.with_untracked(|l| backup_json(l, app.today));
        let ok = browser::download(
            &format!("帮扶助手备份-{}.json", app.today),
            "application/json",
            &text,
        );
        message.set(Some(if ok {
            "已导出备份文件。换手机或清理微信前，请把它存好。".into()
        } else {
            "这个浏览器不能下载文件，请在手机浏览器里打开本页再导出。".into()
        }));
    };
    let import = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let result = browser::read_file(&input)
                .await
                .and_then(|t| read_backup(&t));
            input.set_value("");
            match result {
                Err(e) => {
                    pending.set(None);
                    message.set(Some(format!(
                        "没有导入：{e} 手机上原有的名单没有任何改动。"
                    )));
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
                        pending.set(None);
                    } else {
                        text.push_str(&format!(
                            "另有 {} 户和手机上的内容不一样，请选择：",
                            plan.conflicts.len()
                        ));
                        pending.set(Some(plan));
                    }
                    message.set(Some(text));
                }
            }
        });
    };
    let resolve = move |overwrite: bool| {
        if let Some(plan) = pending.get_untracked() {
            let (n, c) = (plan.new.len(), plan.conflicts.len());
            app.households.update(|l| apply_import(l, plan, overwrite));
            message.set(Some(if overwrite {
                format!("已导入 {n} 户新的，并用备份覆盖了 {c} 户。")
            } else {
                format!("已导入 {n} 户新的；{c} 户保留手机上的内容。")
            }));
        }
        pending.set(None);
    };

    view! {
        <h1>"农户名单"</h1>
        <p class="hint">"只保存在这部手机上，不上传。换手机或清理微信前请先导出备份。"</p>
        <div class="nav-buttons">
            <button
                id="add-household"
                on:click=move |_| {
                    app.check.set(CheckState::default());
                    app.go(View::Check);
                }
            >
                "新增一户（做自查）"
            </button>
        </div>
        <div class="row2">
            <div class="field">
                <label for="sort">"排序"</label>
                <select
                    id="sort"
                    on:change=move |ev| {
                        sort.set(match event_target_value(&ev).as_str() {
                            "date" => SortBy::DateNewest,
                            "label" => SortBy::Label,
                            _ => SortBy::Risk,
                        })
                    }
                >
                    <option value="risk">"风险高的在前"</option>
                    <option value="date">"最近走访的在前"</option>
                    <option value="label">"按称呼"</option>
                </select>
            </div>
            <div class="field">
                <label for="filter">"只看"</label>
                <select id="filter" on:change=move |ev| filter.set(Risk::from_key(&event_target_value(&ev)))>
                    <option value="">"全部"</option>
                    <option value="high">{Risk::High.label()}</option>
                    <option value="medium">{Risk::Medium.label()}</option>
                    <option value="low">{Risk::Low.label()}</option>
                </select>
            </div>
        </div>
        {move || {
            deleted
                .get()
                .map(|(_, h)| {
                    view! {
                        <div class="banner warn" role="status" id="undo-bar">
                            {format!("已删除：{}", h.label)}
                            " "
                            <button class="secondary" id="undo" on:click=undo>
                                "撤销"
                            </button>
                        </div>
                    }
                })
        }}
        <ul class="households" id="household-list" inner_html=move || list_html(&shown.get(), app.households.with(|l| l.is_empty())) on:click=on_list_click></ul>
        <section class="card" aria-labelledby="io-title">
            <h2 id="io-title">"导出和导入"</h2>
            <div class="nav-buttons">
                <button class="secondary" id="export-csv" on:click=export_csv>
                    "导出表格（Excel）"
                </button>
                <button class="secondary" id="export-json" on:click=export_json>
                    "导出备份"
                </button>
            </div>
            <div class="field">
                <label for="import-file">"从备份文件导入"</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=file_input on:change=import/>
                <p class="hint">"导入只会增加农户；和手机上不一样的，会先问您。"</p>
            </div>
            <p role="status" id="io-status">{move || message.get()}</p>
            <Show when=move || pending.with(|p| p.is_some())>
                <div class="nav-buttons">
                    <button id="import-overwrite" on:click=move |_| resolve(true)>
                        "用备份覆盖"
                    </button>
                    <button class="secondary" id="import-keep" on:click=move |_| resolve(false)>
                        "保留手机上的"
                    </button>
                </div>
            </Show>
        </section>
    }
}
