//! Answers as given, keyed by question id. Kept as text, like the loan form, so
//! nothing typed is lost; the rules read them through the typed accessors here.

use super::questions::{self, Kind, Question, UNKNOWN};
use crate::money::Fen;
use crate::parse;
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::fmt;

/// Question id → answer. Multiple choices are joined by `,`; `unknown` is 不清楚.
/// Kept sorted by id (so stored records and links come out in one order); a
/// plain sorted list, since a BTreeMap's code costs 2.5 KB of WebAssembly for
/// some 30 entries. Stored and backed up as a JSON object of id → answer
/// text, sorted by id; reading takes any order, and a repeated id reads as
/// its last answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, String)>);

impl Answers {
    /// From id → answer pairs, in any order; a later pair for an id wins.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Answers {
        let mut a = Answers::default();
        for (k, v) in pairs {
            a.insert(k, v);
        }
        a
    }

    fn insert(&mut self, id: String, value: String) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&id)) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (id, value)),
        }
    }

    /// The answer as stored, even if empty.
    pub fn raw(&self, id: &str) -> Option<&str> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(id))
            .ok()
            .map(|i| self.0[i].1.as_str())
    }

    /// Every (id, answer), sorted by id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn get(&self, id: &str) -> Option<&str> {
        self.raw(id).filter(|v| !v.is_empty())
    }

    pub fn set(&mut self, id: &str, value: String) {
        if value.is_empty() {
            self.0.retain(|(k, _)| k != id);
        } else {
            self.insert(id.to_string(), value);
        }
    }

    pub fn is(&self, id: &str, key: &str) -> bool {
        self.get(id) == Some(key)
    }

    pub fn unknown(&self, id: &str) -> bool {
        self.is(id, UNKNOWN)
    }

    /// The chosen keys of a multiple-choice question.
    pub fn many(&self, id: &str) -> Vec<&str> {
        self.get(id)
            .map(|v| v.split(',').filter(|k| !k.is_empty()).collect())
            .unwrap_or_default()
    }

    pub fn has(&self, id: &str, key: &str) -> bool {
        self.many(id).contains(&key)
    }

    /// Toggles one option of a multiple-choice question; `none` and `unknown`
    /// exclude every other choice.
    pub fn toggle(&mut self, id: &str, key: &str) {
        let mut chosen: Vec<String> = self.many(id).into_iter().map(str::to_string).collect();
        if let Some(i) = chosen.iter().position(|k| k == key) {
            chosen.remove(i);
        } else if key == "none" || key == UNKNOWN {
            chosen = vec![key.to_string()];
        } else {
            chosen.retain(|k| k != "none" && k != UNKNOWN);
            chosen.push(key.to_string());
        }
        self.set(id, chosen.join(","));
    }

    pub fn count(&self, id: &str) -> Option<u32> {
        let v = self.get(id).filter(|v| *v != UNKNOWN)?;
        let n = parse::normalize(v);
        let n = n.trim_end_matches(['人', '岁']);
        n.parse().ok()
    }

    /// Money answers in 元; `None` if empty, unknown or unreadable.
    pub fn money(&self, id: &str) -> Option<Fen> {
        let v = self.get(id).filter(|v| *v != UNKNOWN)?;
        parse::parse_amount_or_zero(v).ok()
    }

    /// Whether a question is shown at all, given the other answers: not
    /// when it depends on an answer not given, nor when the other answers
    /// already tell ([`Answers::implied`]).
    pub fn visible(&self, q: &Question) -> bool {
        q.only_if.is_none_or(|(id, key)| self.has(id, key)) && self.implied(q.id).is_none()
    }

    /// The answer a question cannot but have, given the others, so it is
    /// not asked: no child of 6–15 in a household that said it has no
    /// child under 16, or of one adult living alone; nobody at a
    /// vocational school in a one-person household of 30 or older.
    pub fn implied(&self, id: &str) -> Option<&'static str> {
        let alone_aged = |age: u32| {
            self.count("members") == Some(1) && self.count("main_age").is_some_and(|a| a >= age)
        };
        match id {
            "school" if alone_aged(16) => Some("na"),
            "school"
                if self.get("who").is_some_and(|w| w != UNKNOWN) && !self.has("who", "child") =>
            {
                Some("na")
            }
            "vocational" if alone_aged(30) => Some("no"),
            _ => None,
        }
    }

    /// The section after `from` with a question to ask, if any: a section
    /// whose questions the other answers all decide is skipped.
    pub fn next_section(&self, from: usize) -> Option<usize> {
        (from + 1..questions::SECTIONS.len()).find(|&i| self.asks(i))
    }

    /// The section before `from` with a question to ask, if any.
    pub fn prev_section(&self, from: usize) -> Option<usize> {
        (0..from).rev().find(|&i| self.asks(i))
    }

    fn asks(&self, section: usize) -> bool {
        questions::SECTIONS[section]
            .questions
            .iter()
            .any(|q| self.visible(q))
    }

    /// The answer the rules read: implied by the others when the question
    /// is not asked, else as given.
    pub fn answer(&self, id: &str) -> Option<&str> {
        self.implied(id).or_else(|| self.get(id))
    }

    /// Answered (不清楚 counts as an answer) or optional.
    pub fn done(&self, q: &Question) -> bool {
        q.optional
            || (self.get(q.id).is_some() && check_value(q, self.get(q.id).unwrap_or("")).is_ok())
    }

    /// (answered, total) over the questions currently shown.
    pub fn progress(&self) -> (usize, usize) {
        let shown: Vec<_> = questions::all_questions()
            .filter(|q| self.visible(q) && !q.optional)
            .collect();
        (shown.iter().filter(|q| self.done(q)).count(), shown.len())
    }

    /// Drops answers that are not valid for their question (from an old or
    /// mangled backup or link) and says which.
    pub fn sanitized(&self) -> (Answers, Vec<String>) {
        self.clone().into_sanitized()
    }

    /// [`Answers::sanitized`] in place: a village's backup has five thousand
    /// visits' answers, none of which needs copying.
    pub fn into_sanitized(mut self) -> (Answers, Vec<String>) {
        let mut dropped = Vec::new();
        self.0.retain(|(id, v)| match questions::question(id) {
            Some(q) if check_value(q, v).is_ok() => !v.is_empty(),
            Some(q) => {
                dropped.push(format!("“{}”的答案无效，已忽略", q.text));
                false
            }
            None => {
                dropped.push(format!("不认识的问题“{}”，已忽略", crate::form::short(id)));
                false
            }
        });
        (self, dropped)
    }
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
        struct Texts;
        impl<'de> Visitor<'de> for Texts {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of question id → answer text")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                let mut a = Answers::default();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    a.insert(k, v);
                }
                Ok(a)
            }
        }
        d.deserialize_map(Texts)
    }
}

