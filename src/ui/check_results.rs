//! Results of the self-check: the most important things first, then every
//! finding with why, what to do, where to go, what to bring and the source.

use super::app::{use_app, AppState};
use super::browser;
use super::dom::{self, Ev, Kind};
use crate::check::answers::to_link_value;
use crate::check::households::Household;
use crate::check::rules::BASICS;
use crate::check::{assess, text, Answers, Level, Report, PARAMS};
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::html::Html;
use crate::products;
use crate::query::{percent_encode, View};
use crate::store::CheckState;
use reactive_graph::prelude::*;

fn badge(h: &mut Html, level: Level) {
    h.leaf(
        "span",
        &[("class", &format!("badge {}", level.key()))],
        level.label(),
    );
}

/// 最要紧的事, 两不愁三保障, and every finding with why, what to do, where,
/// what to bring and the source.
fn findings_html(report: &Report) -> String {
    let mut h = Html::new();
    h.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "top-title"),
            ("id", "top-actions"),
        ],
    )
    .leaf("h2", &[("id", "top-title")], "最要紧的事");
    let top = report.top(3);
    if top.is_empty() {
        h.leaf(
            "p",
            &[],
            "按您的回答，暂时没有发现必须马上办的事。下面“每个家庭都用得上”的几条，值得记下来。",
        );
    } else {
        h.open("ol", &[("class", "top")]);
        for f in top {
            let t = text(f.id);
            h.open("li", &[]).leaf("strong", &[], t.title).text(" ");
            badge(&mut h, f.level);
            h.open("br", &[])
                .leaf(
                    "span",
                    &[("class", "small")],
                    &format!("第一步：{}", t.steps.first().copied().unwrap_or("")),
                )
                .close("li");
        }
        h.close("ol");
    }
    h.close("section");

    h.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "basics-title"),
            ("id", "basics"),
        ],
    )
    .leaf("h2", &[("id", "basics-title")], "两不愁三保障和饮水安全")
    .open("ul", &[("class", "basics")]);
    for f in BASICS.iter().filter_map(|id| report.get(id)) {
        h.open("li", &[("id", &format!("basic-{}", f.id))])
            .leaf("span", &[], text(f.id).title);
        badge(&mut h, f.level);
        h.close("li");
    }
    h.close("ul").close("section");

    let top_ids: Vec<&str> = report.top(3).iter().map(|f| f.id).collect();
    h.open(
        "section",
        &[("aria-labelledby", "all-title"), ("id", "findings")],
    )
    .leaf("h2", &[("id", "all-title")], "逐条说明");
    for f in report
        .findings
        .iter()
        .filter(|f| !(BASICS.contains(&f.id) && f.level == Level::Secure))
    {
        let t = text(f.id);
        h.open(
            "article",
            &[
                ("class", "card finding"),
                ("id", &format!("finding-{}", f.id)),
            ],
        )
        .open("h3", &[])
        .text(t.title)
        .text(" ");
        badge(&mut h, f.level);
        h.close("h3");
        if !f.why.is_empty() {
            h.open("div", &[("class", "why")])
                .leaf("strong", &[], "为什么：")
                .open("ul", &[]);
            for w in &f.why {
                h.leaf("li", &[], w);
            }
            h.close("ul").close("div");
        }
        // The most important findings show their steps without a tap.
        let attrs: &[(&str, &str)] = if top_ids.contains(&f.id) {
            &[("open", "")]
        } else {
            &[]
        };
        h.leaf("p", &[], t.explain)
            .open("details", attrs)
            .leaf("summary", &[], "怎么办、去哪里、带什么")
            .open("ol", &[]);
        for step in t.steps {
            h.leaf("li", &[], step);
        }
        h.close("ol")
            .open("p", &[])
            .leaf("strong", &[], "去哪里：")
            .text(t.place)
            .close("p")
            .open("p", &[])
            .leaf("strong", &[], "要带：")
            .text(&t.bring.join("、"))
            .close("p")
            .close("details")
            .leaf("p", &[("class", "src")], &format!("依据：{}", t.source))
            .open("div", &[("class", "actions")]);
        super::policy::link(&mut h, Some(t.policy), "button secondary", "看政策解读");
        if f.id == "loan" {
            h.leaf(
                "button",
                &[("id", "to-loan"), ("type", "button"), ("data-loan", "1")],
                "算一算贷款",
            );
        }
        h.close("div").close("article");
    }
    h.close("section");
    h.finish()
}

