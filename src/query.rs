//! The public URL contract. State lives in the query string (never after `#`,
//! which WeChat may cut), so any link works on any static host and sub-path:
//!
//! `?v=loan&product=ID&amount=YUAN&months=N&rate=ANNUAL_PERCENT&method=M&io=K`
//! `&subsidy=PERCENT&subsidy_cap=YUAN&subsidy_timing=T&start=YYYY-MM-DD`
//!
//! Unknown parameters (WeChat's `from`, `isappinstalled`, `shareTo`, …) are
//! ignored; a known parameter with an unreadable value falls back to the
//! product's default and is reported, so the page can say which was ignored.

use crate::date::Date;
use crate::form::{short, yuan_text, LoanForm};
use crate::loan::{Method, SubsidyTiming};
use crate::parse;
use crate::products;

/// Which screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Home,
    Loan,
    /// 家庭自查 questionnaire and results.
    Check,
    /// The cadre's household list.
    Households,
    /// 政策解读: the library, or one entry with `id`.
    Policy,
    /// 本地数字: edit and share a county's figures, or accept them from a link.
    Local,
    /// 风险补偿金测算 (for cadres).
    Risk,
    /// The QR code (and printable poster) of another screen's link, `for=`.
    Qr,
    /// 村情汇总: the household list counted by risk, programme and visits.
    Village,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Home,
        View::Loan,
        View::Check,
        View::Households,
        View::Policy,
        View::Local,
        View::Risk,
        View::Qr,
        View::Village,
    ];

    /// The value of `v=` in links; part of the public URL contract.
    pub fn key(self) -> &'static str {
        match self {
            View::Home => "home",
            View::Loan => "loan",
            View::Check => "check",
            View::Households => "households",
            View::Policy => "policy",
            View::Local => "local",
            View::Risk => "risk",
            View::Qr => "qr",
            View::Village => "village",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// What a link said.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub view: View,
    /// `Some` when the link carries any loan input: it then wins over the stored form.
    pub loan: Option<LoanForm>,
    /// `id=` of a policy entry (only with `v=policy`); checked by the page.
    pub policy_id: Option<String>,
    /// `r=`: self-check answers someone shared (only with `v=check`).
    pub shared_check: Option<String>,
    /// `sheet=`: the 申报准备单 of a programme (a finding id with a sheet in
    /// data/declare.toml) or of all (`all`), from the phone's own answers
    /// (only with `v=check`; the link carries no answers).
    pub sheet: Option<String>,
    /// With `v=local`: the link's other parameters (decoded, first of each
    /// key), read by `local::read_link` on the 本地数字 screen (which also
    /// tells WeChat's additions from a set of figures); `None` when there are none.
    pub local_link: Option<Vec<(String, String)>>,
    /// `for=`: the query string (without `?`) of the link a QR code is for
    /// (only with `v=qr`; none: the home page). Only ever put after this
    /// page's own address, so a QR code never points to another site.
    pub qr_for: Option<String>,
    /// `big=1`: open in 大字版 (large text), and keep it on.
    pub big: bool,
    /// One plain sentence for each value that was ignored.
    pub ignored: Vec<String>,
}

const LOAN_KEYS: &[&str] = &[
    "product",
    "amount",
    "months",
    "rate",
    "method",
    "io",
    "subsidy",
    "subsidy_cap",
    "subsidy_timing",
    "start",
];

/// Decodes `%XX` and `+`; `None` for broken escapes or invalid UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Encodes a value for a query string (unreserved characters stay as they are).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The plain address of what `parsed` shows: what the app itself writes for
/// that screen, without anything a sender or WeChat added. index.html reads a
/// plain address the same way the app does (see `ui::app::Part`).
pub fn plain_query(parsed: &Parsed) -> String {
    let mut q = format!("?v={}", parsed.view.key());
    match parsed.view {
        View::Loan => {
            if let Some(form) = &parsed.loan {
                q = loan_query(form);
            }
        }
        View::Policy => {
            if let Some(id) = &parsed.policy_id {
                q.push_str("&id=");
                q.push_str(&percent_encode(id));
            }
        }
        View::Check => {
            if let Some(r) = &parsed.shared_check {
                q.push_str("&r=");
                q.push_str(&percent_encode(r));
            }
            if let Some(p) = &parsed.sheet {
                q.push_str("&sheet=");
                q.push_str(&percent_encode(p));
            }
        }
        View::Local => {
            for (k, v) in parsed.local_link.iter().flatten() {
                q.push('&');
                q.push_str(&percent_encode(k));
                q.push('=');
                q.push_str(&percent_encode(v));
            }
        }
        View::Qr => {
            if let Some(target) = &parsed.qr_for {
                q.push_str("&for=");
                q.push_str(&percent_encode(target));
            }
        }
        View::Home | View::Households | View::Risk | View::Village => {}
    }
    if parsed.big {
        q.push_str("&big=1");
    }
    q
}

