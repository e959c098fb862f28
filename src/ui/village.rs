//! 村情汇总: the household list, or one village of it, counted by risk,
//! by programme, by visits and by answers still 不清楚; each count opens
//! the list of exactly its households (`AppState::list_group`). With a bar
//! chart of the counts (labelled in words, sized in em so 大字版 enlarges
//! it), 本月要走访 and the 一户一策 measures overdue or due this month, a
//! printable A4 report and the counts as a CSV table.

use super::browser;
use super::links::Go;
use super::state::{use_app, AppState, ListGroup};
use crate::check::households::Household;
use crate::check::measures::Due;
use crate::check::village::{self, Context, Group, Summary};
use crate::check::visits;
use crate::check::Risk;
use crate::local::LocalFigures;
use crate::query::View;
use leptos::prelude::*;

/// A count's id in the page (`count-…`, `bar-…`), stable for tests.
fn group_key(g: Group) -> String {
    match g {
        Group::All => "all".into(),
        Group::Risk(r) => format!("risk-{}", r.key()),
        Group::Program(p) => format!("program-{}", p.key()),
        Group::RiskRose => "risk-rose".into(),
        Group::NotVisited(_) => "not-visited".into(),
        Group::MeasureOverdue => "measure-overdue".into(),
        Group::MeasureDue => "measure-due".into(),
        Group::Unclear => "unclear".into(),
        Group::UnclearAnswer(id) => format!("unclear-{id}"),
    }
}

/// Households of 本月要走访 drawn before 显示全部.
const VISIT_PAGE: usize = 30;

/// 显示全部 under a list drawn [`VISIT_PAGE`] households at a time, while
/// `shown` of `total` are drawn (nothing once all are).
fn show_all(id: &'static str, shown: usize, total: usize, limit: RwSignal<usize>) -> impl IntoView {
    (shown < total).then(|| {
        view! {
            <button
                type="button"
                class="secondary no-print"
                id=id
                on:click=move |_| limit.set(usize::MAX)
            >
                {format!("显示全部 {total} 户（打印前先点这里）")}
            </button>
        }
    })
}

/// A household of the report's lists: its name, village and lines (on paper
/// they run on after the name), and what follows them.
fn household_item(
    label: String,
    village: &str,
    lines: impl IntoView,
    after: impl IntoView,
) -> impl IntoView {
    view! {
        <li>
            <strong>{label}</strong>
            " "
            <bdi class="muted">{place_name(Some(village))}</bdi>
            <ul class="visit-why">{lines}</ul>
            {after}
        </li>
    }
}

/// The village as the page names it.
fn place_name(v: Option<&str>) -> String {
    match v {
        None => "全部村组".into(),
        Some("") => "未填村组".into(),
        Some(v) => v.into(),
    }
}

/// Which figures the findings used, in words, with the document; and the
/// figures of 本月要走访 the 本地数字 set.
fn figures_line(local: Option<&LocalFigures>) -> String {
    match local {
        None => "判断用的是全国公开政策的数字（没有用本地数字）。".into(),
        Some(l) => {
            let visit: Vec<String> = [
                l.visit_days.map(|d| format!("{d}天没走访就要去")),
                l.near_line.map(|p| format!("收入在监测线的{p}%以内")),
                l.heavy_medical.map(|y| {
                    format!(
                        "慢性病一年自己掏医药费{}元以上",
                        crate::money::Fen::from_yuan(y as i64).spoken()
                    )
                }),
                l.wage_share.map(|p| format!("打工收入占{p}%以上")),
            ]
            .into_iter()
            .flatten()
            .collect();
            let visit = if visit.is_empty() {
                String::new()
            } else {
                format!("本月要走访也按本地数字：{}。", visit.join("，"))
            };
            let docs: Vec<&str> = [
                &l.line_doc,
                &l.dibao_doc,
                &l.tekun_doc,
                &l.loan_doc,
                &l.visit_doc,
            ]
            .into_iter()
            .map(String::as_str)
            .filter(|d| !d.is_empty())
            .collect();
            let mut docs_unique: Vec<&str> = Vec::new();
            for d in docs {
                if !docs_unique.contains(&d) {
                    docs_unique.push(d);
                }
            }
            if docs_unique.is_empty() {
                format!(
                    "判断用的是本地数字：{}（没有写依据文件）。{visit}",
                    l.label()
                )
            } else {
                format!(
                    "判断用的是本地数字：{}；依据：{}。{visit}",
                    l.label(),
                    docs_unique.join("；")
                )
            }
        }
    }
}

/// What 本月要走访 goes by, with the days between visits in use.
fn visit_hint(local: Option<&LocalFigures>) -> String {
    format!(
        "按“八必访”和走访间隔（{}天）列出，最要紧的在前。没有一条符合的农户不列。",
        village::not_visited_days(local),
    )
}

