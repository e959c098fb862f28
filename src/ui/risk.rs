//! 风险补偿金测算 (for cadres): what a county's fund, its 放大倍数 and the
//! government:bank split mean, with 天门 (the seed report) as the worked
//! example. The arithmetic is `crate::risk`; this page only shows it.

use super::fields::{SelectField, TextField, TextSpec};
use crate::money::Fen;
use crate::parse::bp_percent_text;
use crate::products::{product, RISK_FUND};
use crate::risk::{self, RiskForm, RiskInputs};
use leptos::prelude::*;

const W: i64 = 340;
const H: i64 = 180;
const LEFT: i64 = 6;
const TOP: i64 = 24;
const BOTTOM: i64 = 24;

/// The 天门 example as the starting inputs (the figures the report does not
/// give are marked 示例 on the page).
fn example() -> RiskForm {
    let r = &RISK_FUND;
    let rate = product("tianmen2017").map_or(String::new(), |p| p.rate.value.percent_text());
    let sub = product("tianmen2017").map_or(10_000, |p| p.subsidy_percent_bp.value);
    RiskForm {
        fund: r.fund.value.spoken(),
        multiple: r.multiple.value.to_string(),
        avg_loan: r.average_loan.value.spoken(),
        gov: bp_percent_text(r.household_gov_bp.value),
        default: bp_percent_text(r.default_bp.value),
        pays_subsidy: if r.pays_subsidy.value { "yes" } else { "no" }.into(),
        rate,
        subsidy: bp_percent_text(sub),
    }
}

/// A government:bank split: "7:3", "10:0", or in percent when not whole tenths.
fn ratio(gov_bp: u32) -> String {
    if gov_bp.is_multiple_of(1000) {
        format!("{}:{}", gov_bp / 1000, (10_000 - gov_bp) / 1000)
    } else {
        format!("{}:{}", pct(gov_bp), pct(10_000 - gov_bp))
    }
}

fn pct(bp: u32) -> String {
    format!("{}%", bp_percent_text(bp))
}

fn yuan(f: Fen) -> String {
    format!("{} 元", f.spoken())
}

/// Where the fund ends up: what is left, or how much it is short.
fn left_text(f: Fen) -> String {
    if f.0 >= 0 {
        format!("还剩 {}", yuan(f))
    } else {
        format!("不够，还差 {}", yuan(Fen(-f.0)))
    }
}

fn runs_out_text(r: Option<u32>) -> String {
    match r {
        None => "即使贷款全部收不回，基金也够".into(),
        Some(0) => "光付贴息基金就不够了".into(),
        Some(bp) => format!("不良率到 {} 时基金就不够了", pct(bp)),
    }
}

/// One input: (field, label, unit, mode, sentence that explains it, 示例?).
type InputSpec = (
    fn(&mut RiskForm) -> &mut String,
    fn(&RiskForm) -> &String,
    TextSpec,
);

const fn spec(
    id: &'static str,
    label: &'static str,
    unit: &'static str,
    mode: &'static str,
    hint: &'static str,
    chips: &'static [&'static str],
) -> TextSpec {
    TextSpec {
        id,
        label,
        unit,
        mode,
        hint,
        chips,
    }
}

const INPUTS: [InputSpec; 5] = [
    (
        |f| &mut f.fund,
        |f| &f.fund,
        spec("risk-fund", "风险补偿基金", "元", "text", "县里拿出来、专门给扶贫贷款兜损失的钱。天门是 500万（调研报告）。", &[]),
    ),
    (
        |f| &mut f.multiple,
        |f| &f.multiple,
        spec("risk-multiple", "放大倍数（示例：10）", "倍", "numeric", "银行按基金的几倍放贷款。报告没写天门的倍数，10 只是示例，请按当地和银行的协议填。", &[]),
    ),
    (
        |f| &mut f.avg_loan,
        |f| &f.avg_loan,
        spec("risk-avg", "平均每户贷款（示例：5万）", "元", "text", "用来估算能帮到多少户。报告只写了每户最高 10万，5万是示例。", &[]),
    ),
    (
        |f| &mut f.gov,
        |f| &f.gov,
        spec("risk-gov", "损失里基金（政府）承担的比例", "%", "decimal", "70 就是政府:银行 = 7:3（天门贫困户贷款），50 是 5:5（新型农业经营主体），100 是政府兜底。", &["70", "50", "100"]),
    ),
    (
        |f| &mut f.default,
        |f| &f.default,
        spec("risk-default", "预计不良率（示例：3）", "%", "decimal", "放出去的贷款里，预计有多少收不回来。报告没写，3% 是示例。", &[]),
    ),
];

const SUBSIDY_INPUTS: [InputSpec; 2] = [
    (
        |f| &mut f.rate,
        |f| &f.rate,
        spec(
            "risk-rate",
            "贷款年利率",
            "%",
            "decimal",
            "天门贫困户贷款是 7.35%（调研报告）。",
            &[],
        ),
    ),
    (
        |f| &mut f.subsidy,
        |f| &f.subsidy,
        spec(
            "risk-subsidy",
            "贴息比例",
            "%",
            "decimal",
            "100 是全额贴息（天门贫困户贷款）。",
            &[],
        ),
    ),
];

