//! The app shell: saving, the address bar, the tab title, back and forward,
//! the top bar and banners, and which screen shows. The shell imports the
//! screens (through their split points, `ui::screens`) and the state
//! (`ui::state`); the screens import the state, never the shell.

use super::browser;
use super::links::Go;
use super::screens::{self, ChunkFailed, Screen};
use super::state::{use_app, AppState};
use super::storage::{self, StorageNote};
use crate::query::{loan_query, View};
use crate::store;
use leptos::either::Either;
use leptos::prelude::*;

/// Which screen shows: the screen is built again only when this changes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ScreenKey {
    Home,
    Loan,
    Questionnaire,
    Results,
    /// Answers someone shared by link.
    Shared,
    /// A 申报准备单 (a programme id or `all`).
    Sheet(String),
    Households,
    /// 本地数字, with the times it was opened again (`AppState::reopened`).
    Local(u32),
    Risk,
    /// A page of the library (`None`: the library itself).
    Policy(Option<String>),
    /// The QR code of a link (its query string without `?`).
    Qr(Option<String>),
    Village,
}

/// The screen for `key`: the home screen is in the main module; every other
/// screen's code is downloaded the first time it is shown. A phone with
/// declarations (`declared`) gets the home screen's 申报以后 card from the
/// self-check's file, and the home screen without it if that file cannot
/// come.
async fn open(key: ScreenKey, declared: bool) -> Screen {
    match key {
        ScreenKey::Home => {
            let card = if declared {
                screens::home_declared().await.ok()
            } else {
                None
            };
            Ok(untrack(|| view! { <super::home::Home card/> }.into_any()))
        }
        ScreenKey::Loan => screens::loan().await,
        ScreenKey::Questionnaire => screens::questionnaire().await,
        ScreenKey::Results => screens::results().await,
        ScreenKey::Shared => screens::shared_results().await,
        ScreenKey::Sheet(which) => screens::sheet(which).await,
        ScreenKey::Households => screens::households().await,
        ScreenKey::Local(_) => screens::local().await,
        ScreenKey::Risk => screens::risk().await,
        ScreenKey::Policy(id) => screens::policy(id).await,
        ScreenKey::Qr(target) => screens::qr(target).await,
        ScreenKey::Village => screens::village().await,
    }
}

/// The household list (in the cadres' file, with 村情汇总) opens each
/// household in the self-check's file: fetch and compile that once the list
/// has painted (the frame after it is mounted, then a task), so opening a
/// household does not wait for its code, and the list's own files never
/// share the network with it. A failure is ignored (opening a household
/// then tries again, and says so).
fn preload_household() {
    request_animation_frame(|| {
        set_timeout(
            || leptos::task::spawn_local(async { drop(screens::preload_check().await) }),
            std::time::Duration::ZERO,
        )
    });
}

/// A screen whose file did not arrive: what happened in plain words, and
/// 重试. Nothing typed is lost: it is all in the state, and saved.
#[component]
fn ChunkFailedNote(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="banner bad" role="alert" id="chunk-failed">
            <p>"这一页没能下载下来。可能是网络不好，或者这个手机还没有在有网的时候打开过这一页。"</p>
            <p>"您填的内容都还在。请连上网后点“重试”；还不行，点“重新打开”。"</p>
            <div class="actions">
                <button type="button" id="chunk-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                    "重试"
                </button>
                // After an update the running build's files may be gone from
                // the site: a new load takes the new build (all is saved).
                <button type="button" class="secondary" id="chunk-reload" on:click=move |_| browser::reload()>
                    "重新打开"
                </button>
            </div>
        </div>
    }
}

