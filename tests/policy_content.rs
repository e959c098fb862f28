//! The policy library as compiled into the app: every entry complete, sourced
//! and dated, and every link between entries, glossary, timeline and loan
//! products pointing at something real. build/policies.rs refuses most of
//! this at build time; these tests check what actually came out.

use bangfu::date::Date;
use bangfu::policy::{self, Category, Piece};
use bangfu::products;
use bangfu::sources::SourceKind;
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
    "linshi-jiuzhu",
    "canji-butie",
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
    let checked = Date::new(2026, 12, 7).unwrap();
    for e in policy::entries() {
        assert!(!e.basis.is_empty(), "{}: 依据", e.id);
        for b in e.basis {
            assert!(!b.title.trim().is_empty(), "{}: basis title", e.id);
            assert!(!b.link.trim().is_empty(), "{}: basis link", e.id);
            // A basis without a number says why (build/sources.rs), and only
            // a report or repost that names none shows nothing in its place.
            assert!(
                !b.number.trim().is_empty() || b.kind.check_locally(),
                "{}: basis {:?} has neither a number nor a reason",
                e.id,
                b.title
            );
            assert!(
                b.date.is_empty()
                    || b.date.ends_with('年')
                    || b.date.ends_with('月')
                    || b.date.ends_with('日'),
                "{}: basis date {:?}",
                e.id,
                b.date
            );
        }
        assert!(
            e.basis.iter().any(|b| !b.date.is_empty()),
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
fn second_hand_sources_are_marked_in_the_entry() {
    // An entry resting only on reposts, reports or the tool's own summary
    // must tell the reader to check locally in its own words too.
    for e in policy::entries() {
        if e.basis.iter().all(|b| b.kind.check_locally()) {
            assert!(
                all_text(e)
                    .iter()
                    .any(|s| s.contains("以当地") || s.contains("问") || s.contains("各地")),
                "{}: only second-hand sources but nothing says to check locally",
                e.id
            );
        }
    }
}

/// Everything a villager can read in the library: entries with their
/// sources, the glossary and the timeline.
fn every_visible_text() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for e in policy::entries() {
        for s in all_text(e) {
            out.push((e.id.to_string(), s));
        }
        for b in e.basis {
            for s in [b.title, b.number, b.link, b.quote] {
                out.push((format!("{} 依据", e.id), s));
            }
        }
    }
    for t in policy::glossary() {
        out.push((format!("名词 {}", t.term), t.definition));
        out.push((format!("名词 {}", t.term), t.source));
    }
    for ev in policy::timeline() {
        for s in [ev.title, ev.text, ev.source] {
            out.push((format!("大事记 {}", ev.title), s));
        }
    }
    out
}

#[test]
fn no_team_notes_reach_a_villager() {
    // Notes written for the team say nothing a reader can act on.
    for (place, text) in every_visible_text() {
        for note in [
            "未核实",
            "未查到",
            "本项目",
            "本资料",
            "资料整理",
            "文件全名",
            "第5节",
        ] {
            assert!(!text.contains(note), "{place}: {note:?} in {text:?}");
        }
    }
}

#[test]
fn the_contradicted_sentences_cannot_come_back() {
    // Each of these was in the library and is contradicted by its source
    // (shared/research/facts-audit.md, C1–C8): they turned families away.
    let wrong: &[(&str, &str)] = &[
        (
            "无法定赡养人",
            "特困: 第十四条 also covers supporters without the capacity to support",
        ),
        (
            "有儿女的老人，也能算特困人员",
            "特困: the myth presented the truth as a mistake",
        ),
        ("没有能赡养或抚养他的亲人", "特困 finding: same gap"),
        (
            "还没有公开",
            "2026 loan: the notice sets the terms; we lack its text",
        ),
        (
            "未公布",
            "2026 loan: the notice sets the terms; we lack its text",
        ),
        (
            "约981万人搬迁",
            "易地搬迁: 981万 was the plan; 960多万 moved",
        ),
        ("32%用来发劳务报酬", "以工代赈: 32% was the 2024 plan"),
        (
            "应纳尽纳",
            "no source; the 2020 guidance set a scale of about 5%",
        ),
        (
            "不设名额",
            "no source; the 2020 guidance set a scale of about 5%",
        ),
        (
            "县民政部门审批后按月发放",
            "低保: since 2021 the step is 审核确认",
        ),
        (
            "还有需要的农户可以办农户小额信用贷款",
            "2026 意见: for former 脱贫 borrowers",
        ),
        ("济南", "another place's 2021 figures shown as examples"),
        ("1.4万", "unsourced average"),
    ];
    let mut texts = every_visible_text();
    for t in bangfu::check::FINDINGS {
        for s in [t.title, t.explain, t.source, t.place]
            .into_iter()
            .chain(t.steps.iter().copied())
            .chain(t.bring.iter().copied())
        {
            texts.push((format!("自查 {}", t.id), s));
        }
    }
    for p in products::PRODUCTS {
        for s in [p.local_note, p.document.number, p.document.url] {
            texts.push((format!("贷款 {}", p.id), s));
        }
    }
    for (place, text) in &texts {
        for (sentence, why) in wrong {
            assert!(
                !text.contains(sentence),
                "{place}: {sentence:?} ({why}) in {text:?}"
            );
        }
    }
    // And the timeline dates the COVID deferral by its notice, not the press conference.
    let covid = policy::timeline()
        .iter()
        .find(|ev| ev.title.contains("疫情"))
        .expect("the COVID deferral is on the timeline");
    assert_eq!(covid.when, "2020年2月10日");
    assert!(covid.source.contains("国开办发〔2020〕3号"));
}

#[test]
fn social_assistance_stands_on_national_texts() {
    // Each social-assistance entry cites at least one national document by
    // its number, and the 特困 rule is quoted in its own words.
    let national = [
        "国务院令第649号",
        "民发〔2021〕57号",
        "民发〔2021〕43号",
        "国办发〔2021〕42号",
        "国发〔2014〕47号",
        "国发〔2015〕52号",
    ];
    for id in [
        "dibao",
        "tekun",
        "dibao-bianyuan",
        "linshi-jiuzhu",
        "canji-butie",
        "yiliao-baozhang",
    ] {
        let e = policy::entry(id).unwrap();
        assert!(
            e.basis.iter().any(|b| national.contains(&b.number)),
            "{id}: no national document among {:?}",
            e.basis.iter().map(|b| b.number).collect::<Vec<_>>()
        );
    }
    let tekun = policy::entry("tekun").unwrap();
    let art14 = tekun
        .basis
        .iter()
        .find(|b| b.title.contains("第十四条"))
        .expect("特困 cites 第十四条");
    assert_eq!(art14.kind, SourceKind::Law);
    assert!(art14
        .quote
        .contains("或者其法定赡养、抚养、扶养义务人无赡养、抚养、扶养能力"));
    assert!(tekun.who.iter().any(|w| w.contains("没有能力赡养")));
    assert!(tekun
        .myths
        .iter()
        .any(|m| m.wrong.contains("有儿女") && m.right.contains("没有赡养能力")));
}

#[test]
fn the_2026_words_find_the_monitoring_entry() {
    let hits = policy::search("防止返贫致贫对象");
    assert_eq!(
        hits.hits.first().map(|h| h.entry.id),
        Some("fangfanpin-jiance")
    );
    let e = policy::entry("fangfanpin-jiance").unwrap();
    assert!(e.who.iter().any(|w| w.contains("防止返贫致贫对象")));
    for (q, id) in [
        ("临时救助", "linshi-jiuzhu"),
        ("护理补贴", "canji-butie"),
        ("残疾证", "canji-butie"),
    ] {
        let hits = policy::search(q);
        assert!(
            hits.hits.iter().take(3).any(|h| h.entry.id == id),
            "{q} does not find {id}"
        );
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
    assert_eq!(lib.entries.len(), 28);
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
