//! 家庭自查: one section at a time with a progress bar, back and next;
//! answers are saved as they are given, so leaving and coming back resumes.
//! Written as markup (see [`super::dom`]): a section's questions are written
//! when the section changes; answering only patches what depends on it
//! (which questions show, messages, 不清楚 boxes), so typing keeps its focus.

use super::app::{use_app, AppState};
use super::dom::{self, Ev, Kind as EvKind};
use crate::check::answers::check_value;
use crate::check::questions::{Kind, Question, SECTIONS, UNKNOWN};
use crate::check::{Answers, PROVINCES};
use crate::html::Html;
use reactive_graph::computed::Memo;
use reactive_graph::prelude::*;

fn section_of(app: AppState) -> usize {
    app.check.with(|c| c.section.min(SECTIONS.len() - 1))
}

pub fn questionnaire() -> dom::Screen {
    let app = use_app();
    let section = Memo::new(move |_| section_of(app));
    dom::region("editing", move || {
        let label = app.check.with(|c| c.editing.clone()).and_then(|id| {
            app.households
                .with(|list| list.iter().find(|h| h.id == id).map(|h| h.label.clone()))
        });
        let mut h = Html::new();
        if let Some(l) = label {
            h.open("div", &[("class", "banner info"), ("role", "status")])
                .text("正在修改：")
                .leaf("strong", &[], &l)
                .close("div");
        }
        h.finish()
    });
    dom::region("progress", move || {
        let (done, total) = app.check.with(|c| c.answers.progress());
        progress_html(section.get(), done, total)
    });
    dom::effect(move || dom::set_text("section-title", SECTIONS[section.get()].title));
    // The questions are written when the section changes (with the answers
    // as they are then); later answers only patch them.
    dom::region("questions", move || {
        let s = section.get();
        app.check.with_untracked(|c| questions_html(s, &c.answers))
    });
    dom::effect(move || {
        let s = section.get();
        app.check.with(|c| patch_answers(s, &c.answers));
    });
    dom::effect(move || {
        let first = section.get() == 0;
        if let Some(b) = dom::by_id("prev") {
            let _ = if first {
                b.set_attribute("disabled", "")
            } else {
                b.remove_attribute("disabled")
            };
        }
    });
    dom::region("next-slot", move || {
        let mut h = Html::new();
        if section.get() + 1 < SECTIONS.len() {
            h.leaf(
                "button",
                &[("type", "button"), ("id", "next"), ("data-act", "next")],
                "下一步",
            );
        } else {
            h.leaf(
                "button",
                &[("type", "button"), ("id", "finish"), ("data-act", "finish")],
                "看结果",
            );
        }
        h.finish()
    });
    dom::page("questionnaire", skeleton(), handle)
}

fn skeleton() -> String {
    let mut h = Html::new();
    h.leaf("h1", &[], "家庭自查")
        .leaf(
            "p",
            &[("class", "hint")],
            "回答下面的问题（不清楚就选“不清楚”），看看家里可能符合哪些帮扶。答案只存在这部手机上。",
        )
        .leaf("div", &[("id", "editing")], "")
        .leaf("div", &[("class", "progress"), ("aria-live", "polite"), ("id", "progress")], "")
        .open("section", &[("class", "card"), ("aria-labelledby", "section-title")])
        .leaf("h2", &[("id", "section-title")], "")
        .leaf("div", &[("id", "questions")], "")
        .close("section")
        .open("div", &[("class", "nav-buttons")])
        .leaf(
            "button",
            &[("type", "button"), ("class", "secondary"), ("id", "prev"), ("data-act", "prev")],
            "上一步",
        )
        .leaf("span", &[("id", "next-slot"), ("class", "contents")], "")
        .close("div")
        .open("p", &[])
        .leaf(
            "button",
            &[("type", "button"), ("class", "link"), ("id", "results-now"), ("data-act", "finish")],
            "先看看现在的结果",
        )
        .close("p");
    h.finish()
}

