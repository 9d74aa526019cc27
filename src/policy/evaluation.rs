//! Evaluation complexity as data: the components of the PT (97161–97163) and OT
//! (97165–97167) evaluation codes, the thresholds each level needs, the re-evaluation codes
//! (97164, 97168), the typical times, and the SLP evaluation codes (not complexity-based).
//!
//! Sources (shared/policy §4): PT descriptors 97161 [C2C161], [PROVMAG]; all levels
//! [TPLAY], [CLIN]; 97163 [BIOINS163]; 97164 [PTM-RE], [CA164]. OT descriptors 97166
//! [C2C166]; deficit counts [GAW-OT], [TPLAY]; times [OPTI165], [TPLAY]. The lowest component
//! decides the level [CLIN], [MMP-OT], [ENSORA], [LEGAL161]. Typical face-to-face time is
//! descriptive, never a threshold [LEGAL161], [BTE164], [MIRA161]. SLP evaluation codes
//! 92521–92524 and 92610–92612 have no complexity levels and SLP has no re-evaluation code
//! (Medicare: bill the evaluation code) [ASHA-T], [ASHA-M], [BPM200].

use crate::note::{Discipline, Level};

/// One component of an evaluation's complexity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Component {
    /// PT: personal factors and comorbidities that affect the plan of care (a count).
    History,
    /// PT: elements examined from body structures and functions, activity limitations and
    /// participation restrictions (a count).
    Examination,
    /// PT: stable, evolving or unstable.
    ClinicalPresentation,
    /// OT: brief, expanded or extensive occupational profile and history review.
    OccupationalProfile,
    /// OT: performance deficits (physical, cognitive, psychosocial) found (a count).
    PerformanceDeficits,
    /// OT: comorbidities that affect occupational performance (yes or no).
    Comorbidities,
    /// OT: modification of tasks or assistance needed to complete the evaluation.
    TaskModification,
    /// PT and OT: clinical decision making, low, moderate or high.
    DecisionMaking,
}

impl Component {
    /// The name used in `Report.evaluation.components[].name`.
    pub fn name(self) -> &'static str {
        match self {
            Self::History => "history",
            Self::Examination => "examination",
            Self::ClinicalPresentation => "clinicalPresentation",
            Self::OccupationalProfile => "occupationalProfile",
            Self::PerformanceDeficits => "performanceDeficits",
            Self::Comorbidities => "comorbidities",
            Self::TaskModification => "taskModification",
            Self::DecisionMaking => "decisionMaking",
        }
    }

    /// The component in a therapist's words (for sentences).
    pub fn label(self) -> &'static str {
        match self {
            Self::History => "history",
            Self::Examination => "examination",
            Self::ClinicalPresentation => "clinical presentation",
            Self::OccupationalProfile => "occupational profile",
            Self::PerformanceDeficits => "performance deficits",
            Self::Comorbidities => "comorbidities",
            Self::TaskModification => "task modification",
            Self::DecisionMaking => "decision making",
        }
    }

    /// The note's field that records it (`evaluation.…`).
    pub fn field(self) -> &'static str {
        match self {
            Self::History => "evaluation.historyFactors",
            Self::Examination => "evaluation.examElements",
            Self::ClinicalPresentation => "evaluation.clinicalPresentation",
            Self::OccupationalProfile => "evaluation.profileReview",
            Self::PerformanceDeficits => "evaluation.performanceDeficits",
            Self::Comorbidities => "evaluation.comorbiditiesAffectOccupation",
            Self::TaskModification => "evaluation.taskModification",
            Self::DecisionMaking => "evaluation.decisionMaking",
        }
    }
}

/// How a component's value maps to the levels it meets.
#[derive(Debug, Clone, Copy)]
pub enum Scale {
    /// A count: each level's inclusive range (`None`: no upper bound). Ranges may overlap
    /// (OT deficits 1–3 / 3–5 / 5+); a value supports the highest level whose range holds it.
    Count(&'static [(Level, u32, Option<u32>)]),
    /// A word the evaluation form records, and the level it supports.
    Words(&'static [(&'static str, Level)]),
    /// Yes or no: the highest level each answer meets.
    Flag { no: Level, yes: Level },
}

impl Scale {
    /// The highest level a count meets; `None` when it meets none (e.g. 0 exam elements).
    pub fn count_level(&self, n: u32) -> Option<Level> {
        match self {
            Scale::Count(ranges) => ranges
                .iter()
                .filter(|(_, lo, hi)| n >= *lo && hi.map_or(true, |h| n <= h))
                .map(|(l, _, _)| *l)
                .max_by_key(|l| level_rank(*l)),
            _ => None,
        }
    }

    pub fn word_level(&self, w: &str) -> Option<Level> {
        match self {
            Scale::Words(words) => words.iter().find(|(x, _)| *x == w).map(|(_, l)| *l),
            _ => None,
        }
    }

