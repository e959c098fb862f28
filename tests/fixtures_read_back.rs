//! Files written by the app as it was before serde (commit f769185) and by
//! the first build (version 1, serde_json): the app must read them all, and
//! write the record and the backup back byte for byte, so a phone can move
//! between builds in either direction. The fixtures were written by that
//! code itself; never edit them by hand.

use bangfu::check::households::{backup_json, read_backup, Household};
use bangfu::check::Answers;
use bangfu::date::Date;
use bangfu::eligibility::Facts;
use bangfu::form::LoanForm;
use bangfu::store::{decode, encode, CheckState, Loaded, Record, VERSION};

const RECORD_V1: &str = include_str!("fixtures/record-v1.json");
const RECORD_V2: &str = include_str!("fixtures/record-v2.json");
const BACKUP: &str = include_str!("fixtures/backup.json");

fn answers(pairs: &[(&str, &str)]) -> Answers {
    Answers::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())))
}

fn loan() -> LoanForm {
    LoanForm {
        product: "bangfu2026".into(),
        amount: "5万".into(),
        months: "36".into(),
        rate: "3.45".into(),
        method: "equal_installment".into(),
        io: "0".into(),
        subsidy: "100".into(),
        subsidy_cap: "５万".into(),
        subsidy_timing: "yearly".into(),
        start: "2026-03-15".into(),
    }
}

fn facts() -> Facts {
    Facts {
        age: "45岁".into(),
        status: "tuopin".into(),
        purpose: "planting".into(),
        bad_credit: "no".into(),
        existing: "1万".into(),
    }
}

fn households() -> Vec<Household> {
    vec![
        Household {
            id: "h1".into(),
            label: "3组 \"王家\" 老宅".into(),
            village: "梅河村".into(),
            date: "2026-11-20".into(),
            answers: answers(&[
                ("members", "4"),
                ("income", "lt4000"),
                ("food", "no"),
                ("who", "elderly,child"),
            ]),
        },
        Household {
            id: "h2-李".into(),
            label: "5组\\李家 🏠🌾 中".into(),
            village: "河西\t二组".into(),
            date: "2026-11-21".into(),
            answers: answers(&[
                ("members", "2"),
                ("income", "gt15000"),
                ("events", "illness,disaster"),
            ]),
        },
        Household {
            id: "h3".into(),
            label: "赵家（“小赵”）\u{1} 👨‍👩‍👧".into(),
            village: "".into(),
            date: "2026-11-29".into(),
            answers: Answers::default(),
        },
    ]
}

fn record_v2() -> Record {
    Record {
        version: VERSION,
        loan: Some(loan()),
        facts: facts(),
        check: CheckState {
            answers: answers(&[
                ("members", "4"),
                ("who", "elderly,child"),
                ("income", "lt4000"),
                ("province", "hebei"),
                ("illness", "chronic,disabled"),
                ("main_age", "45"),
            ]),
            section: 3,
            editing: Some("h1".into()),
            finished: true,
        },
        households: households()[..2].to_vec(),
        local: None,
        big: false,
    }
}

#[test]
fn version_2_record_reads_and_writes_back_byte_for_byte() {
    let Loaded::Ok(r) = decode(Some(RECORD_V2)) else {
        panic!("record-v2.json unreadable")
    };
    assert_eq!(*r, record_v2());
    assert_eq!(r.check.answers.get("who"), Some("elderly,child"));
    assert_eq!(encode(&r), RECORD_V2);
}

#[test]
fn version_1_record_migrates_with_an_empty_self_check_and_list() {
    let Loaded::Ok(r) = decode(Some(RECORD_V1)) else {
        panic!("record-v1.json unreadable")
    };
    assert_eq!(
        *r,
        Record {
            version: VERSION,
            loan: Some(loan()),
            facts: facts(),
            check: CheckState::default(),
            households: Vec::new(),
            local: None,
            big: false,
        }
    );
    // Saved again, it is a version-2 record that reads back the same.
    let again = encode(&r);
    assert!(again.starts_with("{\"version\":2,"), "{again}");
    assert_eq!(decode(Some(&again)), Loaded::Ok(r));
}

