//! The 本地数字 link codec and checks: a round trip keeps every figure, the
//! link survives what WeChat does to it, a damaged or altered link is refused
//! whole, a bad figure is refused alone, and the format is versioned.

use bangfu::date::Date;
use bangfu::local::{check, link, read_link, LinkRead, LocalFigures, LocalForm, FIELDS};
use bangfu::query::{parse_query, View};

fn today() -> Date {
    Date::new(2026, 12, 1).unwrap()
}

fn form(pairs: &[(&str, &str)]) -> LocalForm {
    let mut f = LocalForm::default();
    for (k, v) in pairs {
        f.set(k, v.to_string());
    }
    f
}

/// Every field filled, typed the way people type (full-width digits, 万, %).
fn full() -> LocalFigures {
    let c = check(&form(&[
        ("place", "湖北省天门市"),
        ("date", "2026-01-01"),
        ("line", "７５００"),
        (
            "line_doc",
            "《关于公布2026年防止返贫监测范围的通知》鄂乡振发〔2026〕1号",
        ),
        ("dibao", "650"),
        ("dibao_doc", "天民发〔2025〕8号"),
        ("tekun", "1,100"),
        ("tekun_doc", "天民发〔2025〕9号"),
        ("max", "8万"),
        ("months", "3年"),
        ("rate", "3.45%"),
        ("subsidy", "100"),
        ("cap", "5万"),
        ("timing", "yearly"),
        ("age_min", "18"),
        ("age_max", "60岁"),
        ("loan_doc", "天门市帮扶小额信贷实施办法（2026）"),
    ]));
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c.figures
}

/// What the app does with a link: parse the address, read the pairs.
fn open(query: &str) -> Option<LinkRead> {
    let parsed = parse_query(query, today());
    assert_eq!(parsed.view, View::Local, "{query}");
    read_link(&parsed.local_link.unwrap_or_default())
}

#[test]
fn full_set_reads_exactly() {
    let f = full();
    assert_eq!(f.line, Some(7_500));
    assert_eq!(f.dibao, Some(650));
    assert_eq!(f.tekun, Some(1_100));
    assert_eq!(f.max, Some(8_000_000)); // 8万 in fen
    assert_eq!(f.months, Some(36));
    assert_eq!(f.rate, Some(34_500)); // ppm per year
    assert_eq!(f.subsidy, Some(10_000)); // basis points
    assert_eq!(f.cap, Some(5_000_000));
    assert_eq!(f.timing.as_deref(), Some("yearly"));
    assert_eq!(f.ages(), Some((18, 60)));
    assert_eq!(f.label(), "湖北省天门市 2026年标准");
}

#[test]
fn stored_texts_read_back_exactly() {
    let f = full();
    assert_eq!(LocalFigures::from_stored(&f.to_form().0), f);
    assert_eq!(
        LocalFigures::from_stored(&LocalForm::default().0),
        LocalFigures::default()
    );
}

