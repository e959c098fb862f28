//! `data/products.toml` → `$OUT_DIR/products.rs`.

use serde::Deserialize;
use std::fmt::Write;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    lpr: Vec<Lpr>,
    product: Vec<Product>,
    risk_fund: RiskFund,
}

/// The 风险补偿金测算's worked example (天门, from the seed report).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RiskFund {
    place: String,
    year: u32,
    report: String,
    fund: P<i64>,
    household_government_percent: P<String>,
    business_government_percent: P<String>,
    pays_subsidy: P<bool>,
    multiple: P<u32>,
    average_loan: P<i64>,
    default_percent: P<String>,
    recommendation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lpr {
    published: String,
    one_year: String,
    five_year: String,
    source: String,
    verified: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    title: String,
    number: String,
    date: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct P<T> {
    value: T,
    source: String,
    #[serde(default = "yes")]
    verified: bool,
    #[serde(default)]
    interest_only_months: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Age {
    min: u32,
    max: u32,
    source: String,
    #[serde(default = "yes")]
    verified: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Product {
    id: String,
    example_amount: i64,
    name: String,
    short: String,
    summary: String,
    borrower: String,
    valid_from: Option<String>,
    valid_until: Option<String>,
    checked: String,
    local_note: String,
    example_start: Option<String>,
    document: Document,
    statuses: P<Vec<String>>,
    max_amount: Option<P<i64>>,
    max_months: Option<P<u32>>,
    max_total_balance: Option<P<i64>>,
    months: P<u32>,
    rate: P<String>,
    rate_cap: Option<P<String>>,
    method: P<String>,
    subsidy_percent: P<String>,
    subsidy_cap: Option<P<i64>>,
    subsidy_timing: P<String>,
    risk_share: Option<P<String>>,
    age: Option<Age>,
    /// The 政策解读 entry about this product (checked by build/policies.rs).
    policy: Option<String>,
}

const METHODS: &[(&str, &str)] = &[
    ("equal_installment", "EqualInstallment"),
    ("equal_principal", "EqualPrincipal"),
    ("monthly_interest", "MonthlyInterest"),
    ("quarterly_interest", "QuarterlyInterest"),
    ("bullet", "Bullet"),
    ("staged", "Staged"),
];
const TIMINGS: &[(&str, &str)] = &[
    ("after_clearing", "AfterClearing"),
    ("yearly", "Yearly"),
    ("quarterly", "Quarterly"),
    ("direct", "Direct"),
];
const STATUSES: &[(&str, &str)] = &[
    ("tuopin", "Tuopin"),
    ("jiance", "Jiance"),
    ("need", "NeedsHelp"),
    ("other", "Other"),
];
const BORROWERS: &[(&str, &str)] = &[
    ("household", "Household"),
    ("business", "Business"),
    ("any", "Any"),
];

fn pick(table: &[(&str, &str)], v: &str, what: &str, id: &str) -> String {
    table
        .iter()
        .find(|(k, _)| *k == v)
        .map(|(_, r)| r.to_string())
        .unwrap_or_else(|| {
            let allowed: Vec<_> = table.iter().map(|(k, _)| *k).collect();
            panic!("data/products.toml, product {id}: {what} = {v:?} is not one of {allowed:?}")
        })
}

/// "7.35" → 73500 (parts per million per year); at most four decimals.
fn percent_to_ppm(s: &str, what: &str, id: &str) -> i64 {
    let (i, f) = s.split_once('.').unwrap_or((s, ""));
    let ok = !i.is_empty()
        && i.bytes().all(|b| b.is_ascii_digit())
        && f.bytes().all(|b| b.is_ascii_digit())
        && f.len() <= 4;
    assert!(ok, "data/products.toml, {id}: {what} = {s:?} must be a percentage like \"7.35\" (at most 4 decimals)");
    let mut frac = f.to_string();
    while frac.len() < 4 {
        frac.push('0');
    }
    i.parse::<i64>().unwrap() * 10_000 + frac.parse::<i64>().unwrap()
}

fn date(s: &str, what: &str, id: &str) -> String {
    let parts: Vec<&str> = s.split('-').collect();
    let ok = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    assert!(
        ok,
        "data/products.toml, {id}: {what} = {s:?} must be a date like \"2021-03-04\""
    );
    let (y, m, d): (i32, u8, u8) = (
        parts[0].parse().unwrap(),
        parts[1].parse().unwrap(),
        parts[2].parse().unwrap(),
    );
    assert!(
        (1..=12).contains(&m) && (1..=31).contains(&d),
        "data/products.toml, {id}: {what} = {s:?} is not a real date"
    );
    format!("Date {{ year: {y}, month: {m}, day: {d} }}")
}

fn opt_date(s: &Option<String>, what: &str, id: &str) -> String {
    s.as_ref()
        .map_or("None".into(), |s| format!("Some({})", date(s, what, id)))
}

fn sourced(value: String, source: &str, verified: bool) -> String {
    format!("Sourced {{ value: {value}, source: {source:?}, verified: {verified} }}")
}

fn opt<T>(p: &Option<P<T>>, f: impl Fn(&T) -> String) -> String {
    p.as_ref().map_or("None".into(), |p| {
        format!("Some({})", sourced(f(&p.value), &p.source, p.verified))
    })
}

/// Returns each product's id and `policy` link, for build/policies.rs to check.
pub fn generate() -> Vec<(String, Option<String>)> {
    println!("cargo:rerun-if-changed=data/products.toml");
    let text = std::fs::read_to_string("data/products.toml").expect("read data/products.toml");
    let file: File =
        toml::from_str(&text).unwrap_or_else(|e| panic!("data/products.toml is not valid:\n{e}"));

    let mut out = String::new();
    out.push_str(
        "// Generated by build.rs from data/products.toml. Edit that file, not this one.\n",
    );
    assert!(
        !file.lpr.is_empty(),
        "data/products.toml needs at least one [[lpr]] entry"
    );
    out.push_str("pub static LPR: &[Lpr] = &[\n");
    for l in &file.lpr {
        let id = format!("lpr {}", l.published);
        writeln!(
            out,
            "    Lpr {{ published: {}, one_year: Rate({}), five_year: Rate({}), source: {:?}, verified: {} }},",
            date(&l.published, "published", &id),
            percent_to_ppm(&l.one_year, "one_year", &id),
            percent_to_ppm(&l.five_year, "five_year", &id),
            l.source,
            l.verified
        )
        .unwrap();
    }
    out.push_str("];\n\npub static PRODUCTS: &[Product] = &[\n");
    let mut ids = Vec::new();
    for p in &file.product {
        let id = p.id.as_str();
        assert!(
            !ids.contains(&id),
            "data/products.toml: product id {id} appears twice"
        );
        assert!(
            id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "data/products.toml: product id {id:?} may use only a-z, 0-9 and _ (it appears in links)"
        );
        ids.push(id);
        let statuses: Vec<String> = p
            .statuses
            .value
            .iter()
            .map(|s| format!("Status::{}", pick(STATUSES, s, "statuses", id)))
            .collect();
        let method = pick(METHODS, &p.method.value, "method", id);
        let timing = pick(TIMINGS, &p.subsidy_timing.value, "subsidy_timing", id);
        let subsidy_bp = percent_to_ppm(&p.subsidy_percent.value, "subsidy_percent", id) / 100;
        assert!(
            subsidy_bp <= 10_000,
            "data/products.toml, {id}: subsidy_percent over 100"
        );
        if let Some(cap) = &p.rate_cap {
            assert!(
                cap.value == "lpr",
                "data/products.toml, {id}: rate_cap value must be \"lpr\""
            );
        }
        let age = p.age.as_ref().map_or("None".into(), |a| {
            assert!(
                a.min <= a.max,
                "data/products.toml, {id}: age min above max"
            );
            format!(
                "Some({})",
                sourced(format!("({}, {})", a.min, a.max), &a.source, a.verified)
            )
        });
        writeln!(
            out,
            "    Product {{\n        id: {id:?},\n        name: {:?},\n        short: {:?},\n        summary: {:?},\n        borrower: Borrower::{},\n        example_amount: Fen::from_yuan({}),\n        valid_from: {},\n        valid_until: {},\n        checked: {},\n        local_note: {:?},\n        example_start: {},\n        document: Document {{ title: {:?}, number: {:?}, date: {:?}, url: {:?} }},\n        statuses: {},\n        max_amount: {},\n        max_months: {},\n        max_total_balance: {},\n        months: {},\n        rate: {},\n        rate_cap_lpr: {},\n        method: {},\n        interest_only_months: {},\n        subsidy_percent_bp: {},\n        subsidy_cap: {},\n        subsidy_timing: {},\n        risk_share: {},\n        age: {},\n        policy: {:?},\n    }},",
            p.name,
            p.short,
            p.summary,
            pick(BORROWERS, &p.borrower, "borrower", id),
            p.example_amount,
            opt_date(&p.valid_from, "valid_from", id),
            opt_date(&p.valid_until, "valid_until", id),
            date(&p.checked, "checked", id),
            p.local_note,
            opt_date(&p.example_start, "example_start", id),
            p.document.title,
            p.document.number,
            p.document.date,
            p.document.url,
            sourced(format!("&[{}]", statuses.join(", ")), &p.statuses.source, p.statuses.verified),
            opt(&p.max_amount, |v| format!("Fen::from_yuan({v})")),
            opt(&p.max_months, |v| v.to_string()),
            opt(&p.max_total_balance, |v| format!("Fen::from_yuan({v})")),
            sourced(p.months.value.to_string(), &p.months.source, p.months.verified),
            sourced(format!("Rate({})", percent_to_ppm(&p.rate.value, "rate", id)), &p.rate.source, p.rate.verified),
            opt(&p.rate_cap, |_| "()".into()),
            sourced(format!("Method::{method}"), &p.method.source, p.method.verified),
            p.method.interest_only_months,
            sourced(subsidy_bp.to_string(), &p.subsidy_percent.source, p.subsidy_percent.verified),
            opt(&p.subsidy_cap, |v| format!("Fen::from_yuan({v})")),
            sourced(format!("SubsidyTiming::{timing}"), &p.subsidy_timing.source, p.subsidy_timing.verified),
            opt(&p.risk_share, |v| format!("{v:?}")),
            age,
            p.policy,
        )
        .unwrap();
    }
    out.push_str("];\n");
    let r = &file.risk_fund;
    let bp = |p: &P<String>, what: &str| {
        let bp = percent_to_ppm(&p.value, what, "risk_fund") / 100;
        assert!(
            bp <= 10_000,
            "data/products.toml, risk_fund: {what} over 100"
        );
        sourced(bp.to_string(), &p.source, p.verified)
    };
    assert!(
        (1..=50).contains(&r.multiple.value),
        "data/products.toml, risk_fund: multiple must be 1–50"
    );
    writeln!(
        out,
        "\npub static RISK_FUND: RiskFundExample = RiskFundExample {{\n    place: {:?},\n    year: {},\n    report: {:?},\n    fund: {},\n    household_gov_bp: {},\n    business_gov_bp: {},\n    pays_subsidy: {},\n    multiple: {},\n    average_loan: {},\n    default_bp: {},\n    recommendation: {:?},\n}};",
        r.place,
        r.year,
        r.report,
        sourced(format!("Fen::from_yuan({})", r.fund.value), &r.fund.source, r.fund.verified),
        bp(&r.household_government_percent, "household_government_percent"),
        bp(&r.business_government_percent, "business_government_percent"),
        sourced(r.pays_subsidy.value.to_string(), &r.pays_subsidy.source, r.pays_subsidy.verified),
        sourced(r.multiple.value.to_string(), &r.multiple.source, r.multiple.verified),
        sourced(format!("Fen::from_yuan({})", r.average_loan.value), &r.average_loan.source, r.average_loan.verified),
        bp(&r.default_percent, "default_percent"),
        r.recommendation,
    )
    .unwrap();
    assert!(
        ids.contains(&"custom"),
        "data/products.toml must keep the product with id \"custom\""
    );
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("products.rs");
    std::fs::write(dest, out).unwrap();
    file.product.into_iter().map(|p| (p.id, p.policy)).collect()
}
