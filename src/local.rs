//! 本地数字: the figures a county decides (monitoring line, 低保 and 特困
//! standards, the micro-loan's ceiling, term, rate cap, 贴息 and age limits,
//! and the figures of 本月要走访: how near the line counts, heavy medical
//! costs, the share of wages, the days between visits), set once by a cadre
//! and shared by link. The figures in `data/*.toml` are used wherever a
//! figure is blank.
//!
//! Three forms of one set:
//! - [`LocalForm`]: the editor's text as typed (key → text), never lost;
//! - [`LocalFigures`]: checked values, stored in the record once accepted
//!   (the only part the self-check reads, so it compiles no parser);
//! - the link: `?v=local&lv=1&place=…&date=…&line=7500…&ck=XXXXXXXX`, the
//!   canonical text of each figure under its key (see README, "Links").
//!
//! The 走访 figures came after the first links were shared: they follow the
//! first fields ([`FIRST`]) with a checksum of their own over the whole
//! link, `xk`, before `ck`. `ck` stays the checksum of the first fields, so
//! a link without them is exactly what it was, and an app from before them
//! still reads the rest of a link that has them (it ignores keys it does
//! not know); this app refuses such a link whole if `xk` does not match.
//!
//! The link's `ck` is a checksum of the figures it carries, so a link cut
//! short (WeChat, a copy that missed the end) or altered by hand is refused
//! whole with a plain reason instead of half-read; a figure that is readable
//! but out of range (a link from a newer version with wider limits, or one
//! written by hand with a correct checksum) is refused alone, with the
//! estimator's own message, and the rest may still be used.

use crate::check::Answers;
use crate::date::Date;
use crate::form::short;
use crate::loan::SubsidyTiming;
use crate::money::Fen;
use crate::parse::{self, bp_percent_text, Rate};
use serde::{Deserialize, Serialize};

/// The link format's version (`lv=`). A later version that reads links
/// differently must use a new number; this one refuses numbers it does not know.
pub const LINK_VERSION: &str = "1";

/// Checked figures, as the rules use them: money as 元 or fen integers,
/// rates as ppm, shares as basis points. Stored in the record as their
/// canonical texts ([`LocalFigures::to_form`], read back with
/// [`LocalFigures::from_stored`]), which reuses the self-check's answer
/// format and so adds no JSON code to any part.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalFigures {
    /// Who the figures are for: 省/市/县/乡, free text.
    pub place: String,
    /// Date the figures apply from, `YYYY-MM-DD`.
    pub date: String,
    /// 防返贫监测线, 元 per person per year.
    pub line: Option<u32>,
    pub line_doc: String,
    /// 农村低保标准, 元 per person per month.
    pub dibao: Option<u32>,
    pub dibao_doc: String,
    /// 特困人员基本生活标准, 元 per person per month.
    pub tekun: Option<u32>,
    pub tekun_doc: String,
    /// Micro-loan ceiling, fen.
    pub max: Option<i64>,
    /// Longest term, months.
    pub months: Option<u32>,
    /// Rate cap, ppm per year.
    pub rate: Option<i64>,
    /// 贴息比例, basis points.
    pub subsidy: Option<u32>,
    /// Principal on which 贴息 is paid at most, fen.
    pub cap: Option<i64>,
    /// A `SubsidyTiming` key.
    pub timing: Option<String>,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub loan_doc: String,
    /// Income up to this percent of the monitoring line counts as near it.
    pub near_line: Option<u32>,
    /// A chronic illness's own costs a year (元) that count as heavy.
    pub heavy_medical: Option<u32>,
    /// Wages this percent of the household's income or more.
    pub wage_share: Option<u32>,
    /// Days without a visit after which a household is listed to visit.
    pub visit_days: Option<u32>,
    pub visit_doc: String,
}

impl LocalFigures {
    /// "某某县 2026年标准": how every place that uses a figure names it.
    pub fn label(&self) -> String {
        let year = self.date.get(..4).unwrap_or("");
        format!("{} {}年标准", self.place, year)
    }

    /// Where a figure comes from, for a rule's source line.
    pub fn source(&self, doc: &str) -> String {
        if doc.is_empty() {
            format!("{}，来自分享的本地数字", self.label())
        } else {
            format!("{}，来自分享的本地数字；依据：{doc}", self.label())
        }
    }