fn progress_html(section: usize, done: usize, total: usize) -> String {
    let pct = (done * 100).checked_div(total).unwrap_or(0).to_string();
    let mut h = Html::new();
    h.open("div", &[("class", "steps small")])
        .text(&format!(
            "第 {} 部分，共 {} 部分：{}",
            section + 1,
            SECTIONS.len(),
            SECTIONS[section].title
        ))
        .leaf("span", &[], &format!("已答 {done}/{total}"))
        .close("div")
        .open(
            "div",
            &[
                ("class", "bar"),
                ("role", "progressbar"),
                ("aria-valuemin", "0"),
                ("aria-valuemax", "100"),
                ("aria-valuenow", &pct),
                ("aria-label", "答题进度"),
            ],
        )
        .leaf("i", &[("style", &format!("width:{pct}%"))], "")
        .close("div");
    h.finish()
}

/// The message for a typed answer that cannot be read, or "".
fn error_of(q: &Question, a: &Answers) -> String {
    match a.get(q.id) {
        Some(v) => check_value(q, v).err().unwrap_or_default(),
        None => String::new(),
    }
}

/// What a text box shows: the answer as typed, empty for 不清楚.
fn shown_value<'a>(q: &Question, a: &'a Answers) -> &'a str {
    a.get(q.id).filter(|v| *v != UNKNOWN).unwrap_or("")
}

