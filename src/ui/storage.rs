//! The localStorage side of [`crate::store`]: read once at start, back up what
//! cannot be read, save on every change, and fall back to memory when the
//! browser refuses storage (private mode, some WebViews).

use crate::store::{self, Loaded, Record};

/// What the banner at the top should say about storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNote {
    /// No localStorage: the app works but forgets on reload.
    Unavailable,
    /// The stored record could not be used; it was copied to `backup`.
    Recovered { backup: String, newer: Option<u32> },
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn available() -> bool {
    let Some(s) = local_storage() else {
        return false;
    };
    const PROBE: &str = "bangfu.probe";
    let ok = s.set_item(PROBE, "1").is_ok();
    let _ = s.remove_item(PROBE);
    ok
}

/// Loads the record. Never overwrites an unreadable one: it is copied to a
/// free backup key first, and if that copy fails the app runs in memory.
pub fn load() -> (Record, Option<StorageNote>) {
    if !available() {
        return (Record::default(), Some(StorageNote::Unavailable));
    }
    let Some(raw_store) = local_storage() else {
        return (Record::default(), Some(StorageNote::Unavailable));
    };
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

/// Saves the record; false when the browser refused (full or disabled).
pub fn save(record: &Record) -> bool {
    local_storage().is_some_and(|s| s.set_item(store::KEY, &store::encode(record)).is_ok())
}
