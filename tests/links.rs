//! The public URL contract, including links WeChat has mangled.

use bangfu::date::Date;
use bangfu::form::{check, LoanForm};
use bangfu::loan::{schedule, Method};
use bangfu::money::Fen;
use bangfu::query::{
    loan_query, parse_query, percent_decode, percent_encode, plain_query, qr_target, View,
};

fn today() -> Date {
    Date::new(2026, 11, 29).unwrap()
}

const SEED: &str = "?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8&subsidy=100&subsidy_timing=after_clearing&start=2017-06-07";

#[test]
fn seed_link_with_wechat_suffix_reproduces_the_seed_case() {
    let url = format!("{SEED}&from=singlemessage&isappinstalled=0&shareTo=weixin#wechat_redirect");
    let p = parse_query(&url, today());
    assert_eq!(p.view, View::Loan);
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
    let form = p.loan.unwrap();
    let (terms, subsidy) = check(&form, today()).unwrap();
    assert_eq!(terms.method, Method::Staged);
    assert_eq!(terms.interest_only_months, 8);
    let s = schedule(&terms, &subsidy);
    assert_eq!(s.rows[8].payment, Fen(2_538_398));
    assert_eq!(s.total_interest(), Fen(643_592));
}

#[test]
fn canonical_link_round_trips() {
    let p = parse_query(SEED, today());
    let form = p.loan.unwrap();
    let again = parse_query(&loan_query(&form), today()).loan.unwrap();
    assert_eq!(check(&form, today()), check(&again, today()));
    assert_eq!(loan_query(&again), loan_query(&form));
    assert!(loan_query(&form).starts_with(
        "?v=loan&product=tianmen2017&amount=100000&months=12&rate=7.35&method=staged&io=8"
    ));
}

#[test]
fn invalid_values_fall_back_and_are_named() {
    let p = parse_query(
        "?v=loan&amount=abc&months=12&rate=999&method=weekly&product=tuopin2021",
        today(),
    );
    let form = p.loan.unwrap();
    assert_eq!(form.product, "tuopin2021");
    assert_eq!(form.amount, "5万");
    assert_eq!(form.months, "12");
    assert_eq!(form.rate, "3.5");
    assert_eq!(form.method, "equal_installment");
    assert_eq!(p.ignored.len(), 3, "{:?}", p.ignored);
    assert!(p.ignored[0].contains("贷款金额“abc”"));
    assert!(p.ignored.iter().any(|m| m.contains("年利率“999”")));
    assert!(p.ignored.iter().any(|m| m.contains("还款方式“weekly”")));
}

#[test]
fn hostile_and_mangled_links_never_panic() {
    for q in [
        "",
        "?",
        "?&&&=",
        "?v=%ZZ",
        "?v=loan&amount=%E4%B8",
        "?v=loan&amount=5%E4%B8%87",
        "?v=<script>alert(1)</script>",
        "?v=loan&product=../../etc&amount=1e308&months=-1&start=2023-02-30&io=99&method=staged",
        "#?v=loan",
        "?v=loan&amount=",
        &format!("?v=loan&amount={}", "9".repeat(5000)),
    ] {
        let p = parse_query(q, today());
        if let Some(form) = &p.loan {
            // Whatever came in, the form that results is usable.
            assert!(
                check(form, today()).is_ok(),
                "{q}: {:?}",
                check(form, today())
            );
        }
        for m in &p.ignored {
            assert!(m.chars().count() < 80, "{m}");
        }
    }
    assert_eq!(
        parse_query("?v=loan&amount=5%E4%B8%87", today())
            .loan
            .unwrap()
            .amount,
        "5万"
    );
    assert_eq!(parse_query("#?v=loan", today()).view, View::Home);
    let p = parse_query("?v=nope", today());
    assert_eq!(p.view, View::Home);
    assert_eq!(p.ignored.len(), 1);
}

#[test]
fn plain_view_links_do_not_touch_the_loan() {
    assert_eq!(
        parse_query("?v=loan&from=singlemessage", today()).loan,
        None
    );
    assert_eq!(parse_query("?v=home", today()).view, View::Home);
    // Loan inputs without v still open the estimator.
    assert_eq!(parse_query("?amount=3万", today()).view, View::Loan);
}

#[test]
fn decoding() {
    assert_eq!(percent_decode("5%E4%B8%87").as_deref(), Some("5万"));
    assert_eq!(percent_decode("a+b").as_deref(), Some("a b"));
    assert_eq!(percent_decode("%"), None);
    assert_eq!(percent_decode("%FF"), None);
}