#[component]
pub fn RiskPage() -> impl IntoView {
    let form = RwSignal::new(example());
    let checked = Memo::new(move |_| form.with(risk::check));
    let input = move |(set, get, spec): InputSpec| {
        let value = Signal::derive(move || form.with(|f| get(f).clone()));
        let on_text = Callback::new(move |t: String| form.update(|f| *set(f) = t));
        let error = Signal::derive(move || {
            checked.with(|c| {
                c.as_ref()
                    .err()
                    .and_then(|e| e.iter().find(|(k, _)| *k == spec.id))
                    .map_or(String::new(), |(_, m)| m.clone())
            })
        });
        view! { <TextField spec value on_text error/> }
    };
    let pays = Signal::derive(move || form.with(|f| f.pays_subsidy == "yes"));
    let r = &RISK_FUND;
    view! {
        <div class="risk">
            <h1>"风险补偿金测算"</h1>
            <p class="lead">
                "给县乡干部用：县里拿出一笔风险补偿基金，银行按它的几倍放扶贫贷款；贷款收不回来时，损失由基金和银行按比例分担。下面算一算这些选择意味着什么。"
            </p>
            <section class="card local" id="risk-example">
                <h2>{format!("例子：{}年{}", r.year, r.place)}</h2>
                <ul>
                    <li>{format!("风险补偿基金 {} 元", r.fund.value.spoken())}</li>
                    <li>
                        {format!(
                            "贫困户贷款的损失：政府:银行 = {}:{}",
                            r.household_gov_bp.value / 1000,
                            (10_000 - r.household_gov_bp.value) / 1000
                        )}
                    </li>
                    <li>
                        {format!(
                            "新型农业经营主体贷款：政府:银行 = {}:{}",
                            r.business_gov_bp.value / 1000,
                            (10_000 - r.business_gov_bp.value) / 1000
                        )}
                    </li>
                    <li>"同一笔基金还用来给扶贫小额信用贷款贴息"</li>
                </ul>
                <p class="small">{format!("出处：{}。", r.report)}</p>
                <p class="small">
                    {format!(
                        "{}；{}；{}。",
                        r.fund.source,
                        r.household_gov_bp.source,
                        r.business_gov_bp.source
                    )}
                </p>
                <p class="small">
                    <strong>"示例："</strong>
                    "放大倍数、平均每户贷款和不良率报告里没有，下面填的是示例，不是天门的实际数字。"
                </p>
            </section>
            <section class="card" aria-labelledby="risk-in-title">
                <h2 id="risk-in-title">"填写"</h2>
                {INPUTS.into_iter().map(input).collect_view()}
                <SelectField
                    id="risk-pays"
                    label="基金还要付贴息吗？"
                    options=vec![
                        ("yes", "要：基金也付一年的贴息（天门的做法）"),
                        ("no", "不要：贴息由财政另外出"),
                    ]
                    value=Signal::derive(move || form.with(|f| f.pays_subsidy.clone()))
                    on_pick=Callback::new(move |v: String| form.update(|f| f.pays_subsidy = v))
                    hint=(
                        "risk-pays-hint",
                        Signal::derive(|| {
                            "报告说天门的基金“对扶贫小额信用贷款贴息，对产生的风险进行补偿”。这里按全部可放贷款付一年贴息估算。"
                                .to_string()
                        }),
                    )
                />
                <div hidden=move || !pays.get()>
                    {SUBSIDY_INPUTS.into_iter().map(input).collect_view()}
                </div>
            </section>
            <div class="banner bad" role="status" id="risk-fix" hidden=move || checked.with(Result::is_ok)>
                "上面有标红的地方，改好后这里就会算出结果。"
            </div>
            {move || checked.get().ok().map(|i| view! { <Results i/> })}
            <p class="small muted">{r.recommendation}</p>
        </div>
    }
}

/// What one row of the results table shows of each split's result.
type Line = fn(&risk::RiskResult) -> String;