    pub fn flag_level(&self, b: bool) -> Option<Level> {
        match self {
            Scale::Flag { no, yes } => Some(if b { *yes } else { *no }),
            _ => None,
        }
    }

    /// The levels whose range holds `n` (to explain the OT overlaps).
    pub fn count_levels(&self, n: u32) -> Vec<Level> {
        match self {
            Scale::Count(ranges) => ranges
                .iter()
                .filter(|(_, lo, hi)| n >= *lo && hi.map_or(true, |h| n <= h))
                .map(|(l, _, _)| *l)
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// 0 low, 1 moderate, 2 high.
pub fn level_rank(l: Level) -> u8 {
    match l {
        Level::Low => 0,
        Level::Moderate => 1,
        Level::High => 2,
    }
}

pub fn level_from_rank(r: u8) -> Option<Level> {
    match r {
        0 => Some(Level::Low),
        1 => Some(Level::Moderate),
        2 => Some(Level::High),
        _ => None,
    }
}

/// One component of a discipline's evaluation, with its thresholds.
#[derive(Debug)]
pub struct ComponentSpec {
    pub component: Component,
    pub scale: Scale,
    /// What a count counts, singular and plural (for explanations).
    pub unit: (&'static str, &'static str),
    /// The CPT descriptor's wording, paraphrased, per level.
    pub descriptor: &'static str,
    pub source: &'static str,
}

/// A discipline's evaluation codes and components.
#[derive(Debug)]
pub struct EvalFamily {
    pub discipline: Discipline,
    /// Code, level, typical face-to-face minutes (descriptive only).
    pub codes: [(&'static str, Level, u32); 3],
    /// The re-evaluation code and its typical minutes.
    pub reevaluation: (&'static str, u32),
    pub components: &'static [ComponentSpec],
}

impl EvalFamily {
    pub fn code_for(&self, level: Level) -> &'static str {
        self.codes
            .iter()
            .find(|(_, l, _)| *l == level)
            .map_or("", |(c, _, _)| c)
    }
    pub fn level_of(&self, code: &str) -> Option<Level> {
        self.codes
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, l, _)| *l)
    }
}

const PT_SRC: &str = "CPT 97161–97163 descriptors; CY 2017 PFS final rule, 81 FR 80170";
const OT_SRC: &str = "CPT 97165–97167 descriptors; CY 2017 PFS final rule, 81 FR 80170";

const DECISION: Scale = Scale::Words(&[
    ("low", Level::Low),
    ("moderate", Level::Moderate),
    ("high", Level::High),
]);

/// PT evaluation: history, examination, clinical presentation, decision making.
pub static PT: EvalFamily = EvalFamily {
    discipline: Discipline::PT,
    codes: [("97161", Level::Low, 20), ("97162", Level::Moderate, 30), ("97163", Level::High, 45)],
    reevaluation: ("97164", 20),
    components: &[
        ComponentSpec {
            component: Component::History,
            scale: Scale::Count(&[(Level::Low, 0, Some(0)), (Level::Moderate, 1, Some(2)), (Level::High, 3, None)]),
            unit: ("personal factor or comorbidity affecting the plan", "personal factors and comorbidities affecting the plan"),
            descriptor: "history with no (low), 1–2 (moderate) or 3 or more (high) personal factors and/or comorbidities that affect the plan of care",
            source: PT_SRC,
        },
        ComponentSpec {
            component: Component::Examination,
            scale: Scale::Count(&[(Level::Low, 1, Some(2)), (Level::Moderate, 3, None), (Level::High, 4, None)]),
            unit: ("element examined", "elements examined"),
            descriptor: "examination with standardized tests and measures addressing 1–2 (low), 3 or more (moderate) or 4 or more (high) elements from body structures and functions, activity limitations and participation restrictions",
            source: PT_SRC,
        },
        ComponentSpec {
            component: Component::ClinicalPresentation,
            scale: Scale::Words(&[("stable", Level::Low), ("evolving", Level::Moderate), ("unstable", Level::High)]),
            unit: ("", ""),
            descriptor: "clinical presentation stable and/or uncomplicated (low), evolving with changing characteristics (moderate), unstable and unpredictable (high)",
            source: PT_SRC,
        },
        ComponentSpec {
            component: Component::DecisionMaking,
            scale: DECISION,
            unit: ("", ""),
            descriptor: "clinical decision making of low, moderate or high complexity using a standardized patient assessment instrument and/or measurable assessment of functional outcome",
            source: PT_SRC,
        },
    ],
};

/// OT evaluation: occupational profile, performance deficits, and decision making with its
/// parts (comorbidities, modification of tasks or assistance).
pub static OT: EvalFamily = EvalFamily {
    discipline: Discipline::OT,
    codes: [("97165", Level::Low, 30), ("97166", Level::Moderate, 45), ("97167", Level::High, 60)],
    reevaluation: ("97168", 30),
    components: &[
        ComponentSpec {
            component: Component::OccupationalProfile,
            scale: Scale::Words(&[("brief", Level::Low), ("expanded", Level::Moderate), ("extensive", Level::High)]),
            unit: ("", ""),
            descriptor: "occupational profile and medical and therapy history with a brief (low), expanded (moderate) or extensive (high) review of records and additional history",
            source: OT_SRC,
        },
        ComponentSpec {
            component: Component::PerformanceDeficits,
            scale: Scale::Count(&[(Level::Low, 1, Some(3)), (Level::Moderate, 3, Some(5)), (Level::High, 5, None)]),
            unit: ("performance deficit", "performance deficits"),
            descriptor: "assessment identifying 1–3 (low), 3–5 (moderate) or 5 or more (high) performance deficits (physical, cognitive or psychosocial) that result in activity limitations and/or participation restrictions",
            source: OT_SRC,
        },
        ComponentSpec {
            component: Component::Comorbidities,
            scale: Scale::Flag { no: Level::Moderate, yes: Level::High },
            unit: ("", ""),
            descriptor: "no comorbidities affecting occupational performance (low), may present comorbidities (moderate), presents comorbidities that affect occupational performance (high)",
            source: OT_SRC,
        },
        ComponentSpec {
            component: Component::TaskModification,
            scale: Scale::Words(&[("none", Level::Low), ("minimalToModerate", Level::Moderate), ("significant", Level::High)]),
            unit: ("", ""),
            descriptor: "no (low), minimal to moderate (moderate) or significant (high) modification of tasks or assistance needed to complete the evaluation",
            source: OT_SRC,
        },
        ComponentSpec {
            component: Component::DecisionMaking,
            scale: DECISION,
            unit: ("", ""),
            descriptor: "clinical decision making of low (limited treatment options), moderate (several options) or high (multiple options) analytic complexity",
            source: OT_SRC,
        },
    ],
};

/// The complexity-based evaluation family of a discipline (SLP has none).
pub fn family(d: Discipline) -> Option<&'static EvalFamily> {
    match d {
        Discipline::PT => Some(&PT),
        Discipline::OT => Some(&OT),
        Discipline::SLP => None,
    }
}

/// SLP evaluation codes: not complexity-based; the family is all chartlint checks.
pub static SLP_EVALUATION_CODES: &[&str] = &[
    "92521", "92522", "92523", "92524", "92610", "92611", "92612",
];

/// Other SLP assessment codes an SLP evaluation visit may bill instead (AAC device
/// evaluations, aphasia assessment, standardized cognitive testing): an SLP evaluation note
/// billing one of them is not missing its evaluation code.
pub static SLP_OTHER_ASSESSMENT_CODES: &[&str] = &["92605", "92607", "96105", "96125"];

/// Typical face-to-face minutes of an evaluation code (descriptive, never a threshold).
pub fn typical_minutes(code: &str) -> Option<u32> {
    [&PT, &OT].into_iter().find_map(|f| {
        f.codes
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, _, m)| *m)
            .or_else(|| (f.reevaluation.0 == code).then_some(f.reevaluation.1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(f: &EvalFamily, c: Component) -> &ComponentSpec {
        f.components
            .iter()
            .find(|s| s.component == c)
            .unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn pt_thresholds() {
        let h = &spec(&PT, Component::History).scale;
        assert_eq!(
            [0, 1, 2, 3, 9].map(|n| h.count_level(n)),
            [
                Some(Level::Low),
                Some(Level::Moderate),
                Some(Level::Moderate),
                Some(Level::High),
                Some(Level::High)
            ]
        );
        let e = &spec(&PT, Component::Examination).scale;
        assert_eq!(
            [0, 1, 2, 3, 4].map(|n| e.count_level(n)),
            [
                None,
                Some(Level::Low),
                Some(Level::Low),
                Some(Level::Moderate),
                Some(Level::High)
            ]
        );
    }

    #[test]
    fn ot_deficit_overlaps() {
        let d = &spec(&OT, Component::PerformanceDeficits).scale;
        assert_eq!(
            [0, 1, 2, 3, 4, 5, 6].map(|n| d.count_level(n)),
            [
                None,
                Some(Level::Low),
                Some(Level::Low),
                Some(Level::Moderate),
                Some(Level::Moderate),
                Some(Level::High),
                Some(Level::High)
            ]
        );
        assert_eq!(d.count_levels(3), vec![Level::Low, Level::Moderate]);
        assert_eq!(d.count_levels(5), vec![Level::Moderate, Level::High]);
    }

    #[test]
    fn typical_times_are_known() {
        assert_eq!(typical_minutes("97163"), Some(45));
        assert_eq!(typical_minutes("97168"), Some(30));
        assert_eq!(typical_minutes("92610"), None);
    }
}
