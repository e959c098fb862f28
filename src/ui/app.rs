//! Application state (signals shared through context), persistence in one
//! place, and the view switch driven by the query string.

use super::browser;
use super::check::{CheckPage, HouseholdsPage};
use super::home::Home;
use super::loan::LoanPage;
use super::policy::PolicyPage;
use super::storage::{self, StorageNote};
use crate::check::answers::from_link_value;
use crate::check::households::Household;
use crate::check::Answers;
use crate::date::Date;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::products;
use crate::query::{self, loan_query, View};
use crate::store::{CheckState, Record};
use leptos::ev;
use leptos::prelude::*;

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
    pub today: Date,
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
        browser::push_query(&q);
        self.link_notes.set(Vec::new());
        self.shared.set(None);
        self.view.set(view);
        browser::scroll_to_top();
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

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

#[component]
pub fn App() -> impl IntoView {
    let today = browser::today();
    let (record, note) = storage::load();
    let storage_ok = !matches!(note, Some(StorageNote::Unavailable));
    let parsed = query::parse_query(&browser::search(), today);
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
        today,
    };
    provide_context(state);
    read_shared(state, parsed.shared_check.as_deref());
    let storage_note = RwSignal::new(note);

    // Persistence: one effect saves the whole record on any change.
    let save_failed = RwSignal::new(false);
    Effect::new(move |_| {
        let record = Record {
            loan: Some(state.form.get()),
            facts: state.facts.get(),
            check: state.check.get(),
            households: state.households.get(),
            ..Record::default()
        };
        if storage_ok {
            save_failed.set(!storage::save(&record));
        }
    });
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
    let _ = window_event_listener(ev::popstate, move |_| {
        let parsed = query::parse_query(&browser::search(), today);
        if let Some(f) = parsed.loan {
            state.form.set(f);
        }
        state.link_notes.set(parsed.ignored);
        state.policy_id.set(parsed.policy_id);
        read_shared(state, parsed.shared_check.as_deref());
        state.view.set(parsed.view);
    });

    view! {
        <div class="topbar">
            <span class="brand">"帮扶助手"</span>
            <Show when=move || state.view.get() != View::Home>
                <button class="secondary" on:click=move |_| state.go(View::Home)>
                    "回首页"
                </button>
            </Show>
        </div>
        <main>
            {move || {
                storage_note
                    .get()
                    .map(|n| match n {
                        StorageNote::Unavailable => {
                            view! {
                                <div class="banner warn" role="status" id="storage-banner">
                                    "这个浏览器不让保存数据：能正常使用，但关掉页面后填的内容不会保留。"
                                </div>
                            }
                                .into_any()
                        }
                        StorageNote::Recovered { backup, newer } => {
                            let why = match newer {
                                Some(v) => format!("手机上保存的内容来自更新版本（第{v}版）的帮扶助手，这个版本读不了。"),
                                None => "手机上保存的内容读不出来（可能损坏了）。".to_string(),
                            };
                            view! {
                                <div class="banner bad" role="alert" id="storage-banner">
                                    <p>{why}</p>
                                    <p>
                                        "原来的内容没有删除，已另存为“" <code>{backup}</code>
                                        "”。现在从头开始。"
                                    </p>
                                    <button class="secondary" on:click=move |_| storage_note.set(None)>
                                        "知道了"
                                    </button>
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
            <Show when=move || save_failed.get()>
                <div class="banner warn" role="status">
                    "保存失败（手机存储可能满了）。填的内容在关掉页面后可能不会保留。"
                </div>
            </Show>
            <Show when=move || !state.link_notes.get().is_empty()>
                <div class="banner warn" role="status" id="link-notes">
                    <p>"链接里有些内容用不了，已换成默认值："</p>
                    <ul>
                        {move || {
                            state.link_notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()
                        }}
                    </ul>
                </div>
            </Show>
            {move || match state.view.get() {
                View::Home => view! { <Home/> }.into_any(),
                View::Loan => view! { <LoanPage/> }.into_any(),
                View::Check => view! { <CheckPage/> }.into_any(),
                View::Households => view! { <HouseholdsPage/> }.into_any(),
                View::Policy => view! { <PolicyPage/> }.into_any(),
            }}
            <footer>
                <p>
                    "帮扶助手只在您的手机上计算和保存，不上传任何信息。结果仅供参考，以当地银行、乡镇和有关部门为准。"
                </p>
            </footer>
        </main>
    }
}