#[test]
fn backup_imports_and_writes_back_byte_for_byte() {
    let (list, notes) = read_backup(BACKUP).expect("backup.json refused");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(list, households());
    assert_eq!(backup_json(&list, Date::new(2026, 11, 29).unwrap()), BACKUP);
}

/// The version-1 fixture is what the first build (7f40a5a) wrote: its record
/// was these serde derives, fields version, loan, facts.
#[test]
fn version_1_fixture_is_what_the_first_build_wrote() {
    #[derive(serde::Serialize)]
    struct RecordV1 {
        version: u32,
        loan: Option<LoanForm>,
        facts: Facts,
    }
    let v1 = RecordV1 {
        version: 1,
        loan: Some(loan()),
        facts: facts(),
    };
    assert_eq!(serde_json::to_string(&v1).unwrap(), RECORD_V1);
}

/// A record and a backup with declarations (我已申报), as this build writes
/// them: read back and written again byte for byte, so the format cannot
/// drift unnoticed. `BLESS=1 cargo test --test fixtures_read_back` writes
/// them again (only when the format is meant to change).
mod declared {
    use bangfu::check::declare::Declared;
    use bangfu::check::households::{backup_json_full, read_backup_full, Household};
    use bangfu::check::Answers;
    use bangfu::date::Date;
    use bangfu::store::{decode_full, encode_full, Extra, Loaded, Record};

    const RECORD: &str = "tests/fixtures/record-declared.json";
    const BACKUP: &str = "tests/fixtures/backup-declared.json";

    fn declared() -> Vec<Declared> {
        let d = |id: &str, programme: &str, date: &str, answered: Option<&str>, stamp, removed| {
            Declared {
                id: id.into(),
                programme: programme.into(),
                date: date.into(),
                answered: answered.map(Into::into),
                stamp,
                removed,
            }
        };
        vec![
            d("", "jiance", "2026-12-01", None, 1_764_900_000_000, false),
            d(
                "h1",
                "dibao",
                "2026-11-02",
                Some("2026-12-04"),
                1_764_900_000_001,
                false,
            ),
            d("h1", "tekun", "2026-11-03", None, 1_764_900_000_002, true),
        ]
    }

    fn list() -> Vec<Household> {
        vec![Household {
            id: "h1".into(),
            label: "3组 王家".into(),
            village: "梅河村".into(),
            date: "2026-11-01".into(),
            answers: Answers::from_pairs([("members".to_string(), "1".to_string())]),
        }]
    }

    fn fixture(path: &str, made: String) -> String {
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(path, &made).unwrap();
        }
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn a_record_with_declarations_reads_back_byte_for_byte() {
        let record = Record {
            households: list(),
            ..Record::default()
        };
        let extra = Extra {
            declared: declared(),
            ..Extra::default()
        };
        let text = fixture(RECORD, encode_full(&record, &extra));
        let (loaded, back) = decode_full(Some(&text));
        let Loaded::Ok(r) = loaded else {
            panic!("{loaded:?}")
        };
        assert_eq!(back, extra);
        assert_eq!(encode_full(&r, &back), text);
    }

    #[test]
    fn a_backup_with_declarations_reads_back_byte_for_byte() {
        let today = Date::new(2026, 12, 7).unwrap();
        let text = fixture(BACKUP, backup_json_full(&list(), &[], &declared(), today));
        let back = read_backup_full(&text).unwrap();
        // The removed one stays on the phone; this phone's own is not the list's.
        assert_eq!(back.declared, declared()[1..2].to_vec());
        assert_eq!(
            backup_json_full(&back.households, &back.visits, &back.declared, today),
            text
        );
    }
}
