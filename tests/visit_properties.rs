//! Properties of the visits beside the record, for any content: what is
//! written reads back the same (earlier visits stored as changes included),
//! reading any text never panics, and a record without visits is written
//! exactly as before.

use bangfu::check::households::{backup_json_with, read_backup_full, Household};
use bangfu::check::merge::{apply_merge, plan_merge};
use bangfu::check::visits::{self, History, Visit};
use bangfu::check::Answers;
use bangfu::date::Date;
use bangfu::store::{decode, decode_full, encode, encode_full, Extra, Loaded, Record};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\/\\t\\n\\u{1}a-z0-9 王李家组村🏠]{0,12}",
    ]
}

/// Answers as the app keeps them: no empty texts (an empty answer is no
/// answer, and that is how the stored changes read one back).
fn answers() -> impl Strategy<Value = Answers> {
    prop::collection::vec(("[a-z_]{1,8}", "[a-z0-9_,万]{1,8}"), 0..8).prop_map(Answers::from_pairs)
}

fn visit() -> impl Strategy<Value = Visit> {
    (text(), text(), answers()).prop_map(|(date, note, answers)| Visit {
        date,
        note,
        answers,
    })
}

fn history() -> impl Strategy<Value = History> {
    (text(), text(), prop::collection::vec(visit(), 0..5)).prop_map(|(id, note, earlier)| History {
        id,
        note,
        earlier,
    })
}

proptest! {
    #[test]
    fn any_history_is_written_and_read_back_the_same(
        visits in prop::collection::vec(history(), 0..4),
        backed_up in prop::option::of(text()),
        changed in prop::collection::vec(text(), 0..3),
        deleted in prop::collection::vec(text(), 0..3),
    ) {
        let extra = Extra { visits, backed_up, changed_since_backup: changed, deleted, declared: Vec::new(), measures: Vec::new() };
        let record = Record::default();
        let text = encode_full(&record, &extra);
        prop_assert_eq!(decode_full(Some(&text)), (Loaded::Ok(Box::new(record.clone())), extra.clone()));
        if extra == Extra::default() {
            prop_assert_eq!(text, encode(&record));
        }
    }

    #[test]
    fn reading_any_text_as_a_record_or_backup_never_panics(raw in any::<String>()) {
        let _ = decode_full(Some(&raw));
        let _ = read_backup_full(&raw);
        let wrapped = format!("{{\"version\":2,\"visits\":[{raw}]}}");
        let _ = decode_full(Some(&wrapped));
    }

    /// Import never loses a visit: after merging a colleague's file, every
    /// visit day either phone had is there.
    #[test]
    fn a_merge_keeps_every_visit_day_of_both_phones(
        mine in prop::collection::vec((1u8..=12, 1u8..=28, answers()), 1..5),
        theirs in prop::collection::vec((1u8..=12, 1u8..=28, answers()), 1..5),
        overwrite in any::<bool>(),
    ) {
        let build = |days: &[(u8, u8, Answers)]| {
            let mut list = vec![Household {
                id: "h1".into(),
                label: "王家".into(),
                village: String::new(),
                date: Date::new(2025, 1, 1).unwrap().to_string(),
                answers: Answers::default(),
            }];
            let mut history = Vec::new();
            for (m, d, a) in days {
                let day = Date::new(2026, *m, *d).unwrap();
                visits::add_visit(&mut list, &mut history, "h1", day, "", a.clone());
            }
            (list, history)
        };
        let (mut list, mut history) = build(&mine);
        let (their_list, their_history) = build(&theirs);
        let days = |l: &[Household], h: &[History]| -> Vec<String> {
            visits::timeline(&l[0], h).into_iter().map(|v| v.date).collect()
        };
        let mut want = days(&list, &history);
        want.extend(days(&their_list, &their_history));
        want.sort();
        want.dedup();
        let file = backup_json_with(&their_list, &their_history, Date::new(2026, 12, 1).unwrap());
        let plan = plan_merge(&list, &history, read_backup_full(&file).unwrap());
        apply_merge(&mut list, &mut history, plan, overwrite);
        prop_assert_eq!(days(&list, &history), want);
        let record = Record { households: list, ..Record::default() };
        let stored = encode_full(&record, &Extra { visits: history, ..Extra::default() });
        prop_assert!(matches!(decode(Some(&stored)), Loaded::Ok(_)));
    }
}
