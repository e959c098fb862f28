//! 本月要走访: every rule of data/visits.toml at its boundaries, through the
//! village's looks (so the summary, its list and this test read the same
//! reasons), and the order of the list.

mod common;
use bangfu::check::declare::Declared;
use bangfu::check::households::Household;
use bangfu::check::must_visit::{VisitFigures, VISIT_PARAMS, VISIT_RULES};
use bangfu::check::village::{self, looks, members, summary, to_visit, Context, Group};
use bangfu::check::visits::History;
use bangfu::check::Answers;
use bangfu::date::Date;
use bangfu::local::{check, LocalFigures, LocalForm};
use bangfu::workdays::add_working_days;
use common::settled;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

const TODAY: &str = "2026-12-07";

fn household(id: &str, date: &str, changes: &[(&'static str, &'static str)]) -> Household {
    let mut pairs = settled();
    for (k, v) in changes {
        pairs.retain(|(q, _)| q != k);
        pairs.push((k, v));
    }
    Household {
        id: id.into(),
        label: id.into(),
        village: "梅河村".into(),
        date: date.into(),
        answers: Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string()))),
    }
}

/// The rules that name a household visited 10 days ago with `changes`.
fn rules_for(changes: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    rules_of(&household("h", "2026-11-27", changes), &[], &[])
}

fn rules_of(h: &Household, history: &[History], declared: &[Declared]) -> Vec<&'static str> {
    reasons_of(h, history, declared)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

fn reasons_of(
    h: &Household,
    history: &[History],
    declared: &[Declared],
) -> Vec<(&'static str, String)> {
    reasons_in(h, history, declared, None)
}

/// The rules naming `h` and their reasons, on the survey day, with the
/// accepted figures `local` (none: the data file's).
fn reasons_in(
    h: &Household,
    history: &[History],
    declared: &[Declared],
    local: Option<&LocalFigures>,
) -> Vec<(&'static str, String)> {
    let cx = Context {
        history,
        declared,
        measures: &[],
        today: day(TODAY),
        local,
    };
    let list = vec![h.clone()];
    let all = looks(&list, None, &cx);
    all[0]
        .1
        .visit
        .iter()
        .map(|r| (r.rule().id, r.text()))
        .collect()
}

#[test]
fn a_settled_household_is_not_listed() {
    assert!(rules_for(&[]).is_empty());
}

#[test]
fn the_figures_and_rules_come_from_the_data_file() {
    assert_eq!(VISIT_PARAMS.near_line_percent.value, 120);
    assert_eq!(VISIT_PARAMS.heavy_medical_yuan.value, 5000);
    assert_eq!(VISIT_PARAMS.wage_share_percent.value, 60);
    assert_eq!(VISIT_PARAMS.visit_every_days.value, 90);
    assert_eq!(VISIT_RULES.first().map(|r| r.id), Some("declare_overdue"));
    for r in VISIT_RULES {
        assert!(!r.source.is_empty() && !r.label.is_empty(), "{}", r.id);
    }
}

#[test]
fn income_near_the_line_counts_up_to_120_percent_of_it() {
    // The national line of 6000: 7200 and more is not near. The calculator
    // gives an exact figure per person (4 people).
    // Farm income (wages would also be 打工占比高), in a province without a
    // 低保 standard in the data (so 低保 is not in play).
    let at = |total: &'static str| {
        rules_for(&[
            ("income", "calc"),
            ("inc_biz", total),
            ("province", "beijing"),
            // Costs up to 2000 would take an income of 7200 below it.
            ("medical", "unknown"),
        ])
    };
    // 7199 each: near.
    assert_eq!(at("28796"), ["income"]);
    // 7200 each: not.
    assert!(at("28800").is_empty());
    // A band that reaches below 7200 may be near.
    assert_eq!(
        rules_for(&[("income", "6000_8000"), ("province", "beijing")]),
        ["income"]
    );
    // Or income that fell.
    assert_eq!(rules_for(&[("income_drop", "some")]), ["income"]);
    let (_, why) = &reasons_of(
        &household("h", "2026-11-27", &[("income_drop", "half")]),
        &[],
        &[],
    )[0];
    assert_eq!(why, "收入低或明显减少：收入比前一年少了一半以上");
}

