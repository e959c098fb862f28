//! The localStorage side of [`crate::store`], through gloo-storage: read once
//! at start, back up what cannot be read, save on every change, and fall back
//! to memory when the browser refuses storage (private mode, some WebViews).

use crate::store::{self, Loaded, Record};
use gloo_storage::{LocalStorage, Storage};

/// What the banner at the top should say about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNote {
    /// No localStorage: the app works but forgets on reload.
    Unavailable,
    /// The stored record could not be used; it was copied to `backup`.
    Recovered { backup: String, newer: Option<u32> },
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
pub fn load() -> (Record, Option<String>, Option<StorageNote>) {
    let Some(s) = local() else {
        return (Record::default(), None, Some(StorageNote::Unavailable));
    };
    let Ok(raw) = s.get_item(store::KEY) else {
        return (Record::default(), None, Some(StorageNote::Unavailable));
    };
    let writable = writable(&s);
    let newer = match store::decode(raw.as_deref()) {
        Loaded::Empty if !writable => {
            return (Record::default(), None, Some(StorageNote::Unavailable))
        }
        Loaded::Empty => return (Record::default(), None, None),
        Loaded::Ok(r) => return (*r, raw, None),
        Loaded::Unreadable => None,
        Loaded::Newer(v) => Some(v),
    };
    let raw = raw.unwrap_or_default();
    let raw_store = LocalStorage::raw();
    let backup = store::backup_key(|k| raw_store.get_item(k).ok().flatten().is_some());
    if raw_store.set_item(&backup, &raw).is_err() {
        return (Record::default(), None, Some(StorageNote::Unavailable));
    }
    (
        Record::default(),
        None,
        Some(StorageNote::Recovered { backup, newer }),
    )
}

/// The record's text as stored now (another tab may have written it).
pub fn read_raw() -> Option<String> {
    LocalStorage::raw().get_item(store::KEY).ok().flatten()
}

/// Saves the record's text ([`store::encode`], the serde_json text that
/// gloo-storage writes); false when the browser refused (full or disabled).
pub fn save_raw(text: &str) -> bool {
    LocalStorage::raw().set_item(store::KEY, text).is_ok()
}
