//! Can this household get this loan? Every rule returns its own plain-language
//! explanation and source (as the 18F SNAP prototype does), so the UI only
//! renders. Thresholds come from the product's parameters in
//! `data/products.toml`; a rule whose parameter is only a local practice says
//! 需要注意 rather than 不符合 when it fails narrowly, never hiding the variation.

use crate::form::short;
use crate::loan::LoanTerms;
use crate::local::LocalFigures;
use crate::money::Fen;
use crate::parse;
use crate::parse::Rate;
use crate::products::{lpr_cap, Borrower, Product, Status, DEFAULT_PRODUCT};
use serde::{Deserialize, Serialize};

/// What a household says about itself. Text as typed; empty = not answered.
/// Stored like [`crate::form::LoanForm`]: an object of texts in this order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    pub age: String,
    /// A [`Status`] key.
    pub status: String,
    /// A [`Purpose`] key.
    pub purpose: String,
    /// "yes", "no" or "" (不清楚).
    pub bad_credit: String,
    /// Balance of such loans already held, in 元 as typed.
    pub existing: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Pass,
    /// 需要注意: unknown, local, or allowed with a catch.
    Warn,
    Fail,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleResult {
    pub title: &'static str,
    pub outcome: Outcome,
    pub detail: String,
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// 可以申请
    Eligible,
    /// 需要注意
    Caution,
    /// 不符合
    NotEligible,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Eligible => "可以申请",
            Verdict::Caution => "需要注意",
            Verdict::NotEligible => "不符合",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub verdict: Verdict,
    pub rules: Vec<RuleResult>,
}

/// 贷款用途 and whether the micro-loan may be used for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Purpose {
    pub key: &'static str,
    pub label: &'static str,
    pub allowed: bool,
}

pub const PURPOSES: &[Purpose] = &[
    Purpose {
        key: "zhongzhi",
        label: "种植",
        allowed: true,
    },
    Purpose {
        key: "yangzhi",
        label: "养殖",
        allowed: true,
    },
    Purpose {
        key: "jiagong",
        label: "农副产品加工",
        allowed: true,
    },
    Purpose {
        key: "liutong",
        label: "流通、小生意经营",
        allowed: true,
    },
    Purpose {
        key: "jianfang",
        label: "建房、买房",
        allowed: false,
    },
    Purpose {
        key: "hunsang",
        label: "结婚、办丧事",
        allowed: false,
    },
    Purpose {
        key: "xiaofei",
        label: "买家用东西、日常花销",
        allowed: false,
    },
    Purpose {
        key: "licai",
        label: "理财、炒股",
        allowed: false,
    },
    Purpose {
        key: "rugu",
        label: "入股分红（钱交给企业或合作社统一用）",
        allowed: false,
    },
    Purpose {
        key: "zhuandai",
        label: "转借给别人、还别的贷款",
        allowed: false,
    },
];

const PURPOSE_SOURCE: &str = "银监发〔2017〕42号《关于促进扶贫小额信贷健康发展的通知》：用于发展生产（种植、养殖、农副产品加工、流通），不得用于结婚、建房、理财、购置家庭用品等；银保监发〔2021〕6号：不得用于入股分红、转贷、指标交换";
const CREDIT_SOURCE: &str = "银监发〔2017〕42号：对象须“信用良好、有贷款意愿、有就业创业潜质、技能素质和一定还款能力”；多地办法：无重大不良信用记录";

pub fn purpose(key: &str) -> Option<&'static Purpose> {
    PURPOSES.iter().find(|p| p.key == key)
}

fn src(s: &str, verified: bool) -> String {
    if verified {
        s.to_string()
    } else {
        format!("{s}（全国未统一，以当地银行和文件为准）")
    }
}

/// Checks a loan against a product's rules. `terms` is `None` when the loan
/// inputs cannot be read yet; the household rules are still checked.
pub fn assess(product: &Product, terms: Option<&LoanTerms>, facts: &Facts) -> Assessment {
    assess_with(product, terms, facts, None)
}

