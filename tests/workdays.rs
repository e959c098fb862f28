//! 工作日 arithmetic against days counted by hand on a 2026 calendar and the
//! State Council's 2026 holiday notice (data/holidays.toml).

use bangfu::date::Date;
use bangfu::workdays::{add_working_days, holiday_year, is_working_day};

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn due(start: &str, n: u32) -> (String, bool) {
    let r = add_working_days(d(start), n);
    (r.date.to_string(), r.exact)
}

#[test]
fn weekdays_are_right() {
    assert_eq!(d("1970-01-01").weekday(), 4);
    assert_eq!(d("2026-12-07").weekday(), 1);
    assert_eq!(d("2026-12-13").weekday(), 7);
    assert_eq!(d("2024-02-29").weekday(), 4);
    assert_eq!(d("2000-01-01").weekday(), 6);
}

#[test]
fn the_day_of_declaring_is_not_counted_and_weekends_are_skipped() {
    // Mon 7 Dec 2026: 8–11 (4), 14–18 (9), 21 is the 10th.
    assert_eq!(due("2026-12-07", 10), ("2026-12-21".into(), true));
    // Declared on a Friday: Monday is the first working day.
    assert_eq!(due("2026-12-04", 1), ("2026-12-07".into(), true));
    // Declared on a Sunday: the same.
    assert_eq!(due("2026-12-06", 1), ("2026-12-07".into(), true));
    assert_eq!(due("2026-12-07", 0), ("2026-12-07".into(), true));
    // Five working days from a Wednesday end on the next Wednesday.
    assert_eq!(due("2026-11-25", 5), ("2026-12-02".into(), true));
}

#[test]
fn month_ends_roll_over() {
    // Thu 29 Oct: 30 (1), Nov 2–6 (6), 9–13 (11), 16–20 (16), 23–25 → 25th is the 19th … 26th is 20.
    assert_eq!(due("2026-10-29", 20), ("2026-11-26".into(), true));
    // Fri 27 Feb 2026: Sat 28 Feb is a 调休 working day.
    assert_eq!(due("2026-02-27", 1), ("2026-02-28".into(), true));
}

#[test]
fn holidays_and_make_up_days_of_2026_count() {
    // 春节: 15–23 Feb off, Sat 14 Feb worked. From Fri 13 Feb:
    // 14 (1, 调休), 24 (2), 25 (3), 26 (4), 27 (5).
    assert_eq!(due("2026-02-13", 5), ("2026-02-27".into(), true));
    // 国庆: 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked.
    // From Fri 18 Sep: 20 (1), 21–24 (5), 25–27 off, 28–30 (8), 8 Oct (9), 9 (10), 10 (11).
    assert_eq!(due("2026-09-18", 11), ("2026-10-10".into(), true));
    // 劳动节 1–5 May off (Mon 4 and Tue 5 included), Sat 9 May worked.
    assert_eq!(due("2026-04-30", 1), ("2026-05-06".into(), true));
    assert_eq!(due("2026-05-08", 1), ("2026-05-09".into(), true));
    assert_eq!(is_working_day(d("2026-01-04")), (true, true));
    assert_eq!(is_working_day(d("2026-01-02")), (false, true));
    assert_eq!(is_working_day(d("2026-06-19")), (false, true));
    assert_eq!(is_working_day(d("2026-06-22")), (true, true));
}

#[test]
fn a_year_without_a_table_gives_an_approximate_date() {
    assert!(holiday_year(2027).is_none());
    // 20 working days from Mon 7 Dec 2026: 18 left in December, then
    // Fri 1 Jan 2027 and Mon 4 Jan by weekdays alone (元旦 of 2027 is not
    // announced here), so the date is 约.
    assert_eq!(due("2026-12-07", 20), ("2027-01-04".into(), false));
    // Inside December only: exact.
    assert_eq!(due("2026-12-07", 18), ("2026-12-31".into(), true));
    let r = add_working_days(d("2026-12-07"), 20);
    assert_eq!(r.told(2026), "约2027年1月4日");
    assert_eq!(add_working_days(d("2026-12-07"), 10).told(2026), "12月21日");
}

#[test]
fn the_table_is_complete_and_dated() {
    let y = holiday_year(2026).expect("2026 is in the table");
    assert_eq!(y.off.len(), 3 + 9 + 3 + 5 + 3 + 3 + 7);
    assert_eq!(y.work.len(), 6);
    assert!(y.source.contains("2025年11月4日"));
}
