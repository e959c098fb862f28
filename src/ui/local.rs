//! 本地数字: the editor a cadre fills in and shares as a link, and the
//! screen a link opens, which shows what it would set beside the figures in
//! use and changes nothing until 使用这些本地数字 is tapped.

use super::browser;
use super::copy_box::CopyBox;
use super::fields::{SelectField, TextField, TextSpec};
use super::links::Go;
use super::state::{use_app, AppState};
use crate::check::Answers;
use crate::form::LoanForm;
use crate::loan::SubsidyTiming;
use crate::local::{self, national_text, Group, LinkRead, LocalFigures, LocalForm, FIELDS};
use crate::products;
use crate::query::{self, View};
use gloo_storage::{LocalStorage, Storage};
use leptos::either::Either;
use leptos::prelude::*;
use serde::Deserialize;

/// The editor's text, kept apart from the record (only this part reads it),
/// so a half-filled set survives a reload.
const DRAFT_KEY: &str = "bangfu.local-draft";

/// "不填就用：…" under each figure: the national figure it replaces, made
/// once per page load (the texts come from the data files).
fn national_hint(key: &'static str) -> &'static str {
    static HINTS: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    HINTS
        .get_or_init(|| {
            FIELDS
                .iter()
                .filter(|s| s.is_figure())
                .map(|s| {
                    (
                        s.key,
                        format!("{}不填就用：{}", s.hint, national_text(s.key)),
                    )
                })
                .collect()
        })
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, h)| h.as_str())
}

#[component]
pub fn LocalPage() -> impl IntoView {
    let app = use_app();
    // The link is read once, when the screen starts (accepting reloads it).
    let pairs = query::parse_query(&browser::search(), app.today).local_link;
    match pairs.and_then(|pairs| local::read_link(&pairs)) {
        Some(read) => Either::Left(view! { <Offer read/> }),
        None => Either::Right(view! { <Editor/> }),
    }
}

/// Sets the accepted figures (or none) and, when the estimate on this phone
/// is still the starting one, starts it again from the new figures.
fn set_local(app: AppState, figures: Option<LocalFigures>) {
    let old = app
        .local
        .with_untracked(|l| l.as_ref().map(LocalFigures::from_stored));
    app.form.update(|f| {
        let p = f.product();
        if *f == LoanForm::for_product_with(p, old.as_ref()) {
            *f = LoanForm::for_product_with(p, figures.as_ref());
        }
    });
    app.local.set(figures.map(|f| f.to_form().0));
}