/// A limit to check against: (value, source, verified, " （某某县 2026年标准）"
/// when it is a shared local figure).
type Limit<T> = (T, String, bool, String);

fn limit<T: Copy>(
    local: Option<&LocalFigures>,
    pick: impl Fn(&LocalFigures) -> Option<T>,
    national: Option<crate::products::Sourced<T>>,
) -> Option<Limit<T>> {
    match local.and_then(|l| Some((l, pick(l)?))) {
        Some((l, v)) => Some((v, l.source(&l.loan_doc), true, format!("（{}）", l.label()))),
        None => national.map(|n| {
            (
                n.value,
                src(n.source, n.verified),
                n.verified,
                String::new(),
            )
        }),
    }
}

/// Like [`assess`], with the 本地数字 accepted on this phone: their ceiling,
/// term, rate cap and age limits replace the national product's for the
/// micro-loan in force today ([`DEFAULT_PRODUCT`]); the past products stay
/// as their documents wrote them. Each rule that uses a local figure names it.
pub fn assess_with(
    product: &Product,
    terms: Option<&LoanTerms>,
    facts: &Facts,
    local: Option<&LocalFigures>,
) -> Assessment {
    let local = local.filter(|_| product.id == DEFAULT_PRODUCT);
    let mut rules = Vec::new();
    let mut push = |title, outcome, detail: String, source: String| {
        rules.push(RuleResult {
            title,
            outcome,
            detail,
            source,
        })
    };

    // Who may borrow.
    match product.borrower {
        Borrower::Business => push(
            "借款人",
            Outcome::Warn,
            "这类贷款借给合作社、家庭农场、龙头企业等，要求带动贫困户（如“企业+基地+农户”、订单农业），由当地扶贫（乡村振兴）部门认定。".into(),
            product.statuses.source.into(),
        ),
        Borrower::Any => {}
        Borrower::Household => {
            let allowed = product.statuses.value;
            let names: Vec<&str> = allowed.iter().map(|s| s.label()).collect();
            match Status::from_key(&facts.status) {
                None => push(
                    "家庭身份",
                    Outcome::Warn,
                    format!("还没选家庭身份。这项贷款面向：{}。", names.join("、")),
                    src(product.statuses.source, product.statuses.verified),
                ),
                Some(s) if allowed.contains(&s) => push(
                    "家庭身份",
                    Outcome::Pass,
                    format!("{}在支持对象之内。", s.label()),
                    src(product.statuses.source, product.statuses.verified),
                ),
                Some(s) => push(
                    "家庭身份",
                    Outcome::Fail,
                    format!(
                        "这项贷款面向：{}。您选的是“{}”。{}",
                        names.join("、"),
                        s.label(),
                        if s == Status::Other {
                            "如果家里最近遇到大病、灾害、失业等困难，可以向村委会申报防返贫监测，认定后就能申请。"
                        } else {
                            "2026年起的帮扶小额信贷对象更宽，可以切换产品看看。"
                        }
                    ),
                    src(product.statuses.source, product.statuses.verified),
                ),
            }
        }
    }

    // Age.
    if let Some(((min, max), source, verified, from)) =
        limit(local, LocalFigures::ages, product.age)
    {
        match parse::normalize(&facts.age)
            .trim_end_matches('岁')
            .trim_end_matches("周")
        {
            "" => push(
                "年龄",
                Outcome::Warn,
                format!("还没填年龄。一般要求 {min}–{max} 周岁（含）{from}。"),
                source,
            ),
            a => match a.parse::<u32>() {
                Err(_) => push(
                    "年龄",
                    Outcome::Warn,
                    format!("看不懂年龄“{}”，请填整数岁数。", short(&facts.age)),
                    source,
                ),
                Ok(age) if age > 120 => push(
                    "年龄",
                    Outcome::Warn,
                    format!("年龄 {age} 岁不合理，请检查。"),
                    source,
                ),
                Ok(age) if (min..=max).contains(&age) => push(
                    "年龄",
                    Outcome::Pass,
                    format!("{age} 岁，在 {min}–{max} 周岁之间{from}。"),
                    source,
                ),
                Ok(age) => push(
                    "年龄",
                    if verified {
                        Outcome::Fail
                    } else {
                        Outcome::Warn
                    },
                    format!(
                        "{age} 岁，不在 {min}–{max} 周岁之间{from}。{}",
                        if verified {
                            ""
                        } else {
                            "各地规定不同，可以问问当地银行；也可以由家里符合年龄的劳动力申请。"
                        }
                    ),
                    source,
                ),
            },
        }
    }

    // Purpose.
    match purpose(&facts.purpose) {
        None => push(
            "贷款用途",
            Outcome::Warn,
            "还没选用途。只能用于发展生产：种植、养殖、加工、流通经营。".into(),
            PURPOSE_SOURCE.into(),
        ),
        Some(p) if p.allowed => push(
            "贷款用途",
            Outcome::Pass,
            format!("{}属于发展生产，可以用。", p.label),
            PURPOSE_SOURCE.into(),
        ),
        Some(p) => push(
            "贷款用途",
            Outcome::Fail,
            format!(
                "{}不能用这项贷款。它只能用于发展生产（种植、养殖、加工、流通经营）。",
                p.label
            ),
            PURPOSE_SOURCE.into(),
        ),
    }

    // Credit record.
    match facts.bad_credit.as_str() {
        "no" => push("信用记录", Outcome::Pass, "没有不良信用记录。".into(), CREDIT_SOURCE.into()),
        "yes" => push(
            "信用记录",
            Outcome::Fail,
            "有不良信用记录（比如贷款逾期没还）的，银行一般不给贷。先还清欠款，保持一段时间良好记录再申请。".into(),
            CREDIT_SOURCE.into(),
        ),
        _ => push(
            "信用记录",
            Outcome::Warn,
            "不清楚有没有不良记录，可以带身份证到人民银行或银行网点免费查个人征信报告。".into(),
            CREDIT_SOURCE.into(),
        ),
    }

    let existing = match parse::normalize(&facts.existing).as_str() {
        "" => Ok(Fen::ZERO),
        _ => parse::parse_amount_said_or_zero(&facts.existing),
    };

    if let Some(t) = terms {
        // Amount.
        if let Some((max, source, _, from)) = limit(local, |l| l.max.map(Fen), product.max_amount) {
            if t.principal <= max {
                push(
                    "贷款金额",
                    Outcome::Pass,
                    format!(
                        "{}元，不超过 {}元{from}。",
                        t.principal.spoken(),
                        max.spoken()
                    ),
                    source,
                );
            } else {
                push(
                    "贷款金额",
                    Outcome::Fail,
                    format!(
                        "{}元，超过了上限 {}元{from}。",
                        t.principal.spoken(),
                        max.spoken()
                    ),
                    source,
                );
            }
        }
        // Term.
        if let Some((max, source, _, from)) = limit(local, |l| l.months, product.max_months) {
            if t.months <= max {
                push(
                    "贷款期限",
                    Outcome::Pass,
                    format!("{} 个月，不超过 {max} 个月{from}。", t.months),
                    source,
                );
            } else {
                push(
                    "贷款期限",
                    Outcome::Fail,
                    format!("{} 个月，超过了 {max} 个月{from}。", t.months),
                    source,
                );
            }
        }
        // Rate cap: the local one, else the LPR.
        if let Some((l, cap)) = local.and_then(|l| Some((l, Rate(l.rate?)))) {
            let ok = t.rate <= cap;
            push(
                "利率上限",
                if ok { Outcome::Pass } else { Outcome::Warn },
                format!(
                    "年利率 {}% {}{}的利率上限 {}%。{}",
                    t.rate.percent_text(),
                    if ok { "不高于" } else { "高于" },
                    l.label(),
                    cap.percent_text(),
                    if ok { "" } else { "请向银行问清楚。" }
                ),
                l.source(&l.loan_doc),
            );
        } else if let Some(cap_rule) = product.rate_cap_lpr {
            let (cap, which, lpr) = lpr_cap(t.start, t.months);
            let lpr_note = format!(
                "{}（{} 公布{}）",
                which,
                lpr.published.chinese(),
                if lpr.verified {
                    ""
                } else {
                    "，数值待核对"
                }
            );
            let source = format!(
                "{}；LPR：{}",
                src(cap_rule.source, cap_rule.verified),
                lpr.source
            );
            if t.rate <= cap {
                push(
                    "利率上限",
                    Outcome::Pass,
                    format!(
                        "年利率 {}% 不高于{} {}%。",
                        t.rate.percent_text(),
                        lpr_note,
                        cap.percent_text()
                    ),
                    source,
                );
            } else {
                push(
                    "利率上限",
                    Outcome::Warn,
                    format!(
                        "年利率 {}% 高于{} {}%。这项贷款利率一般不超过LPR，请向银行问清楚。",
                        t.rate.percent_text(),
                        lpr_note,
                        cap.percent_text()
                    ),
                    source,
                );
            }
        }
        // Period of validity.
        if let Some(until) = product.valid_until {
            if t.start > until {
                push(
                    "政策期限",
                    Outcome::Warn,
                    format!(
                        "这项政策到 {} 为止，放款日在这之后。2026年起请看“帮扶小额信贷”。",
                        until.chinese()
                    ),
                    product.document.title.into(),
                );
            }
        }
        if let Some(from) = product.valid_from {
            if t.start < from && product.example_start.is_none() {
                push(
                    "政策期限",
                    Outcome::Warn,
                    format!("这项政策从 {} 起执行，放款日在这之前。", from.chinese()),
                    product.document.title.into(),
                );
            }
        }
        // Balance already held.
        if let Some(total_cap) = product.max_total_balance {
            let source = src(total_cap.source, total_cap.verified);
            match existing {
                Err(e) => push(
                    "已有贷款余额",
                    Outcome::Warn,
                    format!("已有贷款余额：{e}"),
                    source,
                ),
                Ok(held) => {
                    let total = held + t.principal;
                    // What the total is made of, in words: with no other
                    // loan there is nothing to add up.
                    let sum = if held.0 == 0 {
                        format!("没有别的贷款，这次 {}元", t.principal.spoken())
                    } else {
                        format!(
                            "已有 {}元加上这次 {}元，合计 {}元",
                            held.spoken(),
                            t.principal.spoken(),
                            total.spoken()
                        )
                    };
                    if total > total_cap.value {
                        push(
                            "已有贷款余额",
                            Outcome::Fail,
                            format!(
                                "已有 {}元加上这次 {}元，共 {}元，超过合计上限 {}元。",
                                held.spoken(),
                                t.principal.spoken(),
                                total.spoken(),
                                total_cap.value.spoken()
                            ),
                            source,
                        );
                    } else if let Some((cap, cap_source, _, from)) =
                        limit(local, |l| l.cap.map(Fen), product.subsidy_cap)
                            .filter(|c| total > c.0)
                    {
                        push(
                            "已有贷款余额",
                            Outcome::Warn,
                            format!(
                                "{sum}，没超过合计上限 {}元；但超过 {}元{from}的部分不贴息，利息要自己付。",
                                total_cap.value.spoken(),
                                cap.spoken()
                            ),
                            format!("{source}；{cap_source}"),
                        );
                    } else {
                        push(
                            "已有贷款余额",
                            Outcome::Pass,
                            format!("{sum}，没超过合计上限 {}元。", total_cap.value.spoken()),
                            source,
                        );
                    }
                }
            }
        }
    } else {
        push(
            "贷款金额和期限",
            Outcome::Warn,
            "贷款信息还没填对，填好后再检查金额、期限和利率。".into(),
            product.document.title.into(),
        );
    }

    let verdict = match rules.iter().map(|r| r.outcome).max() {
        Some(Outcome::Fail) => Verdict::NotEligible,
        Some(Outcome::Warn) => Verdict::Caution,
        _ => Verdict::Eligible,
    };
    Assessment { verdict, rules }
}