#[component]
fn Results(i: RiskInputs) -> impl IntoView {
    let res = i.compute();
    // The split typed, beside 7:3 (天门's households) and 10:0 (政府兜底),
    // in one table whose rows are all one kind (see ARCHITECTURE, "bytes").
    let mut splits = vec![i.gov_bp];
    for g in [RISK_FUND.household_gov_bp.value, 10_000] {
        if !splits.contains(&g) {
            splits.push(g);
        }
    }
    let cols: Vec<risk::RiskResult> = splits.iter().map(|g| i.with_gov(*g).compute()).collect();
    let head = splits
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let now = if n == 0 { "现在填的 " } else { "" };
            view! { <th scope="col">{format!("{now}政府:银行 = {}", ratio(*g))}</th> }
        })
        .collect_view();
    let mut lines: Vec<(&'static str, Line)> = vec![
        ("收不回的贷款（损失）", |r| yuan(r.loss)),
        ("基金承担", |r| yuan(r.fund_share)),
        ("银行承担", |r| yuan(r.bank_share)),
    ];
    if i.subsidy.is_some() {
        lines.push(("基金付一年贴息", |r| yuan(r.subsidy)));
    }
    lines.push(("基金", |r| left_text(r.left)));
    lines.push(("基金什么时候不够", |r| runs_out_text(r.runs_out_bp)));
    let rows = lines
        .into_iter()
        .map(|(label, f)| {
            let cells = cols
                .iter()
                .map(|r| view! { <td>{f(r)}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="risk-out-title" id="risk-results">
            <h2 id="risk-out-title">"算出来"</h2>
            <p class="lead" id="risk-lent">
                {format!("银行可以放贷 {}", yuan(res.lent))}
            </p>
            <p id="risk-households">
                {format!("按平均每户 {} 算，大约能帮 {} 户。", yuan(i.avg_loan), res.households)}
            </p>
            <p class="lead">
                "基金" <span id="risk-left">{left_text(res.left)}</span>
            </p>
            <p class="verdict warn" id="risk-runs-out">{runs_out_text(res.runs_out_bp)}</p>
            <RiskChart i runs_out=res.runs_out_bp/>
            <h3>"和 7:3、政府兜底（10:0）比一比"</h3>
            <div class="scroll wrap">
                <table id="risk-table">
                    <thead>
                        <tr>
                            <th scope="col">{format!("不良率 {}", pct(i.default_bp))}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint">
                "政府兜底时银行不担损失，更愿意给农户放贷；但同样的基金，会在更低的不良率就用完。报告建议逐年增加基金，就是为了两头都顾上。"
            </p>
            <p class="hint">
                "算法：每一步按四舍五入算到分；银行承担 = 损失 − 基金承担，两者加起来正好等于损失。"
            </p>
        </section>
    }
}

/// Fund left against default rate: one line, the current rate as a dot, the
/// rate at which the fund runs out as a dashed line. Integer coordinates in
/// tenths, as in `chart::Chart`.
#[component]
fn RiskChart(i: RiskInputs, runs_out: Option<u32>) -> impl IntoView {
    let max_bp = match runs_out {
        Some(r) => (r * 3 / 2).div_ceil(100) * 100,
        None => i.default_bp * 2,
    }
    .max(i.default_bp + 100)
    .clamp(500, 10_000);
    let fund = i.fund.0.max(1);
    let plot_w = W - 2 * LEFT;
    let plot_h = H - TOP - BOTTOM;
    let x10 = |bp: u32| LEFT * 10 + plot_w * 10 * bp as i64 / max_bp as i64;
    let y10 = |left: Fen| (TOP * 10) + plot_h * 10 - plot_h * 10 * left.0.clamp(0, fund) / fund;
    let mut d = String::new();
    for (n, (bp, left)) in i.curve(max_bp, 68).into_iter().enumerate() {
        d.push_str(&format!(
            "{}{} {}",
            if n == 0 { "M" } else { "L" },
            tenths(x10(bp)),
            tenths(y10(left))
        ));
    }
    let dot_x = tenths(x10(i.default_bp));
    let dot_y = tenths(y10(i.left_at(i.default_bp)));
    let out_line = runs_out.filter(|r| *r <= max_bp).map(|r| {
        let x = tenths(x10(r));
        view! {
            <line x1=x.clone() y1=TOP x2=x y2=H - BOTTOM stroke="#b3261e" stroke-width="1.5" stroke-dasharray="4 3"/>
        }
    });
    let axis = H - BOTTOM;
    view! {
        <svg viewBox="0 0 340 180" role="img" aria-labelledby="risk-chart-title" id="risk-chart">
            <title id="risk-chart-title">"基金剩余随不良率的变化：线越低剩得越少，虚线处基金用完"</title>
            <text x=LEFT y="14" font-size="12" fill="#5b5550">
                {format!("基金 {}", yuan(i.fund))}
            </text>
            <line x1=LEFT y1=axis x2=W - LEFT y2=axis stroke="#8a8078" stroke-width="1"/>
            <line x1=LEFT y1=TOP x2=LEFT y2=axis stroke="#8a8078" stroke-width="1"/>
            {out_line}
            <path d=d fill="none" stroke="#8c1d18" stroke-width="2.5"/>
            <circle cx=dot_x cy=dot_y r="5" fill="#e8a33d" stroke="#8c1d18"/>
            <text x=LEFT y=H - 6 font-size="12" fill="#5b5550">
                "不良率 0%"
            </text>
            <text x=W - LEFT y=H - 6 font-size="12" fill="#5b5550" text-anchor="end">
                {pct(max_bp)}
            </text>
        </svg>
        <p class="small muted">"圆点是现在填的不良率；红色虚线处基金用完。"</p>
    }
}

/// 1234 tenths → "123.4", without float formatting.
fn tenths(v: i64) -> String {
    format!("{}.{}", v / 10, v % 10)
}
