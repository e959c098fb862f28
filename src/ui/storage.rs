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

/// Whether localStorage can be used at all. Checked with web-sys first:
/// gloo-storage throws where the browser refuses access to it.
fn available() -> bool {
    let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    const PROBE: &str = "bangfu.probe";
    let ok = s.set_item(PROBE, "1").is_ok();
    let _ = s.remove_item(PROBE);
    ok
}

/// Loads the record. Never overwrites an unreadable one: it is copied, as
/// the text it is, to a free backup key first, and if that copy fails the
/// app runs in memory.
pub fn load() -> (Record, Option<StorageNote>) {
    if !available() {
        return (Record::default(), Some(StorageNote::Unavailable));
    }
    let raw_store = LocalStorage::raw();
    let raw = raw_store.get_item(store::KEY).ok().flatten();
    let newer = match store::decode(raw.as_deref()) {
        Loaded::Empty => return (Record::default(), None),
        Loaded::Ok(r) => return (*r, None),
        Loaded::Unreadable => None,
        Loaded::Newer(v) => Some(v),
    };
    let raw = raw.unwrap_or_default();
    let backup = store::backup_key(|k| raw_store.get_item(k).ok().flatten().is_some());
    if raw_store.set_item(&backup, &raw).is_err() {
        return (Record::default(), Some(StorageNote::Unavailable));
    }
    (
        Record::default(),
        Some(StorageNote::Recovered { backup, newer }),
    )
}

/// Saves the record (serde_json, the same text as [`store::encode`]); false
/// when the browser refused (full or disabled).
pub fn save(record: &Record) -> bool {
    LocalStorage::set(store::KEY, record).is_ok()
}
