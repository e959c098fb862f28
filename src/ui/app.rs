//! Application state (signals shared through context), persistence in one
//! place, and the screen switch driven by the query string.

use super::browser;
use super::links::Go;
use super::storage::{self, StorageNote};
use crate::check::answers::from_link_value;
use crate::check::households::Household;
use crate::check::Answers;
use crate::date::Date;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::local::{LocalFigures, LocalForm};
use crate::products;
use crate::query::{self, loan_query, View};
use crate::store::{self, CheckState, Record};
use leptos::either::Either;
use leptos::prelude::*;

/// Everything the screens share. Copy: every field is an arena handle or a
/// plain value, so handlers take it by value.
#[derive(Clone, Copy)]
pub struct AppState {
    pub view: RwSignal<View>,
    pub form: RwSignal<LoanForm>,
    pub facts: RwSignal<Facts>,
    /// Values a link carried that could not be used.
    pub link_notes: RwSignal<Vec<String>>,
    /// The user's own estimate that a shared link replaced, to bring back.
    pub replaced: RwSignal<Option<LoanForm>>,
    /// The policy entry open in the explainer (`?v=policy&id=`), if any.
    pub policy_id: RwSignal<Option<String>>,
    /// What was typed in the library's search box, kept for the visit: the
    /// library is built again on every navigation, and back from an entry
    /// must return to the same results.
    pub policy_query: RwSignal<String>,
    /// The self-check in progress (answers, section, household being edited).
    pub check: RwSignal<CheckState>,
    /// Answers someone shared by link (`?v=check&r=`), shown read-only.
    pub shared: RwSignal<Option<Answers>>,
    /// The cadre's household list.
    pub households: RwSignal<Vec<Household>>,
    /// 本地数字 accepted on this phone; `None`: the national figures. Kept
    /// as their canonical texts (`local::LocalForm`'s content; the same
    /// signal type as `shared`, so no part compiles another: read them with
    /// [`AppState::local_figures`]).
    pub local: RwSignal<Option<Answers>>,
    /// 大字版 (large text): a class on <html>, saved with the record.
    pub big: RwSignal<bool>,
    /// The link the QR screen shows (`?v=qr&for=`), as a query string
    /// without `?`; `None`: the home page.
    pub qr_for: RwSignal<Option<String>>,
    /// The policy library's content pack (fetched when a policy page opens).
    pub pack: RwSignal<PackState>,
    /// What the banner says about storage (unreadable record, no storage).
    pub storage_note: RwSignal<Option<StorageNote>>,
    pub today: Date,
    /// Which of the app's WebAssembly files is running.
    pub part: Part,
    /// False when the browser refuses storage: nothing is saved, and the banner says so.
    storage_ok: bool,
}

/// The app's state, from context: call it in a component's body (not in an
/// event handler, which runs outside the component's owner) and move the
/// copy into closures.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The app ships as five WebAssembly files so that a link downloads only
/// the part it opens (see ARCHITECTURE.md, "Parts"). Every part has the
/// home screen; `Main` adds the estimator, `Policy` the policy explainer (and
/// it fetches the content pack), `Check` the self-check and the household
/// list, `Cadre` the cadres' 本地数字 and 风险补偿金测算, `Share` the QR code
/// and poster of a link (the QR encoder is in no other part). A screen of
/// another part is a page load away; index.html picks the file by the same rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Main,
    Policy,
    Check,
    Cadre,
    Share,
}

impl Part {
    pub fn has(self, view: View) -> bool {
        match view {
            View::Home => true,
            View::Loan => self == Part::Main,
            View::Local | View::Risk => self == Part::Cadre,
            View::Policy => self == Part::Policy,
            View::Check | View::Households => self == Part::Check,
            View::Qr => self == Part::Share,
        }
    }
}

/// What differs between the parts: the screens compiled in, and reading
/// answers shared by link (only the self-check part shows them).
pub struct PartScreens {
    pub part: Part,
    build: fn(ScreenKey) -> AnyView,
    read_shared: fn(AppState, Option<&str>),
}