#[test]
fn a_chronic_illness_counts_from_5000_of_its_own_costs_a_serious_one_always() {
    assert_eq!(rules_for(&[("illness", "serious")]), ["illness"]);
    assert_eq!(
        rules_for(&[("illness", "chronic"), ("medical", "5000_10000")]),
        ["illness"]
    );
    assert!(rules_for(&[("illness", "chronic"), ("medical", "2000_5000")]).is_empty());
}

#[test]
fn wages_count_from_60_percent_of_the_income_or_a_lost_job() {
    let share = |wage: &'static str, biz: &'static str| {
        rules_for(&[("income", "calc"), ("inc_wage", wage), ("inc_biz", biz)])
    };
    assert_eq!(share("60000", "40000"), ["migrant"]);
    assert!(share("59999", "40001").is_empty());
    assert_eq!(rules_for(&[("events", "job")]), ["migrant"]);
}

#[test]
fn ninety_days_without_a_visit_and_an_unreadable_date_are_listed() {
    let seen = |date: &str| rules_of(&household("h", date, &[]), &[], &[]);
    assert!(seen("2026-09-09").is_empty(), "89 days");
    assert_eq!(seen("2026-09-08"), ["not_visited"], "90 days");
    assert_eq!(seen("去年"), ["not_visited"]);
}

#[test]
fn the_eight_must_visit_kinds_each_name_their_household() {
    assert_eq!(rules_for(&[("events", "disaster")]), ["event"]);
    assert_eq!(rules_for(&[("events", "business")]), ["event"]);
    assert_eq!(rules_for(&[("status", "dibao")]), ["dibao"]);
    // A 低保 or 特困 household of one: both kinds.
    assert_eq!(
        rules_for(&[("status", "dibao"), ("members", "1"), ("who", "alone")]),
        ["tekun", "dibao"]
    );
    // May qualify for 特困: nobody works, an old member, no supporter.
    assert_eq!(
        rules_for(&[
            ("members", "2"),
            ("workers", "0"),
            ("who", "elderly"),
            ("support", "no"),
            ("income", "unknown")
        ]),
        ["tekun"]
    );
    assert_eq!(
        rules_for(&[("illness", "disabled"), ("disability_grade", "mild")]),
        ["disability"]
    );
    assert_eq!(
        rules_for(&[("events", "disability")]),
        ["event", "disability"]
    );
    assert_eq!(rules_for(&[("vocational", "yes")]), ["students"]);
    assert_eq!(rules_for(&[("house", "cd")]), ["basic_risk"]);
    // 不清楚 is not a risk.
    assert!(rules_for(&[("water", "unknown")]).is_empty());
}

#[test]
fn risk_that_rose_since_the_last_visit() {
    let h = household("h", "2026-11-27", &[("insured", "unknown")]);
    let before = household("h", "2026-08-20", &[]);
    let history = vec![History {
        id: "h".into(),
        note: String::new(),
        earlier: vec![bangfu::check::visits::Visit {
            date: before.date.clone(),
            note: String::new(),
            answers: before.answers.clone(),
        }],
    }];
    assert_eq!(rules_of(&h, &history, &[]), ["risk_rose"]);
    assert!(rules_of(&h, &[], &[]).is_empty());
}