/// The whole app: state in context, saving, the address bar, the tab title,
/// back and forward, and around the screen the top bar, banners and footer.
#[component]
pub fn App(state: AppState) -> impl IntoView {
    provide_context(state);
    // Persistence: one effect saves the whole record on any change.
    let save_failed = RwSignal::new(false);
    Effect::new(move |before: Option<()>| save_failed.set(!state.save_on_change(before.is_none())));
    // The address bar always holds the current estimate, so reload and
    // copy-paste both reproduce it (WeChat's extra parameters are dropped).
    Effect::new(move |_| {
        let form = state.form.get();
        if state.view.get() == View::Loan {
            browser::replace_query(&loan_query(&form));
        }
    });
    // The tab title names the screen (a shared page's WeChat card shows it);
    // a policy entry sets its own.
    browser::app_title();
    Effect::new(move |_| {
        let title = match (state.view.get(), state.policy_id.with(Option::is_some)) {
            (View::Home, _) => browser::app_title(),
            (View::Loan, _) => "贷款测算 · 帮扶助手".to_string(),
            (View::Check, _) if state.sheet.with(Option::is_some) => {
                "申报准备单 · 帮扶助手".to_string()
            }
            (View::Check, _) => "家庭自查 · 帮扶助手".to_string(),
            (View::Households, _) => "农户名单 · 帮扶助手".to_string(),
            (View::Local, _) => "本地数字 · 帮扶助手".to_string(),
            (View::Risk, _) => "风险补偿金测算 · 帮扶助手".to_string(),
            (View::Policy, false) => "政策解读 · 帮扶助手".to_string(),
            (View::Qr, _) => "二维码 · 帮扶助手".to_string(),
            (View::Village, _) => "村情汇总 · 帮扶助手".to_string(),
            (View::Policy, true) => return,
        };
        browser::set_title(&title);
    });
    // Back and forward.
    let pop = window_event_listener(leptos::ev::popstate, move |_| state.follow_address());
    on_cleanup(move || pop.remove());
    // Another tab of the app saved: take its household list in.
    let other = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().as_deref() == Some(store::KEY) && storage::other_tab_saved(e.new_value()) {
            state.took_other_tab();
        }
    });
    on_cleanup(move || other.remove());

    let key = Memo::new(move |_| match state.view.get() {
        View::Home => ScreenKey::Home,
        View::Loan => ScreenKey::Loan,
        View::Check if state.shared.with(Option::is_some) => ScreenKey::Shared,
        View::Check if state.sheet.with(Option::is_some) => {
            ScreenKey::Sheet(state.sheet.get().unwrap_or_default())
        }
        View::Check if state.check.with(|c| c.finished) => ScreenKey::Results,
        View::Check => ScreenKey::Questionnaire,
        View::Households => ScreenKey::Households,
        View::Local => ScreenKey::Local(state.reopened.get()),
        View::Risk => ScreenKey::Risk,
        View::Policy => ScreenKey::Policy(state.policy_id.get()),
        View::Qr => ScreenKey::Qr(state.qr_for.get()),
        View::Village => ScreenKey::Village,
    });
    // A screen's code arrives with its file (`ui::screens`): Suspense shows
    // 正在打开 until it has, and a file that could not be downloaded says
    // so, with 重试 (`attempt`), while everything typed stays in the state.
    let attempt = RwSignal::new(0u32);
    // The screen changes one task after the key does. The change that moves
    // to another screen (看结果, a link) also wakes the old screen's own
    // effects; they must run before that screen and its signals are
    // dropped, or they read a disposed value and the app stops.
    let shown = RwSignal::new(key.get_untracked());
    Effect::new(move |_| {
        let k = key.get();
        leptos::task::spawn_local(async move {
            if shown.with_untracked(|s| *s != k) {
                shown.set(k);
            }
        });
    });
    let screen = move || {
        let k = shown.get();
        attempt.track();
        let declared = if storage::list_is_read() {
            state
                .extra
                .with_untracked(|e| e.declared.iter().any(|d| !d.removed))
        } else {
            storage::list_has_declarations()
        };
        Suspend::new(async move {
            let households = k == ScreenKey::Households;
            match open(k, declared).await {
                Ok(screen) => {
                    if households {
                        preload_household();
                    }
                    Either::Left(screen)
                }
                Err(ChunkFailed) => Either::Right(view! { <ChunkFailedNote attempt/> }),
            }
        })
    };
    // 大字版 is a class on <html>, so it reaches everything, the loading
    // shell included (index.html sets it before the app arrives; a link's
    // big=1 with storage refused is set here). The switch sets it on tap.
    browser::set_big_text(state.big.get_untracked());
    let switch_big = move |_| {
        let on = !state.big.get_untracked();
        state.big.set(on);
        browser::set_big_text(on);
    };
    view! {
        <div class="topbar">
            <span class="brand">"帮扶助手"</span>
            <Go
                to=View::Home
                id="go-home"
                class="button secondary"
                hidden=Signal::derive(move || state.view.get() == View::Home)
            >
                "回首页"
            </Go>
            // A checkbox: its tick shows 大字版 is on (not colour alone), and
            // the phone reads it out as a switch that is on or off.
            <label class="button secondary big-switch">
                <input
                    type="checkbox"
                    id="big-toggle"
                    checked=state.big.get_untracked()
                    on:change=switch_big
                />
                "大字"
            </label>
        </div>
        <main>
            <Banners save_failed=save_failed.into()/>
            <div id="screen">
                <Suspense fallback=|| {
                    view! {
                        <p class="screen-loading" role="status" id="screen-loading">
                            "正在打开，请稍等…"
                        </p>
                    }
                }>{screen}</Suspense>
            </div>
            <footer>
                <p>
                    "帮扶助手只在您的手机上计算和保存，不上传任何信息。结果仅供参考，以当地银行、乡镇和有关部门为准。"
                </p>
            </footer>
        </main>
    }
}

