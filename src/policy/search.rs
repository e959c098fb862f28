//! Search as you type over titles, summaries, keywords and category names,
//! widened by synonym groups (五保 finds 特困人员供养). Matches come back as
//! byte ranges into the entry's own text, so the page marks them without ever
//! building HTML from strings.
//!
//! Two passes: every word of the query must match (all of them, so "贷款 2026"
//! narrows); when nothing does, known words found *inside* the query are tried
//! instead, because people type whole questions ("五保户每月能领多少钱").

use super::{entries, glossary, pack, Category, Entry};
use std::ops::Range;

/// Sorted, non-overlapping byte ranges of one text, on character boundaries.
pub type Marks = Vec<Range<usize>>;

/// One entry found, with what to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub entry: &'static Entry,
    pub title: Marks,
    pub summary: Marks,
    /// When neither the title nor the summary shows why the entry was found:
    /// the keyword (or category name) that matched, with its marks.
    pub because: Option<(&'static str, Marks)>,
    score: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub hits: Vec<Hit>,
    /// The query as a whole matched nothing; these hits come from words found
    /// inside it ("您是不是想找").
    pub guessed: bool,
}

/// At most this many words, each at most this many characters: a pasted
/// paragraph stays fast and never panics.
const MAX_WORDS: usize = 8;
const MAX_WORD_CHARS: usize = 24;
/// The shortest word looked for inside a question.
const MIN_INNER_CHARS: usize = 2;

/// Punctuation and spaces (ASCII, Latin-1, general and CJK punctuation):
/// they separate words. A few ranges instead of Unicode tables, which would
/// add kilobytes of WebAssembly for nothing a Chinese query needs.
fn is_separator(c: char) -> bool {
    match c as u32 {
        0..=0x7F => !c.is_ascii_alphanumeric(),
        0x80..=0xBF | 0x2000..=0x206F | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF5F..=0xFF65 => true,
        _ => false,
    }
}

