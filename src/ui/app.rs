//! Application state (signals shared through context), persistence in one
//! place, and the view switch driven by the query string.

use super::browser;
use super::dom;
use super::storage::{self, StorageNote};
use crate::check::answers::from_link_value;
use crate::check::households::Household;
use crate::check::Answers;
use crate::date::Date;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::html::Html;
use crate::products;
use crate::query::{self, loan_query, View};
use crate::store::{CheckState, Record};
use reactive_graph::prelude::*;
use reactive_graph::{computed::Memo, effect::Effect, signal::RwSignal};
use wasm_bindgen::JsCast;

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
    /// The self-check in progress (answers, section, household being edited).
    pub check: RwSignal<CheckState>,
    /// Answers someone shared by link (`?v=check&r=`), shown read-only.
    pub shared: RwSignal<Option<Answers>>,
    /// The cadre's household list.
    pub households: RwSignal<Vec<Household>>,
    /// The policy library's content pack (fetched when a policy page opens).
    pub pack: RwSignal<PackState>,
    /// What the banner says about storage (unreadable record, no storage).
    pub storage_note: RwSignal<Option<StorageNote>>,
    pub today: Date,
    /// Which of the app's two WebAssembly files is running.
    pub part: Part,
    /// False when the browser refuses storage: nothing is saved, and the banner says so.
    storage_ok: bool,
}

/// The app ships as two WebAssembly files so that a link downloads only the
/// part it opens (see ARCHITECTURE.md, "Two parts"): `Main` has the home
/// screen, the estimator and the policy explainer; `Check` has the home
/// screen, the self-check and the household list. A screen of the other part
/// is a page load away; index.html picks the file by the same rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Main,
    Check,
}

impl Part {
    pub fn has(self, view: View) -> bool {
        match view {
            View::Home => true,
            View::Loan | View::Policy => self == Part::Main,
            View::Check | View::Households => self == Part::Check,
        }
    }
}

/// What differs between the two parts: the screens compiled in, and reading
/// answers shared by link (only the self-check part shows them).
pub struct PartScreens {
    pub part: Part,
    build: fn(ScreenKey) -> dom::Screen,
    read_shared: fn(AppState, Option<&str>),
}

/// The estimator and the policy explainer.
pub const MAIN: PartScreens = PartScreens {
    part: Part::Main,
    build: |key| match key {
        ScreenKey::Loan => super::loan::loan_page(),
        ScreenKey::Policy(id, _) => super::policy::policy_page(id.as_deref()),
        _ => super::home::home(),
    },
    read_shared: |_, _| {},
};

/// The self-check and the household list.
pub const CHECK: PartScreens = PartScreens {
    part: Part::Check,
    build: |key| match key {
        ScreenKey::Questionnaire => super::check::questionnaire(),
        ScreenKey::Results => super::check_results::own_results(),
        ScreenKey::Shared => super::check_results::shared_results(),
        ScreenKey::Households => super::households::households_page(),
        _ => super::home::home(),
    },
    read_shared,
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
            View::Policy => match self.policy_id.get_untracked() {
                Some(id) => format!("?v=policy&id={}", query::percent_encode(&id)),
                None => "?v=policy".to_string(),
            },
            other => format!("?v={}", other.key()),
        };
        if !self.part.has(view) {
            // The other WebAssembly file: a page load, with everything saved first.
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

    /// Writes the whole record to storage now; false when that failed.
    fn save(&self) -> bool {
        let record = Record {
            loan: Some(self.form.get()),
            facts: self.facts.get(),
            check: self.check.get(),
            households: self.households.get(),
            ..Record::default()
        };
        !self.storage_ok || storage::save(&record)
    }

    /// Open the policy explainer at an entry (or the library for `None`).
    pub fn open_policy(&self, id: Option<&str>) {
        self.policy_id.set(id.map(str::to_string));
        self.go(View::Policy);
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

thread_local! {
    static APP: std::cell::OnceCell<AppState> = const { std::cell::OnceCell::new() };
}

/// The app's state; [`start`] sets it before anything else runs.
pub fn use_app() -> AppState {
    APP.with(|a| *a.get().expect("app state is set at start"))
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
    /// A page of the library, and whether its content pack is there yet.
    Policy(Option<String>, PackState),
}

/// Reads what is stored and what the link says, sets up state, saving and
/// history, and puts the app into `root`.
pub fn start(root: &web_sys::Element, screens: &'static PartScreens) {
    let today = browser::today();
    let parsed = query::parse_query(&browser::search(), today);
    if !screens.part.has(parsed.view) {
        // index.html chose by a simpler reading of a mangled link: load the
        // same screen by its plain address, which it reads the same way.
        browser::replace_location(&query::plain_query(&parsed));
        return;
    }
    let (record, note) = storage::load();
    let storage_ok = !matches!(note, Some(StorageNote::Unavailable));
    let stored_form = record.loan.clone();
    let (form, replaced) = match (parsed.loan.clone(), stored_form) {
        (Some(link), Some(own)) if own != link => (link, Some(own)),
        (Some(link), _) => (link, None),
        (None, Some(own)) => (own, None),
        (None, None) => (LoanForm::for_product(products::default_product()), None),
    };
    let state = AppState {
        view: RwSignal::new(parsed.view),
        form: RwSignal::new(form),
        facts: RwSignal::new(record.facts.clone()),
        link_notes: RwSignal::new(parsed.ignored.clone()),
        replaced: RwSignal::new(replaced),
        policy_id: RwSignal::new(parsed.policy_id.clone()),
        check: RwSignal::new(record.check.clone()),
        shared: RwSignal::new(None),
        households: RwSignal::new(record.households.clone()),
        pack: RwSignal::new(PackState::NotYet),
        storage_note: RwSignal::new(note),
        today,
        part: screens.part,
        storage_ok,
    };
    APP.with(|a| a.set(state).ok());
    (screens.read_shared)(state, parsed.shared_check.as_deref());

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
        let title = match (state.view.get(), state.policy_id.with(|id| id.is_some())) {
            (View::Home, _) => browser::app_title(),
            (View::Loan, _) => "贷款测算 · 帮扶助手".to_string(),
            (View::Check, _) => "家庭自查 · 帮扶助手".to_string(),
            (View::Households, _) => "农户名单 · 帮扶助手".to_string(),
            (View::Policy, false) => "政策解读 · 帮扶助手".to_string(),
            (View::Policy, true) => return,
        };
        browser::set_title(&title);
    });
    // Back and forward.
    let on_pop = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        let parsed = query::parse_query(&browser::search(), today);
        if !state.part.has(parsed.view) {
            // Back or forward into the other part: load its file.
            browser::reload();
            return;
        }
        if let Some(f) = parsed.loan {
            state.form.set(f);
        }
        state.link_notes.set(parsed.ignored);
        state.policy_id.set(parsed.policy_id);
        (screens.read_shared)(state, parsed.shared_check.as_deref());
        state.view.set(parsed.view);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    }
    on_pop.forget();

    dom::region("banners", move || {
        banners_html(
            state.storage_note.get().as_ref(),
            save_failed.get(),
            &state.link_notes.get(),
        )
    });
    dom::effect(move || dom::show("go-home", state.view.get() != View::Home));

    let key = Memo::new(move |_| match state.view.get() {
        View::Home => ScreenKey::Home,
        View::Loan => ScreenKey::Loan,
        View::Check if state.shared.with(Option::is_some) => ScreenKey::Shared,
        View::Check if state.check.with(|c| c.finished) => ScreenKey::Results,
        View::Check => ScreenKey::Questionnaire,
        View::Households => ScreenKey::Households,
        View::Policy => ScreenKey::Policy(state.policy_id.get(), state.pack.get()),
    });
    dom::mount(root, CHROME, "screen", key, screens.build);
}

