//! What the estimator says: summary, cash to advance, schedule, comparison,
//! eligibility, the share link and the product's sources.

use super::loan::Estimate;
use crate::eligibility::Outcome;
use crate::html::Html;
use crate::loan::{advance, schedule, Method, Schedule, SubsidyTiming};
use crate::money::Fen;
use crate::parse;

/// "每月", "每季", or "到期一次" for a payment covering `months`.
fn every(months: u32) -> String {
    match months {
        1 => "每月".into(),
        3 => "每季".into(),
        m => format!("每{m}个月"),
    }
}

/// Plain-language lines: "第1–8期 每月还 612.50 元".
fn payment_lines(s: &Schedule) -> Vec<(String, Fen)> {
    let phases = s.phases();
    if s.rows.len() == 1 {
        return vec![(
            format!("到期一次还（{}）", s.rows[0].date.chinese()),
            s.rows[0].payment,
        )];
    }
    if phases.len() <= 3 {
        return phases
            .iter()
            .map(|p| {
                if p.first == p.last {
                    (format!("第{}期还", p.first), p.payment)
                } else {
                    (
                        format!("第{}–{}期，{}还", p.first, p.last, every(p.every)),
                        p.payment,
                    )
                }
            })
            .collect();
    }
    vec![
        ("第1期还".to_string(), s.first_payment()),
        (
            format!("以后逐期变少，第{}期还", s.rows.len()),
            s.last_payment(),
        ),
    ]
}

/// A bar fixed to the bottom of the screen with the first payment, so the
/// answer is in sight while the inputs above are edited.
pub fn answer_bar_html(e: Option<&Estimate>) -> String {
    let mut h = Html::new();
    match e {
        Some(e) => {
            let (label, amount) = payment_lines(&e.schedule)
                .into_iter()
                .next()
                .unwrap_or_default();
            h.open("a", &[("href", "#summary")])
                .open("span", &[])
                .text(&label)
                .text(" ")
                .open("strong", &[]);
            money_html(&mut h, amount);
            h.close("strong").close("span");
        }
        None => {
            h.open("a", &[("href", "#loan-inputs-title")])
                .leaf("span", &[], "有内容要改正");
        }
    }
    h.leaf(
        "span",
        &[("class", "go")],
        if e.is_some() {
            "看明细"
        } else {
            "去修改"
        },
    )
    .close("a");
    h.finish()
}

/// An amount with its unit, never split across lines.
fn money_html(h: &mut Html, f: Fen) {
    h.open("span", &[("class", "money")])
        .text(&f.plain())
        .text(" 元")
        .close("span");
}

/// 每月还…, 一共还…, 其中利息…, 政府贴息…, 您实际负担….
pub fn summary_html(e: &Estimate) -> String {
    let s = &e.schedule;
    let mut h = Html::new();
    h.open("div", &[("id", "payment-lines")]);
    for (label, amount) in payment_lines(s) {
        h.open("p", &[("class", "phase")]).text(&label).text(" ");
        money_html(&mut h, amount);
        h.close("p");
    }
    h.close("div").open("dl", &[]);
    for (label, id, value) in [
        ("一共还", "total-payment", s.total_payment()),
        ("其中利息", "total-interest", s.total_interest()),
        ("政府贴息", "total-subsidy", s.total_subsidy()),
        ("您实际负担的利息", "net-interest", s.net_interest()),
    ] {
        h.leaf("dt", &[], label);
        h.open(
            "dd",
            &[
                ("id", id),
                ("class", if id == "net-interest" { "total" } else { "" }),
            ],
        );
        money_html(&mut h, value);
        h.close("dd");
    }
    h.close("dl").leaf(
        "p",
        &[("class", "hint")],
        &format!(
            "借 {}元，{} 个月，年利率 {}%，{}。",
            e.terms.principal.spoken(),
            e.terms.months,
            e.terms.rate.percent_text(),
            e.terms.method.label(),
        ),
    );
    h.finish()
}

