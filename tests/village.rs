//! The village view: counts for the whole list or one village, each with the
//! households behind it; filters and search; and a village of 1,000
//! households with five visits each stays under 2 MB stored.

mod common;
use bangfu::check::households::{backup_json_with, read_backup_full, Household, MAX_BACKUP_BYTES};
use bangfu::check::village::{
    self, filtered, label_matches, members, search_label, summary, summary_csv, villages, Context,
    Filter, Group, Program,
};
use bangfu::check::visits::{self, History};
use bangfu::check::{Answers, Risk};
use bangfu::date::Date;
use bangfu::store::{decode_full, encode_full, Extra, Loaded, Record};
use common::settled;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// The view of the list on the day the fixtures were written, with the
/// national figures.
fn on_survey_day(history: &[History]) -> Context<'_> {
    Context {
        history,
        declared: &[],
        measures: &[],
        today: day("2026-11-29"),
        local: None,
    }
}

fn with(changes: &[(&'static str, &'static str)]) -> Answers {
    let mut a = answers(&settled());
    for (k, v) in changes {
        a.set(k, v.to_string());
    }
    a
}

fn h(id: &str, label: &str, village: &str, date: &str, a: Answers) -> Household {
    Household {
        id: id.into(),
        label: label.into(),
        village: village.into(),
        date: date.into(),
        answers: a,
    }
}

fn village_list() -> (Vec<Household>, Vec<History>) {
    let mut list = vec![
        h("1", "3组 王家", "梅河村", "2026-11-20", with(&[])),
        h(
            "2",
            "李家",
            "梅河村",
            "2026-06-01",
            with(&[("income", "lt4000"), ("house", "cd")]),
        ),
        h(
            "3",
            "张家 ABC",
            " 河西村 ",
            "2026-11-01",
            with(&[("house", "unknown"), ("medical", "unknown")]),
        ),
        h(
            "4",
            "赵家",
            "",
            "not a date",
            with(&[("vocational", "yes")]),
        ),
    ];
    let mut history = Vec::new();
    // 王家 was fine in the spring and fell this autumn.
    let spring = list[0].answers.clone();
    let autumn = with(&[("income", "lt4000")]);
    list[0].answers = spring;
    list[0].date = "2026-05-01".into();
    visits::add_visit(&mut list, &mut history, "1", day("2026-11-20"), "", autumn);
    (list, history)
}

