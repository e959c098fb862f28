//! Importing a colleague's backup, merged by household and by visit: two
//! cadres who visited the same household on different days both keep both
//! visits, and a visit that only one phone has is never dropped. Only what
//! both phones have and tell differently (a visit on the same day with other
//! answers or another note, or a household's label or village) is a
//! conflict, and there the phone's version stays unless the user chooses the
//! file's. As with the household import before visits, [`plan_merge`] says
//! what would happen and changes nothing; [`apply_merge`] does it.

use super::declare::Declared;
use super::households::{self, Household, Imported};
use super::measures::Measure;
use super::stamped;
use super::visits::{self, History, Visit};

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
    /// Declarations (我已申报) the phone does not have, or has from before
    /// the file's change: added or updated by [`merge_declared`].
    pub declared_added: usize,
    /// The file's declarations, for applying.
    pub declared: Vec<Declared>,
    /// Measures (一户一策) the phone does not have, or has from before the
    /// file's change: added or updated by [`merge_measures`].
    pub measures_added: usize,
    /// The file's measures, for applying.
    pub measures: Vec<Measure>,
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
    plan_merge_with(existing, existing_visits, &[], incoming)
}

/// [`plan_merge`], counting the declarations the file adds to the phone's
/// (`existing_declared`).
pub fn plan_merge_with(
    existing: &[Household],
    existing_visits: &[History],
    existing_declared: &[Declared],
    incoming: Imported,
) -> MergePlan {
    plan_merge_all(existing, existing_visits, existing_declared, &[], incoming)
}

/// [`plan_merge_with`], counting the measures the file adds to the
/// phone's (`existing_measures`) too.
pub fn plan_merge_all(
    existing: &[Household],
    existing_visits: &[History],
    existing_declared: &[Declared],
    existing_measures: &[Measure],
    incoming: Imported,
) -> MergePlan {
    let mut plan = MergePlan::default();
    // Indexed by id: a village's backup holds a thousand households.
    let ours = households::index(existing.iter().map(|e| e.id.as_str()));
    let theirs_kept = visits::index(&incoming.visits);
    let ours_kept = visits::index(existing_visits);
    for t in incoming.households {
        let kept = visits::found(&incoming.visits, &theirs_kept, &t.id);
        let Some(e) = ours.get(t.id.as_str()).and_then(|&i| existing.get(i)) else {
            // Counted, not copied: a new village brings thousands of visits.
            plan.visits_added += 1 + kept.map_or(0, |k| k.earlier.len());
            plan.new.push(t);
            continue;
        };
        let theirs = visits::timeline_with(&t, kept);
        let c = compare(
            &visits::timeline_with(e, visits::found(existing_visits, &ours_kept, &e.id)),
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
    plan.declared_added = stamped::count_newer(existing_declared, &incoming.declared);
    plan.declared = incoming.declared;
    plan.measures_added = stamped::count_newer(existing_measures, &incoming.measures);
    plan.measures = incoming.measures;
    plan
}

/// Adds the file's measures to the phone's, like declarations: per
/// household and measure the later change wins, none only one phone has is
/// dropped. Returns the households whose measures changed.
pub fn merge_measures(ours: &mut Vec<Measure>, theirs: &[Measure]) -> Vec<String> {
    stamped::merge_into(ours, theirs)
}

/// Adds the file's declarations to the phone's: per household and
/// programme the later change wins (`stamped::merge`), so a declaration
/// only one phone has is never dropped. Returns the households whose
/// declarations changed.
pub fn merge_declared(ours: &mut Vec<Declared>, theirs: &[Declared]) -> Vec<String> {
    stamped::merge_into(ours, theirs)
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
    let theirs_kept = visits::index(&theirs_visits);
    let both: Vec<(Household, bool)> = merged
        .into_iter()
        .map(|t| (t, false))
        .chain(conflicts.into_iter().map(|t| (t, overwrite)))
        .collect();
    // Where each household of the plan is on the phone (and a new one's
    // left-over history, replaced: histories are pruned with their
    // household), found before anything changes.
    let (at, add_new, new_kept_at) = {
        let here = households::index(existing.iter().map(|e| e.id.as_str()));
        let kept_here = visits::index(existing_visits);
        let first = households::index(new.iter().map(|t| t.id.as_str()));
        let at: Vec<Option<usize>> = both
            .iter()
            .map(|(t, _)| here.get(t.id.as_str()).copied())
            .collect();
        // A new household is added unless the phone has it, or it came
        // twice in the file (the first counts).
        let add_new: Vec<bool> = new
            .iter()
            .enumerate()
            .map(|(j, t)| !here.contains_key(t.id.as_str()) && first.get(t.id.as_str()) == Some(&j))
            .collect();
        let new_kept_at: Vec<Option<usize>> = new
            .iter()
            .map(|t| kept_here.get(t.id.as_str()).copied())
            .collect();
        (at, add_new, new_kept_at)
    };
    for ((t, take_theirs), i) in both.into_iter().zip(at) {
        let Some(e) = i.and_then(|i| existing.get_mut(i)) else {
            continue;
        };
        let mut all = visits::timeline(e, existing_visits);
        for v in visits::timeline_with(&t, visits::found(&theirs_visits, &theirs_kept, &t.id)) {
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
    for ((t, add), kept_at) in new.into_iter().zip(add_new).zip(new_kept_at) {
        if !add {
            continue;
        }
        if let Some(k) = visits::found(&theirs_visits, &theirs_kept, &t.id) {
            match kept_at {
                Some(j) => existing_visits[j] = k.clone(),
                None => existing_visits.push(k.clone()),
            }
        }
        existing.push(t);
    }
}
