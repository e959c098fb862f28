//! What the estimator says: summary, cash to advance, schedule, comparison,
//! eligibility, the share link and the product's sources.

use super::app::use_app;
use super::browser;
use super::chart;
use super::copy_box::CopyBox;
use super::loan::Estimate;
use crate::eligibility::{assess, Outcome};
use crate::html::Html;
use crate::loan::{advance, schedule, Method, Schedule, SubsidyTiming, CONVENTIONS};
use crate::money::Fen;
use crate::parse;
use crate::query::loan_query;
use leptos::prelude::*;

/// An amount with its unit, never split across lines.
fn money(f: Fen) -> impl IntoView {
    view! { <span class="money">{f.plain()} " 元"</span> }
}

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
#[component]
pub fn AnswerBar(estimate: Signal<Option<Estimate>>) -> impl IntoView {
    view! {
        <div class="answer-bar" id="answer-bar" role="status">
            {move || match estimate.get() {
                Some(e) => {
                    let (label, amount) = payment_lines(&e.schedule).into_iter().next().unwrap_or_default();
                    view! {
                        <a href="#summary">
                            <span>{label} " " <strong>{money(amount)}</strong></span>
                            <span class="go">"看明细"</span>
                        </a>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <a href="#loan-inputs-title">
                            <span>"有内容要改正"</span>
                            <span class="go">"去修改"</span>
                        </a>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

#[component]
pub fn Summary(estimate: Signal<Estimate>) -> impl IntoView {
    view! {
        <section class="card summary" aria-labelledby="summary-title" id="summary">
            <h2 id="summary-title">"要还多少"</h2>
            <div inner_html=move || estimate.with(summary_html)></div>
        </section>
    }
}

/// An amount with its unit, never split across lines.
fn money_html(h: &mut Html, f: Fen) {
    h.open("span", &[("class", "money")])
        .text(&f.plain())
        .text(" 元")
        .close("span");
}

/// 每月还…, 一共还…, 其中利息…, 政府贴息…, 您实际负担….
fn summary_html(e: &Estimate) -> String {
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

#[component]
pub fn Advice(estimate: Signal<Estimate>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="advance-title" id="advance">
            <h2 id="advance-title">"要先垫多少钱"</h2>
            <div inner_html=move || estimate.with(advice_html)></div>
        </section>
    }
}

/// 先付后贴: the most the household advances, when it comes back, and what
/// direct subsidy would need instead.
fn advice_html(e: &Estimate) -> String {
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

#[component]
pub fn ScheduleView(estimate: Signal<Estimate>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    view! {
        <section class="card" aria-labelledby="schedule-title">
            <h2 id="schedule-title">"每期还款明细"</h2>
            <div class="chart" inner_html=move || chart::svg(&estimate.get().schedule)></div>
            <div class="legend" aria-hidden="true">
                <span>
                    <i style=format!("background:{}", chart::PRINCIPAL_COLOUR)></i>
                    "本金"
                </span>
                <span>
                    <i style=format!("background:{}", chart::INTEREST_COLOUR)></i>
                    "利息"
                </span>
            </div>
            <div class="scroll">
                <table id="schedule">
                    <thead>
                        <tr>
                            <th scope="col">"期数"</th>
                            <th scope="col">"日期"</th>
                            <th scope="col">"本金"</th>
                            <th scope="col">"利息"</th>
                            <th scope="col">"应还"</th>
                            <th scope="col">"贴息"</th>
                            <th scope="col">"实际负担"</th>
                            <th scope="col">"剩余本金"</th>
                        </tr>
                    </thead>
                    <tbody inner_html=move || {
                        let limit = if show_all.get() { usize::MAX } else { 12 };
                        estimate.with(|e| rows_html(&e.schedule, limit))
                    }></tbody>
                </table>
            </div>
            {move || {
                let n = estimate.with(|e| e.schedule.rows.len());
                (n > 12)
                    .then(|| {
                        view! {
                            <button class="secondary" id="toggle-rows" on:click=move |_| show_all.update(|v| *v = !*v)>
                                {move || if show_all.get() { "只看前12期".to_string() } else { format!("显示全部 {n} 期") }}
                            </button>
                        }
                    })
            }}
            <details>
                <summary>"怎么算的"</summary>
                <ul class="small">{CONVENTIONS.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul>
            </details>
        </section>
    }
}

/// The first `limit` rows of the schedule table.
fn rows_html(s: &Schedule, limit: usize) -> String {
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

#[component]
pub fn Compare(estimate: Signal<Estimate>) -> impl IntoView {
    let app = use_app();
    let html = move || {
        let e = estimate.get();
        let io = if e.terms.interest_only_months > 0 {
            e.terms.interest_only_months
        } else {
            app.form.with(|f| f.product().interest_only_months)
        };
        compare_html(&e, io)
    };
    view! { <div inner_html=html></div> }
}

/// Every method for the same loan: first and last payment, interest, advance.
fn compare_html(e: &Estimate, io: u32) -> String {
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

#[component]
pub fn Eligibility(estimate: Signal<Option<Estimate>>) -> impl IntoView {
    let app = use_app();
    let html = move || {
        let product = app.form.with(|f| f.product());
        let e = estimate.get();
        let a = app
            .facts
            .with(|facts| assess(product, e.as_ref().map(|e| &e.terms), facts));
        eligibility_html(product.short, &a)
    };
    view! {
        <section class="card" aria-labelledby="verdict-title" id="eligibility">
            <h2 id="verdict-title">"能不能贷"</h2>
            <div inner_html=html></div>
        </section>
    }
}

/// The verdict and every rule, passed or not, with its source.
fn eligibility_html(product: &str, a: &crate::eligibility::Assessment) -> String {
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

#[component]
pub fn CopyLink() -> impl IntoView {
    let app = use_app();
    let link = Signal::derive(move || browser::absolute_link(&app.form.with(loan_query)));
    view! {
        <section class="card copy" aria-labelledby="share-title">
            <h2 id="share-title">"把这个测算发给别人"</h2>
            <p class="hint">"链接里只有贷款数字，不包含年龄、身份等家庭情况。"</p>
            <CopyBox ids=("share-link", "copy-link", "copy-status") label="测算链接" link/>
        </section>
    }
}

#[component]
pub fn ProductInfo() -> impl IntoView {
    let app = use_app();
    let html = move || product_html(app.form.with(|f| f.product()));
    view! {
        <section class="card" aria-labelledby="product-title" id="product-info">
            <div inner_html=html on:click=super::policy::delegate(None)></div>
        </section>
    }
}

/// The product: what it is, its document, and where each figure comes from.
fn product_html(p: &crate::products::Product) -> String {
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
    if let Some(e) = p.policy.and_then(crate::policy::entry) {
        h.leaf(
            "a",
            &[
                ("class", "button secondary"),
                ("id", "product-policy"),
                ("href", &format!("?v=policy&id={}", e.id)),
                ("data-open", e.id),
            ],
            "看这项贷款的政策解读",
        );
    }
    h.finish()
}