#[test]
fn a_declaration_is_waiting_to_its_limit_and_overdue_the_day_after() {
    let h = household("h", "2026-11-27", &[]);
    // 低保: an answer within 30 working days.
    let declared = |date: &str| Declared {
        id: "h".into(),
        programme: "dibao".into(),
        date: date.into(),
        answered: None,
        stamp: 1,
        removed: false,
    };
    // Find the day declared whose limit is exactly today.
    let mut d = day("2026-10-01");
    while add_working_days(d, 30).date < day(TODAY) {
        d = d.next();
    }
    let on_the_day = declared(&d.to_string());
    assert_eq!(add_working_days(d, 30).date, day(TODAY));
    assert_eq!(rules_of(&h, &[], &[on_the_day]), ["declare_waiting"]);
    let earlier = declared("2026-10-09");
    assert_eq!(
        rules_of(&h, &[], std::slice::from_ref(&earlier)),
        ["declare_overdue"]
    );
    // An answer noted: nothing to press for.
    let answered = Declared {
        answered: Some("2026-12-01".into()),
        ..earlier.clone()
    };
    assert!(rules_of(&h, &[], &[answered]).is_empty());
    // Another household's declaration is not this one's.
    let other = Declared {
        id: "x".into(),
        ..earlier
    };
    assert!(rules_of(&h, &[], &[other]).is_empty());
}

#[test]
fn the_list_puts_the_most_urgent_reason_first_then_more_reasons_then_the_longest_unvisited() {
    let list = vec![
        household("overdue-visit", "2026-08-01", &[]),
        household("house", "2026-11-27", &[("house", "cd")]),
        household(
            "ill-and-poor",
            "2026-11-27",
            &[("illness", "serious"), ("income_drop", "half")],
        ),
        household("ill", "2026-11-01", &[("illness", "serious")]),
        household("ill-older", "2026-10-01", &[("illness", "serious")]),
        household("settled", "2026-11-27", &[]),
    ];
    let cx = Context {
        history: &[],
        declared: &[],
        measures: &[],
        today: day(TODAY),
        local: None,
    };
    let all = looks(&list, None, &cx);
    let order: Vec<&str> = to_visit(&all)
        .iter()
        .map(|(i, _)| list[*i].id.as_str())
        .collect();
    assert_eq!(
        order,
        ["house", "ill-and-poor", "ill-older", "ill", "overdue-visit"]
    );
}

/// Figures a county set in 本地数字, checked as the editor and a link check
/// them (place and date as any accepted set has them).
fn local(pairs: &[(&str, &str)]) -> LocalFigures {
    let mut f = LocalForm::default();
    for (k, v) in [("place", "某某县"), ("date", "2026-01-01")]
        .iter()
        .chain(pairs)
    {
        f.set(k, v.to_string());
    }
    let c = check(&f);
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c.figures
}

/// [`reasons_of`] (no history or declarations) with the accepted figures.
fn reasons_with(h: &Household, figures: &LocalFigures) -> Vec<(&'static str, String)> {
    reasons_in(h, &[], &[], Some(figures))
}

fn rules_with(h: &Household, figures: &LocalFigures) -> Vec<&'static str> {
    reasons_with(h, figures)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

#[test]
fn local_days_between_visits_move_the_boundary_the_count_and_its_label() {
    let every_30 = local(&[("visit_days", "30")]);
    let seen = |date: &str| rules_with(&household("h", date, &[]), &every_30);
    // 2026-11-07 is 30 days before today, 2026-11-08 29.
    assert_eq!(seen("2026-11-07"), ["not_visited"], "30 days");
    assert!(seen("2026-11-08").is_empty(), "29 days");
    assert_eq!(
        reasons_with(&household("h", "2026-11-07", &[]), &every_30)[0].1,
        "很久没走访：30天没走访了"
    );
    // Without the local figure, 30 days is not long.
    assert!(rules_of(&household("h", "2026-11-07", &[]), &[], &[]).is_empty());
    // The summary counts with the same figure and says it.
    let list = vec![
        household("a", "2026-11-07", &[]),
        household("b", "2026-11-08", &[]),
    ];
    let cx = Context {
        history: &[],
        declared: &[],
        measures: &[],
        today: day(TODAY),
        local: Some(&every_30),
    };
    let s = summary(&list, None, &cx);
    assert!(s.rows.contains(&(Group::NotVisited(30), 1)), "{:?}", s.rows);
    assert_eq!(Group::NotVisited(30).label(), "30天以上没走访");
    assert_eq!(village::not_visited_days(Some(&every_30)), 30);
    assert_eq!(
        members(&list, None, Group::NotVisited(30), &cx)
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["a"]
    );
    // Local figures without this one keep the data file's 90 days.
    let line_only = local(&[("line", "7500")]);
    assert_eq!(village::not_visited_days(Some(&line_only)), 90);
    assert!(rules_with(&household("h", "2026-11-07", &[]), &line_only).is_empty());
}