    /// True when no figure is set (only a place and date).
    pub fn is_empty(&self) -> bool {
        self.line.is_none()
            && self.dibao.is_none()
            && self.tekun.is_none()
            && !self.has_loan()
            && !self.has_visit()
    }

    /// True when any figure of 本月要走访 is set.
    pub fn has_visit(&self) -> bool {
        self.near_line.is_some()
            || self.heavy_medical.is_some()
            || self.wage_share.is_some()
            || self.visit_days.is_some()
    }

    /// True when any micro-loan figure is set.
    pub fn has_loan(&self) -> bool {
        self.max.is_some()
            || self.months.is_some()
            || self.rate.is_some()
            || self.subsidy.is_some()
            || self.cap.is_some()
            || self.timing.is_some()
            || self.age_min.is_some()
            || self.age_max.is_some()
    }

    /// The age range, when both ends are set.
    pub fn ages(&self) -> Option<(u32, u32)> {
        Some((self.age_min?, self.age_max?))
    }

    /// The canonical text of every field (what the editor shows and the link carries).
    pub fn to_form(&self) -> LocalForm {
        let mut m = Vec::new();
        let mut put = |k: &str, v: String| {
            if !v.is_empty() {
                m.push((k.to_string(), v));
            }
        };
        let yuan = |v: Option<u32>| v.map_or(String::new(), |v| v.to_string());
        let fen = |v: Option<i64>| v.map_or(String::new(), |v| crate::form::yuan_text(Fen(v)));
        put("place", self.place.clone());
        put("date", self.date.clone());
        put("line", yuan(self.line));
        put("line_doc", self.line_doc.clone());
        put("dibao", yuan(self.dibao));
        put("dibao_doc", self.dibao_doc.clone());
        put("tekun", yuan(self.tekun));
        put("tekun_doc", self.tekun_doc.clone());
        put("max", fen(self.max));
        put("months", yuan(self.months));
        put(
            "rate",
            self.rate.map_or(String::new(), |r| Rate(r).percent_text()),
        );
        put(
            "subsidy",
            self.subsidy.map_or(String::new(), bp_percent_text),
        );
        put("cap", fen(self.cap));
        put("timing", self.timing.clone().unwrap_or_default());
        put("age_min", yuan(self.age_min));
        put("age_max", yuan(self.age_max));
        put("loan_doc", self.loan_doc.clone());
        put("near_line", yuan(self.near_line));
        put("heavy_medical", yuan(self.heavy_medical));
        put("wage_share", yuan(self.wage_share));
        put("visit_days", yuan(self.visit_days));
        put("visit_doc", self.visit_doc.clone());
        LocalForm(Answers::from_pairs(m))
    }

    /// The figures from the record's texts (written by [`LocalFigures::to_form`]
    /// when they were accepted, after [`check`]), read with the estimator's
    /// parsers; a text that does not read is left out.
    pub fn from_stored(a: &Answers) -> LocalFigures {
        let f = |k: &str| a.get(k).unwrap_or("");
        let f = &f;
        let n = |k: &str| f(k).parse::<u32>().ok();
        let fen = |k: &str| parse::parse_amount(f(k)).ok().map(Fen::fen);
        LocalFigures {
            place: f("place").to_string(),
            date: f("date").to_string(),
            line: n("line"),
            line_doc: f("line_doc").to_string(),
            dibao: n("dibao"),
            dibao_doc: f("dibao_doc").to_string(),
            tekun: n("tekun"),
            tekun_doc: f("tekun_doc").to_string(),
            max: fen("max"),
            months: n("months"),
            rate: parse::parse_rate(f("rate")).ok().map(Rate::ppm),
            subsidy: parse::parse_percent(f("subsidy")).ok(),
            cap: fen("cap"),
            timing: SubsidyTiming::from_key(f("timing")).map(|t| t.key().to_string()),
            age_min: n("age_min"),
            age_max: n("age_max"),
            loan_doc: f("loan_doc").to_string(),
            near_line: n("near_line"),
            heavy_medical: n("heavy_medical"),
            wage_share: n("wage_share"),
            visit_days: n("visit_days"),
            visit_doc: f("visit_doc").to_string(),
        }
    }
}

