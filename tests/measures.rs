//! 一户一策: measures as typed, where they stand on a day, the stored record,
//! two tabs, the backup with its import merge, and the CSV.

use bangfu::check::households::{
    backup_json_all, backup_json_full, csv_all, csv_with, read_backup_full, Household,
};
use bangfu::check::measures::{self, checked, Due, Measure, Progress};
use bangfu::check::merge::{merge_measures, plan_merge_all};
use bangfu::check::{stamped, Answers};
use bangfu::date::Date;
use bangfu::store::{decode_full, encode, encode_full, Extra, Loaded, Record};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn measure(id: &str, key: &str, what: &str, by: &str, progress: Progress, stamp: u64) -> Measure {
    Measure {
        id: id.into(),
        key: key.into(),
        what: what.into(),
        who: String::new(),
        by: by.into(),
        progress,
        note: String::new(),
        stamp,
        removed: false,
    }
}

fn household(id: &str, label: &str) -> Household {
    Household {
        id: id.into(),
        label: label.into(),
        village: "梅河村".into(),
        date: "2026-11-20".into(),
        answers: Answers::from_pairs([("members".to_string(), "3".to_string())]),
    }
}

#[test]
fn a_measure_as_typed() {
    let today = d("2026-12-07");
    assert_eq!(
        checked(" 申请\n医疗救助 ", "张书记", "12月31日", today),
        Ok(("申请 医疗救助".into(), "张书记".into(), "2026-12-31".into()))
    );
    assert_eq!(
        checked("办残疾证", "", "2027.1.15", today),
        Ok(("办残疾证".into(), String::new(), "2027-01-15".into()))
    );
    assert_eq!(
        checked("办残疾证", "", "", today).map(|x| x.2),
        Ok(String::new())
    );
    assert!(checked("  ", "", "", today)
        .unwrap_err()
        .contains("要做的事"));
    assert!(checked("x", "", "下个月", today)
        .unwrap_err()
        .contains("看不懂日期"));
    assert!(checked("x", "", "2019-01-01", today)
        .unwrap_err()
        .contains("太早"));
    // Texts are cut to their lengths.
    let long = "很".repeat(200);
    let (what, who, _) = checked(&long, &long, "", today).unwrap();
    assert_eq!(what.chars().count(), measures::WHAT_MAX_CHARS);
    assert_eq!(who.chars().count(), measures::WHO_MAX_CHARS);
}

#[test]
fn where_a_measure_stands_on_a_day() {
    let today = d("2026-12-07");
    let m = |by: &str, p| measure("h1", "m1", "申请低保", by, p, 1);
    assert_eq!(m("2026-12-06", Progress::Doing).due(today), Due::Overdue);
    assert_eq!(m("2026-12-07", Progress::Todo).due(today), Due::ThisMonth);
    assert_eq!(m("2026-12-31", Progress::Todo).due(today), Due::ThisMonth);
    assert_eq!(m("2027-01-01", Progress::Todo).due(today), Due::Later);
    assert_eq!(m("", Progress::Todo).due(today), Due::Later);
    assert_eq!(m("2026-12-01", Progress::Done).due(today), Due::Done);
    assert_eq!(
        m("2026-12-01", Progress::Doing).line(today),
        "申请低保（12月1日前，已超期）"
    );
    assert_eq!(
        m("2027-01-15", Progress::Todo).line(today),
        "申请低保（2027年1月15日前，未开始）"
    );
    let list = vec![
        m("2026-12-01", Progress::Todo),
        measure("h1", "m2", "x", "2026-12-20", Progress::Todo, 1),
    ];
    assert_eq!(
        measures::standing(&measures::of(&list, "h1"), today),
        (true, true)
    );
    assert_eq!(
        measures::standing(&measures::of(&list, "h2"), today),
        (false, false)
    );
}

#[test]
fn the_record_keeps_measures_and_reads_back_the_same() {
    let record = Record::default();
    let mut extra = Extra::default();
    // No measures: the record is as before, byte for byte.
    assert_eq!(encode_full(&record, &extra), encode(&record));
    extra.measures.push(Measure {
        who: "张书记".into(),
        note: "材料交到乡镇了".into(),
        ..measure(
            "h1",
            "m1",
            "申请医疗救助",
            "2026-12-31",
            Progress::Doing,
            1_765_000_000_000,
        )
    });
    let text = encode_full(&record, &extra);
    let (loaded, back) = decode_full(Some(&text));
    assert!(matches!(loaded, Loaded::Ok(_)));
    assert_eq!(back.measures, extra.measures);
    assert_eq!(encode_full(&record, &back), text, "byte for byte");
    // A measure of the wrong type makes the record unreadable (backed up), not half-read.
    let broken = text.replace("\"measures\":[", "\"measures\":[7,");
    assert_eq!(decode_full(Some(&broken)).0, Loaded::Unreadable);
    let broken = text.replace("\"progress\":\"doing\"", "\"progress\":\"soon\"");
    assert_eq!(decode_full(Some(&broken)).0, Loaded::Unreadable);
}

