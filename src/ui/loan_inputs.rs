//! Inputs of the estimator, as markup, and how they map onto [`LoanForm`] and
//! [`Facts`]. Every field keeps exactly what was typed; the message under a
//! field comes from the domain's validation ([`crate::form::check`]).

use super::fields::{self, TextField};
use crate::eligibility::{Facts, PURPOSES};
use crate::form::{Field, LoanForm};
use crate::html::Html;
use crate::loan::{Method, SubsidyTiming};
use crate::products::{self, Product, Status};

/// The estimator's text inputs: (input id, field, unit, inputmode, hint, chips).
type Text = (
    &'static str,
    Field,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const AMOUNT: Text = (
    "amount",
    Field::Amount,
    "元",
    "text",
    "可以写 50000，也可以写 5万",
    &["1万", "3万", "5万", "10万"],
);
const MONTHS: Text = ("months", Field::Months, "个月", "numeric", "", &[]);
const RATE: Text = ("rate", Field::Rate, "%", "decimal", "", &[]);
const IO: Text = (
    "io",
    Field::Io,
    "个月",
    "numeric",
    "前几个月只还利息，之后再按等额本息还本金",
    &[],
);
const SUBSIDY: Text = (
    "subsidy",
    Field::Subsidy,
    "%",
    "decimal",
    "100 = 全额贴息",
    &[],
);
const CAP: Text = (
    "subsidy_cap",
    Field::SubsidyCap,
    "元",
    "text",
    "超过这个本金的部分不贴息；不限就空着",
    &[],
);
const START: Text = (
    "start",
    Field::Start,
    "",
    "text",
    "格式 2026-03-15；空着就按今天算",
    &[],
);

/// Every input of the loan form by id, with the field its message belongs to
/// (selects included): one list for reading, writing and messages.
pub const FORM_IDS: [(&str, Field); 9] = [
    ("amount", Field::Amount),
    ("months", Field::Months),
    ("rate", Field::Rate),
    ("method", Field::Method),
    ("io", Field::Io),
    ("subsidy", Field::Subsidy),
    ("subsidy_cap", Field::SubsidyCap),
    ("subsidy_timing", Field::Timing),
    ("start", Field::Start),
];

/// The form's text behind input `id`.
pub fn form_slot<'a>(f: &'a mut LoanForm, id: &str) -> Option<&'a mut String> {
    Some(match id {
        "amount" => &mut f.amount,
        "months" => &mut f.months,
        "rate" => &mut f.rate,
        "method" => &mut f.method,
        "io" => &mut f.io,
        "subsidy" => &mut f.subsidy,
        "subsidy_cap" => &mut f.subsidy_cap,
        "subsidy_timing" => &mut f.subsidy_timing,
        "start" => &mut f.start,
        _ => return None,
    })
}

pub const FACT_IDS: [&str; 5] = ["age", "bad_credit", "status", "purpose", "existing"];

/// The household fact behind input `id`.
pub fn facts_slot<'a>(f: &'a mut Facts, id: &str) -> Option<&'a mut String> {
    Some(match id {
        "age" => &mut f.age,
        "bad_credit" => &mut f.bad_credit,
        "status" => &mut f.status,
        "purpose" => &mut f.purpose,
        "existing" => &mut f.existing,
        _ => return None,
    })
}

fn text_field(h: &mut Html, form: &mut LoanForm, t: Text) {
    let (id, field, unit, mode, hint, chips) = t;
    let value = form_slot(form, id).map(|v| v.clone()).unwrap_or_default();
    fields::text(
        h,
        &TextField {
            id,
            label: field.label(),
            value: &value,
            unit,
            mode,
            hint,
            chips,
            errors: true,
        },
    );
}

/// Figures that are examples rather than published terms, flagged right
/// where they are typed, not only in the sources.
pub fn example_note(p: &Product) -> String {
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

/// The product choice and the loan's figures.
pub fn loan_inputs(h: &mut Html, form: &LoanForm) {
    let mut form = form.clone();
    let products: Vec<(&str, &str)> = products::products()
        .iter()
        .map(|p| (p.id, p.name))
        .collect();
    h.open("section", &[("class", "card")])
        .open("div", &[("class", "field")])
        .leaf("label", &[("for", "product")], "选择贷款")
        .open("select", &[("id", "product")]);
    fields::options(h, &products, form.product().id);
    h.close("select")
        .leaf("p", &[("class", "hint"), ("id", "product-summary")], "")
        .leaf(
            "p",
            &[("class", "hint warn-text"), ("id", "example-terms")],
            "",
        )
        .close("div")
        .close("section");

    h.open(
        "section",
        &[("class", "card"), ("aria-labelledby", "loan-inputs-title")],
    )
    .leaf("h2", &[("id", "loan-inputs-title")], "贷款信息");
    text_field(h, &mut form, AMOUNT);
    h.open("div", &[("class", "row2")]);
    text_field(h, &mut form, MONTHS);
    text_field(h, &mut form, RATE);
    h.close("div");
    let methods: Vec<(&str, &str)> = Method::ALL.iter().map(|m| (m.key(), m.label())).collect();
    fields::select(
        h,
        "method",
        Field::Method.label(),
        &methods,
        &form.method,
        Some("method-hint"),
    );
    text_field(h, &mut form, IO);
    h.open("div", &[("class", "row2")]);
    text_field(h, &mut form, SUBSIDY);
    text_field(h, &mut form, CAP);
    h.close("div");
    let timings: Vec<(&str, &str)> = SubsidyTiming::ALL
        .iter()
        .map(|t| (t.key(), t.label()))
        .collect();
    fields::select(
        h,
        "subsidy_timing",
        Field::Timing.label(),
        &timings,
        &form.subsidy_timing,
        None,
    );
    text_field(h, &mut form, START);
    h.close("section");
}

/// The household facts that eligibility depends on. They stay on this phone:
/// they are never put into links.
pub fn facts_inputs(h: &mut Html, facts: &Facts) {
    let mut statuses = vec![("", "请选择")];
    statuses.extend(Status::ALL.iter().map(|s| (s.key(), s.label())));
    let mut purposes = vec![("", "请选择")];
    purposes.extend(PURPOSES.iter().map(|p| (p.key, p.label)));
    let plain = |h: &mut Html, id, label, value: &str, unit, mode, hint| {
        fields::text(
            h,
            &TextField {
                id,
                label,
                value,
                unit,
                mode,
                hint,
                chips: &[],
                errors: false,
            },
        )
    };
    h.open(
        "section",
        &[("class", "card"), ("aria-labelledby", "facts-title")],
    )
    .leaf("h2", &[("id", "facts-title")], "能不能贷？填一下家里情况")
    .leaf(
        "p",
        &[("class", "hint")],
        "这些只保存在您的手机上，不会放进分享的链接。",
    )
    .open("div", &[("class", "row2")]);
    plain(h, "age", "借款人年龄", &facts.age, "岁", "numeric", "");
    fields::select(
        h,
        "bad_credit",
        "有没有不良信用记录",
        &[("", "不清楚"), ("no", "没有"), ("yes", "有")],
        &facts.bad_credit,
        None,
    );
    h.close("div");
    fields::select(h, "status", "家庭身份", &statuses, &facts.status, None);
    fields::select(
        h,
        "purpose",
        "钱用来做什么",
        &purposes,
        &facts.purpose,
        None,
    );
    plain(
        h,
        "existing",
        "已经有的这类贷款还欠多少",
        &facts.existing,
        "元",
        "decimal",
        "没有就空着",
    );
    h.close("section");
}
