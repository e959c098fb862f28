//! What several test files share.

/// Every question answered, the way a full visit leaves them: nothing found,
/// no rule of 本月要走访 names it.
pub fn settled() -> Vec<(&'static str, &'static str)> {
    vec![
        ("members", "4"),
        ("workers", "2"),
        ("main_age", "45"),
        ("who", "elderly,child"),
        ("support", "yes"),
        ("province", "hebei"),
        ("status", "none"),
        ("income", "gt15000"),
        ("income_drop", "no"),
        ("food", "yes"),
        ("water", "yes"),
        ("school", "yes"),
        ("vocational", "no"),
        ("insured", "yes"),
        ("illness", "none"),
        ("medical", "lt2000"),
        ("house", "safe"),
        ("events", "none"),
        ("plan", "no"),
        ("needs", "none"),
    ]
}