/// What a link offers, beside what is in use now; or why it cannot be used.
#[component]
fn Offer(read: LinkRead) -> impl IntoView {
    let app = use_app();
    let (figures, refused) = match read {
        LinkRead::Refused(why) => {
            return Either::Left(view! {
                <div class="local">
                    <h1>"这个本地数字链接用不了"</h1>
                    <div class="banner bad" role="alert" id="local-refused">
                        <p>{why}</p>
                        <p>"这台手机上的数字没有任何改动。"</p>
                    </div>
                    <a href="?v=local" id="local-open-editor" class="button secondary">
                        "看看现在用的数字"
                    </a>
                </div>
            })
        }
        LinkRead::Offer { figures, refused } => (*figures, refused),
    };
    let now = app
        .local
        .with_untracked(|l| l.as_ref().map(LocalFigures::from_stored));
    let now_text = |key: &str| match now.as_ref().and_then(|l| Some((l, l.value_of(key)?))) {
        Some((l, v)) => format!("{v}（{}）", l.label()),
        None => national_text(key),
    };
    let rows = figures
        .shown()
        .into_iter()
        .map(|(s, v)| {
            view! {
                <tr>
                    <th scope="row">{s.label}</th>
                    <td class="new">{v}</td>
                    <td>{now_text(s.key)}</td>
                </tr>
            }
        })
        .collect_view();
    let docs = figures
        .documents()
        .into_iter()
        .map(|(what, doc)| view! { <li>{format!("{what}：{doc}")}</li> })
        .collect_view();
    let refused_list = (!refused.is_empty()).then(|| {
        view! {
            <div class="banner warn" role="status" id="local-refused-fields">
                <p>"下面这些数字有问题，没有采用（其余的可以用）："</p>
                <ul>{refused.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let place = figures.place.clone();
    let date = figures.date.clone();
    let accept = move |_| {
        set_local(app, Some(figures.clone()));
        app.save_and_load("?v=local");
    };
    Either::Right(view! {
        <div class="local">
            <h1>"收到一组本地数字"</h1>
            <p class="lead" id="local-for">
                "链接说这些数字给 " <strong>{place}</strong> " 用，" {date} " 起执行。"
            </p>
            {refused_list}
            <div class="scroll wrap">
                <table id="local-offer">
                    <thead>
                        <tr>
                            <th scope="col">"项目"</th>
                            <th scope="col">"链接里的"</th>
                            <th scope="col">"现在用的"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h2>"出自哪些文件"</h2>
            <ul id="local-docs">{docs}</ul>
            <p class="hint">
                "链接里没有写依据的数字，请向发链接的村干部问清楚。空着的项目继续用全国数字。"
            </p>
            <section class="card ask">
                <h2>"使用这些本地数字？"</h2>
                <p>
                    "用了以后，家庭自查、贷款测算和村情汇总会用这些数字，并注明“来自分享的本地数字”。随时可以在“本地数字”页一键取消。"
                </p>
                <div class="nav-buttons">
                    <button type="button" id="local-accept" on:click=accept>
                        "使用这些本地数字"
                    </button>
                    <Go to=View::Home id="local-decline" class="button secondary">
                        "不用"
                    </Go>
                </div>
            </section>
        </div>
    })
}

/// The figures in use on this phone, with the one-tap removal.
#[component]
fn InUse() -> impl IntoView {
    let app = use_app();
    move || match app.local_figures() {
        None => Either::Left(view! {
            <p class="banner info" id="local-in-use">
                "这台手机现在用的是全国数字（没有本地数字）。"
            </p>
        }),
        Some(l) => {
            let rows = l
                .shown()
                .into_iter()
                .map(|(s, v)| view! { <li>{format!("{}：{v}", s.label)}</li> })
                .collect_view();
            let docs = l
                .documents()
                .into_iter()
                .map(|(what, doc)| view! { <li class="small">{format!("{what}依据：{doc}")}</li> })
                .collect_view();
            Either::Right(view! {
                <section class="card local-in-use" id="local-in-use">
                    <h2>"这台手机正在用的本地数字"</h2>
                    <p>
                        <strong>{l.label()}</strong>
                        {format!("，{} 起执行，来自分享的链接。", l.date)}
                    </p>
                    <ul>{rows}{docs}</ul>
                    <p class="hint">"没列出的项目用全国数字。家庭自查和贷款测算里用到时都会注明。"</p>
                    <button
                        type="button"
                        class="secondary danger"
                        id="local-remove"
                        on:click=move |_| set_local(app, None)
                    >
                        "不用本地数字了（改回全国数字）"
                    </button>
                    <div class="nav-buttons">
                        <Go to=View::Check class="button secondary">
                            "去家庭自查"
                        </Go>
                        <Go to=View::Loan class="button secondary">
                            "去贷款测算"
                        </Go>
                    </div>
                </section>
            })
        }
    }
}

/// The cadre's form: every field optional, checked as typed with the
/// estimator's parsers; 生成链接 makes the link to share.
#[component]
fn Editor() -> impl IntoView {
    let app = use_app();
    // Read as the record is (text → JSON value → the answers' format), so
    // the draft adds no JSON code of its own.
    let start = LocalStorage::raw()
        .get_item(DRAFT_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| Answers::deserialize(v).ok())
        .map(LocalForm)
        .or_else(|| {
            app.local
                .with_untracked(|l| l.as_ref().map(|a| LocalFigures::from_stored(a).to_form()))
        })
        .unwrap_or_default();
    let draft = RwSignal::new(start);
    Effect::new(move |_| {
        draft.with(|d| {
            let _ = LocalStorage::set(DRAFT_KEY, d);
        })
    });
    let checked = Memo::new(move |_| draft.with(local::check));
    let tried = RwSignal::new(false);
    let link = RwSignal::new(None::<String>);
    let note = RwSignal::new("");
    let field = move |s: &'static local::Spec| {
        let value = Signal::derive(move || draft.with(|d| d.get(s.key).to_string()));
        let error = Signal::derive(move || {
            let blank = draft.with(|d| d.get(s.key).trim().is_empty());
            if blank && !tried.get() {
                return String::new();
            }
            checked.with(|c| c.error(s.key).unwrap_or("").to_string())
        });
        let set = Callback::new(move |t: String| {
            draft.update(|d| d.set(s.key, t));
            link.set(None);
        });
        if s.key == "timing" {
            let mut options = vec![("", "不填（用全国的）")];
            options.extend(SubsidyTiming::ALL.iter().map(|t| (t.key(), t.label())));
            return Either::Left(view! {
                <SelectField id="timing" label=s.label options value=value on_pick=set error/>
            });
        }
        let hint = if s.is_figure() {
            national_hint(s.key)
        } else {
            s.hint
        };
        Either::Right(view! {
            <TextField
                spec=TextSpec {
                    id: s.key,
                    label: s.label,
                    unit: s.unit,
                    mode: s.mode,
                    hint,
                    chips: &[],
                }
                value
                on_text=set
                error
            />
        })
    };
    let group = move |g: Group| {
        FIELDS
            .iter()
            .filter(|s| s.group == g)
            .map(field)
            .collect_view()
    };
    let make = move |_| {
        tried.set(true);
        let c = checked.get_untracked();
        if !c.errors.is_empty() {
            link.set(None);
            note.set("有标红的地方，改好后再生成链接。");
        } else if c.figures.is_empty() {
            link.set(None);
            note.set("至少填一个数字，才能生成链接。");
        } else {
            note.set("");
            link.set(Some(browser::absolute_link(&local::link(&c.figures))));
        }
    };
    let today = app.today.to_string();
    if draft.with_untracked(|d| d.get("date").is_empty()) {
        draft.update(|d| d.set("date", today));
    }
    let product = products::default_product().short;
    view! {
        <div class="local">
            <h1>"本地数字"</h1>
            <p class="lead">
                "监测线、低保标准、贷款额度和贴息、多久走访一次，各地不一样。村干部把本县的数字填一次，生成链接发到群里；大家点开、确认后，家庭自查、贷款测算和村情汇总就用这些数字。"
            </p>
            <InUse/>
            <section class="card" aria-labelledby="local-edit-title">
                <h2 id="local-edit-title">"填写本地数字"</h2>
                <p class="hint">"每一项都可以空着，空着就用全国的数字。链接里只有这些数字和文件名，没有任何家庭的信息。"</p>
                <h3>"哪里的数字"</h3>
                {group(Group::Place)}
                <h3>"家庭自查用的标准"</h3>
                {group(Group::Check)}
                <h3>{format!("小额信贷（用于“{product}”）")}</h3>
                {group(Group::Loan)}
                <h3>"村情汇总的“本月要走访”按这些数字列出"</h3>
                {group(Group::Visit)}
                <button type="button" id="local-make" on:click=make>
                    "生成链接"
                </button>
                <p class="error" role="alert" id="local-make-note">
                    {move || note.get()}
                </p>
                {move || {
                    link.get()
                        .map(|l| {
                            let open = l.clone();
                            view! {
                                <div class="copy">
                                    <CopyBox
                                        ids=("local-link", "local-copy", "local-copy-status")
                                        label="本地数字链接"
                                        link=l
                                    />
                                    <p class="hint">
                                        "自己这台手机也要用的话，点下面打开这个链接，确认即可。"
                                    </p>
                                    <a class="button secondary" id="local-open-link" href=open>
                                        "在这台手机上打开"
                                    </a>
                                </div>
                            }
                        })
                }}
            </section>
        </div>
    }
}
