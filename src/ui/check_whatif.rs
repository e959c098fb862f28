//! 如果……会怎样 under the self-check's results: two amounts (an illness's
//! bill, a lost wage) read by the same rules as the answers
//! ([`crate::check::whatif`]), and what would change beside today's result.
//! Only signals of its own are written: the saved answers stay as they are.

use super::fields::{TextField, TextSpec};
use super::state::use_app;
use crate::check::rules::{below, net_text};
use crate::check::whatif::{compare, wage_per_worker, Change, Comparison, WhatIfForm};
use crate::check::{text, Answers, Level, Report, WhatIf};
use crate::local::LocalFigures;
use crate::money::Fen;
use crate::query::View;
use leptos::prelude::*;

const MEDICAL: TextSpec = TextSpec {
    id: "what-if-medical",
    label: "如果有人生病，看病自己要掏多少钱？",
    unit: "元",
    mode: "text",
    hint: "报销以后自己出的钱。",
    chips: &["1万", "3万", "5万"],
};

const LOST: TextSpec = TextSpec {
    id: "what-if-lost",
    label: "如果有人出不去打工，全家一年少挣多少钱？",
    unit: "元",
    mode: "text",
    hint: "",
    chips: &[],
};

/// The what-if card; `answers` are the results' own (copied, never saved).
#[component]
pub fn WhatIfCard(answers: Answers) -> impl IntoView {
    let app = use_app();
    let local = app
        .local
        .with_untracked(|l| l.as_ref().map(LocalFigures::from_stored));
    // Two string signals and plain closures, no memo: the reading is cheap,
    // and every new signal type costs the download its own reactive code.
    let medical = RwSignal::new(String::new());
    let lost = RwSignal::new(String::new());
    let read = move || {
        WhatIfForm {
            medical: medical.get(),
            lost_income: lost.get(),
        }
        .read()
    };
    let error = move |field: &'static str| {
        Signal::derive(move || match read() {
            Err(e) => e
                .into_iter()
                .find(|e| e.field == field)
                .map_or(String::new(), |e| e.message),
            Ok(_) => String::new(),
        })
    };
    let wage = wage_per_worker(&answers).map(|y| {
        let amount = Fen::from_yuan(y).spoken();
        let fill = y.to_string();
        view! {
            <p class="hint" id="what-if-wage">
                {format!("按您填的打工收入，一个打工的人一年约挣 {amount}元。")}
                " "
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| lost.set(fill.clone())
                >
                    "少一个人打工"
                </button>
            </p>
        }
    });
    let prefill = answers.clone();
    let outcome = move || match read() {
        Ok(w) if w != WhatIf::default() => Some(outcome_view(
            compare(&answers, local.as_ref(), &w),
            prefill.clone(),
        )),
        _ => None,
    };
    view! {
        <section class="card no-print what-if" aria-labelledby="what-if-title" id="what-if">
            <details>
                <summary>
                    <h2 id="what-if-title">"如果……会怎样"</h2>
                    <span class="hint">"算一算看病、没活干对家里有什么影响"</span>
                </summary>
                <p class="hint">"只是算一算，上面的答案不会改动。"</p>
                <TextField
                    spec=MEDICAL
                    value=medical
                    on_text=Callback::new(move |t| medical.set(t))
                    error=error("medical")
                />
                <TextField
                    spec=LOST
                    value=lost
                    on_text=Callback::new(move |t| lost.set(t))
                    error=error("lost_income")
                />
                {wage}
                <div id="what-if-result" role="status" aria-live="polite">
                    {outcome}
                </div>
            </details>
        </section>
    }
}

/// Per-person income as the rules compare it: after medical costs when
/// those are known, else as answered.
fn per_person(r: &Report) -> Option<(i64, Option<i64>)> {
    r.net.or(r.income)
}

fn income_text(i: Option<(i64, Option<i64>)>) -> String {
    i.map_or_else(|| "不清楚".to_string(), net_text)
}

fn change_text(c: &Change) -> String {
    let before = c.before.map_or("现在没有这一条", |l| l.label());
    let after = c.after.map_or("不再提示", |l| l.label());
    format!("{}：{before} → {after}", text(c.id).title)
}

fn outcome_view(c: Comparison, prefill: Answers) -> impl IntoView {
    let app = use_app();
    let line = c.then.line.0 as i64;
    let lead = if c.then.net.is_some() {
        "减去自己掏的医药费，每人一年的收入："
    } else {
        "每人一年的收入："
    };
    let row = |when: &'static str, i: Option<(i64, Option<i64>)>| {
        let against = match i.map(|i| below(i, line)) {
            Some(Some(Level::Likely)) => "，低于监测线",
            Some(Some(_)) => "，可能低于监测线",
            Some(None) => "，不低于监测线",
            None => "",
        };
        view! {
            <li>
                {when}
                <strong>{income_text(i)}</strong>
                {against}
            </li>
        }
    };
    let income = view! {
        <div id="what-if-income">
            <p>{lead}</p>
            <ul class="what-if-figures">
                {row("现在：", per_person(&c.today))}
                {row("如果这样：", per_person(&c.then))}
                <li>{format!("监测线：每人每年 {line}元")}</li>
            </ul>
        </div>
    };
    let unknown = per_person(&c.then).is_none().then(|| {
        view! {
            <p class="hint" id="what-if-unknown">
                "收入或家里几口人没答，收入没法算：回到上面“修改答案”，在“收入”里选一项或用“算一算”。"
            </p>
        }
    });
    let changes = if c.changes.is_empty() {
        view! { <p id="what-if-same">"能申请的帮扶和现在一样。"</p> }.into_any()
    } else {
        view! {
            <p>"和现在比，会变的是："</p>
            <ul id="what-if-changes">
                {c.changes.iter().map(|ch| view! { <li>{change_text(ch)}</li> }).collect_view()}
            </ul>
            <p class="hint">
                "真遇到了，不用等：到村委会（或找驻村工作队）说明情况，按上面“先做这一件”去办；也可以回到上面“修改答案”，看新的结果。"
            </p>
        }
        .into_any()
    };
    let loan = c
        .then
        .top(usize::MAX)
        .iter()
        .any(|f| f.id == "loan")
        .then(|| {
            view! {
                <div class="actions">
                    <button
                        type="button"
                        id="what-if-loan"
                        on:click=move |_| {
                            super::check_results::prefill_loan(app, &prefill);
                            app.go(View::Loan);
                        }
                    >
                        "算一算贷款"
                    </button>
                </div>
            }
        });
    view! {
        {income}
        {unknown}
        {changes}
        {loan}
    }
}