/// Which group of figures a field belongs to (a heading on the screen).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Place,
    Check,
    Loan,
    /// The figures of 本月要走访 (村情汇总).
    Visit,
}

/// One field: its link key, label, unit, input mode and a hint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    pub key: &'static str,
    pub label: &'static str,
    pub unit: &'static str,
    pub mode: &'static str,
    pub hint: &'static str,
    pub group: Group,
}

const fn spec(
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    mode: &'static str,
    hint: &'static str,
    group: Group,
) -> Spec {
    Spec {
        key,
        label,
        unit,
        mode,
        hint,
        group,
    }
}

/// Every field, in the order of the screen and of the link. The keys are
/// part of the public link contract: never rename one.
pub const FIELDS: &[Spec] = &[
    spec(
        "place",
        "地方（省、市、县或乡）",
        "",
        "text",
        "例如：湖北省天门市。链接打开时会写“给某某地方用”。",
        Group::Place,
    ),
    spec(
        "date",
        "从哪天起执行",
        "",
        "text",
        "按 2026-01-01 这样填。",
        Group::Place,
    ),
    spec(
        "line",
        "防返贫监测线",
        "元/人/年",
        "decimal",
        "",
        Group::Check,
    ),
    spec(
        "line_doc",
        "监测线出自哪个文件",
        "",
        "text",
        "文件名和文号，例如《关于公布2026年防止返贫监测范围的通知》鄂乡振发〔2026〕1号",
        Group::Check,
    ),
    spec(
        "dibao",
        "农村低保标准",
        "元/人/月",
        "decimal",
        "",
        Group::Check,
    ),
    spec(
        "dibao_doc",
        "低保标准出自哪个文件",
        "",
        "text",
        "",
        Group::Check,
    ),
    spec(
        "tekun",
        "特困人员基本生活标准",
        "元/人/月",
        "decimal",
        "",
        Group::Check,
    ),
    spec(
        "tekun_doc",
        "特困标准出自哪个文件",
        "",
        "text",
        "",
        Group::Check,
    ),
    spec(
        "max",
        "小额信贷额度上限",
        "元",
        "text",
        "可以写 5万、10万。",
        Group::Loan,
    ),
    spec("months", "最长期限", "个月", "numeric", "", Group::Loan),
    spec(
        "rate",
        "年利率上限",
        "%",
        "decimal",
        "例如 3.5 表示 3.5%。",
        Group::Loan,
    ),
    spec(
        "subsidy",
        "贴息比例",
        "%",
        "decimal",
        "100 表示全额贴息。",
        Group::Loan,
    ),
    spec(
        "cap",
        "贴息本金上限",
        "元",
        "text",
        "超过这个金额的部分不贴息。",
        Group::Loan,
    ),
    spec("timing", "贴息方式", "", "text", "", Group::Loan),
    spec("age_min", "最小年龄", "周岁", "numeric", "", Group::Loan),
    spec("age_max", "最大年龄", "周岁", "numeric", "", Group::Loan),
    spec(
        "loan_doc",
        "贷款数字出自哪个文件",
        "",
        "text",
        "",
        Group::Loan,
    ),
    // The fields below came after the first links ([`FIRST`]).
    spec(
        "near_line",
        "收入在监测线多少以内要走访",
        "%",
        "numeric",
        "填监测线的百分之几：120 就是监测线的 1.2 倍以内。",
        Group::Visit,
    ),
    spec(
        "heavy_medical",
        "慢性病一年自己掏多少医药费算负担重",
        "元",
        "text",
        "",
        Group::Visit,
    ),
    spec(
        "wage_share",
        "打工收入占全家收入多少算靠打工",
        "%",
        "numeric",
        "",
        Group::Visit,
    ),
    spec(
        "visit_days",
        "多少天没走访就要去",
        "天",
        "numeric",
        "90 就是一个季度至少去一次。",
        Group::Visit,
    ),
    spec(
        "visit_doc",
        "走访要求出自哪个文件",
        "",
        "text",
        "",
        Group::Visit,
    ),
];

/// How many fields the first links had: `ck` is their checksum. The fields
/// after them travel with `xk` too (see the module's notes).
pub const FIRST: usize = 17;

/// A parameter of the local-figures link (the figures, `lv` and `ck`);
/// anything else (WeChat's `from=…`) is not part of it.
pub fn is_link_key(k: &str) -> bool {
    k == "lv" || k == "ck" || k == "xk" || spec_of(k).is_some()
}

