//! Results of the self-check: the most important things first, then every
//! finding with why, what to do, where to go, what to bring and the source.
//! The user's own results also save to the household list and share by link;
//! someone else's, opened from a link, are read-only.

use super::browser;
use super::copy_box::CopyBox;
use super::declared::DeclaredCard;
use super::fields::TypedInput;
use super::links::{Go, PolicyLink};
use super::state::{use_app, AppState};
use crate::check::answers::to_link_value;
use crate::check::households::Household;
use crate::check::rules::BASICS;
use crate::check::visits::{self, NOTE_MAX_CHARS};
use crate::check::{assess_with, text, Answers, Finding, Level, Report, PARAMS};
use crate::check::{declare, sheet};
use crate::date::Date;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::local::LocalFigures;
use crate::products;
use crate::query::{percent_encode, View};
use crate::store::CheckState;
use leptos::either::Either;
use leptos::prelude::*;

/// The results of the user's own answers.
#[component]
pub fn OwnResults() -> impl IntoView {
    let app = use_app();
    view! { <Results answers=app.check.with_untracked(|c| c.answers.clone()) shared=false/> }
}

/// Answers someone shared by link, read only: no saving, no sharing on.
#[component]
pub fn SharedResults() -> impl IntoView {
    let app = use_app();
    let answers = app
        .shared
        .get_untracked()
        .unwrap_or_else(|| app.check.with_untracked(|c| c.answers.clone()));
    view! { <Results answers shared=true/> }
}

#[component]
fn Badge(level: Level) -> impl IntoView {
    view! { <span class=format!("badge {}", level.key())>{level.label()}</span> }
}

/// The findings for `answers`, read once: on this screen they do not change
/// (修改答案 goes back to the questionnaire, which builds it anew).
#[component]
fn Results(answers: Answers, shared: bool) -> impl IntoView {
    let app = use_app();
    let local = app
        .local
        .with_untracked(|l| l.as_ref().map(LocalFigures::from_stored));
    let report = assess_with(&answers, local.as_ref());
    let (done, total) = answers.progress();
    let too_few = too_few(&answers, done, total);
    let first = first_step(&report, too_few, shared);
    let basics = BASICS
        .iter()
        .filter_map(|id| report.get(id))
        .map(|f| {
            view! {
                <li id=format!("basic-{}", f.id)>
                    <span>{text(f.id).title}</span>
                    <Badge level=f.level/>
                </li>
            }
        })
        .collect_view();
    let what_if = answers.clone();
    let prefill = answers.clone();
    let to_loan = Callback::new(move |()| {
        prefill_loan(app, &prefill);
        app.go(View::Loan);
    });
    let findings = report
        .findings
        .iter()
        .filter(|f| !(BASICS.contains(&f.id) && f.level == Level::Secure))
        .map(|f| view! { <FindingCard f=f.clone() to_loan/> })
        .collect_view();
    // The household the answers belong to: one of the list being edited,
    // or this phone's own family. Its declarations are recorded here.
    let named = sheet::named(&report);
    // Saving the results as a new household makes them that household's:
    // the card follows.
    let declared = (!shared).then_some(move || {
        let editing = app.check.with(|c| c.editing.clone());
        let household = editing.as_ref().and_then(|id| {
            app.households
                .with_untracked(|l| l.iter().find(|h| h.id == *id).cloned())
        });
        let since = household.as_ref().and_then(|h| {
            app.extra.with_untracked(|e| {
                visits::visits(h, &e.visits)
                    .iter()
                    .filter_map(|v| Date::parse(&v.date))
                    .min()
            })
        });
        let (id, who) = household.map_or((declare::OWN.to_string(), "您家".to_string()), |h| {
            (h.id, h.label)
        });
        let programmes = named.clone();
        view! { <DeclaredCard programmes id since who/> }
    });
    let use_shared = move |_| {
        app.check.set(CheckState {
            answers: answers.clone(),
            section: 0,
            editing: None,
            finished: false,
        });
        app.go(View::Check);
    };
    view! {
        <div class="results">
            <h1>"自查结果"</h1>
            {shared
                .then(|| {
                    view! {
                        <div class="banner info" role="status" id="shared-banner">
                            <p>
                                "这是别人通过链接分享的自查结果（链接里没有姓名）。您自己的答案没有改动。"
                            </p>
                            <button type="button" class="secondary" on:click=use_shared>
                                "照这些答案自查"
                            </button>
                        </div>
                    }
                })}
            <p class="hint">
                {format!(
                    "已回答 {done}/{total} 题。这是按公开政策做的初步判断，不是官方认定；能不能享受，以村里核查和有关部门审核为准。",
                )}
            </p>
            {too_few
                .then(|| {
                    view! {
                        <div class="banner warn" role="status" id="too-few">
                            {format!(
                                "只回答了 {done}/{total} 题，还判断不了这家要办什么。请把题目答完；不知道的选“不清楚”。",
                            )}
                        </div>
                    }
                })}
            <super::local_note::LocalNote/>
            {first}
            {declared}
            <section class="card" aria-labelledby="basics-title" id="basics">
                <h2 id="basics-title">"两不愁三保障和饮水安全"</h2>
                <ul class="basics">{basics}</ul>
            </section>
            <section aria-labelledby="all-title" id="findings">
                <h2 id="all-title">"逐条说明"</h2>
                {findings}
            </section>
            <super::check_whatif::WhatIfCard answers=what_if/>
            <p class="src" id="line-used">
                {format!(
                    "判断收入用的监测线：每人每年 {} 元。{}。",
                    report.line.0,
                    report.line.1,
                )}
            </p>
            {report
                .dibao
                .map(|(_, source)| {
                    view! {
                        <p class="src" id="dibao-used">
                            {format!("判断低保用的标准：{source}。")}
                        </p>
                    }
                })}
            <p class="small muted">{format!("这些规则最近核对于 {}。", PARAMS.checked)}</p>
            {(!shared).then(|| view! { <Actions/> })}
        </div>
    }
}