/// Storage trouble, a failed save, and values a link carried that could not be used.
#[component]
fn Banners(save_failed: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let storage = move || {
        // What went wrong, where the copy is, and what the app does now.
        let recovered = |why: String, backup: String, then: &'static str| {
            Either::Right(view! {
                <div class="banner bad" role="alert" id="storage-banner">
                    <p>{why}</p>
                    <p>"原来的内容没有删除，已另存为“"<code>{backup}</code>"”。"{then}</p>
                    <button
                        type="button"
                        class="secondary"
                        on:click=move |_| app.storage_note.set(None)
                    >
                        "知道了"
                    </button>
                </div>
            })
        };
        app.storage_note.get().map(|note| match note {
            StorageNote::Unavailable | StorageNote::OtherTab => Either::Left(view! {
                <div class="banner warn" role="status" id="storage-banner">
                    {if note == StorageNote::OtherTab {
                        "农户名单在另一个页面里改过，这里已经更新，两边加的农户都在。"
                    } else {
                        "这个浏览器不让保存数据：能正常使用，但关掉页面后填的内容不会保留。要保存，请点右上角“…”，选“在浏览器打开”。"
                    }}
                </div>
            }),
            StorageNote::Recovered { backup, newer } => recovered(
                match newer {
                    Some(v) => format!(
                        "手机上保存的内容来自更新版本（第{v}版）的帮扶助手，这个版本读不了。"
                    ),
                    None => "手机上保存的内容读不出来（可能损坏了）。".to_string(),
                },
                backup,
                "现在从头开始。",
            ),
            StorageNote::ListRecovered(backup) => recovered(
                "手机上保存的农户名单读不出来（可能损坏了）。".to_string(),
                backup,
                "名单现在是空的，其他内容都还在。",
            ),
        })
    };
    let notes = move || {
        let notes = app.link_notes.get();
        (!notes.is_empty()).then(|| {
            view! {
                <div class="banner warn" role="status" id="link-notes">
                    <p>"链接里有些内容用不了，已换成默认值："</p>
                    <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    view! {
        {storage}
        <Show when=move || save_failed.get()>
            <div class="banner bad" role="alert" id="save-failed">
                <p>"手机存储空间已满，刚才的改动没能保存。"</p>
                <p>
                    "页面还能接着用，以前保存的都还在。请删掉一些不用的照片、视频，腾出空间，再回来改一下就能保存。关掉页面前，名单可以先点“导出备份”存一份。"
                </p>
            </div>
        </Show>
        {notes}
    }
}
