//! The screening rules: one small function per programme ([`RULES`]), each
//! reading the household as worked out once ([`Household`]) and returning at
//! most one [`Finding`] with the answers that led to it (`why`), in plain
//! words. A reason says what about the household and the rule leads to the
//! result; the document goes in the finding's 依据 line (data file), once.
//! Texts, steps and sources are in the data file; every threshold is read
//! from [`super::PARAMS`], a province, or the user's own local figure.

use super::answers::Answers;
use super::questions::{income_range_bounds, medical_range_bounds};
use super::{province, PARAMS};
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
    /// The 低保 standard used, in 元 per person per month, and where it
    /// comes from, when one is known: reasons name the figure, this names
    /// its document once.
    pub dibao: Option<(u32, String)>,
    /// Per-person yearly income as known: (low, high) in 元; `None` if unknown.
    pub income: Option<(i64, Option<i64>)>,
    /// The same after this year's out-of-pocket medical costs (人均纯收入
    /// as monitoring counts it); `None` when either is unknown.
    pub net: Option<(i64, Option<i64>)>,
}

impl Report {
    pub fn get(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }

    /// The most serious finding, for a household's headline in the list,
    /// its CSV and the summary: a basic need of food or shelter at risk and
    /// a likely case for monitoring, 特困 or 低保 first; then a possible
    /// case for monitoring (the programme that catches a family falling
    /// back) before the other basic needs; then other likely findings, then
    /// the possible ones; within a tier, in [`ORDER`]. `None`: nothing to
    /// do (不清楚, 有保障 and 供参考 are no headline).
    pub fn most_serious(&self) -> Option<&Finding> {
        let tier = |f: &Finding| match (f.level, f.id) {
            (Level::Risk, "housing" | "food") => 0,
            (Level::Likely, "jiance" | "tekun" | "dibao") => 0,
            (Level::Possible, "jiance") | (Level::Risk, _) => 1,
            (Level::Likely, _) => 2,
            _ => 3,
        };
        self.findings
            .iter()
            .filter(|f| matches!(f.level, Level::Risk | Level::Likely | Level::Possible))
            .min_by_key(|f| (tier(f), rank(f).1))
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
                    "jiance" | "dibao" | "dibao_edge" | "tekun" | "medical_aid" | "linshi"
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
    "linshi",
    "medical_aid",
    "liangxiang",
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

/// An income after costs, as a reason (and the what-if) says it: a floor
/// of 0 is "at most".
pub fn net_text((lo, hi): (i64, Option<i64>)) -> String {
    match hi {
        Some(0) => "就不剩了".to_string(),
        Some(hi) if lo == 0 => format!("不到 {}元", yuan(hi)),
        _ => format!("约 {}", range_text(lo, hi)),
    }
}

/// Per-person yearly income, from a range or the calculator.
fn income(a: &Answers) -> Option<(i64, Option<i64>)> {
    let key = a.get("income")?;
    if key == "calc" {
        let members = a.count("members").filter(|m| *m > 0)? as i64;
        let (_, total) = calculated(a)?;
        let per = (total.max(0) / 100) / members;
        return Some((per, Some(per)));
    }
    income_range_bounds(key)
}

/// The income calculator's figures for the whole household, in 分: wages,
/// and the total (wages, sales less costs, property, transfers). `None`
/// unless 算一算 was chosen and at least one figure given.
pub(super) fn calculated(a: &Answers) -> Option<(i64, i64)> {
    if a.get("income") != Some("calc") {
        return None;
    }
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
    let wage = fen("inc_wage");
    Some((
        wage,
        wage + fen("inc_biz") - fen("inc_cost") + fen("inc_property") + fen("inc_transfer"),
    ))
}

/// A figure a rule compares with: its value, the few words a reason names it
/// by, and its whole source for the line under the results.
struct Line {
    value: u32,
    label: String,
    source: String,
}

/// The monitoring line: the figure typed for this household, the shared
/// 本地数字, the province's, or the national baseline.
fn monitoring_line(a: &Answers, shared: Option<&LocalFigures>) -> Line {
    if let Some(local) = a.money("local_line").filter(|f| f.fen() > 0) {
        let label = "您填写的本地监测线".to_string();
        return Line {
            value: local.whole_yuan() as u32,
            source: label.clone(),
            label,
        };
    }
    if let Some((l, v)) = shared.and_then(|l| Some((l, l.line?))) {
        return Line {
            value: v,
            label: l.source(""),
            source: l.source(&l.line_doc),
        };
    }
    let prov = a.get("province").and_then(province);
    if let Some((p, f)) = prov.and_then(|p| Some((p, p.monitoring_line?))) {
        return Line {
            value: f.value,
            label: format!("{}{}年的监测线", p.name, f.year),
            source: format!("{}{}年监测线：{}", p.name, f.year, f.source),
        };
    }
    let base = PARAMS.monitoring_line;
    let missing = prov.map_or(String::new(), |p| format!("没找到{}公布的监测线，", p.name));
    Line {
        value: base.value,
        label: format!("{missing}按全国基准（{}年）", base.year),
        source: format!(
            "{missing}按全国基准：{}年{}元（{}）。可以填本地公布的数字",
            base.year, base.value, base.source
        ),
    }
}

/// 低保标准 in 元 per person per month, if known.
fn dibao_line(a: &Answers, shared: Option<&LocalFigures>) -> Option<Line> {
    if let Some(local) = a.money("local_dibao").filter(|f| f.fen() > 0) {
        let label = format!("您填写的本地低保标准 {}元/月", local.spoken());
        return Some(Line {
            value: local.whole_yuan() as u32,
            source: label.clone(),
            label,
        });
    }
    if let Some((l, v)) = shared.and_then(|l| Some((l, l.dibao?))) {
        return Some(Line {
            value: v,
            label: format!("低保标准 {v}元/月：{}", l.source("")),
            source: format!("低保标准 {v}元/月：{}", l.source(&l.dibao_doc)),
        });
    }
    let p = a.get("province").and_then(province)?;
    let f = p.dibao_month?;
    Some(Line {
        value: f.value,
        label: format!("{}{}年农村低保标准 {}元/月", p.name, f.year, f.value),
        source: format!(
            "{}{}年农村低保标准 {}元/月：{}",
            p.name, f.year, f.value, f.source
        ),
    })
}

/// Where an income interval lies against a line: Likely if surely below,
/// Possible if the line falls inside, None if surely at or above.
pub fn below(income: (i64, Option<i64>), line: i64) -> Option<Level> {
    let (lo, hi) = income;
    match hi {
        Some(hi) if hi == lo => (lo < line).then_some(Level::Likely),
        Some(hi) if hi <= line => Some(Level::Likely),
        _ if lo < line => Some(Level::Possible),
        _ => None,
    }
}

/// The events question's options (key, the words a reason names it by), in
/// the questionnaire's order.
pub(super) const EVENTS: &[(&str, &str)] = &[
    ("illness", "大病或重伤"),
    ("disability", "落下残疾"),
    ("disaster", "自然灾害"),
    ("accident", "意外事故"),
    ("job", "失业或出不去打工"),
    ("business", "种养殖或生意失败"),
];

fn events_text(a: &Answers) -> Vec<&'static str> {
    EVENTS
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

/// Per-person income after the household's out-of-pocket medical costs:
/// monitoring takes 合规自付 costs off the income before comparing with the
/// line (the data file's 依据). Bounds stay bounds: the lowest income less
/// the highest cost, the highest income less the lowest cost, never below 0.
fn after_medical(
    income: Option<(i64, Option<i64>)>,
    medical: Option<(i64, Option<i64>)>,
    members: Option<u32>,
) -> Option<(i64, Option<i64>)> {
    let ((lo, hi), (mlo, mhi), m) = (income?, medical?, members? as i64);
    let per = |total: i64| total.max(0) / m;
    // An open-ended cost ("3万元以上") leaves no floor but 0.
    let low = mhi.map_or(0, |mhi| per(lo * m - mhi));
    Some((low, hi.map(|hi| per(hi * m - mlo))))
}

/// 如果……会怎样: a change the household might face, read on top of its
/// answers (which stay as they are) by the same rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WhatIf {
    /// Out-of-pocket medical costs this would add, in 元 (say, an illness).
    pub medical: i64,
    /// Yearly income the household would lose, in 元 (say, someone who can
    /// no longer go out to work).
    pub lost_income: i64,
}

/// What the rules read, worked out once from the answers.
struct Household<'a> {
    a: &'a Answers,
    shared: Option<&'a LocalFigures>,
    status: &'a str,
    members: Option<u32>,
    workers: Option<u32>,
    /// Per person and year, in 元.
    income: Option<(i64, Option<i64>)>,
    line: Line,
    dibao: Option<Line>,
    /// Out-of-pocket medical costs this year, in 元.
    medical: Option<(i64, Option<i64>)>,
    /// Per-person income after them ([`after_medical`]).
    net: Option<(i64, Option<i64>)>,
    /// The answer to 收入有没有明显减少.
    income_drop: Option<&'a str>,
    events: Vec<&'static str>,
    /// 大病、残疾、灾害或事故 in the last 12 months.
    severe: bool,
    /// 脱贫户, 监测对象 or 低保: the groups most programmes favour.
    key_group: bool,
}

