//! Importing a colleague's backup, merged by household and by visit: two
//! cadres who visited the same household on different days both keep both
//! visits, and a visit that only one phone has is never dropped. Only what
//! both phones have and tell differently (a visit on the same day with other
//! answers or another note, or a household's label or village) is a
//! conflict, and there the phone's version stays unless the user chooses the
//! file's. As with the household import before visits, [`plan_merge`] says
//! what would happen and changes nothing; [`apply_merge`] does it.

use super::households::{Household, Imported};
use super::visits::{self, History, Visit};
use std::collections::HashMap;

/// What importing a backup would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergePlan {
    /// Not on the phone: added, with all their visits.
    pub new: Vec<Household>,
    /// Already on the phone with everything the file has: nothing to do.
    pub unchanged: usize,
    /// On the phone; the file only adds visits. Merged without asking.
    pub merged: Vec<Household>,
    /// On the phone, and a visit on the same day, the label or the village
    /// differs (the file's version here). Visits only the file has are added
    /// either way; what differs changes only with `overwrite`.
    pub conflicts: Vec<Household>,
    /// Visits the import adds: every visit of a new household, and the
    /// visits the phone does not have of the others.
    pub visits_added: usize,
    /// The file's histories (earlier visits and notes), for applying.
    pub visits: Vec<History>,
}

/// How one household of the file compares with the phone's.
struct Compared {
    added: usize,
    differing: usize,
}

fn compare(ours: &[Visit], theirs: &[Visit]) -> Compared {
    let mut c = Compared {
        added: 0,
        differing: 0,
    };
    for t in theirs {
        match ours.iter().find(|o| o.date == t.date) {
            None => c.added += 1,
            Some(o) if o != t => c.differing += 1,
            Some(_) => {}
        }
    }
    c
}

/// Compares the file with the phone's list (`existing`, histories
/// `existing_visits`); changes nothing.
pub fn plan_merge(
    existing: &[Household],
    existing_visits: &[History],
    incoming: Imported,
) -> MergePlan {
    let mut plan = MergePlan::default();
    // Indexed by id: a village's backup holds a thousand households.
    let ours: HashMap<&str, &Household> = existing.iter().map(|e| (e.id.as_str(), e)).collect();
    let theirs_kept = visits::index(&incoming.visits);
    let ours_kept = visits::index(existing_visits);
    for t in incoming.households {
        let theirs = visits::timeline_with(&t, theirs_kept.get(t.id.as_str()).copied());
        let Some(e) = ours.get(t.id.as_str()).copied() else {
            plan.visits_added += theirs.len();
            plan.new.push(t);
            continue;
        };
        let c = compare(
            &visits::timeline_with(e, ours_kept.get(e.id.as_str()).copied()),
            &theirs,
        );
        plan.visits_added += c.added;
        let renamed = e.label != t.label || e.village != t.village;
        if renamed || c.differing > 0 {
            plan.conflicts.push(t);
        } else if c.added > 0 {
            plan.merged.push(t);
        } else {
            plan.unchanged += 1;
        }
    }
    plan.visits = incoming.visits;
    plan
}

/// Applies a plan to the list and its histories. Never drops a visit: the
/// file's visits on days the phone has none are added to every household;
/// for the conflicts, `overwrite` takes the file's version of a same-day
/// visit and its label and village, otherwise the phone's stay.
pub fn apply_merge(
    existing: &mut Vec<Household>,
    existing_visits: &mut Vec<History>,
    plan: MergePlan,
    overwrite: bool,
) {
    let MergePlan {
        new,
        merged,
        conflicts,
        visits: theirs_visits,
        ..
    } = plan;
    let both = merged
        .into_iter()
        .map(|t| (t, false))
        .chain(conflicts.into_iter().map(|t| (t, overwrite)));
    let theirs_kept = visits::index(&theirs_visits);
    let mut at: HashMap<String, usize> = existing
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    for (t, take_theirs) in both {
        let Some(&i) = at.get(&t.id) else {
            continue;
        };
        let e = &mut existing[i];
        let mut all = visits::timeline(e, existing_visits);
        for v in visits::timeline_with(&t, theirs_kept.get(t.id.as_str()).copied()) {
            match all.iter_mut().find(|o| o.date == v.date) {
                None => all.push(v),
                Some(o) if take_theirs => *o = v,
                Some(_) => {}
            }
        }
        if take_theirs {
            e.label = t.label;
            e.village = t.village;
        }
        visits::set_timeline(e, existing_visits, all);
    }
    // New households: a history of their own id on the phone can only be
    // left over (it is pruned with its household), and is replaced.
    let mut kept_here: HashMap<String, usize> = existing_visits
        .iter()
        .enumerate()
        .map(|(i, k)| (k.id.clone(), i))
        .collect();
    for t in new {
        if at.contains_key(&t.id) {
            continue;
        }
        if let Some(k) = theirs_kept.get(t.id.as_str()) {
            match kept_here.get(&t.id) {
                Some(&j) => existing_visits[j] = (*k).clone(),
                None => {
                    kept_here.insert(t.id.clone(), existing_visits.len());
                    existing_visits.push((*k).clone());
                }
            }
        }
        at.insert(t.id.clone(), existing.len());
        existing.push(t);
    }
}