/// Fewer than half the questions shown are answered, or the income: too
/// few to say there is nothing to do.
fn too_few(a: &Answers, done: usize, total: usize) -> bool {
    done * 2 < total || a.get("income").is_none()
}

/// The top of the results: what to do first and why, what one visit to the
/// village covers, what needs another office, which programmes exclude
/// each other, and how long each takes; the 申报准备单 one tap away.
fn first_step(report: &Report, too_few: bool, shared: bool) -> impl IntoView {
    let app = use_app();
    let plan = sheet::plan(report);
    // Needs of 两不愁三保障 at risk are told at the village too.
    let basics: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.level == Level::Risk && BASICS.contains(&f.id))
        .map(|f| text(f.id).title)
        .collect();
    let body = match plan {
        None if basics.is_empty() => Either::Left(view! {
            <p id="first-none">
                {if too_few {
                    "答的题太少，还不能说这家没有要办的事。把题目答完再看。"
                } else {
                    "按您的回答，暂时没有发现必须马上办的事。下面“每个家庭都用得上”的几条，值得记下来。"
                }}
            </p>
        }),
        plan => {
            let (village, elsewhere, ask_too, alternatives, all) = match &plan {
                Some(p) => (
                    p.at_village.iter().map(|p| p.name).collect::<Vec<_>>(),
                    p.elsewhere.clone(),
                    p.ask_too.iter().map(|p| p.name).collect::<Vec<_>>(),
                    p.alternatives.clone(),
                    p.all().collect::<Vec<_>>(),
                ),
                None => (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new()),
            };
            let go_village = !village.is_empty() || !basics.is_empty() || !ask_too.is_empty();
            let lead = if go_village || elsewhere.is_empty() {
                "到村委会（或找驻村工作队）说明家里的情况。".to_string()
            } else {
                format!("到{}办{}。", elsewhere[0].office, elsewhere[0].name)
            };
            let covers = go_village.then(|| {
                let mut t = String::new();
                if !village.is_empty() {
                    t.push_str(&format!("去一次就可以提出：{}", village.join("、")));
                    if village.len() > 1 {
                        t.push_str("（要交到乡镇的，村委会可以代交）");
                    }
                }
                if !basics.is_empty() {
                    t.push_str(if t.is_empty() {
                        "去说说"
                    } else {
                        "；也说说"
                    });
                    t.push_str(&format!("{}的困难", basics.join("、")));
                }
                if !ask_too.is_empty() {
                    t.push_str(if t.is_empty() {
                        "可以问问"
                    } else {
                        "；还可以顺便问问"
                    });
                    t.push_str(&ask_too.join("、"));
                }
                t.push('。');
                view! { <p id="first-covers">{t}</p> }
            });
            let other = (go_village && !elsewhere.is_empty()).then(|| {
                let t: Vec<String> = elsewhere
                    .iter()
                    .map(|p| format!("{}到{}", p.name, p.office))
                    .collect();
                view! { <p id="first-elsewhere">{format!("另外：{}。", t.join("；"))}</p> }
            });
            let alts = alternatives
                .into_iter()
                .map(|a| view! { <p class="alt" id="first-alternatives"><strong>"注意："</strong>{a.text}</p> })
                .collect_view();
            let times = (!all.is_empty()).then(|| {
                view! {
                    <h3>"多久有答复"</h3>
                    <ul class="times" id="first-times">
                        {all
                            .iter()
                            .map(|p| {
                                let t = sheet::time_to_answer(p);
                                view! { <li><strong>{p.name}</strong>{format!("：{t}")}</li> }
                            })
                            .collect_view()}
                    </ul>
                    <p class="hint">"按规定的工作日算，不含周末和节假日；各地不同，以当地为准。"</p>
                }
            });
            let sheet_button = (!shared && !all.is_empty()).then(|| {
                view! {
                    <button type="button" id="open-sheet" on:click=move |_| app.open_sheet("all")>
                        "申报准备单：带什么、怎么走"
                    </button>
                }
            });
            Either::Right(view! {
                <p class="lead" id="first-lead">{lead}</p>
                {covers}
                {other}
                {alts}
                {times}
                {sheet_button}
            })
        }
    };
    view! {
        <section class="card first" aria-labelledby="first-title" id="top-actions">
            <h2 id="first-title">"先做这一件"</h2>
            {body}
        </section>
    }
}