/// 先付后贴: the most the household advances, when it comes back, and what
/// direct subsidy would need instead.
pub fn advice_html(e: &Estimate) -> String {
    let s = &e.schedule;
    let mut h = Html::new();
    if s.total_subsidy() == Fen::ZERO {
        h.leaf("p", &[], "这笔贷款没有贴息，不用垫钱，利息全部自己付。");
        return h.finish();
    }
    let first_net = s.rows.first().map_or(Fen::ZERO, |r| r.net);
    if e.subsidy.timing == SubsidyTiming::Direct {
        h.leaf("p", &[], "直接贴息：每期只付自己那部分，不用先垫钱。");
    } else {
        let a = advance(s, e.terms.start, e.subsidy.timing);
        h.open("p", &[])
            .text("先付后贴：每期要按全额还利息，政府的贴息之后再返还。您最多要先垫 ")
            .open("strong", &[("id", "peak-advance")]);
        money_html(&mut h, a.peak);
        h.close("strong");
        if let Some(d) = a.peak_date {
            h.text(&format!("（到 {} 时）", d.chinese()));
        }
        h.text("。")
            .close("p")
            .leaf("h3", &[], "什么时候返还")
            .open("ul", &[("id", "refunds")]);
        for r in a.refunds.iter().take(6) {
            let when = if e.subsidy.timing == SubsidyTiming::AfterClearing {
                format!("{} 还清贷款后申请：", r.date.chinese())
            } else {
                format!("{} 以后：", r.date.chinese())
            };
            h.open("li", &[]).text(&when);
            money_html(&mut h, r.amount);
            h.close("li");
        }
        if a.refunds.len() > 6 {
            h.leaf("li", &[], &format!("……共 {} 次", a.refunds.len()));
        }
        h.close("ul").leaf(
            "p",
            &[("class", "hint")],
            "返还要等银行和财政部门审核，到账时间以当地为准。",
        );
    }
    h.open("p", &[("id", "direct-line")])
        .text("如果是直接贴息：不用垫钱，第1期只付自己那部分 ");
    money_html(&mut h, first_net);
    h.text("。").close("p");
    h.finish()
}

/// The first `limit` rows of the schedule table.
pub fn rows_html(s: &Schedule, limit: usize) -> String {
    let mut h = Html::new();
    for r in s.rows.iter().take(limit) {
        h.open("tr", &[])
            .leaf("td", &[], &r.number.to_string())
            .leaf("td", &[], &r.date.iso());
        for v in [
            r.principal,
            r.interest,
            r.payment,
            r.subsidy,
            r.net,
            r.balance,
        ] {
            h.leaf("td", &[], &v.plain());
        }
        h.close("tr");
    }
    h.finish()
}