/// The estimator.
pub const MAIN: PartScreens = PartScreens {
    part: Part::Main,
    build: |key| match key {
        ScreenKey::Loan => view! { <super::loan::LoanPage/> }.into_any(),
        _ => view! { <super::home::Home/> }.into_any(),
    },
    read_shared: |_, _| {},
};

/// The policy explainer.
pub const POLICY: PartScreens = PartScreens {
    part: Part::Policy,
    build: |key| match key {
        ScreenKey::Policy(id) => view! { <super::policy::PolicyPage id/> }.into_any(),
        _ => view! { <super::home::Home/> }.into_any(),
    },
    read_shared: |_, _| {},
};

/// The self-check and the household list.
pub const CHECK: PartScreens = PartScreens {
    part: Part::Check,
    build: |key| match key {
        ScreenKey::Questionnaire => view! { <super::check::Questionnaire/> }.into_any(),
        ScreenKey::Results => view! { <super::check_results::OwnResults/> }.into_any(),
        ScreenKey::Shared => view! { <super::check_results::SharedResults/> }.into_any(),
        ScreenKey::Households => view! { <super::households::HouseholdsPage/> }.into_any(),
        _ => view! { <super::home::Home/> }.into_any(),
    },
    read_shared,
};

/// The cadres' tools: 本地数字 (edit, share, accept from a link) and
/// 风险补偿金测算.
pub const CADRE: PartScreens = PartScreens {
    part: Part::Cadre,
    build: |key| match key {
        ScreenKey::Local => view! { <super::local::LocalPage/> }.into_any(),
        ScreenKey::Risk => view! { <super::risk::RiskPage/> }.into_any(),
        _ => view! { <super::home::Home/> }.into_any(),
    },
    read_shared: |_, _| {},
};

/// The QR code and poster of a share link.
pub const SHARE: PartScreens = PartScreens {
    part: Part::Share,
    build: |key| match key {
        ScreenKey::Qr(target) => view! { <super::qr::QrPage target/> }.into_any(),
        _ => view! { <super::home::Home/> }.into_any(),
    },
    read_shared: |_, _| {},
};

/// Where the policy library's content pack is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackState {
    NotYet,
    Fetching,
    /// The pack is installed.
    Ready,
    Failed,
}

impl AppState {
    /// Go to another screen, as a new history entry.
    pub fn go(&self, view: View) {
        let q = match view {
            View::Loan => loan_query(&self.form.get_untracked()),
            View::Policy => super::links::policy_href(self.policy_id.get_untracked().as_deref()),
            View::Qr => match self.qr_for.get_untracked() {
                Some(target) => format!("?v=qr&for={}", query::percent_encode(&target)),
                None => "?v=qr".to_string(),
            },
            other => format!("?v={}", other.key()),
        };
        if !self.part.has(view) {
            // Another WebAssembly file: a page load, with everything saved first.
            self.save();
            browser::load_query(&q);
            return;
        }
        browser::push_query(&q);
        self.link_notes.set(Vec::new());
        self.shared.set(None);
        self.view.set(view);
        browser::scroll_to_top();
    }

    /// The accepted 本地数字, checked (tracked).
    pub fn local_figures(&self) -> Option<LocalFigures> {
        self.local
            .with(|l| l.as_ref().map(LocalFigures::from_stored))
    }

    /// Saves, then loads the page at `query` (a screen that reads its link
    /// when it starts).
    pub fn save_and_load(&self, query: &str) {
        self.save();
        browser::load_query(query);
    }

