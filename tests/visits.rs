//! Visits over time: a new visit starts from the last answers and is kept as
//! a new dated check; the record and the backup carry the history, and
//! today's records and backups read and write back unchanged.

use bangfu::check::households::{
    backup_json, backup_json_with, read_backup, read_backup_full, visits_csv, Household,
};
use bangfu::check::visits::{self, History, Visit};
use bangfu::check::{Answers, Risk};
use bangfu::date::Date;
use bangfu::store::{decode, decode_full, encode, encode_full, Extra, Loaded, Record};

const RECORD_V2: &str = include_str!("fixtures/record-v2.json");
const BACKUP: &str = include_str!("fixtures/backup.json");

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn wang() -> Household {
    Household {
        id: "h1".into(),
        label: "3组 王家".into(),
        village: "梅河村".into(),
        date: "2026-05-02".into(),
        answers: answers(&[
            ("members", "4"),
            ("income", "10000_15000"),
            ("food", "yes"),
            ("house", "safe"),
        ]),
    }
}

/// Three visits to 王家: income falls at the second, the house is found
/// unsafe at the third.
fn visited() -> (Vec<Household>, Vec<History>) {
    let mut list = vec![wang()];
    let mut history = Vec::new();
    let mut a = list[0].answers.clone();
    a.set("income", "8000_10000".into());
    assert!(visits::add_visit(
        &mut list,
        &mut history,
        "h1",
        day("2026-08-10"),
        " 打工的儿子回家了，收入少了 ",
        a.clone()
    ));
    a.set("house", "problem".into());
    a.set("income", "lt4000".into());
    assert!(visits::add_visit(
        &mut list,
        &mut history,
        "h1",
        day("2026-11-20"),
        "墙裂了，已报乡镇",
        a
    ));
    (list, history)
}

#[test]
fn a_new_visit_keeps_the_earlier_ones_and_the_household_is_the_latest() {
    let (list, history) = visited();
    let h = &list[0];
    assert_eq!(h.date, "2026-11-20");
    assert_eq!(h.answers.get("house"), Some("problem"));
    let v = visits::visits(h, &history);
    let dates: Vec<&str> = v.iter().map(|v| v.date.as_str()).collect();
    assert_eq!(dates, ["2026-11-20", "2026-08-10", "2026-05-02"]);
    assert_eq!(v[0].note, "墙裂了，已报乡镇");
    assert_eq!(v[1].note, "打工的儿子回家了，收入少了");
    assert_eq!(v[2].answers, wang().answers);
    // A second save the same day corrects that visit instead of adding one.
    let (mut list, mut history) = (list.clone(), history.clone());
    let mut a = list[0].answers.clone();
    a.set("members", "5".into());
    visits::add_visit(&mut list, &mut history, "h1", day("2026-11-20"), "", a);
    assert_eq!(visits::visits(&list[0], &history).len(), 3);
    assert_eq!(list[0].answers.get("members"), Some("5"));
    // No such household: nothing changes.
    assert!(!visits::add_visit(
        &mut list,
        &mut history,
        "nobody",
        day("2026-11-21"),
        "",
        Answers::default()
    ));
}

#[test]
fn the_last_two_visits_are_compared_in_plain_words() {
    let mut list = vec![wang()];
    let mut history = Vec::new();
    assert_eq!(visits::last_change(&list[0], &history, None), None);
    let mut a = list[0].answers.clone();
    a.set("income", "lt4000".into());
    visits::add_visit(&mut list, &mut history, "h1", day("2026-08-10"), "", a);
    let c = visits::last_change(&list[0], &history, None).unwrap();
    assert_eq!(c.risk, (Risk::Medium, Risk::High));
    assert!(c.risk_rose());
    assert_eq!(c.answers, ["人均年收入从 1万–1.5万元 降到 不到 4000 元"]);
    assert_eq!(
        c.headline(),
        "风险升高：人均年收入从 1万–1.5万元 降到 不到 4000 元"
    );
    assert!(
        c.findings.iter().any(|f| f.starts_with("新出现：")),
        "{:?}",
        c.findings
    );
    // And back: the risk falls.
    let a = wang().answers;
    visits::add_visit(&mut list, &mut history, "h1", day("2026-11-20"), "", a);
    let c = visits::last_change(&list[0], &history, None).unwrap();
    assert!(c.risk_fell());
    assert!(c
        .headline()
        .starts_with("风险降低：人均年收入从 不到 4000 元 升到"));
    // Nothing changed.
    let a = list[0].answers.clone();
    visits::add_visit(&mut list, &mut history, "h1", day("2026-12-01"), "", a);
    let c = visits::last_change(&list[0], &history, None).unwrap();
    assert_eq!(c.headline(), "和上次一样，没有变化");
}