/// The link a QR code stands for, relative to the app's directory: a query
/// string (with `?`; empty for the home page), the target read like any link
/// and written plainly again, so the code holds exactly what the app itself
/// would write for that screen; or, for a policy entry, the glossary or the
/// timeline, its static page (`policy/<id>.html`), whether `for=` names the
/// page or the old `v=policy&id=` link. `has_page` says which ids have a
/// page (the content pack knows; until it is there, none, and the old link,
/// which index.html sends to the page, is used). A QR code of a QR code is
/// the home page's.
pub fn qr_target(
    qr_for: Option<&str>,
    today: Date,
    has_page: impl Fn(&str) -> bool,
) -> (View, String) {
    let Some(target) = qr_for.filter(|t| !t.is_empty()) else {
        return (View::Home, String::new());
    };
    let mut parsed = match page_id(target) {
        Some(id) => Parsed {
            view: View::Policy,
            policy_id: Some(id.to_string()),
            ..Parsed::default()
        },
        None => parse_query(target, today),
    };
    parsed.big = false;
    match parsed.view {
        View::Home | View::Qr => (View::Home, String::new()),
        View::Policy => match parsed.policy_id.as_deref().filter(|id| has_page(id)) {
            Some(id) => (View::Policy, page_path(id)),
            None => (View::Policy, plain_query(&parsed)),
        },
        view => (view, plain_query(&parsed)),
    }
}

/// The static page of a policy entry (or the glossary, or the timeline),
/// relative to the app's directory. Only ids of lower-case letters, digits
/// and `-` have pages (the build refuses others).
pub fn page_path(id: &str) -> String {
    format!("policy/{id}.html")
}

/// The id in a page's path as [`page_path`] writes it (`policy/tekun.html`),
/// or `None`.
pub fn page_id(path: &str) -> Option<&str> {
    let id = path.strip_prefix("policy/")?.strip_suffix(".html")?;
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(id)
}

