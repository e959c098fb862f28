//! Records a cadre changes on more than one phone or tab, one per household
//! and key (我已申报: per programme; 一户一策: per measure), merged the same
//! way everywhere (two tabs, an imported backup, an undone delete): the
//! later change wins by its stamp, on a tie a removal, and a record only one
//! copy has is never dropped. A removal is kept as a stamped record, so an
//! older copy cannot bring it back.

use std::collections::HashMap;

/// A record with a household, a key within it, a change stamp and a
/// removed flag.
pub trait Stamped: Clone + PartialEq {
    /// The household's id.
    fn household(&self) -> &str;
    /// What the record is about within the household.
    fn key(&self) -> &str;
    /// When it was last changed (milliseconds since 1970).
    fn stamp(&self) -> u64;
    fn removed(&self) -> bool;

    fn same(&self, other: &Self) -> bool {
        self.household() == other.household() && self.key() == other.key()
    }
}

/// Where each household and key first is in `list`: a village's backup
/// brings thousands of records, and finding each by a search of the whole
/// list made an import of 3,000 measures take seconds.
pub fn keys<T: Stamped>(list: &[T]) -> HashMap<(&str, &str), usize> {
    let mut out = HashMap::with_capacity(list.len());
    for (i, r) in list.iter().enumerate() {
        out.entry((r.household(), r.key())).or_insert(i);
    }
    out
}

/// Whether `t` replaces `o`: a later change, or on a tie a removal.
fn wins<T: Stamped>(t: &T, o: &T) -> bool {
    t.stamp() > o.stamp() || (t.stamp() == o.stamp() && t.removed() && !o.removed())
}

/// Both copies together: per household and key, the later change (higher
/// stamp; on a tie a removal, else `ours`).
pub fn merge<T: Stamped>(ours: &[T], theirs: &[T]) -> Vec<T> {
    merged(ours, theirs).0
}

/// [`merge`], with the households of the records of `theirs` that change
/// `ours` (nothing for their household and key in `ours`, or an older record
/// that differs), in one pass over one index.
fn merged<T: Stamped>(ours: &[T], theirs: &[T]) -> (Vec<T>, Vec<String>) {
    let mut out: Vec<T> = ours.to_vec();
    let mut changed: Vec<String> = Vec::new();
    let mut at = keys(ours);
    for t in theirs {
        let key = (t.household(), t.key());
        let found = at.get(&key).copied();
        // Against the phone's own record, as it was before this merge.
        if changes(found.and_then(|i| ours.get(i)), t) {
            changed.push(t.household().to_string());
        }
        match found {
            Some(i) if wins(t, &out[i]) => out[i] = t.clone(),
            Some(_) => {}
            None => {
                at.insert(key, out.len());
                out.push(t.clone());
            }
        }
    }
    (out, changed)
}

/// Whether `t` changes `ours`, whose record for its household and key is
/// `o`: there is none, or it is older and differs.
fn changes<T: Stamped>(o: Option<&T>, t: &T) -> bool {
    o.is_none_or(|o| t.stamp() > o.stamp() && o != t)
}

/// How many of `theirs` would change `ours`, without merging them.
pub fn count_newer<T: Stamped>(ours: &[T], theirs: &[T]) -> usize {
    let at = keys(ours);
    theirs
        .iter()
        .filter(|t| changes(at.get(&(t.household(), t.key())).map(|&i| &ours[i]), t))
        .count()
}

/// The stamp for a change made `now` to the record of `household` and
/// `key`: later than the one it replaces even when the clock is not (two
/// changes in one millisecond, a clock set back).
pub fn next_stamp<T: Stamped>(list: &[T], household: &str, key: &str, now: u64) -> u64 {
    list.iter()
        .find(|d| d.household() == household && d.key() == key)
        .map_or(now, |d| now.max(d.stamp() + 1))
}

/// Adds `theirs` to `ours` ([`merge`]); returns the households whose
/// records changed.
pub fn merge_into<T: Stamped>(ours: &mut Vec<T>, theirs: &[T]) -> Vec<String> {
    let (out, mut changed) = merged(ours, theirs);
    changed.dedup();
    *ours = out;
    changed
}

/// The live (not removed) records of each household, found once: a
/// village's thousand households each look theirs up here instead of
/// searching the whole list.
pub fn by_household<T: Stamped>(list: &[T]) -> HashMap<&str, Vec<&T>> {
    let mut out: HashMap<&str, Vec<&T>> = HashMap::new();
    for r in list.iter().filter(|r| !r.removed()) {
        out.entry(r.household()).or_default().push(r);
    }
    out
}