#[test]
fn product_defaults_are_complete_and_valid() {
    for p in bangfu::products::products() {
        let form = LoanForm::for_product(p);
        assert!(
            check(&form, today()).is_ok(),
            "{}: {:?}",
            p.id,
            check(&form, today())
        );
    }
}

/// What index.html's loader reads from `location.search` to pick the
/// WebAssembly part (the same regular expressions, written out by hand):
/// "check", "policy" or "main".
fn loader_picks_part(search: &str) -> &'static str {
    let search = search.replace("&amp;", "&");
    let s = search.strip_prefix('?').unwrap_or(&search);
    let opens = |views: &[&str]| {
        s.split('&')
            .any(|kv| views.iter().any(|v| kv == format!("v={v}")))
    };
    if opens(&["check", "households"]) {
        "check"
    } else if opens(&["policy"]) {
        "policy"
    } else if opens(&["local", "risk"]) {
        "cadre"
    } else if opens(&["qr"]) {
        "share"
    } else {
        "main"
    }
}

#[test]
fn a_links_plain_address_shows_the_same_and_the_loader_reads_it_alike() {
    let links = [
        SEED.to_string(),
        "?v=%63heck&from=singlemessage".into(),
        "?v=check&r=members%3D4%7Cfood%3Dok&from=timeline".into(),
        "?from=groupmessage&v=households#frag".into(),
        "?v=village&from=singlemessage&big=1".into(),
        "?v=loan&v=check&amount=2%E4%B8%87".into(),
        "?v=policy&id=tekun&isappinstalled=0".into(),
        "?v=policy&id=%E4%BA%94%E4%BF%9D".into(),
        "?v=%70olicy&id=tekun&from=singlemessage".into(),
        "?v=policy&v=check&id=dibao".into(),
        "?v=loan&v=policy".into(),
        "?v=local&lv=1&place=%E5%A4%A9%E9%97%A8&line=7500&ck=00000000&from=singlemessage".into(),
        "?v=local&v=check&lv=1&place=x".into(),
        "?v=risk&isappinstalled=0".into(),
        "?amount=5万".into(),
        "?v=home".into(),
        "?v=qr&for=v%3Dpolicy%26id%3Dtekun&from=singlemessage".into(),
        "?v=home&big=1&from=singlemessage".into(),
        "".into(),
    ];
    for link in links {
        let parsed = parse_query(&link, today());
        let plain = plain_query(&parsed);
        assert!(
            plain.starts_with(&format!("?v={}", parsed.view.key())),
            "{link} → {plain}"
        );
        // Loading the plain address shows the same screen with the same values…
        let again = parse_query(&plain, today());
        assert_eq!(again.view, parsed.view, "{link} → {plain}");
        assert_eq!(again.loan, parsed.loan, "{link} → {plain}");
        assert_eq!(again.policy_id, parsed.policy_id, "{link} → {plain}");
        assert_eq!(again.shared_check, parsed.shared_check, "{link} → {plain}");
        assert_eq!(again.local_link, parsed.local_link, "{link} → {plain}");
        assert_eq!(again.qr_for, parsed.qr_for, "{link} → {plain}");
        assert_eq!(again.big, parsed.big, "{link} → {plain}");
        // …and index.html picks the part that has it, so one extra load at most.
        let part = match parsed.view {
            View::Check | View::Households => "check",
            View::Policy => "policy",
            View::Qr => "share",
            View::Home | View::Loan | View::Village => "main",
            View::Local | View::Risk => "cadre",
        };
        assert_eq!(loader_picks_part(&plain), part, "{link} → {plain}");
    }
}

/// Found by scripts/fuzz.sh: `id=%20` read as an empty entry id, while its
/// plain address (no id) reads as the library.
#[test]
fn a_blank_policy_id_is_the_library() {
    for q in ["?v=policy&id= ", "?v=policy&id=%20%20", "?v=policy&id="] {
        let p = parse_query(q, today());
        assert_eq!(p.policy_id, None, "{q}");
        assert_eq!(parse_query(&plain_query(&p), today()), p, "{q}");
    }
}