#[test]
fn todays_record_and_backup_are_the_same_text_with_nothing_beside_them() {
    let (loaded, extra) = decode_full(Some(RECORD_V2));
    let Loaded::Ok(r) = loaded else { panic!() };
    assert_eq!(extra, Extra::default());
    assert_eq!(encode_full(&r, &extra), RECORD_V2);
    assert_eq!(encode_full(&r, &extra), encode(&r));
    let (list, notes) = read_backup(BACKUP).unwrap();
    assert!(notes.is_empty());
    let full = read_backup_full(BACKUP).unwrap();
    assert_eq!(full.households, list);
    assert!(full.visits.is_empty());
    let today = Date::new(2026, 11, 29).unwrap();
    assert_eq!(backup_json_with(&list, &[], today), BACKUP);
    assert_eq!(backup_json(&list, today), BACKUP);
}

#[test]
fn the_record_carries_the_history_compactly_and_reads_it_back() {
    let (list, history) = visited();
    let record = Record {
        households: list,
        ..Record::default()
    };
    let mut extra = Extra {
        visits: history,
        ..Extra::default()
    };
    extra.backup_made(day("2026-11-01"));
    extra.mark_changed("h1");
    extra.mark_changed("h1");
    let text = encode_full(&record, &extra);
    // Earlier visits: the oldest whole, then only what changed.
    assert!(
        text.contains(
            r#""visits":[{"id":"h1","note":"墙裂了，已报乡镇","earlier":[{"date":"2026-05-02","answers":{"food":"yes","house":"safe","income":"10000_15000","members":"4"}},{"date":"2026-08-10","note":"打工的儿子回家了，收入少了","changes":{"income":"8000_10000"}}]}],"backed_up":"2026-11-01","changed_since_backup":["h1"]}"#
        ),
        "{text}"
    );
    assert_eq!(
        decode_full(Some(&text)),
        (Loaded::Ok(Box::new(record.clone())), extra.clone())
    );
    assert_eq!(extra.changed_count(&record.households), 1);
    // An app that knows nothing of visits reads the households as they are now.
    let Loaded::Ok(old) = decode(Some(&text)) else {
        panic!()
    };
    assert_eq!(*old, record);
}

#[test]
fn damaged_history_makes_the_record_unreadable_not_half_read() {
    for bad in [
        r#""visits":5"#,
        r#""visits":[["h1"]]"#,
        r#""visits":[{"id":"h1","earlier":[{"note":"x"}]}]"#,
        r#""visits":[{"id":"h1","earlier":[{"date":"2026-01-01","answers":{},"changes":{}}]}]"#,
        r#""visits":[{"id":"h1","earlier":[{"date":"2026-01-01","answers":{"a":1}}]}]"#,
        r#""backed_up":3"#,
        r#""changed_since_backup":"h1""#,
    ] {
        let raw = format!("{{\"version\":2,{bad}}}");
        assert_eq!(decode(Some(&raw)), Loaded::Unreadable, "{raw}");
        assert_eq!(decode_full(Some(&raw)).1, Extra::default(), "{raw}");
    }
    // null is missing, as everywhere in the record.
    let raw = r#"{"version":2,"visits":null,"backed_up":null,"changed_since_backup":null}"#;
    assert_eq!(
        decode_full(Some(raw)),
        (Loaded::Ok(Box::default()), Extra::default())
    );
}

