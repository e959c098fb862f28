//! The estimator's inputs, as data: each input names where its text lives in
//! [`LoanForm`] or [`Facts`] and how it is shown, and the shared
//! [`TextField`]/[`SelectField`] render it. Every field keeps exactly what was
//! typed; the message under a loan field comes from [`crate::form::check`].

use super::fields::{SelectField, SelectFieldProps, TextField, TextFieldProps, TextSpec};
use super::loan::Checked;
use super::state::use_app;
use crate::eligibility::{Facts, PURPOSES};
use crate::form::{Field, LoanForm};
use crate::loan::{Method, SubsidyTiming};
use crate::local::LocalFigures;
use crate::products::{self, Product, Status};
use leptos::either::Either;
use leptos::prelude::*;

/// Where an input's text lives in its form: one projection to read, one to write.
struct Slot<T: 'static> {
    get: fn(&T) -> &String,
    set: fn(&mut T) -> &mut String,
}

macro_rules! slot {
    ($name:ident) => {
        Slot {
            get: |f| &f.$name,
            set: |f| &mut f.$name,
        }
    };
}

/// A hint line under a select: its id, and what it says for a value.
type Explain = (&'static str, fn(&str) -> &'static str);

/// How an input is shown.
enum Kind {
    /// A text input: unit after it, `inputmode`, hint, quick-pick chips.
    Text {
        unit: &'static str,
        mode: &'static str,
        hint: &'static str,
        chips: &'static [&'static str],
    },
    /// A select: its (value, label) options, and a hint that follows the choice.
    Select {
        options: fn() -> Vec<(&'static str, &'static str)>,
        explain: Option<Explain>,
    },
}

/// Whose label and message an input has.
enum Name {
    /// A field of the loan form: its label, and its message from `form::check`.
    Loan(Field),
    /// A household fact: a label only (facts are not validated here).
    Fact(&'static str),
}

/// One input of a form.
struct Input<T: 'static> {
    id: &'static str,
    name: Name,
    slot: Slot<T>,
    kind: Kind,
    /// Shown only while this holds for the form.
    shown_if: Option<fn(&T) -> bool>,
}

const fn text(unit: &'static str, mode: &'static str, hint: &'static str) -> Kind {
    Kind::Text {
        unit,
        mode,
        hint,
        chips: &[],
    }
}

/// The loan's figures, in rows of one or two (two share a line on wider phones).
const LOAN_ROWS: &[&[Input<LoanForm>]] = &[
    &[Input {
        id: "amount",
        name: Name::Loan(Field::Amount),
        slot: slot!(amount),
        kind: Kind::Text {
            unit: "元",
            mode: "text",
            hint: "可以写 50000，也可以写 5万",
            chips: &["1万", "3万", "5万", "10万"],
        },
        shown_if: None,
    }],
    &[
        Input {
            id: "months",
            name: Name::Loan(Field::Months),
            slot: slot!(months),
            kind: text("个月", "numeric", ""),
            shown_if: None,
        },
        Input {
            id: "rate",
            name: Name::Loan(Field::Rate),
            slot: slot!(rate),
            kind: text("%", "decimal", ""),
            shown_if: None,
        },
    ],
    &[Input {
        id: "method",
        name: Name::Loan(Field::Method),
        slot: slot!(method),
        kind: Kind::Select {
            options: || Method::ALL.iter().map(|m| (m.key(), m.label())).collect(),
            explain: Some(("method-hint", |v| {
                Method::from_key(v).map_or("", Method::explain)
            })),
        },
        shown_if: None,
    }],
    &[Input {
        id: "io",
        name: Name::Loan(Field::Io),
        slot: slot!(io),
        kind: text(
            "个月",
            "numeric",
            "前几个月只还利息，之后再按等额本息还本金",
        ),
        shown_if: Some(|f| f.method == Method::Staged.key()),
    }],
    &[
        Input {
            id: "subsidy",
            name: Name::Loan(Field::Subsidy),
            slot: slot!(subsidy),
            kind: text("%", "decimal", "100 = 全额贴息"),
            shown_if: None,
        },
        Input {
            id: "subsidy_cap",
            name: Name::Loan(Field::SubsidyCap),
            slot: slot!(subsidy_cap),
            kind: text("元", "text", "超过这个本金的部分不贴息；不限就空着"),
            shown_if: None,
        },
    ],
    &[Input {
        id: "subsidy_timing",
        name: Name::Loan(Field::Timing),
        slot: slot!(subsidy_timing),
        kind: Kind::Select {
            options: || {
                SubsidyTiming::ALL
                    .iter()
                    .map(|t| (t.key(), t.label()))
                    .collect()
            },
            explain: None,
        },
        shown_if: None,
    }],
    &[Input {
        id: "start",
        name: Name::Loan(Field::Start),
        slot: slot!(start),
        kind: text("", "text", "格式 2026-03-15；空着就按今天算"),
        shown_if: None,
    }],
];

