//! Results of the self-check: the most important things first, then every
//! finding with why, what to do, where to go, what to bring and the source.

use super::app::use_app;
use super::browser;
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
use leptos::prelude::*;
use wasm_bindgen::JsCast;

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

#[component]
pub fn Results(answers: Answers, shared: bool) -> impl IntoView {
    let app = use_app();
    let report = assess(&answers);
    // The findings are static text: written as escaped HTML (as the policy
    // library is), with one click handler for the policy links and the loan
    // button; as Leptos views they cost far more WebAssembly.
    let policy_click = super::policy::delegate(None);
    let answers_for_loan = answers.clone();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let loan = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-loan]").ok().flatten());
        if loan.is_some() {
            prefill_loan(&answers_for_loan);
            app.go(View::Loan);
        } else {
            policy_click(ev);
        }
    };
    let (done, total) = answers.progress();
    let line = report.line.clone();
    let shared_answers = answers.clone();
    view! {
        <h1>"自查结果"</h1>
        {shared
            .then(|| {
                view! {
                    <div class="banner info" role="status" id="shared-banner">
                        <p>"这是别人通过链接分享的自查结果（链接里没有姓名）。您自己的答案没有改动。"</p>
                        <button
                            class="secondary"
                            on:click=move |_| {
                                app.check
                                    .set(CheckState {
                                        answers: shared_answers.clone(),
                                        section: 0,
                                        editing: None,
                                        finished: false,
                                    });
                                app.go(View::Check);
                            }
                        >
                            "用这些答案开始自查"
                        </button>
                    </div>
                }
            })}
        <p class="hint">
            {format!("已回答 {done}/{total} 题。")}
            "这是按公开政策做的初步判断，不是官方认定；能不能享受，以村里核查和有关部门审核为准。"
        </p>
        <div inner_html=findings_html(&report) on:click=on_click></div>
        <p class="small muted" id="line-used">
            {format!("判断收入用的监测线：每人每年 {} 元。{}。", line.0, line.1)}
        </p>
        <p class="small muted">{format!("这些规则最近核对于 {}。", PARAMS.checked)}</p>
        {(!shared).then(|| view! { <ResultActions answers=answers.clone()/> })}
    }
}

/// Carries what the self-check knows into the loan estimator: the 2026
/// product, and the age and status facts (kept on the phone, not in links).
fn prefill_loan(a: &Answers) {
    let app = use_app();
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

#[component]
fn ResultActions(answers: Answers) -> impl IntoView {
    let app = use_app();
    let editing = app.check.with_untracked(|c| c.editing.clone());
    let existing = editing.as_ref().and_then(|id| {
        app.households
            .with_untracked(|l| l.iter().find(|h| &h.id == id).cloned())
    });
    let label = RwSignal::new(existing.as_ref().map_or(String::new(), |h| h.label.clone()));
    let village = RwSignal::new(
        existing
            .as_ref()
            .map_or(String::new(), |h| h.village.clone()),
    );
    let saved = RwSignal::new(None::<String>);
    let share_open = RwSignal::new(false);
    let link = browser::absolute_link(&format!(
        "?v=check&r={}",
        percent_encode(&to_link_value(&answers))
    ));
    let answers_for_save = answers.clone();
    let save = move |_| {
        let label_text = label.get_untracked().trim().to_string();
        if label_text.is_empty() {
            saved.set(Some(
                "请先填一个称呼（不一定是姓名，比如“3组王家”）。".into(),
            ));
            return;
        }
        let today = app.today.to_string();
        let editing = app.check.with_untracked(|c| c.editing.clone());
        let answers = answers_for_save.clone();
        let village_text = village.get_untracked().trim().to_string();
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
        saved.set(Some(format!("已保存到农户名单：{label_text}")));
    };
    view! {
        <section class="card no-print" aria-labelledby="save-title" id="save-household">
            <h2 id="save-title">"村干部：保存到农户名单"</h2>
            <p class="hint">"只存在这部手机上。称呼不一定写姓名。"</p>
            <div class="field">
                <label for="hh-label">"称呼"</label>
                <input id="hh-label" type="text" prop:value=label on:input=move |ev| label.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="hh-village">"村/组"</label>
                <input
                    id="hh-village"
                    type="text"
                    prop:value=village
                    on:input=move |ev| village.set(event_target_value(&ev))
                />
            </div>
            <button id="save-hh" on:click=save>
                {move || if app.check.with(|c| c.editing.is_some()) { "保存修改" } else { "保存这一户" }}
            </button>
            <p role="status" id="save-status">{move || saved.get()}</p>
        </section>
        <div class="nav-buttons no-print">
            <button
                class="secondary"
                id="edit-answers"
                on:click=move |_| {
                    app.check
                        .update(|c| {
                            c.finished = false;
                            c.section = 0;
                        });
                    browser::scroll_to_top();
                }
            >
                "修改答案"
            </button>
            <button class="secondary" id="print" on:click=move |_| browser::print()>
                "打印"
            </button>
        </div>
        <div class="nav-buttons no-print">
            <button
                class="secondary"
                id="new-check"
                on:click=move |_| {
                    app.check.set(CheckState::default());
                    browser::scroll_to_top();
                }
            >
                "开始新的一户"
            </button>
            <a
                class="button secondary"
                href="?v=households"
                on:click=move |ev| {
                    ev.prevent_default();
                    app.go(View::Households);
                }
            >
                "农户名单"
            </a>
        </div>
        <section class="card no-print" aria-labelledby="share-check-title">
            <h2 id="share-check-title">"分享结果"</h2>
            <Show
                when=move || share_open.get()
                fallback=move || {
                    view! {
                        <button class="secondary" id="share-check" on:click=move |_| share_open.set(true)>
                            "生成分享链接"
                        </button>
                    }
                }
            >
                <div class="banner warn" id="privacy-warning">
                    "注意：链接里有这家的回答（收入、疾病等），没有称呼和姓名。只发给信得过的人，比如帮扶干部。"
                </div>
                {super::copy_box::view(("check-link", "copy-check-link", "check-copy-status"), "结果链接", &link)}
            </Show>
        </section>
    }
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
