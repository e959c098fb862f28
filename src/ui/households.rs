//! The cadre's household list: open, edit, delete with undo, sort and filter
//! by risk, export CSV and a JSON backup, import a backup safely.

use super::app::{use_app, AppState};
use super::browser;
use super::dom::{self, Ev, Kind};
use crate::check::households::{
    apply_import, backup_json, csv, plan_import, read_backup, sorted, Household, ImportPlan, SortBy,
};
use crate::check::Risk;
use crate::html::Html;
use crate::query::View;
use crate::store::CheckState;
use reactive_graph::prelude::*;
use reactive_graph::signal::RwSignal;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;

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
                    ("data-act", "open-hh"),
                    ("data-id", &hh.id),
                ],
                "打开",
            )
            .leaf(
                "button",
                &[
                    ("class", "secondary danger"),
                    ("type", "button"),
                    ("data-act", "delete-hh"),
                    ("data-id", &hh.id),
                ],
                "删除",
            )
            .close("div")
            .close("li");
    }
    h.finish()
}

/// The screen's own state; its handler reaches it here.
#[derive(Clone, Copy)]
struct Local {
    sort: RwSignal<SortBy>,
    filter: RwSignal<Option<Risk>>,
    /// The last deleted household and where it was, for 撤销.
    deleted: RwSignal<Option<(usize, Household)>>,
    message: RwSignal<Option<String>>,
    /// An import waiting for the user to choose about conflicts.
    pending: RwSignal<Option<ImportPlan>>,
}

thread_local! {
    static LOCAL: std::cell::Cell<Option<Local>> = const { std::cell::Cell::new(None) };
}

pub fn households_page() -> dom::Screen {
    let app = use_app();
    let local = Local {
        sort: RwSignal::new(SortBy::Risk),
        filter: RwSignal::new(None),
        deleted: RwSignal::new(None),
        message: RwSignal::new(None),
        pending: RwSignal::new(None),
    };
    LOCAL.with(|l| l.set(Some(local)));
    dom::region("undo-slot", move || {
        let mut h = Html::new();
        if let Some((_, hh)) = local.deleted.get() {
            h.open(
                "div",
                &[
                    ("class", "banner warn"),
                    ("role", "status"),
                    ("id", "undo-bar"),
                ],
            )
            .text(&format!("已删除：{} ", hh.label))
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("id", "undo"),
                    ("data-act", "undo"),
                ],
                "撤销",
            )
            .close("div");
        }
        h.finish()
    });
    dom::region("household-list", move || {
        app.households.with(|l| {
            list_html(
                &sorted(l, local.sort.get(), local.filter.get()),
                l.is_empty(),
            )
        })
    });
    dom::effect(move || dom::set_text("io-status", &local.message.get().unwrap_or_default()));
    dom::effect(move || dom::show("import-choice", local.pending.with(Option::is_some)));
    dom::page("households-page", skeleton(), handle)
}

fn skeleton() -> String {
    let mut h = Html::new();
    let button = |h: &mut Html, id: &str, class: &str, text: &str| {
        h.leaf(
            "button",
            &[
                ("type", "button"),
                ("class", class),
                ("id", id),
                ("data-act", id),
            ],
            text,
        );
    };
    h.leaf("h1", &[], "农户名单")
        .leaf(
            "p",
            &[("class", "hint")],
            "只保存在这部手机上，不上传。换手机或清理微信前请先导出备份。",
        )
        .open("div", &[("class", "nav-buttons")]);
    button(&mut h, "add-household", "", "新增一户（做自查）");
    h.close("div").open("div", &[("class", "row2")]);
    super::fields::select(
        &mut h,
        "sort",
        "排序",
        &[
            ("risk", "风险高的在前"),
            ("date", "最近走访的在前"),
            ("label", "按称呼"),
        ],
        "risk",
        None,
    );
    super::fields::select(
        &mut h,
        "filter",
        "只看",
        &[
            ("", "全部"),
            ("high", Risk::High.label()),
            ("medium", Risk::Medium.label()),
            ("low", Risk::Low.label()),
        ],
        "",
        None,
    );
    h.close("div")
        .leaf("div", &[("id", "undo-slot")], "")
        .leaf(
            "ul",
            &[("class", "households"), ("id", "household-list")],
            "",
        )
        .open(
            "section",
            &[("class", "card"), ("aria-labelledby", "io-title")],
        )
        .leaf("h2", &[("id", "io-title")], "导出和导入")
        .open("div", &[("class", "nav-buttons")]);
    button(&mut h, "export-csv", "secondary", "导出表格（Excel）");
    button(&mut h, "export-json", "secondary", "导出备份");
    h.close("div")
        .open("div", &[("class", "field")])
        .leaf("label", &[("for", "import-file")], "从备份文件导入")
        .open(
            "input",
            &[
                ("id", "import-file"),
                ("type", "file"),
                ("accept", ".json,application/json"),
            ],
        )
        .leaf(
            "p",
            &[("class", "hint")],
            "导入只会增加农户；和手机上不一样的，会先问您。",
        )
        .close("div")
        .leaf("p", &[("role", "status"), ("id", "io-status")], "")
        .open(
            "div",
            &[
                ("class", "nav-buttons"),
                ("id", "import-choice"),
                ("hidden", ""),
            ],
        );
    button(&mut h, "import-overwrite", "", "用备份覆盖");
    button(&mut h, "import-keep", "secondary", "保留手机上的");
    h.close("div").close("section");
    h.finish()
}