impl<'a> Household<'a> {
    fn new(a: &'a Answers, shared: Option<&'a LocalFigures>) -> Self {
        let status = a.get("status").unwrap_or("unknown");
        let members = a.count("members").filter(|m| *m > 0);
        let income = income(a);
        let medical = a.get("medical").and_then(medical_range_bounds);
        Household {
            a,
            shared,
            status,
            members,
            workers: a.count("workers"),
            income,
            line: monitoring_line(a, shared),
            dibao: dibao_line(a, shared),
            medical,
            net: after_medical(income, medical, members),
            income_drop: a.get("income_drop"),
            events: events_text(a),
            severe: ["illness", "disability", "disaster", "accident"]
                .iter()
                .any(|k| a.has("events", k)),
            key_group: matches!(status, "tuopin" | "jiance" | "dibao"),
        }
    }

    /// The household as it would be after `w`: more medical costs, less
    /// income (a loss of half or more counts as 收入少了一半以上, and a lost
    /// wage as 失业或出不去打工). Income needs the number of members to be
    /// spread; without it the loss cannot be counted and income stays.
    fn after(mut self, w: &WhatIf) -> Self {
        if w.medical > 0 {
            self.medical = Some(match self.medical {
                Some((lo, hi)) => (lo + w.medical, hi.map(|h| h + w.medical)),
                None => (w.medical, Some(w.medical)),
            });
        }
        if let (true, Some((lo, hi)), Some(m)) = (w.lost_income > 0, self.income, self.members) {
            let m = m as i64;
            let cut = |v: i64| (v * m - w.lost_income).max(0) / m;
            self.income = Some((cut(lo), hi.map(cut)));
            // Surely half or more only if it is half of the highest income.
            let half = hi.is_some_and(|hi| w.lost_income * 2 >= hi * m);
            self.income_drop = Some(match self.income_drop {
                Some("half") => "half",
                _ if half => "half",
                _ => "some",
            });
            if !self.a.has("events", "job") {
                // In the questionnaire's order: before 生意失败, the last.
                let at = self.events.len() - usize::from(self.a.has("events", "business"));
                self.events.insert(at, "失业或出不去打工");
            }
        }
        self.net = after_medical(self.income, self.medical, self.members);
        self
    }

