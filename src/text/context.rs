//! Stage 5: context, after ConText (Chapman, Harkema et al. 2009; medspaCy's ConText).
//!
//! Input: the concepts of a sentence and the modifier phrases of `lexicon/context.txt`.
//! Output: for each concept, its [`Ctx`]: negated ("no progress", "denies dizziness"),
//! hypothetical (planned, future, conditional: "will progress next visit"), historical
//! ("history of falls"), experiencer (someone else's: "per his wife"), reported (the
//! patient's own words: "states he is doing well"). A modifier's scope runs in its direction
//! to the end of the sentence, to a terminator ("but", "however", ";"), or to its maximum
//! number of words, whichever comes first. A modifier inside a concept phrase ("no adverse
//! reaction", "did not tolerate") is part of the concept, not a modifier; a concept inside a
//! modifier phrase ("since that fall") is part of the modifier.

/// The groups of its lexicon file (the list lives with the lexicon's file table).
pub(crate) use super::lexicon::groups::CONTEXT as GROUPS;

/// The context of a concept: a set of flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Ctx(pub u8);

impl Ctx {
    pub const NEGATED: u8 = 1;
    pub const HYPOTHETICAL: u8 = 2;
    pub const HISTORICAL: u8 = 4;
    pub const EXPERIENCER: u8 = 8;
    pub const REPORTED: u8 = 16;

    pub fn negated(self) -> bool {
        self.0 & Self::NEGATED != 0
    }
    pub fn hypothetical(self) -> bool {
        self.0 & Self::HYPOTHETICAL != 0
    }
    pub fn historical(self) -> bool {
        self.0 & Self::HISTORICAL != 0
    }
    pub fn experiencer(self) -> bool {
        self.0 & Self::EXPERIENCER != 0
    }
    pub fn reported(self) -> bool {
        self.0 & Self::REPORTED != 0
    }
    /// The context's name for the report ("negated", "hypothetical", …), the strongest first.
    pub fn name(self) -> Option<&'static str> {
        if self.negated() {
            Some("negated")
        } else if self.hypothetical() {
            Some("hypothetical")
        } else if self.historical() {
            Some("historical")
        } else if self.experiencer() {
            Some("experiencer")
        } else if self.reported() {
            Some("reported")
        } else {
            None
        }
    }
}

/// A modifier phrase (folded offsets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Modifier {
    pub start: u32,
    pub end: u32,
    /// First and last token index.
    pub toks: (u32, u32),
    pub flag: u8,
    pub forward: bool,
}

/// The category flag, direction and maximum scope (in tokens) of a group; `None` for the
/// terminator and pseudo groups.
pub(crate) fn category(group: u8) -> Option<(u8, bool, u32)> {
    Some(match GROUPS.get(group as usize).copied().unwrap_or("") {
        "negated forward" => (Ctx::NEGATED, true, 12),
        "negated backward" => (Ctx::NEGATED, false, 5),
        "hypothetical forward" => (Ctx::HYPOTHETICAL, true, 18),
        "historical forward" => (Ctx::HISTORICAL, true, 12),
        "experiencer forward" => (Ctx::EXPERIENCER, true, 10),
        "reported forward" => (Ctx::REPORTED, true, 30),
        _ => return None,
    })
}

/// Whether `group` is the terminator group.
pub(crate) fn is_terminator(group: u8) -> bool {
    GROUPS.get(group as usize) == Some(&"terminate")
}

/// Whether `group` ends negation scopes only.
pub(crate) fn is_negation_terminator(group: u8) -> bool {
    GROUPS.get(group as usize) == Some(&"terminate negated")
}

/// Whether `group` is the pseudo-modifier group.
pub(crate) fn is_pseudo(group: u8) -> bool {
    GROUPS.get(group as usize) == Some(&"pseudo")
}

/// The context of a concept whose tokens are `first..=last`, given the sentence's modifiers
/// and terminators (token indexes, sorted).
pub(crate) fn judge(
    first: u32,
    last: u32,
    mods: &[Modifier],
    terminators: &[u32],
    negation_terminators: &[u32],
) -> Ctx {
    let mut flags = 0u8;
    for m in mods {
        if m.forward {
            if m.toks.1 >= first || first - m.toks.1 > scope(m) {
                continue;
            }
            if terminators.iter().any(|&t| t > m.toks.1 && t < first) {
                continue;
            }
            if m.flag == Ctx::NEGATED
                && negation_terminators
                    .iter()
                    .any(|&t| t > m.toks.1 && t < first)
            {
                continue;
            }
        } else {
            if m.toks.0 <= last || m.toks.0 - last > scope(m) {
                continue;
            }
            if terminators.iter().any(|&t| t > last && t < m.toks.0) {
                continue;
            }
        }
        flags |= m.flag;
    }
    Ctx(flags)
}

fn scope(m: &Modifier) -> u32 {
    match m.flag {
        Ctx::NEGATED if m.forward => 12,
        Ctx::NEGATED => 5,
        Ctx::HYPOTHETICAL => 18,
        Ctx::HISTORICAL => 12,
        Ctx::EXPERIENCER => 10,
        _ => 30,
    }
}
