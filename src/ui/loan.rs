//! The loan estimator page: inputs, then everything computed from them.

use super::app::use_app;
use super::loan_inputs::{FactsInputs, LoanInputs, ProductPicker};
use super::loan_results::{
    Advice, AnswerBar, Compare, CopyLink, Eligibility, ProductInfo, ScheduleView, Summary,
};
use crate::form;
use crate::loan::{schedule, LoanTerms, Schedule, Subsidy};
use leptos::prelude::*;

/// A readable loan with its schedule: computed once per input change and
/// shared by every result component.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    pub terms: LoanTerms,
    pub subsidy: Subsidy,
    pub schedule: Schedule,
}

#[component]
pub fn LoanPage() -> impl IntoView {
    let app = use_app();
    let checked = Memo::new(move |_| form::check(&app.form.get(), app.today));
    let estimate = Memo::new(move |_| {
        checked.get().ok().map(|(terms, subsidy)| Estimate {
            terms,
            subsidy,
            schedule: schedule(&terms, &subsidy),
        })
    });

    view! {
        <h1>"贷款测算"</h1>
        <Show when=move || app.replaced.get().is_some()>
            <div class="banner info" role="status" id="replaced-banner">
                <p>"已按链接里的贷款数字计算。您自己之前填的数字还在："</p>
                <button
                    class="secondary"
                    on:click=move |_| {
                        if let Some(own) = app.replaced.get_untracked() {
                            app.form.set(own);
                        }
                        app.replaced.set(None);
                    }
                >
                    "换回我自己填的"
                </button>
            </div>
        </Show>
        <ProductPicker/>
        <LoanInputs checked/>
        {move || match estimate.get() {
            Some(e) => {
                let e = Signal::derive(move || estimate.get().unwrap_or_else(|| e.clone()));
                view! {
                    <Summary estimate=e/>
                    <Advice estimate=e/>
                    <div class="warning" id="not-a-grant">
                        <strong>"扶贫贷款不是扶贫款，一定要还"</strong>
                        <p>
                            "这是银行的贷款，到期必须还本付息。逾期了，政府就不再贴息，还会记入个人征信，以后贷款、办事都受影响。借多少、用在哪，要想清楚。"
                        </p>
                    </div>
                    <ScheduleView estimate=e/>
                    <Compare estimate=e/>
                }
                    .into_any()
            }
            None => {
                view! {
                    <div class="banner bad" role="status" id="fix-inputs">
                        "上面有标红的地方，改好后这里就会算出每期还多少。"
                    </div>
                }
                    .into_any()
            }
        }}
        <FactsInputs/>
        <Eligibility estimate=Signal::derive(move || estimate.get())/>
        <CopyLink/>
        <ProductInfo/>
        <AnswerBar estimate=Signal::derive(move || estimate.get())/>
    }
}