/// The results of the user's own answers.
pub fn own_results() -> dom::Screen {
    let app = use_app();
    results(app.check.with_untracked(|c| c.answers.clone()), false)
}

/// Answers someone shared by link, read only: no saving, no sharing on.
pub fn shared_results() -> dom::Screen {
    results(answers_shown(use_app()), true)
}

fn results(answers: Answers, shared: bool) -> dom::Screen {
    let app = use_app();
    if !shared {
        dom::effect(move || {
            let editing = app.check.with(|c| c.editing.is_some());
            dom::set_text(
                "save-hh",
                if editing {
                    "保存修改"
                } else {
                    "保存这一户"
                },
            );
        });
    }
    dom::page("results", results_html(&answers, shared, app), handle)
}

fn results_html(answers: &Answers, shared: bool, app: AppState) -> String {
    let report = assess(answers);
    let (done, total) = answers.progress();
    let mut h = Html::new();
    h.leaf("h1", &[], "自查结果");
    if shared {
        h.open(
            "div",
            &[
                ("class", "banner info"),
                ("role", "status"),
                ("id", "shared-banner"),
            ],
        )
        .leaf(
            "p",
            &[],
            "这是别人通过链接分享的自查结果（链接里没有姓名）。您自己的答案没有改动。",
        )
        .leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("data-act", "use-shared"),
            ],
            "用这些答案开始自查",
        )
        .close("div");
    }
    h.leaf(
        "p",
        &[("class", "hint")],
        &format!(
            "已回答 {done}/{total} 题。这是按公开政策做的初步判断，不是官方认定；能不能享受，以村里核查和有关部门审核为准。"
        ),
    )
    .written(&findings_html(&report))
    .leaf(
        "p",
        &[("class", "small muted"), ("id", "line-used")],
        &format!("判断收入用的监测线：每人每年 {} 元。{}。", report.line.0, report.line.1),
    )
    .leaf("p", &[("class", "small muted")], &format!("这些规则最近核对于 {}。", PARAMS.checked));
    if !shared {
        actions_html(&mut h, app);
    }
    h.finish()
}

/// Carries what the self-check knows into the loan estimator: the 2026
/// product, and the age and status facts (kept on the phone, not in links).
fn prefill_loan(app: AppState, a: &Answers) {
    if let Some(p) = products::product("bangfu2026") {
        app.form.set(LoanForm::for_product(p));
    }
    let status = match a.get("status") {
        Some("tuopin") => "tuopin",
        Some("jiance") => "jiance",
        Some("dibao") | Some("none") => "need",
        _ => "",
    };
    app.facts.update(|f: &mut Facts| {
        if let Some(age) = a.count("main_age") {
            f.age = age.to_string();
        }
        if !status.is_empty() {
            f.status = status.to_string();
        }
    });
}

/// Saving to the household list, editing, printing, a new household, sharing.
fn actions_html(h: &mut Html, app: AppState) {
    let existing = app
        .check
        .with_untracked(|c| c.editing.clone())
        .and_then(|id| {
            app.households
                .with_untracked(|l| l.iter().find(|h| h.id == id).cloned())
        });
    let (label, village) =
        existing.map_or((String::new(), String::new()), |h| (h.label, h.village));
    let button = |h: &mut Html, id: &str, text: &str| {
        h.leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("id", id),
                ("data-act", id),
            ],
            text,
        );
    };
    h.open(
        "section",
        &[
            ("class", "card no-print"),
            ("aria-labelledby", "save-title"),
            ("id", "save-household"),
        ],
    )
    .leaf("h2", &[("id", "save-title")], "村干部：保存到农户名单")
    .leaf(
        "p",
        &[("class", "hint")],
        "只存在这部手机上。称呼不一定写姓名。",
    );
    for (id, name, value) in [
        ("hh-label", "称呼", &label),
        ("hh-village", "村/组", &village),
    ] {
        h.open("div", &[("class", "field")])
            .leaf("label", &[("for", id)], name)
            .open("input", &[("id", id), ("type", "text"), ("value", value)])
            .close("div");
    }
    h.leaf(
        "button",
        &[
            ("type", "button"),
            ("id", "save-hh"),
            ("data-act", "save-hh"),
        ],
        "保存这一户",
    )
    .leaf("p", &[("role", "status"), ("id", "save-status")], "")
    .close("section")
    .open("div", &[("class", "nav-buttons no-print")]);
    button(h, "edit-answers", "修改答案");
    button(h, "print", "打印");
    h.close("div")
        .open("div", &[("class", "nav-buttons no-print")]);
    button(h, "new-check", "开始新的一户");
    h.leaf(
        "a",
        &[
            ("class", "button secondary"),
            ("href", "?v=households"),
            ("data-go", "households"),
        ],
        "农户名单",
    )
    .close("div")
    .open(
        "section",
        &[
            ("class", "card no-print"),
            ("aria-labelledby", "share-check-title"),
        ],
    )
    .leaf("h2", &[("id", "share-check-title")], "分享结果")
    .open("div", &[("id", "share-slot")]);
    button(h, "share-check", "生成分享链接");
    h.close("div").close("section");
}