fn choice_on(q: &Question, a: &Answers, key: &str) -> bool {
    if matches!(q.kind, Kind::Many(_)) {
        a.has(q.id, key)
    } else {
        a.is(q.id, key)
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

fn questions_html(section: usize, a: &Answers) -> String {
    let mut h = Html::new();
    for q in SECTIONS[section].questions {
        question_html(&mut h, q, a);
    }
    h.finish()
}

fn question_html(h: &mut Html, q: &Question, a: &Answers) {
    let qid = format!("q-{}", q.id);
    let mut attrs = vec![("class", "question"), ("id", "")];
    let wrapper_id = format!("question-{}", q.id);
    attrs[1].1 = &wrapper_id;
    if !a.visible(q) {
        attrs.push(("hidden", ""));
    }
    h.open("div", &attrs)
        .leaf("p", &[("class", "q"), ("id", &qid)], q.text);
    if !q.help.is_empty() {
        h.leaf("p", &[("class", "hint")], q.help);
    }
    let error = error_of(q, a);
    match q.kind {
        Kind::One(_) | Kind::Many(_) => {
            let many = matches!(q.kind, Kind::Many(_));
            h.open(
                "div",
                &[
                    ("class", "choices"),
                    ("role", if many { "group" } else { "radiogroup" }),
                    ("aria-labelledby", &qid),
                ],
            );
            for (key, label) in choices(q) {
                let id = format!("c-{}-{key}", q.id);
                let mut attrs = vec![
                    ("type", if many { "checkbox" } else { "radio" }),
                    ("name", q.id),
                    ("value", key),
                    ("id", &id),
                    ("data-q", q.id),
                ];
                if choice_on(q, a, key) {
                    attrs.push(("checked", ""));
                }
                h.open("label", &[("class", "choice")])
                    .open("input", &attrs)
                    .leaf("span", &[], label)
                    .close("label");
            }
            h.close("div");
        }
        Kind::Count { .. } | Kind::Money => {
            let unit = if let Kind::Count { unit, .. } = q.kind {
                unit
            } else {
                "元"
            };
            let numeric = matches!(q.kind, Kind::Count { .. });
            let input_id = format!("a-{}", q.id);
            h.open("div", &[("class", "with-unit")]).open(
                "input",
                &[
                    ("id", &input_id),
                    ("type", "text"),
                    ("inputmode", if numeric { "numeric" } else { "text" }),
                    ("autocomplete", "off"),
                    ("aria-labelledby", &qid),
                    (
                        "aria-invalid",
                        if error.is_empty() { "false" } else { "true" },
                    ),
                    ("value", shown_value(q, a)),
                    ("data-q", q.id),
                ],
            );
            h.leaf("span", &[], unit).close("div");
            if !q.optional {
                let unknown_id = format!("u-{}", q.id);
                let mut attrs = vec![
                    ("type", "checkbox"),
                    ("id", unknown_id.as_str()),
                    ("data-q", q.id),
                    ("data-unknown", "1"),
                ];
                if a.unknown(q.id) {
                    attrs.push(("checked", ""));
                }
                h.open("label", &[("class", "choice inline")])
                    .open("input", &attrs)
                    .leaf("span", &[], "不清楚")
                    .close("label");
            }
        }
        Kind::Province => {
            let input_id = format!("a-{}", q.id);
            let mut options = vec![("", "请选择")];
            options.extend(PROVINCES.iter().map(|p| (p.key, p.name)));
            options.push((UNKNOWN, "不清楚"));
            h.open(
                "select",
                &[
                    ("id", &input_id),
                    ("aria-labelledby", &qid),
                    ("data-q", q.id),
                ],
            );
            super::fields::options(h, &options, a.get(q.id).unwrap_or(""));
            h.close("select");
        }
    }
    h.leaf(
        "p",
        &[
            ("class", "error"),
            ("role", "alert"),
            ("id", &format!("err-{}", q.id)),
        ],
        &error,
    )
    .close("div");
}

/// Brings the written section in step with the answers: which questions
/// show, the boxes ticked, the values, the messages.
fn patch_answers(section: usize, a: &Answers) {
    for q in SECTIONS[section].questions {
        dom::show(&format!("question-{}", q.id), a.visible(q));
        let error = error_of(q, a);
        dom::set_text(&format!("err-{}", q.id), &error);
        let input_id = format!("a-{}", q.id);
        match q.kind {
            Kind::One(_) | Kind::Many(_) => {
                for (key, _) in choices(q) {
                    if let Some(el) = dom::by_id(&format!("c-{}-{key}", q.id)) {
                        dom::set_checked(&el, choice_on(q, a, key));
                    }
                }
            }
            Kind::Count { .. } | Kind::Money => {
                dom::set_value(&input_id, shown_value(q, a));
                dom::set_attr(
                    &input_id,
                    "aria-invalid",
                    if error.is_empty() { "false" } else { "true" },
                );
                if let Some(el) = dom::by_id(&format!("u-{}", q.id)) {
                    dom::set_checked(&el, a.unknown(q.id));
                }
            }
            Kind::Province => dom::set_value(&input_id, a.get(q.id).unwrap_or("")),
        }
    }
}

fn handle(app: AppState, ev: &Ev) {
    if let Some(q) = ev.target.get_attribute("data-q") {
        let kind = ev.target.get_attribute("type").unwrap_or_default();
        // Ticks and choices answer on change (Chrome also sends input for
        // them); text answers on every keystroke.
        let value = match (ev.kind, kind.as_str()) {
            (EvKind::Change, "checkbox") if ev.target.has_attribute("data-unknown") => {
                Some(if ev.checked() {
                    UNKNOWN.to_string()
                } else {
                    String::new()
                })
            }
            (EvKind::Change, "checkbox") => {
                let key = ev.value();
                app.check.update(|c| c.answers.toggle(&q, &key));
                None
            }
            (EvKind::Change, "radio") => Some(ev.value()),
            (EvKind::Input, "text") => Some(ev.value()),
            (EvKind::Change, "") => Some(ev.value()), // the province select
            _ => None,
        };
        if let Some(v) = value {
            app.check.maybe_update(|c| {
                let changed = c.answers.raw(&q).unwrap_or("") != v;
                if changed {
                    c.answers.set(&q, v);
                }
                changed
            });
        }
        return;
    }
    if ev.kind != EvKind::Click {
        return;
    }
    let go_to = |i: usize| {
        app.check.update(|c| c.section = i);
        super::browser::scroll_to_top();
    };
    match ev.act().map(|(_, a)| a).as_deref() {
        Some("prev") => go_to(section_of(app).saturating_sub(1)),
        Some("next") => go_to((section_of(app) + 1).min(SECTIONS.len() - 1)),
        Some("finish") => {
            app.check.update(|c| c.finished = true);
            super::browser::scroll_to_top();
        }
        _ => {}
    }
}
