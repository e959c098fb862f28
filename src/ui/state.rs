//! The state every screen shares (signals, provided by context from the app
//! shell), and saving it. The shell (`ui::app`) and the screens import this;
//! the screens never import the shell.

use super::browser;
use super::storage::{self, Saved, StorageNote};
use crate::check::answers::from_link_value;
use crate::check::households::Household;
use crate::check::village::Group;
use crate::check::Answers;
use crate::date::Date;
use crate::eligibility::Facts;
use crate::form::LoanForm;
use crate::local::{LocalFigures, LocalForm};
use crate::products;
use crate::query::{self, loan_query, View};
use crate::store::{CheckState, Extra, Record};
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
    /// The 申报准备单 open (`?v=check&sheet=`): a programme id or `all`.
    pub sheet: RwSignal<Option<String>>,
    /// The cadre's household list: empty until a screen that shows it
    /// reads it from the record (`ui::list::read`, from the split points of
    /// those screens); the shell only carries its text.
    pub households: RwSignal<Vec<Household>>,
    /// What the record keeps beside the list: earlier visits and notes,
    /// the last backup and what changed since, declarations, measures (read
    /// with the list).
    pub extra: RwSignal<Extra>,
    /// A count of the village summary the list was opened from: the list
    /// then shows exactly its households (`None`: no such filter).
    pub list_group: RwSignal<Option<ListGroup>>,
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
    /// Counts the times a screen that reads its own link when it starts
    /// (本地数字) must start again: after accepting, and on back or forward
    /// onto it. Part of the screen's key, so the screen is rebuilt.
    pub reopened: RwSignal<u32>,
    /// False when the browser refuses storage: nothing is saved, and the banner says so.
    storage_ok: bool,
    /// Nothing was stored and the link set nothing to keep (no estimate, no
    /// 大字): the save at start would only write defaults. It is skipped,
    /// because another tab may have just saved a household this tab has not
    /// seen yet (tabs see each other's writes a moment late), and writing
    /// defaults over it would read, in that tab, as deleting it.
    pristine: bool,
}