impl Spec {
    /// A figure (not the place, the date or a document).
    pub fn is_figure(&self) -> bool {
        self.group != Group::Place && !self.key.ends_with("_doc")
    }
}

pub fn spec_of(key: &str) -> Option<&'static Spec> {
    FIELDS.iter().find(|s| s.key == key)
}

/// Longest place name and document text kept (characters).
pub const MAX_PLACE: usize = 30;
pub const MAX_DOC: usize = 80;

/// Texts by field key: the editor's draft as typed (kept under its own
/// key so a half-filled set survives a reload), and the accepted figures'
/// canonical texts in the record. The same JSON as the self-check's answers
/// (an object of texts), read and written by the same code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalForm(pub Answers);

impl LocalForm {
    pub fn get(&self, key: &str) -> &str {
        self.0.get(key).unwrap_or("")
    }

    pub fn set(&mut self, key: &str, text: String) {
        self.0.set(key, text);
    }
}

/// What [`check`] made of a form: the figures it could read and one message
/// per field it could not (key, message).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Checked {
    pub figures: LocalFigures,
    pub errors: Vec<(&'static str, String)>,
}

impl Checked {
    pub fn error(&self, key: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, m)| m.as_str())
    }
}

/// A whole number of 元 between `lo` and `hi`, read with the estimator's parser.
fn yuan_in(text: &str, lo: u32, hi: u32, what: &str) -> Result<u32, String> {
    let f = parse::parse_amount(text)?;
    if f.fen() % 100 != 0 {
        return Err(format!("{what}请填整数元"));
    }
    let y = f.whole_yuan();
    if y < lo as i64 || y > hi as i64 {
        return Err(format!(
            "{what} {} 元不合理：应在 {}–{} 元之间，请核对文件",
            f.spoken(),
            Fen::from_yuan(lo as i64).spoken(),
            Fen::from_yuan(hi as i64).spoken()
        ));
    }
    Ok(y as u32)
}

/// Money up to `hi` 元 (fen), read with the estimator's parser.
fn fen_up_to(text: &str, hi: i64, what: &str) -> Result<i64, String> {
    let f = parse::parse_amount(text)?;
    if f.whole_yuan() > hi {
        return Err(format!(
            "{what} {} 元不合理：小额信贷一般不超过 {} 元，请核对文件",
            f.spoken(),
            Fen::from_yuan(hi).spoken()
        ));
    }
    Ok(f.fen())
}

/// A whole number between `lo` and `hi`, the unit after it allowed.
fn whole_in(text: &str, lo: u32, hi: u32, unit: &str, what: &str) -> Result<u32, String> {
    let s = parse::normalize(text);
    let n: u32 = s
        .trim_end_matches(unit)
        .trim()
        .parse()
        .map_err(|_| format!("看不懂“{}”：请填整数，例如 {lo}", short(text)))?;
    if !(lo..=hi).contains(&n) {
        return Err(format!(
            "{what} {n}{unit} 不合理：应在 {lo}–{hi}{unit} 之间，请核对文件"
        ));
    }
    Ok(n)
}

fn age_in(text: &str, lo: u32, hi: u32) -> Result<u32, String> {
    let s = parse::normalize(text);
    let n: u32 = s
        .trim_end_matches('岁')
        .trim_end_matches("周")
        .parse()
        .map_err(|_| format!("看不懂“{}”：年龄请填整数，例如 65", short(text)))?;
    if !(lo..=hi).contains(&n) {
        return Err(format!("年龄 {n} 岁不合理：这里应在 {lo}–{hi} 岁之间"));
    }
    Ok(n)
}

/// Free text: trimmed, control characters dropped, at most `max` characters.
fn text_up_to(text: &str, max: usize) -> Result<String, String> {
    let t: String = text.trim().chars().filter(|c| !c.is_control()).collect();
    if t.chars().count() > max {
        return Err(format!("太长了：最多 {max} 个字"));
    }
    Ok(t)
}

