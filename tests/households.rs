//! The cadre's list: CSV for Excel, JSON backup, and imports that never lose data.

use bangfu::check::households::{
    apply_import, backup_json, csv, plan_import, read_backup, read_backup_bytes, sorted, Household,
    SortBy, MAX_BACKUP_BYTES,
};
use bangfu::check::{Answers, Risk};
use bangfu::date::Date;

fn household(id: &str, label: &str, answers: &[(&str, &str)]) -> Household {
    let mut a = Answers::default();
    for (k, v) in answers {
        a.set(k, v.to_string());
    }
    Household {
        id: id.into(),
        label: label.into(),
        village: "梅河村".into(),
        date: "2026-11-20".into(),
        answers: a,
    }
}

fn two() -> Vec<Household> {
    vec![
        household(
            "h1",
            "3组 王家, \"老宅\"",
            &[("members", "4"), ("income", "lt4000"), ("food", "no")],
        ),
        household("h2", "5组 李家", &[("members", "2"), ("income", "gt15000")]),
    ]
}

#[test]
fn csv_opens_in_excel() {
    let text = csv(&two(), None);
    assert!(text.starts_with('\u{feff}'), "UTF-8 BOM for Excel");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "标签,村/组,日期,风险,最重要的事,人口,人均年收入,全部发现,申报"
    );
    assert!(
        lines[1].starts_with("\"3组 王家, \"\"老宅\"\"\",梅河村,2026-11-20,需要尽快帮扶,"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("可以向村委会申报防返贫监测"));
    assert!(lines[2].starts_with("5组 李家,梅河村,2026-11-20,"));
    assert_eq!(lines.len(), 4); // header, two rows, trailing empty
}

#[test]
fn backup_round_trips() {
    let list = two();
    let json = backup_json(&list, Date::new(2026, 11, 29).unwrap());
    let (back, notes) = read_backup(&json).unwrap();
    assert_eq!(back, list);
    assert!(notes.is_empty());
}

#[test]
fn bad_backups_are_refused_with_a_message() {
    for (text, expected) in [
        ("", "读不出来"),
        ("hello", "读不出来"),
        ("{}", "不是帮扶助手"),
        (
            r#"{"app":"bangfu","kind":"households","version":9,"exported":"x","households":[]}"#,
            "更新版本",
        ),
        (
            r#"{"app":"bangfu","kind":"households","version":1,"exported":"x","households":{}}"#,
            "损坏",
        ),
        (
            r#"{"app":"bangfu","kind":"households","version":1,"exported":"x","households":[{"id":"a","label":"x","village":"","date":"2026-02-30","answers":{}}]}"#,
            "日期",
        ),
        (
            r#"{"app":"bangfu","kind":"households","version":1,"exported":"x","households":[{"id":"a","label":"x","village":"","date":"2026-02-03","answers":{}},{"id":"a","label":"y","village":"","date":"2026-02-03","answers":{}}]}"#,
            "重复",
        ),
    ] {
        let err = read_backup(text).unwrap_err();
        assert!(err.contains(expected), "{text}: {err}");
    }
}

#[test]
fn import_adds_new_and_asks_before_overwriting() {
    let mut phone = two();
    let mut changed = phone[1].clone();
    changed.label = "5组 李家（改过）".into();
    let incoming = vec![
        phone[0].clone(),
        changed.clone(),
        household("h3", "新的一户", &[]),
    ];
    let plan = plan_import(&phone, incoming.clone());
    assert_eq!(plan.new.len(), 1);
    assert_eq!(plan.unchanged, 1);
    assert_eq!(plan.conflicts, vec![changed.clone()]);
    apply_import(&mut phone, plan, false);
    assert_eq!(phone.len(), 3);
    assert_eq!(phone[1].label, "5组 李家", "kept without asking");
    let plan = plan_import(&phone, incoming);
    apply_import(&mut phone, plan, true);
    assert_eq!(phone[1].label, "5组 李家（改过）");
    assert_eq!(phone.len(), 3);
}

#[test]
fn sorting_and_filtering_by_risk() {
    let list = two();
    let by_risk = sorted(&list, SortBy::Risk, None, None, &str::cmp);
    assert_eq!(by_risk[0].id, "h1");
    assert_eq!(
        sorted(&list, SortBy::Risk, Some(Risk::High), None, &str::cmp).len(),
        1
    );
    assert_eq!(
        sorted(&list, SortBy::Label, None, None, &str::cmp)[0].id,
        "h1"
    );
}

#[test]
fn the_list_uses_the_local_figures_when_accepted() {
    use bangfu::local::{check, LocalForm};
    // 6,000–8,000 元 per person: above the national 6,000 line, below a local 8,000.
    let h = household(
        "h3",
        "7组 赵家",
        &[("members", "3"), ("income", "6000_8000")],
    );
    let mut form = LocalForm::default();
    for (k, v) in [
        ("place", "某某县"),
        ("date", "2026-01-01"),
        ("line", "8000"),
    ] {
        form.set(k, v.into());
    }
    let local = check(&form).figures;
    // Nationally only 需要关注 (other answers unknown); locally below the line.
    assert_eq!(h.risk(None), Risk::Medium);
    assert_eq!(h.risk(Some(&local)), Risk::High);
    let (_, top) = h.overview(Some(&local));
    assert!(top.contains("防返贫监测"), "{top}");
    let list = vec![h];
    assert!(csv(&list, Some(&local)).contains("需要尽快帮扶"));
    assert!(csv(&list, None).contains("需要关注"));
    assert_eq!(
        sorted(
            &list,
            SortBy::Risk,
            Some(Risk::High),
            Some(&local),
            &str::cmp
        )
        .len(),
        1
    );
    assert!(sorted(&list, SortBy::Risk, Some(Risk::High), None, &str::cmp).is_empty());
}

/// What a cadre might pick instead of a backup: each is refused with a plain
/// message (the list on the phone is not touched: the browser test checks that).
#[test]
fn import_refuses_gbk_csv_huge_and_deeply_nested_files() {
    let ok = r#"{"app":"bangfu","kind":"households","version":1,"exported":"x","households":[{"id":"a","label":"王家","village":"","date":"2026-02-03","answers":{}}]}"#;
    assert_eq!(read_backup_bytes(ok.as_bytes()).unwrap().0.len(), 1);
    // The same file saved as GBK: 王家 is CD F5 BC D2, not UTF-8.
    let gbk: Vec<u8> = ok
        .replace("王家", "\u{0}")
        .bytes()
        .flat_map(|b| {
            if b == 0 {
                vec![0xCD, 0xF5, 0xBC, 0xD2]
            } else {
                vec![b]
            }
        })
        .collect();
    assert!(read_backup_bytes(&gbk).unwrap_err().contains("GBK"));
    // The CSV export passed as a backup.
    let csv_file = csv(&two(), None);
    assert!(read_backup_bytes(csv_file.as_bytes())
        .unwrap_err()
        .contains("读不出来"));
    // Over 5 MB: refused before it is parsed.
    let huge = vec![b' '; MAX_BACKUP_BYTES + 1];
    assert!(read_backup_bytes(&huge).unwrap_err().contains("太大"));
    // Nested 10,000 deep: serde_json's depth limit refuses it, no stack overflow.
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(read_backup_bytes(deep.as_bytes())
        .unwrap_err()
        .contains("读不出来"));
    let deep_obj = format!(
        r#"{{"app":"bangfu","kind":"households","version":1,"households":[{}{}]}}"#,
        r#"{"a":"#.repeat(10_000),
        "}".repeat(10_000)
    );
    assert!(read_backup_bytes(deep_obj.as_bytes()).is_err());
}
