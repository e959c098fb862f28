//! What every data file shares about sources: the five kinds of source a
//! reader is told about, the reasons a basis may have no document number, and
//! the check that keeps the team's working notes off the villager's screen.
//!
//! A reader cannot weigh a source he cannot see the nature of, so every basis
//! line says in plain words what it rests on; a figure resting on a repost, a
//! report or the tool's own summary also says 以当地为准 beside it (the app
//! adds that from the kind, so an editor cannot forget it).

/// The kinds of source, as written in the data files, with their keys in the
/// content pack and their `SourceKind` variants in generated Rust. Grade A/B
/// texts of national documents are 国家文件原文; an official page of a
/// province, city or county is 官方网站.
pub const KINDS: &[(&str, &str, &str)] = &[
    ("国家文件原文", "law", "Law"),
    ("官方网站", "official", "Official"),
    ("官方文件的转载", "repost", "Repost"),
    ("媒体报道", "media", "Media"),
    ("本工具整理", "own", "Own"),
];

/// The only reasons a basis may give for having no document number.
pub const NO_NUMBER_REASONS: &[&str] = &[
    "地方做法",
    "示例",
    "调研报告",
    "本工具口径",
    "报道未写文号",
    "法律",
];

/// A kind written in a data file as (pack key, `SourceKind` variant); fails
/// the build naming the place when it is not one of [`KINDS`].
pub fn kind(file: &str, who: &str, field: &str, kind: &str) -> (&'static str, &'static str) {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map(|(_, key, variant)| (*key, *variant))
        .unwrap_or_else(|| {
            let allowed: Vec<_> = KINDS.iter().map(|(k, _, _)| *k).collect();
            panic!("{file}, {who}: {field} = {kind:?} must be one of {allowed:?}")
        })
}

/// A basis line's number, or the reason it has none: exactly one of the two.
/// Returns what the reader sees in the number's place ("" for a report that
/// gives no number: the kind, 媒体报道, already says what it is).
pub fn number_or_reason(file: &str, who: &str, number: Option<&str>, why: Option<&str>) -> String {
    match (number.map(str::trim), why.map(str::trim)) {
        (Some(n), None) if !n.is_empty() => {
            assert!(
                n.contains('号') || n.contains('令'),
                "{file}, {who}: number = {n:?} does not look like a document number (国发〔2014〕47号, 国务院令第649号); if the document has none, leave number out and write why = one of {NO_NUMBER_REASONS:?}"
            );
            n.to_string()
        }
        (None, Some(w)) => {
            assert!(
                NO_NUMBER_REASONS.contains(&w),
                "{file}, {who}: why = {w:?} must be one of {NO_NUMBER_REASONS:?}"
            );
            match w {
                "报道未写文号" => String::new(),
                "本工具口径" => "本工具的筛查口径".to_string(),
                w => w.to_string(),
            }
        }
        (Some(_), Some(_)) => {
            panic!("{file}, {who}: write either number or why, not both")
        }
        _ => panic!(
            "{file}, {who}: a basis needs its document number, or why it has none (why = one of {NO_NUMBER_REASONS:?})"
        ),
    }
}

/// Words that belong to the team's notes, never to a reader: each with what
/// to write instead.
pub const TEAM_NOTES: &[(&str, &str)] = &[
    (
        "未核实",
        "say what the reader should do: 以当地……的答复为准",
    ),
    ("未查到", "leave the date or number out, or give why"),
    ("本项目", "say 本工具 and what the reader should do"),
    ("本资料", "say 本工具 and what the reader should do"),
    (
        "资料整理",
        "say what kind of source it is (kind = 本工具整理)",
    ),
    ("文件全名", "give the document's full title"),
    (
        "未找到可公开查看的原文",
        "say where it can be read, or what the reader should do",
    ),
];

/// Fails the build when `text`, which a villager reads, carries a team note.
pub fn plain(file: &str, who: &str, field: &str, text: &str) {
    for (note, instead) in TEAM_NOTES {
        assert!(
            !text.contains(note),
            "{file}, {who}: {field} says {note:?}, a note for the team, not for a villager ({instead}): {text:?}"
        );
    }
}
