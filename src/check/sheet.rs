//! 申报准备单: what a family takes to the village, from its own answers and
//! `data/declare.toml`. It says the household's situation as answered (never
//! an ID number; a label only if typed on this phone), what to bring and
//! why, where and how to declare, what happens next with each step's time
//! limit, and the family's rights. The page and the plain text shared into
//! a chat are drawn from the same [`Sheet`], so they cannot say different
//! things. Also the top of the results: which programmes one visit covers,
//! which are alternatives, and how long each takes ([`plan`]).

use super::answers::{answer_text, Answers};
use super::declare::{
    self, Alternative, Channel, Clock, Document, Programme, ProgrammeSheet, ALTERNATIVES,
};
use super::questions::{self, UNKNOWN};
use super::rules::{Level, Report};
use crate::date::Date;

/// The programmes a result names, most urgent first: findings that say
/// 有风险, 很可能符合 or 可能符合 and have a declaration to make.
pub fn named(report: &Report) -> Vec<&'static Programme> {
    report
        .findings
        .iter()
        .filter(|f| matches!(f.level, Level::Risk | Level::Likely | Level::Possible))
        .filter_map(|f| declare::programme(f.id))
        .collect()
}

/// The top of the results: one place to start, what it covers, what else
/// needs another office, what is only worth asking about, which
/// programmes exclude each other, and the time each takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Programmes the household very likely qualifies for (有风险, 很可能符合)
    /// that one visit to the village covers (declared there, or handed on
    /// by the village committee).
    pub at_village: Vec<&'static Programme>,
    /// The same, needing their own office.
    pub elsewhere: Vec<&'static Programme>,
    /// Programmes it may qualify for (可能符合): worth asking about on the
    /// same visit.
    pub ask_too: Vec<&'static Programme>,
    pub alternatives: Vec<&'static Alternative>,
}

impl Plan {
    pub fn all(&self) -> impl Iterator<Item = &'static Programme> + '_ {
        self.at_village
            .iter()
            .chain(self.elsewhere.iter())
            .chain(self.ask_too.iter())
            .copied()
    }
}

/// `None` when the result names no programme.
pub fn plan(report: &Report) -> Option<Plan> {
    let named = named(report);
    if named.is_empty() {
        return None;
    }
    let all = named.clone();
    let likely = |p: &&'static Programme| {
        report
            .get(p.id)
            .is_some_and(|f| matches!(f.level, Level::Risk | Level::Likely))
    };
    let (sure, ask_too): (Vec<&'static Programme>, Vec<&'static Programme>) =
        named.into_iter().partition(likely);
    let (at_village, elsewhere) = sure
        .into_iter()
        .partition(|p| p.channels.contains(&"village"));
    Some(Plan {
        at_village,
        elsewhere,
        alternatives: alternatives(&all),
        ask_too,
    })
}

fn alternatives(named: &[&Programme]) -> Vec<&'static Alternative> {
    ALTERNATIVES
        .iter()
        .filter(|a| {
            a.ids
                .iter()
                .filter(|id| named.iter().any(|p| p.id == **id))
                .count()
                >= 2
        })
        .collect()
}

/// How long an answer takes, in a few words: 「30个工作日内」, 「一般20个工作日内，
/// 各地不同」 or 「没有规定总的期限」.
pub fn time_to_answer(p: &Programme) -> String {
    match p.clock {
        Clock::Limit(days) => format!("{days}个工作日内"),
        Clock::Local(days) => format!("一般{days}个工作日内，各地不同"),
        Clock::AskAfter(_) => "没有规定总的期限".to_string(),
    }
}

