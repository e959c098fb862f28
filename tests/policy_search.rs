//! Search over the policy library: the synonym cases from the issue, marks
//! that can be drawn safely, the whole-question fallback and the no-match case;
//! and glossary linking, which must give the text back unchanged.

use bangfu::policy::{self, search, Category, Piece};
use proptest::prelude::*;

fn ids(q: &str) -> Vec<&'static str> {
    search(q).hits.iter().map(|h| h.entry.id).collect()
}

fn marked<'a>(text: &'a str, marks: &[std::ops::Range<usize>]) -> Vec<&'a str> {
    marks.iter().map(|r| &text[r.clone()]).collect()
}

#[test]
fn wubao_finds_tekun_first_with_its_title_marked() {
    let r = search("五保");
    assert!(!r.guessed);
    let first = &r.hits[0];
    assert_eq!(first.entry.id, "tekun");
    let marks = marked(first.entry.title, &first.title);
    assert!(marks.contains(&"特困人员供养"), "{marks:?}");
    assert!(marks.contains(&"五保"), "{marks:?}");
}

#[test]
fn daikuan_finds_every_loan_entry() {
    let found = ids("贷款");
    let loans = Category::Loans
        .entries()
        .chain(policy::entries().iter().filter(|e| e.product.is_some()));
    for e in loans {
        assert!(found.contains(&e.id), "贷款 misses {}", e.id);
    }
    // And not everything: 看病 has nothing to do with loans.
    assert!(!found.contains(&"yiliao-baozhang"));
}

#[test]
fn dibao_matches_dibao_bianyuan_too() {
    let found = ids("低保");
    assert_eq!(found.first(), Some(&"dibao"));
    assert!(found.contains(&"dibao-bianyuan"));
    let h = &search("低保")
        .hits
        .iter()
        .find(|h| h.entry.id == "dibao-bianyuan")
        .cloned()
        .unwrap();
    assert_eq!(marked(h.entry.title, &h.title), vec!["低保"]);
}

#[test]
fn synonym_groups_work_in_both_directions() {
    assert!(ids("特困").contains(&"tekun"));
    assert!(ids("五保户").contains(&"tekun"));
    assert!(ids("住院").contains(&"yiliao-baozhang"));
    assert!(ids("搬家").contains(&"yidi-banqian"));
    assert!(ids("太阳能").contains(&"guangfu"));
    assert!(ids("逾期").contains(&"zhengxin"));
}

#[test]
fn all_words_must_match() {
    let found = ids("贷款 2026");
    assert_eq!(found.first(), Some(&"bangfu-xindai-2026"));
    assert!(!found.contains(&"fupin-xindai"));
}

#[test]
fn width_case_and_punctuation_do_not_matter() {
    assert_eq!(ids("ＬＰＲ"), ids("lpr"));
    assert!(ids("lpr").contains(&"tiexi"));
    assert_eq!(ids("五保？"), ids("五保"));
}

#[test]
fn a_whole_question_falls_back_to_words_inside_it() {
    let r = search("我家老人想申请五保户每月能领多少钱");
    assert!(r.guessed);
    assert_eq!(r.hits[0].entry.id, "tekun");
    let r = search("孩子读中职有没有补助");
    assert!(r.guessed);
    assert!(r.hits.iter().any(|h| h.entry.id == "yulu-jihua"));
}

#[test]
fn no_match_is_empty_and_popular_entries_are_offered() {
    for q in ["火星", "qwerty", "😀", "１２３４５６７８９"] {
        let r = search(q);
        assert!(r.hits.is_empty(), "{q} found {:?}", ids(q));
        assert!(!r.guessed);
    }
    assert!(policy::popular().count() >= 3);
}

#[test]
fn empty_or_blank_query_finds_nothing() {
    for q in ["", "   ", "　", "，。？"] {
        assert!(search(q).hits.is_empty(), "{q:?}");
    }
}

#[test]
fn a_match_outside_title_and_summary_says_why() {
    // 担保 is a keyword of 风险补偿金, not in its title.
    let h = search("担保")
        .hits
        .into_iter()
        .find(|h| h.entry.id == "fengxian-buchang")
        .unwrap();
    if h.title.is_empty() && h.summary.is_empty() {
        let (word, marks) = h.because.expect("a reason");
        assert_eq!(marked(word, &marks), vec!["担保"]);
    }
}

#[test]
fn glossary_linking_gives_the_text_back_and_links_each_term_once() {
    for e in policy::entries() {
        for (_, items) in e.sections() {
            let linked = policy::linked(items);
            let mut terms = Vec::new();
            for (item, pieces) in items.iter().zip(&linked) {
                let joined: String = pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) | Piece::Term(t, _) => *t,
                    })
                    .collect();
                assert_eq!(&joined, item);
                for p in pieces {
                    if let Piece::Term(_, t) = p {
                        assert!(!terms.contains(&t.term), "{}: {} twice", e.id, t.term);
                        terms.push(t.term);
                    }
                }
            }
        }
    }
}

#[test]
fn the_longest_term_wins() {
    let pieces = &policy::linked(&["经过两公示一公告，再公示一次。"])[0];
    let terms: Vec<&str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Term(w, _) => Some(*w),
            Piece::Text(_) => None,
        })
        .collect();
    assert_eq!(terms, vec!["两公示一公告", "公示"]);
    let pieces = &policy::linked(&["按5年期以上LPR算"])[0];
    assert!(matches!(pieces[1], Piece::Term("5年期以上LPR", t) if t.term == "LPR"));
}

proptest! {
    #[test]
    fn any_query_is_safe_and_marks_are_drawable(q in "\\PC{0,60}") {
        let r = search(&q);
        for h in &r.hits {
            for (text, marks) in [(h.entry.title, &h.title), (h.entry.summary, &h.summary)] {
                let mut end = 0;
                for m in marks.iter() {
                    prop_assert!(m.start >= end && m.start < m.end && m.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    end = m.end;
                }
            }
        }
    }

    #[test]
    fn words_from_the_library_find_their_entry(i in 0usize..26, k in 0usize..8) {
        let e = &policy::entries()[i % policy::entries().len()];
        let word = e.keywords[k % e.keywords.len()];
        prop_assert!(search(word).hits.iter().any(|h| h.entry.id == e.id), "{} / {}", e.id, word);
    }
}