    fn below_line(&self) -> bool {
        self.income
            .is_some_and(|i| below(i, self.line.value as i64).is_some())
    }

    /// Out-of-pocket medical costs against the household's yearly income:
    /// Likely when they exceed it, Possible when they take a large share (or
    /// are large and the income is unknown); with the reason.
    fn medical_burden(&self) -> Option<(Level, String)> {
        let (mlo, mhi) = self.medical?;
        let m = self.members? as i64;
        let household = self.income.map(|(lo, hi)| (lo * m, hi.map(|h| h * m)));
        let likely = PARAMS.rigid_likely_percent.value as i64;
        let possible = PARAMS.rigid_possible_percent.value as i64;
        match household {
            Some((_, Some(hhi))) if mlo * 100 >= hhi * likely => Some((
                Level::Likely,
                format!(
                    "今年自己掏的医药费（{}）超过了全家一年的收入。",
                    range_text(mlo, mhi)
                ),
            )),
            Some((hlo, _)) if mhi.is_none_or(|mhi| mhi * 100 > hlo * possible) && mlo > 0 => {
                Some((
                    Level::Possible,
                    format!(
                        "今年自己掏的医药费（{}）占全家收入的一大块。",
                        range_text(mlo, mhi)
                    ),
                ))
            }
            None if mlo >= 10_000 => Some((
                Level::Possible,
                format!(
                    "今年自己掏的医药费有 {}，收入又不清楚。",
                    range_text(mlo, mhi)
                ),
            )),
            _ => None,
        }
    }
}