#[test]
fn the_backup_carries_the_history_and_imports_it() {
    let (list, history) = visited();
    let file = backup_json_with(&list, &history, day("2026-11-29"));
    assert!(file.contains("\"visits\": ["), "{file}");
    let back = read_backup_full(&file).unwrap();
    assert_eq!(back.households, list);
    assert_eq!(back.visits, history);
    assert!(back.notes.is_empty());
    // An older reader of the same file gets the households as they are now.
    assert_eq!(read_backup(&file).unwrap().0, list);
}

#[test]
fn a_backup_history_is_checked_like_the_households() {
    let (list, history) = visited();
    let file = backup_json_with(&list, &history, day("2026-11-29"));
    let bad_date = file.replace("\"2026-08-10\"", "\"2026-13-10\"");
    assert!(read_backup_full(&bad_date)
        .unwrap_err()
        .contains("走访日期"));
    let bad_answer = file.replace("\"8000_10000\"", "\"lots\"");
    let back = read_backup_full(&bad_answer).unwrap();
    assert_eq!(back.notes.len(), 1, "{:?}", back.notes);
    let stray = file.replacen(
        "\"id\": \"h1\",\n      \"note\"",
        "\"id\": \"zz\",\n      \"note\"",
        1,
    );
    let back = read_backup_full(&stray).unwrap();
    assert!(back.visits.is_empty());
    assert_eq!(back.notes.len(), 1, "{:?}", back.notes);
    let twice = file.replace(
        "\"visits\": [",
        "\"visits\": [\n    {\"id\": \"h1\", \"note\": \"x\"},",
    );
    assert!(read_backup_full(&twice).unwrap_err().contains("重复"));
}

#[test]
fn the_visits_csv_has_a_row_per_visit_newest_first() {
    let (list, history) = visited();
    let csv = visits_csv(&list, &history, None);
    assert!(csv.starts_with("\u{feff}标签,村/组,走访日期,风险,走访记录,和上次比\r\n"));
    let rows: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|r| !r.is_empty())
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0].contains("2026-11-20") && rows[0].contains("墙裂了"));
    assert!(rows[2].ends_with("第一次走访"), "{}", rows[2]);
}

#[test]
fn deleting_a_household_drops_its_history() {
    let (mut list, mut history) = visited();
    list.clear();
    visits::prune(&mut history, &list);
    assert!(history.is_empty());
}

#[test]
fn visits_set_in_any_order_end_in_date_order_one_a_day() {
    let mut h = wang();
    let mut history = Vec::new();
    let v = |date: &str, note: &str| Visit {
        date: date.into(),
        note: note.into(),
        answers: Answers::default(),
    };
    visits::set_timeline(
        &mut h,
        &mut history,
        vec![
            v("2026-11-20", "c"),
            v("2026-05-02", "a"),
            v("2026-11-20", "d"),
            v("2026-8-1", "b"),
        ],
    );
    assert_eq!(h.date, "2026-11-20");
    let notes: Vec<String> = visits::timeline(&h, &history)
        .into_iter()
        .map(|v| v.note)
        .collect();
    assert_eq!(notes, ["a", "b", "d"]);
}