/// A right-to-left override in a link value is quoted back without it, so
/// the rest of the message is not turned around.
#[test]
fn quoted_values_carry_no_bidirectional_controls() {
    assert_eq!(
        bangfu::form::short("\u{202e}gpj.exe\u{2066}x\u{200f}"),
        "gpj.exex"
    );
    let p = parse_query("?v=loan&amount=%E2%80%AEgpj.exe", today());
    let all = format!("{:?}{:?}", p.ignored, p.loan.map(|f| check(&f, today())));
    assert!(!all.contains('\u{202e}'), "{all}");
}
#[test]
fn big_is_on_only_with_big_1() {
    assert!(parse_query("?big=1", today()).big);
    assert!(parse_query("?v=check&big=1&from=singlemessage", today()).big);
    assert!(parse_query(&format!("{SEED}&big=1"), today()).big);
    for off in [
        "", "?v=loan", "?big=0", "?big=", "?big=yes", "?big", "?big=2",
    ] {
        assert!(!parse_query(off, today()).big, "{off}");
    }
    // The loan is read as before, big or not.
    assert_eq!(
        parse_query(&format!("{SEED}&big=1"), today()).loan,
        parse_query(SEED, today()).loan
    );
}

#[test]
fn a_qr_code_holds_the_plain_link_of_its_target_on_this_site() {
    let qr = |target: &str| {
        let link = format!("?v=qr&for={}", percent_encode(target));
        let parsed = parse_query(&link, today());
        assert_eq!(parsed.view, View::Qr);
        qr_target(parsed.qr_for.as_deref(), today(), bangfu::policy::has_page)
    };
    // Each kind of share link comes back exactly as the app writes it.
    let loan = parse_query(SEED, today()).loan.unwrap();
    assert_eq!(qr(&loan_query(&loan)[1..]), (View::Loan, loan_query(&loan)));
    // A policy entry's code holds its static page, named by the old link or
    // by the page; an id with no page keeps the app's link (which says the
    // entry is not there), and so does every entry while the pack is not in.
    assert_eq!(
        qr("v=policy&id=tuopin-xindai"),
        (View::Policy, "policy/tuopin-xindai.html".to_string())
    );
    assert_eq!(
        qr("policy/tekun.html"),
        (View::Policy, "policy/tekun.html".to_string())
    );
    assert_eq!(
        qr("v=policy&id=glossary"),
        (View::Policy, "policy/glossary.html".to_string())
    );
    assert_eq!(
        qr("v=policy&id=no-such-thing"),
        (View::Policy, "?v=policy&id=no-such-thing".to_string())
    );
    assert_eq!(
        qr("policy/no-such-thing.html"),
        (View::Policy, "?v=policy&id=no-such-thing".to_string())
    );
    let none = |_: &str| false;
    assert_eq!(
        qr_target(Some("v=policy&id=tekun"), today(), none),
        (View::Policy, "?v=policy&id=tekun".to_string())
    );
    assert_eq!(
        qr_target(Some("policy/tekun.html"), today(), none),
        (View::Policy, "?v=policy&id=tekun".to_string())
    );
    assert_eq!(qr("v=policy"), (View::Policy, "?v=policy".to_string()));
    let r = "members%3D4%7Cfood%3Dok";
    assert_eq!(
        qr(&format!("v=check&r={r}")),
        (View::Check, format!("?v=check&r={r}"))
    );
    // WeChat's extras and big=1 are left out; a QR of a QR, or nothing, is home.
    assert_eq!(
        qr("v=policy&id=tekun&from=singlemessage&big=1"),
        (View::Policy, "policy/tekun.html".to_string())
    );
    assert_eq!(qr("v=qr&for=v%3Dloan"), (View::Home, String::new()));
    assert_eq!(
        qr_target(None, today(), bangfu::policy::has_page),
        (View::Home, String::new())
    );
    // Whatever `for=` holds, the result is a query string of this page.
    for hostile in [
        "https://evil.example/?v=loan",
        "//evil.example",
        "v=policy&id=../../x",
        "policy/../../x.html",
        "policy//evil.example/x.html",
        "policy/https://evil.example.html",
        "%",
        "javascript:alert(1)",
    ] {
        let (_, q) = qr(hostile);
        assert!(
            q.is_empty() || q.starts_with("?v=") || q.starts_with("policy/"),
            "{hostile} → {q}"
        );
        assert!(!q.contains("//") && !q.contains(':'), "{hostile} → {q}");
    }
}

#[test]
fn the_village_summary_has_its_own_view_key() {
    let p = parse_query("?v=village&isappinstalled=0", today());
    assert_eq!(p.view, View::Village);
    assert!(p.ignored.is_empty());
    assert_eq!(View::from_key("village"), Some(View::Village));
    assert_eq!(plain_query(&p), "?v=village");
}