/// A rule: one programme (or one of 两不愁三保障), at most one finding.
type Rule = fn(&Household) -> Option<Finding>;

/// Every rule, in the order they are written below; the report sorts their
/// findings by urgency ([`ORDER`]).
const RULES: &[Rule] = &[
    monitoring,
    food,
    water,
    school,
    insurance,
    housing,
    dibao,
    tekun,
    disability_allowances,
    temporary_assistance,
    medical_aid,
    yulu,
    loan,
    jobs,
    public_jobs,
    industry,
    everyone,
];

/// Runs every rule with the national (or provincial) figures.
pub fn assess(a: &Answers) -> Report {
    assess_with(a, None)
}

/// Runs every rule; `shared` are the 本地数字 accepted on this phone, which
/// replace the national figures they set (a figure typed in the
/// questionnaire for this household still comes first).
pub fn assess_with(a: &Answers, shared: Option<&LocalFigures>) -> Report {
    report(Household::new(a, shared))
}

/// The same rules on the household as it would be after `w`; the answers
/// are not touched.
pub fn assess_if(a: &Answers, shared: Option<&LocalFigures>, w: &WhatIf) -> Report {
    report(Household::new(a, shared).after(w))
}

fn report(h: Household) -> Report {
    let mut findings: Vec<Finding> = RULES.iter().filter_map(|rule| rule(&h)).collect();
    // Stable: findings of one rank keep the order the rules gave them.
    findings.sort_by_key(rank);
    Report {
        findings,
        // Named under the results only when the 低保 rule compared with it.
        dibao: h
            .dibao
            .filter(|_| h.status != "dibao" && h.income.is_some())
            .map(|d| (d.value, d.source)),
        line: (h.line.value, h.line.source),
        income: h.income,
        net: h.net,
    }
}

fn finding(id: &'static str, level: Level, why: Vec<String>) -> Option<Finding> {
    Some(Finding { id, level, why })
}

/// 防返贫监测 (防止返贫致贫对象): income under the line, heavy medical costs,
/// a sharp fall in income or a severe event.
fn monitoring(h: &Household) -> Option<Finding> {
    if h.status == "jiance" {
        return finding(
            "jiance_already",
            Level::Info,
            vec!["您选了“防返贫监测对象”。".into()],
        );
    }
    let mut why = Vec::new();
    let mut level: Option<Level> = None;
    if let Some(i) = h.income {
        if let Some(l) = below(i, h.line.value as i64) {
            why.push(format!(
                "人均年收入约 {}，低于监测线 {}元（{}）。",
                range_text(i.0, i.1),
                h.line.value,
                h.line.label
            ));
            raise(l, &mut level);
        }
    }
    // Only when the costs make the difference: the income itself is not
    // (surely) under the line already.
    if let Some(n) = h.net.filter(|_| level != Some(Level::Likely)) {
        if let Some(l) = below(n, h.line.value as i64) {
            why.push(format!(
                "减去今年自己掏的医药费，人均收入{}，低于监测线 {}元。",
                net_text(n),
                h.line.value,
            ));
            raise(l, &mut level);
        }
    }
    if let Some((l, w)) = h.medical_burden() {
        why.push(w);
        raise(l, &mut level);
    }
    match h.income_drop {
        Some("half") => {
            why.push("收入比前一年少了一半以上。".to_string());
            raise(Level::Possible, &mut level);
        }
        Some("some") if !h.events.is_empty() => {
            why.push(format!("遇到{}后收入减少了。", h.events.join("、")));
            raise(Level::Possible, &mut level);
        }
        _ => {}
    }
    if h.severe && !why.iter().any(|w| w.contains("遇到")) {
        why.push(format!(
            "过去12个月遇到了{}；如果家里基本生活因此很困难，可以申报。",
            h.events.join("、")
        ));
        raise(Level::Possible, &mut level);
    }
    match level {
        Some(l) => {
            let group = if h.status == "tuopin" {
                "脱贫不稳定户"
            } else if !h.events.is_empty() && (h.severe || h.income_drop == Some("half")) {
                "突发严重困难户"
            } else {
                "边缘易致贫户"
            };
            why.push(format!("可能属于：{group}。是否纳入由村里核查、县里审定。"));
            finding("jiance", l, why)
        }
        None if h.income.is_none() => finding(
            "jiance",
            Level::Unclear,
            vec![
                "收入不清楚，没法和监测线比。可以选“算一算”按收入来源估一下，或请村干部帮着算。"
                    .into(),
            ],
        ),
        None => None,
    }
}