#[test]
fn two_tabs_keep_both_tabs_measures_and_a_removal() {
    let list = vec![household("h1", "王家")];
    let mut ours = Extra::default();
    ours.measures
        .push(measure("h1", "m1", "申请低保", "", Progress::Todo, 5));
    let mut theirs = Extra::default();
    theirs
        .measures
        .push(measure("h1", "m2", "联系公益岗位", "", Progress::Todo, 6));
    let out = ours.merge_tabs(&list, &theirs, &list, &mut list.clone());
    assert_eq!(out.measures.len(), 2);
    // A removal later than the other tab's copy stays removed.
    let mut removed = out.clone();
    measures::remove(&mut removed.measures, "h1", "m1", 7);
    let back = out.merge_tabs(&list, &removed, &list, &mut list.clone());
    assert!(measures::of(&back.measures, "h1")
        .iter()
        .all(|m| m.key != "m1"));
    // A deleted household's measures go with it.
    let gone = back.merge_tabs(&list, &Extra::default(), &[], &mut []);
    assert!(gone.measures.is_empty());
    // Stamps always move forward, even with a clock set back.
    assert_eq!(stamped::next_stamp(&back.measures, "h1", "m2", 3), 7);
}

#[test]
fn the_backup_carries_measures_and_an_import_merges_them() {
    let list = vec![household("h1", "王家")];
    let today = d("2026-12-07");
    let mine = vec![
        measure("h1", "m1", "申请低保", "2026-12-20", Progress::Todo, 10),
        measure("h1", "m2", "联系公益岗位", "", Progress::Todo, 11),
    ];
    // Without measures the file is as before.
    assert_eq!(
        backup_json_all(&list, &[], &[], &[], today),
        backup_json_full(&list, &[], &[], today)
    );
    let text = backup_json_all(&list, &[], &[], &mine, today);
    let back = read_backup_full(&text).unwrap();
    assert_eq!(back.measures, mine);
    assert!(back.notes.is_empty());
    // A colleague changed m1 later and added m3; the phone has m2 only it knows.
    let theirs = vec![
        measure("h1", "m1", "申请低保", "2026-12-20", Progress::Doing, 20),
        measure("h1", "m3", "办残疾证", "", Progress::Todo, 21),
    ];
    let file = read_backup_full(&backup_json_all(&list, &[], &[], &theirs, today)).unwrap();
    let plan = plan_merge_all(&list, &[], &[], &mine, file);
    assert_eq!(plan.measures_added, 2);
    let mut ours = mine.clone();
    assert_eq!(merge_measures(&mut ours, &plan.measures), ["h1"]);
    let now: Vec<(&str, Progress)> = ours.iter().map(|m| (m.key.as_str(), m.progress)).collect();
    assert_eq!(
        now,
        [
            ("m1", Progress::Doing),
            ("m2", Progress::Todo),
            ("m3", Progress::Todo)
        ]
    );
    // The older copy again changes nothing.
    let old = read_backup_full(&text).unwrap();
    assert_eq!(
        plan_merge_all(&list, &[], &[], &ours, old).measures_added,
        0
    );
}

#[test]
fn a_backup_drops_measures_it_cannot_read_and_says_so() {
    let list = vec![household("h1", "王家")];
    let today = d("2026-12-07");
    let good = measure("h1", "m1", "申请低保", "2026-12-20", Progress::Todo, 10);
    let text = backup_json_all(&list, &[], &[], std::slice::from_ref(&good), today);
    // After the good one: one of no household in the file, a repeat of its
    // key, one with nothing to do, one whose day does not read.
    let extra = r#",{"id":"x","key":"m9","what":"a","progress":"todo","stamp":"1"},{"id":"h1","key":"m1","what":"dup","progress":"todo","stamp":"1"},{"id":"h1","key":"m2","what":"","progress":"todo","stamp":"1"},{"id":"h1","key":"m3","what":"b","by":"明天","progress":"todo","stamp":"1"}"#;
    let end = text.rfind(']').unwrap();
    let text = format!("{}{extra}{}", &text[..end], &text[end..]);
    let back = read_backup_full(&text).unwrap();
    assert_eq!(back.measures, [good]);
    assert_eq!(back.notes.len(), 4, "{:?}", back.notes);
    // Not a list of measures: the file is damaged.
    let bad = backup_json_full(&list, &[], &[], today);
    let bad = bad.trim_end().trim_end_matches('}').to_string() + r#","measures":"yes"}"#;
    assert!(read_backup_full(&bad).is_err());
}