/// The bar chart of the main counts: a bar per count, its name above it and
/// the number beside it, so nothing is told by colour alone. Heights in em
/// (the page's text size), widths in percent (the page's width). The text
/// takes the svg's font size (no size of its own), so its em and the bars'
/// are the same length.
#[component]
fn CountChart(summary: Summary) -> impl IntoView {
    let rows: Vec<(Group, usize)> = summary
        .rows
        .iter()
        .copied()
        .filter(|(g, _)| {
            !matches!(
                g,
                Group::UnclearAnswer(_) | Group::MeasureOverdue | Group::MeasureDue
            )
        })
        .collect();
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    const ROW: f64 = 2.6;
    let height = format!("{:.1}em", rows.len() as f64 * ROW + 0.4);
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (g, n))| {
            let y = i as f64 * ROW;
            let w = (n * 80) as f64 / max as f64;
            let fill = match g {
                Group::Risk(Risk::High) | Group::RiskRose => "#b3261e",
                Group::Risk(Risk::Medium) | Group::NotVisited(_) | Group::Unclear => "#8a5300",
                Group::Risk(Risk::Low) => "#1b6b3a",
                _ => "#0b57a4",
            };
            view! {
                <g id=format!("bar-{}", group_key(g))>
                    <text x="0" y=format!("{:.2}em", y + 1.0) fill="#1d1b1a">
                        {g.label()}
                    </text>
                    <rect
                        x="0"
                        y=format!("{:.2}em", y + 1.35)
                        width=format!("{w:.1}%")
                        height="0.9em"
                        rx="3"
                        fill=fill
                    />
                    <text
                        x=format!("{:.1}%", w + 1.5)
                        y=format!("{:.2}em", y + 2.15)
                        font-weight="700"
                        fill="#1d1b1a"
                    >
                        {format!("{n}户")}
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="count-chart"
            id="count-chart"
            width="100%"
            height=height
            role="img"
            aria-labelledby="count-chart-title"
        >
            <title id="count-chart-title">"各项户数的条形图，每条旁边写着户数"</title>
            {bars}
        </svg>
    }
}

