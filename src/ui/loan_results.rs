//! What the estimator says: summary, cash to advance, schedule, comparison,
//! eligibility, the product's sources and the answer bar. Each part is drawn
//! again as a whole from the estimate when it changes; only the schedule's
//! rows, the one long list, are kept row by row.

use super::chart::{Chart, INTEREST_COLOUR, PRINCIPAL_COLOUR};
use super::links::PolicyLink;
use super::loan::Estimate;
use super::state::use_app;
use crate::eligibility::{assess_with, Outcome, Verdict};
use crate::loan::{
    advance, schedule, LoanTerms, Method, Row, Schedule, SubsidyTiming, CONVENTIONS,
};
use crate::money::Fen;
use crate::parse;
use crate::products::Product;
use leptos::either::Either;
use leptos::prelude::*;

/// "每月", "每季", or "每N个月" for a payment covering `months`.
fn every(months: u32) -> String {
    match months {
        1 => "每月".into(),
        3 => "每季".into(),
        m => format!("每{m}个月"),
    }
}

/// Plain-language lines: "第1–8期，每月还" 612.50.
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
                    // A single period (the principal at maturity): its day too.
                    let day = s.rows.get(p.first as usize - 1).map(|r| r.date.chinese());
                    (
                        format!("第{}期（{}）还", p.first, day.unwrap_or_default()),
                        p.payment,
                    )
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

/// An amount with its unit, never split across lines.
#[component]
fn Money(amount: Fen) -> impl IntoView {
    view! { <span class="money">{amount.plain()}" 元"</span> }
}

/// 每月还…, 一共还…, 其中利息…, 政府贴息…, 您实际负担….
#[component]
pub fn Summary(estimate: Memo<Option<Estimate>>) -> impl IntoView {
    let body = move || {
        estimate.with(|e| {
            e.as_ref().map(|e| {
                let s = &e.schedule;
                let lines = payment_lines(s)
                    .into_iter()
                    .map(|(label, amount)| view! { <p class="phase">{label}" "<Money amount/></p> })
                    .collect_view();
                let totals = [
                    ("一共还", "total-payment", s.total_payment()),
                    ("其中利息", "total-interest", s.total_interest()),
                    ("政府贴息", "total-subsidy", s.total_subsidy()),
                    ("您实际负担的利息", "net-interest", s.net_interest()),
                ]
                .into_iter()
                .map(|(label, id, amount)| {
                    view! {
                        <dt>{label}</dt>
                        <dd id=id class=(id == "net-interest").then_some("total")>
                            <Money amount/>
                        </dd>
                    }
                })
                .collect_view();
                let terms = format!(
                    "借 {}元，{} 个月，年利率 {}%，{}。",
                    e.terms.principal.spoken(),
                    e.terms.months,
                    e.terms.rate.percent_text(),
                    e.terms.method.label(),
                );
                view! {
                    <div id="payment-lines">{lines}</div>
                    <dl>{totals}</dl>
                    <p class="hint">{terms}</p>
                }
            })
        })
    };
    view! {
        <section class="card summary" aria-labelledby="summary-title" id="summary">
            <h2 id="summary-title">"要还多少"</h2>
            <div id="summary-body">{body}</div>
        </section>
    }
}

/// 先付后贴: the most the household advances, when it comes back, and what
/// direct subsidy would need instead.
#[component]
pub fn Advance(estimate: Memo<Option<Estimate>>) -> impl IntoView {
    let body = move || estimate.with(|e| e.as_ref().map(advance_view));
    view! {
        <section class="card" aria-labelledby="advance-title" id="advance">
            <h2 id="advance-title">"要先垫多少钱"</h2>
            <div id="advance-body">{body}</div>
        </section>
    }
}