#[test]
fn every_count_lists_exactly_its_households() {
    let (list, history) = village_list();
    let cx = on_survey_day(&history);
    for place in [
        None,
        Some("梅河村"),
        Some("河西村"),
        Some(""),
        Some("无此村"),
    ] {
        let s = summary(&list, place, &cx);
        for (g, n) in &s.rows {
            assert_eq!(members(&list, place, *g, &cx).len(), *n, "{place:?} {g:?}");
        }
    }
    let s = summary(&list, None, &cx);
    assert_eq!(s.count(Group::All), 4);
    assert_eq!(s.count(Group::Risk(Risk::High)), 2);
    let ids = |g| -> Vec<String> {
        members(&list, None, g, &cx)
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(ids(Group::RiskRose), ["1"]);
    // Visited 2026-06-01 (181 days) and a date that does not read.
    assert_eq!(ids(Group::NotVisited(90)), ["2", "4"]);
    assert_eq!(ids(Group::Program(Program::Housing)), ["2"]);
    assert_eq!(ids(Group::Program(Program::Jiance)), ["1", "2"]);
    assert_eq!(ids(Group::Program(Program::Yulu)), ["4"]);
    assert_eq!(ids(Group::Unclear), ["3"]);
    assert_eq!(ids(Group::UnclearAnswer("house")), ["3"]);
    assert_eq!(s.count(Group::UnclearAnswer("medical")), 1);
    assert_eq!(s.count(Group::UnclearAnswer("food")), 0);
    // One village, as typed (spaces at the ends aside).
    let s = summary(&list, Some("河西村"), &cx);
    assert_eq!(s.count(Group::All), 1);
    assert_eq!(s.village.as_deref(), Some("河西村"));
    assert_eq!(
        villages(&list),
        [
            ("梅河村".to_string(), 2),
            ("河西村".to_string(), 1),
            (String::new(), 1)
        ]
    );
}

#[test]
fn exactly_ninety_days_is_due_for_a_visit() {
    let list = vec![h("1", "王家", "", "2026-08-31", with(&[]))];
    let due = |today: &str| {
        let cx = Context {
            history: &[],
            declared: &[],
            measures: &[],
            today: day(today),
            local: None,
        };
        summary(&list, None, &cx).count(Group::NotVisited(90))
    };
    assert_eq!(due("2026-11-28"), 0);
    assert_eq!(due("2026-11-29"), 1);
    // A visit dated after "today" (a phone's clock was wrong) is not overdue.
    assert_eq!(due("2026-01-01"), 0);
}

#[test]
fn the_summary_csv_opens_in_excel_in_chinese() {
    let (list, history) = village_list();
    let cx = on_survey_day(&history);
    let csv = summary_csv(&summary(&list, Some("梅河村"), &cx));
    assert!(csv.starts_with("\u{feff}项目,户数\r\n村/组,梅河村\r\n统计日期,2026-11-29\r\n"));
    assert!(csv.contains("\r\n全部农户,2\r\n"), "{csv}");
    assert!(csv.contains("\r\n可能符合危房改造,1\r\n"), "{csv}");
    assert!(csv.contains("\r\n90天以上没走访,1\r\n"), "{csv}");
    assert!(csv.ends_with("\r\n"));
    let all = summary_csv(&summary(&list, None, &cx));
    assert!(all.contains("村/组,全部村组\r\n"));
    // A village typed as a formula is written as text.
    let hostile = vec![h("9", "x", "=HYPERLINK(1)", "2026-11-01", with(&[]))];
    let csv = summary_csv(&summary(&hostile, Some("=HYPERLINK(1)"), &cx));
    assert!(csv.contains("村/组,'=HYPERLINK(1)\r\n"), "{csv}");
}

#[test]
fn filters_combine_and_search_finds_part_of_a_label() {
    let (list, _) = village_list();
    let ids = |v: Vec<Household>| v.into_iter().map(|h| h.id).collect::<Vec<_>>();
    assert_eq!(ids(filtered(&list, &Filter::default(), None)).len(), 4);
    let f = Filter {
        village: Some("梅河村".into()),
        risk: Some(Risk::High),
        ..Filter::default()
    };
    assert_eq!(ids(filtered(&list, &f, None)), ["1", "2"]);
    let f = Filter {
        program: Some(Program::Housing),
        ..Filter::default()
    };
    assert_eq!(ids(filtered(&list, &f, None)), ["2"]);
    let f = Filter {
        label: "王".into(),
        risk: Some(Risk::Low),
        ..Filter::default()
    };
    assert!(filtered(&list, &f, None).is_empty());
    assert_eq!(ids(search_label(&list, "王家")), ["1"]);
    assert_eq!(ids(search_label(&list, "3组王家")), ["1"]);
    assert_eq!(ids(search_label(&list, "ａｂｃ")), ["3"]);
    assert_eq!(ids(search_label(&list, "  ")).len(), 4);
    assert!(label_matches("张家 ABC", "abc"));
    assert!(!label_matches("张家", "李"));
    assert_eq!(Program::from_key("dibao"), Some(Program::Dibao));
    assert_eq!(Program::from_key("x"), None);
    assert_eq!(village::not_visited_days(None), 90);
}

/// A deterministic stand-in for a village's answers over five visits: every
/// question answered, some answers moving from visit to visit, a short note
/// at every visit.
fn big_village() -> (Vec<Household>, Vec<History>) {
    const INCOMES: [&str; 6] = [
        "lt4000",
        "4000_6000",
        "6000_8000",
        "8000_10000",
        "10000_15000",
        "gt15000",
    ];
    const MEDICAL: [&str; 5] = [
        "lt2000",
        "2000_5000",
        "5000_10000",
        "10000_30000",
        "gt30000",
    ];
    const NOTES: [&str; 4] = [
        "入户看了，家里老人身体不好，已联系村医",
        "收入比上次少，帮着问了公益岗位",
        "房子墙有裂缝，已报乡镇住建",
        "孩子上中职，告诉了雨露计划怎么申请",
    ];
    let mut seed: u64 = 0x2026_1129;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) % n as u64) as usize
    };
    let mut list = Vec::with_capacity(1000);
    let mut history = Vec::new();
    for i in 0..1000 {
        let mut a = answers(&settled());
        a.set("members", (1 + next(8)).to_string());
        a.set("main_age", (25 + next(50)).to_string());
        a.set("income", INCOMES[next(6)].to_string());
        list.push(h(
            &format!("h{i:04}"),
            &format!(
                "{}组 {}家",
                1 + i % 12,
                ["王", "李", "张", "刘", "陈"][next(5)]
            ),
            ["梅河村", "河西村", "石桥村"][i % 3],
            "2025-12-01",
            a.clone(),
        ));
        for visit in 1..5 {
            a.set("income", INCOMES[next(6)].to_string());
            a.set("medical", MEDICAL[next(5)].to_string());
            if next(3) == 0 {
                a.set("house", ["safe", "problem"][next(2)].to_string());
            }
            let date = Date::new(2025, 12, 1).unwrap().add_months(visit * 2);
            visits::add_visit(
                &mut list,
                &mut history,
                &format!("h{i:04}"),
                date,
                NOTES[next(4)],
                a.clone(),
            );
        }
    }
    (list, history)
}

