//! 家庭自查: the questionnaire, the answers, and the rules that turn them into
//! findings with reasons. Parameters and texts come from `data/screening.toml`;
//! the rules hold no figures of their own. Results lean towards inclusion: an
//! unknown answer gives 可能符合 or 不清楚, never a false 不符合, and nothing
//! here is an official determination.

pub mod answers;
pub mod declare;
pub mod households;
pub mod measures;
pub mod merge;
pub mod must_visit;
pub mod questions;
pub mod rules;
pub mod sheet;
pub mod stamped;
pub mod village;
pub mod visits;
pub mod whatif;

pub use crate::sources::SourceKind;
pub use answers::Answers;
pub use rules::{assess, assess_if, assess_with, Finding, Level, Report, Risk, WhatIf};

/// A figure with its year, its source and the kind of source it is (a
/// screening convention of the tool's own is `SourceKind::Own`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub value: u32,
    pub year: u32,
    pub source: &'static str,
    pub kind: SourceKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Params {
    pub checked: &'static str,
    /// 元 per person per year (national baseline).
    pub monitoring_line: Figure,
    pub rigid_likely_percent: Figure,
    pub rigid_possible_percent: Figure,
    pub dibao_edge_percent: Figure,
    pub tekun_elderly_age: Figure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Province {
    pub key: &'static str,
    pub name: &'static str,
    /// 元 per person per year.
    pub monitoring_line: Option<Figure>,
    /// 元 per person per month.
    pub dibao_month: Option<Figure>,
}

/// What to tell people about one finding (from the data file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FindingText {
    pub id: &'static str,
    pub title: &'static str,
    /// Id of the matching entry in the policy explainer.
    pub policy: &'static str,
    pub explain: &'static str,
    pub steps: &'static [&'static str],
    pub bring: &'static [&'static str],
    pub place: &'static str,
    /// The documents it rests on, named once, under the reasons.
    pub source: &'static str,
    pub kind: SourceKind,
}

include!(concat!(env!("OUT_DIR"), "/screening.rs"));

pub fn province(key: &str) -> Option<&'static Province> {
    PROVINCES.iter().find(|p| p.key == key)
}

pub fn text(id: &str) -> &'static FindingText {
    FINDINGS
        .iter()
        .find(|t| t.id == id)
        .unwrap_or(&FINDINGS[FINDINGS.len() - 1])
}