fn advance_view(e: &Estimate) -> impl IntoView {
    let s = &e.schedule;
    if s.total_subsidy() == Fen::ZERO {
        return Either::Left(view! { <p>"这笔贷款没有贴息，不用垫钱，利息全部自己付。"</p> });
    }
    let first_net = s.rows.first().map_or(Fen::ZERO, |r| r.net);
    let timing = e.subsidy.timing;
    let advanced = (timing != SubsidyTiming::Direct).then(|| {
        let a = advance(s, e.terms.start, timing);
        let until = a.peak_date.map(|d| format!("（到 {} 时）", d.chinese()));
        let more = (a.refunds.len() > 6).then(|| format!("……共 {} 次", a.refunds.len()));
        let refunds = a
            .refunds
            .iter()
            .take(6)
            .map(|r| {
                let when = if timing == SubsidyTiming::AfterClearing {
                    format!("{} 还清贷款后申请：", r.date.chinese())
                } else {
                    format!("{} 以后：", r.date.chinese())
                };
                view! { <li>{when}<Money amount=r.amount/></li> }
            })
            .collect_view();
        view! {
            <p>
                "先付后贴：每期要按全额还利息，政府的贴息之后再返还。您最多要先垫 "
                <strong id="peak-advance">
                    <Money amount=a.peak/>
                </strong> {until} "。"
            </p>
            <h3>"什么时候返还"</h3>
            <ul id="refunds">{refunds} {more.map(|m| view! { <li>{m}</li> })}</ul>
            <p class="hint">"返还要等银行和财政部门审核，到账时间以当地为准。"</p>
        }
    });
    let direct = (timing == SubsidyTiming::Direct)
        .then(|| view! { <p>"直接贴息：每期只付自己那部分，不用先垫钱。"</p> });
    Either::Right(view! {
        {direct}
        {advanced}
        <p id="direct-line">
            "如果是直接贴息：不用垫钱，第1期只付自己那部分 " <Money amount=first_net/> "。"
        </p>
    })
}

/// The key that tells two rows apart: a row is drawn again only when one of
/// its figures changed.
type RowKey = (u32, crate::date::Date, [Fen; 6]);

fn row_key(r: &Row) -> RowKey {
    (
        r.number,
        r.date,
        [
            r.principal,
            r.interest,
            r.payment,
            r.subsidy,
            r.net,
            r.balance,
        ],
    )
}

