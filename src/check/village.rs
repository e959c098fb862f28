//! The 驻村工作队's view of the list: how many households stand where, for
//! the whole list or one village, and for every count the households behind
//! it. A count and its list come from one test ([`Group::contains`] over one
//! [`Look`] per household), so they can never disagree.
//!
//! Villages are compared as typed (spaces at either end aside): the domain
//! cannot know that 梅河村 and 梅河 are one place, and guessing would merge
//! two villages' counts.

use super::answers::Answers;
use super::declare::{self, Declared};
use super::households::{csv_field, Household};
use super::measures::{self, Measure};
use super::must_visit::{self, Facts, Reason, VisitFigures};
use super::questions::{self, UNKNOWN};
use super::rules::{assess_with, Level, Risk};
use super::stamped;
use super::visits::{self, History};
use crate::date::Date;
use crate::local::LocalFigures;

/// Households not visited for this many days or more are listed to visit:
/// `data/visits.toml`'s figure, or the accepted 本地数字's.
pub fn not_visited_days(local: Option<&LocalFigures>) -> u32 {
    VisitFigures::of(local).visit_every_days
}

/// The programmes a household may qualify for, as the summary counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Program {
    /// 防返贫监测
    Jiance,
    /// 低保 (also 低保边缘)
    Dibao,
    /// 特困供养
    Tekun,
    /// 医疗救助
    MedicalAid,
    /// 危房改造
    Housing,
    /// 雨露计划
    Yulu,
    /// 小额信贷
    Loan,
}

impl Program {
    pub const ALL: [Program; 7] = [
        Program::Jiance,
        Program::Dibao,
        Program::Tekun,
        Program::MedicalAid,
        Program::Housing,
        Program::Yulu,
        Program::Loan,
    ];

    /// Stable key (for links and stored filters).
    pub fn key(self) -> &'static str {
        match self {
            Program::Jiance => "jiance",
            Program::Dibao => "dibao",
            Program::Tekun => "tekun",
            Program::MedicalAid => "medical_aid",
            Program::Housing => "housing",
            Program::Yulu => "yulu",
            Program::Loan => "loan",
        }
    }

    pub fn from_key(k: &str) -> Option<Program> {
        Program::ALL.into_iter().find(|p| p.key() == k)
    }

    pub fn label(self) -> &'static str {
        match self {
            Program::Jiance => "防返贫监测",
            Program::Dibao => "低保",
            Program::Tekun => "特困供养",
            Program::MedicalAid => "医疗救助",
            Program::Housing => "危房改造",
            Program::Yulu => "雨露计划",
            Program::Loan => "小额信贷",
        }
    }

    /// The findings that count, and from which level. 危房 is a basic need
    /// (有风险 when the house is unsafe); the others count from 可能符合 up.
    /// Already covered (监测对象, 低保户: 供参考) does not count: the list is
    /// of households that may need to apply.
    fn counts(self, id: &str, level: Level) -> bool {
        let ids: &[&str] = match self {
            Program::Dibao => &["dibao", "dibao_edge"],
            _ => &[self.key()],
        };
        ids.contains(&id) && matches!(level, Level::Risk | Level::Likely | Level::Possible)
    }
}

/// One count of the summary, and the filter that lists its households.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    /// Every household (in the village).
    All,
    Risk(Risk),
    /// May qualify for a programme.
    Program(Program),
    /// Risk rose between the last two visits.
    RiskRose,
    /// Last visit this many days or more before today (or a date that does
    /// not read: better visited than forgotten): [`not_visited_days`], so
    /// the label and the count say the figure in use.
    NotVisited(u32),
    /// 一户一策: a measure not done by its day.
    MeasureOverdue,
    /// 一户一策: a measure due this month, not done yet.
    MeasureDue,
    /// At least one question shown is answered 不清楚.
    Unclear,
    /// This question (id) is answered 不清楚.
    UnclearAnswer(&'static str),
}

impl Group {
    /// The row's name in the summary and its CSV.
    pub fn label(self) -> String {
        match self {
            Group::All => "全部农户".into(),
            Group::Risk(r) => format!("风险：{}", r.label()),
            Group::Program(p) => format!("可能符合{}", p.label()),
            Group::RiskRose => "上次走访风险升高".into(),
            Group::NotVisited(days) => format!("{days}天以上没走访"),
            Group::MeasureOverdue => "帮扶措施已超期".into(),
            Group::MeasureDue => "帮扶措施本月到期".into(),
            Group::Unclear => "还有不清楚的答案".into(),
            Group::UnclearAnswer(id) => {
                format!("不清楚：{}", questions::question(id).map_or(id, |q| q.text))
            }
        }
    }

