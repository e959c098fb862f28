//! The cadre's household list: open, edit, delete with undo, sort, filter
//! by village, risk and programme (or by a count of the village summary),
//! search by label, export CSV and a JSON backup (shared to WeChat where the
//! phone can), import a backup merged visit by visit, and a reminder to back
//! up. The undo
//! bar and the empty-list line are shown and hidden rather than built each
//! time, and reactive text is `Signal<String>`: fewer shapes of view, less
//! WebAssembly.

use super::browser::{self, Shared};
use super::fields::SelectField;
use super::links::Go;
use super::state::{use_app, AppState};
use crate::check::answers::to_link_value;
use crate::check::declare::Declared;
use crate::check::households::{
    backup_json_all, csv_all, read_backup_bytes_full, sorted, Household, SortBy,
};
use crate::check::measures::Measure;
use crate::check::merge::{apply_merge, merge_declared, merge_measures, plan_merge_all, MergePlan};
use crate::check::stamped;
use crate::check::village::{self, Context, Filter, Program, Waiting};
use crate::check::visits::{self, History};
use crate::check::Risk;
use crate::date::Date;
use crate::query::View;
use crate::store::CheckState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cmp::Ordering;

const NO_DOWNLOAD: &str = "这个浏览器不能下载文件，请在手机浏览器里打开本页再导出。";

/// Compares labels as people read them in Chinese (by pinyin), with the
/// browser's own collation: byte order would put 陈 after 张.
fn label_order() -> impl Fn(&str, &str) -> Ordering {
    let locales = js_sys::Array::of1(&"zh-CN".into());
    let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
    move |a, b| {
        let n = compare
            .call2(&wasm_bindgen::JsValue::NULL, &a.into(), &b.into())
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        n.partial_cmp(&0.0).unwrap_or(Ordering::Equal)
    }
}

/// Changes, or days, after which the list asks for a backup.
pub const BACKUP_AFTER_CHANGES: usize = 10;
pub const BACKUP_AFTER_DAYS: i64 = 14;

/// A deleted household: where it was, its earlier visits, its
/// declarations and measures, all of which 撤销 puts back.
type Deleted = (
    usize,
    Household,
    Option<History>,
    Vec<Declared>,
    Vec<Measure>,
);

/// The screen's own state, alive while it shows.
#[derive(Clone, Copy)]
struct Local {
    /// The last deleted household, for 撤销.
    deleted: RwSignal<Option<Deleted>>,
    message: RwSignal<String>,
    /// An import waiting for the user to choose about conflicts.
    pending: RwSignal<Option<MergePlan>>,
    /// The name of the file chosen to import ("" before one is).
    file_name: RwSignal<String>,
}

/// Whether the list should ask for a backup: 10 households changed since
/// the last one, or 14 days since it with anything changed (before the first
/// backup: since the oldest household's check).
fn backup_due(list: &[Household], extra: &crate::store::Extra, today: Date) -> bool {
    let changed = extra.changed_count(list);
    if changed == 0 {
        return false;
    }
    let since = match &extra.backed_up {
        Some(d) => Date::parse(d),
        None => list.iter().filter_map(|h| Date::parse(&h.date)).min(),
    };
    changed >= BACKUP_AFTER_CHANGES
        || since.is_some_and(|d| d.days_until(today) >= BACKUP_AFTER_DAYS)
}

/// Households drawn at a time in the list (see `limit` in the page).
const PAGE: usize = 50;

