//! Entry text as the page shows and reads it: glossary terms found in the
//! sentences (so a reader can tap 建档立卡 and see what it means), and the
//! plain sentences handed to read-aloud.

use super::{glossary, Entry, Term};

/// A run of an entry's text: plain, or a glossary term to make tappable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(&'static str),
    Term(&'static str, &'static Term),
}

/// The longest glossary word (term or alias) at the start of `rest`.
fn word_at(rest: &str) -> Option<(&'static str, &'static Term)> {
    glossary()
        .iter()
        .flat_map(|t| {
            std::iter::once(t.term)
                .chain(t.aliases.iter().copied())
                .map(move |w| (w, t))
        })
        .filter(|(w, _)| rest.starts_with(w))
        .max_by_key(|(w, _)| w.len())
}

/// Splits each item of one section into pieces, linking the first time each
/// term appears in the section (a paragraph full of links reads badly; the
/// first one is enough). A longer term wins over one inside it: 两公示一公告
/// is one term, not 公示 plus text. Joining the pieces gives the items back.
pub fn linked(items: &[&'static str]) -> Vec<Vec<Piece>> {
    let mut seen: Vec<&'static str> = Vec::new();
    items
        .iter()
        .map(|&text| {
            let mut pieces = Vec::new();
            let mut plain_from = 0;
            let mut i = 0;
            while i < text.len() {
                let Some((w, t)) = word_at(&text[i..]) else {
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                    continue;
                };
                if !seen.contains(&t.term) {
                    if plain_from < i {
                        pieces.push(Piece::Text(&text[plain_from..i]));
                    }
                    pieces.push(Piece::Term(&text[i..i + w.len()], t));
                    seen.push(t.term);
                    plain_from = i + w.len();
                }
                i += w.len();
            }
            if plain_from < text.len() {
                pieces.push(Piece::Text(&text[plain_from..]));
            }
            pieces
        })
        .collect()
}

/// What read-aloud says for an entry, one short utterance per part (some
/// speech engines stop in the middle of long texts).
pub fn speech(e: &Entry) -> Vec<String> {
    let mut parts = vec![format!("{}。{}", e.title, e.summary)];
    let end = |s: &str| s.trim_end_matches(['。', '；', '，']).to_string();
    for (heading, items) in e.sections() {
        let said: Vec<String> = items.iter().map(|s| end(s)).collect();
        parts.push(format!("{heading}：{}。", said.join("。")));
    }
    for m in e.myths {
        parts.push(format!(
            "常见误区：{}。其实：{}。",
            end(m.wrong),
            end(m.right)
        ));
    }
    parts
}
