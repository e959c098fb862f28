//! Inputs of the estimator. Every field keeps exactly what was typed; the
//! message under a field comes from the domain's validation.

use super::app::use_app;
use crate::eligibility::{Facts, PURPOSES};
use crate::form::{Field, LoanForm};
use crate::loan::{LoanTerms, Method, Subsidy, SubsidyTiming};
use crate::products::{self, Status};
use leptos::prelude::*;

type Checked = Result<(LoanTerms, Subsidy), Vec<(Field, String)>>;

#[component]
pub fn ProductPicker() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card">
            <div class="field">
                <label for="product">"选择贷款"</label>
                <select
                    id="product"
                    prop:value=move || app.form.with(|f| f.product().id)
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if let Some(p) = products::product(&id) {
                            app.form.set(LoanForm::for_product(p));
                        }
                    }
                >
                    {products::products()
                        .iter()
                        .map(|p| view! { <option value=p.id>{p.name}</option> })
                        .collect_view()}
                </select>
                <p class="hint">{move || app.form.with(|f| f.product().summary)}</p>
                // Figures that are examples rather than published terms are
                // flagged right where they are typed, not only in the sources.
                <p class="hint warn-text" id="example-terms">
                    {move || {
                        let p = app.form.with(|f| f.product());
                        let examples: Vec<&str> = [
                            (!p.months.verified).then_some("期限"),
                            (!p.rate.verified).then_some("利率"),
                            (!p.subsidy_percent_bp.verified).then_some("贴息比例"),
                            (!p.subsidy_timing.verified).then_some("贴息方式"),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        (!examples.is_empty())
                            .then(|| format!("下面的{}是示例，以当地银行和文件为准，可以改。", examples.join("、")))
                    }}
                </p>
            </div>
        </section>
    }
}

