//! The screening rules. Each returns a [`Finding`] with the answers that led to
//! it (`why`), in plain words; texts, steps and sources are in the data file.
//! Every threshold is read from [`super::PARAMS`], a province, or the user's
//! own local figure.

use super::answers::Answers;
use super::questions::{income_range_bounds, medical_range_bounds};
use super::{province, Figure, PARAMS};
use crate::local::LocalFigures;
use crate::products;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 有风险: a basic need is not met; act now.
    Risk,
    /// 很可能符合
    Likely,
    /// 可能符合
    Possible,
    /// 不清楚: an answer is missing to tell.
    Unclear,
    /// 有保障
    Secure,
    /// For information (already covered, or for everyone).
    Info,
}

impl Level {
    pub fn key(self) -> &'static str {
        match self {
            Level::Risk => "risk",
            Level::Likely => "likely",
            Level::Possible => "possible",
            Level::Unclear => "unclear",
            Level::Secure => "secure",
            Level::Info => "info",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Level::Risk => "有风险",
            Level::Likely => "很可能符合",
            Level::Possible => "可能符合",
            Level::Unclear => "不清楚",
            Level::Secure => "有保障",
            Level::Info => "供参考",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub id: &'static str,
    pub level: Level,
    /// The answers that led here.
    pub why: Vec<String>,
}

/// A household's overall standing, for sorting the cadre's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Risk {
    High,
    Medium,
    Low,
}

impl Risk {
    pub fn key(self) -> &'static str {
        match self {
            Risk::High => "high",
            Risk::Medium => "medium",
            Risk::Low => "low",
        }
    }
    pub fn from_key(k: &str) -> Option<Risk> {
        [Risk::High, Risk::Medium, Risk::Low]
            .into_iter()
            .find(|r| r.key() == k)
    }
    pub fn label(self) -> &'static str {
        match self {
            Risk::High => "需要尽快帮扶",
            Risk::Medium => "需要关注",
            Risk::Low => "暂无明显风险",
        }
    }
}

/// The dimensions of 两不愁三保障 and 饮水安全, always reported.
pub const BASICS: &[&str] = &["food", "water", "school", "insurance", "housing"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Every finding, most urgent first (basics included).
    pub findings: Vec<Finding>,
    /// The monitoring line used, in 元 per person per year, and where it comes from.
    pub line: (u32, String),
    /// Per-person yearly income as known: (low, high) in 元; `None` if unknown.
    pub income: Option<(i64, Option<i64>)>,
}

impl Report {
    pub fn get(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }

    /// The two or three most important things to do.
    pub fn top(&self, n: usize) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| matches!(f.level, Level::Risk | Level::Likely | Level::Possible))
            .take(n)
            .collect()
    }

    pub fn risk(&self) -> Risk {
        let high = self.findings.iter().any(|f| {
            f.level == Level::Risk
                || (f.level == Level::Likely && matches!(f.id, "jiance" | "dibao" | "tekun"))
        });
        let medium = self.findings.iter().any(|f| {
            matches!(f.level, Level::Likely | Level::Possible)
                && matches!(
                    f.id,
                    "jiance" | "dibao" | "dibao_edge" | "tekun" | "medical_aid"
                )
                || (f.level == Level::Unclear && f.id != "everyone")
                || f.id == "jiance_already"
        });
        if high {
            Risk::High
        } else if medium {
            Risk::Medium
        } else {
            Risk::Low
        }
    }
}

/// Urgency order: findings earlier in this list come first at equal level.
const ORDER: &[&str] = &[
    "jiance",
    "housing",
    "food",
    "school",
    "insurance",
    "water",
    "tekun",
    "dibao",
    "medical_aid",
    "dibao_edge",
    "yulu",
    "loan",
    "jobs",
    "gongyi",
    "industry",
    "jiance_already",
    "dibao_already",
    "everyone",
];

fn rank(f: &Finding) -> (u8, usize) {
    let level = match (f.level, f.id) {
        (Level::Likely, "jiance") | (Level::Risk, _) => 0,
        (Level::Likely, _) => 1,
        (Level::Possible, _) => 2,
        (Level::Unclear, _) => 3,
        (Level::Info, "everyone") => 6,
        (Level::Info, _) => 4,
        (Level::Secure, _) => 5,
    };
    (
        level,
        ORDER
            .iter()
            .position(|id| *id == f.id)
            .unwrap_or(ORDER.len()),
    )
}