/// The answers on screen: someone's shared ones, or the user's own.
fn answers_shown(app: AppState) -> Answers {
    app.shared
        .get_untracked()
        .unwrap_or_else(|| app.check.with_untracked(|c| c.answers.clone()))
}

fn handle(app: AppState, ev: &Ev) {
    if ev.kind != Kind::Click {
        return;
    }
    if ev.target.closest("[data-loan]").ok().flatten().is_some() {
        prefill_loan(app, &answers_shown(app));
        app.go(View::Loan);
        return;
    }
    let Some((_, act)) = ev.act() else { return };
    match act.as_str() {
        "use-shared" => {
            app.check.set(CheckState {
                answers: answers_shown(app),
                section: 0,
                editing: None,
                finished: false,
            });
            app.go(View::Check);
        }
        "save-hh" => save(app),
        "edit-answers" => {
            app.check.update(|c| {
                c.finished = false;
                c.section = 0;
            });
            browser::scroll_to_top();
        }
        "print" => browser::print(),
        "new-check" => {
            app.check.set(CheckState::default());
            browser::scroll_to_top();
        }
        "share-check" => {
            let link = browser::absolute_link(&format!(
                "?v=check&r={}",
                percent_encode(&to_link_value(&answers_shown(app)))
            ));
            let mut h = Html::new();
            h.leaf(
                "div",
                &[("class", "banner warn"), ("id", "privacy-warning")],
                "注意：链接里有这家的回答（收入、疾病等），没有称呼和姓名。只发给信得过的人，比如帮扶干部。",
            );
            super::copy_box::html(
                &mut h,
                ("check-link", "copy-check-link", "check-copy-status"),
                "结果链接",
                &link,
            );
            dom::set_html("share-slot", &h.finish());
        }
        _ => {}
    }
}

fn input_text(id: &str) -> String {
    dom::by_id(id)
        .map(|e| dom::value(&e))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Saves the answers under the typed label: a new household, or the one
/// being edited.
fn save(app: AppState) {
    let label_text = input_text("hh-label");
    if label_text.is_empty() {
        dom::set_text(
            "save-status",
            "请先填一个称呼（不一定是姓名，比如“3组王家”）。",
        );
        return;
    }
    let village_text = input_text("hh-village");
    let today = app.today.to_string();
    let editing = app.check.with_untracked(|c| c.editing.clone());
    let answers = app.check.with_untracked(|c| c.answers.clone());
    let id = app.households.try_update(|list| {
        match editing.and_then(|id| list.iter_mut().find(|h| h.id == id)) {
            Some(h) => {
                h.label = label_text.clone();
                h.village = village_text.clone();
                h.answers = answers.clone();
                h.date = today.clone();
                h.id.clone()
            }
            None => {
                let id = new_id(list);
                list.push(Household {
                    id: id.clone(),
                    label: label_text.clone(),
                    village: village_text.clone(),
                    date: today.clone(),
                    answers: answers.clone(),
                });
                id
            }
        }
    });
    app.check.update(|c| c.editing = id);
    dom::set_text("save-status", &format!("已保存到农户名单：{label_text}"));
}

/// A short id unique in the list and unlikely to clash with another phone's.
fn new_id(list: &[Household]) -> String {
    let now = js_sys::Date::now() as u64;
    let mut n = 0u64;
    loop {
        let id = format!(
            "h{}{}",
            now,
            if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            }
        );
        if !list.iter().any(|h| h.id == id) {
            return id;
        }
        n += 1;
    }
}