/// One of 两不愁三保障 or 饮水安全: 有风险 on a bad answer, 不清楚 when not
/// answered, 有保障 otherwise.
fn basic(h: &Household, id: &'static str, q: &str, bad: &[&str], why_bad: &str) -> Option<Finding> {
    let (level, why) = match h.a.answer(q) {
        Some(v) if bad.contains(&v) => (Level::Risk, vec![why_bad.to_string()]),
        Some("unknown") | None => (
            Level::Unclear,
            vec!["这一项答了“不清楚”或没答，建议和村里一起确认。".to_string()],
        ),
        Some(_) => (Level::Secure, vec![]),
    };
    finding(id, level, why)
}

fn food(h: &Household) -> Option<Finding> {
    basic(h, "food", "food", &["no"], "吃穿有时不够。")
}

fn water(h: &Household) -> Option<Finding> {
    basic(h, "water", "water", &["no"], "有时缺水，或者水不干净。")
}

fn school(h: &Household) -> Option<Finding> {
    basic(h, "school", "school", &["no"], "有6–15岁的孩子没上学。")
}

fn insurance(h: &Household) -> Option<Finding> {
    basic(
        h,
        "insurance",
        "insured",
        &["no"],
        "家里有人没参加医保，看病不能报销。",
    )
}

/// 住房安全 and 危房改造: the key groups are named in the reason.
fn housing(h: &Household) -> Option<Finding> {
    let mut house = basic(h, "housing", "house", &["problem", "cd"], "")?;
    house.why = match h.a.get("house") {
        Some("cd") if h.key_group => vec!["房子已鉴定为C级或D级危房，您家属于危房改造的重点对象，很可能可以申请改造补助。".into()],
        Some("cd") => vec!["房子已鉴定为C级或D级危房。危房改造优先照顾脱贫户、监测对象、低保户、特困户等，其他困难家庭也可以问问。".into()],
        Some("problem") => vec!["房子有裂缝、漏雨或墙歪，还没鉴定：先请村里上报做安全鉴定。".into()],
        _ => house.why,
    };
    Some(house)
}

/// 低保, or 低保边缘 just above its standard; 已在低保 when the household
/// says so.
fn dibao(h: &Household) -> Option<Finding> {
    if h.status == "dibao" {
        return finding(
            "dibao_already",
            Level::Info,
            vec!["您选了“低保户或特困供养”。".into()],
        );
    }
    let i = h.income?;
    let Some(std) = &h.dibao else {
        return h.below_line().then(|| Finding {
            id: "dibao",
            level: Level::Possible,
            why: vec![format!("人均年收入约 {}，比较低。低保标准各地不同（本工具没有本地标准），可以到乡镇问问，或在“收入”里填上本地低保标准再看。", range_text(i.0, i.1))],
        });
    };
    let yearly = std.value as i64 * 12;
    if let Some(l) = below(i, yearly) {
        return finding(
            "dibao",
            l,
            vec![format!(
                "人均年收入约 {}，低于低保标准每人每年 {}元（{}）。还要看家庭财产。",
                range_text(i.0, i.1),
                yearly,
                std.label
            )],
        );
    }
    let edge = yearly * PARAMS.dibao_edge_percent.value as i64 / 100;
    let l = below(i, edge)?;
    finding(
        "dibao_edge",
        // Above the standard, a household is at most possibly 边缘.
        Level::Possible.max(l),
        vec![format!(
            "人均年收入约 {}，比低保标准（{}元/年）高一点，在 {}% 以内。",
            range_text(i.0, i.1),
            yearly,
            PARAMS.dibao_edge_percent.value
        )],
    )
}