/// What eligibility depends on. These stay on this phone: they are never put
/// into links.
const FACT_ROWS: &[&[Input<Facts>]] = &[
    &[
        Input {
            id: "age",
            name: Name::Fact("借款人年龄"),
            slot: slot!(age),
            kind: text("岁", "numeric", ""),
            shown_if: None,
        },
        Input {
            id: "bad_credit",
            name: Name::Fact("有没有不良信用记录"),
            slot: slot!(bad_credit),
            kind: Kind::Select {
                options: || vec![("", "不清楚"), ("no", "没有"), ("yes", "有")],
                explain: None,
            },
            shown_if: None,
        },
    ],
    &[Input {
        id: "status",
        name: Name::Fact("家庭身份"),
        slot: slot!(status),
        kind: Kind::Select {
            options: || {
                let mut o = vec![("", "请选择")];
                o.extend(Status::ALL.iter().map(|s| (s.key(), s.label())));
                o
            },
            explain: None,
        },
        shown_if: None,
    }],
    &[Input {
        id: "purpose",
        name: Name::Fact("钱用来做什么"),
        slot: slot!(purpose),
        kind: Kind::Select {
            options: || {
                let mut o = vec![("", "请选择")];
                o.extend(PURPOSES.iter().map(|p| (p.key, p.label)));
                o
            },
            explain: None,
        },
        shown_if: None,
    }],
    &[Input {
        id: "existing",
        name: Name::Fact("已经有的这类贷款还欠多少"),
        slot: slot!(existing),
        kind: text("元", "decimal", "没有就空着"),
        shown_if: None,
    }],
];

/// An input's value, writer and visibility, bound to the form in `form`.
/// Only this is generic over the form; the rest is compiled once.
fn bind<T: Send + Sync + 'static>(
    form: RwSignal<T>,
    input: &'static Input<T>,
) -> (Signal<String>, Callback<String>, Option<Signal<bool>>) {
    let Slot { get, set } = input.slot;
    let value = Signal::derive(move || form.with(|f| get(f).clone()));
    let write = Callback::new(move |v: String| {
        form.maybe_update(|f| {
            let slot = set(f);
            let changed = *slot != v;
            if changed {
                *slot = v;
            }
            changed
        })
    });
    let hidden = input
        .shown_if
        .map(|shown| Signal::derive(move || !form.with(shown)));
    (value, write, hidden)
}

/// Rows of inputs; a row of two is laid out side by side.
fn rows<T: Send + Sync + 'static>(
    form: RwSignal<T>,
    checked: Option<Memo<Checked>>,
    rows: &'static [&'static [Input<T>]],
) -> impl IntoView {
    rows.iter()
        .map(|row| {
            let inputs = row
                .iter()
                .map(|input| {
                    let (value, write, hidden) = bind(form, input);
                    input_view(
                        input.id,
                        &input.name,
                        &input.kind,
                        value,
                        write,
                        hidden,
                        checked,
                    )
                })
                .collect_view();
            view! { <div class=(row.len() > 1).then_some("row2")>{inputs}</div> }
        })
        .collect_view()
}