    /// Whether the household `look` describes is counted here.
    pub fn contains(self, look: &Look) -> bool {
        match self {
            Group::All => true,
            Group::Risk(r) => look.risk == r,
            Group::Program(p) => look.findings.iter().any(|(id, l)| p.counts(id, *l)),
            Group::RiskRose => look.risk_rose,
            Group::NotVisited(days) => VisitFigures {
                visit_every_days: days,
                ..VisitFigures::default()
            }
            .overdue(look.days_since_visit),
            Group::MeasureOverdue => look.measures.0,
            Group::MeasureDue => look.measures.1,
            Group::Unclear => !look.unclear.is_empty(),
            Group::UnclearAnswer(id) => look.unclear.contains(&id),
        }
    }
}

/// What the list needs besides the households: their histories and
/// declarations, today, and the 本地数字 in use.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub history: &'a [History],
    pub declared: &'a [Declared],
    pub measures: &'a [Measure],
    pub today: Date,
    pub local: Option<&'a LocalFigures>,
}

/// One household as the summary sees it, worked out once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Look {
    pub risk: Risk,
    /// Every finding's id and level.
    pub findings: Vec<(&'static str, Level)>,
    pub risk_rose: bool,
    /// Days since the last visit; `None` when its date does not read.
    pub days_since_visit: Option<i64>,
    /// Questions shown and answered 不清楚, in questionnaire order.
    pub unclear: Vec<&'static str>,
    /// Why it must be visited this month, most urgent first; empty: no
    /// need ([`must_visit`]).
    pub visit: Vec<Reason>,
    /// A measure overdue, a measure due this month ([`measures::standing`]).
    pub measures: (bool, bool),
    /// Any measure at all (a list without 一户一策 shows no rows for them).
    pub has_measures: bool,
}

pub fn look(h: &Household, cx: &Context) -> Look {
    let declared = declare::of(cx.declared, &h.id);
    let measures = measures::of(cx.measures, &h.id);
    look_with(
        h,
        visits::find(cx.history, &h.id),
        &declared,
        &measures,
        cx,
        VisitFigures::of(cx.local),
    )
}

/// [`look`] with the household's history, declarations and measures
/// already found: a village's looks find them through one index each
/// instead of a search of the whole list each ([`looks`]).
fn look_with(
    h: &Household,
    kept: Option<&History>,
    declared: &[&Declared],
    measures: &[&Measure],
    cx: &Context,
    figures: VisitFigures,
) -> Look {
    let report = assess_with(&h.answers, cx.local);
    let risk = report.risk();
    // What `visits::last_change(..).risk_rose()` says, without working out
    // the answers and findings that changed: only the risk is counted.
    // A household at the lowest risk cannot have risen, so the visit
    // before is not worked out (most of a village's households).
    let risk_rose = (risk != Risk::Low)
        && kept
            .and_then(|k| k.earlier.last())
            .is_some_and(|older| risk < assess_with(&older.answers, cx.local).risk());
    let days_since_visit = Date::parse(&h.date).map(|d| d.days_until(cx.today));
    let visit = must_visit::reasons(&Facts {
        answers: &h.answers,
        report: &report,
        risk_rose,
        days_since_visit,
        declared,
        today: cx.today,
        figures,
    });
    Look {
        risk,
        findings: report.findings.iter().map(|f| (f.id, f.level)).collect(),
        risk_rose,
        days_since_visit,
        unclear: unclear(&h.answers),
        visit,
        measures: measures::standing(measures, cx.today),
        has_measures: !measures.is_empty(),
    }
}

/// Every household of `village` (`None`: the whole list) with its index in
/// the list and its [`Look`], in list order: worked out once for a summary,
/// its lists and the households to visit.
pub fn looks(list: &[Household], village: Option<&str>, cx: &Context) -> Vec<(usize, Look)> {
    let index = visits::index(cx.history);
    let declared = stamped::by_household(cx.declared);
    let measures = stamped::by_household(cx.measures);
    let figures = VisitFigures::of(cx.local);
    list.iter()
        .enumerate()
        .filter(|(_, h)| in_village(h, village))
        .map(|(i, h)| {
            (
                i,
                look_with(
                    h,
                    visits::found(cx.history, &index, &h.id),
                    declared.get(h.id.as_str()).map_or(&[][..], Vec::as_slice),
                    measures.get(h.id.as_str()).map_or(&[][..], Vec::as_slice),
                    cx,
                    figures,
                ),
            )
        })
        .collect()
}

