//! Two parts of the estimator's results that help a family be ready on the
//! day: the 还款卡 (every due date and amount, printed on half an A4 page:
//! printing the estimator prints only the card) and, for a loan whose
//! principal falls due at once, how much to put aside each month, quarter or
//! harvest. The words and sums come from `loan::card` and `loan::saving`.

use super::browser;
use super::loan::Estimate;
use crate::loan::card::{bold_period, direct_note, BANK, OVERDUE, OVERDUE_WHY, SOURCE};
use crate::loan::saving::{plan, target, Every};
use leptos::prelude::*;

/// The card and its print button.
#[component]
pub fn RepayCard(estimate: Memo<Option<Estimate>>) -> impl IntoView {
    let body = move || estimate.with(|e| e.as_ref().map(card_view));
    view! {
        <section class="card" id="card-box" aria-labelledby="card-title">
            <h2 id="card-title">"还款卡：贴在墙上，到日子就还"</h2>
            <p class="hint">
                "打印出来只有半张A4纸；没有打印机，就截图存在手机里。"
            </p>
            <article id="repay-card">{body}</article>
            <button type="button" id="card-print" on:click=|_| browser::print()>
                "打印还款卡"
            </button>
        </section>
    }
}

fn card_view(e: &Estimate) -> impl IntoView {
    let (s, t) = (&e.schedule, &e.terms);
    let bold = bold_period(s);
    let many = s.rows.len() > 12;
    let rows = s
        .rows
        .iter()
        .map(|r| {
            view! {
                <li class:key={r.number == bold}>
                    <span class="n">{r.number}</span>
                    <span>{r.date.chinese()}</span>
                    <span class="money">{r.payment.plain()}</span>
                </li>
            }
        })
        .collect_view();
    // The payment in bold, said once more in words under the list.
    let last = s.rows.iter().find(|r| r.number == bold).map(|r| {
        let words = if r.principal == s.total_principal() && s.rows.len() > 1 {
            format!(
                "{}要还本金 {} 元（连利息一共 {} 元）",
                r.date.chinese(),
                r.principal.plain(),
                r.payment.plain()
            )
        } else {
            format!(
                "{}最后一期，还 {} 元，贷款还清",
                r.date.chinese(),
                r.payment.plain()
            )
        };
        view! {
            <p id="card-lump">
                <strong>{words}</strong>
            </p>
        }
    });
    view! {
        <h3>"还款卡"</h3>
        <p id="card-terms">
            {format!(
                "借 {}元，{} 个月，年利率 {}%，{}。放款日 {}。",
                t.principal.spoken(),
                t.months,
                t.rate.percent_text(),
                t.method.label(),
                t.start.chinese(),
            )}
        </p>
        <p class="small">"第几期　还款日　要还多少（元）："</p>
        <ol id="card-rows" class:many=many>{rows}</ol>
        {last}
        {direct_note(e.subsidy.timing, s).map(|n| view! { <p class="small">{n}</p> })}
        <p id="card-overdue">
            <strong>{OVERDUE}</strong>
            {OVERDUE_WHY}
        </p>
        <p id="card-bank">{BANK}</p>
        <p class="src small" id="card-source">{SOURCE}</p>
    }
}

/// 到期还本: how much to put aside, for loans whose principal falls due at
/// once; nothing for the others.
#[component]
pub fn SavePlan(estimate: Memo<Option<Estimate>>) -> impl IntoView {
    let every = RwSignal::new(Every::Month);
    let choices = Every::CHOICES
        .into_iter()
        .map(|c| {
            view! {
                <button
                    type="button"
                    class="secondary"
                    aria-pressed=move || (every.get() == c).to_string()
                    on:click=move |_| every.set(c)
                >
                    {c.label()}
                </button>
            }
        })
        .collect_view();
    let found = move || {
        estimate.with(|e| {
            e.as_ref()
                .and_then(|e| target(&e.terms, &e.schedule).map(|t| (t, e.terms.months)))
        })
    };
    let result = move || {
        let (t, months) = found()?;
        let c = every.get();
        let p = plan(t.amount, months, c)?;
        let how = if p.full == 0 {
            format!("一次存够 {} 元。", p.last.plain())
        } else if p.last == p.each {
            format!(
                "{}存 {}元，存 {} 次。",
                c.said(),
                p.each.spoken(),
                p.times()
            )
        } else {
            format!(
                "{}存 {}元，存 {} 次；第 {} 次存 {}元。",
                c.said(),
                p.each.spoken(),
                p.full,
                p.times(),
                p.last.spoken()
            )
        };
        let harvests = matches!(c, Every::Harvest(_)).then(|| {
            format!(
                "按 {} 个月里收成 {} 次算；还款日以后才有的收成用不上，钱要在还款日以前存够。",
                months,
                c.times(months)
            )
        });
        let rounding = if p.last < p.each {
            "每次按整元往上凑，最后一次少存一点。"
        } else {
            ""
        };
        Some(view! {
            <p id="plan-result" class="lead">{how}</p>
            <p class="hint">
                {format!("合起来正好 {} 元。{rounding}", t.amount.plain())}
                {harvests}
            </p>
        })
    };
    let goal = move || {
        found().map(|(t, _)| {
            format!(
                "{}要一次还{} {} 元。平时就一点一点存起来，到日子才不慌：",
                t.due.chinese(),
                if t.with_interest {
                    "本金和利息"
                } else {
                    "本金"
                },
                t.amount.plain()
            )
        })
    };
    view! {
        <section
            class="card"
            id="save-plan"
            aria-labelledby="plan-title"
            hidden=move || found().is_none()
        >
            <h2 id="plan-title">"到期一次还本，怎么攒钱"</h2>
            <p id="plan-goal">{goal}</p>
            <div class="chips" id="plan-every">{choices}</div>
            {result}
        </section>
    }
}
