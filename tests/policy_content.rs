//! The policy library as compiled into the app: every entry complete, sourced
//! and dated, and every link between entries, glossary, timeline and loan
//! products pointing at something real. build/policies.rs refuses most of
//! this at build time; these tests check what actually came out.

use bangfu::date::Date;
use bangfu::policy::{self, Category, Piece};
use bangfu::products;
use std::collections::HashSet;

/// The ids the self-check and the loan estimator link to; renaming one breaks them.
const REQUIRED: &[&str] = &[
    "bangfu-xindai-2026",
    "tuopin-xindai",
    "fupin-xindai",
    "tianmen-2017",
    "tiexi",
    "fengxian-buchang",
    "daipin-zhuti",
    "fangfanpin-jiance",
    "liangbuchou-sanbaozhang",
    "yinshui-anquan",
    "jiandang-lika",
    "dibao",
    "tekun",
    "dibao-bianyuan",
    "yiliao-baozhang",
    "weifang-gaizao",
    "yidi-banqian",
    "yulu-jihua",
    "jiaoyu-zizhu",
    "gongyi-gangwei",
    "guangfu",
    "yigong-daizhen",
    "xiaofei-bangfu",
    "chanye-bangfu",
    "jiuye-bangfu",
    "zhengxin",
];

fn all_text(e: &policy::Entry) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = e
        .sections()
        .iter()
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    v.extend(e.myths.iter().flat_map(|m| [m.wrong, m.right]));
    v
}

#[test]
fn every_required_entry_exists_and_there_are_at_least_25() {
    for id in REQUIRED {
        assert!(policy::entry(id).is_some(), "entry {id} is missing");
    }
    assert!(policy::entries().len() >= 25);
}

#[test]
fn ids_are_unique_link_safe_and_not_reserved() {
    let mut seen = HashSet::new();
    for e in policy::entries() {
        assert!(seen.insert(e.id), "{} appears twice", e.id);
        assert!(
            e.id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{}",
            e.id
        );
        assert!(e.id != policy::GLOSSARY_ID && e.id != policy::TIMELINE_ID);
    }
}

#[test]
fn every_entry_has_every_field() {
    for e in policy::entries() {
        let id = e.id;
        assert!(!e.title.trim().is_empty(), "{id}: title");
        assert!(!e.summary.trim().is_empty(), "{id}: summary");
        for (heading, items) in e.sections() {
            assert!(!items.is_empty(), "{id}: {heading} is empty");
            for item in items {
                assert!(!item.trim().is_empty(), "{id}: empty item in {heading}");
            }
        }
        assert!(!e.myths.is_empty(), "{id}: 常见误区");
        for m in e.myths {
            assert!(
                !m.wrong.trim().is_empty() && !m.right.trim().is_empty(),
                "{id}: myth"
            );
        }
        assert!(!e.keywords.is_empty(), "{id}: keywords");
        assert!(!e.related.is_empty(), "{id}: related");
    }
}

#[test]
fn every_entry_has_a_source_and_a_date() {
    let checked = Date::new(2026, 11, 29).unwrap();
    for e in policy::entries() {
        assert!(!e.basis.is_empty(), "{}: 依据", e.id);
        for b in e.basis {
            assert!(!b.title.trim().is_empty(), "{}: basis title", e.id);
            assert!(!b.number.trim().is_empty(), "{}: basis number", e.id);
            assert!(!b.link.trim().is_empty(), "{}: basis link", e.id);
            assert!(
                b.date.ends_with('年')
                    || b.date.ends_with('月')
                    || b.date.ends_with('日')
                    || b.date == "日期未查到",
                "{}: basis date {:?}",
                e.id,
                b.date
            );
        }
        assert!(
            e.basis.iter().any(|b| b.date != "日期未查到"),
            "{}: no dated source",
            e.id
        );
        assert_eq!(e.checked, checked, "{}: last checked", e.id);
    }
}

#[test]
fn summaries_fit_one_line() {
    for e in policy::entries() {
        let n = e.summary.chars().count();
        assert!(n <= 40, "{}: summary has {n} characters", e.id);
    }
}

#[test]
fn related_ids_resolve_and_are_not_self() {
    for e in policy::entries() {
        let mut seen = HashSet::new();
        for r in e.related {
            assert!(policy::entry(r).is_some(), "{}: related {r}", e.id);
            assert_ne!(*r, e.id, "{}: related to itself", e.id);
            assert!(seen.insert(r), "{}: related {r} twice", e.id);
        }
        assert_eq!(e.related_entries().count(), e.related.len());
    }
}

#[test]
fn every_category_has_entries() {
    for c in Category::ALL {
        assert!(c.entries().next().is_some(), "{} is empty", c.label());
    }
    let total: usize = Category::ALL.iter().map(|c| c.entries().count()).sum();
    assert_eq!(total, policy::entries().len());
}

#[test]
fn glossary_terms_are_unique_defined_and_tappable_somewhere() {
    let mut words = HashSet::new();
    for t in policy::glossary() {
        assert!(!t.definition.trim().is_empty(), "{}", t.term);
        assert!(!t.source.trim().is_empty(), "{}", t.term);
        for w in std::iter::once(t.term).chain(t.aliases.iter().copied()) {
            assert!(words.insert(w), "{w} is defined twice");
            assert_eq!(policy::term(w).map(|x| x.term), Some(t.term));
        }
        if let Some(id) = t.entry {
            assert!(policy::entry(id).is_some(), "{}: entry {id}", t.term);
        }
        // Somewhere in the library the linker actually makes it tappable.
        let tappable = policy::entries().iter().any(|e| {
            e.sections()
                .iter()
                .flat_map(|(_, items)| policy::linked(items))
                .flatten()
                .any(|p| matches!(p, Piece::Term(_, x) if x.term == t.term))
        }) || policy::entries().iter().any(|e| {
            let myths: Vec<&'static str> =
                e.myths.iter().flat_map(|m| [m.wrong, m.right]).collect();
            policy::linked(&myths)
                .into_iter()
                .flatten()
                .any(|p| matches!(p, Piece::Term(_, x) if x.term == t.term))
        });
        assert!(tappable, "{} is never tappable", t.term);
    }
    for required in [
        "建档立卡",
        "贴息",
        "LPR",
        "监测对象",
        "民主评议",
        "公示",
        "兜底保障",
    ] {
        assert!(
            policy::term(required).is_some(),
            "glossary lacks {required}"
        );
    }
    assert_eq!(policy::term("兜底").map(|t| t.term), Some("兜底保障"));
}