/// The words of a query: full-width letters and digits as ASCII, ASCII in
/// lower case, split at punctuation and spaces.
fn words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in query.chars().chain([' ']) {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(' '),
            c => c,
        };
        if is_separator(c) {
            if !word.is_empty() && out.len() < MAX_WORDS {
                out.push(std::mem::take(&mut word));
            }
            word.clear();
        } else if word.chars().count() < MAX_WORD_CHARS {
            word.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The word itself and every word of each synonym group that contains it.
fn expand(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for group in pack::library().synonyms {
        if group.iter().any(|w| w.eq_ignore_ascii_case(word)) {
            for w in *group {
                let w = w.to_ascii_lowercase();
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
    }
    out
}

/// Where any of `needles` (lower case) occurs in `hay`, ASCII case ignored.
/// Byte comparison is enough: a UTF-8 needle can only match at a character
/// boundary, and lower-casing leaves every non-ASCII byte alone.
fn find(hay: &str, needles: &[String]) -> Marks {
    let h = hay.as_bytes();
    let mut marks = Vec::new();
    for n in needles
        .iter()
        .map(|n| n.as_bytes())
        .filter(|n| !n.is_empty())
    {
        let mut i = 0;
        while i + n.len() <= h.len() {
            if h[i..i + n.len()]
                .iter()
                .zip(n)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
            {
                marks.push(i..i + n.len());
                i += n.len();
            } else {
                i += 1;
            }
        }
    }
    merge(&mut marks);
    marks
}

/// Sorts and joins overlapping or touching ranges.
fn merge(marks: &mut Marks) {
    marks.sort_by_key(|r| (r.start, r.end));
    let mut out: Marks = Vec::with_capacity(marks.len());
    for r in marks.drain(..) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    *marks = out;
}

/// How well one query word (with its synonyms) matches one entry; 0 = not at all.
fn score_word(e: &Entry, direct: &str, all: &[String], hit: &mut Hit) -> u32 {
    let direct = [direct.to_string()];
    let mut score = 0;
    for (text, marks, strong, weak, is_title) in [
        (e.title, &mut hit.title, 8, 6, true),
        (e.summary, &mut hit.summary, 4, 3, false),
    ] {
        let found = find(text, all);
        if !found.is_empty() {
            score += if find(text, &direct).is_empty() {
                weak
            } else {
                strong
            };
            // A title the query mostly explains is what was asked for:
            // 低保 → 农村低保 before 低保边缘家庭和低收入人口.
            let covered: usize = found.iter().map(|r| text[r.clone()].chars().count()).sum();
            if is_title && covered * 2 >= text.chars().count() {
                score += 4;
            }
            marks.extend(found);
        }
    }
    let category = std::iter::once(e.category.label());
    for k in e.keywords.iter().copied().chain(category) {
        let found = find(k, all);
        if !found.is_empty() {
            score += if k == e.category.label() { 1 } else { 2 };
            if hit.because.is_none() {
                hit.because = Some((k, found));
            }
            break;
        }
    }
    score
}

fn run(words: &[String]) -> Vec<Hit> {
    if words.is_empty() {
        return Vec::new();
    }
    let expanded: Vec<Vec<String>> = words.iter().map(|w| expand(w)).collect();
    let mut hits: Vec<Hit> = entries()
        .iter()
        .filter_map(|e| {
            let mut hit = Hit {
                entry: e,
                title: Vec::new(),
                summary: Vec::new(),
                because: None,
                score: 0,
            };
            for (w, all) in words.iter().zip(&expanded) {
                let s = score_word(e, w, all, &mut hit);
                if s == 0 {
                    return None;
                }
                hit.score += s;
            }
            merge(&mut hit.title);
            merge(&mut hit.summary);
            if !hit.title.is_empty() || !hit.summary.is_empty() {
                hit.because = None;
            }
            Some(hit)
        })
        .collect();
    // Stable: equal scores keep the library's order.
    hits.sort_by_key(|h| std::cmp::Reverse(h.score));
    hits
}

/// Every word the library knows: titles, keywords, synonyms, glossary terms,
/// category names.
fn known_words() -> impl Iterator<Item = &'static str> {
    entries()
        .iter()
        .flat_map(|e| std::iter::once(e.title).chain(e.keywords.iter().copied()))
        .chain(
            pack::library()
                .synonyms
                .iter()
                .flat_map(|g| g.iter().copied()),
        )
        .chain(
            glossary()
                .iter()
                .flat_map(|t| std::iter::once(t.term).chain(t.aliases.iter().copied())),
        )
        .chain(Category::ALL.iter().map(|c| c.label()))
}

/// True when `query` holds nothing to search for (only spaces or punctuation).
pub fn is_blank(query: &str) -> bool {
    words(query).is_empty()
}

/// Entries matching every word of `query`; or, when none do, entries matching
/// a known word that appears inside the query. Empty for an empty query.
pub fn search(query: &str) -> Results {
    let words = words(query);
    let hits = run(&words);
    if !hits.is_empty() || words.is_empty() {
        return Results {
            hits,
            guessed: false,
        };
    }
    let joined: String = words.concat();
    let mut inner: Vec<String> = Vec::new();
    for w in known_words() {
        let w = w.to_ascii_lowercase();
        if w.chars().count() >= MIN_INNER_CHARS
            && !find(&joined, std::slice::from_ref(&w)).is_empty()
            && !inner.contains(&w)
        {
            inner.push(w);
        }
    }
    // A word inside a longer found word adds nothing (五保 inside 五保户).
    let inner: Vec<String> = inner
        .iter()
        .filter(|w| {
            !inner
                .iter()
                .any(|o| o.len() > w.len() && !find(o, std::slice::from_ref(*w)).is_empty())
        })
        .cloned()
        .collect();
    let mut hits: Vec<Hit> = Vec::new();
    for w in &inner {
        for h in run(std::slice::from_ref(w)) {
            match hits.iter_mut().find(|x| x.entry.id == h.entry.id) {
                Some(x) => {
                    x.score += h.score;
                    x.title.extend(h.title);
                    x.summary.extend(h.summary);
                    merge(&mut x.title);
                    merge(&mut x.summary);
                    if !x.title.is_empty() || !x.summary.is_empty() {
                        x.because = None;
                    }
                }
                None => hits.push(h),
            }
        }
    }
    hits.sort_by_key(|h| std::cmp::Reverse(h.score));
    Results {
        guessed: !hits.is_empty(),
        hits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_width_case_and_punctuation() {
        assert_eq!(words("ＬＰＲ，五保？"), vec!["lpr", "五保"]);
        assert_eq!(words("  贷款　2026 "), vec!["贷款", "2026"]);
        assert_eq!(words("“低保”…"), vec!["低保"]);
        assert!(words("，。？！　").is_empty());
    }

    #[test]
    fn find_ignores_ascii_case_and_respects_characters() {
        assert_eq!(find("按LPR算", &["lpr".to_string()]), vec![3..6]);
        assert_eq!(find("低保低保", &["低保".to_string()]), vec![0..12]);
        assert!(find("低", &["低保".to_string()]).is_empty());
    }

    #[test]
    fn merge_joins_overlaps() {
        let mut m = vec![6..9, 0..3, 2..5, 9..12];
        merge(&mut m);
        assert_eq!(m, vec![0..5, 6..12]);
    }
}