/// The chart, every payment (the first 12 until asked for all), and how it is
/// computed.
#[component]
pub fn ScheduleCard(estimate: Memo<Option<Estimate>>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    // Every due date as a calendar file: the phone's own calendar reminds,
    // which a page without a server cannot.
    let calendar_status = RwSignal::new(String::new());
    let add_to_calendar = move |_| {
        let Some(text) = estimate.with_untracked(|e| {
            e.as_ref()
                .map(|e| crate::loan::calendar::ics(&e.terms, &e.schedule))
        }) else {
            return;
        };
        calendar_status.set(if super::browser::download("huankuan-rili.ics", "text/calendar", &text) {
            "已下载日历文件。打开它，选“添加到日历”。微信里打不开的，点右上角用浏览器打开本页再点一次。".into()
        } else {
            "这个浏览器不能下载文件。请用手机自带的浏览器打开本页再试。".into()
        });
    };
    let count = move || estimate.with(|e| e.as_ref().map_or(0, |e| e.schedule.rows.len()));
    let rows = move || {
        let limit = if show_all.get() { usize::MAX } else { 12 };
        estimate.with(|e| {
            e.as_ref().map_or_else(Vec::new, |e| {
                e.schedule.rows.iter().take(limit).copied().collect()
            })
        })
    };
    let chart = move || {
        estimate.with(|e| {
            e.as_ref()
                .map(|e| view! { <Chart schedule=e.schedule.clone()/> })
        })
    };
    let legend = [(PRINCIPAL_COLOUR, "本金"), (INTEREST_COLOUR, "利息")]
        .into_iter()
        .map(|(colour, name)| {
            view! {
                <span>
                    <i style:background=colour></i>
                    {name}
                </span>
            }
        })
        .collect_view();
    // Two rows a period, so the table reads at 360 px and in 大字版 without
    // a sideways swipe: the period, its day and what is due; under them the
    // other figures, each with its name, wrapping as the width allows.
    let heads = ["期数　日期", "应还（元）"]
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let toggle = move || {
        if show_all.get() {
            "只看前12期".to_string()
        } else {
            format!("显示全部 {} 期", count())
        }
    };
    view! {
        <section class="card" aria-labelledby="schedule-title">
            <h2 id="schedule-title">"每期还款明细"</h2>
            <div class="chart" id="chart">{chart}</div>
            <div class="legend" aria-hidden="true">{legend}</div>
            <div class="scroll" id="schedule-box">
                <table id="schedule" class="periods">
                    <thead>
                        <tr>{heads}</tr>
                    </thead>
                    <tbody id="schedule-body">
                        <For each=rows key=row_key let:r>
                            <tr class="due">
                                <td>{format!("第{}期 ", r.number)}<span>{r.date.iso()}</span></td>
                                <td class="pay">{r.payment.plain()}</td>
                            </tr>
                            <tr class="parts">
                                <td colspan="2">
                                    {[
                                        ("principal", "本金", r.principal),
                                        ("interest", "利息", r.interest),
                                        ("subsidy", "贴息", r.subsidy),
                                        ("net", "实际负担", r.net),
                                        ("balance", "剩余本金", r.balance),
                                    ]
                                        .into_iter()
                                        .map(|(key, name, v)| {
                                            view! {
                                                <span class="f" data-f=key>
                                                    {name}" "<span class="v">{v.plain()}</span>
                                                </span>
                                            }
                                        })
                                        .collect_view()}
                                </td>
                            </tr>
                        </For>
                    </tbody>
                </table>
            </div>
            <button
                type="button"
                class="secondary"
                id="toggle-rows"
                hidden=move || count() <= 12
                on:click=move |_| show_all.update(|v| *v = !*v)
            >
                {toggle}
            </button>
            <div class="calendar-box">
                <button type="button" class="secondary" id="calendar" on:click=add_to_calendar>
                    "加到手机日历（每期前3天提醒）"
                </button>
                <p class="hint" role="status" id="calendar-status">{calendar_status}</p>
            </div>
            <details>
                <summary>"怎么算的"</summary>
                <ul class="small">
                    {CONVENTIONS.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

/// Every method for the same loan: first and last payment, interest, advance.
#[component]
pub fn Compare(estimate: Memo<Option<Estimate>>) -> impl IntoView {
    let app = use_app();
    let body = move || {
        estimate.with(|e| {
            e.as_ref().map(|e| {
                let io = if e.terms.interest_only_months > 0 {
                    e.terms.interest_only_months
                } else {
                    app.form.with(|f| f.product().interest_only_months)
                };
                Method::ALL
                    .iter()
                    .map(|&m| compare_row(e, m, io))
                    .collect_view()
            })
        })
    };
    let heads = ["还款方式", "第1期", "最后一期", "总利息", "最多垫付"]
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="compare-title">
            <h2 id="compare-title">"换一种还款方式会怎样"</h2>
            <div class="scroll">
                <table id="compare">
                    <thead>
                        <tr>{heads}</tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            <p class="hint">"黄色一行是您现在选的方式。单位：元。"</p>
        </section>
    }
}

fn compare_row(e: &Estimate, m: Method, io: u32) -> impl IntoView {
    let class = (m == e.terms.method).then_some("current");
    let cells = if m == Method::Staged && (io == 0 || io >= e.terms.months) {
        Either::Left(view! {
            <td class="method">{m.label()}</td>
            <td colspan="4" class="small">
                "选这种方式并填只还利息的月数后可比较"
            </td>
        })
    } else {
        let terms = LoanTerms {
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
        let figures = [
            s.first_payment(),
            s.last_payment(),
            s.total_interest(),
            peak,
        ]
        .into_iter()
        .map(|v| view! { <td>{v.plain()}</td> })
        .collect_view();
        Either::Right(view! {
            <td class="method">{label}</td>
            {figures}
        })
    };
    view! { <tr class=class>{cells}</tr> }
}

/// The verdict and every rule, passed or not, with its source.
#[component]
pub fn Eligibility(
    estimate: Memo<Option<Estimate>>,
    product: Memo<&'static Product>,
) -> impl IntoView {
    let app = use_app();
    let body = move || {
        let p = product.get();
        let a = assessment(app, p, estimate);
        let class = verdict_class(a.verdict);
        let rules = a
            .rules
            .into_iter()
            .map(|r| {
                let (cls, mark, word) = match r.outcome {
                    Outcome::Pass => ("ok", "✓", "符合"),
                    Outcome::Warn => ("warn", "!", "注意"),
                    Outcome::Fail => ("bad", "✗", "不符合"),
                };
                view! {
                    <li class=cls>
                        <span class="mark" aria-label=word>
                            {mark}
                        </span>
                        <div>
                            <strong>{r.title}</strong>
                            "："
                            {r.detail}
                            <div class="src">{format!("依据：{}", r.source)}</div>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class=class id="verdict">
                {a.verdict.label()}
            </p>
            <p class="hint">{format!("按“{}”的条件逐条看：", p.short)}</p>
            <ul class="rules">{rules}</ul>
        }
    };
    view! {
        <section class="card" aria-labelledby="verdict-title" id="eligibility">
            <h2 id="verdict-title">"能不能贷"</h2>
            <div id="eligibility-body">
                <super::local_note::LocalNote hidden=Signal::derive(move || {
                    product.get().id != crate::products::DEFAULT_PRODUCT
                })/>
                {body}
                <p class="hint">"这只是按公开政策的初步判断，不是银行或政府的审批结果。"</p>
            </div>
        </section>
    }
}

/// The eligibility of the estimate as it stands (tracked).
fn assessment(
    app: super::state::AppState,
    p: &'static Product,
    estimate: Memo<Option<Estimate>>,
) -> crate::eligibility::Assessment {
    estimate.with(|e| {
        let local = app.local_figures();
        app.facts
            .with(|facts| assess_with(p, e.as_ref().map(|e| &e.terms), facts, local.as_ref()))
    })
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => "verdict ok",
        Verdict::Caution => "verdict warn",
        Verdict::NotEligible => "verdict bad",
    }
}

/// 能不能贷 in one line at the top of the results, linking to the
/// conditions further down (they sit after the schedule and the facts).
#[component]
pub fn VerdictLine(
    estimate: Memo<Option<Estimate>>,
    product: Memo<&'static Product>,
) -> impl IntoView {
    let app = use_app();
    move || {
        let v = assessment(app, product.get(), estimate).verdict;
        view! {
            <p class=verdict_class(v) id="verdict-top">
                <a href="#eligibility">{format!("能不能贷：{}", v.label())}</a>
                <span class="small">" （每一条条件在下面）"</span>
            </p>
        }
    }
}

/// The product: what it is, its document, and where each figure comes from.
#[component]
pub fn ProductInfo(product: Memo<&'static Product>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="product-title" id="product-info">
            {move || product_view(product.get())}
        </section>
    }
}

/// (name, value, source, verified) of each figure the product states.
fn params(p: &Product) -> Vec<(&'static str, String, &'static str, bool)> {
    let mut params = Vec::new();
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
    params
}

fn product_view(p: &'static Product) -> impl IntoView {
    let items = params(p)
        .into_iter()
        .map(|(name, value, source, verified)| {
            view! {
                <li class=if verified { "ok" } else { "warn" }>
                    <span class="mark">{if verified { "✓" } else { "!" }}</span>
                    <div>
                        <strong>{name}</strong>
                        "："
                        {value}
                        {(!verified).then_some(" （以当地银行和文件为准）")}
                        <div class="src">{source}</div>
                    </div>
                </li>
            }
        })
        .collect_view();
    let d = &p.document;
    // The entry's id is checked against the library at build time; its text
    // may not have been downloaded yet, and is not needed for the link.
    let policy = p.policy.map(|id| {
        view! {
            <PolicyLink id=id.to_string() class="button secondary" attr:id="product-policy">
                "看这项贷款的政策解读"
            </PolicyLink>
        }
    });
    view! {
        <h2 id="product-title">{p.name}</h2>
        <p>{p.summary}</p>
        <div class="banner warn">{p.local_note}</div>
        <p class="small">
            {format!("主要依据：{} {}（{}）", d.title, d.number, d.date)} <br/>
            <span class="src">{d.url}</span>
        </p>
        <details>
            <summary>"每个数字从哪来"</summary>
            <ul class="rules">{items}</ul>
        </details>
        <p class="small muted">{format!("这些数字最近核对于 {}。", p.checked.chinese())}</p>
        {policy}
    }
}

/// A bar fixed to the bottom of the screen with the first payment, so the
/// answer is in sight while the inputs above are edited.
#[component]
pub fn AnswerBar(estimate: Memo<Option<Estimate>>) -> impl IntoView {
    let body = move || {
        estimate.with(|e| match e {
            Some(e) => {
                let (label, amount) = payment_lines(&e.schedule)
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                // The principal falling due at once, with its day, beside
                // the regular payment (it is what a borrower forgets).
                let lump = e.schedule.lump().filter(|r| r.number > 1).map(|r| {
                    let (day, amount) = (r.date.chinese(), r.payment);
                    view! {
                        <span class="lump" id="answer-lump">
                            {format!("{day}还 ")}
                            <strong><Money amount/></strong>
                        </span>
                    }
                });
                Either::Left(view! {
                    <a href="#summary">
                        <span>{label}" "<strong><Money amount/></strong>{lump}</span>
                        <span class="go">"看明细"</span>
                    </a>
                })
            }
            None => Either::Right(view! {
                <a href="#loan-inputs-title">
                    <span>"有内容要改正"</span>
                    <span class="go">"去修改"</span>
                </a>
            }),
        })
    };
    view! {
        <div class="answer-bar" id="answer-bar" role="status">
            {body}
        </div>
    }
}