/// The household's situation as its answers give it, one short line each;
/// questions not answered, or answered 不清楚, are left out.
pub fn situation(a: &Answers, income: Option<(i64, Option<i64>)>) -> Vec<String> {
    let said = |id: &str| {
        a.get(id)
            .filter(|v| *v != UNKNOWN)
            .map(|v| answer_text(questions::question(id), v))
    };
    let mut out = Vec::new();
    let mut family = Vec::new();
    if let Some(n) = a.count("members") {
        family.push(format!("家里{n}口人"));
    }
    if let Some(n) = a.count("workers") {
        family.push(format!("能干活挣钱的{n}人"));
    }
    if let Some(n) = a.count("main_age") {
        family.push(format!("户主或主要劳动力{n}岁"));
    }
    if !family.is_empty() {
        out.push(format!("{}。", family.join("，")));
    }
    if let Some(who) = said("who").filter(|_| !a.has("who", "none")) {
        out.push(format!("家里有：{who}。"));
    }
    if a.is("support", "no") {
        out.push("没有有能力赡养、抚养的子女或亲属。".to_string());
    }
    if let Some(s) = said("status").filter(|_| !a.is("status", "none")) {
        out.push(format!("现在是：{s}。"));
    }
    match (a.get("income"), income) {
        (Some("calc"), Some((lo, _))) => out.push(format!(
            "去年全家收入平均每人约{}元（按收入来源算）。",
            crate::money::Fen::from_yuan(lo).spoken()
        )),
        (Some(k), _) if k != "calc" && k != UNKNOWN => {
            if let Some(t) = said("income") {
                out.push(format!("去年全家收入平均每人：{t}。"));
            }
        }
        _ => {}
    }
    if let Some(t) = said("income_drop").filter(|_| !a.is("income_drop", "no")) {
        out.push(format!("和前一年比，收入{t}。"));
    }
    if a.is("food", "no") {
        out.push("吃穿有时不够。".to_string());
    }
    if a.is("water", "no") {
        out.push("有时缺水，或者水不干净。".to_string());
    }
    if a.answer("school") == Some("no") {
        out.push("有6–15岁的孩子没上学。".to_string());
    }
    if a.answer("vocational") == Some("yes") {
        out.push("有人在读中职或高职。".to_string());
    }
    if a.is("insured", "no") {
        out.push("有人没参加医保。".to_string());
    }
    if let Some(t) = said("illness").filter(|_| !a.has("illness", "none")) {
        let grade = said("disability_grade")
            .filter(|_| a.has("illness", "disabled"))
            .map_or(String::new(), |g| format!("（残疾证：{g}）"));
        out.push(format!("家里有人：{t}{grade}。"));
    }
    if let Some(t) = said("medical") {
        out.push(format!("今年看病自己花了：{t}。"));
    }
    if let Some(t) = said("house").filter(|_| !a.is("house", "safe")) {
        out.push(format!("住房：{t}。"));
    }
    if let Some(t) = said("events").filter(|_| !a.has("events", "none")) {
        out.push(format!("过去12个月：{t}。"));
    }
    out
}

/// The sheet's part of `p` (the build makes one for every programme).
fn sheet_part(p: &Programme) -> &'static ProgrammeSheet {
    declare::sheet_of(p.id).unwrap_or(&declare::SHEETS[0])
}

/// One sheet: for one programme, or for every programme a result names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub title: String,
    /// The household's label, when one was typed on this phone.
    pub who: Option<String>,
    pub made: Date,
    pub situation: Vec<String>,
    pub programmes: Vec<&'static Programme>,
    /// Each document once, with the programmes that need it (named only
    /// when the sheet is for more than one).
    pub documents: Vec<(&'static Document, Vec<&'static str>)>,
    pub channels: Vec<&'static Channel>,
    pub alternatives: Vec<&'static Alternative>,
}