/// One input, by the shared field components.
fn input_view(
    id: &'static str,
    name: &Name,
    kind: &Kind,
    value: Signal<String>,
    on_text: Callback<String>,
    hidden: Option<Signal<bool>>,
    checked: Option<Memo<Checked>>,
) -> impl IntoView {
    let (label, error) = match *name {
        Name::Loan(field) => (field.label(), checked.map(|c| message(c, field))),
        Name::Fact(label) => (label, None),
    };
    match *kind {
        Kind::Text {
            unit,
            mode,
            hint,
            chips,
        } => Either::Left(TextField(TextFieldProps {
            spec: TextSpec {
                id,
                label,
                unit,
                mode,
                hint,
                chips,
            },
            value,
            on_text,
            error,
            hidden,
        })),
        Kind::Select { options, explain } => Either::Right(SelectField(SelectFieldProps {
            id,
            label,
            options: options(),
            value,
            on_pick: on_text,
            error,
            hint: explain.map(|(hint_id, explain)| {
                (
                    hint_id,
                    Signal::derive(move || value.with(|v| explain(v).to_string())),
                )
            }),
            children: None,
        })),
    }
}

/// The message for `field` (empty when it can be read).
fn message(checked: Memo<Checked>, field: Field) -> Signal<String> {
    Signal::derive(move || {
        checked.with(|c| {
            c.as_ref()
                .err()
                .and_then(|es| es.iter().find(|(f, _)| *f == field))
                .map_or_else(String::new, |(_, m)| m.clone())
        })
    })
}

/// Figures that are examples rather than published terms, flagged right
/// where they are typed, not only in the sources.
fn example_note(p: &Product) -> String {
    let examples: Vec<&str> = [
        (!p.months.verified).then_some("期限"),
        (!p.rate.verified).then_some("利率"),
        (!p.subsidy_percent_bp.verified).then_some("贴息比例"),
        (!p.subsidy_timing.verified).then_some("贴息方式"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if examples.is_empty() {
        String::new()
    } else {
        format!(
            "下面的{}是示例，以当地银行和文件为准，可以改。",
            examples.join("、")
        )
    }
}

/// The product choice (which resets the figures to the product's own) and
/// the loan's figures.
#[component]
pub fn LoanInputs(checked: Memo<Checked>, product: Memo<&'static Product>) -> impl IntoView {
    let app = use_app();
    let options = products::products()
        .iter()
        .map(|p| (p.id, p.name))
        .collect();
    let pick = Callback::new(move |id: String| {
        if let Some(p) = products::product(&id) {
            let local = app
                .local
                .with_untracked(|l| l.as_ref().map(LocalFigures::from_stored));
            app.form.set(LoanForm::for_product_with(p, local.as_ref()));
        }
    });
    view! {
        <section class="card">
            <SelectField
                id="product"
                label="选择贷款"
                options
                value=Signal::derive(move || product.get().id.to_string())
                on_pick=pick
                hint=("product-summary", Signal::derive(move || product.get().summary.to_string()))
            >
                <p class="hint warn-text" id="example-terms">
                    {move || example_note(product.get())}
                </p>
            </SelectField>
        </section>
        <section class="card" aria-labelledby="loan-inputs-title">
            <h2 id="loan-inputs-title">"贷款信息"</h2>
            {rows(app.form, Some(checked), LOAN_ROWS)}
        </section>
    }
}

/// The household facts that eligibility depends on.
#[component]
pub fn FactsInputs() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">"能不能贷？填一下家里情况"</h2>
            <p class="hint">"这些只保存在您的手机上，不会放进分享的链接。"</p>
            {rows(app.facts, None, FACT_ROWS)}
        </section>
    }
}