fn yuan(v: i64) -> String {
    crate::money::Fen::from_yuan(v).spoken()
}

fn range_text(lo: i64, hi: Option<i64>) -> String {
    match hi {
        Some(hi) if hi == lo => format!("{}元", yuan(lo)),
        Some(hi) => format!("{}–{}元", yuan(lo), yuan(hi)),
        None => format!("{}元以上", yuan(lo)),
    }
}

/// Per-person yearly income, from a range or the calculator.
fn income(a: &Answers) -> Option<(i64, Option<i64>)> {
    let key = a.get("income")?;
    if key == "calc" {
        let members = a.count("members").filter(|m| *m > 0)? as i64;
        let ids = [
            "inc_wage",
            "inc_biz",
            "inc_cost",
            "inc_property",
            "inc_transfer",
        ];
        if ids.iter().all(|id| a.money(id).is_none()) {
            return None;
        }
        let fen = |id| a.money(id).map_or(0, |f| f.fen());
        let total = fen("inc_wage") + fen("inc_biz") - fen("inc_cost")
            + fen("inc_property")
            + fen("inc_transfer");
        let per = (total.max(0) / 100) / members;
        return Some((per, Some(per)));
    }
    income_range_bounds(key)
}

/// The monitoring line: the figure typed for this household, the shared
/// 本地数字, the province's, or the national baseline.
fn monitoring_line(a: &Answers, shared: Option<&LocalFigures>) -> (u32, String) {
    if let Some(local) = a.money("local_line").filter(|f| f.fen() > 0) {
        return (local.whole_yuan() as u32, "您填写的本地监测线".to_string());
    }
    if let Some((l, v)) = shared.and_then(|l| Some((l, l.line?))) {
        return (v, l.source(&l.line_doc));
    }
    let prov = a.get("province").and_then(province);
    if let Some(Figure {
        value,
        year,
        source,
        ..
    }) = prov.and_then(|p| p.monitoring_line)
    {
        return (
            value,
            format!(
                "{}{}年监测线（{}）",
                prov.map_or("", |p| p.name),
                year,
                source
            ),
        );
    }
    let base = PARAMS.monitoring_line;
    let missing = prov.map_or(String::new(), |p| format!("没找到{}公布的监测线，", p.name));
    (
        base.value,
        format!(
            "{missing}按全国基准：{}年{}元（{}）。可以填本地公布的数字",
            base.year, base.value, base.source
        ),
    )
}

/// 低保标准 in 元 per person per year, if known.
fn dibao_line(a: &Answers, shared: Option<&LocalFigures>) -> Option<(u32, String)> {
    if let Some(local) = a.money("local_dibao").filter(|f| f.fen() > 0) {
        return Some((
            local.whole_yuan() as u32 * 12,
            format!("您填写的本地低保标准 {}元/月", local.spoken()),
        ));
    }
    if let Some((l, v)) = shared.and_then(|l| Some((l, l.dibao?))) {
        return Some((
            v * 12,
            format!("低保标准 {v}元/月：{}", l.source(&l.dibao_doc)),
        ));
    }
    let p = a.get("province").and_then(province)?;
    let f = p.dibao_month?;
    Some((
        f.value * 12,
        format!(
            "{}{}年农村低保标准 {}元/月（{}）",
            p.name, f.year, f.value, f.source
        ),
    ))
}

/// Where an income interval lies against a line: Likely if surely below,
/// Possible if the line falls inside, None if surely at or above.
fn below(income: (i64, Option<i64>), line: i64) -> Option<Level> {
    let (lo, hi) = income;
    match hi {
        Some(hi) if hi == lo => (lo < line).then_some(Level::Likely),
        Some(hi) if hi <= line => Some(Level::Likely),
        _ if lo < line => Some(Level::Possible),
        _ => None,
    }
}

fn basic(a: &Answers, id: &'static str, q: &str, bad: &[&str], why_bad: &str) -> Finding {
    let (level, why) = match a.get(q) {
        Some(v) if bad.contains(&v) => (Level::Risk, vec![why_bad.to_string()]),
        Some("unknown") | None => (
            Level::Unclear,
            vec!["这一项答了“不清楚”或没答，建议和村里一起确认。".to_string()],
        ),
        Some(_) => (Level::Secure, vec![]),
    };
    Finding { id, level, why }
}