/// Reads one field into `f`.
fn read(f: &mut LocalFigures, key: &str, text: &str) -> Result<(), String> {
    match key {
        "place" => f.place = text_up_to(text, MAX_PLACE)?,
        "date" => {
            f.date = Date::parse(text)
                .filter(|d| (2014..=2100).contains(&d.year))
                .ok_or_else(|| format!("看不懂日期“{}”：请按 2026-01-01 这样填写", short(text)))?
                .to_string()
        }
        "line" => f.line = Some(yuan_in(text, 1_000, 100_000, "监测线")?),
        "dibao" => f.dibao = Some(yuan_in(text, 50, 5_000, "低保标准")?),
        "tekun" => f.tekun = Some(yuan_in(text, 50, 10_000, "特困标准")?),
        "max" => f.max = Some(fen_up_to(text, 500_000, "额度上限")?),
        "cap" => f.cap = Some(fen_up_to(text, 500_000, "贴息本金上限")?),
        "months" => {
            let m = parse::parse_months(text)?;
            if m > 120 {
                return Err(format!(
                    "期限 {m} 个月不合理：小额信贷一般不超过 10 年，请核对文件"
                ));
            }
            f.months = Some(m)
        }
        "rate" => {
            let r = parse::parse_rate(text)?;
            if r.ppm() == 0 {
                return Err("年利率上限要大于 0".into());
            }
            f.rate = Some(r.ppm())
        }
        "subsidy" => f.subsidy = Some(parse::parse_percent(text)?),
        "timing" => {
            f.timing = Some(
                SubsidyTiming::from_key(text)
                    .ok_or_else(|| format!("贴息方式“{}”不认识", short(text)))?
                    .key()
                    .to_string(),
            )
        }
        "age_min" => f.age_min = Some(age_in(text, 16, 30)?),
        "age_max" => f.age_max = Some(age_in(text, 45, 80)?),
        "line_doc" => f.line_doc = text_up_to(text, MAX_DOC)?,
        "dibao_doc" => f.dibao_doc = text_up_to(text, MAX_DOC)?,
        "tekun_doc" => f.tekun_doc = text_up_to(text, MAX_DOC)?,
        "loan_doc" => f.loan_doc = text_up_to(text, MAX_DOC)?,
        "near_line" => f.near_line = Some(whole_in(text, 100, 200, "%", "监测线附近")?),
        "heavy_medical" => f.heavy_medical = Some(yuan_in(text, 500, 100_000, "医药费")?),
        "wage_share" => f.wage_share = Some(whole_in(text, 30, 100, "%", "打工收入占比")?),
        "visit_days" => f.visit_days = Some(whole_in(text, 7, 365, "天", "走访间隔")?),
        "visit_doc" => f.visit_doc = text_up_to(text, MAX_DOC)?,
        _ => {}
    }
    Ok(())
}

/// Reads every field; a field that cannot be read is left out with its
/// message (blank fields are simply not set). The place and date are needed
/// to say whose figures these are, so a set without them has a message there.
pub fn check(form: &LocalForm) -> Checked {
    let mut out = Checked::default();
    for s in FIELDS {
        let text = form.get(s.key);
        if parse::normalize(text).is_empty() {
            continue;
        }
        if let Err(e) = read(&mut out.figures, s.key, text) {
            out.errors.push((s.key, e));
        }
    }
    if let (Some(lo), Some(hi)) = (out.figures.age_min, out.figures.age_max) {
        if lo >= hi {
            out.figures.age_min = None;
            out.figures.age_max = None;
            out.errors
                .push(("age_max", format!("最大年龄 {hi} 岁要大于最小年龄 {lo} 岁")));
        }
    }
    if out.figures.place.is_empty() && out.error("place").is_none() {
        out.errors
            .push(("place", "请填这些数字是哪里的，例如：湖北省天门市".into()));
    }
    if out.figures.date.is_empty() && out.error("date").is_none() {
        out.errors
            .push(("date", "请填从哪天起执行，例如 2026-01-01".into()));
    }
    out
}