/// The sheet for `which` (a programme id) or, with `None`, for every
/// programme the result names. `None` when there is nothing to declare.
pub fn sheet(
    a: &Answers,
    report: &Report,
    which: Option<&str>,
    who: Option<&str>,
    made: Date,
) -> Option<Sheet> {
    let programmes: Vec<&'static Programme> = match which {
        Some(id) => vec![declare::programme(id)?],
        None => named(report),
    };
    if programmes.is_empty() {
        return None;
    }
    let province = a.get("province").unwrap_or("");
    let mut documents: Vec<(&'static Document, Vec<&'static str>)> = Vec::new();
    let mut channels: Vec<&'static Channel> = Vec::new();
    for p in &programmes {
        let docs = declare::sheet_of(p.id).map_or(&[][..], |s| s.documents);
        for d in docs.iter().filter_map(|k| declare::document(k)) {
            match documents.iter_mut().find(|(x, _)| x.key == d.key) {
                Some((_, used)) => used.push(p.name),
                None => documents.push((d, vec![p.name])),
            }
        }
        for c in declare::channels(p, province) {
            if !channels.iter().any(|x| x.key == c.key) {
                channels.push(c);
            }
        }
    }
    let names: Vec<&str> = programmes.iter().map(|p| p.name).collect();
    Some(Sheet {
        title: format!("申报准备单：{}", names.join("、")),
        who: who
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string),
        made,
        situation: situation(a, report.income),
        alternatives: alternatives(&programmes),
        programmes,
        documents,
        channels,
    })
}

/// One line of a sheet's part: a few words in bold (a document's name, a
/// programme's), then the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub bold: String,
    pub text: String,
}

impl Line {
    fn plain(text: String) -> Line {
        Line {
            bold: String::new(),
            text,
        }
    }

    fn named(bold: impl Into<String>, text: String) -> Line {
        Line {
            bold: bold.into(),
            text,
        }
    }
}

/// A part of the sheet (家里的情况, 要带的材料 …): its element id, heading
/// and lines. The page draws every part with one loop and the chat text
/// is written from the same parts, so the two cannot say different things.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    pub id: &'static str,
    pub title: &'static str,
    pub lines: Vec<Line>,
    /// Numbered steps (one programme's sheet).
    pub numbered: bool,
}

impl Sheet {
    /// More than one programme: a compact layout, so that all of it fits
    /// one A4 page.
    pub fn several(&self) -> bool {
        self.programmes.len() > 1
    }

    /// The sheet's parts, in order; a part with no lines is left out.
    pub fn parts(&self) -> Vec<Part> {
        let part = |id, title, lines: Vec<Line>| Part {
            id,
            title,
            lines,
            numbered: false,
        };
        let mut out = vec![
            part(
                "sheet-situation",
                "家里的情况",
                self.situation.iter().cloned().map(Line::plain).collect(),
            ),
            part("sheet-documents", "要带的材料", self.doc_lines()),
            part(
                "sheet-channels",
                "到哪里申报",
                self.channels
                    .iter()
                    .map(|c| Line::named(c.name, format!("：{}", c.how)))
                    .collect(),
            ),
            part(
                "sheet-alternatives",
                "注意",
                self.alternatives
                    .iter()
                    .map(|a| Line::plain(a.text.to_string()))
                    .collect(),
            ),
        ];
        out.extend(self.steps_parts());
        out.push(part("sheet-rights", "您的权利", self.rights_lines()));
        out.push(part(
            "sheet-sources",
            "出处",
            self.sources()
                .into_iter()
                .map(|(s, k)| Line::plain(format!("{s}（{}）", k.told())))
                .collect(),
        ));
        out.retain(|p| !p.lines.is_empty());
        out
    }

    /// Each document once; what it is for when the sheet covers several
    /// programmes and only one or two need it.
    fn doc_lines(&self) -> Vec<Line> {
        self.documents
            .iter()
            .map(|(d, used)| {
                let for_ = if self.several() && used.len() <= 2 {
                    format!("（{}用）", used.join("、"))
                } else {
                    String::new()
                };
                Line::named(d.name, format!("{for_}：{}", d.note))
            })
            .collect()
    }