#[test]
fn a_thousand_households_with_five_visits_each_stay_under_two_megabytes() {
    let (list, history) = big_village();
    assert_eq!(list.len(), 1000);
    assert!(list.iter().all(|h| visits::visits(h, &history).len() == 5));
    let record = Record {
        households: list,
        ..Record::default()
    };
    let extra = Extra {
        visits: history,
        ..Extra::default()
    };
    let text = encode_full(&record, &extra);
    println!(
        "1,000 households × 5 visits: stored record {} bytes ({:.2} MB)",
        text.len(),
        text.len() as f64 / 1_048_576.0
    );
    assert!(text.len() < 2 * 1024 * 1024, "{} bytes", text.len());
    // The backup file of the same list (indented) still imports.
    let file = backup_json_with(&record.households, &extra.visits, day("2026-11-29"));
    println!("its backup file: {} bytes", file.len());
    assert!(file.len() < MAX_BACKUP_BYTES, "{} bytes", file.len());
    let back = read_backup_full(&file).unwrap();
    assert_eq!(back.households, record.households);
    assert_eq!(back.visits, extra.visits);
    assert!(back.notes.is_empty(), "{:?}", back.notes);
    // Ids are looked up, not searched, and still checked to the last one.
    let mut twice = record.households.clone();
    twice.push(twice[0].clone());
    let refused = read_backup_full(&backup_json_with(&twice, &extra.visits, day("2026-11-29")));
    assert!(refused.unwrap_err().contains("第1001户的编号和前面重复"));
    assert_eq!(
        decode_full(Some(&text)),
        (Loaded::Ok(Box::new(record.clone())), extra.clone())
    );
    // And the village view over it.
    let cx = on_survey_day(&extra.visits);
    let s = summary(&record.households, None, &cx);
    assert_eq!(s.count(Group::All), 1000);
    assert_eq!(
        members(&record.households, None, Group::RiskRose, &cx).len(),
        s.count(Group::RiskRose)
    );
}

#[test]
fn a_village_worked_out_at_once_agrees_with_each_household_on_its_own() {
    // `looks` indexes the histories and reads only the risk of the visit
    // before; each household alone goes through `look` and `last_change`.
    let (list, history) = big_village();
    let cx = on_survey_day(&history);
    let all = village::looks(&list, None, &cx);
    assert_eq!(all.len(), 1000);
    let mut rose = 0;
    for (i, look) in &all {
        let h = &list[*i];
        assert_eq!(*look, village::look(h, &cx), "{}", h.id);
        let by_change = visits::last_change(h, &history, None).is_some_and(|c| c.risk_rose());
        assert_eq!(look.risk_rose, by_change, "{}", h.id);
        rose += usize::from(by_change);
    }
    // The generated village has rises and households without them.
    assert!(rose > 50 && rose < 950, "{rose} households with a rise");
    let one = village::looks(&list, Some("河西村"), &cx);
    assert_eq!(one.len(), 333);
    assert!(one.iter().all(|(i, _)| list[*i].village == "河西村"));
    assert_eq!(
        summary(&list, None, &cx),
        village::summary_of(&all, None, cx.today, cx.local)
    );
}
