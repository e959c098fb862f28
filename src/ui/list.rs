//! The household list read from the record when a screen that shows it
//! first opens (called by those screens' split points, `ui::screens`), and
//! from then on written and merged with other tabs' lists here. Its code
//! (the list's types, readers, writers and merges) is therefore in those
//! screens' files, not in the main module every link downloads; the shell
//! carries the list as text until then (`ui::storage`).

use super::state::AppState;
use super::storage::{self, ListOwner, StorageNote};
use crate::check::households::{self, Household};
use crate::store::lean::{self, ListText};
use crate::store::Extra;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// Reads the list into the state, once. A list that cannot be read is set
/// aside with the record it is in (copied, as stored, to a backup key) and
/// the list starts empty; the banner says where the copy is. If it cannot be
/// copied, nothing is saved any more, so it is never overwritten.
pub fn read(state: AppState) {
    if storage::list_is_read() {
        return;
    }
    let (list, extra) = match lean::decode_list(&storage::list_text()) {
        Some(read) => read,
        None => {
            let note = match storage::set_aside() {
                Some(backup) => StorageNote::ListRecovered(backup),
                None => {
                    storage::stop_saving();
                    StorageNote::Unavailable
                }
            };
            state.storage_note.set(Some(note));
            (Vec::new(), Extra::default())
        }
    };
    let owner = Owner {
        state,
        base: RefCell::new(list.clone()),
        theirs: RefCell::default(),
    };
    // Nothing on screen shows the list yet (the screen is built after
    // this), and what was read is what is stored: set without telling the
    // save effect, which would write it back (and on a first visit write a
    // record where none was, over another tab's).
    state.households.update_untracked(|l| *l = list);
    state.extra.update_untracked(|e| *e = extra);
    storage::adopt(Rc::new(owner));
}

/// The list's side of saving: the state's signals are the list.
struct Owner {
    state: AppState,
    /// The household list as storage last held it, for `households::merge`
    /// to tell a household another tab deleted from one it has not seen.
    base: RefCell<Vec<Household>>,
    /// The other tab's list as last merged.
    theirs: RefCell<Vec<Household>>,
}

impl ListOwner for Owner {
    fn text(&self) -> ListText {
        let mut extra = self.state.extra.get_untracked();
        self.state.households.with_untracked(|list| {
            extra.forget_deleted_in(list);
            lean::encode_list(list, &extra)
        })
    }

    fn merge(&self, theirs: &ListText) -> Option<bool> {
        let (their_list, their_extra) = lean::decode_list(theirs)?;
        let ours = self.state.households.get_untracked();
        let ours_extra = self.state.extra.get_untracked();
        let mut merged = households::merge(
            &self.base.borrow(),
            &ours,
            &their_list,
            &their_extra.deleted,
        );
        let extra = ours_extra.merge_tabs(&ours, &their_extra, &their_list, &mut merged);
        let changed = merged != ours || extra != ours_extra;
        if extra != ours_extra {
            self.state.extra.set(extra);
        }
        if merged != ours {
            self.state.households.set(merged);
        }
        *self.theirs.borrow_mut() = their_list;
        Some(changed)
    }

    fn synced(&self, ours: bool) {
        let now = if ours {
            self.state.households.get_untracked()
        } else {
            self.theirs.take()
        };
        *self.base.borrow_mut() = now;
    }
}