    /// Writes the whole record to storage now; false when that failed (the
    /// state stays in memory). If another tab saved since this one last read
    /// or wrote, its household list is merged in first (`storage::save`), so
    /// neither tab's households are dropped.
    fn save(&self) -> bool {
        let mut record = Record {
            loan: Some(self.form.get()),
            facts: self.facts.get(),
            check: self.check.get(),
            households: self.households.get(),
            local: self.local.get().map(LocalForm),
            big: self.big.get(),
            ..Record::default()
        };
        if !self.storage_ok {
            return true;
        }
        if !storage::save(&mut record) {
            return false;
        }
        if self.households.with_untracked(|l| *l != record.households) {
            self.took_other_tab(record.households);
        }
        true
    }

    /// Shows the household list merged with another tab's, and says so
    /// (unless the banner already says something more important).
    fn took_other_tab(&self, list: Vec<Household>) {
        self.households.set(list);
        if self.storage_note.with_untracked(Option::is_none) {
            self.storage_note.set(Some(StorageNote::OtherTab));
        }
    }

    /// Open the policy explainer at an entry (or the library for `None`).
    pub fn open_policy(&self, id: Option<&str>) {
        self.policy_id.set(id.map(str::to_string));
        self.go(View::Policy);
    }

    /// Show the QR code of a link of this app: `link` is the address as the
    /// share card shows it; only its query string is kept, so the code is
    /// always of this page.
    pub fn open_qr(&self, link: &str) {
        let target = link.split_once('?').map(|(_, q)| q.to_string());
        self.qr_for.set(target.filter(|q| !q.is_empty()));
        self.go(View::Qr);
    }
}

/// Shared self-check answers from a link: cleaned, with a note for each one
/// that could not be used.
fn read_shared(state: AppState, raw: Option<&str>) {
    let Some(raw) = raw else {
        state.shared.set(None);
        return;
    };
    let (answers, notes) = from_link_value(raw);
    if !notes.is_empty() {
        state.link_notes.update(|n| n.extend(notes));
    }
    state.shared.set(Some(answers));
}

/// Which screen shows: the screen is built again only when this changes.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ScreenKey {
    Home,
    Loan,
    Questionnaire,
    Results,
    /// Answers someone shared by link.
    Shared,
    Households,
    Local,
    Risk,
    /// A page of the library (`None`: the library itself).
    Policy(Option<String>),
    /// The QR code of a link (its query string without `?`).
    Qr(Option<String>),
}

/// Reads what is stored and what the link says and sets up the state; `None`
/// when the link belongs to another part, whose file is then loaded.
pub fn init(screens: &'static PartScreens) -> Option<(AppState, query::Parsed)> {
    let today = browser::today();
    let parsed = query::parse_query(&browser::search(), today);
    if !screens.part.has(parsed.view) {
        // index.html chose by a simpler reading of a mangled link: load the
        // same screen by its plain address, which it reads the same way.
        browser::replace_location(&query::plain_query(&parsed));
        return None;
    }
    let (record, note) = storage::load();
    let storage_ok = !matches!(note, Some(StorageNote::Unavailable));
    let local = record.local.map(|f| f.0);
    let (form, replaced) = match (parsed.loan.clone(), record.loan) {
        (Some(link), Some(own)) if own != link => (link, Some(own)),
        (Some(link), _) => (link, None),
        (None, Some(own)) => (own, None),
        (None, None) => (
            // No stored estimate means a fresh record, so no 本地数字 either
            // (accepting them saves the estimate too).
            LoanForm::for_product(products::default_product()),
            None,
        ),
    };
    let state = AppState {
        view: RwSignal::new(parsed.view),
        form: RwSignal::new(form),
        facts: RwSignal::new(record.facts),
        link_notes: RwSignal::new(parsed.ignored.clone()),
        replaced: RwSignal::new(replaced),
        policy_id: RwSignal::new(parsed.policy_id.clone()),
        policy_query: RwSignal::new(String::new()),
        check: RwSignal::new(record.check),
        shared: RwSignal::new(None),
        households: RwSignal::new(record.households),
        local: RwSignal::new(local),
        // A link with big=1 turns it on, and it stays on.
        big: RwSignal::new(record.big || parsed.big),
        qr_for: RwSignal::new(parsed.qr_for.clone()),
        pack: RwSignal::new(PackState::NotYet),
        storage_note: RwSignal::new(note),
        today,
        part: screens.part,
        storage_ok,
    };
    (screens.read_shared)(state, parsed.shared_check.as_deref());
    Some((state, parsed))
}