/// FNV-1a (32 bit) of the figures a link carries, as written by [`link`]:
/// `key=value\n` for each of `fields` in order, values decoded (`ck`: the
/// first [`FIRST`]; `xk`: all of [`FIELDS`]). Not a secret: it only tells a
/// damaged or hand-altered link from a whole one.
fn checksum(form: &LocalForm, fields: &[Spec]) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for s in fields {
        let v = form.get(s.key);
        if v.is_empty() {
            continue;
        }
        for b in s.key.bytes().chain([b'=']).chain(v.bytes()).chain([b'\n']) {
            h ^= b as u32;
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    format!("{h:08x}")
}

/// The query of a link carrying `figures` (no household data: only the
/// place, the date, the figures and their documents).
pub fn link(figures: &LocalFigures) -> String {
    link_of_form(&figures.to_form())
}

/// The link carrying these texts as they are (its checksum included), read
/// or not: [`link`] passes the canonical texts of checked figures; the tests
/// use it to make links with figures out of range.
pub fn link_of_form(form: &LocalForm) -> String {
    let mut q = format!("?v=local&lv={LINK_VERSION}");
    for s in FIELDS {
        let v = form.get(s.key);
        if !v.is_empty() {
            q.push('&');
            q.push_str(s.key);
            q.push('=');
            q.push_str(&crate::query::percent_encode(v));
        }
    }
    if FIELDS[FIRST..].iter().any(|s| !form.get(s.key).is_empty()) {
        q.push_str("&xk=");
        q.push_str(&checksum(form, FIELDS));
    }
    q.push_str("&ck=");
    q.push_str(&checksum(form, &FIELDS[..FIRST]));
    q
}

/// What a link said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkRead {
    /// The link could not be used at all: why, in plain words.
    Refused(String),
    /// The figures that can be used, and a sentence for each that cannot.
    Offer {
        figures: Box<LocalFigures>,
        refused: Vec<String>,
    },
}

/// Reads the link's parameters (decoded pairs, first of each key, as
/// `query::parse_query` collects them). Unknown keys (WeChat's `from=…`) are
/// ignored; `None` when there is nothing but those (a link to the editor).
pub fn read_link(pairs: &[(String, String)]) -> Option<LinkRead> {
    if !pairs.iter().any(|(k, _)| is_link_key(k)) {
        return None;
    }
    Some(read_pairs(pairs))
}

fn read_pairs(pairs: &[(String, String)]) -> LinkRead {
    let get = |k: &str| pairs.iter().find(|(key, _)| key == k).map(|(_, v)| v);
    match get("lv").map(String::as_str) {
        Some(LINK_VERSION) => {}
        None => {
            return LinkRead::Refused(
                "这不是一个完整的本地数字链接（缺少版本号），可能被截断或改动了。请让发链接的人重新发一次。"
                    .into(),
            )
        }
        Some(v) => {
            return LinkRead::Refused(format!(
                "这个链接是更新版本的帮扶助手做的（格式第{}版），这个版本读不了。请刷新页面或更新后再打开。",
                short(v)
            ))
        }
    }
    let mut form = LocalForm::default();
    for s in FIELDS {
        if let Some(v) = get(s.key) {
            form.set(s.key, v.clone());
        }
    }
    let altered = || {
        LinkRead::Refused(
            "链接里的数字和它的校验码对不上：链接被改动过或损坏了，一个数字也没用。请让发链接的人重新发一次。"
                .into(),
        )
    };
    match get("ck") {
        Some(ck) if ck.eq_ignore_ascii_case(&checksum(&form, &FIELDS[..FIRST])) => {}
        Some(_) => return altered(),
        None => {
            return LinkRead::Refused(
                "链接不完整（末尾的校验码不见了，可能被截断了），一个数字也没用。请让发链接的人重新发一次。"
                    .into(),
            )
        }
    }
    // The later fields, when there are any, with the checksum over all.
    let later = FIELDS[FIRST..].iter().any(|s| get(s.key).is_some());
    match get("xk") {
        Some(xk) if xk.eq_ignore_ascii_case(&checksum(&form, FIELDS)) => {}
        None if !later => {}
        _ => return altered(),
    }
    let checked = check(&form);
    let refused = checked
        .errors
        .iter()
        .map(|(k, msg)| {
            let label = spec_of(k).map_or(*k, |s| s.label);
            format!("{label}“{}”没有采用：{msg}", short(form.get(k)))
        })
        .collect();
    if checked.figures.place.is_empty() || checked.figures.date.is_empty() {
        return LinkRead::Refused(
            "链接没有写明这些数字是哪里的、从哪天起执行，不能使用。请让发链接的人补上后重新发。"
                .into(),
        );
    }
    if checked.figures.is_empty() {
        return LinkRead::Refused(
            "链接里没有一个能用的本地数字。请让发链接的人检查后重新发。".into(),
        );
    }
    LinkRead::Offer {
        figures: Box::new(checked.figures),
        refused,
    }
}

