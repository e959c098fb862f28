//! The localStorage side of [`crate::store`], through gloo-storage: read once
//! at start, back up what cannot be read, save on every change, and fall back
//! to memory when the browser refuses storage (private mode, some WebViews).
//!
//! The shell reads the record without its household list
//! ([`crate::store::lean`]): the list stays the text it was stored as, and
//! is written back as it is, until a screen that shows it reads it
//! (`ui::list`) and becomes its [`ListOwner`]. Until then another tab's list
//! is simply taken (this tab has not changed its own); after, it is merged.

use crate::store::lean::{self, ListText};
use crate::store::{self, Loaded, Record};
use gloo_storage::{LocalStorage, Storage};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

thread_local! {
    /// The record's text as this tab last read or wrote it. When storage
    /// holds other text, another tab wrote it, and the lists are merged
    /// instead of overwritten.
    static SYNCED: RefCell<Option<String>> = RefCell::default();
    /// The household list's texts, while no screen has read it.
    static LIST: RefCell<ListText> = RefCell::default();
    /// The screen code that read the list, once one has.
    static OWNER: RefCell<Option<Rc<dyn ListOwner>>> = RefCell::default();
    /// Saving stopped after the start (a damaged list that could not be
    /// copied aside): nothing is written any more.
    static OFF: Cell<bool> = const { Cell::new(false) };
}

/// The household list once a screen has read it (`ui::list`): its code is
/// in the files of the screens that show the list, not in the main module.
pub trait ListOwner {
    /// The list as it is now, as the texts to store.
    fn text(&self) -> ListText;
    /// Another tab stored `theirs`: merged into this tab's list. `None`
    /// when it cannot be read (this tab's list is then written over it);
    /// otherwise whether this tab's list changed.
    fn merge(&self, theirs: &ListText) -> Option<bool>;
    /// What storage now holds is this tab's list (`true`) or the one last
    /// given to [`ListOwner::merge`] (`false`): the base of the next merge.
    fn synced(&self, ours: bool);
}

/// The list's owner, from now on.
pub fn adopt(owner: Rc<dyn ListOwner>) {
    OWNER.set(Some(owner));
}

/// Whether a screen has read the list (it has an owner).
pub fn list_is_read() -> bool {
    OWNER.with_borrow(Option::is_some)
}

/// The list's texts as stored, for the screen that reads it.
pub fn list_text() -> ListText {
    LIST.with_borrow(Clone::clone)
}

/// Whether the unread list keeps any declaration (for the home screen's
/// 申报以后 card; removed ones count: the card's own code looks closer).
pub fn list_has_declarations() -> bool {
    LIST.with_borrow(|l| l.field("declared").is_some_and(|t| t != "[]"))
}

/// The stored record's text copied, as it is, to a free backup key (its
/// list was found damaged); the key, or `None` when the copy failed.
pub fn set_aside() -> Option<String> {
    let raw_store = LocalStorage::raw();
    let raw = raw_store.get_item(store::KEY).ok().flatten()?;
    let backup = store::backup_key(|k| raw_store.get_item(k).ok().flatten().is_some());
    raw_store.set_item(&backup, &raw).ok()?;
    Some(backup)
}

/// Nothing is saved from now on (the banner says so).
pub fn stop_saving() {
    OFF.set(true);
}

fn owner() -> Option<Rc<dyn ListOwner>> {
    OWNER.with_borrow(Clone::clone)
}

/// This tab's list as the texts to store.
fn our_list() -> ListText {
    match owner() {
        Some(owner) => owner.text(),
        None => list_text(),
    }
}

/// Another tab's list into this one: taken as it is while no screen has
/// read the list here, merged once one has. Whether this tab's changed.
fn take_theirs(theirs: &ListText) -> Option<bool> {
    match owner() {
        Some(owner) => owner.merge(theirs),
        None => Some(LIST.with_borrow_mut(|ours| {
            let changed = ours != theirs;
            ours.clone_from(theirs);
            changed
        })),
    }
}

/// How a save went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The browser refused (full or disabled); nothing was written.
    Refused,
    Written,
    /// Written, after another tab's household list was taken or merged in
    /// and this tab's list changed by it (the banner says so).
    Merged,
}

/// What the banner at the top should say about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNote {
    /// No localStorage: the app works but forgets on reload.
    Unavailable,
    /// The stored record could not be used; it was copied to `backup`.
    Recovered { backup: String, newer: Option<u32> },
    /// The household list could not be read when a screen first showed it;
    /// the record was copied to this backup key and the list starts empty
    /// (the rest of the record, read at start, is kept).
    ListRecovered(String),
    /// Another tab changed the household list; this one took it in.
    OtherTab,
}

