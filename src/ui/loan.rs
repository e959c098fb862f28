//! The loan estimator page: inputs, then everything computed from them.
//! Written once as markup; regions and patches follow the form (see
//! [`super::dom`]), so typing never loses focus and nothing typed is lost.

use super::app::{use_app, AppState};
use super::dom::{self, Ev, Kind};
use super::loan_inputs::{self, facts_slot, form_slot, FACT_IDS, FORM_IDS};
use super::loan_results as results;
use super::{browser, chart};
use crate::form::{self, LoanForm};
use crate::html::Html;
use crate::loan::{schedule, LoanTerms, Method, Schedule, Subsidy, CONVENTIONS};
use crate::products;
use crate::query::loan_query;
use reactive_graph::prelude::*;
use reactive_graph::{computed::Memo, signal::RwSignal};

/// A readable loan with its schedule: computed once per input change and
/// shared by every result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub terms: LoanTerms,
    pub subsidy: Subsidy,
    pub schedule: Schedule,
}

thread_local! {
    /// Whether the whole schedule is shown (the page's own small state).
    static SHOW_ALL: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

pub fn loan_page() -> dom::Screen {
    let app = use_app();
    let checked = Memo::new(move |_| form::check(&app.form.get(), app.today));
    let estimate = Memo::new(move |_| {
        checked.get().ok().map(|(terms, subsidy)| Estimate {
            terms,
            subsidy,
            schedule: schedule(&terms, &subsidy),
        })
    });
    let show_all = RwSignal::new(false);
    SHOW_ALL.with(|s| s.set(Some(show_all)));
    // The product alone, so typing a figure does not rewrite its sources.
    let product = Memo::new(move |_| app.form.with(|f| f.product()));

    // Inputs follow the form when it changes other than by typing (a chip, a
    // product, a link, the undo banner); while typing these change nothing.
    dom::effect(move || {
        app.form.with(|f| {
            let mut f = f.clone();
            for (id, _) in FORM_IDS {
                if let Some(v) = form_slot(&mut f, id) {
                    dom::set_value(id, v);
                }
            }
            dom::set_value("product", f.product().id);
            dom::show("field-io", f.method == Method::Staged.key());
            dom::set_text(
                "method-hint",
                Method::from_key(&f.method).map_or("", |m| m.explain()),
            );
        })
    });
    dom::effect(move || {
        app.facts.with(|f| {
            let mut f = f.clone();
            for id in FACT_IDS {
                if let Some(v) = facts_slot(&mut f, id) {
                    dom::set_value(id, v);
                }
            }
        })
    });
    dom::effect(move || {
        let p = product.get();
        dom::set_text("product-summary", p.summary);
        dom::set_text("example-terms", &loan_inputs::example_note(p));
    });
    // A message under each field that cannot be read, and aria-invalid.
    dom::effect(move || {
        checked.with(|c| {
            for (id, field) in FORM_IDS {
                let msg = c
                    .as_ref()
                    .err()
                    .and_then(|es| es.iter().find(|(f, _)| *f == field))
                    .map_or("", |(_, m)| m.as_str());
                dom::set_text(&format!("{id}-error"), msg);
                dom::set_attr(
                    id,
                    "aria-invalid",
                    if msg.is_empty() { "false" } else { "true" },
                );
            }
        })
    });
    dom::effect(move || {
        let some = estimate.with(Option::is_some);
        dom::show("results", some);
        dom::show("fix-inputs", !some);
    });
    dom::effect(move || dom::show("replaced-banner", app.replaced.with(Option::is_some)));
    let with_estimate = move |f: fn(&Estimate) -> String| {
        move || estimate.with(|e| e.as_ref().map(f).unwrap_or_default())
    };
    dom::region("summary-body", with_estimate(results::summary_html));
    dom::region("advance-body", with_estimate(results::advice_html));
    dom::region("chart", with_estimate(|e| chart::svg(&e.schedule)));
    dom::region("schedule-body", move || {
        let limit = if show_all.get() { usize::MAX } else { 12 };
        estimate.with(|e| {
            e.as_ref()
                .map(|e| results::rows_html(&e.schedule, limit))
                .unwrap_or_default()
        })
    });
    dom::effect(move || {
        let n = estimate.with(|e| e.as_ref().map_or(0, |e| e.schedule.rows.len()));
        dom::show("toggle-rows", n > 12);
        let label = if show_all.get() {
            "只看前12期".to_string()
        } else {
            format!("显示全部 {n} 期")
        };
        dom::set_text("toggle-rows", &label);
    });
    dom::region("compare-slot", move || {
        estimate.with(|e| {
            e.as_ref().map_or(String::new(), |e| {
                let io = if e.terms.interest_only_months > 0 {
                    e.terms.interest_only_months
                } else {
                    app.form.with(|f| f.product().interest_only_months)
                };
                results::compare_html(e, io)
            })
        })
    });
    dom::region("eligibility-body", move || {
        let product = product.get();
        estimate.with(|e| {
            let a = app.facts.with(|facts| {
                crate::eligibility::assess(product, e.as_ref().map(|e| &e.terms), facts)
            });
            results::eligibility_html(product.short, &a)
        })
    });
    dom::effect(move || {
        dom::set_value(
            "share-link",
            &browser::absolute_link(&app.form.with(loan_query)),
        );
    });
    dom::region("product-info", move || results::product_html(product.get()));
    dom::region("answer-bar", move || {
        estimate.with(|e| results::answer_bar_html(e.as_ref()))
    });

    dom::page(
        "loan",
        html(&app.form.get_untracked(), &app.facts.get_untracked()),
        handle,
    )
}

fn html(form: &LoanForm, facts: &crate::eligibility::Facts) -> String {
    let mut h = Html::new();
    h.leaf("h1", &[], "贷款测算")
        .open(
            "div",
            &[
                ("class", "banner info"),
                ("role", "status"),
                ("id", "replaced-banner"),
                ("hidden", ""),
            ],
        )
        .leaf(
            "p",
            &[],
            "已按链接里的贷款数字计算。您自己之前填的数字还在：",
        )
        .leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("data-act", "swap-back"),
            ],
            "换回我自己填的",
        )
        .close("div");
    loan_inputs::loan_inputs(&mut h, form);
    h.leaf(
        "div",
        &[("class", "banner bad"), ("role", "status"), ("id", "fix-inputs"), ("hidden", "")],
        "上面有标红的地方，改好后这里就会算出每期还多少。",
    )
    .open("div", &[("id", "results")])
    .open("section", &[("class", "card summary"), ("aria-labelledby", "summary-title"), ("id", "summary")])
    .leaf("h2", &[("id", "summary-title")], "要还多少")
    .leaf("div", &[("id", "summary-body")], "")
    .close("section")
    .open("section", &[("class", "card"), ("aria-labelledby", "advance-title"), ("id", "advance")])
    .leaf("h2", &[("id", "advance-title")], "要先垫多少钱")
    .leaf("div", &[("id", "advance-body")], "")
    .close("section")
    .open("div", &[("class", "warning"), ("id", "not-a-grant")])
    .leaf("strong", &[], "扶贫贷款不是扶贫款，一定要还")
    .leaf(
        "p",
        &[],
        "这是银行的贷款，到期必须还本付息。逾期了，政府就不再贴息，还会记入个人征信，以后贷款、办事都受影响。借多少、用在哪，要想清楚。",
    )
    .close("div")
    .open("section", &[("class", "card"), ("aria-labelledby", "schedule-title")])
    .leaf("h2", &[("id", "schedule-title")], "每期还款明细")
    .leaf("div", &[("class", "chart"), ("id", "chart")], "")
    .open("div", &[("class", "legend"), ("aria-hidden", "true")]);
    for (colour, name) in [
        (chart::PRINCIPAL_COLOUR, "本金"),
        (chart::INTEREST_COLOUR, "利息"),
    ] {
        h.open("span", &[])
            .leaf("i", &[("style", &format!("background:{colour}"))], "")
            .text(name)
            .close("span");
    }
    h.close("div")
        .open("div", &[("class", "scroll")])
        .open("table", &[("id", "schedule")])
        .open("thead", &[])
        .open("tr", &[]);
    for th in [
        "期数",
        "日期",
        "本金",
        "利息",
        "应还",
        "贴息",
        "实际负担",
        "剩余本金",
    ] {
        h.leaf("th", &[("scope", "col")], th);
    }
    h.close("tr")
        .close("thead")
        .leaf("tbody", &[("id", "schedule-body")], "")
        .close("table")
        .close("div")
        .leaf(
            "button",
            &[
                ("type", "button"),
                ("class", "secondary"),
                ("id", "toggle-rows"),
                ("data-act", "toggle-rows"),
                ("hidden", ""),
            ],
            "",
        )
        .open("details", &[])
        .leaf("summary", &[], "怎么算的")
        .open("ul", &[("class", "small")]);
    for c in CONVENTIONS {
        h.leaf("li", &[], c);
    }
    h.close("ul")
        .close("details")
        .close("section")
        .leaf("div", &[("id", "compare-slot")], "")
        .close("div");
    loan_inputs::facts_inputs(&mut h, facts);
    h.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "verdict-title"),
            ("id", "eligibility"),
        ],
    )
    .leaf("h2", &[("id", "verdict-title")], "能不能贷")
    .leaf("div", &[("id", "eligibility-body")], "")
    .close("section")
    .open(
        "section",
        &[("class", "card copy"), ("aria-labelledby", "share-title")],
    )
    .leaf("h2", &[("id", "share-title")], "把这个测算发给别人")
    .leaf(
        "p",
        &[("class", "hint")],
        "链接里只有贷款数字，不包含年龄、身份等家庭情况。",
    );
    super::copy_box::html(
        &mut h,
        ("share-link", "copy-link", "copy-status"),
        "测算链接",
        "",
    );
    h.close("section")
        .leaf(
            "section",
            &[
                ("class", "card"),
                ("aria-labelledby", "product-title"),
                ("id", "product-info"),
            ],
            "",
        )
        .leaf(
            "div",
            &[
                ("class", "answer-bar"),
                ("id", "answer-bar"),
                ("role", "status"),
            ],
            "",
        );
    h.finish()
}