#[test]
fn the_csv_has_a_measures_column_only_when_there_are_measures() {
    let list = vec![household("h1", "王家")];
    let today = Some(d("2026-12-07"));
    assert_eq!(
        csv_all(&list, None, &[], &[], today),
        csv_with(&list, None, &[], today)
    );
    let m = vec![measure(
        "h1",
        "m1",
        "申请低保",
        "2026-12-01",
        Progress::Todo,
        1,
    )];
    let csv = csv_all(&list, None, &[], &m, today);
    assert!(csv.lines().next().unwrap().ends_with(",帮扶措施"));
    assert!(csv.contains("申请低保（12月1日前，已超期）"), "{csv}");
}

#[test]
fn new_keys_differ_between_tabs_that_add_in_the_same_millisecond() {
    let none: Vec<Measure> = Vec::new();
    let a = measures::new_key(&none, "h1", 1_765_000_000_000, 0x1234);
    let b = measures::new_key(&none, "h1", 1_765_000_000_000, 0xbeef);
    assert_ne!(a, b);
    // Within one list a key is never reused, removed ones included.
    let mut list = vec![measure("h1", &a, "x", "", Progress::Todo, 1)];
    measures::remove(&mut list, "h1", &a, 2);
    assert_ne!(measures::new_key(&list, "h1", 1_765_000_000_000, 0x1234), a);
}

#[test]
fn the_report_lists_measures_overdue_and_due_this_month_latest_first() {
    use bangfu::check::village::measures_due;
    let today = d("2026-12-07");
    let mut list = vec![
        household("a", "甲"),
        household("b", "乙"),
        household("c", "丙"),
        household("d", "丁"),
    ];
    list[3].village = "河西村".into();
    let all = vec![
        // 甲: one due this month, one later, one done (none listed but the first).
        measure("a", "1", "申请医疗救助", "2026-12-20", Progress::Doing, 1),
        measure("a", "2", "办残疾证", "2027-01-10", Progress::Todo, 2),
        measure("a", "3", "修屋顶", "2026-12-01", Progress::Done, 3),
        // 乙: overdue since November, and one due on the last day of the month.
        measure("b", "1", "低保申请", "2026-12-31", Progress::Todo, 4),
        measure("b", "2", "公益岗位", "2026-11-30", Progress::Doing, 5),
        // 丙: overdue but removed, and one without a day: not listed.
        Measure {
            removed: true,
            ..measure("c", "1", "雨露计划", "2026-10-01", Progress::Todo, 6)
        },
        measure("c", "2", "问问产业补贴", "", Progress::Todo, 7),
        // 丁: overdue yesterday, in another village.
        measure("d", "1", "危房改造", "2026-12-06", Progress::Todo, 8),
    ];
    let whats = |v: Option<&str>| -> Vec<(usize, Vec<&str>)> {
        measures_due(&list, v, &all, today)
            .into_iter()
            .map(|(i, ms)| (i, ms.iter().map(|m| m.what.as_str()).collect()))
            .collect()
    };
    assert_eq!(
        whats(None),
        vec![
            (1, vec!["公益岗位", "低保申请"]),
            (3, vec!["危房改造"]),
            (0, vec!["申请医疗救助"]),
        ]
    );
    assert_eq!(
        whats(Some("梅河村")),
        vec![(1, vec!["公益岗位", "低保申请"]), (0, vec!["申请医疗救助"])]
    );
    assert_eq!(whats(Some("河东村")), vec![]);
    // On the first day of January, 甲's December measure is overdue and
    // 办残疾证 is due this month.
    let jan = measures_due(&list, Some("梅河村"), &all, d("2027-01-01"));
    assert_eq!(jan[0].0, 1);
    assert_eq!(
        jan[1].1.iter().map(|m| m.what.as_str()).collect::<Vec<_>>(),
        vec!["申请医疗救助", "办残疾证"]
    );
}

/// Texts are cut by characters and their spaces tidied, whether or not they
/// were tidy already (the short path copies tidy texts as they are).
#[test]
fn texts_are_tidied_and_cut_by_characters() {
    use bangfu::check::measures::clip;
    let slow = |s: &str, max: usize| -> String {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(max)
            .collect()
    };
    for s in [
        "申请医疗救助",
        "张书记",
        "a b",
        "a  b",
        " a",
        "a ",
        "a\tb",
        "a\nb",
        "问问\u{3000}产业补贴",
        "",
        "   ",
        "abcdefghij",
        "一二三四五六七八九十",
    ] {
        for max in [0, 3, 9, 10, 30, 60] {
            assert_eq!(clip(s, max), slow(s, max), "{s:?} {max}");
        }
    }
}