/// Is `value` an acceptable answer to `q`? The message says what to fix.
pub fn check_value(q: &Question, value: &str) -> Result<(), String> {
    if value == UNKNOWN {
        return Ok(());
    }
    match q.kind {
        Kind::One(opts) => {
            if opts.iter().any(|o| o.key == value) {
                Ok(())
            } else {
                Err("请选一项".into())
            }
        }
        Kind::Many(opts) => {
            let keys: Vec<&str> = value.split(',').collect();
            if !keys.is_empty() && keys.iter().all(|k| opts.iter().any(|o| o.key == *k)) {
                Ok(())
            } else {
                Err("请至少选一项".into())
            }
        }
        Kind::Count { min, max, unit } => {
            let n = parse::normalize(value);
            match n.trim_end_matches(['人', '岁']).parse::<u32>() {
                Ok(v) if (min..=max).contains(&v) => Ok(()),
                Ok(_) => Err(format!("请填 {min} 到 {max} 之间的数（{unit}）")),
                Err(_) => Err(format!("看不懂“{}”：请填整数", crate::form::short(value))),
            }
        }
        Kind::Money => parse::parse_amount_or_zero(value).map(|_| ()),
        Kind::Province => {
            if super::province(value).is_some() {
                Ok(())
            } else {
                Err("请选省份".into())
            }
        }
    }
}

/// Answers packed into one link value (`id=value|id=value`, percent-encoded by
/// the caller). Household labels are never part of answers, so a shared
/// result carries no name.
pub fn to_link_value(a: &Answers) -> String {
    a.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("|")
}

/// The inverse of [`to_link_value`]; anything unreadable is dropped and named.
pub fn from_link_value(s: &str) -> (Answers, Vec<String>) {
    let mut raw = Answers::default();
    for pair in s.split('|').take(64) {
        if let Some((k, v)) = pair.split_once('=') {
            raw.insert(k.chars().take(32).collect(), v.chars().take(64).collect());
        }
    }
    raw.into_sanitized()
}

/// An answer in words: option labels, a count with its unit, money as typed.
pub fn answer_text(q: Option<&Question>, v: &str) -> String {
    if v == UNKNOWN {
        return "不清楚".to_string();
    }
    let label = |opts: &[questions::Opt], k: &str| {
        opts.iter()
            .find(|o| o.key == k)
            .map_or_else(|| crate::parse::short(k), |o| o.label.to_string())
    };
    match q.map(|q| q.kind) {
        Some(Kind::One(opts)) => label(opts, v),
        Some(Kind::Many(opts)) => v
            .split(',')
            .filter(|k| !k.is_empty())
            .map(|k| label(opts, k))
            .collect::<Vec<_>>()
            .join("、"),
        Some(Kind::Count { unit, .. }) => match count_of(v) {
            Some(n) => format!("{n}{unit}"),
            None => crate::parse::short(v),
        },
        Some(Kind::Money) => {
            let s = crate::parse::short(v);
            if s.ends_with(|c: char| c.is_ascii_digit() || c == '万') {
                format!("{s}元")
            } else {
                s
            }
        }
        Some(Kind::Province) => {
            super::province(v).map_or_else(|| crate::parse::short(v), |p| p.name.to_string())
        }
        None => crate::parse::short(v),
    }
}

/// A count as typed (`３人`, `68岁`).
pub(crate) fn count_of(v: &str) -> Option<i64> {
    let n = crate::parse::normalize(v);
    n.trim_end_matches(['人', '岁']).parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_stay_sorted_by_id_whatever_the_order_they_come_in() {
        let mut a = Answers::from_pairs([
            ("members".to_string(), "4".to_string()),
            ("food".to_string(), "ok".to_string()),
            ("members".to_string(), "5".to_string()),
        ]);
        a.set("age", "45".to_string());
        a.set("zz", "x".to_string());
        assert_eq!(to_link_value(&a), "age=45|food=ok|members=5|zz=x");
        a.set("food", String::new());
        assert_eq!(a.get("food"), None);
        assert_eq!(a.raw("members"), Some("5"));
        assert_eq!(to_link_value(&a), "age=45|members=5|zz=x");
    }
}