/// Around every screen: the top bar, banners, the screen, the footer.
const CHROME: &str = concat!(
    r#"<div class="topbar"><span class="brand">帮扶助手</span><a class="button secondary" id="go-home" href="?v=home" data-go="home" hidden>回首页</a></div>"#,
    r#"<main><div id="banners"></div><div id="screen"></div><footer><p>帮扶助手只在您的手机上计算和保存，不上传任何信息。结果仅供参考，以当地银行、乡镇和有关部门为准。</p></footer></main>"#
);

/// Storage trouble, a failed save, and values a link carried that could not be used.
fn banners_html(note: Option<&StorageNote>, save_failed: bool, link_notes: &[String]) -> String {
    let mut h = Html::new();
    match note {
        Some(StorageNote::Unavailable) => {
            h.leaf(
                "div",
                &[
                    ("class", "banner warn"),
                    ("role", "status"),
                    ("id", "storage-banner"),
                ],
                "这个浏览器不让保存数据：能正常使用，但关掉页面后填的内容不会保留。",
            );
        }
        Some(StorageNote::Recovered { backup, newer }) => {
            let why = match newer {
                Some(v) => {
                    format!("手机上保存的内容来自更新版本（第{v}版）的帮扶助手，这个版本读不了。")
                }
                None => "手机上保存的内容读不出来（可能损坏了）。".to_string(),
            };
            h.open(
                "div",
                &[
                    ("class", "banner bad"),
                    ("role", "alert"),
                    ("id", "storage-banner"),
                ],
            )
            .leaf("p", &[], &why)
            .open("p", &[])
            .text("原来的内容没有删除，已另存为“")
            .leaf("code", &[], backup)
            .text("”。现在从头开始。")
            .close("p")
            .leaf(
                "button",
                &[
                    ("type", "button"),
                    ("class", "secondary"),
                    ("data-act", "dismiss-storage"),
                ],
                "知道了",
            )
            .close("div");
        }
        None => {}
    }
    if save_failed {
        h.leaf(
            "div",
            &[("class", "banner warn"), ("role", "status")],
            "保存失败（手机存储可能满了）。填的内容在关掉页面后可能不会保留。",
        );
    }
    if !link_notes.is_empty() {
        h.open(
            "div",
            &[
                ("class", "banner warn"),
                ("role", "status"),
                ("id", "link-notes"),
            ],
        )
        .leaf("p", &[], "链接里有些内容用不了，已换成默认值：")
        .open("ul", &[]);
        for n in link_notes {
            h.leaf("li", &[], n);
        }
        h.close("ul").close("div");
    }
    h.finish()
}