/// 特困人员: no one able to work, someone old, young or disabled, and no
/// supporter, or supporters without the capacity to support (第十四条).
fn tekun(h: &Household) -> Option<Finding> {
    let a = h.a;
    let vulnerable = a.has("who", "elderly")
        || a.has("who", "child")
        || a.has("who", "alone")
        || a.has("illness", "disabled");
    let no_support = matches!(a.get("support"), Some("no") | Some("unknown") | None);
    let low_income = h.income.is_none() || h.below_line();
    if h.status == "dibao" || h.workers != Some(0) || !vulnerable || !no_support || !low_income {
        return None;
    }
    let mut why = vec![format!(
        "家里没有能干活挣钱的人，有老人（{}岁以上）、孩子或残疾人。",
        PARAMS.tekun_elderly_age.value
    )];
    if a.is("support", "no") {
        why.push(
            "没有有能力赡养、抚养的亲属。有子女、但子女自己没有能力赡养的，也可以申请。".into(),
        );
    } else {
        why.push("有没有能力赡养的亲属还不清楚：有子女、但子女没有能力赡养的，也可以申请。".into());
    }
    if let Some((l, v)) = h.shared.and_then(|l| Some((l, l.tekun?))) {
        why.push(format!(
            "特困人员基本生活标准 {v}元/人/月（{}）。",
            l.source("")
        ));
    }
    finding("tekun", Level::Possible, why)
}

/// 残疾人两项补贴: 生活补贴 for a disabled member of a 低保 family, 护理补贴
/// for 一级、二级 disability with long-term care.
fn disability_allowances(h: &Household) -> Option<Finding> {
    let a = h.a;
    if !a.has("illness", "disabled") && !a.has("events", "disability") {
        return None;
    }
    let mut why = Vec::new();
    let mut level = None;
    match a.get("disability_grade") {
        Some("severe") => {
            why.push(
                "家里有一级或二级残疾的人：需要长期照护的，可以申请重度残疾人护理补贴。".into(),
            );
            raise(Level::Likely, &mut level);
        }
        Some("mild") => {}
        Some("nocert") => {
            why.push("家里有残疾人，还没办残疾证：两项补贴都要先办残疾证、评定等级。".into());
            raise(Level::Possible, &mut level);
        }
        _ => {
            why.push("残疾等级不清楚：一级、二级且需要长期照护的，可以申请护理补贴。".into());
            raise(Level::Possible, &mut level);
        }
    }
    if h.status == "dibao" {
        why.push(
            "家里在低保（或特困供养）中，又有残疾人：低保家庭的残疾人可以申请困难残疾人生活补贴。"
                .into(),
        );
        raise(Level::Likely, &mut level);
    } else if dibao(h).is_some_and(|f| f.id == "dibao") {
        why.push(
            "家里可能符合低保：吃上低保以后，家里的残疾人还可以申请困难残疾人生活补贴。".into(),
        );
        raise(Level::Possible, &mut level);
    }
    finding("liangxiang", level?, why)
}

/// 临时救助: a sudden event (急难型) or spending beyond the family's means
/// (支出型) that leaves basic life in hardship for a while.
fn temporary_assistance(h: &Household) -> Option<Finding> {
    let mut why = Vec::new();
    let short = h.a.is("food", "no");
    if h.severe {
        why.push(format!(
            "过去12个月遇到了{}：因此一时吃饭、看病、住房有困难的，可以申请临时救助（急难型）。",
            h.events.join("、")
        ));
    }
    if let Some((Level::Likely, _)) = h.medical_burden() {
        why.push("看病自己掏的钱超过了全家一年的收入：必须花的钱突然增加、超出家里能承受的，可以申请临时救助（支出型）。".into());
    }
    if short {
        why.push("吃穿有时不够。".into());
    }
    if why.is_empty() {
        return None;
    }
    let level = if short && why.len() > 1 {
        Level::Likely
    } else {
        Level::Possible
    };
    finding("linshi", level, why)
}