/// Every method for the same loan: first and last payment, interest, advance.
pub fn compare_html(e: &Estimate, io: u32) -> String {
    let mut h = Html::new();
    h.open(
        "section",
        &[("class", "card"), ("aria-labelledby", "compare-title")],
    )
    .leaf("h2", &[("id", "compare-title")], "换一种还款方式会怎样")
    .open("div", &[("class", "scroll")])
    .open("table", &[("id", "compare")])
    .open("thead", &[])
    .open("tr", &[]);
    for th in ["还款方式", "第1期", "最后一期", "总利息", "最多垫付"] {
        h.leaf("th", &[("scope", "col")], th);
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for &m in Method::ALL.iter() {
        h.open(
            "tr",
            &[("class", if m == e.terms.method { "current" } else { "" })],
        );
        if m == Method::Staged && (io == 0 || io >= e.terms.months) {
            h.leaf("td", &[("class", "method")], m.label()).leaf(
                "td",
                &[("colspan", "4"), ("class", "small")],
                "选这种方式并填只还利息的月数后可比较",
            );
        } else {
            let terms = crate::loan::LoanTerms {
                method: m,
                interest_only_months: io,
                ..e.terms
            };
            let s = schedule(&terms, &e.subsidy);
            let peak = advance(&s, terms.start, e.subsidy.timing).peak;
            let label = if m == Method::Staged {
                format!("{}（前{io}个月只付息）", m.label())
            } else {
                m.label().to_string()
            };
            h.leaf("td", &[("class", "method")], &label);
            for v in [
                s.first_payment(),
                s.last_payment(),
                s.total_interest(),
                peak,
            ] {
                h.leaf("td", &[], &v.plain());
            }
        }
        h.close("tr");
    }
    h.close("tbody")
        .close("table")
        .close("div")
        .leaf(
            "p",
            &[("class", "hint")],
            "黄色一行是您现在选的方式。单位：元。",
        )
        .close("section");
    h.finish()
}

/// The verdict and every rule, passed or not, with its source.
pub fn eligibility_html(product: &str, a: &crate::eligibility::Assessment) -> String {
    let class = match a.verdict {
        crate::eligibility::Verdict::Eligible => "verdict ok",
        crate::eligibility::Verdict::Caution => "verdict warn",
        crate::eligibility::Verdict::NotEligible => "verdict bad",
    };
    let mut h = Html::new();
    h.leaf(
        "p",
        &[("class", class), ("id", "verdict")],
        a.verdict.label(),
    )
    .leaf(
        "p",
        &[("class", "hint")],
        &format!("按“{product}”的条件逐条看："),
    )
    .open("ul", &[("class", "rules")]);
    for r in &a.rules {
        let (cls, mark, word) = match r.outcome {
            Outcome::Pass => ("ok", "✓", "符合"),
            Outcome::Warn => ("warn", "!", "注意"),
            Outcome::Fail => ("bad", "✗", "不符合"),
        };
        h.open("li", &[("class", cls)])
            .leaf("span", &[("class", "mark"), ("aria-label", word)], mark)
            .open("div", &[])
            .leaf("strong", &[], r.title)
            .text("：")
            .text(&r.detail)
            .leaf("div", &[("class", "src")], &format!("依据：{}", r.source))
            .close("div")
            .close("li");
    }
    h.close("ul").leaf(
        "p",
        &[("class", "hint")],
        "这只是按公开政策的初步判断，不是银行或政府的审批结果。",
    );
    h.finish()
}

/// The product: what it is, its document, and where each figure comes from.
pub fn product_html(p: &crate::products::Product) -> String {
    let mut params: Vec<(&str, String, &str, bool)> = Vec::new();
    if let Some(m) = p.max_amount {
        params.push((
            "额度上限",
            format!("{}元", m.value.spoken()),
            m.source,
            m.verified,
        ));
    }
    if let Some(m) = p.max_months {
        params.push((
            "期限上限",
            format!("{} 个月", m.value),
            m.source,
            m.verified,
        ));
    }
    params.push((
        "示例期限",
        format!("{} 个月", p.months.value),
        p.months.source,
        p.months.verified,
    ));
    params.push((
        "示例年利率",
        format!("{}%", p.rate.value.percent_text()),
        p.rate.source,
        p.rate.verified,
    ));
    params.push((
        "示例还款方式",
        p.method.value.label().to_string(),
        p.method.source,
        p.method.verified,
    ));
    params.push((
        "贴息比例",
        format!("{}%", parse::bp_percent_text(p.subsidy_percent_bp.value)),
        p.subsidy_percent_bp.source,
        p.subsidy_percent_bp.verified,
    ));
    if let Some(c) = p.subsidy_cap {
        params.push((
            "贴息本金上限",
            format!("{}元", c.value.spoken()),
            c.source,
            c.verified,
        ));
    }
    params.push((
        "贴息方式",
        p.subsidy_timing.value.label().to_string(),
        p.subsidy_timing.source,
        p.subsidy_timing.verified,
    ));
    if let Some(r) = p.risk_share {
        params.push(("风险分担", r.value.to_string(), r.source, r.verified));
    }
    if let Some(a) = p.age {
        params.push((
            "年龄",
            format!("{}–{} 周岁", a.value.0, a.value.1),
            a.source,
            a.verified,
        ));
    }
    let mut h = Html::new();
    h.leaf("h2", &[("id", "product-title")], p.name)
        .leaf("p", &[], p.summary)
        .leaf("div", &[("class", "banner warn")], p.local_note)
        .open("p", &[("class", "small")])
        .text(&format!(
            "主要依据：{} {}（{}）",
            p.document.title, p.document.number, p.document.date
        ))
        .open("br", &[])
        .leaf("span", &[("class", "src")], p.document.url)
        .close("p")
        .open("details", &[])
        .leaf("summary", &[], "每个数字从哪来")
        .open("ul", &[("class", "rules")]);
    for (name, value, source, verified) in params {
        h.open("li", &[("class", if verified { "ok" } else { "warn" })])
            .leaf(
                "span",
                &[("class", "mark")],
                if verified { "✓" } else { "!" },
            )
            .open("div", &[])
            .leaf("strong", &[], name)
            .text("：")
            .text(&value);
        if !verified {
            h.text(" （以当地银行和文件为准）");
        }
        h.leaf("div", &[("class", "src")], source)
            .close("div")
            .close("li");
    }
    h.close("ul").close("details").leaf(
        "p",
        &[("class", "small muted")],
        &format!("这些数字最近核对于 {}。", p.checked.chinese()),
    );
    // The entry's id is checked against the library at build time; its text
    // may not have been downloaded yet, and is not needed for the link.
    if let Some(id) = p.policy {
        h.leaf(
            "a",
            &[
                ("class", "button secondary"),
                ("id", "product-policy"),
                ("href", &format!("?v=policy&id={id}")),
                ("data-open", id),
            ],
            "看这项贷款的政策解读",
        );
    }
    h.finish()
}