#[test]
fn changes_since_the_last_backup_are_counted_once_per_household() {
    let (list, history) = visited();
    let mut extra = Extra {
        visits: history.clone(),
        ..Extra::default()
    };
    // Never backed up: every household counts, and nothing is stored for it.
    extra.note_changes(&[], &[], &list);
    assert_eq!(extra.changed_count(&list), 1);
    assert!(extra.changed_since_backup.is_empty());
    extra.backup_made(day("2026-11-29"));
    assert_eq!(extra.changed_count(&list), 0);
    // A new visit changes 王家; adding 李家 and a second edit count once each.
    let before = (list.clone(), extra.visits.clone());
    let mut after = list.clone();
    let a = after[0].answers.clone();
    visits::add_visit(
        &mut after,
        &mut extra.visits,
        "h1",
        day("2026-12-01"),
        "x",
        a,
    );
    after.push(Household {
        id: "h2".into(),
        ..wang()
    });
    extra.note_changes(&before.0, &before.1, &after);
    extra.note_changes(&before.0, &before.1, &after);
    assert_eq!(extra.changed_since_backup, ["h1", "h2"]);
    assert_eq!(extra.changed_count(&after), 2);
    // A delete counts too.
    let mut fewer = after.clone();
    fewer.remove(0);
    extra.backup_made(day("2026-12-02"));
    extra.note_changes(&after, &extra.visits.clone(), &fewer);
    assert_eq!(extra.changed_since_backup, ["h1"]);
}

#[test]
fn two_tabs_that_each_add_a_visit_keep_both() {
    let base = vec![wang()];
    let (mut ours, mut our_extra) = (base.clone(), Extra::default());
    let a = answers(&[("income", "lt4000")]);
    visits::add_visit(
        &mut ours,
        &mut our_extra.visits,
        "h1",
        day("2026-08-01"),
        "这边",
        a,
    );
    let (mut theirs, mut their_extra) = (base.clone(), Extra::default());
    let a = answers(&[("income", "gt15000")]);
    visits::add_visit(
        &mut theirs,
        &mut their_extra.visits,
        "h1",
        day("2026-09-01"),
        "那边",
        a,
    );
    their_extra.backup_made(day("2026-09-02"));
    let mut merged = bangfu::check::households::merge(&base, &ours, &theirs, &their_extra.deleted);
    let out = our_extra.merge_tabs(&ours, &their_extra, &theirs, &mut merged);
    let dates: Vec<String> = visits::timeline(&merged[0], &out.visits)
        .into_iter()
        .map(|v| v.date)
        .collect();
    assert_eq!(dates, ["2026-05-02", "2026-08-01", "2026-09-01"]);
    assert_eq!(merged[0].date, "2026-09-01");
    assert_eq!(out.backed_up.as_deref(), Some("2026-09-02"));
    // A household deleted in the merge loses its history.
    let out = our_extra.merge_tabs(&ours, &their_extra, &theirs, &mut []);
    assert!(out.visits.is_empty());
}

#[test]
fn a_deletion_reaches_the_other_tab_and_an_undo_takes_it_back() {
    let li = Household {
        id: "h2".into(),
        label: "5组 李家".into(),
        ..wang()
    };
    let base = vec![wang(), li.clone()];
    // This tab deletes 李家; the other tab has both, unchanged.
    let (ours, mut our_extra) = (vec![wang()], Extra::default());
    our_extra.mark_deleted("h2");
    let their_extra = Extra::default();
    // The other tab hears of it: 李家 goes, and stays noted as deleted.
    let mut merged = bangfu::check::households::merge(&base, &base, &ours, &our_extra.deleted);
    assert_eq!(merged, [wang()]);
    let out = their_extra.merge_tabs(&base, &our_extra, &ours, &mut merged);
    assert_eq!(out.deleted, ["h2"]);
    // A tab that saved without ever seeing the deletion or 李家 does not
    // delete 王家 from this one.
    let mut kept = bangfu::check::households::merge(&ours, &ours, &[], &[]);
    assert_eq!(kept, [wang()]);
    let out = our_extra.merge_tabs(&ours, &Extra::default(), &[], &mut kept);
    assert_eq!(out.deleted, ["h2"]);
    // Undone (李家 back in the list): no longer deleted, in the record too.
    let back = vec![wang(), li];
    let mut undone = our_extra.merge_tabs(&back, &their_extra, &base, &mut back.clone());
    assert!(undone.deleted.is_empty());
    undone.mark_deleted("h2");
    undone.forget_deleted_in(&back);
    assert!(undone.deleted.is_empty());
    let text = encode_full(&Record::default(), &undone);
    assert!(!text.contains("deleted"), "{text}");
}