/// The households of [`looks`] to visit this month, most urgent first
/// ([`must_visit::urgency`], then the longest unvisited, then list order).
pub fn to_visit(looks: &[(usize, Look)]) -> Vec<&(usize, Look)> {
    let mut out: Vec<&(usize, Look)> = looks.iter().filter(|(_, l)| !l.visit.is_empty()).collect();
    out.sort_by_key(|(i, l)| {
        (
            must_visit::urgency(&l.visit),
            std::cmp::Reverse(l.days_since_visit.unwrap_or(i64::MAX)),
            *i,
        )
    });
    out
}

/// 一户一策 for the report: each household of `village` (`None`: the whole
/// list) with a measure overdue or due this month, and those measures
/// (earliest day first); households by their earliest such day (so those
/// with a measure overdue first), then in list order: what the team must act
/// on before the month ends, the latest first.
pub fn measures_due<'a>(
    list: &[Household],
    village: Option<&str>,
    all: &'a [Measure],
    today: Date,
) -> Vec<(usize, Vec<&'a Measure>)> {
    let by_household = stamped::by_household(all);
    // Each day read once: reading a typed day is not free, and a sort
    // reads its key many times (3,000 measures took 70 ms at 4x CPU).
    let mut out: Vec<(Date, usize, Vec<&Measure>)> = list
        .iter()
        .enumerate()
        .filter(|(_, h)| in_village(h, village))
        .filter_map(|(i, h)| {
            let mut due: Vec<(Date, &Measure)> = by_household
                .get(h.id.as_str())?
                .iter()
                .filter_map(|m| Some((m.by_date()?, *m)))
                .filter(|(d, m)| {
                    matches!(
                        measures::Due::of(Some(*d), m.progress, today),
                        measures::Due::Overdue | measures::Due::ThisMonth
                    )
                })
                .collect();
            due.sort_by_key(|(d, _)| *d);
            let first = due.first()?.0;
            Some((first, i, due.into_iter().map(|(_, m)| m).collect()))
        })
        .collect();
    // An overdue day is before every day due this month.
    out.sort_by_key(|(first, i, _)| (*first, *i));
    out.into_iter().map(|(_, i, due)| (i, due)).collect()
}

/// Questions shown (given the other answers) and answered 不清楚.
pub fn unclear(a: &Answers) -> Vec<&'static str> {
    questions::all_questions()
        .filter(|q| a.get(q.id) == Some(UNKNOWN) && a.visible(q))
        .map(|q| q.id)
        .collect()
}

/// The village as typed, spaces at either end aside.
fn place(h: &Household) -> &str {
    h.village.trim()
}

/// Every village in the list with its number of households, in the order
/// first met ("" for households without one).
pub fn villages(list: &[Household]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for h in list {
        match out.iter_mut().find(|(v, _)| v == place(h)) {
            Some((_, n)) => *n += 1,
            None => out.push((place(h).to_string(), 1)),
        }
    }
    out
}

/// Whether `h` is in `village` (`None`: the whole list).
pub fn in_village(h: &Household, village: Option<&str>) -> bool {
    village.is_none_or(|v| place(h) == v.trim())
}

/// The counts for the whole list or one village.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// `None`: the whole list.
    pub village: Option<String>,
    pub today: Date,
    /// Every count, in the order shown: all, by risk, by programme, risk
    /// rose, not visited, measures overdue and due this month (when any
    /// household has a measure), with 不清楚, then each question still 不清楚 for
    /// some household (most first; questions nobody left 不清楚 are not
    /// listed).
    pub rows: Vec<(Group, usize)>,
}

impl Summary {
    pub fn count(&self, g: Group) -> usize {
        self.rows
            .iter()
            .find(|(r, _)| *r == g)
            .map_or(0, |(_, n)| *n)
    }
}

pub fn summary(list: &[Household], village: Option<&str>, cx: &Context) -> Summary {
    summary_of(&looks(list, village, cx), village, cx.today, cx.local)
}

/// The summary from the village's [`looks`] (worked out with the same
/// `local` figures).
pub fn summary_of(
    looks: &[(usize, Look)],
    village: Option<&str>,
    today: Date,
    local: Option<&LocalFigures>,
) -> Summary {
    let count = |g: Group| looks.iter().filter(|(_, l)| g.contains(l)).count();
    let mut groups = vec![Group::All];
    groups.extend([Risk::High, Risk::Medium, Risk::Low].map(Group::Risk));
    groups.extend(Program::ALL.map(Group::Program));
    groups.extend([Group::RiskRose, Group::NotVisited(not_visited_days(local))]);
    if looks.iter().any(|(_, l)| l.has_measures) {
        groups.extend([Group::MeasureOverdue, Group::MeasureDue]);
    }
    groups.push(Group::Unclear);
    let mut rows: Vec<(Group, usize)> = groups.into_iter().map(|g| (g, count(g))).collect();
    let mut per_question: Vec<(Group, usize)> = questions::all_questions()
        .map(|q| Group::UnclearAnswer(q.id))
        .map(|g| (g, count(g)))
        .filter(|(_, n)| *n > 0)
        .collect();
    // Stable: equal counts keep questionnaire order.
    per_question.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    rows.extend(per_question);
    Summary {
        village: village.map(|v| v.trim().to_string()),
        today,
        rows,
    }
}