/// The app's state, from context: call it in a component's body (not in an
/// event handler, which runs outside the component's owner) and move the
/// copy into closures.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// One count of the village summary: its village (`None`: every village)
/// and its group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListGroup {
    pub village: Option<String>,
    pub group: Group,
}

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
        browser::push_query(&q);
        self.link_notes.set(Vec::new());
        self.shared.set(None);
        self.sheet.set(None);
        self.view.set(view);
        browser::scroll_to_top();
    }

    /// The accepted 本地数字, checked (tracked).
    pub fn local_figures(&self) -> Option<LocalFigures> {
        self.local
            .with(|l| l.as_ref().map(LocalFigures::from_stored))
    }

    /// The accepted 本地数字, checked (not tracked: for handlers and views
    /// built once).
    pub fn local_figures_untracked(&self) -> Option<LocalFigures> {
        self.local
            .with_untracked(|l| l.as_ref().map(LocalFigures::from_stored))
    }

    /// Saves, then opens `query` as a new history entry, starting its screen
    /// again (a screen that reads its link when it starts): what a page load
    /// did when the screens were separate programs, without one.
    pub fn save_and_load(&self, query: &str) {
        self.save();
        browser::push_query(query);
        self.follow_address();
        browser::scroll_to_top();
    }

    /// Shows what the address bar says: after back or forward, or a new
    /// history entry made by [`AppState::save_and_load`].
    pub fn follow_address(&self) {
        let parsed = query::parse_query(&browser::search(), self.today);
        if let Some(f) = parsed.loan {
            self.form.set(f);
        }
        self.link_notes.set(parsed.ignored);
        self.policy_id.set(parsed.policy_id);
        self.qr_for.set(parsed.qr_for);
        self.sheet.set(parsed.sheet);
        read_shared(*self, parsed.shared_check.as_deref());
        if parsed.view == View::Local {
            self.reopened.update(|n| *n += 1);
        }
        self.view.set(parsed.view);
    }

    /// Writes the whole record to storage now; false when that failed (the
    /// state stays in memory). If another tab saved since this one last read
    /// or wrote, its household list is merged in first (`storage::save`), so
    /// neither tab's households are dropped.
    pub(super) fn save(&self) -> bool {
        let record = self.record();
        self.write(record)
    }

    /// The save as the app's one saving effect calls it: the first time,
    /// only what it reads is tracked when the state is [`AppState::pristine`].
    pub(super) fn save_on_change(&self, first: bool) -> bool {
        let record = self.record();
        if first && self.pristine {
            return true;
        }
        self.write(record)
    }

    /// What is saved, read from the signals (so an effect calling it tracks
    /// them all). The household list is not in it: `storage::save` takes it
    /// from the list's owner, or as the text it was read as.
    fn record(&self) -> Record {
        self.households.track();
        self.extra.track();
        Record {
            loan: Some(self.form.get()),
            facts: self.facts.get(),
            check: self.check.get(),
            local: self.local.get().map(LocalForm),
            big: self.big.get(),
            ..Record::default()
        }
    }

    fn write(&self, record: Record) -> bool {
        if !self.storage_ok {
            return true;
        }
        match storage::save(&record) {
            Saved::Refused => return false,
            Saved::Merged => self.took_other_tab(),
            Saved::Written => {}
        }
        true
    }

    /// Says the household list now holds another tab's changes (the list's
    /// owner has shown them), unless the banner already says something more
    /// important.
    pub(super) fn took_other_tab(&self) {
        if self.storage_note.with_untracked(Option::is_none) {
            self.storage_note.set(Some(StorageNote::OtherTab));
        }
    }

    /// Open the 申报准备单 of a programme (or `all`), from the own answers.
    pub fn open_sheet(&self, which: &str) {
        browser::push_query(&format!("?v=check&sheet={}", query::percent_encode(which)));
        self.link_notes.set(Vec::new());
        self.shared.set(None);
        self.sheet.set(Some(which.to_string()));
        self.view.set(View::Check);
        browser::scroll_to_top();
    }

    /// Open the policy explainer at an entry (or the library for `None`).
    pub fn open_policy(&self, id: Option<&str>) {
        self.policy_id.set(id.map(str::to_string));
        self.go(View::Policy);
    }

    /// Show the QR code of a link of this app: `link` is the address as the
    /// share card shows it; only its query string (or a policy page's path,
    /// `policy/<id>.html`) is kept, so the code is always of this site.
    pub fn open_qr(&self, link: &str) {
        // A policy entry's link is its page, named by its path.
        let target = match link.split_once('?') {
            Some((_, q)) => Some(q.to_string()),
            None => link.rfind("policy/").map(|i| link[i..].to_string()),
        };
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

/// Reads what is stored and what the link says and sets up the state.
pub fn init() -> AppState {
    let today = browser::today();
    let parsed = query::parse_query(&browser::search(), today);
    let (record, list_empty, note) = storage::load();
    let storage_ok = !matches!(note, Some(StorageNote::Unavailable));
    let pristine = note.is_none()
        && record == Record::default()
        && list_empty
        && parsed.loan.is_none()
        && !parsed.big;
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
        sheet: RwSignal::new(parsed.sheet.clone()),
        households: RwSignal::new(Vec::new()),
        extra: RwSignal::new(Extra::default()),
        list_group: RwSignal::new(None),
        local: RwSignal::new(local),
        // A link with big=1 turns it on, and it stays on.
        big: RwSignal::new(record.big || parsed.big),
        qr_for: RwSignal::new(parsed.qr_for.clone()),
        pack: RwSignal::new(PackState::NotYet),
        storage_note: RwSignal::new(note),
        today,
        reopened: RwSignal::new(0),
        storage_ok,
        pristine,
    };
    read_shared(state, parsed.shared_check.as_deref());
    state
}