fn events_text(a: &Answers) -> Vec<&'static str> {
    let labels = [
        ("illness", "大病或重伤"),
        ("disability", "落下残疾"),
        ("disaster", "自然灾害"),
        ("accident", "意外事故"),
        ("job", "失业或出不去打工"),
        ("business", "种养殖或生意失败"),
    ];
    labels
        .iter()
        .filter(|(k, _)| a.has("events", k))
        .map(|(_, l)| *l)
        .collect()
}

/// Keeps the strongest level seen (Likely beats Possible).
fn raise(l: Level, level: &mut Option<Level>) {
    if level.is_none_or(|cur| l < cur) {
        *level = Some(l);
    }
}

/// Runs every rule with the national (or provincial) figures.
pub fn assess(a: &Answers) -> Report {
    assess_with(a, None)
}

/// Runs every rule; `shared` are the 本地数字 accepted on this phone, which
/// replace the national figures they set (a figure typed in the
/// questionnaire for this household still comes first).
pub fn assess_with(a: &Answers, shared: Option<&LocalFigures>) -> Report {
    let mut out: Vec<Finding> = Vec::new();
    let status = a.get("status").unwrap_or("unknown");
    let members = a.count("members").filter(|m| *m > 0);
    let workers = a.count("workers");
    let inc = income(a);
    let line = monitoring_line(a, shared);
    let events = events_text(a);
    let key_group = matches!(status, "tuopin" | "jiance" | "dibao");

    // 防返贫监测.
    let mut why = Vec::new();
    let mut level: Option<Level> = None;
    if let Some(i) = inc {
        if let Some(l) = below(i, line.0 as i64) {
            why.push(format!(
                "人均年收入约 {}，低于监测线 {}元（{}）。",
                range_text(i.0, i.1),
                line.0,
                line.1
            ));
            raise(l, &mut level);
        }
    }
    let medical = a.get("medical").and_then(medical_range_bounds);
    if let (Some((mlo, mhi)), Some(m)) = (medical, members) {
        let household = inc.map(|(lo, hi)| (lo * m as i64, hi.map(|h| h * m as i64)));
        let likely = PARAMS.rigid_likely_percent.value as i64;
        let possible = PARAMS.rigid_possible_percent.value as i64;
        match household {
            Some((_, Some(hhi))) if mlo * 100 >= hhi * likely => {
                why.push(format!(
                    "今年自己掏的医药费（{}）超过了全家一年的收入。",
                    range_text(mlo, mhi)
                ));
                raise(Level::Likely, &mut level);
            }
            Some((hlo, _)) if mhi.is_none_or(|mhi| mhi * 100 > hlo * possible) && mlo > 0 => {
                why.push(format!(
                    "今年自己掏的医药费（{}）占全家收入的一大块。",
                    range_text(mlo, mhi)
                ));
                raise(Level::Possible, &mut level);
            }
            None if mlo >= 10_000 => {
                why.push(format!(
                    "今年自己掏的医药费有 {}，收入又不清楚。",
                    range_text(mlo, mhi)
                ));
                raise(Level::Possible, &mut level);
            }
            _ => {}
        }
    }
    match a.get("income_drop") {
        Some("half") => {
            why.push("收入比前一年少了一半以上。".to_string());
            raise(Level::Possible, &mut level);
        }
        Some("some") if !events.is_empty() => {
            why.push(format!("遇到{}后收入减少了。", events.join("、")));
            raise(Level::Possible, &mut level);
        }
        _ => {}
    }
    let severe = ["illness", "disability", "disaster", "accident"]
        .iter()
        .any(|k| a.has("events", k));
    if severe && !why.iter().any(|w| w.contains("遇到")) {
        why.push(format!(
            "过去12个月遇到了{}；如果家里基本生活因此很困难，可以申报。",
            events.join("、")
        ));
        raise(Level::Possible, &mut level);
    }
    if status == "jiance" {
        out.push(Finding {
            id: "jiance_already",
            level: Level::Info,
            why: vec!["您选了“防返贫监测对象”。".into()],
        });
    } else if let Some(l) = level {
        let group = if status == "tuopin" {
            "脱贫不稳定户"
        } else if !events.is_empty() && (severe || a.is("income_drop", "half")) {
            "突发严重困难户"
        } else {
            "边缘易致贫户"
        };
        why.push(format!("可能属于：{group}。是否纳入由村里核查、县里审定。"));
        out.push(Finding {
            id: "jiance",
            level: l,
            why,
        });
    } else if inc.is_none() {
        out.push(Finding {
            id: "jiance",
            level: Level::Unclear,
            why: vec![
                "收入不清楚，没法和监测线比。可以选“算一算”按收入来源估一下，或请村干部帮着算。"
                    .into(),
            ],
        });
    }

    // 两不愁三保障 and 饮水安全.
    out.push(basic(a, "food", "food", &["no"], "吃穿有时不够。"));
    out.push(basic(
        a,
        "water",
        "water",
        &["no"],
        "有时缺水，或者水不干净。",
    ));
    out.push(basic(
        a,
        "school",
        "school",
        &["no"],
        "有6–15岁的孩子没上学。",
    ));
    out.push(basic(
        a,
        "insurance",
        "insured",
        &["no"],
        "家里有人没参加医保，看病不能报销。",
    ));
    let mut house = basic(a, "housing", "house", &["problem", "cd"], "");
    house.why = match a.get("house") {
        Some("cd") if key_group => vec!["房子已鉴定为C级或D级危房，您家属于危房改造的重点对象，很可能可以申请改造补助。".into()],
        Some("cd") => vec!["房子已鉴定为C级或D级危房。危房改造优先照顾脱贫户、监测对象、低保户、特困户等，其他困难家庭也可以问问。".into()],
        Some("problem") => vec!["房子有裂缝、漏雨或墙歪，还没鉴定：先请村里上报做安全鉴定。".into()],
        _ => house.why,
    };
    out.push(house);

    // 低保, 低保边缘, 特困.
    if status == "dibao" {
        out.push(Finding {
            id: "dibao_already",
            level: Level::Info,
            why: vec!["您选了“低保户或特困供养”。".into()],
        });
    } else {
        match (inc, dibao_line(a, shared)) {
            (Some(i), Some((std, src))) => {
                if let Some(l) = below(i, std as i64) {
                    out.push(Finding {
                        id: "dibao",
                        level: l,
                        why: vec![format!(
                            "人均年收入约 {}，低于低保标准每人每年 {}元（{}）。还要看家庭财产。",
                            range_text(i.0, i.1),
                            std,
                            src
                        )],
                    });
                } else {
                    let edge = std as i64 * PARAMS.dibao_edge_percent.value as i64 / 100;
                    if let Some(l) = below(i, edge) {
                        out.push(Finding {
                            id: "dibao_edge",
                            level: if l == Level::Likely {
                                Level::Possible
                            } else {
                                l
                            },
                            why: vec![format!(
                                "人均年收入约 {}，比低保标准（{}元/年）高一点，在 {}% 以内。",
                                range_text(i.0, i.1),
                                std,
                                PARAMS.dibao_edge_percent.value
                            )],
                        });
                    }
                }
            }
            (Some(i), None) if below(i, line.0 as i64).is_some() => {
                out.push(Finding {
                        id: "dibao",
                        level: Level::Possible,
                        why: vec![format!("人均年收入约 {}，比较低。低保标准各地不同（本工具没有本地标准），可以到乡镇问问，或在“收入”里填上本地低保标准再看。", range_text(i.0, i.1))],
                    });
            }
            _ => {}
        }
        let no_labour = workers == Some(0);
        let vulnerable = a.has("who", "elderly")
            || a.has("who", "child")
            || a.has("who", "alone")
            || a.has("illness", "disabled");
        let no_support = matches!(a.get("support"), Some("no") | Some("unknown") | None);
        let low_income = inc.is_none_or(|i| below(i, line.0 as i64).is_some());
        if no_labour && vulnerable && no_support && low_income {
            let mut why = vec![format!(
                "家里没有能干活挣钱的人，有老人（{}岁以上）、孩子或残疾人。",
                PARAMS.tekun_elderly_age.value
            )];
            if a.is("support", "no") {
                why.push("没有能赡养或抚养的亲属。".into());
            } else {
                why.push("有没有能赡养的亲属还不清楚，这一条要核实。".into());
            }
            if let Some((l, v)) = shared.and_then(|l| Some((l, l.tekun?))) {
                why.push(format!(
                    "特困人员基本生活标准 {v}元/人/月（{}）。",
                    l.source(&l.tekun_doc)
                ));
            }
            out.push(Finding {
                id: "tekun",
                level: Level::Possible,
                why,
            });
        }
    }

    // 看病.
    let ill: Vec<&str> = [
        ("serious", "大病重病"),
        ("chronic", "慢性病"),
        ("disabled", "残疾"),
        ("care", "失能老人"),
    ]
    .iter()
    .filter(|(k, _)| a.has("illness", k))
    .map(|(_, l)| *l)
    .collect();
    let heavy_medical = medical.is_some_and(|(lo, _)| lo >= 5_000);
    if !ill.is_empty() || heavy_medical {
        let mut why = Vec::new();
        if !ill.is_empty() {
            why.push(format!("家里有{}。", ill.join("、")));
        }
        if let Some((lo, hi)) = medical.filter(|_| heavy_medical) {
            why.push(format!("今年自己掏医药费 {}。", range_text(lo, hi)));
        }
        let level = if key_group && a.has("illness", "serious") {
            Level::Likely
        } else {
            Level::Possible
        };
        out.push(Finding {
            id: "medical_aid",
            level,
            why,
        });
    }

    // 雨露计划.
    if a.is("vocational", "yes") {
        let (level, why) = if matches!(status, "tuopin" | "jiance") {
            (
                Level::Likely,
                "有人在读中职或高职，家里是脱贫户或监测对象。",
            )
        } else {
            (Level::Possible, "有人在读中职或高职。雨露计划面向脱贫户和监测对象；如果家里符合监测条件，申报后也能申请。")
        };
        out.push(Finding {
            id: "yulu",
            level,
            why: vec![why.into()],
        });
    }

    // 发展: 小额信贷, 就业, 公益性岗位, 产业.
    let wants_business = matches!(a.get("plan"), Some("yes") | Some("doing"));
    let has_labour = workers.is_none_or(|w| w > 0);
    if has_labour && (wants_business || a.has("needs", "money")) {
        let shared_ages = shared.and_then(|l| Some((l, l.ages()?)));
        let age_rule = shared_ages.map_or_else(
            || {
                products::product("bangfu2026")
                    .and_then(|p| p.age)
                    .map_or((18, 65), |s| s.value)
            },
            |(_, ages)| ages,
        );
        let mut why = vec![if wants_business {
            "想发展种养殖或做小生意。"
        } else {
            "缺本钱。"
        }
        .to_string()];
        let level = match a.count("main_age") {
            Some(age) if (age_rule.0..=age_rule.1).contains(&age) => {
                why.push(match shared_ages {
                    Some((l, _)) => format!(
                        "主要劳动力 {age} 岁，在 {}–{} 岁之间（{}）。",
                        age_rule.0,
                        age_rule.1,
                        l.source(&l.loan_doc)
                    ),
                    None => format!(
                        "主要劳动力 {age} 岁，在一般要求的 {}–{} 岁之间。",
                        age_rule.0, age_rule.1
                    ),
                });
                Some(if key_group {
                    Level::Likely
                } else {
                    Level::Possible
                })
            }
            Some(age) if workers.unwrap_or(0) >= 2 => {
                why.push(format!(
                    "主要劳动力 {age} 岁，不在 {}–{} 岁之间，可以由家里符合年龄的人申请。",
                    age_rule.0, age_rule.1
                ));
                Some(Level::Possible)
            }
            Some(_) => None,
            None => {
                why.push(format!(
                    "年龄没填；一般要求 {}–{} 岁。",
                    age_rule.0, age_rule.1
                ));
                Some(Level::Possible)
            }
        };
        if let Some(level) = level {
            out.push(Finding {
                id: "loan",
                level,
                why,
            });
        }
    }
    if a.has("needs", "skills") || a.has("needs", "job") || a.has("events", "job") {
        let mut why = Vec::new();
        if a.has("needs", "skills") {
            why.push("想学技术。".to_string());
        }
        if a.has("needs", "job") {
            why.push("想找工作。".to_string());
        }
        if a.has("events", "job") {
            why.push("过去12个月有人丢了工作或出不去打工。".to_string());
        }
        out.push(Finding {
            id: "jobs",
            level: Level::Possible,
            why,
        });
    }
    if a.has("needs", "nearby") && has_labour {
        out.push(Finding {
            id: "gongyi",
            level: Level::Possible,
            why: vec!["想在家门口干点活。".into()],
        });
    }
    if wants_business {
        out.push(Finding {
            id: "industry",
            level: Level::Possible,
            why: vec!["想发展种养殖或做小生意。".into()],
        });
    }

    out.push(Finding {
        id: "everyone",
        level: Level::Info,
        why: vec![],
    });
    // Stable: findings of one rank keep the order the rules gave them.
    out.sort_by_key(rank);
    Report {
        findings: out,
        line,
        income: inc,
    }
}
