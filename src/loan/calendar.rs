//! The repayment dates as a calendar file (iCalendar, RFC 5545), so a
//! phone's own calendar reminds the borrower: a static app cannot send a
//! notification, a calendar can. One all-day event per payment with the
//! amount in its title and an alarm some days before. The file is written
//! by hand because it is plain text of a dozen fixed lines per event; the
//! rules that matter are kept here: CRLF line ends, lines folded at 75
//! octets (never inside a character), text escaped (`\\` `;` `,` newline),
//! and stable UIDs (the loan's terms and the period number), so importing
//! the same schedule twice updates the events instead of doubling them.

use super::{LoanTerms, Schedule};
use crate::date::Date;

/// Days before a payment the alarm rings.
pub const ALARM_DAYS: u32 = 3;

/// The calendar for `schedule` of `terms`.
pub fn ics(terms: &LoanTerms, schedule: &Schedule) -> String {
    let id = loan_id(terms);
    let stamp = format!("{}T000000Z", compact(terms.start));
    let n = schedule.rows.len();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//bangfu//帮扶助手 贷款测算//ZH".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape("贷款还款日")),
    ];
    for r in &schedule.rows {
        let what = if r.principal.0 > 0 && r.number as usize == n {
            "还本付息（最后一期）"
        } else if r.principal.0 > 0 {
            "还款"
        } else {
            "付利息"
        };
        let title = format!("{what} {}元（第{}/{n}期）", r.payment.plain(), r.number);
        let detail = format!(
            "第{}期，{}应还 {}元：本金 {}元，利息 {}元。逾期不贴息，还会记入征信；还不上要提前找银行。",
            r.number,
            r.date.chinese(),
            r.payment.plain(),
            r.principal.plain(),
            r.interest.plain()
        );
        let next = r.date.next();
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{id}-{}@bangfu", r.number),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", compact(r.date)),
            format!("DTEND;VALUE=DATE:{}", compact(next)),
            format!("SUMMARY:{}", escape(&title)),
            format!("DESCRIPTION:{}", escape(&detail)),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("TRIGGER:-P{ALARM_DAYS}D"),
            format!("DESCRIPTION:{}", escape(&title)),
            "END:VALARM".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        fold(&l, &mut out);
    }
    out
}

/// 20291215
fn compact(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

/// The loan's terms as a short id: the same loan gives the same UIDs.
fn loan_id(t: &LoanTerms) -> String {
    format!(
        "{}-{}-{}-{}-{}-{}",
        compact(t.start),
        t.principal.0,
        t.months,
        t.rate.ppm(),
        t.method.key(),
        t.interest_only_months
    )
}

/// TEXT escaping (RFC 5545 3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets with CRLF and a space (3.1),
/// never inside a UTF-8 character.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}