/// Reads a `location.search` (with or without the leading `?`). Anything after
/// a `#` is dropped; for duplicate keys the first one counts.
pub fn parse_query(search: &str, today: Date) -> Parsed {
    let search = search.split('#').next().unwrap_or("");
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut pairs: Vec<(String, Option<String>)> = Vec::new();
    for part in search.split(['&', ';']) {
        if part.is_empty() {
            continue;
        }
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let Some(k) = percent_decode(k) else { continue };
        if pairs.iter().any(|(seen, _)| *seen == k) {
            continue;
        }
        pairs.push((k, percent_decode(v)));
    }
    let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());

    let mut parsed = Parsed {
        big: get("big").flatten().as_deref() == Some("1"),
        ..Parsed::default()
    };
    match get("v") {
        None => {}
        Some(Some(v)) if v.is_empty() => {}
        Some(Some(v)) if View::from_key(&v).is_some() => {
            parsed.view = View::from_key(&v).unwrap_or_default()
        }
        Some(v) => parsed.ignored.push(format!(
            "链接里的页面“{}”不存在，已打开首页。",
            short(v.as_deref().unwrap_or("?"))
        )),
    }
    if parsed.view == View::Check {
        parsed.shared_check = get("r")
            .flatten()
            .filter(|r| !r.is_empty() && r.len() <= 4096);
        match get("sheet") {
            None => {}
            Some(Some(p)) if p == "all" || crate::check::declare::is_programme(&p) => {
                parsed.sheet = Some(p)
            }
            Some(p) => parsed.ignored.push(format!(
                "链接里的申报准备单“{}”不认识，已打开自查。",
                short(p.as_deref().unwrap_or("?"))
            )),
        }
    }
    if parsed.view == View::Local {
        let rest: Vec<(String, String)> = pairs
            .iter()
            .filter(|(k, _)| k != "v")
            .map(|(k, v)| (k.clone(), v.clone().unwrap_or_default()))
            .collect();
        parsed.local_link = (!rest.is_empty()).then_some(rest);
    }
    if parsed.view == View::Qr {
        parsed.qr_for = get("for")
            .flatten()
            .filter(|t| !t.is_empty() && t.len() <= 8192);
    }
    if parsed.view == View::Policy {
        // Blank after trimming (`id=%20`) is no id: the library, as the
        // plain address (`plain_query`) says.
        parsed.policy_id = get("id")
            .flatten()
            .map(|id| short(&id))
            .filter(|id| !id.is_empty());
    }
    // Loan inputs only matter on the estimator (or a link with no view).
    if !matches!(parsed.view, View::Home | View::Loan) {
        return parsed;
    }
    if !LOAN_KEYS.iter().any(|k| get(k).is_some()) {
        return parsed;
    }
    // Any loan input in a link means "show this loan".
    if get("v").is_none() {
        parsed.view = View::Loan;
    }

    let product = match get("product") {
        None => products::default_product(),
        Some(Some(id)) if products::product(&id).is_some() => {
            products::product(&id).unwrap_or_else(products::default_product)
        }
        Some(v) => {
            let d = products::default_product();
            parsed.ignored.push(format!(
                "链接里的贷款产品“{}”不认识，已改用“{}”。",
                short(v.as_deref().unwrap_or("?")),
                d.short
            ));
            d
        }
    };
    let defaults = LoanForm::for_product(product);
    let mut form = defaults.clone();

    // Each field: accept the link's value only if it reads cleanly.
    let mut field = |key: &str,
                     label: &str,
                     slot: fn(&mut LoanForm) -> &mut String,
                     ok: &dyn Fn(&str) -> Option<String>| {
        if let Some(raw) = get(key) {
            match raw.as_deref().and_then(ok) {
                Some(v) => *slot(&mut form) = v,
                None => {
                    let fallback = slot(&mut defaults.clone()).clone();
                    parsed.ignored.push(format!(
                        "链接里的{label}“{}”无效，已改用默认值{}。",
                        short(raw.as_deref().unwrap_or("?")),
                        if fallback.is_empty() {
                            "（空）".to_string()
                        } else {
                            format!("“{fallback}”")
                        }
                    ));
                }
            }
        }
    };
    field("amount", "贷款金额", |f| &mut f.amount, &|v| {
        parse::parse_amount(v).ok().map(|a| a.spoken())
    });
    field("months", "期限", |f| &mut f.months, &|v| {
        parse::parse_months(v).ok().map(|m| m.to_string())
    });
    field("rate", "年利率", |f| &mut f.rate, &|v| {
        parse::parse_rate(v).ok().map(|r| r.percent_text())
    });
    field("method", "还款方式", |f| &mut f.method, &|v| {
        Method::from_key(v).map(|m| m.key().to_string())
    });
    field("io", "只还利息月数", |f| &mut f.io, &|v| {
        let n = parse::normalize(v);
        if n == "0" {
            Some(n)
        } else {
            parse::parse_months(v).ok().map(|m| m.to_string())
        }
    });
    field("subsidy", "贴息比例", |f| &mut f.subsidy, &|v| {
        parse::parse_percent(v).ok().map(parse::bp_percent_text)
    });
    field(
        "subsidy_cap",
        "贴息本金上限",
        |f| &mut f.subsidy_cap,
        &|v| {
            if v.trim().is_empty() {
                Some(String::new())
            } else {
                parse::parse_amount_or_zero(v).ok().map(|a| a.spoken())
            }
        },
    );
    field(
        "subsidy_timing",
        "贴息方式",
        |f| &mut f.subsidy_timing,
        &|v| SubsidyTiming::from_key(v).map(|t| t.key().to_string()),
    );
    // A day without its year (「12月15日」) is in the year the link is read.
    field("start", "放款日期", |f| &mut f.start, &|v| {
        Date::parse_in(v, today.year).map(|d| d.to_string())
    });

    // Values that read alone but not together (io ≥ months).
    if let Some(msg) = crate::form::io_too_long(&form) {
        parsed
            .ignored
            .push(format!("链接里的只还利息月数不对（{msg}），已改为 0。"));
        form.io = "0".into();
    }
    parsed.loan = Some(form);
    parsed
}

/// The canonical link for a loan form: every readable value, nothing else.
pub fn loan_query(form: &LoanForm) -> String {
    let mut q = String::from("?v=loan");
    let mut add = |k: &str, v: &str| {
        if !v.is_empty() {
            q.push('&');
            q.push_str(k);
            q.push('=');
            q.push_str(&percent_encode(v));
        }
    };
    add("product", form.product().id);
    if let Ok(a) = parse::parse_amount(&form.amount) {
        add("amount", &yuan_text(a));
    }
    if let Ok(m) = parse::parse_months(&form.months) {
        add("months", &m.to_string());
    }
    if let Ok(r) = parse::parse_rate(&form.rate) {
        add("rate", &r.percent_text());
    }
    if let Some(m) = Method::from_key(&form.method) {
        add("method", m.key());
        if m == Method::Staged {
            let io = parse::normalize(&form.io);
            if io == "0" {
                add("io", "0");
            } else if let Ok(io) = parse::parse_months(&form.io) {
                add("io", &io.to_string());
            }
        }
    }
    if let Ok(s) = parse::parse_percent(&form.subsidy) {
        add("subsidy", &parse::bp_percent_text(s));
    }
    if let Ok(c) = parse::parse_amount_or_zero(&form.subsidy_cap) {
        add("subsidy_cap", &yuan_text(c));
    }
    if let Some(t) = SubsidyTiming::from_key(&form.subsidy_timing) {
        add("subsidy_timing", t.key());
    }
    if let Some(d) = Date::parse(&form.start) {
        add("start", &d.to_string());
    }
    q
}
