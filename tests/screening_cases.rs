//! Runs the rule cases in tests/screening_cases.toml: answers in, expected
//! findings out. Every answer in a case must be valid for its question, so a
//! case cannot silently test nothing.

use bangfu::check::answers::check_value;
use bangfu::check::questions::question;
use bangfu::check::whatif::{compare, WhatIfForm};
use bangfu::check::{assess_with, Answers};
use bangfu::local::{check, LocalForm};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    answers: BTreeMap<String, String>,
    #[serde(default)]
    expect: BTreeMap<String, String>,
    #[serde(default)]
    absent: Vec<String>,
    risk: Option<String>,
    /// 本地数字 accepted on the phone (field key = text, as on the 本地数字
    /// screen); every one must read.
    #[serde(default)]
    local: BTreeMap<String, String>,
    /// Texts that must appear in a finding's reasons: finding id = text.
    #[serde(default)]
    says: BTreeMap<String, String>,
    /// Texts no reason may carry (a document belongs in the 依据 line, once).
    #[serde(default)]
    never: Vec<String>,
    /// Text the line under the results (监测线 used, with its document) must carry.
    line: Option<String>,
    /// Text the line naming the 低保 standard used must carry.
    standard: Option<String>,
    /// 如果……会怎样: the amounts as typed (医药费 `medical`, 少挣的
    /// `lost_income`). With it, `expect`, `absent`, `says` and `risk` are
    /// about the household after the change, and `before` about today.
    #[serde(default)]
    what_if: BTreeMap<String, String>,
    #[serde(default)]
    before: BTreeMap<String, String>,
    /// With `what_if`: the per-person income after medical costs, (low, high)
    /// in 元, high 0 for no upper bound.
    net: Option<(i64, i64)>,
}

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[test]
fn every_case_in_the_data_file() {
    let text = std::fs::read_to_string("tests/screening_cases.toml").unwrap();
    let file: File = toml::from_str(&text).unwrap();
    assert!(
        file.case.len() >= 30,
        "at least 30 cases, found {}",
        file.case.len()
    );
    let mut failures = Vec::new();
    for c in &file.case {
        for (id, v) in &c.answers {
            let q = question(id).unwrap_or_else(|| panic!("{}: no question {id}", c.name));
            assert!(
                check_value(q, v).is_ok(),
                "{}: {id} = {v:?} is not a valid answer",
                c.name
            );
        }
        let local = (!c.local.is_empty()).then(|| {
            let checked = check(&LocalForm(Answers::from_pairs(c.local.clone())));
            assert!(
                checked.errors.is_empty(),
                "{}: {:?}",
                c.name,
                checked.errors
            );
            checked.figures
        });
        let answers = Answers::from_pairs(c.answers.clone());
        let report = if c.what_if.is_empty() {
            assert!(c.before.is_empty(), "{}: before without what_if", c.name);
            assess_with(&answers, local.as_ref())
        } else {
            let form = WhatIfForm {
                medical: c.what_if.get("medical").cloned().unwrap_or_default(),
                lost_income: c.what_if.get("lost_income").cloned().unwrap_or_default(),
            };
            let w = form
                .read()
                .unwrap_or_else(|e| panic!("{}: what_if {e:?}", c.name));
            let cmp = compare(&answers, local.as_ref(), &w);
            assert_eq!(cmp.today, assess_with(&answers, local.as_ref()));
            for (id, level) in &c.before {
                match cmp.today.get(id) {
                    Some(f) if f.level.key() == level => {}
                    Some(f) => failures.push(format!(
                        "{}: today {id} is {} not {level}",
                        c.name,
                        f.level.key()
                    )),
                    None if level == "absent" => {}
                    None => failures.push(format!("{}: today {id} missing", c.name)),
                }
            }
            if let Some((lo, hi)) = c.net {
                let want = Some((lo, (hi > 0).then_some(hi)));
                if cmp.then.net != want {
                    failures.push(format!("{}: net {:?} not {want:?}", c.name, cmp.then.net));
                }
            }
            cmp.then
        };
        for (id, text) in &c.says {
            match report.get(id) {
                Some(f) if f.why.iter().any(|w| w.contains(text.as_str())) => {}
                Some(f) => failures.push(format!(
                    "{}: {id} does not say {text:?} ({:?})",
                    c.name, f.why
                )),
                None => failures.push(format!("{}: {id} missing", c.name)),
            }
        }
        for (id, level) in &c.expect {
            match report.get(id) {
                Some(f) if f.level.key() == level => {}
                Some(f) => failures.push(format!(
                    "{}: {id} is {} not {level} ({:?})",
                    c.name,
                    f.level.key(),
                    f.why
                )),
                None => failures.push(format!("{}: {id} missing", c.name)),
            }
        }
        for text in &c.never {
            for f in &report.findings {
                if f.why.iter().any(|w| w.contains(text.as_str())) {
                    failures.push(format!("{}: {} says {text:?} ({:?})", c.name, f.id, f.why));
                }
            }
        }
        if let Some(text) = &c.line {
            if !report.line.1.contains(text.as_str()) {
                failures.push(format!(
                    "{}: the line used does not say {text:?} ({:?})",
                    c.name, report.line.1
                ));
            }
        }
        if let Some(text) = &c.standard {
            match &report.dibao {
                Some((_, s)) if s.contains(text.as_str()) => {}
                other => failures.push(format!(
                    "{}: the 低保 standard does not say {text:?} ({other:?})",
                    c.name
                )),
            }
        }
        for id in &c.absent {
            if let Some(f) = report.get(id) {
                failures.push(format!(
                    "{}: {id} should be absent, is {} ({:?})",
                    c.name,
                    f.level.key(),
                    f.why
                ));
            }
        }
        if let Some(r) = &c.risk {
            if report.risk().key() != r {
                failures.push(format!("{}: risk {} not {r}", c.name, report.risk().key()));
            }
        }
        // Inclusion: nothing is ever a flat "no"; every finding has its text.
        for f in &report.findings {
            assert_eq!(
                bangfu::check::text(f.id).id,
                f.id,
                "{}: no text for {}",
                c.name,
                f.id
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn shared_answers_round_trip_and_drop_junk() {
    use bangfu::check::answers::{from_link_value, to_link_value};
    let mut a = Answers::default();
    a.set("members", "4".into());
    a.set("events", "disaster,job".into());
    a.set("inc_wage", "1.8万".into());
    let (back, notes) = from_link_value(&to_link_value(&a));
    assert_eq!(back, a);
    assert!(notes.is_empty());
    let (back, notes) = from_link_value("members=4|income=bogus|evil=<script>|nonsense");
    assert_eq!(back.get("members"), Some("4"));
    assert_eq!(back.get("income"), None);
    assert_eq!(notes.len(), 2);
}

#[test]
fn multiple_choice_toggles_exclusive_options() {
    let mut a = Answers::default();
    a.toggle("events", "disaster");
    a.toggle("events", "job");
    assert_eq!(a.get("events"), Some("disaster,job"));
    a.toggle("events", "none");
    assert_eq!(a.get("events"), Some("none"));
    a.toggle("events", "job");
    assert_eq!(a.get("events"), Some("job"));
    a.toggle("events", "job");
    assert_eq!(a.get("events"), None);
}

#[test]
fn progress_counts_only_shown_questions() {
    let mut a = Answers::default();
    let (_, total) = a.progress();
    a.set("income", "calc".into());
    let (_, with_calc) = a.progress();
    // The calculator's fields are optional: they do not lengthen the check.
    assert_eq!(total, with_calc);
    a.set("members", "3".into());
    assert_eq!(a.progress().0, 2);
    a.set("members", "abc".into());
    assert_eq!(a.progress().0, 1);
}

#[test]
fn every_finding_links_to_a_policy_entry() {
    for t in bangfu::check::FINDINGS {
        assert!(
            bangfu::policy::entry(t.policy).is_some(),
            "finding {} links to unknown policy entry {}",
            t.id,
            t.policy
        );
    }
}

/// A household's headline is its most serious finding: a serious illness
/// with income halved and 医保 unknown is not headlined by its water.
#[test]
fn the_headline_is_the_most_serious_finding() {
    let pairs = |p: &[(&str, &str)]| {
        Answers::from_pairs(p.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    };
    let ill = pairs(&[
        ("members", "4"),
        ("income", "10000_15000"),
        ("income_drop", "half"),
        ("illness", "serious"),
        ("insured", "unknown"),
        ("water", "no"),
        ("food", "yes"),
        ("house", "safe"),
    ]);
    let r = assess_with(&ill, None);
    assert_eq!(
        r.get("water").map(|f| f.level),
        Some(bangfu::check::Level::Risk)
    );
    assert_eq!(r.most_serious().map(|f| f.id), Some("jiance"));
    // An unsafe house still comes before a possible case for monitoring.
    let house = pairs(&[("members", "4"), ("income_drop", "half"), ("house", "cd")]);
    assert_eq!(
        assess_with(&house, None).most_serious().map(|f| f.id),
        Some("housing")
    );
    // Nothing to do: no headline.
    let well = pairs(&[("members", "3"), ("income", "gt15000"), ("food", "yes")]);
    assert_eq!(assess_with(&well, None).most_serious(), None);
}
