//! The 还款卡: what a printed card says besides the schedule, and which
//! payment it puts in bold. The words are here, not in the UI, so a test
//! reads them; the page only lays them out.

use super::{Schedule, SubsidyTiming};

/// The sentence that must be on the card (issue 27): what being late costs.
pub const OVERDUE: &str = "逾期不贴息、记入征信。";
/// What it means, in plain words.
pub const OVERDUE_WHY: &str =
    "过了还款日没还上，就拿不到这一期的贴息，还会在个人征信上留下不良记录，要保存5年，以后难贷款。";
/// When to talk to the bank about 续贷/展期. No national rule gives a number
/// of days (policy-facts: 续贷/展期 are allowed, caps not verified), so the
/// card gives none.
pub const BANK: &str = "到期还不上、想续贷或展期的，到期前提前找银行商量（能不能办由银行定）。";
/// The sources, in one small line: never inside the sentences above.
pub const SOURCE: &str =
    "出处：《征信业管理条例》第十六条（不良信息保存5年）；逾期不贴息：各地贴息办法（如通许县、恩施州）。以借款合同为准。";

/// The period printed in bold: the one that repays the whole principal at
/// once (到期还本, 利随本清), or else the last (the day the loan is cleared).
pub fn bold_period(s: &Schedule) -> u32 {
    let all = s.total_principal();
    s.rows
        .iter()
        .find(|r| r.principal == all)
        .or(s.rows.last())
        .map_or(0, |r| r.number)
}

/// A line for 直接贴息, where the bank takes only the household's share
/// (the card lists 应还, what is due before any subsidy).
pub fn direct_note(timing: SubsidyTiming, s: &Schedule) -> Option<&'static str> {
    (timing == SubsidyTiming::Direct && s.total_subsidy().0 > 0)
        .then_some("直接贴息的，每期实际只付“每期还款明细”里“实际负担”那一栏。")
}