/// The browser's localStorage, or `None` where it is missing or refused
/// (reading `window.localStorage` throws in some WebViews and private modes).
fn local() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Whether something can be written now. A phone whose storage is full
/// refuses even this probe; what is stored is still read then.
fn writable(s: &web_sys::Storage) -> bool {
    const PROBE: &str = "bangfu.probe";
    let ok = s.set_item(PROBE, "1").is_ok();
    let _ = s.remove_item(PROBE);
    ok
}

/// Loads the record (its household list as texts, kept here), with the
/// text it was read from (`None`: nothing stored). Never overwrites an
/// unreadable one: it is copied, as the text it is, to a free backup key
/// first, and if that copy fails the app runs in memory. Storage that can be
/// read but not written (full) still gives the saved record: the first save
/// then fails and the banner says why. Also says whether the list is empty.
pub fn load() -> (Record, bool, Option<StorageNote>) {
    let Some(s) = local() else {
        return (Record::default(), true, Some(StorageNote::Unavailable));
    };
    let Ok(raw) = s.get_item(store::KEY) else {
        return (Record::default(), true, Some(StorageNote::Unavailable));
    };
    let writable = writable(&s);
    let (loaded, list) = lean::decode(raw.as_deref());
    let newer = match loaded {
        Loaded::Empty if !writable => {
            return (Record::default(), true, Some(StorageNote::Unavailable))
        }
        Loaded::Empty => return (Record::default(), true, None),
        Loaded::Ok(r) => {
            let empty = list.is_empty();
            SYNCED.set(raw);
            LIST.set(list);
            return (*r, empty, None);
        }
        Loaded::Unreadable => None,
        Loaded::Newer(v) => Some(v),
    };
    let raw = raw.unwrap_or_default();
    let raw_store = LocalStorage::raw();
    let backup = store::backup_key(|k| raw_store.get_item(k).ok().flatten().is_some());
    if raw_store.set_item(&backup, &raw).is_err() {
        return (Record::default(), true, Some(StorageNote::Unavailable));
    }
    (
        Record::default(),
        true,
        Some(StorageNote::Recovered { backup, newer }),
    )
}

/// Saves `record` (its `households` is not read) with this tab's household
/// list; [`Saved::Refused`] when the browser refused (full or disabled). If
/// another tab saved since this one last read or wrote, its household list
/// is taken or merged in first (see [`take_theirs`]), and the answer says so
/// when that changed this tab's list (only then can it differ from what the
/// tab shows: a thousand households are not compared on every save).
pub fn save(record: &Record) -> Saved {
    if OFF.get() {
        return Saved::Written;
    }
    let raw_store = LocalStorage::raw();
    let now = raw_store.get_item(store::KEY).ok().flatten();
    let mut changed = false;
    if SYNCED.with_borrow(|raw| *raw != now) {
        if let (Loaded::Ok(_), theirs) = lean::decode(now.as_deref()) {
            changed = take_theirs(&theirs) == Some(true);
        }
    }
    let text = lean::encode(record, &our_list());
    if raw_store.set_item(store::KEY, &text).is_err() {
        return Saved::Refused;
    }
    SYNCED.set(Some(text));
    if let Some(owner) = owner() {
        owner.synced(true);
    }
    if changed {
        Saved::Merged
    } else {
        Saved::Written
    }
}

/// Another tab saved `text` (the `storage` event): its household list taken
/// or merged in (see [`take_theirs`]); true when this tab's list changed.
/// When the other tab saved without households this one has (it had not
/// seen them yet: two tabs saved within a moment), they are written back at
/// once into its record, the rest of which is kept as it wrote it, so
/// storage never goes without them while this tab waits for its next change.
pub fn other_tab_saved(text: Option<String>) -> bool {
    if SYNCED.with_borrow(|raw| *raw == text) {
        return false;
    }
    let (Loaded::Ok(theirs), their_list) = lean::decode(text.as_deref()) else {
        return false;
    };
    let Some(changed) = take_theirs(&their_list) else {
        return false;
    };
    SYNCED.set(text);
    if let Some(owner) = owner() {
        let ours = owner.text();
        let mut stored_is_ours = false;
        if !OFF.get() && !ours.same_households(&their_list) {
            let back = lean::encode(&theirs, &ours);
            if LocalStorage::raw().set_item(store::KEY, &back).is_ok() {
                SYNCED.set(Some(back));
                stored_is_ours = true;
            }
        }
        owner.synced(stored_is_ours);
    }
    changed
}