#[component]
pub fn VillagePage() -> impl IntoView {
    let app = use_app();
    // "" for the whole list, else "=" and the village.
    let place = RwSignal::new(String::new());
    let chosen = move || place.with(|p| p.strip_prefix('=').map(str::to_string));
    let villages = Memo::new(move |_| app.households.with(|l| village::villages(l)));
    // Each household worked out once (assessments, visits) for the counts
    // and the list to visit: a village may hold a thousand.
    let looks = Memo::new(move |_| {
        let figures = app.local_figures();
        let v = chosen();
        app.households.with(|l| {
            app.extra.with(|e| {
                let cx = Context {
                    history: &e.visits,
                    declared: &e.declared,
                    measures: &e.measures,
                    today: app.today,
                    local: figures.as_ref(),
                };
                village::looks(l, v.as_deref(), &cx)
            })
        })
    });
    let summary = Memo::new(move |_| {
        let v = chosen();
        let figures = app.local_figures();
        looks.with(|lk| village::summary_of(lk, v.as_deref(), app.today, figures.as_ref()))
    });
    // Households to visit drawn at first: a thousand-household list may
    // name hundreds, and drawing them all would make the summary wait.
    let visit_limit = RwSignal::new(VISIT_PAGE);
    // Each household to visit: label, village, reasons, the last visit's note.
    let to_visit = Memo::new(move |_| {
        looks.with(|lk| {
            app.households.with(|l| {
                app.extra.with(|e| {
                    let kept = visits::index(&e.visits);
                    village::to_visit(lk)
                        .into_iter()
                        .filter_map(|(i, look)| {
                            let h: &Household = l.get(*i)?;
                            let note = visits::found(&e.visits, &kept, &h.id)
                                .map(|k| k.note.trim().to_string())
                                .unwrap_or_default();
                            let why: Vec<(&'static str, String)> = look
                                .visit
                                .iter()
                                .map(|r| (r.rule().label, r.detail.clone()))
                                .collect();
                            Some((h.label.clone(), h.village.clone(), why, note))
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    // 一户一策 due this month or overdue, each household with those measures.
    let measures_due = Memo::new(move |_| {
        let v = chosen();
        app.households.with(|l| {
            app.extra.with(|e| {
                village::measures_due(l, v.as_deref(), &e.measures, app.today)
                    .into_iter()
                    .filter_map(|(i, ms)| {
                        let h: &Household = l.get(i)?;
                        let lines: Vec<(bool, String)> = ms
                            .iter()
                            .map(|m| (m.due(app.today) == Due::Overdue, m.line(app.today)))
                            .collect();
                        Some((h.label.clone(), h.village.clone(), lines))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let any_measures = move || looks.with(|lk| lk.iter().any(|(_, l)| l.has_measures));
    let measures_limit = RwSignal::new(VISIT_PAGE);
    let open_group = move |app: AppState, group: Group| {
        app.list_group.set(Some(ListGroup {
            village: chosen(),
            group,
        }));
        app.go(View::Households);
    };
    let counts = move || {
        summary
            .get()
            .rows
            .into_iter()
            .map(|(g, n)| {
                let key = group_key(g);
                let sub = matches!(g, Group::UnclearAnswer(_));
                view! {
                    <tr class:sub=sub>
                        <th scope="row">{g.label()}</th>
                        <td>
                            <a
                                href="?v=households"
                                class="count-link"
                                id=format!("count-{key}")
                                aria-label=format!("{}：{n}户，点开看名单", g.label())
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    open_group(app, g);
                                }
                            >
                                {format!("{n}户")}
                            </a>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let export = move |_| {
        let text = village::summary_csv(&summary.get_untracked());
        let name = format!(
            "村情汇总-{}-{}.csv",
            place_name(chosen().as_deref()),
            app.today
        );
        let ok = browser::download(&name, "text/csv;charset=utf-8", &text);
        let _ = ok;
    };
    view! {
        <div class="village-page">
            <h1>"村情汇总"</h1>
            <p class="report-meta" id="report-meta">
                {move || format!("{} · 统计日期：{}", place_name(chosen().as_deref()), app.today)}
            </p>
            <p class="small" id="figures-used">
                {move || figures_line(app.local_figures().as_ref())}
            </p>
            <div class="field no-print">
                <label for="village-select">"看哪个村/组"</label>
                <select id="village-select" on:change=move |ev| place.set(event_target_value(&ev))>
                    <option value="">"全部村组"</option>
                    {move || {
                        villages
                            .get()
                            .into_iter()
                            .map(|(v, n)| {
                                let chosen = place.with_untracked(|p| p.strip_prefix('=') == Some(v.as_str()));
                                view! {
                                    <option value=format!("={v}") selected=chosen>
                                        {format!("{}（{n}户）", place_name(Some(&v)))}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <p class="hint no-print">"点户数，就打开这些农户的名单。"</p>
            <section class="card" aria-labelledby="counts-title" id="counts">
                <h2 id="counts-title">"户数"</h2>
                <table class="counts">
                    <tbody>{counts}</tbody>
                </table>
            </section>
            <section class="card chart-card" aria-labelledby="chart-title-v">
                <h2 id="chart-title-v">"条形图"</h2>
                {move || view! { <CountChart summary=summary.get()/> }}
            </section>
            <section class="card" aria-labelledby="visit-title" id="to-visit">
                <h2 id="visit-title">"本月要走访"</h2>
                <p class="hint" id="to-visit-hint">
                    {move || visit_hint(app.local_figures().as_ref())}
                </p>
                {move || {
                    let list = to_visit.get();
                    let total = list.len();
                    let shown = visit_limit.get().min(total);
                    let more = show_all("to-visit-more", shown, total, visit_limit);
                    if list.is_empty() {
                        view! { <p id="to-visit-none">"暂时没有。"</p> }.into_any()
                    } else {
                        view! {
                            <ol class="to-visit" id="to-visit-list">
                                {list
                                    .into_iter()
                                    .take(shown)
                                    .map(|(label, v, why, note)| {
                                        let note = (!note.is_empty())
                                            .then(|| {
                                                view! {
                                                    <p class="last-note">{format!("上次走访记：{note}")}</p>
                                                }
                                            });
                                        let why = why
                                            .into_iter()
                                            .map(|(label, detail)| {
                                                view! {
                                                    <li>
                                                        <span class="why-label">{label} "："</span>
                                                        {detail}
                                                    </li>
                                                }
                                            })
                                            .collect_view();
                                        household_item(label, &v, why, note)
                                    })
                                    .collect_view()}
                            </ol>
                            {more}
                        }
                            .into_any()
                    }
                }}
            </section>
            <Show when=any_measures>
                <section class="card" aria-labelledby="measures-due-title" id="measures-due">
                    <h2 id="measures-due-title">"帮扶措施：已超期和本月到期"</h2>
                    {move || {
                        let list = measures_due.get();
                        let total = list.len();
                        let shown = measures_limit.get().min(total);
                        if list.is_empty() {
                            return view! { <p id="measures-due-none">"没有。"</p> }.into_any();
                        }
                        let more = show_all("measures-due-more", shown, total, measures_limit);
                        view! {
                            <ol class="to-visit" id="measures-due-list">
                                {list
                                    .into_iter()
                                    .take(shown)
                                    .map(|(label, v, lines)| {
                                        let lines = lines
                                            .into_iter()
                                            .map(|(late, line)| view! { <li class:late=late>{line}</li> })
                                            .collect_view();
                                        household_item(label, &v, lines, ())
                                    })
                                    .collect_view()}
                            </ol>
                            {more}
                        }
                            .into_any()
                    }}
                </section>
            </Show>
            <div class="nav-buttons no-print">
                <button type="button" id="print-report" on:click=|_| browser::print()>
                    "打印"
                </button>
                <button type="button" class="secondary" id="export-summary" on:click=export>
                    "导出汇总表"
                </button>
                <Go to=View::Households id="back-to-list" class="button secondary">
                    "农户名单"
                </Go>
            </div>
        </div>
    }
}
