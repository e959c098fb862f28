//! The questionnaire: short sections of multiple-choice questions, each
//! allowing 不清楚. Question and option keys are stable: they are stored on the
//! phone, written in backups and in shared links, and used by the rule cases in
//! `tests/screening_cases.toml`.

/// What kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One option (a `不清楚` option is always offered by the UI: key `unknown`).
    One(&'static [Opt]),
    /// Any number of options; `none` means "none of these".
    Many(&'static [Opt]),
    /// A whole number in a range (people, years).
    Count {
        min: u32,
        max: u32,
        unit: &'static str,
    },
    /// Money in 元, typed as people type it (`3万`, `５０００`).
    Money,
    /// A province (keys from the province table in data/screening.toml).
    Province,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opt {
    pub key: &'static str,
    pub label: &'static str,
    /// For an amount range: [low, high) in 元, `None` high = no upper end.
    pub band: Option<(i64, Option<i64>)>,
}

const fn o(key: &'static str, label: &'static str) -> Opt {
    Opt {
        key,
        label,
        band: None,
    }
}

const fn band(key: &'static str, label: &'static str, lo: i64, hi: Option<i64>) -> Opt {
    Opt {
        key,
        label,
        band: Some((lo, hi)),
    }
}

fn band_of(opts: &[Opt], key: &str) -> Option<(i64, Option<i64>)> {
    opts.iter().find(|o| o.key == key).and_then(|o| o.band)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub text: &'static str,
    /// One line of help in plain words, or "".
    pub help: &'static str,
    pub kind: Kind,
    /// Shown only when this other answer is given, or is among the choices
    /// of a multiple-choice question: (question id, option key).
    pub only_if: Option<(&'static str, &'static str)>,
    /// May be skipped without saying 不清楚 (optional figures).
    pub optional: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    pub id: &'static str,
    pub title: &'static str,
    pub questions: &'static [Question],
}

const fn q(id: &'static str, text: &'static str, help: &'static str, kind: Kind) -> Question {
    Question {
        id,
        text,
        help,
        kind,
        only_if: None,
        optional: false,
    }
}

/// The answer meaning 不清楚; always allowed.
pub const UNKNOWN: &str = "unknown";

pub const INCOME_RANGES: &[Opt] = &[
    band("lt4000", "不到 4000 元", 0, Some(4_000)),
    band("4000_6000", "4000–6000 元", 4_000, Some(6_000)),
    band("6000_8000", "6000–8000 元", 6_000, Some(8_000)),
    band("8000_10000", "8000–1万元", 8_000, Some(10_000)),
    band("10000_15000", "1万–1.5万元", 10_000, Some(15_000)),
    band("gt15000", "1.5万元以上", 15_000, None),
    o("calc", "算一算（按收入来源填）"),
];

/// Per-person yearly income bounds in 元 for a range key: [lo, hi).
pub fn income_range_bounds(key: &str) -> Option<(i64, Option<i64>)> {
    band_of(INCOME_RANGES, key)
}

pub const MEDICAL_RANGES: &[Opt] = &[
    band("lt2000", "不到 2000 元", 0, Some(2_000)),
    band("2000_5000", "2000–5000 元", 2_000, Some(5_000)),
    band("5000_10000", "5000–1万元", 5_000, Some(10_000)),
    band("10000_30000", "1万–3万元", 10_000, Some(30_000)),
    band("gt30000", "3万元以上", 30_000, None),
];

/// Out-of-pocket medical cost bounds in 元 for a range key: [lo, hi).
pub fn medical_range_bounds(key: &str) -> Option<(i64, Option<i64>)> {
    band_of(MEDICAL_RANGES, key)
}

/// A field of the income calculator: money, optional, shown only when the
/// user chose “算一算”.
const fn calc(id: &'static str, text: &'static str, help: &'static str) -> Question {
    Question {
        only_if: Some(("income", "calc")),
        optional: true,
        ..q(id, text, help, Kind::Money)
    }
}

pub const SECTIONS: &[Section] = &[
    Section {
        id: "family",
        title: "家庭",
        questions: &[
            q(
                "members",
                "家里一共几口人？",
                "算户口本上一起生活的人。",
                Kind::Count {
                    min: 1,
                    max: 20,
                    unit: "人",
                },
            ),
            q(
                "workers",
                "其中能干活挣钱的有几人？",
                "16–60岁左右、身体能干活的。",
                Kind::Count {
                    min: 0,
                    max: 20,
                    unit: "人",
                },
            ),
            q(
                "main_age",
                "家里主要劳动力（或户主）多大年纪？",
                "用来看能不能申请小额贷款。",
                Kind::Count {
                    min: 0,
                    max: 120,
                    unit: "岁",
                },
            ),
            q(
                "who",
                "家里有没有这些人？（可多选）",
                "",
                Kind::Many(&[
                    o("elderly", "60岁以上老人"),
                    o("child", "16岁以下孩子"),
                    o("alone", "独自生活、没人照顾的老人或孩子"),
                    o("none", "都没有"),
                ]),
            ),
            q(
                "support",
                "有没有子女或亲属有能力赡养、抚养家里没法干活的人？",
                "法律上有赡养义务、也有能力的。",
                Kind::One(&[o("yes", "有"), o("no", "没有")]),
            ),
            q(
                "province",
                "住在哪个省（区、市）？",
                "各省的监测线、低保标准不一样。",
                Kind::Province,
            ),
            q(
                "status",
                "家里现在是不是这些对象？",
                "",
                Kind::One(&[
                    o("tuopin", "脱贫户（原建档立卡贫困户）"),
                    o("jiance", "防返贫监测对象"),
                    o("dibao", "低保户或特困供养"),
                    o("none", "都不是"),
                ]),
            ),
        ],
    },
    Section {
        id: "income",
        title: "收入",
        questions: &[
            q(
                "income",
                "去年全家收入，平均到每个人大约多少？",
                "全家一年的收入（打工、种养、补贴等，减去种养成本）÷ 人数。记不清就选“算一算”。",
                Kind::One(INCOME_RANGES),
            ),
            calc("inc_wage", "打工、上班一年挣多少？", "全家加起来。"),
            calc(
                "inc_biz",
                "种地、养殖、做生意一年卖了多少钱？",
                "全家加起来，先不减成本。",
            ),
            calc("inc_cost", "种子、化肥、饲料、进货等成本花了多少？", ""),
            calc("inc_property", "土地流转、房屋出租、分红等收入多少？", ""),
            calc("inc_transfer", "养老金、低保金、各种补贴一年多少？", ""),
            q(
                "income_drop",
                "和前一年比，家里收入有没有明显减少？",
                "",
                Kind::One(&[
                    o("no", "没有减少"),
                    o("some", "少了一些"),
                    o("half", "少了一半以上"),
                ]),
            ),
            Question {
                optional: true,
                ..q(
                    "local_line",
                    "知道本地公布的防返贫监测线吗？（元/人/年，不知道就跳过）",
                    "村委会或乡镇公示栏上有。填了就按本地标准判断。",
                    Kind::Money,
                )
            },
            Question {
                optional: true,
                ..q(
                    "local_dibao",
                    "知道本地农村低保标准吗？（元/人/月，不知道就跳过）",
                    "填每月多少钱。",
                    Kind::Money,
                )
            },
        ],
    },
    Section {
        id: "basics",
        title: "吃穿与饮水",
        questions: &[
            q(
                "food",
                "平时吃得饱、有换季的衣服和被子吗？",
                "",
                Kind::One(&[o("yes", "有，不愁"), o("no", "有时不够")]),
            ),
            q(
                "water",
                "家里吃水方便、干净吗？",
                "",
                Kind::One(&[
                    o("yes", "方便、干净，全年不缺"),
                    o("no", "有时缺水，或者水不干净"),
                ]),
            ),
        ],
    },
    Section {
        id: "school",
        title: "上学",
        questions: &[
            q(
                "school",
                "家里6–15岁的孩子都在上学吗？",
                "",
                Kind::One(&[
                    o("na", "没有这个年纪的孩子"),
                    o("yes", "都在上学"),
                    o("no", "有孩子没上学"),
                ]),
            ),
            q(
                "vocational",
                "有没有人在读中职（中专、技校）或高职（大专）？",
                "",
                Kind::One(&[o("yes", "有"), o("no", "没有")]),
            ),
        ],
    },
    Section {
        id: "health",
        title: "看病",
        questions: &[
            q(
                "insured",
                "全家都参加了城乡居民医保吗？",
                "就是每年交的“医保”“合作医疗”。",
                Kind::One(&[o("yes", "都参加了"), o("no", "有人没参加")]),
            ),
            q(
                "illness",
                "家里有没有这些情况？（可多选）",
                "",
                Kind::Many(&[
                    o("serious", "大病、重病"),
                    o("chronic", "长期慢性病（天天吃药）"),
                    o("disabled", "残疾"),
                    o("care", "老人生活不能自理"),
                    o("none", "都没有"),
                ]),
            ),
            Question {
                only_if: Some(("illness", "disabled")),
                ..q(
                    "disability_grade",
                    "残疾的家人有残疾证吗？是几级？",
                    "残疾证上写着等级。一级、二级是重度残疾。",
                    Kind::One(&[
                        o("severe", "有，一级或二级"),
                        o("mild", "有，三级或四级"),
                        o("nocert", "还没办残疾证"),
                    ]),
                )
            },
            q(
                "medical",
                "今年看病自己掏了多少钱？（报销以后）",
                "",
                Kind::One(MEDICAL_RANGES),
            ),
        ],
    },
    Section {
        id: "housing",
        title: "住房",
        questions: &[q(
            "house",
            "住的房子安全吗？",
            "",
            Kind::One(&[
                o("safe", "安全，不漏雨、没裂缝"),
                o("problem", "有裂缝、漏雨或墙歪"),
                o("cd", "已经鉴定为C级或D级危房"),
            ]),
        )],
    },
    Section {
        id: "events",
        title: "过去12个月的变故",
        questions: &[q(
            "events",
            "过去12个月，家里遇到过这些事吗？（可多选）",
            "",
            Kind::Many(&[
                o("illness", "有人得了大病或受了重伤"),
                o("disability", "有人落下残疾"),
                o("disaster", "自然灾害：房子、庄稼、牲口受损"),
                o("accident", "意外事故"),
                o("job", "有人丢了工作或出不去打工"),
                o("business", "种养殖或生意失败、亏本"),
                o("none", "都没有"),
            ]),
        )],
    },
    Section {
        id: "plans",
        title: "打算",
        questions: &[
            q(
                "plan",
                "想发展种养殖或做点小生意吗？",
                "",
                Kind::One(&[o("yes", "想做"), o("doing", "已经在做"), o("no", "不打算")]),
            ),
            q(
                "needs",
                "最需要哪些帮助？（可多选）",
                "",
                Kind::Many(&[
                    o("money", "缺本钱"),
                    o("skills", "学技术"),
                    o("job", "找工作"),
                    o("nearby", "在家门口干点活"),
                    o("none", "暂时不需要"),
                ]),
            ),
        ],
    },
];

pub fn question(id: &str) -> Option<&'static Question> {
    SECTIONS
        .iter()
        .flat_map(|s| s.questions.iter())
        .find(|q| q.id == id)
}

pub fn all_questions() -> impl Iterator<Item = &'static Question> {
    SECTIONS.iter().flat_map(|s| s.questions.iter())
}