fn handle(app: AppState, ev: &Ev) {
    let Some(local) = LOCAL.with(|l| l.get()) else {
        return;
    };
    if ev.kind == Kind::Change {
        match ev.id().as_str() {
            "sort" => local.sort.set(match ev.value().as_str() {
                "date" => SortBy::DateNewest,
                "label" => SortBy::Label,
                _ => SortBy::Risk,
            }),
            "filter" => local.filter.set(Risk::from_key(&ev.value())),
            "import-file" => {
                if let Ok(input) = ev.target.clone().dyn_into::<web_sys::HtmlInputElement>() {
                    import(app, local, input);
                }
            }
            _ => {}
        }
        return;
    }
    if ev.kind != Kind::Click {
        return;
    }
    let Some((_, act)) = ev.act() else { return };
    let id = ev.data("data-id");
    match act.as_str() {
        "add-household" => {
            app.check.set(CheckState::default());
            app.go(View::Check);
        }
        "open-hh" => {
            if let Some(h) = app
                .households
                .with_untracked(|l| l.iter().find(|h| h.id == id).cloned())
            {
                app.check.set(CheckState {
                    answers: h.answers.clone(),
                    section: 0,
                    editing: Some(h.id.clone()),
                    finished: true,
                });
                app.go(View::Check);
            }
        }
        "delete-hh" => app.households.update(|l| {
            if let Some(i) = l.iter().position(|h| h.id == id) {
                let h = l.remove(i);
                local.deleted.set(Some((i, h)));
            }
        }),
        "undo" => {
            if let Some((i, h)) = local.deleted.get_untracked() {
                app.households.update(|l| l.insert(i.min(l.len()), h));
            }
            local.deleted.set(None);
        }
        "export-csv" => {
            let text = app.households.with_untracked(|l| csv(l));
            let ok = browser::download(
                &format!("农户名单-{}.csv", app.today),
                "text/csv;charset=utf-8",
                &text,
            );
            local.message.set(Some(if ok {
                "已导出表格（CSV），可以用 Excel 或 WPS 打开。".into()
            } else {
                NO_DOWNLOAD.into()
            }));
        }
        "export-json" => {
            let text = app.households.with_untracked(|l| backup_json(l, app.today));
            let ok = browser::download(
                &format!("帮扶助手备份-{}.json", app.today),
                "application/json",
                &text,
            );
            local.message.set(Some(if ok {
                "已导出备份文件。换手机或清理微信前，请把它存好。".into()
            } else {
                NO_DOWNLOAD.into()
            }));
        }
        "import-overwrite" => resolve(app, local, true),
        "import-keep" => resolve(app, local, false),
        _ => {}
    }
}

const NO_DOWNLOAD: &str = "这个浏览器不能下载文件，请在手机浏览器里打开本页再导出。";

/// Reads a chosen backup; adds what is new at once, and asks about
/// households that differ from the ones on the phone.
fn import(app: AppState, local: Local, input: web_sys::HtmlInputElement) {
    spawn_local(async move {
        let result = browser::read_file(&input)
            .await
            .and_then(|t| read_backup(&t));
        input.set_value("");
        match result {
            Err(e) => {
                local.pending.set(None);
                local.message.set(Some(format!(
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
                    local.pending.set(None);
                } else {
                    text.push_str(&format!(
                        "另有 {} 户和手机上的内容不一样，请选择：",
                        plan.conflicts.len()
                    ));
                    local.pending.set(Some(plan));
                }
                local.message.set(Some(text));
            }
        }
    });
}

fn resolve(app: AppState, local: Local, overwrite: bool) {
    if let Some(plan) = local.pending.get_untracked() {
        let (n, c) = (plan.new.len(), plan.conflicts.len());
        app.households.update(|l| apply_import(l, plan, overwrite));
        local.message.set(Some(if overwrite {
            format!("已导入 {n} 户新的，并用备份覆盖了 {c} 户。")
        } else {
            format!("已导入 {n} 户新的；{c} 户保留手机上的内容。")
        }));
    }
    local.pending.set(None);
}
