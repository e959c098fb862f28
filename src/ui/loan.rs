//! The loan estimator page: inputs, then everything computed from them. The
//! form is checked once per change and the schedule computed once; every
//! result reads that one estimate.

use super::browser;
use super::copy_box::CopyBox;
use super::loan_card::{RepayCard, SavePlan};
use super::loan_inputs::{FactsInputs, LoanInputs};
use super::loan_results::{
    Advance, AnswerBar, Compare, Eligibility, ProductInfo, ScheduleCard, Summary, VerdictLine,
};
use super::state::use_app;
use crate::form::{self, Field};
use crate::loan::{schedule, LoanTerms, Schedule, Subsidy};
use crate::query::loan_query;
use leptos::prelude::*;

/// What [`form::check`] says about the form: the loan, or a message per field.
pub type Checked = Result<(LoanTerms, Subsidy), Vec<(Field, String)>>;

/// A readable loan with its schedule: computed once per input change and
/// shared by every result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub terms: LoanTerms,
    pub subsidy: Subsidy,
    pub schedule: Schedule,
}

/// The estimator. The result cards are built once and only hidden while the
/// form cannot be read (a banner points at the red fields instead): a
/// half-typed figure then costs no rebuilding of headings and tables.
#[component]
pub fn LoanPage() -> impl IntoView {
    let app = use_app();
    let checked = Memo::new(move |_| app.form.with(|f| form::check(f, app.today)));
    let estimate = Memo::new(move |_| {
        checked.with(|c| {
            c.as_ref().ok().map(|&(terms, subsidy)| Estimate {
                terms,
                subsidy,
                schedule: schedule(&terms, &subsidy),
            })
        })
    });
    // The product alone, so typing a figure does not redraw its sources.
    let product = Memo::new(move |_| app.form.with(|f| f.product()));
    let share = Signal::derive(move || browser::absolute_link(&app.form.with(loan_query)));
    let swap_back = move |_| {
        if let Some(own) = app.replaced.get_untracked() {
            app.form.set(own);
        }
        app.replaced.set(None);
    };
    view! {
        <div class="loan">
            <h1>"贷款测算"</h1>
            <div
                class="banner info"
                role="status"
                id="replaced-banner"
                hidden=move || app.replaced.with(Option::is_none)
            >
                <p>"已按链接里的贷款数字计算。您自己之前填的数字还在："</p>
                <button type="button" class="secondary" on:click=swap_back>
                    "换回我填的"
                </button>
            </div>
            <LoanInputs checked product/>
            <div
                class="banner bad"
                role="status"
                id="fix-inputs"
                hidden=move || estimate.with(Option::is_some)
            >
                "上面有标红的地方，改好后这里就会算出每期还多少。"
            </div>
            <div id="results" hidden=move || estimate.with(Option::is_none)>
                <VerdictLine estimate product/>
                <Summary estimate/>
                <SavePlan estimate/>
                <Advance estimate/>
                <div class="warning" id="not-a-grant">
                    <strong>"扶贫贷款不是扶贫款，一定要还"</strong>
                    <p>
                        "这是银行的贷款，到期必须还本付息。逾期了，政府就不再贴息，还会记入个人征信，以后贷款、办事都受影响。借多少、用在哪，要想清楚。"
                    </p>
                </div>
                <ScheduleCard estimate/>
                <RepayCard estimate/>
                <Compare estimate/>
            </div>
            <FactsInputs/>
            <Eligibility estimate product/>
            <section class="card copy" aria-labelledby="share-title">
                <h2 id="share-title">"把这个测算发给别人"</h2>
                <p class="hint">"链接里只有贷款数字，不包含年龄、身份等家庭情况。"</p>
                <CopyBox ids=("share-link", "copy-link", "copy-status") label="测算链接" link=share/>
            </section>
            <ProductInfo product/>
            <AnswerBar estimate/>
        </div>
    }
}
