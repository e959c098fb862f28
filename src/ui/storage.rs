//! The localStorage side of [`crate::store`], through gloo-storage: read once
//! at start, back up what cannot be read, save on every change, and fall back
//! to memory when the browser refuses storage (private mode, some WebViews).

use crate::check::households::{self, Household};
use crate::store::{self, Extra, Loaded, Record};
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;

thread_local! {
    /// The record's text as this tab last read or wrote it, and its household
    /// list. When storage holds other text, another tab wrote it, and the
    /// lists are merged (`households::merge`) instead of overwritten.
    static SYNCED: RefCell<(Option<String>, Vec<Household>)> = RefCell::default();
}

/// How a save went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The browser refused (full or disabled); nothing was written.
    Refused,
    Written,
    /// Written, with another tab's households and visits merged in first.
    Merged,
}

/// What the banner at the top should say about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNote {
    /// No localStorage: the app works but forgets on reload.
    Unavailable,
    /// The stored record could not be used; it was copied to `backup`.
    Recovered { backup: String, newer: Option<u32> },
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

/// Loads the record, with the text it was read from (`None`: nothing
/// stored). Never overwrites an unreadable one: it is copied, as the text it
/// is, to a free backup key first, and if that copy fails the app runs in
/// memory. Storage that can be read but not written (full) still gives the
/// saved record: the first save then fails and the banner says why.
pub fn load() -> (Record, Extra, Option<StorageNote>) {
    let none = Extra::default;
    let Some(s) = local() else {
        return (Record::default(), none(), Some(StorageNote::Unavailable));
    };
    let Ok(raw) = s.get_item(store::KEY) else {
        return (Record::default(), none(), Some(StorageNote::Unavailable));
    };
    let writable = writable(&s);
    let (loaded, extra) = store::decode_full(raw.as_deref());
    let newer = match loaded {
        Loaded::Empty if !writable => {
            return (Record::default(), none(), Some(StorageNote::Unavailable))
        }
        Loaded::Empty => return (Record::default(), none(), None),
        Loaded::Ok(r) => {
            SYNCED.set((raw, r.households.clone()));
            return (*r, extra, None);
        }
        Loaded::Unreadable => None,
        Loaded::Newer(v) => Some(v),
    };
    let raw = raw.unwrap_or_default();
    let raw_store = LocalStorage::raw();
    let backup = store::backup_key(|k| raw_store.get_item(k).ok().flatten().is_some());
    if raw_store.set_item(&backup, &raw).is_err() {
        return (Record::default(), none(), Some(StorageNote::Unavailable));
    }
    (
        Record::default(),
        none(),
        Some(StorageNote::Recovered { backup, newer }),
    )
}

/// Saves the record with its [`Extra`] (the text of [`store::encode_full`]:
/// exactly [`store::encode`]'s while `extra` is empty); [`Saved::Refused`] when the
/// browser refused (full or disabled). If another tab saved since this one
/// last read or wrote, its household list and visits are merged into
/// `record` and `extra` first, and the answer says so (only then can they
/// differ from what the tab shows: a thousand households are not compared
/// on every save).
pub fn save(record: &mut Record, extra: &mut Extra) -> Saved {
    let raw_store = LocalStorage::raw();
    SYNCED.with_borrow_mut(|(raw, base)| {
        let now = raw_store.get_item(store::KEY).ok().flatten();
        let mut took_theirs = false;
        if *raw != now {
            if let (Loaded::Ok(theirs), their_extra) = store::decode_full(now.as_deref()) {
                let mut merged = households::merge(
                    base,
                    &record.households,
                    &theirs.households,
                    &their_extra.deleted,
                );
                *extra = extra.merge_tabs(
                    &record.households,
                    &their_extra,
                    &theirs.households,
                    &mut merged,
                );
                record.households = merged;
                took_theirs = true;
            }
        }
        extra.forget_deleted_in(&record.households);
        let text = store::encode_full(record, extra);
        if raw_store.set_item(store::KEY, &text).is_err() {
            return Saved::Refused;
        }
        *raw = Some(text);
        base.clone_from(&record.households);
        if took_theirs {
            Saved::Merged
        } else {
            Saved::Written
        }
    })
}

/// Another tab saved `text` (the `storage` event): the household list
/// merged with `ours` and the visits with `ours_extra`, when that differs
/// from what this tab has. When the other tab saved without households this
/// one has (it had not seen them yet: two tabs saved within a moment), they
/// are written back at once into its record, the rest of which is kept as
/// it wrote it, so storage never goes without them while this tab waits for
/// its next change.
pub fn other_tab_saved(
    text: Option<String>,
    ours: &[Household],
    ours_extra: &Extra,
) -> Option<(Vec<Household>, Extra)> {
    SYNCED.with_borrow_mut(|(raw, base)| {
        if *raw == text {
            return None;
        }
        let (Loaded::Ok(mut theirs), their_extra) = store::decode_full(text.as_deref()) else {
            return None;
        };
        let mut merged = households::merge(base, ours, &theirs.households, &their_extra.deleted);
        let extra = ours_extra.merge_tabs(ours, &their_extra, &theirs.households, &mut merged);
        let mut stored = std::mem::take(&mut theirs.households);
        *raw = text;
        if merged != stored {
            theirs.households.clone_from(&merged);
            let back = store::encode_full(&theirs, &extra);
            if LocalStorage::raw().set_item(store::KEY, &back).is_ok() {
                *raw = Some(back);
                stored = theirs.households;
            }
        }
        *base = stored;
        (merged != ours || extra != *ours_extra).then_some((merged, extra))
    })
}