/// The households behind one count, in list order.
pub fn members(
    list: &[Household],
    village: Option<&str>,
    group: Group,
    cx: &Context,
) -> Vec<Household> {
    looks(list, village, cx)
        .into_iter()
        .filter(|(_, l)| group.contains(l))
        .map(|(i, _)| list[i].clone())
        .collect()
}

/// The summary for Excel: UTF-8 with a byte-order mark, CRLF lines, like the
/// household CSV; cells written as that CSV writes them.
pub fn summary_csv(s: &Summary) -> String {
    let place = match &s.village {
        None => "全部村组".to_string(),
        Some(v) if v.is_empty() => "未填村组".to_string(),
        Some(v) => v.clone(),
    };
    let mut out = String::from("\u{feff}项目,户数\r\n");
    out.push_str(&format!("村/组,{}\r\n", csv_field(&place)));
    out.push_str(&format!("统计日期,{}\r\n", s.today));
    for (g, n) in &s.rows {
        out.push_str(&format!("{},{n}\r\n", csv_field(&g.label())));
    }
    out
}

/// Declarations a list can be filtered by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// 申报待答复: any declaration without an answer.
    Any,
    /// 已超期: one past the limit the rules give.
    Late,
}

impl Waiting {
    pub fn key(self) -> &'static str {
        match self {
            Waiting::Any => "waiting",
            Waiting::Late => "late",
        }
    }

    pub fn from_key(k: &str) -> Option<Waiting> {
        [Waiting::Any, Waiting::Late]
            .into_iter()
            .find(|w| w.key() == k)
    }

    pub fn label(self) -> &'static str {
        match self {
            Waiting::Any => "申报待答复",
            Waiting::Late => "申报已超期",
        }
    }
}

/// The list filters of the village view; every one left empty lets all
/// through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub village: Option<String>,
    pub risk: Option<Risk>,
    pub program: Option<Program>,
    pub waiting: Option<Waiting>,
    /// Part of the label (see [`label_matches`]).
    pub label: String,
}

/// The households that pass `f`, in list order (no declarations: a
/// [`Waiting`] filter lets none through).
pub fn filtered(list: &[Household], f: &Filter, local: Option<&LocalFigures>) -> Vec<Household> {
    filtered_with(list, f, local, &[], None)
}

/// [`filtered`] with the phone's declarations, as they stand on `today`.
pub fn filtered_with(
    list: &[Household],
    f: &Filter,
    local: Option<&LocalFigures>,
    declared: &[Declared],
    today: Option<Date>,
) -> Vec<Household> {
    list.iter()
        .filter(|h| {
            in_village(h, f.village.as_deref())
                && label_matches(&h.label, &f.label)
                && f.waiting.is_none_or(|w| {
                    today
                        .and_then(|t| declare::waiting(declared, &h.id, t))
                        .is_some_and(|late| w == Waiting::Any || late)
                })
                && (f.risk.is_none() && f.program.is_none() || {
                    let r = assess_with(&h.answers, local);
                    f.risk.is_none_or(|want| r.risk() == want)
                        && f.program
                            .is_none_or(|p| r.findings.iter().any(|x| p.counts(x.id, x.level)))
                })
        })
        .cloned()
        .collect()
}

/// Search by label: the typed text anywhere in it, read as the app reads
/// typed figures (`parse::normalize`: Latin letters in either case,
/// full-width digits and letters as their plain forms, which phones' input
/// methods give both; spaces and commas ignored, so 3组王家 finds 「3组 王家」);
/// an empty search finds everything.
pub fn label_matches(label: &str, search: &str) -> bool {
    let search = crate::parse::normalize(search);
    search.is_empty() || crate::parse::normalize(label).contains(&search)
}

/// [`label_matches`] over the list, in list order.
pub fn search_label(list: &[Household], search: &str) -> Vec<Household> {
    list.iter()
        .filter(|h| label_matches(&h.label, search))
        .cloned()
        .collect()
}