#[test]
fn round_trip_keeps_every_figure() {
    let f = full();
    let q = link(&f);
    assert!(q.starts_with("?v=local&lv=1&place="), "{q}");
    assert_eq!(
        open(&q),
        Some(LinkRead::Offer {
            figures: Box::new(f.clone()),
            refused: vec![]
        })
    );
    // Only some figures: the rest stay unset.
    let some = check(&form(&[
        ("place", "某某县"),
        ("date", "2026-03-01"),
        ("line", "7500"),
    ]))
    .figures;
    let q = link(&some);
    assert_eq!(
        q,
        "?v=local&lv=1&place=%E6%9F%90%E6%9F%90%E5%8E%BF&date=2026-03-01&line=7500&ck=".to_string()
            + q.rsplit('=').next().unwrap()
    );
    match open(&q) {
        Some(LinkRead::Offer { figures, refused }) => {
            assert_eq!(*figures, some);
            assert!(refused.is_empty());
            assert_eq!(figures.dibao, None);
            assert!(!figures.has_loan());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_link_is_stable() {
    // A link made today must read the same in every later version: this
    // exact text is part of the public contract (README, "Links").
    let q = "?v=local&lv=1&place=%E6%9F%90%E6%9F%90%E5%8E%BF&date=2026-03-01&line=7500&ck=";
    let some = check(&form(&[
        ("place", "某某县"),
        ("date", "2026-03-01"),
        ("line", "7500"),
    ]))
    .figures;
    let made = link(&some);
    // The README's example, checksum and all.
    assert_eq!(made, format!("{q}4b343a19"));
}

#[test]
fn survives_wechat() {
    let q = link(&full());
    for mangled in [
        format!("{q}&from=singlemessage&isappinstalled=0"),
        format!("{q}#rd"),
        format!("{q}&from=timeline#wechat_redirect"),
        format!("{q}&shareTo=1&v=check"),
        q.replace("%E6", "%e6"),
    ] {
        match open(&mangled) {
            Some(LinkRead::Offer { figures, refused }) => {
                assert_eq!(*figures, full(), "{mangled}");
                assert!(refused.is_empty(), "{mangled}");
            }
            other => panic!("{mangled}: {other:?}"),
        }
    }
    // The editor's own address, with WeChat's additions, is not an offer.
    assert_eq!(open("?v=local&from=singlemessage&isappinstalled=0"), None);
    assert_eq!(open("?v=local"), None);
}

fn refused(r: Option<LinkRead>) -> String {
    match r {
        Some(LinkRead::Refused(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn damaged_or_altered_links_are_refused_whole() {
    let q = link(&full());
    // A figure changed by hand.
    let altered = q.replace("line=7500", "line=9500");
    assert!(refused(open(&altered)).contains("对不上"));
    // Cut short (the checksum is gone).
    let cut = &q[..q.find("&ck=").unwrap()];
    assert!(refused(open(cut)).contains("不完整"));
    // Cut in the middle of the place's escapes: the value cannot be decoded.
    let mid = q.find("place=").unwrap() + 10;
    assert!(!refused(open(&q[..mid])).is_empty());
    // A figure removed.
    let dropped = q.replace("&dibao=650", "");
    assert!(refused(open(&dropped)).contains("对不上"));
    // Checksum changed.
    let ck = q.replace("&ck=", "&ck=0");
    assert!(refused(open(&ck)).contains("对不上"));
    // No version.
    let nov = q.replace("&lv=1", "");
    assert!(refused(open(&nov)).contains("版本"));
    // Hostile text never panics and is quoted back short.
    for junk in [
        "?v=local&lv=1&place=%FF%FE&ck=zz",
        "?v=local&lv=1&line=%E4%B8",
        "?v=local&lv=1&ck=",
        "?v=local&lv=%00&line=1",
        "?v=local&lv=1&lv=2&line=9999999999999999999999999&ck=1",
    ] {
        let _ = open(junk);
    }
}

#[test]
fn versioned() {
    let q = link(&full());
    let v2 = q.replace("&lv=1", "&lv=2");
    let why = refused(open(&v2));
    assert!(why.contains("更新版本"), "{why}");
    assert!(why.contains("第2版"), "{why}");
}

/// Builds a link with a correct checksum around any texts, as a newer
/// version (wider limits) or a hand-made link might: the figures are then
/// checked one by one.
fn link_of(pairs: &[(&str, &str)]) -> String {
    // Link from figures that read, then swap in the raw texts and recompute
    // the checksum through the public codec: encode a form whose fields are
    // taken as they are.
    let f = form(pairs);
    bangfu::local::link_of_form(&f)
}

#[test]
fn bad_figures_are_refused_one_by_one_with_reasons() {
    let q = link_of(&[
        ("place", "某某县"),
        ("date", "2026-01-01"),
        ("line", "7500"),
        ("dibao", "99999"),
        ("rate", "48"),
        ("months", "0"),
        ("max", "-5万"),
        ("age_min", "18"),
        ("age_max", "abc"),
        ("timing", "weekly"),
    ]);
    match open(&q) {
        Some(LinkRead::Offer { figures, refused }) => {
            assert_eq!(figures.line, Some(7_500));
            assert_eq!(figures.age_min, Some(18));
            assert_eq!(figures.dibao, None);
            assert_eq!(figures.rate, None);
            assert_eq!(figures.months, None);
            assert_eq!(figures.max, None);
            assert_eq!(figures.age_max, None);
            assert_eq!(figures.timing, None);
            let all = refused.join("\n");
            assert_eq!(refused.len(), 6, "{all}");
            // The estimator's own messages.
            assert!(
                all.contains("农村低保标准“99999”没有采用：低保标准 99,999 元不合理"),
                "{all}"
            );
            assert!(all.contains("年利率 48% 不合理"), "{all}");
            assert!(all.contains("期限至少 1 个月"), "{all}");
            assert!(all.contains("金额不能是负数"), "{all}");
            assert!(all.contains("看不懂“abc”"), "{all}");
            assert!(all.contains("贴息方式“weekly”不认识"), "{all}");
        }
        other => panic!("{other:?}"),
    }
    // Nothing usable: refused whole.
    assert!(refused(open(&link_of(&[
        ("place", "某某县"),
        ("date", "2026-01-01"),
        ("line", "5"),
    ])))
    .contains("没有一个能用"));
    // No place: cannot say whose figures these are.
    assert!(refused(open(&link_of(&[("date", "2026-01-01"), ("line", "7500")]))).contains("哪里"));
}

#[test]
fn editor_checks_like_the_estimator() {
    let c = check(&form(&[
        ("line", "5万元"),
        ("max", "5。5万"),
        ("rate", "４．３５"),
    ]));
    assert_eq!(c.figures.line, Some(50_000));
    assert_eq!(c.figures.max, Some(5_500_000));
    assert_eq!(c.figures.rate, Some(43_500));
    // Place and date are asked for.
    assert!(c.error("place").is_some());
    assert!(c.error("date").is_some());
    let c = check(&form(&[
        ("line", "7500.5"),
        ("age_min", "40"),
        ("age_max", "30"),
    ]));
    assert_eq!(c.error("line"), Some("监测线请填整数元"));
    assert!(c.error("age_min").is_some(), "{:?}", c.errors);
    let c = check(&form(&[("age_min", "25"), ("age_max", "50")]));
    assert_eq!(c.figures.ages(), Some((25, 50)));
    let c = check(&form(&[("age_min", "30"), ("age_max", "45")]));
    assert_eq!(c.figures.ages(), Some((30, 45)));
    let c = check(&form(&[
        ("age_min", "29"),
        ("age_max", "45"),
        ("place", &"长".repeat(31)),
    ]));
    assert!(c.error("place").unwrap().contains("太长"));
    // Every field has a label and a unique key.
    let mut keys: Vec<_> = FIELDS.iter().map(|s| s.key).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), FIELDS.len());
}

/// A link made before the 走访 figures were added (written with the first
/// format's checksum, as the browser test's helper and every earlier app
/// wrote it): it must read exactly as it did.
const BEFORE_VISIT_FIGURES: &str = "?v=local&lv=1&place=%E6%B9%96%E5%8C%97%E7%9C%81%E5%A4%A9%E9%97%A8%E5%B8%82&date=2026-01-01&line=7500&dibao=650&max=80000&months=36&age_min=18&age_max=60&loan_doc=%E5%A4%A9%E9%97%A8%E5%B8%82%E5%B8%AE%E6%89%B6%E5%B0%8F%E9%A2%9D%E4%BF%A1%E8%B4%B7%E5%AE%9E%E6%96%BD%E5%8A%9E%E6%B3%95%EF%BC%882026%EF%BC%89&ck=8e7d88d1";

#[test]
fn a_link_from_before_the_visit_figures_still_reads() {
    let expected = check(&form(&[
        ("place", "湖北省天门市"),
        ("date", "2026-01-01"),
        ("line", "7500"),
        ("dibao", "650"),
        ("max", "8万"),
        ("months", "36"),
        ("age_min", "18"),
        ("age_max", "60"),
        ("loan_doc", "天门市帮扶小额信贷实施办法（2026）"),
    ]))
    .figures;
    assert_eq!(
        open(BEFORE_VISIT_FIGURES),
        Some(LinkRead::Offer {
            figures: Box::new(expected.clone()),
            refused: vec![]
        })
    );
    assert!(!expected.has_visit());
    // And this version writes the same link for the same figures: no `xk`
    // when no 走访 figure is set.
    let made = link(&expected);
    assert!(!made.contains("xk="), "{made}");
    assert!(made.ends_with("&ck=8e7d88d1"), "{made}");
}

/// Every 走访 figure, typed as people type them.
fn with_visit() -> LocalFigures {
    let mut pairs = vec![
        ("place", "湖北省天门市"),
        ("date", "2026-01-01"),
        ("line", "7500"),
        ("near_line", "１５０%"),
        ("heavy_medical", "3000元"),
        ("wage_share", "50"),
        ("visit_days", "30天"),
        ("visit_doc", "某某县防返贫监测网格化管理办法"),
    ];
    pairs.push(("dibao", "650"));
    let c = check(&form(&pairs));
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c.figures
}

#[test]
fn a_link_with_the_visit_figures_round_trips() {
    let f = with_visit();
    assert_eq!(f.near_line, Some(150));
    assert_eq!(f.heavy_medical, Some(3_000));
    assert_eq!(f.wage_share, Some(50));
    assert_eq!(f.visit_days, Some(30));
    assert!(f.has_visit() && !f.is_empty());
    assert_eq!(LocalFigures::from_stored(&f.to_form().0), f);
    let q = link(&f);
    // The new figures after the first ones, their checksum before `ck`.
    let xk = q.find("&xk=").expect("xk");
    assert!(
        q.find("&visit_doc=").unwrap() < xk && xk < q.find("&ck=").unwrap(),
        "{q}"
    );
    assert_eq!(
        open(&q),
        Some(LinkRead::Offer {
            figures: Box::new(f.clone()),
            refused: vec![]
        })
    );
    // Only 走访 figures (with the place and date) is a set too.
    let only = check(&form(&[
        ("place", "某某县"),
        ("date", "2026-03-01"),
        ("visit_days", "60"),
    ]))
    .figures;
    match open(&link(&only)) {
        Some(LinkRead::Offer { figures, refused }) => {
            assert_eq!(figures.visit_days, Some(60));
            assert!(refused.is_empty());
        }
        other => panic!("{other:?}"),
    }
    // Survives WeChat as the others do.
    match open(&format!("{q}&from=singlemessage#wechat_redirect")) {
        Some(LinkRead::Offer { figures, .. }) => assert_eq!(*figures, f),
        other => panic!("{other:?}"),
    }
    // The figures in words, with the data file's beside them.
    assert_eq!(f.value_of("near_line").as_deref(), Some("150 %"));
    assert_eq!(f.value_of("heavy_medical").as_deref(), Some("3,000 元"));
    assert_eq!(f.value_of("visit_days").as_deref(), Some("30 天"));
    assert_eq!(
        bangfu::local::national_text("visit_days"),
        "90 天（本工具定的）"
    );
    assert!(f
        .documents()
        .contains(&("走访", "某某县防返贫监测网格化管理办法")));
}

#[test]
fn an_older_app_reads_the_rest_of_a_new_link_and_this_one_guards_the_new_figures() {
    let f = with_visit();
    let q = link(&f);
    // What an app from before the 走访 figures reads: it ignores the keys it
    // does not know and checks `ck` over the first fields, which still
    // matches. Shown here by taking them out: the rest reads.
    let older: String = q
        .split('&')
        .filter(|p| {
            ![
                "near_line=",
                "heavy_medical=",
                "wage_share=",
                "visit_days=",
                "visit_doc=",
                "xk=",
            ]
            .iter()
            .any(|k| p.starts_with(k))
        })
        .collect::<Vec<_>>()
        .join("&");
    match open(&older) {
        Some(LinkRead::Offer { figures, refused }) => {
            assert!(refused.is_empty());
            assert_eq!(figures.line, Some(7_500));
            assert_eq!(figures.dibao, Some(650));
            assert!(!figures.has_visit());
        }
        other => panic!("{other:?}"),
    }
    // A 走访 figure altered by hand, or its checksum gone: refused whole.
    let altered = q.replace("visit_days=30", "visit_days=300");
    assert!(refused(open(&altered)).contains("对不上"));
    let xk = &q[q.find("&xk=").unwrap()..q.find("&ck=").unwrap()];
    assert!(refused(open(&q.replace(xk, ""))).contains("对不上"));
    // A 走访 figure added by hand to a link that had none.
    let added = format!("{}&visit_days=7", BEFORE_VISIT_FIGURES);
    assert!(refused(open(&added)).contains("对不上"));
    // Cut short: the end (`ck`) goes first.
    assert!(refused(open(&q[..q.find("&ck=").unwrap()])).contains("不完整"));
}

#[test]
fn visit_figures_out_of_range_are_refused_with_a_reason() {
    let c = check(&form(&[
        ("near_line", "99"),
        ("visit_days", "366"),
        ("wage_share", "120%"),
        ("heavy_medical", "200"),
    ]));
    assert_eq!(
        c.error("near_line"),
        Some("监测线附近 99% 不合理：应在 100–200% 之间，请核对文件")
    );
    assert_eq!(
        c.error("visit_days"),
        Some("走访间隔 366天 不合理：应在 7–365天 之间，请核对文件")
    );
    assert!(c.error("wage_share").unwrap().contains("30–100%"));
    assert!(c.error("heavy_medical").unwrap().contains("不合理"));
    let c = check(&form(&[("visit_days", "一个月")]));
    assert!(c.error("visit_days").unwrap().contains("看不懂“一个月”"));
    // The ends are allowed.
    let c = check(&form(&[
        ("near_line", "100"),
        ("visit_days", "7"),
        ("wage_share", "100"),
    ]));
    assert_eq!(c.figures.near_line, Some(100));
    assert_eq!(c.figures.visit_days, Some(7));
    let c = check(&form(&[("near_line", "200"), ("visit_days", "365")]));
    assert_eq!(
        (c.figures.near_line, c.figures.visit_days),
        (Some(200), Some(365))
    );
    // From a link, a figure out of range is refused alone.
    let q = bangfu::local::link_of_form(&form(&[
        ("place", "某某县"),
        ("date", "2026-01-01"),
        ("line", "7500"),
        ("visit_days", "400"),
    ]));
    match open(&q) {
        Some(LinkRead::Offer { figures, refused }) => {
            assert_eq!(figures.line, Some(7_500));
            assert_eq!(figures.visit_days, None);
            assert_eq!(refused.len(), 1, "{refused:?}");
            assert!(
                refused[0].starts_with("多少天没走访就要去“400”没有采用"),
                "{refused:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}
