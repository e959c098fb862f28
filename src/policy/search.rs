//! Search as you type over titles, summaries, keywords and category names,
//! widened by synonym groups (五保 finds 特困人员供养). Matches come back as
//! byte ranges into the entry's own text, so the page marks them without ever
//! building HTML from strings.
//!
//! Two passes: every word of the query must match (all of them, so "贷款 2026"
//! narrows); when nothing does, known words found *inside* the query are tried
//! instead, because people type whole questions ("五保户每月能领多少钱").

use super::{Category, Entry, ENTRIES, GLOSSARY, SYNONYMS};
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

/// Full-width letters and digits to ASCII, ASCII to lower case, and anything
/// that is not a letter, digit or CJK character to a space.
fn normalize(s: &str) -> String {
    s.chars()
        .map(|c| {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(' '),
                c => c,
            };
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect()
}

fn words(query: &str) -> Vec<String> {
    normalize(query)
        .split_whitespace()
        .take(MAX_WORDS)
        .map(|w| w.chars().take(MAX_WORD_CHARS).collect())
        .collect()
}

/// The word itself and every word in a synonym group that contains it.
fn expand(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    for group in SYNONYMS {
        if group.iter().any(|w| w.to_ascii_lowercase() == word) {
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

/// Where any of `needles` occurs in `hay` (ASCII case ignored).
fn find(hay: &str, needles: &[String]) -> Marks {
    let lower = hay.to_ascii_lowercase(); // same byte offsets as `hay`
    let mut marks: Marks = needles
        .iter()
        .filter(|n| !n.is_empty())
        .flat_map(|n| lower.match_indices(n.as_str()).map(|(i, m)| i..i + m.len()))
        .collect();
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
    let mut hits: Vec<Hit> = ENTRIES
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
    hits.sort_by(|a, b| b.score.cmp(&a.score));
    hits
}

/// Every word the library knows: titles, keywords, synonyms, glossary terms,
/// category names.
fn known_words() -> impl Iterator<Item = &'static str> {
    ENTRIES
        .iter()
        .flat_map(|e| std::iter::once(e.title).chain(e.keywords.iter().copied()))
        .chain(SYNONYMS.iter().flat_map(|g| g.iter().copied()))
        .chain(
            GLOSSARY
                .iter()
                .flat_map(|t| std::iter::once(t.term).chain(t.aliases.iter().copied())),
        )
        .chain(Category::ALL.iter().map(|c| c.label()))
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
    let mut inner: Vec<String> = known_words()
        .map(str::to_ascii_lowercase)
        .filter(|w| w.chars().count() >= MIN_INNER_CHARS && joined.contains(w.as_str()))
        .collect();
    inner.sort();
    inner.dedup();
    // A word inside a longer found word adds nothing (五保 inside 五保户).
    let inner: Vec<String> = inner
        .iter()
        .filter(|w| !inner.iter().any(|o| o.len() > w.len() && o.contains(w.as_str())))
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
    hits.sort_by(|a, b| b.score.cmp(&a.score));
    Results {
        guessed: !hits.is_empty(),
        hits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_width_case_and_punctuation() {
        assert_eq!(normalize("ＬＰＲ，五保？"), "lpr 五保 ");
        assert_eq!(words("  贷款　2026 "), vec!["贷款", "2026"]);
    }

    #[test]
    fn merge_joins_overlaps() {
        let mut m = vec![6..9, 0..3, 2..5, 9..12];
        merge(&mut m);
        assert_eq!(m, vec![0..5, 6..12]);
    }
}