fn handle(app: AppState, ev: &Ev) {
    let id = ev.id();
    match ev.kind {
        Kind::Input | Kind::Change => {
            let v = ev.value();
            if id == "product" {
                if let Some(p) = products::product(&v) {
                    app.form.set(LoanForm::for_product(p));
                }
            } else if FORM_IDS.iter().any(|(i, _)| *i == id) {
                app.form.maybe_update(|f| match form_slot(f, &id) {
                    Some(slot) if *slot != v => {
                        *slot = v;
                        true
                    }
                    _ => false,
                });
            } else if FACT_IDS.contains(&id.as_str()) {
                app.facts.maybe_update(|f| match facts_slot(f, &id) {
                    Some(slot) if *slot != v => {
                        *slot = v;
                        true
                    }
                    _ => false,
                });
            }
        }
        Kind::Click => match ev.act() {
            Some((el, act)) if act == "chip" => {
                let field = el.get_attribute("data-field").unwrap_or_default();
                let value = el.get_attribute("data-value").unwrap_or_default();
                app.form.update(|f| {
                    if let Some(slot) = form_slot(f, &field) {
                        *slot = value;
                    }
                });
            }
            Some((_, act)) if act == "toggle-rows" => {
                if let Some(s) = SHOW_ALL.with(|s| s.get()) {
                    s.update(|v| *v = !*v);
                }
            }
            Some((_, act)) if act == "swap-back" => {
                if let Some(own) = app.replaced.get_untracked() {
                    app.form.set(own);
                }
                app.replaced.set(None);
            }
            _ => {}
        },
    }
}
