//! Importing a colleague's backup merges by household and visit: a visit only
//! one phone has is never dropped, the preview counts before anything
//! changes, and only same-day differences ask.

use bangfu::check::households::{backup_json_with, read_backup_full, Household, Imported};
use bangfu::check::merge::{apply_merge, plan_merge};
use bangfu::check::visits::{self, History};
use bangfu::check::Answers;
use bangfu::date::Date;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn h(id: &str, label: &str, date: &str, income: &str) -> Household {
    Household {
        id: id.into(),
        label: label.into(),
        village: "梅河村".into(),
        date: date.into(),
        answers: answers(&[("income", income), ("members", "3")]),
    }
}

/// Through the backup file, as between two phones.
fn through_file(list: &[Household], history: &[History]) -> Imported {
    read_backup_full(&backup_json_with(list, history, day("2026-11-29"))).unwrap()
}

fn dates(h: &Household, history: &[History]) -> Vec<String> {
    visits::timeline(h, history)
        .into_iter()
        .map(|v| v.date)
        .collect()
}

#[test]
fn two_phones_visits_to_one_household_are_both_kept() {
    // Both phones have 王家's spring visit; each added a visit of its own.
    let spring = vec![h("1", "王家", "2026-05-01", "gt15000")];
    let (mut mine, mut my_visits) = (spring.clone(), Vec::new());
    let a = answers(&[("income", "8000_10000"), ("members", "3")]);
    visits::add_visit(
        &mut mine,
        &mut my_visits,
        "1",
        day("2026-08-01"),
        "我去的",
        a,
    );
    let (mut theirs, mut their_visits) = (spring.clone(), Vec::new());
    let a = answers(&[("income", "lt4000"), ("members", "3")]);
    visits::add_visit(
        &mut theirs,
        &mut their_visits,
        "1",
        day("2026-11-01"),
        "同事去的",
        a,
    );
    theirs.push(h("2", "李家", "2026-10-01", "lt4000"));

    let plan = plan_merge(&mine, &my_visits, through_file(&theirs, &their_visits));
    assert_eq!(plan.new.len(), 1);
    assert_eq!(plan.merged.len(), 1);
    assert_eq!(plan.unchanged, 0);
    assert!(plan.conflicts.is_empty());
    // 李家's one visit and 王家's 11-01 visit.
    assert_eq!(plan.visits_added, 2);
    // The preview changed nothing.
    assert_eq!(dates(&mine[0], &my_visits), ["2026-05-01", "2026-08-01"]);

    apply_merge(&mut mine, &mut my_visits, plan, false);
    assert_eq!(mine.len(), 2);
    assert_eq!(
        dates(&mine[0], &my_visits),
        ["2026-05-01", "2026-08-01", "2026-11-01"]
    );
    // The latest visit is the household now, with its note.
    assert_eq!(mine[0].date, "2026-11-01");
    assert_eq!(mine[0].answers.get("income"), Some("lt4000"));
    assert_eq!(visits::visits(&mine[0], &my_visits)[0].note, "同事去的");
    assert_eq!(visits::visits(&mine[0], &my_visits)[1].note, "我去的");

    // Importing the same file again: nothing new.
    let again = plan_merge(&mine, &my_visits, through_file(&theirs, &their_visits));
    assert_eq!((again.new.len(), again.merged.len()), (0, 0));
    assert_eq!(again.unchanged, 2);
    assert_eq!(again.visits_added, 0);
}

#[test]
fn an_older_file_of_the_same_household_adds_nothing() {
    let mut mine = vec![h("1", "王家", "2026-05-01", "gt15000")];
    let mut my_visits = Vec::new();
    let older = through_file(&mine, &my_visits);
    let a = answers(&[("income", "lt4000")]);
    visits::add_visit(&mut mine, &mut my_visits, "1", day("2026-08-01"), "", a);
    let plan = plan_merge(&mine, &my_visits, older);
    assert_eq!(plan.unchanged, 1);
    assert_eq!(plan.visits_added, 0);
}

#[test]
fn a_same_day_difference_asks_and_keeps_the_phones_unless_told() {
    let mine = vec![h("1", "王家", "2026-05-01", "gt15000")];
    let mut theirs = vec![h("1", "王家老宅", "2026-05-01", "lt4000")];
    let mut their_visits = Vec::new();
    let a = answers(&[("income", "lt4000")]);
    visits::add_visit(
        &mut theirs,
        &mut their_visits,
        "1",
        day("2026-06-01"),
        "",
        a,
    );
    let file = through_file(&theirs, &their_visits);

    let plan = plan_merge(&mine, &[], file.clone());
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.visits_added, 1);
    // Keep the phone's: its 05-01 visit and label stay, the 06-01 visit is added.
    let (mut kept, mut kept_visits) = (mine.clone(), Vec::new());
    apply_merge(&mut kept, &mut kept_visits, plan.clone(), false);
    assert_eq!(kept[0].label, "王家");
    assert_eq!(dates(&kept[0], &kept_visits), ["2026-05-01", "2026-06-01"]);
    let first = &visits::timeline(&kept[0], &kept_visits)[0];
    assert_eq!(first.answers.get("income"), Some("gt15000"));
    // Take the file's.
    let (mut took, mut took_visits) = (mine.clone(), Vec::new());
    apply_merge(&mut took, &mut took_visits, plan, true);
    assert_eq!(took[0].label, "王家老宅");
    let first = &visits::timeline(&took[0], &took_visits)[0];
    assert_eq!(first.answers.get("income"), Some("lt4000"));
    assert_eq!(dates(&took[0], &took_visits), ["2026-05-01", "2026-06-01"]);
}

#[test]
fn a_file_from_before_visits_merges_its_one_visit_per_household() {
    // The colleague's app knew nothing of visits: each household is one check.
    let mine = vec![h("1", "王家", "2026-05-01", "gt15000")];
    let file = read_backup_full(&bangfu::check::households::backup_json(
        &[h("1", "王家", "2026-09-09", "lt4000")],
        day("2026-11-29"),
    ))
    .unwrap();
    let plan = plan_merge(&mine, &[], file);
    assert_eq!(plan.merged.len(), 1);
    assert_eq!(plan.visits_added, 1);
    let (mut list, mut history) = (mine, Vec::new());
    apply_merge(&mut list, &mut history, plan, false);
    assert_eq!(dates(&list[0], &history), ["2026-05-01", "2026-09-09"]);
}