#[test]
fn timeline_runs_2014_to_2026_in_order_and_links_resolve() {
    let t = policy::timeline();
    assert_eq!(t.first().map(|e| e.year), Some(2014));
    assert_eq!(t.last().map(|e| e.year), Some(2026));
    assert!(t.windows(2).all(|w| w[0].year <= w[1].year));
    for ev in t {
        assert!(!ev.source.trim().is_empty(), "{}", ev.title);
        assert!(ev.when.starts_with(&ev.year.to_string()), "{}", ev.when);
        if let Some(id) = ev.entry {
            assert!(policy::entry(id).is_some(), "{}: entry {id}", ev.title);
        }
    }
}

#[test]
fn loan_products_and_entries_link_both_ways() {
    for p in products::products() {
        if let Some(id) = p.policy {
            let e = policy::entry(id).unwrap_or_else(|| panic!("{}: policy {id}", p.id));
            assert_eq!(e.product, Some(p.id), "{id} should lead back to {}", p.id);
        }
    }
    for e in policy::entries() {
        if let Some(pid) = e.product {
            let p = products::product(pid).unwrap_or_else(|| panic!("{}: product {pid}", e.id));
            assert_eq!(p.policy, Some(e.id), "{pid} should link to {}", e.id);
            assert_eq!(policy::for_product(pid).map(|x| x.id), Some(e.id));
        }
    }
    // Every real product has its entry; only the free-form one has none.
    for p in products::products() {
        assert_eq!(p.policy.is_none(), p.id == "custom", "{}", p.id);
    }
}

#[test]
fn popular_entries_resolve() {
    assert!(policy::popular().count() >= 3);
    assert_eq!(
        policy::popular().count(),
        policy::pack::library().popular.len()
    );
}

#[test]
fn household_loan_entries_say_a_loan_is_not_a_grant() {
    // The seed's warning: people take 扶贫贷款 for 扶贫款 and do not repay.
    for id in [
        "bangfu-xindai-2026",
        "tuopin-xindai",
        "fupin-xindai",
        "tianmen-2017",
        "zhengxin",
    ] {
        let e = policy::entry(id).unwrap();
        assert!(
            e.myths
                .iter()
                .any(|m| m.right.contains("扶贫款") || m.right.contains("必须偿还")),
            "{id} lacks 扶贫贷款≠扶贫款"
        );
    }
}

#[test]
fn unverified_sources_are_marked_in_the_entry() {
    // An entry resting only on sources without an original must say so in its text.
    for e in policy::entries() {
        if e.basis.iter().all(|b| !b.verified) {
            assert!(
                all_text(e)
                    .iter()
                    .any(|s| s.contains("未核实") || s.contains("以当地") || s.contains("未查到")),
                "{}: only unverified sources but no 未核实/以当地为准 in the text",
                e.id
            );
        }
    }
}

#[test]
fn read_aloud_text_covers_every_section() {
    for e in policy::entries() {
        let parts = policy::speech(e);
        assert_eq!(parts.len(), 1 + 5 + e.myths.len());
        assert!(parts[0].starts_with(e.title));
        assert!(parts.iter().all(|p| !p.contains("。。")), "{}", e.id);
    }
}

#[test]
fn every_page_of_the_library_survives_a_wechat_share() {
    use bangfu::query::{parse_query, View};
    let today = Date::new(2026, 11, 29).unwrap();
    let ids = policy::entries()
        .iter()
        .map(|e| e.id)
        .chain([policy::GLOSSARY_ID, policy::TIMELINE_ID]);
    for id in ids {
        let link = format!("?v=policy&id={id}&from=singlemessage&isappinstalled=0");
        let p = parse_query(&link, today);
        assert_eq!(p.view, View::Policy, "{link}");
        assert_eq!(p.policy_id.as_deref(), Some(id), "{link}");
        assert!(p.ignored.is_empty(), "{link}: {:?}", p.ignored);
    }
}

#[test]
fn the_content_pack_reads_back_whole_and_refuses_damage() {
    use bangfu::policy::pack;
    let lib = pack::parse(pack::BUILT).expect("the build's pack reads");
    assert_eq!(lib.entries.len(), 26);
    assert_eq!(lib.entries, policy::entries());
    assert!(pack::PACK_FILE.starts_with("pack-") && pack::PACK_FILE.ends_with(".json"));
    // A download cut short, another file, or a future format: refused with a message.
    let mut half = pack::BUILT.len() / 2;
    while !pack::BUILT.is_char_boundary(half) {
        half -= 1;
    }
    let cut = &pack::BUILT[..half];
    for bad in [
        cut,
        "",
        "<html>404</html>",
        "{\"pack\":2}",
        "{\"pack\":1,\"entries\":[]}",
    ] {
        assert_eq!(
            pack::parse(bad).unwrap_err(),
            "政策资料没有下载完整。",
            "{bad:.40}"
        );
    }
}