/// The whole app: state in context, saving, the address bar, the tab title,
/// back and forward, and around the screen the top bar, banners and footer.
#[component]
pub fn App(state: AppState, screens: &'static PartScreens) -> impl IntoView {
    provide_context(state);
    // Persistence: one effect saves the whole record on any change.
    let save_failed = RwSignal::new(false);
    Effect::new(move |_| save_failed.set(!state.save()));
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
            (View::Check, _) => "家庭自查 · 帮扶助手".to_string(),
            (View::Households, _) => "农户名单 · 帮扶助手".to_string(),
            (View::Local, _) => "本地数字 · 帮扶助手".to_string(),
            (View::Risk, _) => "风险补偿金测算 · 帮扶助手".to_string(),
            (View::Policy, false) => "政策解读 · 帮扶助手".to_string(),
            (View::Qr, _) => "二维码 · 帮扶助手".to_string(),
            (View::Policy, true) => return,
        };
        browser::set_title(&title);
    });
    // Back and forward.
    let pop = window_event_listener(leptos::ev::popstate, move |_| {
        let parsed = query::parse_query(&browser::search(), state.today);
        if !state.part.has(parsed.view) || parsed.view == View::Local {
            // Back or forward into another part: load its file. The 本地数字
            // screen reads its link when it starts, so it starts again too.
            browser::reload();
            return;
        }
        if let Some(f) = parsed.loan {
            state.form.set(f);
        }
        state.link_notes.set(parsed.ignored);
        state.policy_id.set(parsed.policy_id);
        state.qr_for.set(parsed.qr_for);
        (screens.read_shared)(state, parsed.shared_check.as_deref());
        state.view.set(parsed.view);
    });
    on_cleanup(move || pop.remove());
    // Another tab of the app saved: take its household list in.
    let other = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().as_deref() == Some(store::KEY) {
            let ours = state.households.get_untracked();
            if let Some(merged) = storage::other_tab_saved(e.new_value(), &ours) {
                state.took_other_tab(merged);
            }
        }
    });
    on_cleanup(move || other.remove());

    let key = Memo::new(move |_| match state.view.get() {
        View::Home => ScreenKey::Home,
        View::Loan => ScreenKey::Loan,
        View::Check if state.shared.with(Option::is_some) => ScreenKey::Shared,
        View::Check if state.check.with(|c| c.finished) => ScreenKey::Results,
        View::Check => ScreenKey::Questionnaire,
        View::Households => ScreenKey::Households,
        View::Local => ScreenKey::Local,
        View::Risk => ScreenKey::Risk,
        View::Policy => ScreenKey::Policy(state.policy_id.get()),
        View::Qr => ScreenKey::Qr(state.qr_for.get()),
    });
    let screen = move || {
        let k = key.get();
        untrack(move || (screens.build)(k))
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
            <div id="screen">{screen}</div>
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
            StorageNote::Recovered { backup, newer } => {
                let why = match newer {
                    Some(v) => format!(
                        "手机上保存的内容来自更新版本（第{v}版）的帮扶助手，这个版本读不了。"
                    ),
                    None => "手机上保存的内容读不出来（可能损坏了）。".to_string(),
                };
                Either::Right(view! {
                    <div class="banner bad" role="alert" id="storage-banner">
                        <p>{why}</p>
                        <p>"原来的内容没有删除，已另存为“"<code>{backup}</code>"”。现在从头开始。"</p>
                        <button
                            type="button"
                            class="secondary"
                            on:click=move |_| app.storage_note.set(None)
                        >
                            "知道了"
                        </button>
                    </div>
                })
            }
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