    /// What happens next: one line per programme (several), or the one
    /// programme's steps numbered, then how long an answer takes.
    fn steps_parts(&self) -> Vec<Part> {
        let steps = |p: &Programme| -> Vec<String> {
            sheet_part(p)
                .steps
                .iter()
                .map(|s| {
                    let text = s.text.trim_end_matches('。');
                    if s.limit.is_empty() {
                        text.to_string()
                    } else {
                        format!("{text}（{}）", s.limit)
                    }
                })
                .collect()
        };
        let answer = |p: &Programme| -> String {
            let sp = sheet_part(p);
            match sp.answer {
                Some(l) => l.text.to_string(),
                None if sp.steps.iter().any(|s| !s.limit.is_empty()) => {
                    "没有规定总的期限，每一步的时限见上面；过了还没有消息就去问。".to_string()
                }
                None => "没有统一期限，各地不同；过一段时间没有消息就去问。".to_string(),
            }
        };
        let title = "之后怎么走、多久有答复";
        if self.several() {
            let lines = self
                .programmes
                .iter()
                .map(|p| {
                    Line::named(
                        p.name,
                        format!("：{}。多久：{}", steps(p).join(" → "), answer(p)),
                    )
                })
                .collect();
            return vec![Part {
                id: "sheet-steps",
                title,
                lines,
                numbered: false,
            }];
        }
        self.programmes
            .iter()
            .flat_map(|p| {
                [
                    Part {
                        id: "sheet-steps",
                        title,
                        lines: steps(p).into_iter().map(Line::plain).collect(),
                        numbered: true,
                    },
                    Part {
                        id: "sheet-answer",
                        title: "多久有答复",
                        lines: vec![Line::plain(answer(p))],
                        numbered: false,
                    },
                ]
            })
            .collect()
    }

    /// The rights, each text once, with the programmes it is for when the
    /// sheet covers several.
    fn rights_lines(&self) -> Vec<Line> {
        let mut out: Vec<(Vec<&str>, &'static str)> = Vec::new();
        for p in &self.programmes {
            for r in p.rights {
                match out.iter_mut().find(|(_, t)| t == r) {
                    Some((who, _)) => who.push(p.name),
                    None => out.push((vec![p.name], r)),
                }
            }
        }
        out.into_iter()
            .map(|(who, t)| {
                if self.several() {
                    Line::named(who.join("、"), format!("：{t}"))
                } else {
                    Line::plain(t.to_string())
                }
            })
            .collect()
    }

    /// The sheet as plain text, for a chat: the parts the page shows.
    pub fn text(&self) -> String {
        let mut t = self.title.clone();
        if let Some(w) = &self.who {
            t.push_str(&format!("\n称呼：{w}"));
        }
        t.push_str(&format!("\n（{}）", self.note()));
        for p in self.parts() {
            t.push_str(&format!("\n\n【{}】", p.title));
            for (i, l) in p.lines.iter().enumerate() {
                let mark = if p.numbered {
                    format!("{}. ", i + 1)
                } else {
                    "· ".to_string()
                };
                t.push_str(&format!("\n{mark}{}{}", l.bold, l.text));
            }
        }
        t
    }

    /// Where the sheet's time limits, rights, channels and notes come
    /// from: each source once, with its kind.
    pub fn sources(&self) -> Vec<(&'static str, crate::sources::SourceKind)> {
        let mut out: Vec<(&'static str, crate::sources::SourceKind)> = Vec::new();
        let mut add = |s: &'static str, k| {
            if !s.is_empty() && !out.iter().any(|(x, _)| *x == s) {
                out.push((s, k));
            }
        };
        for p in &self.programmes {
            let sp = sheet_part(p);
            if let Some(l) = sp.answer {
                add(l.source, l.kind);
            }
            for s in sp.steps {
                add(s.source, s.kind);
            }
            add(sp.rights_source, sp.rights_kind);
        }
        for c in &self.channels {
            add(c.source, c.kind);
        }
        for a in &self.alternatives {
            add(a.source, a.kind);
        }
        out
    }

    /// What the sheet is and is not, in one line.
    pub fn note(&self) -> String {
        format!(
            "帮扶助手{}按您的回答整理。这是准备，不是申请；能不能享受，以有关部门审核为准。",
            self.made.chinese()
        )
    }
}
