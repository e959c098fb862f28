//! 本月要走访: the households a 驻村工作队 must visit and why, by the
//! county rule set 「八必访」 plus what only this phone knows (a declaration
//! waiting or overdue, risk that rose since the last visit, a long time
//! without a visit). Rules, their order of urgency, their sources and the
//! figures a county sets are in `data/visits.toml`; each rule here turns
//! the answers into a reason in plain words, or none. A household no rule
//! names is not listed.

use super::answers::Answers;
use super::declare::{self, Declared, Status};
use super::rules::{below, calculated, Level, Report, BASICS, EVENTS};
use super::{text, Figure, SourceKind};
use crate::date::Date;
use crate::local::LocalFigures;

/// The figures of `data/visits.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitParams {
    pub checked: &'static str,
    /// Income up to this percent of the monitoring line counts as near it.
    pub near_line_percent: Figure,
    /// A chronic illness costing this much a year (元, out of pocket) is heavy.
    pub heavy_medical_yuan: Figure,
    /// Wages this share (percent) of the household's income or more.
    pub wage_share_percent: Figure,
    /// Not visited for this many days or more.
    pub visit_every_days: Figure,
}

/// One rule of the list, in order of urgency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitRule {
    pub id: &'static str,
    /// The few words before each reason.
    pub label: &'static str,
    pub source: &'static str,
    pub kind: SourceKind,
}

include!(concat!(env!("OUT_DIR"), "/visits.rs"));

/// The figures the rules use: `data/visits.toml`'s, each replaced by the
/// accepted 本地数字 where they set it. The one place that decides, so the
/// list, its counts, the 村情汇总 hint and the labels agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VisitFigures {
    /// Percent of the monitoring line up to which income counts as near it.
    pub near_line_percent: u32,
    /// 元 a year of a chronic illness's own costs that counts as heavy.
    pub heavy_medical_yuan: u32,
    /// Percent of the household's income from wages that counts as most.
    pub wage_share_percent: u32,
    /// Days without a visit after which a household is listed.
    pub visit_every_days: u32,
}

impl VisitFigures {
    /// The data file's figures, with the local ones over them.
    pub fn of(local: Option<&LocalFigures>) -> VisitFigures {
        // The values only (not the sources, which no screen here shows).
        let p = &VISIT_PARAMS;
        let l = |f: fn(&LocalFigures) -> Option<u32>, d: u32| local.and_then(f).unwrap_or(d);
        VisitFigures {
            near_line_percent: l(|l| l.near_line, p.near_line_percent.value),
            heavy_medical_yuan: l(|l| l.heavy_medical, p.heavy_medical_yuan.value),
            wage_share_percent: l(|l| l.wage_share, p.wage_share_percent.value),
            visit_every_days: l(|l| l.visit_days, p.visit_every_days.value),
        }
    }

    /// Whether a household last visited `days` ago (`None`: a date that
    /// does not read, better visited than forgotten) is due a visit.
    pub fn overdue(&self, days: Option<i64>) -> bool {
        days.is_none_or(|d| d >= self.visit_every_days as i64)
    }
}

impl Default for VisitFigures {
    fn default() -> Self {
        VisitFigures::of(None)
    }
}

/// A rule that names the household, with what about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// Index in [`VISIT_RULES`]: lower is more urgent.
    pub rule: usize,
    pub detail: String,
}

impl Reason {
    pub fn rule(&self) -> &'static VisitRule {
        &VISIT_RULES[self.rule]
    }

    /// 「大病重病或慢性病负担重：家里有大病重病的人」
    pub fn text(&self) -> String {
        format!("{}：{}", self.rule().label, self.detail)
    }
}

/// What the rules read about one household, worked out by the caller once.
pub struct Facts<'a> {
    pub answers: &'a Answers,
    pub report: &'a Report,
    pub risk_rose: bool,
    /// `None`: the visit date does not read.
    pub days_since_visit: Option<i64>,
    /// The household's live declarations.
    pub declared: &'a [&'a Declared],
    pub today: Date,
    /// The figures in use ([`VisitFigures::of`]).
    pub figures: VisitFigures,
}

/// Every rule that names the household, most urgent first.
pub fn reasons(f: &Facts) -> Vec<Reason> {
    VISIT_RULES
        .iter()
        .enumerate()
        .filter_map(|(i, r)| detail(r.id, f).map(|detail| Reason { rule: i, detail }))
        .collect()
}

/// Sort key of a household with `reasons`: its most urgent reason, then
/// more reasons first. Callers break ties by days since the last visit.
pub fn urgency(reasons: &[Reason]) -> (usize, std::cmp::Reverse<usize>) {
    (
        reasons.first().map_or(usize::MAX, |r| r.rule),
        std::cmp::Reverse(reasons.len()),
    )
}

fn detail(id: &str, f: &Facts) -> Option<String> {
    match id {
        "declare_overdue" => declarations(f, true),
        "basic_risk" => basic_risk(f),
        "event" => event(f.answers),
        "illness" => illness(f),
        "income" => income(f),
        "tekun" => tekun(f),
        "dibao" => dibao(f),
        "disability" => disability(f.answers),
        "students" => f
            .answers
            .is("vocational", "yes")
            .then(|| "家里有孩子在读中职、高职（不是义务教育）".to_string()),
        "migrant" => migrant(f),
        "risk_rose" => f.risk_rose.then(|| "上次走访以后风险升高了".to_string()),
        "declare_waiting" => declarations(f, false),
        "not_visited" => not_visited(f),
        _ => None,
    }
}