#[component]
pub fn HouseholdsPage() -> impl IntoView {
    let app = use_app();
    // The selects' keys as chosen ("risk", "date", "label"; "" or a risk).
    let sort = RwSignal::new("risk".to_string());
    let filter = RwSignal::new(String::new());
    let program = RwSignal::new(String::new());
    // "" or a `Waiting` key.
    let waiting = RwSignal::new(String::new());
    // "" for every village, else "=" and the village ("=" alone: none typed).
    let place = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let local = Local {
        deleted: RwSignal::new(None),
        message: RwSignal::new(String::new()),
        pending: RwSignal::new(None),
        file_name: RwSignal::new(String::new()),
    };
    // Whether the browser keeps the list when space runs low.
    let persisted = RwSignal::new(None::<Option<bool>>);
    spawn_local(async move {
        let granted = browser::persist_storage().await;
        let _ = persisted.try_set(Some(granted));
    });
    let shown = Memo::new(move |_| {
        let by = match sort.read().as_str() {
            "date" => SortBy::DateNewest,
            "label" => SortBy::Label,
            _ => SortBy::Risk,
        };
        let figures = app.local_figures();
        let figures = figures.as_ref();
        let f = Filter {
            village: place.with(|p| p.strip_prefix('=').map(str::to_string)),
            risk: filter.with(|f| Risk::from_key(f)),
            program: program.with(|p| Program::from_key(p)),
            waiting: waiting.with(|w| Waiting::from_key(w)),
            label: search.get(),
        };
        let group = app.list_group.get();
        app.households.with(|l| {
            // A count's households, or the whole list as it is (not copied:
            // a village's list is a thousand households).
            let members = group.as_ref().map(|g| {
                app.extra.with(|e| {
                    let cx = Context {
                        history: &e.visits,
                        declared: &e.declared,
                        measures: &e.measures,
                        today: app.today,
                        local: figures,
                    };
                    village::members(l, g.village.as_deref(), g.group, &cx)
                })
            });
            let base = members.as_deref().unwrap_or(l);
            let picked = app
                .extra
                .with(|e| village::filtered_with(base, &f, figures, &e.declared, Some(app.today)));
            if by == SortBy::Label {
                sorted(&picked, by, None, figures, &label_order())
            } else {
                sorted(&picked, by, None, figures, &str::cmp)
            }
        })
    });
    // A village's list can hold a thousand households: draw the first
    // PAGE, and more on request, so the list paints and a search answers
    // as fast with 1,000 as with 50. A new filter or search starts again
    // at the first page.
    let limit = RwSignal::new(PAGE);
    Effect::new(move |_| {
        search.track();
        filter.track();
        program.track();
        waiting.track();
        place.track();
        sort.track();
        app.list_group.track();
        limit.set(PAGE);
    });
    let page =
        Memo::new(move |_| shown.with(|l| l.iter().take(limit.get()).cloned().collect::<Vec<_>>()));
    let more_line = Signal::derive(move || {
        let total = shown.with(Vec::len);
        let drawn = limit.get().min(total);
        format!(
            "再显示 {} 户（已显示 {drawn} 户，共 {total} 户）",
            PAGE.min(total - drawn)
        )
    });
    let no_more = Signal::derive(move || shown.with(Vec::len) <= limit.get());
    // What the empty list says, or "" while it has households.
    let empty = Signal::derive(move || {
        if !shown.with(Vec::is_empty) {
            ""
        } else if app.households.with(Vec::is_empty) {
            "还没有保存的农户。做完自查后，在结果页底部保存。"
        } else {
            "没有符合筛选条件的农户。"
        }
        .to_string()
    });
    let count_line = Signal::derive(move || {
        let (n, all) = (shown.with(Vec::len), app.households.with(Vec::len));
        if all == 0 || n == all {
            format!("共 {all} 户")
        } else {
            format!("显示 {n} 户（共 {all} 户）")
        }
    });
    let villages = Memo::new(move |_| app.households.with(|l| village::villages(l)));
    let undo = move |_| {
        if let Some((i, h, kept, declared, measures)) =
            local.deleted.try_update(Option::take).flatten()
        {
            app.extra.update(|e| {
                if let Some(k) = kept {
                    e.visits.retain(|x| x.id != k.id);
                    e.visits.push(k);
                }
                e.declared = crate::check::declare::merge(&e.declared, &declared);
                e.measures = stamped::merge(&e.measures, &measures);
                e.mark_changed(&h.id);
            });
            app.households.update(|l| l.insert(i.min(l.len()), h));
        }
    };
    let export_csv = move |_| {
        let figures = app.local_figures_untracked();
        let text = app.households.with_untracked(|l| {
            app.extra.with_untracked(|e| {
                csv_all(
                    l,
                    figures.as_ref(),
                    &e.declared,
                    &e.measures,
                    Some(app.today),
                )
            })
        });
        let ok = browser::download(
            &format!("农户名单-{}.csv", app.today),
            "text/csv;charset=utf-8",
            &text,
        );
        local.message.set(
            if ok {
                "已导出表格（CSV），可以用 Excel 或 WPS 打开。"
            } else {
                NO_DOWNLOAD
            }
            .to_string(),
        );
    };
    let export_backup = move |_| {
        let text = app.households.with_untracked(|l| {
            app.extra.with_untracked(|e| {
                backup_json_all(l, &e.visits, &e.declared, &e.measures, app.today)
            })
        });
        let name = format!("帮扶助手备份-{}.json", app.today);
        spawn_local(async move {
            let said = match browser::share_file(&name, "application/json", &text).await {
                Shared::Sent => {
                    Ok("已发出备份文件。请确认对方（或您自己的微信“文件传输助手”）收到了。")
                }
                Shared::Cancelled => Err("没有发出备份。"),
                Shared::CannotShare if browser::download(&name, "application/json", &text) => {
                    Ok("已导出备份文件。换手机或清理微信前，请把它存好。")
                }
                Shared::CannotShare => Err(NO_DOWNLOAD),
            };
            if said.is_ok() {
                app.extra.update(|e| e.backup_made(app.today));
            }
            local.message.set(said.unwrap_or_else(|e| e).to_string());
        });
    };
    let backup_line = Signal::derive(move || {
        app.extra.with(|e| {
            let changed = app.households.with(|l| e.changed_count(l));
            match &e.backed_up {
                None => format!("还没有导出过备份（{changed} 户没有备份）。"),
                Some(d) => format!("上次备份：{d}；之后改过 {changed} 户。"),
            }
        })
    });
    let banner_hidden = Signal::derive(move || {
        !app.households
            .with(|l| app.extra.with(|e| backup_due(l, e, app.today)))
    });
    let persist_line = Signal::derive(move || {
        match persisted.get() {
            None => "",
            Some(Some(true)) => "这个浏览器已答应：手机空间不够时也不自动删除这里的名单。",
            Some(Some(false)) => {
                "这个浏览器没有答应长期保存：手机空间不够时可能删除名单，请常导出备份。"
            }
            Some(None) => "这个浏览器不能设置长期保存，请常导出备份。",
        }
        .to_string()
    });
    let group_line = Signal::derive(move || {
        app.list_group.with(|g| {
            g.as_ref()
                .map(|g| {
                    let place = match g.village.as_deref() {
                        None => "全部村组".to_string(),
                        Some("") => "未填村组".to_string(),
                        Some(v) => v.to_string(),
                    };
                    format!("只看村情汇总里的：{}（{place}）", g.group.label())
                })
                .unwrap_or_default()
        })
    });
    // The filters' summary line: what is chosen, so a closed block still
    // tells why the list is short.
    let filters_line = Signal::derive(move || {
        let mut on: Vec<String> = Vec::new();
        place.with(|p| {
            if let Some(v) = p.strip_prefix('=') {
                on.push(if v.is_empty() {
                    "未填村组".into()
                } else {
                    v.to_string()
                });
            }
        });
        if let Some(r) = filter.with(|f| Risk::from_key(f)) {
            on.push(r.label().into());
        }
        if let Some(p) = program.with(|p| Program::from_key(p)) {
            on.push(format!("可能符合{}", p.label()));
        }
        if let Some(w) = waiting.with(|w| Waiting::from_key(w)) {
            on.push(w.label().into());
        }
        if on.is_empty() {
            "筛选、排序".to_string()
        } else {
            format!("筛选：{}", on.join("、"))
        }
    });
    view! {
        <div class="households-page">
            <h1>"农户名单"</h1>
            <p class="hint">"只保存在这部手机上，不上传。换手机或清理微信前请先导出备份。"</p>
            // One line until opened: the list's first screen shows households.
            <details class="banner warn" id="backup-banner" hidden=banner_hidden>
                <summary>
                    <strong>"请导出一份备份"</strong>
                </summary>
                <p role="status">{move || backup_line.get()}</p>
                <p>"名单只在这部手机上：清理微信缓存、退出微信登录或换手机，都会把它删掉。"</p>
                <button type="button" id="banner-backup" on:click=export_backup>
                    "现在导出备份"
                </button>
            </details>
            <div class="nav-buttons">
                <button
                    type="button"
                    id="add-household"
                    on:click=move |_| {
                        app.check.set(app.households.with_untracked(|l| {
                        CheckState::next_after(crate::check::households::last_saved(l))
                    }));
                        app.go(View::Check);
                    }
                >
                    "新增一户"
                </button>
                <Go to=View::Village id="go-village" class="button secondary">
                    "村情汇总"
                </Go>
            </div>
            <div class="field search-line">
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    aria-label="找农户（输入称呼里的字）"
                    placeholder="找农户：输入称呼里的字"
                    on:input=move |ev| search.set(event_target_value(&ev))
                />
            </div>
            <details class="filters" id="filters">
                <summary id="filters-line">{filters_line}</summary>
            <div class="row2">
                <div class="field">
                    <label for="filter-village">"村/组"</label>
                    <select id="filter-village" on:change=move |ev| place.set(event_target_value(&ev))>
                        <option value="">"全部村组"</option>
                        {move || {
                            villages
                                .get()
                                .into_iter()
                                .map(|(v, n)| {
                                    let text = if v.is_empty() { "未填村组".to_string() } else { v.clone() };
                                    let chosen = place.with_untracked(|p| p.strip_prefix('=') == Some(v.as_str()));
                                    view! {
                                        <option value=format!("={v}") selected=chosen>
                                            {format!("{text}（{n}户）")}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <SelectField
                    id="filter"
                    label="风险"
                    options=vec![
                        ("", "全部"),
                        ("high", Risk::High.label()),
                        ("medium", Risk::Medium.label()),
                        ("low", Risk::Low.label()),
                    ]
                    value=filter
                    on_pick=Callback::new(move |v| filter.set(v))
                />
                <SelectField
                    id="filter-program"
                    label="可能符合"
                    options=std::iter::once(("", "全部"))
                        .chain(Program::ALL.map(|p| (p.key(), p.label())))
                        .collect()
                    value=program
                    on_pick=Callback::new(move |v| program.set(v))
                />
                <SelectField
                    id="filter-declared"
                    label="申报"
                    options=vec![
                        ("", "全部"),
                        (Waiting::Any.key(), Waiting::Any.label()),
                        (Waiting::Late.key(), Waiting::Late.label()),
                    ]
                    value=waiting
                    on_pick=Callback::new(move |v| waiting.set(v))
                />
                <SelectField
                    id="sort"
                    label="排序"
                    options=vec![
                        ("risk", "风险高的在前"),
                        ("date", "最近走访的在前"),
                        ("label", "按称呼"),
                    ]
                    value=sort
                    on_pick=Callback::new(move |v| sort.set(v))
                />
            </div>
            </details>
            <div
                class="banner info"
                role="status"
                id="group-filter"
                hidden=Signal::derive(move || app.list_group.with(Option::is_none))
            >
                {group_line}
                " "
                <button type="button" class="secondary" id="clear-group" on:click=move |_| app.list_group.set(None)>
                    "看全部"
                </button>
            </div>
            <p class="small muted" id="list-count">{count_line}</p>
            <div id="undo-slot">
                <div
                    class="banner warn"
                    role="status"
                    id="undo-bar"
                    hidden=Signal::derive(move || local.deleted.with(Option::is_none))
                >
                    {Signal::derive(move || {
                        local
                            .deleted
                            .with(|d| d.as_ref().map(|(_, h, _, _, _)| format!("已删除：{} ", h.label)))
                            .unwrap_or_default()
                    })}
                    <button type="button" class="secondary" id="undo" on:click=undo>
                        "撤销"
                    </button>
                </div>
            </div>
            <ul class="households" id="household-list">
                <li class="empty" hidden=Signal::derive(move || empty.with(String::is_empty))>
                    {empty}
                </li>
                // Keyed by the whole content, so a household replaced by an
                // import is drawn again.
                <For
                    each=move || page.get()
                    key=|h| (h.id.clone(), h.label.clone(), h.village.clone(), h.date.clone(), to_link_value(&h.answers))
                    let:h
                >
                    <HouseholdCard h local/>
                </For>
            </ul>
            <button
                type="button"
                class="secondary"
                id="show-more"
                hidden=no_more
                on:click=move |_| limit.update(|n| *n += PAGE)
            >
                {more_line}
            </button>
            <section class="card" aria-labelledby="io-title">
                <h2 id="io-title">"备份和导入"</h2>
                <p id="backup-status">{backup_line}</p>
                <p class="small" id="persist-line" hidden=Signal::derive(move || persisted.with(Option::is_none))>
                    {persist_line}
                </p>
                <div class="nav-buttons">
                    <button
                        type="button"
                        class="secondary"
                        id="export-csv"
                        on:click=export_csv
                    >
                        "导出表格"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        id="export-json"
                        on:click=export_backup
                    >
                        "导出备份"
                    </button>
                </div>
                <div class="field">
                    <span class="label" id="import-label">"从备份文件导入"</span>
                    // The native file input reads in the browser's language
                    // ("Choose File", "No file chosen"): hidden from sight
                    // but not from the keyboard or a screen reader; the
                    // label is the button, and says 选择文件 always.
                    <input
                        id="import-file"
                        class="visually-hidden"
                        type="file"
                        accept=".json,application/json"
                        aria-labelledby="import-label import-pick"
                        on:change=move |ev| {
                            let input: web_sys::HtmlInputElement = event_target(&ev);
                            let name = input
                                .files()
                                .and_then(|f| f.get(0))
                                .map(|f| f.name())
                                .unwrap_or_default();
                            local.file_name.set(name);
                            import(app, local, input)
                        }
                    />
                    <div class="file-pick">
                        <label for="import-file" class="button secondary" id="import-pick">
                            "选择文件"
                        </label>
                        <span id="import-file-name">
                            {move || {
                                local.file_name.with(|n| if n.is_empty() { "未选择文件".to_string() } else { n.clone() })
                            }}
                        </span>
                    </div>
                    <p class="hint">"导入只会增加农户和走访；和手机上不一样的，会先问您。"</p>
                </div>
                <p role="status" id="io-status">
                    {local.message}
                </p>
                <div
                    class="nav-buttons"
                    id="import-choice"
                    hidden=move || local.pending.with(Option::is_none)
                >
                    <button type="button" id="import-overwrite" on:click=move |_| resolve(app, local, true)>
                        "用备份覆盖"
                    </button>
                    <button
                        type="button"
                        class="secondary"
                        id="import-keep"
                        on:click=move |_| resolve(app, local, false)
                    >
                        "保留手机上的"
                    </button>
                </div>
            </section>
            <section class="card" aria-labelledby="handover-title" id="handover">
                <h2 id="handover-title">"换人接手"</h2>
                <p>"把整个名单交给接手的人：点“导出备份”，在微信里把文件发给他。"</p>
                <p>"接手的人在他的手机上打开“农户名单”，导入备份（点“选择文件”选这个文件），农户和走访记录就都过去了。"</p>
            </section>
        </div>
    }
}

/// The household's declarations waiting for an answer, in a few words
/// (「申报等答复：防返贫监测（已超期）、低保」), and whether one is overdue.
fn waiting_line(
    declared: &[Declared],
    id: &str,
    today: crate::date::Date,
) -> Option<(String, bool)> {
    let mut late = false;
    let names: Vec<String> = crate::check::declare::of(declared, id)
        .into_iter()
        .filter_map(|d| {
            let s = crate::check::declare::status(d, today).filter(|s| s.open())?;
            late |= s.late();
            let p = d.programme()?;
            Some(if s.late() {
                format!("{}（已超期）", p.name)
            } else {
                p.name.to_string()
            })
        })
        .collect();
    (!names.is_empty()).then(|| (format!("申报等答复：{}", names.join("、")), late))
}

/// One household: label, risk, village and date, what changed at the last
/// visit, the top finding, and opening (to see or edit its results and
/// visits) or deleting it.
#[component]
fn HouseholdCard(h: Household, local: Local) -> impl IntoView {
    let app = use_app();
    let figures = app.local_figures_untracked();
    let (risk, top) = h.overview(figures.as_ref());
    let village = if h.village.is_empty() {
        "未填村组".to_string()
    } else {
        h.village.clone()
    };
    let (count, change, waiting) = app.extra.with_untracked(|e| {
        (
            visits::find(&e.visits, &h.id).map_or(1, |k| k.earlier.len() + 1),
            visits::last_change(&h, &e.visits, figures.as_ref()).map(|c| c.headline()),
            waiting_line(&e.declared, &h.id, app.today),
        )
    });
    let id = h.id.clone();
    let open = move |_| {
        app.check.set(CheckState {
            answers: h.answers.clone(),
            section: 0,
            editing: Some(h.id.clone()),
            finished: true,
        });
        app.go(View::Check);
    };
    let delete = move |_| {
        let mut kept = None;
        app.households.update(|l| {
            if let Some(i) = l.iter().position(|h| h.id == id) {
                let h = l.remove(i);
                let (history, declared, measures) = app.extra.with_untracked(|e| {
                    (
                        visits::find(&e.visits, &h.id).cloned(),
                        e.declared
                            .iter()
                            .filter(|d| d.id == h.id)
                            .cloned()
                            .collect(),
                        e.measures
                            .iter()
                            .filter(|m| m.id == h.id)
                            .cloned()
                            .collect(),
                    )
                });
                kept = history;
                local
                    .deleted
                    .set(Some((i, h, kept.clone(), declared, measures)));
            }
        });
        app.extra.update(|e| {
            e.mark_changed(&id);
            e.mark_deleted(&id);
            app.households.with_untracked(|l| e.prune(l));
        });
    };
    view! {
        <li class="card household">
            <div class="hh-head">
                <strong class="hh-label">{h.label.clone()}</strong>
                <span class=format!("badge risk-{}", risk.key())>{risk.label()}</span>
            </div>
            // <bdi>: a right-to-left override in a village name stays inside it.
            <p class="small muted">
                <bdi>{village}</bdi>
                " · "
                {h.date.clone()}
                {(count > 1).then(|| format!(" · 走访 {count} 次"))}
            </p>
            {change.map(|c| view! { <p class="small hh-change">{c}</p> })}
            {waiting
                .map(|(text, late)| {
                    view! { <p class=if late { "small declared late" } else { "small declared" }>{text}</p> }
                })}
            <p>{top}</p>
            <div class="actions">
                <button class="secondary" type="button" on:click=open>
                    "打开"
                </button>
                <button class="secondary danger" type="button" on:click=delete>
                    "删除"
                </button>
            </div>
        </li>
    }
}

/// Reads a chosen backup and says what importing it does (new, unchanged,
/// merged, in conflict, visits added) from the plan, made before anything
/// changes; applies it at once when nothing conflicts, else asks.
fn import(app: AppState, local: Local, input: web_sys::HtmlInputElement) {
    spawn_local(async move {
        let result = browser::read_file(&input)
            .await
            .and_then(|b| read_backup_bytes_full(&b));
        input.set_value("");
        match result {
            Err(e) => {
                local.pending.set(None);
                local
                    .message
                    .set(format!("没有导入：{e} 手机上原有的名单没有任何改动。"));
            }
            Ok(imported) => {
                let notes = imported.notes.len();
                let plan = app.households.with_untracked(|l| {
                    app.extra.with_untracked(|e| {
                        plan_merge_all(l, &e.visits, &e.declared, &e.measures, imported)
                    })
                });
                let mut text = format!(
                    "备份里有 {} 户新的，{} 户和手机上一样，{} 户只多了走访（直接合并），{} 户和手机上不一样；共 {} 次走访要加进来。",
                    plan.new.len(),
                    plan.unchanged,
                    plan.merged.len(),
                    plan.conflicts.len(),
                    plan.visits_added
                );
                if plan.declared_added > 0 {
                    text.push_str(&format!("还有 {} 条申报记录。", plan.declared_added));
                }
                if plan.measures_added > 0 {
                    text.push_str(&format!("还有 {} 条帮扶措施。", plan.measures_added));
                }
                if notes > 0 {
                    text.push_str(&format!("有 {notes} 条内容已经无效，已忽略。"));
                }
                if plan.conflicts.is_empty() {
                    let n = plan.new.len();
                    let m = plan.merged.len();
                    apply(app, plan, false);
                    text.push_str(&format!("已导入 {n} 户"));
                    if m > 0 {
                        text.push_str(&format!("，合并了 {m} 户的走访"));
                    }
                    text.push('。');
                    local.pending.set(None);
                } else {
                    text.push_str("不一样的请选择：");
                    local.pending.set(Some(plan));
                }
                local.message.set(text);
            }
        }
    });
}

/// Applies a merge plan, noting every household it changed.
fn apply(app: AppState, plan: MergePlan, overwrite: bool) {
    let mut list = app.households.get_untracked();
    let mut extra = app.extra.get_untracked();
    let (before, before_visits) = (list.clone(), extra.visits.clone());
    let mut plan = plan;
    let declared = std::mem::take(&mut plan.declared);
    let measures = std::mem::take(&mut plan.measures);
    apply_merge(&mut list, &mut extra.visits, plan, overwrite);
    extra.note_changes(&before, &before_visits, &list);
    for id in merge_declared(&mut extra.declared, &declared) {
        extra.mark_changed(&id);
    }
    for id in merge_measures(&mut extra.measures, &measures) {
        extra.mark_changed(&id);
    }
    app.extra.set(extra);
    app.households.set(list);
}

fn resolve(app: AppState, local: Local, overwrite: bool) {
    let Some(plan) = local.pending.try_update(Option::take).flatten() else {
        return;
    };
    let (n, c) = (plan.new.len(), plan.conflicts.len());
    apply(app, plan, overwrite);
    local.message.set(if overwrite {
        format!("已导入 {n} 户新的，并用备份覆盖了 {c} 户。")
    } else {
        format!("已导入 {n} 户新的；{c} 户保留手机上的内容（备份里多的走访已加上）。")
    });
}