/// One text input bound to a [`LoanForm`] field.
#[component]
fn FormText(
    field: Field,
    id: &'static str,
    get: fn(&LoanForm) -> &String,
    set: fn(&mut LoanForm) -> &mut String,
    checked: Memo<Checked>,
    #[prop(optional)] unit: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(default = "decimal")] inputmode: &'static str,
    #[prop(optional)] chips: &'static [&'static str],
) -> impl IntoView {
    let app = use_app();
    let error = move || {
        checked.with(|c| {
            c.as_ref()
                .err()
                .and_then(|es| es.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
        })
    };
    let err_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{field.label()}</label>
            <div class="with-unit">
                <input
                    id=id
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    aria-invalid=move || if error().is_some() { "true" } else { "false" }
                    aria-describedby=err_id.clone()
                    prop:value=move || app.form.with(|f| get(f).clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        app.form.update(|f| *set(f) = v);
                    }
                />
                {(!unit.is_empty()).then(|| view! { <span>{unit}</span> })}
            </div>
            {(!chips.is_empty())
                .then(|| {
                    view! {
                        <div class="chips">
                            {chips
                                .iter()
                                .map(|c| {
                                    let c = *c;
                                    view! {
                                        <button type="button" on:click=move |_| app.form.update(|f| *set(f) = c.to_string())>
                                            {c}
                                        </button>
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                })}
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            <p class="error" id=err_id role="alert">{error}</p>
        </div>
    }
}

#[component]
pub fn LoanInputs(checked: Memo<Checked>) -> impl IntoView {
    let app = use_app();
    let is_staged = move || app.form.with(|f| f.method == Method::Staged.key());
    view! {
        <section class="card" aria-labelledby="loan-inputs-title">
            <h2 id="loan-inputs-title">"贷款信息"</h2>
            <FormText
                field=Field::Amount
                id="amount"
                get=|f| &f.amount
                set=|f| &mut f.amount
                checked
                unit="元"
                hint="可以写 50000，也可以写 5万"
                inputmode="text"
                chips=&["1万", "3万", "5万", "10万"]
            />
            <div class="row2">
                <FormText field=Field::Months id="months" get=|f| &f.months set=|f| &mut f.months checked unit="个月" inputmode="numeric"/>
                <FormText field=Field::Rate id="rate" get=|f| &f.rate set=|f| &mut f.rate checked unit="%"/>
            </div>
            <div class="field">
                <label for="method">{Field::Method.label()}</label>
                <select
                    id="method"
                    prop:value=move || app.form.with(|f| f.method.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        app.form.update(|f| f.method = v);
                    }
                >
                    {Method::ALL.iter().map(|m| view! { <option value=m.key()>{m.label()}</option> }).collect_view()}
                </select>
                <p class="hint">
                    {move || app.form.with(|f| Method::from_key(&f.method).map(|m| m.explain()).unwrap_or(""))}
                </p>
            </div>
            <Show when=is_staged>
                <FormText
                    field=Field::Io
                    id="io"
                    get=|f| &f.io
                    set=|f| &mut f.io
                    checked
                    unit="个月"
                    inputmode="numeric"
                    hint="前几个月只还利息，之后再按等额本息还本金"
                />
            </Show>
            <div class="row2">
                <FormText field=Field::Subsidy id="subsidy" get=|f| &f.subsidy set=|f| &mut f.subsidy checked unit="%" hint="100 = 全额贴息"/>
                <FormText
                    field=Field::SubsidyCap
                    id="subsidy_cap"
                    get=|f| &f.subsidy_cap
                    set=|f| &mut f.subsidy_cap
                    checked
                    unit="元"
                    inputmode="text"
                    hint="超过这个本金的部分不贴息；不限就空着"
                />
            </div>
            <div class="field">
                <label for="subsidy_timing">{Field::Timing.label()}</label>
                <select
                    id="subsidy_timing"
                    prop:value=move || app.form.with(|f| f.subsidy_timing.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        app.form.update(|f| f.subsidy_timing = v);
                    }
                >
                    {SubsidyTiming::ALL
                        .iter()
                        .map(|t| view! { <option value=t.key()>{t.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <FormText
                field=Field::Start
                id="start"
                get=|f| &f.start
                set=|f| &mut f.start
                checked
                inputmode="text"
                hint="格式 2026-03-15；空着就按今天算"
            />
        </section>
    }
}

fn facts_select(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    get: fn(&Facts) -> &String,
    set: fn(&mut Facts) -> &mut String,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                prop:value=move || app.facts.with(|f| get(f).clone())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    app.facts.update(|f| *set(f) = v);
                }
            >
                {options.into_iter().map(|(k, l)| view! { <option value=k>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A text input bound to a [`Facts`] field.
fn facts_text(
    id: &'static str,
    label: &'static str,
    unit: &'static str,
    inputmode: &'static str,
    hint: &'static str,
    get: fn(&Facts) -> &String,
    set: fn(&mut Facts) -> &mut String,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <div class="with-unit">
                <input
                    id=id
                    type="text"
                    inputmode=inputmode
                    autocomplete="off"
                    prop:value=move || app.facts.with(|f| get(f).clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        app.facts.update(|f| *set(f) = v);
                    }
                />
                <span>{unit}</span>
            </div>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
        </div>
    }
}

/// The household facts that eligibility depends on. They stay on this phone:
/// they are never put into links.
#[component]
pub fn FactsInputs() -> impl IntoView {
    let mut statuses = vec![("", "请选择")];
    statuses.extend(Status::ALL.iter().map(|s| (s.key(), s.label())));
    let mut purposes = vec![("", "请选择")];
    purposes.extend(PURPOSES.iter().map(|p| (p.key, p.label)));
    view! {
        <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">"能不能贷？填一下家里情况"</h2>
            <p class="hint">"这些只保存在您的手机上，不会放进分享的链接。"</p>
            <div class="row2">
                {facts_text("age", "借款人年龄", "岁", "numeric", "", |f| &f.age, |f| &mut f.age)}
                {facts_select("bad_credit", "有没有不良信用记录", vec![("", "不清楚"), ("no", "没有"), ("yes", "有")], |f| &f.bad_credit, |f| &mut f.bad_credit)}
            </div>
            {facts_select("status", "家庭身份", statuses, |f| &f.status, |f| &mut f.status)}
            {facts_select("purpose", "钱用来做什么", purposes, |f| &f.purpose, |f| &mut f.purpose)}
            {facts_text("existing", "已经有的这类贷款还欠多少", "元", "decimal", "没有就空着", |f| &f.existing, |f| &mut f.existing)}
        </section>
    }
}