impl LocalFigures {
    /// Each figure that is set, with its label and value in words (units,
    /// 万, the timing's name), in screen order.
    pub fn shown(&self) -> Vec<(&'static Spec, String)> {
        let form = self.to_form();
        FIELDS
            .iter()
            .filter(|s| s.is_figure())
            .filter_map(|s| {
                let v = form.get(s.key);
                (!v.is_empty()).then(|| (s, value_text(s, v)))
            })
            .collect()
    }

    /// One figure in words, if set.
    pub fn value_of(&self, key: &str) -> Option<String> {
        self.shown()
            .into_iter()
            .find(|(s, _)| s.key == key)
            .map(|(_, v)| v)
    }

    /// The documents named, with what they are for.
    pub fn documents(&self) -> Vec<(&'static str, &str)> {
        [
            ("监测线", self.line_doc.as_str()),
            ("低保标准", self.dibao_doc.as_str()),
            ("特困标准", self.tekun_doc.as_str()),
            ("小额信贷", self.loan_doc.as_str()),
            ("走访", self.visit_doc.as_str()),
        ]
        .into_iter()
        .filter(|(_, d)| !d.is_empty())
        .collect()
    }
}

/// A canonical value with its unit, as people read it.
fn value_text(s: &Spec, v: &str) -> String {
    match s.key {
        "timing" => SubsidyTiming::from_key(v).map_or(v.to_string(), |t| t.label().to_string()),
        "max" | "cap" => {
            parse::parse_amount(v).map_or(v.to_string(), |f| format!("{} 元", f.spoken()))
        }
        "line" | "dibao" | "tekun" | "heavy_medical" => format!(
            "{} {}",
            v.parse::<i64>()
                .map_or(v.to_string(), |y| Fen::from_yuan(y).spoken()),
            s.unit
        ),
        _ => format!("{v} {}", s.unit).trim_end().to_string(),
    }
}

/// The figure used where no local one is set, in words: the national
/// baseline, or the current micro-loan's figure marked 示例 where the
/// national rules give none.
pub fn national_text(key: &str) -> String {
    let p = crate::products::default_product();
    let eg = |verified: bool| if verified { "" } else { "（示例）" };
    match key {
        "line" => {
            let b = crate::check::PARAMS.monitoring_line;
            format!(
                "全国基准 {} 元/人/年（{}年）",
                Fen::from_yuan(b.value as i64).spoken(),
                b.year
            )
        }
        "dibao" | "tekun" => "全国没有统一标准，各省公布".into(),
        "max" => p.max_amount.map_or("—".into(), |m| {
            format!("{} 元{}", m.value.spoken(), eg(m.verified))
        }),
        "months" => format!("{} 个月{}", p.months.value, eg(p.months.verified)),
        "rate" => "不超过贷款市场报价利率（LPR）".into(),
        "subsidy" => format!(
            "{}%{}",
            bp_percent_text(p.subsidy_percent_bp.value),
            eg(p.subsidy_percent_bp.verified)
        ),
        "cap" => p.subsidy_cap.map_or("不限".into(), |c| {
            format!("{} 元{}", c.value.spoken(), eg(c.verified))
        }),
        "timing" => format!(
            "{}{}",
            p.subsidy_timing.value.label(),
            eg(p.subsidy_timing.verified)
        ),
        "age_min" | "age_max" => p.age.map_or("—".into(), |a| {
            format!("{}–{} 周岁{}", a.value.0, a.value.1, eg(a.verified))
        }),
        "near_line" | "heavy_medical" | "wage_share" | "visit_days" => {
            // Only the values: the figures' sources are not needed here.
            let v = &crate::check::must_visit::VISIT_PARAMS;
            let value = match key {
                "near_line" => v.near_line_percent.value,
                "heavy_medical" => v.heavy_medical_yuan.value,
                "wage_share" => v.wage_share_percent.value,
                _ => v.visit_every_days.value,
            };
            let shown = spec_of(key).map_or(String::new(), |s| value_text(s, &value.to_string()));
            format!("{shown}（本工具定的）")
        }
        _ => String::new(),
    }
}