/// Declarations past their limit (or the day to ask), or still within it.
fn declarations(f: &Facts, late: bool) -> Option<String> {
    let names: Vec<&str> = f
        .declared
        .iter()
        .filter(|d| {
            declare::status(d, f.today).is_some_and(|s: Status| s.open() && s.act() == late)
        })
        .filter_map(|d| d.programme().map(|p| p.name))
        .collect();
    (!names.is_empty()).then(|| {
        if late {
            format!("申报的{}过了答复期限，还没有答复", names.join("、"))
        } else {
            format!("申报了{}，在等答复", names.join("、"))
        }
    })
}

fn basic_risk(f: &Facts) -> Option<String> {
    let titles: Vec<&str> = f
        .report
        .findings
        .iter()
        .filter(|x| x.level == Level::Risk && BASICS.contains(&x.id))
        .map(|x| text(x.id).title)
        .collect();
    (!titles.is_empty()).then(|| format!("{}有风险", titles.join("、")))
}

/// 重大变故和自然灾害: every event of the last 12 months but a lost job
/// (that is 务工不稳, [`migrant`]).
fn event(a: &Answers) -> Option<String> {
    let events: Vec<&str> = EVENTS
        .iter()
        .filter(|(k, _)| *k != "job" && a.has("events", k))
        .map(|(_, l)| *l)
        .collect();
    (!events.is_empty()).then(|| format!("过去12个月遇到了{}", events.join("、")))
}

fn illness(f: &Facts) -> Option<String> {
    let a = f.answers;
    if a.has("illness", "serious") {
        return Some("家里有大病重病的人".to_string());
    }
    let heavy = f.figures.heavy_medical_yuan as i64;
    let cost = a
        .get("medical")
        .and_then(super::questions::medical_range_bounds)
        .filter(|(lo, _)| *lo >= heavy)?;
    a.has("illness", "chronic").then(|| {
        format!(
            "家里有慢性病人，今年自己掏医药费 {}元以上",
            crate::money::Fen::from_yuan(cost.0).spoken()
        )
    })
}

fn income(f: &Facts) -> Option<String> {
    let mut why = Vec::new();
    let line = f.report.line.0 as i64;
    let near = line * f.figures.near_line_percent as i64 / 100;
    if let Some(i) = f.report.net.or(f.report.income) {
        if below(i, near).is_some() {
            let after = if f.report.net.is_some() {
                "减去医药费，"
            } else {
                ""
            };
            why.push(format!("{after}人均收入在监测线（{line}元）附近或以下"));
        }
    }
    match f.answers.get("income_drop") {
        Some("half") => why.push("收入比前一年少了一半以上".to_string()),
        Some("some") => why.push("收入比前一年少了".to_string()),
        _ => {}
    }
    (!why.is_empty()).then(|| why.join("；"))
}

fn tekun(f: &Facts) -> Option<String> {
    let a = f.answers;
    let alone = a.has("who", "alone") || a.count("members") == Some(1);
    if a.is("status", "dibao") && alone {
        return Some("低保或特困户，一个人生活".to_string());
    }
    let finding = f.report.get("tekun")?;
    Some(if alone {
        format!("一个人生活，{}特困供养", finding.level.label())
    } else {
        format!("家里没人能干活挣钱，{}特困供养", finding.level.label())
    })
}

fn dibao(f: &Facts) -> Option<String> {
    if f.answers.is("status", "dibao") {
        return Some("家里在低保（或特困供养）中".to_string());
    }
    let d = f.report.get("dibao").filter(|d| d.level != Level::Info)?;
    Some(format!("{}低保，可能要申请", d.level.label()))
}

fn disability(a: &Answers) -> Option<String> {
    if a.has("events", "disability") {
        return Some("过去12个月有人新落下残疾".to_string());
    }
    if !a.has("illness", "disabled") {
        return None;
    }
    Some(match a.get("disability_grade") {
        Some("severe") => "有一级或二级（重度）残疾的人".to_string(),
        Some("nocert") => "有残疾人，还没办残疾证".to_string(),
        _ => "家里有残疾人".to_string(),
    })
}

fn migrant(f: &Facts) -> Option<String> {
    let a = f.answers;
    if a.has("events", "job") {
        return Some("有人失业或出不去打工".to_string());
    }
    let (wage, total) = calculated(a)?;
    let share = f.figures.wage_share_percent as i64;
    (total > 0 && wage > 0 && wage * 100 >= total * share)
        .then(|| format!("打工收入占全家收入的 {}%", wage * 100 / total))
}

fn not_visited(f: &Facts) -> Option<String> {
    if !f.figures.overdue(f.days_since_visit) {
        return None;
    }
    Some(match f.days_since_visit {
        Some(d) => format!("{d}天没走访了"),
        None => "走访日期不明".to_string(),
    })
}
