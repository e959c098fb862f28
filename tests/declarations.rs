//! 我已申报 and the 申报准备单: the clock on fixed days, dates as typed,
//! merging copies, the backup, and the sheet for a widow of 68 living alone.

use bangfu::check::declare::{
    self, merge, overdue_advice, programme, read_date, sentence, status, Declared, Status,
};
use bangfu::check::households::{backup_json_full, read_backup_full, Household};
use bangfu::check::merge::{merge_declared, plan_merge_with};
use bangfu::check::questions::question;
use bangfu::check::sheet::{plan, sheet};
use bangfu::check::{assess, Answers, Level};
use bangfu::date::Date;
use bangfu::store::{decode_full, encode_full, Extra, Loaded, Record};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn declared(id: &str, programme: &str, date: &str, stamp: u64) -> Declared {
    Declared {
        id: id.into(),
        programme: programme.into(),
        date: date.into(),
        answered: None,
        stamp,
        removed: false,
    }
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

/// A widow of 68 living alone in 甘肃 (as in tests/e2e/check.spec.mjs).
fn widow() -> Answers {
    answers(&[
        ("members", "1"),
        ("workers", "0"),
        ("main_age", "68"),
        ("who", "elderly,alone"),
        ("support", "no"),
        ("province", "gansu"),
        ("status", "none"),
        ("income", "lt4000"),
        ("income_drop", "some"),
        ("food", "no"),
        ("water", "yes"),
        ("insured", "yes"),
        ("illness", "chronic,disabled"),
        ("disability_grade", "severe"),
        ("medical", "2000_5000"),
        ("house", "problem"),
        ("events", "accident"),
        ("plan", "no"),
        ("needs", "none"),
    ])
}

#[test]
fn an_answer_is_due_twenty_working_days_after_declaring_for_monitoring() {
    let today = d("2026-12-07");
    let x = declared("", "jiance", "2026-12-07", 1);
    // 18 working days are left in December 2026; 2027's holidays are not
    // announced in the table, so the date is approximate.
    match status(&x, today) {
        Some(Status::Waiting(due)) => {
            assert_eq!(due.date, d("2027-01-04"));
            assert!(!due.exact);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        sentence(&x, today, "您家").unwrap(),
        "您家12月7日申报了防返贫监测，各地规定不同，一般约2027年1月4日前应有答复。"
    );
}

#[test]
fn after_the_limit_the_family_is_told_what_to_do() {
    // Mon 2 Nov + 20 working days = Mon 30 Nov 2026.
    let x = declared("", "jiance", "2026-11-02", 1);
    assert!(matches!(
        status(&x, d("2026-11-30")),
        Some(Status::Waiting(_))
    ));
    let s = status(&x, d("2026-12-01")).unwrap();
    assert!(matches!(s, Status::Overdue(due) if due.date == d("2026-11-30") && due.exact));
    assert!(s.late() && s.open());
    let text = sentence(&x, d("2026-12-07"), "3组王家").unwrap();
    assert_eq!(
        text,
        "3组王家11月2日申报了防返贫监测，各地规定不同，一般11月30日前应有答复，已经过了20个工作日。"
    );
    let advice = overdue_advice(programme("jiance").unwrap()).join("\n");
    assert!(advice.contains("12317"), "{advice}");
    assert!(advice.contains("理由写下来"), "{advice}");
    assert!(advice.contains("复核"), "{advice}");
    // 低保 has no 12317 but the written reason and 行政复议.
    let advice = overdue_advice(programme("dibao").unwrap()).join("\n");
    assert!(
        !advice.contains("12317") && advice.contains("行政复议"),
        "{advice}"
    );
}

#[test]
fn a_national_limit_says_so_and_a_sum_of_steps_is_not_told_as_a_rule() {
    let today = d("2026-12-07");
    let x = declared("", "dibao", "2026-12-01", 1);
    assert_eq!(
        sentence(&x, today, "您家").unwrap(),
        "您家12月1日申报了低保，按规定约2027年1月12日前应有答复。"
    );
    // 特困: each step has its limit, the whole has none; the tool says when to ask.
    let t = declared("", "tekun", "2026-10-08", 1);
    let s = sentence(&t, today, "您家").unwrap();
    assert!(
        s.contains("没有规定总的答复期限") && !s.contains("按规定"),
        "{s}"
    );
    assert!(matches!(status(&t, today), Some(Status::AskNow(_))));
    assert!(!status(&t, today).unwrap().late() && status(&t, today).unwrap().act());
    // An answer noted in another year says its year.
    let mut a = declared("", "dibao", "2026-12-01", 1);
    a.answered = Some("2026-12-30".into());
    assert!(sentence(&a, d("2027-01-04"), "您家")
        .unwrap()
        .ends_with("2026年12月30日有了答复。"));
}

#[test]
fn low_income_support_counts_thirty_working_days_through_the_spring_festival() {
    // Mon 2 Feb 2026: 3–6 (4), 9–13 (9), Sat 14 worked (10), 15–23 off,
    // 24–27 (14), Sat 28 worked (15), 2–6 Mar (20), 9–13 (25), 16–20 (30).
    let x = declared("", "dibao", "2026-02-02", 1);
    match status(&x, d("2026-02-02")).unwrap() {
        Status::Waiting(due) => assert_eq!((due.date, due.exact), (d("2026-03-20"), true)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_programme_without_a_rule_says_when_to_ask_and_an_answer_stops_the_clock() {
    let mut x = declared("", "housing", "2026-11-02", 1);
    let s = sentence(&x, d("2026-11-10"), "您家").unwrap();
    assert!(
        s.contains("没有规定总的答复期限") && s.contains("11月30日还没有消息可以去问"),
        "{s}"
    );
    assert!(matches!(
        status(&x, d("2026-12-01")),
        Some(Status::AskNow(_))
    ));
    x.answered = Some("2026-11-20".into());
    assert_eq!(
        status(&x, d("2026-12-07")),
        Some(Status::Answered(d("2026-11-20")))
    );
    assert!(!status(&x, d("2026-12-07")).unwrap().open());
    // A programme this build does not know, or a date that does not read: no status.
    assert_eq!(
        status(&declared("", "mystery", "2026-11-02", 1), d("2026-12-07")),
        None
    );
    assert_eq!(
        status(&declared("", "jiance", "11/2", 1), d("2026-12-07")),
        None
    );
}

#[test]
fn declaration_dates_read_as_people_write_them_and_impossible_ones_are_refused() {
    let today = d("2026-12-07");
    for t in [
        "2026-12-01",
        "2026.12.1",
        "2026/12/01",
        "２０２６－１２－０１",
        "2026年12月1日",
        "12月1日",
        "12月1号",
        " 12月1日 ",
    ] {
        assert_eq!(read_date(t, today, None), Ok(d("2026-12-01")), "{t}");
    }
    let future = read_date("2026-12-08", today, None).unwrap_err();
    assert!(future.contains("不能晚于今天"), "{future}");
    let early = read_date("2026-11-01", today, Some(d("2026-11-20"))).unwrap_err();
    assert!(early.contains("2026年11月20日才记进名单"), "{early}");
    assert!(read_date("2019-05-01", today, None)
        .unwrap_err()
        .contains("太早"));
    assert!(read_date("", today, None)
        .unwrap_err()
        .contains("请填申报的日期"));
    let junk = read_date("昨天下午<script>", today, None).unwrap_err();
    assert!(junk.contains("不是日期"), "{junk}");
    assert!(read_date("2026-02-30", today, None).is_err());
    // A day without a year, typed in January, is last December's.
    assert_eq!(
        read_date("12月28日", d("2027-01-05"), None),
        Ok(d("2026-12-28"))
    );
    assert_eq!(
        read_date("1月5日", d("2027-01-05"), None),
        Ok(d("2027-01-05"))
    );
}

#[test]
fn copies_merge_by_the_later_change_and_a_removal_is_not_undone() {
    let ours = vec![
        declared("h1", "jiance", "2026-12-01", 10),
        declared("h1", "dibao", "2026-12-02", 10),
    ];
    let mut theirs = vec![
        declared("h1", "jiance", "2026-12-03", 20), // corrected later elsewhere
        declared("h1", "dibao", "2026-11-30", 5),   // older copy: ours stays
        declared("h2", "tekun", "2026-12-04", 7),   // only theirs: added
    ];
    let m = merge(&ours, &theirs);
    assert_eq!(m.len(), 3);
    assert_eq!(
        declare::find(&m, "h1", "jiance").unwrap().date,
        "2026-12-03"
    );
    assert_eq!(declare::find(&m, "h1", "dibao").unwrap().date, "2026-12-02");
    assert!(declare::find(&m, "h2", "tekun").is_some());
    // A change always outdates what it replaces, even on a clock that stood still.
    assert_eq!(declare::next_stamp(&m, "h1", "jiance", 5), 21);
    assert_eq!(declare::next_stamp(&m, "h1", "jiance", 99), 99);
    assert_eq!(declare::next_stamp(&m, "h3", "jiance", 5), 5);
    // On a tie, a removal wins whichever copy is ours.
    let mut gone = vec![declared("h1", "dibao", "2026-12-02", 10)];
    declare::remove(&mut gone, "h1", "dibao", 10);
    assert!(declare::find(&merge(&ours, &gone), "h1", "dibao").is_none());
    assert!(declare::find(&merge(&gone, &ours), "h1", "dibao").is_none());
    // Removed in one tab after the other's copy: stays removed.
    declare::remove(&mut theirs, "h2", "tekun", 30);
    let m2 = merge(&m, &theirs);
    assert!(declare::find(&m2, "h2", "tekun").is_none());
    assert_eq!(declare::of(&m2, "h1").len(), 2);
}

fn household(id: &str, date: &str) -> Household {
    Household {
        id: id.into(),
        label: format!("{id}家"),
        village: "梅河村".into(),
        date: date.into(),
        answers: answers(&[("members", "3")]),
    }
}

#[test]
fn declarations_travel_in_the_backup_and_an_import_never_drops_one() {
    let list = vec![household("h1", "2026-11-20"), household("h2", "2026-11-21")];
    let mut mine = vec![
        declared("h1", "jiance", "2026-12-01", 10),
        declared("", "dibao", "2026-12-02", 10), // this phone's own: not in the file
        declared("gone", "dibao", "2026-12-02", 10), // a household not in the list
    ];
    declare::set(&mut mine, declared("h2", "tekun", "2026-12-03", 11));
    declare::remove(&mut mine, "h2", "tekun", 12);
    let json = backup_json_full(&list, &[], &mine, d("2026-12-07"));
    assert!(json.contains("\"declared\""));
    assert!(
        !json.contains("\"removed\""),
        "removed ones stay on the phone"
    );
    let back = read_backup_full(&json).unwrap();
    assert_eq!(
        back.declared,
        vec![declared("h1", "jiance", "2026-12-01", 10)]
    );
    // A file without declarations is the same text as before them.
    let plain = backup_json_full(&list, &[], &[], d("2026-12-07"));
    assert!(!plain.contains("declared"));
    // A colleague's phone has another programme for h1: both are kept.
    let mut theirs = back.declared.clone();
    theirs.push(declared("h1", "medical_aid", "2026-12-04", 15));
    let file = backup_json_full(&list, &[], &theirs, d("2026-12-07"));
    let plan = plan_merge_with(&list, &[], &mine, read_backup_full(&file).unwrap());
    assert_eq!(plan.declared_added, 1);
    let changed = merge_declared(&mut mine, &plan.declared);
    assert_eq!(changed, vec!["h1".to_string()]);
    assert!(declare::find(&mine, "h1", "jiance").is_some());
    assert!(declare::find(&mine, "h1", "medical_aid").is_some());
    assert!(declare::find(&mine, "", "dibao").is_some());
}

#[test]
fn a_damaged_declaration_in_a_file_is_named_and_dropped() {
    let list = vec![household("h1", "2026-11-20")];
    let json = backup_json_full(&list, &[], &[], d("2026-12-07"));
    let json = json.trim_end().trim_end_matches('}').to_string()
        + r#","declared":[{"id":"h1","programme":"jiance","date":"not a day","stamp":"1"},{"id":"h9","programme":"jiance","date":"2026-12-01","stamp":"1"},{"id":"h1","programme":"dibao","date":"2026-12-01","stamp":"1"}]}"#;
    let back = read_backup_full(&json).unwrap();
    assert_eq!(back.declared.len(), 1);
    assert_eq!(back.notes.len(), 2, "{:?}", back.notes);
    // Not a list at all: the file is damaged.
    let bad = backup_json_full(&list, &[], &[], d("2026-12-07"));
    let bad = bad.trim_end().trim_end_matches('}').to_string() + r#","declared":"yes"}"#;
    assert!(read_backup_full(&bad).is_err());
}

#[test]
fn the_record_keeps_declarations_and_reads_back_the_same() {
    let record = Record::default();
    let mut extra = Extra::default();
    assert_eq!(encode_full(&record, &extra), bangfu::store::encode(&record));
    extra
        .declared
        .push(declared("", "jiance", "2026-12-07", 1_765_000_000_000));
    let text = encode_full(&record, &extra);
    let (loaded, back) = decode_full(Some(&text));
    assert!(matches!(loaded, Loaded::Ok(_)));
    assert_eq!(back, extra);
    assert_eq!(encode_full(&record, &back), text, "byte for byte");
    // Declarations of the wrong type make the record unreadable (backed up), not half-read.
    let broken = text.replace("\"declared\":[", "\"declared\":[7,");
    assert_eq!(decode_full(Some(&broken)).0, Loaded::Unreadable);
}

#[test]
fn a_widow_living_alone_is_not_asked_about_school_children() {
    let a = widow();
    for id in ["school", "vocational"] {
        assert!(!a.visible(question(id).unwrap()), "{id} is asked");
    }
    let (done, total) = a.progress();
    assert_eq!(done, total, "every question she is asked is answered");
    // The 上学 section has nothing left to ask her: it is skipped both ways.
    assert_eq!(a.next_section(2), Some(4));
    assert_eq!(a.prev_section(4), Some(2));
    let r = assess(&a);
    assert_eq!(r.get("school").map(|f| f.level), Some(Level::Secure));
    // A family with children is asked.
    let mut b = a.clone();
    b.set("members", "3".into());
    b.set("who", "child".into());
    assert!(b.visible(question("school").unwrap()));
}

#[test]
fn the_widow_gets_one_visit_that_covers_several_programmes_and_a_sheet() {
    let a = widow();
    let r = assess(&a);
    let p = plan(&r).expect("programmes to declare");
    let village: Vec<&str> = p.at_village.iter().map(|p| p.id).collect();
    assert!(
        village.contains(&"jiance") && village.contains(&"housing") && village.contains(&"linshi"),
        "{village:?}"
    );
    // 特困 is worth asking about on the same visit (the village can hand it on).
    let ask: Vec<&str> = p.ask_too.iter().map(|p| p.id).collect();
    assert!(ask.contains(&"tekun"), "{ask:?}");
    assert!(p.elsewhere.iter().any(|p| p.id == "liangxiang"));
    // 特困 and 低保 are alternatives when both are named.
    if p.all().any(|x| x.id == "dibao") {
        assert!(p.alternatives.iter().any(|x| x.ids.contains(&"tekun")));
    }
    let s = sheet(&a, &r, None, Some("3组 张奶奶"), d("2026-12-07")).unwrap();
    let text = s.text();
    assert!(text.starts_with("申报准备单："), "{text}");
    assert!(text.contains("称呼：3组 张奶奶"));
    assert!(
        text.contains("家里1口人，能干活挣钱的0人，户主或主要劳动力68岁。"),
        "{text}"
    );
    assert!(
        text.contains("去年全家收入平均每人：不到 4000 元。"),
        "{text}"
    );
    assert!(text.contains("住房：有裂缝、漏雨或墙歪。"), "{text}");
    assert!(
        text.contains("承诺授权书"),
        "the form they will be asked to sign, explained"
    );
    assert!(
        text.contains("甘肃“一键报贫”"),
        "the province's own channel"
    );
    let channels = text.split("【到哪里申报】").nth(1).unwrap();
    let channels = channels.split('【').next().unwrap();
    assert!(
        !channels.contains("一码申报"),
        "another province's channel is left out"
    );
    // The sources come with it.
    assert!(text.contains("【出处】") && text.contains("国家文件原文"));
    assert!(text.contains("15个工作日"), "each step's time limit");
    assert!(text.contains("行政复议"));
    // Each document once.
    let n = text.matches("· 户口簿").count();
    assert_eq!(n, 1, "{text}");
    // Never an ID number or a link.
    assert!(!text.contains("http") && !text.contains("?v="));
    // Without a label nothing names the family.
    let anon = sheet(&a, &r, Some("tekun"), None, d("2026-12-07")).unwrap();
    assert!(!anon.text().contains("称呼"));
    assert_eq!(anon.programmes.len(), 1);
    assert_eq!(anon.title, "申报准备单：特困供养");
}

#[test]
fn every_programme_with_a_sheet_is_a_finding_the_rules_make() {
    for p in declare::PROGRAMMES {
        let t = bangfu::check::text(p.id);
        assert_eq!(t.id, p.id, "{} has no finding text", p.id);
        let s = declare::sheet_of(p.id).expect("every programme has its sheet");
        assert!(!s.steps.is_empty() && !s.documents.is_empty());
        let limited = matches!(p.clock, declare::Clock::Limit(_) | declare::Clock::Local(_));
        assert_eq!(limited, s.answer.is_some(), "{}", p.id);
    }
}