/// One finding: its level and why; what it means, the steps, where to go,
/// what to bring, the source and the policy entry one tap away (大字版
/// would otherwise be some fifteen screens long).
#[component]
fn FindingCard(f: Finding, to_loan: Callback<()>) -> impl IntoView {
    let t = text(f.id);
    let why = (!f.why.is_empty()).then(|| {
        view! {
            <div class="why">
                <strong>"为什么："</strong>
                <ul>{f.why.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <article class="card finding" id=format!("finding-{}", f.id)>
            <h3>{t.title} " " <Badge level=f.level/></h3>
            {why}
            <details>
                <summary>"说明、怎么办、带什么、依据"</summary>
                <p>{t.explain}</p>
                <ol>{t.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
                <p>
                    <strong>"去哪里："</strong>
                    {t.place}
                </p>
                <p>
                    <strong>"要带："</strong>
                    {t.bring.join("、")}
                </p>
                <p class="src">
                    {format!("依据（{}）：{}", t.kind.told(), t.source)}
                </p>
                <div class="actions">
                    <PolicyLink id=Some(t.policy.to_string()) class="button secondary">
                        "看政策解读"
                    </PolicyLink>
                </div>
            </details>
            {(f.id == "loan")
                .then(|| {
                    view! {
                        <div class="actions">
                            <button id="to-loan" type="button" on:click=move |_| to_loan.run(())>
                                "算一算贷款"
                            </button>
                        </div>
                    }
                })}
        </article>
    }
}

/// Carries what the self-check knows into the loan estimator: the 2026
/// product, and the age and status facts (kept on the phone, not in links).
pub(super) fn prefill_loan(app: AppState, a: &Answers) {
    if let Some(p) = products::product("bangfu2026") {
        let local = app
            .local
            .with_untracked(|l| l.as_ref().map(LocalFigures::from_stored));
        app.form.set(LoanForm::for_product_with(p, local.as_ref()));
    }
    let status = match a.get("status") {
        Some("tuopin") => "tuopin",
        Some("jiance") => "jiance",
        Some("dibao") | Some("none") => "need",
        _ => "",
    };
    app.facts.update(|f: &mut Facts| {
        if let Some(age) = a.count("main_age") {
            f.age = age.to_string();
        }
        if !status.is_empty() {
            f.status = status.to_string();
        }
    });
}

/// Saving to the household list, editing, printing, a new household, sharing.
#[component]
fn Actions() -> impl IntoView {
    let app = use_app();
    let existing = app
        .check
        .with_untracked(|c| c.editing.clone())
        .and_then(|id| {
            app.households
                .with_untracked(|l| l.iter().find(|h| h.id == id).cloned())
        });
    // A visit saved again on its own day keeps its note unless changed.
    let today = app.today.to_string();
    let note = existing
        .as_ref()
        .filter(|h| h.date == today)
        .and_then(|h| {
            app.extra
                .with_untracked(|e| visits::find(&e.visits, &h.id).map(|k| k.note.clone()))
        })
        .unwrap_or_default();
    // A new household starts in the village of the one saved last.
    let last_village = app.households.with_untracked(|l| {
        crate::check::households::last_saved(l).map_or(String::new(), |h| h.village.clone())
    });
    let (label, village) = existing.map_or((String::new(), last_village), |h| (h.label, h.village));
    let label = RwSignal::new(label);
    let village = RwSignal::new(village);
    let note = RwSignal::new(note);
    let status = RwSignal::new(String::new());
    let save_text = Signal::derive(move || {
        if app.check.with(|c| c.editing.is_some()) {
            "保存修改"
        } else {
            "保存这一户"
        }
        .to_string()
    });
    let link = RwSignal::new(None::<String>);
    let save = move |_| {
        let label_text = label.get_untracked().trim().to_string();
        if label_text.is_empty() {
            status.set("请先填一个称呼（不一定是姓名，比如“3组王家”）。".into());
            return;
        }
        save_household(
            app,
            label_text.clone(),
            village.get_untracked().trim().into(),
            &note.get_untracked(),
        );
        status.set(format!("已保存到农户名单：{label_text}"));
    };
    let share = move |_| {
        let answers = app.check.with_untracked(|c| to_link_value(&c.answers));
        link.set(Some(browser::absolute_link(&format!(
            "?v=check&r={}",
            percent_encode(&answers)
        ))));
    };
    // Sharing is a deliberate step: the link appears only when asked for,
    // with the warning about what it carries.
    let share_slot = move || match link.get() {
        None => Either::Left(view! {
            <button type="button" class="secondary" id="share-check" on:click=share>
                "生成分享链接"
            </button>
        }),
        Some(l) => Either::Right(view! {
            <div class="banner warn" id="privacy-warning">
                "注意：链接里有这家的回答（收入、疾病等），没有称呼和姓名。只发给信得过的人，比如帮扶干部。"
            </div>
            <CopyBox ids=("check-link", "copy-check-link", "check-copy-status") label="结果链接" link=l/>
        }),
    };
    view! {
        <section class="card no-print" aria-labelledby="save-title" id="save-household">
            <h2 id="save-title">"村干部：保存到农户名单"</h2>
            <p class="hint">"只存在这部手机上。称呼不一定写姓名。"</p>
            // Plain text: the questionnaire's input, so no other field is compiled in.
            <div class="field">
                <label for="hh-label">"称呼"</label>
                <TypedInput id="hh-label".to_string() value=label on_text=Callback::new(move |t| label.set(t))/>
            </div>
            <div class="field">
                <label for="hh-village">"村/组"</label>
                <TypedInput
                    id="hh-village".to_string()
                    value=village
                    on_text=Callback::new(move |t| village.set(t))
                />
            </div>
            <div class="field">
                <label for="hh-note">"这次走访记一笔（可不填）"</label>
                <textarea
                    id="hh-note"
                    rows="2"
                    maxlength=NOTE_MAX_CHARS.to_string()
                    prop:value=note.get_untracked()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
                <p class="hint">{format!("比如“儿子去县城打工了”。最多 {NOTE_MAX_CHARS} 个字。")}</p>
            </div>
            <button type="button" id="save-hh" on:click=save>
                {save_text}
            </button>
            <p role="status" id="save-status">
                {status}
            </p>
        </section>
        <VisitList/>
        <super::measures::MeasuresCard/>
        <div class="nav-buttons no-print">
            <button
                type="button"
                class="secondary"
                id="edit-answers"
                on:click=move |_| {
                    app.check
                        .update(|c| {
                            c.finished = false;
                            c.section = 0;
                        });
                    browser::scroll_to_top();
                }
            >
                "修改答案"
            </button>
            <button type="button" class="secondary" id="print" on:click=|_| browser::print()>
                "打印"
            </button>
        </div>
        <div class="nav-buttons no-print">
            <button
                type="button"
                class="secondary"
                id="new-check"
                on:click=move |_| {
                    app.check.set(app.households.with_untracked(|l| {
                        CheckState::next_after(crate::check::households::last_saved(l))
                    }));
                    browser::scroll_to_top();
                }
            >
                "开始新的一户"
            </button>
            <Go to=View::Households class="button secondary">
                "农户名单"
            </Go>
        </div>
        <section class="card no-print" aria-labelledby="share-check-title">
            <h2 id="share-check-title">"分享结果"</h2>
            <div id="share-slot">{share_slot}</div>
        </section>
    }
}

/// The household's visits, newest first, with what changed at the last one
/// (shown while a household of the list is open).
#[component]
fn VisitList() -> impl IntoView {
    let app = use_app();
    move || {
        let id = app.check.with(|c| c.editing.clone())?;
        let h = app
            .households
            .with(|l| l.iter().find(|h| h.id == id).cloned())?;
        let local = app.local_figures();
        let (all, change) = app.extra.with(|e| {
            (
                visits::visits(&h, &e.visits),
                visits::last_change(&h, &e.visits, local.as_ref()),
            )
        });
        let rows = all
            .into_iter()
            .map(|v| {
                let risk = assess_with(&v.answers, local.as_ref()).risk();
                let note =
                    (!v.note.is_empty()).then(|| view! { <p class="visit-note">{v.note}</p> });
                view! {
                    <li class="visit">
                        <strong>{v.date}</strong>
                        " "
                        <span class=format!("badge risk-{}", risk.key())>{risk.label()}</span>
                        {note}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card" aria-labelledby="visits-title" id="visits">
                <h2 id="visits-title">{format!("走访记录：{}", h.label)}</h2>
                {change.map(|c| {
                    let cls = if c.risk_rose() { "change rose" } else { "change" };
                    view! {
                        <p class=cls id="change-headline">
                            {format!("{} 比 {}：", c.dates.1, c.dates.0)}
                            <strong>{c.headline()}</strong>
                        </p>
                    }
                })}
                <p class="hint">"最近的在最上面。再去走访时点“修改答案”，改完保存，就记下新的一次。"</p>
                <ol class="visits" id="visit-list">{rows}</ol>
            </section>
        })
    }
}

/// Saves the answers under the label: a new household, or a visit to the
/// one being edited (a new dated visit, or today's corrected), with the
/// visit's note; the household counts as changed since the last backup.
fn save_household(app: AppState, label: String, village: String, note: &str) {
    let today = app.today;
    let editing = app.check.with_untracked(|c| c.editing.clone());
    let answers = app.check.with_untracked(|c| c.answers.clone());
    let mut list = app.households.get_untracked();
    let mut extra = app.extra.get_untracked();
    let id = match editing.and_then(|id| list.iter_mut().find(|h| h.id == id)) {
        Some(h) => {
            h.label = label;
            h.village = village;
            h.id.clone()
        }
        None => {
            let id = new_id(&list);
            list.push(Household {
                id: id.clone(),
                label,
                village,
                date: today.to_string(),
                answers: answers.clone(),
            });
            id
        }
    };
    visits::add_visit(&mut list, &mut extra.visits, &id, today, note, answers);
    extra.mark_changed(&id);
    app.extra.set(extra);
    app.households.set(list);
    app.check.update(|c| c.editing = Some(id));
}

/// A short id unique in the list and unlikely to clash with another phone's.
fn new_id(list: &[Household]) -> String {
    let now = js_sys::Date::now() as u64;
    let mut n = 0u64;
    loop {
        let id = if n == 0 {
            format!("h{now}")
        } else {
            format!("h{now}-{n}")
        };
        if !list.iter().any(|h| h.id == id) {
            return id;
        }
        n += 1;
    }
}