#[test]
fn local_near_the_line_150_percent_lists_8999_per_person_against_a_6000_line() {
    // 4 people, farm income, a province without a 低保 standard in the data,
    // as in the 120 % test above.
    let at = |total: &'static str| {
        household(
            "h",
            "2026-11-27",
            &[
                ("income", "calc"),
                ("inc_biz", total),
                ("province", "beijing"),
                ("medical", "unknown"),
            ],
        )
    };
    let near_150 = local(&[("near_line", "150")]);
    // 8,999 each: near 6,000 × 150 % = 9,000.
    assert_eq!(rules_with(&at("35996"), &near_150), ["income"]);
    assert_eq!(
        reasons_with(&at("35996"), &near_150)[0].1,
        "收入低或明显减少：人均收入在监测线（6000元）附近或以下"
    );
    // 9,000 each: not.
    assert!(rules_with(&at("36000"), &near_150).is_empty());
    // The data file's 120 % does not list 8,999.
    assert!(rules_of(&at("35996"), &[], &[]).is_empty());
    // With a local line too, both figures are the county's: 7,500 × 150 %.
    let both = local(&[("line", "7500"), ("near_line", "150")]);
    assert_eq!(rules_with(&at("44996"), &both), ["income"]);
    assert!(rules_with(&at("45000"), &both).is_empty());
}

#[test]
fn local_heavy_medical_costs_and_wage_share_move_their_boundaries() {
    let h = |changes: &[(&'static str, &'static str)]| household("h", "2026-11-27", changes);
    let chronic = h(&[("illness", "chronic"), ("medical", "2000_5000")]);
    assert!(rules_of(&chronic, &[], &[]).is_empty());
    assert_eq!(
        rules_with(&chronic, &local(&[("heavy_medical", "2000")])),
        ["illness"]
    );
    let wages = h(&[
        ("income", "calc"),
        ("inc_wage", "50000"),
        ("inc_biz", "50000"),
    ]);
    assert!(rules_of(&wages, &[], &[]).is_empty());
    let half = local(&[("wage_share", "50")]);
    assert_eq!(rules_with(&wages, &half), ["migrant"]);
    let less = h(&[
        ("income", "calc"),
        ("inc_wage", "49999"),
        ("inc_biz", "50001"),
    ]);
    assert!(rules_with(&less, &half).is_empty());
}

#[test]
fn the_figures_in_use_are_the_data_files_unless_a_local_one_is_set() {
    let data = VisitFigures::of(None);
    assert_eq!(
        (
            data.near_line_percent,
            data.heavy_medical_yuan,
            data.wage_share_percent,
            data.visit_every_days
        ),
        (120, 5000, 60, 90)
    );
    let some = VisitFigures::of(Some(&local(&[("near_line", "130"), ("visit_days", "60")])));
    assert_eq!(
        (
            some.near_line_percent,
            some.heavy_medical_yuan,
            some.wage_share_percent,
            some.visit_every_days
        ),
        (130, 5000, 60, 60)
    );
    assert!(some.overdue(Some(60)) && !some.overdue(Some(59)) && some.overdue(None));
}