/// 医疗救助 and 大病保险: illness, disability or heavy medical costs.
fn medical_aid(h: &Household) -> Option<Finding> {
    let a = h.a;
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
    let heavy = h.medical.filter(|(lo, _)| *lo >= 5_000);
    if ill.is_empty() && heavy.is_none() {
        return None;
    }
    let mut why = Vec::new();
    if !ill.is_empty() {
        why.push(format!("家里有{}。", ill.join("、")));
    }
    if let Some((lo, hi)) = heavy {
        why.push(format!("今年自己掏医药费 {}。", range_text(lo, hi)));
    }
    let level = if h.key_group && a.has("illness", "serious") {
        Level::Likely
    } else {
        Level::Possible
    };
    finding("medical_aid", level, why)
}

/// 雨露计划: a student in 中职 or 高职.
fn yulu(h: &Household) -> Option<Finding> {
    if h.a.answer("vocational") != Some("yes") {
        return None;
    }
    let (level, why) = if matches!(h.status, "tuopin" | "jiance") {
        (
            Level::Likely,
            "有人在读中职或高职，家里是脱贫户或监测对象。",
        )
    } else {
        (Level::Possible, "有人在读中职或高职。雨露计划面向脱贫户和监测对象；如果家里符合监测条件，申报后也能申请。")
    };
    finding("yulu", level, vec![why.into()])
}

/// 帮扶小额信贷: wants to produce or lacks capital, has labour, and the
/// main worker's age within the product's (or the 本地数字') limits.
fn loan(h: &Household) -> Option<Finding> {
    let a = h.a;
    let wants_business = matches!(a.get("plan"), Some("yes") | Some("doing"));
    let has_labour = h.workers.is_none_or(|w| w > 0);
    if !has_labour || !(wants_business || a.has("needs", "money")) {
        return None;
    }
    let shared_ages = h.shared.and_then(|l| Some((l, l.ages()?)));
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
                    l.source("")
                ),
                None => format!(
                    "主要劳动力 {age} 岁，在一般要求的 {}–{} 岁之间。",
                    age_rule.0, age_rule.1
                ),
            });
            if h.key_group {
                Level::Likely
            } else {
                Level::Possible
            }
        }
        Some(age) if h.workers.unwrap_or(0) >= 2 => {
            why.push(format!(
                "主要劳动力 {age} 岁，不在 {}–{} 岁之间，可以由家里符合年龄的人申请。",
                age_rule.0, age_rule.1
            ));
            Level::Possible
        }
        Some(_) => return None,
        None => {
            why.push(format!(
                "年龄没填；一般要求 {}–{} 岁。",
                age_rule.0, age_rule.1
            ));
            Level::Possible
        }
    };
    finding("loan", level, why)
}

/// 就业帮扶: wants skills or a job, or lost one.
fn jobs(h: &Household) -> Option<Finding> {
    let a = h.a;
    let why: Vec<String> = [
        (a.has("needs", "skills"), "想学技术。"),
        (a.has("needs", "job"), "想找工作。"),
        (
            a.has("events", "job"),
            "过去12个月有人丢了工作或出不去打工。",
        ),
    ]
    .into_iter()
    .filter(|(yes, _)| *yes)
    .map(|(_, w)| w.to_string())
    .collect();
    (!why.is_empty()).then_some(Finding {
        id: "jobs",
        level: Level::Possible,
        why,
    })
}

/// 公益性岗位: wants work near home and can work.
fn public_jobs(h: &Household) -> Option<Finding> {
    (h.a.has("needs", "nearby") && h.workers.is_none_or(|w| w > 0)).then(|| Finding {
        id: "gongyi",
        level: Level::Possible,
        why: vec!["想在家门口干点活。".into()],
    })
}

/// 产业帮扶: wants to farm, raise animals or trade.
fn industry(h: &Household) -> Option<Finding> {
    matches!(h.a.get("plan"), Some("yes") | Some("doing")).then(|| Finding {
        id: "industry",
        level: Level::Possible,
        why: vec!["想发展种养殖或做小生意。".into()],
    })
}

/// What every family can use: always shown, last.
fn everyone(_: &Household) -> Option<Finding> {
    finding("everyone", Level::Info, vec![])
}
