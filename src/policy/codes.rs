//! The therapy codes chartlint knows: how each is counted and which discipline it belongs to.
//!
//! Sources: timed vs untimed, `shared/policy` §3 ([PTBS], [WEBPT8], [MEYER], [8S2C], [ASHA-T],
//! [ASHA-M]); evaluation codes §4 (CPT descriptors); CMS Pub. 100-04, ch. 5, §20.2 for
//! 15-minute units. Where the sources marked a code's type UNCONFIRMED we follow the majority
//! listing and say so in `note`.

use crate::note::Discipline;

/// How a code's units are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// 15-minute timed code (constant attendance / one-on-one): minutes decide units.
    Timed15,
    /// Service-based: one unit per day whatever the minutes.
    Untimed,
    /// Timed in longer blocks (SLP/testing codes): a unit needs more than half the block
    /// (at least `block / 2 + 1` minutes). `first` names the first-block code for add-ons.
    Block {
        minutes: u32,
        first: Option<&'static str>,
    },
}

/// The evaluation family a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvalKind {
    /// Complexity-based evaluation at `level` (0 low, 1 moderate, 2 high).
    Evaluation {
        level: u8,
    },
    Reevaluation,
    /// SLP evaluation codes (not complexity-based).
    SlpEvaluation,
}

/// One code's facts.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    pub code: &'static str,
    pub description: &'static str,
    pub counting: Counting,
    /// `None`: any discipline may furnish it (modalities, therapeutic procedures).
    pub discipline: Option<Discipline>,
    pub eval: Option<EvalKind>,
    /// For 15-minute codes that share one unit count (97129 + add-on 97130): the first code.
    pub family_first: Option<&'static str>,
    /// Add-on code that is never billed alone.
    pub add_on: bool,
    /// Caveat from the sources, shown in docs.
    pub note: &'static str,
}

const fn timed(code: &'static str, description: &'static str) -> CodeInfo {
    CodeInfo {
        code,
        description,
        counting: Counting::Timed15,
        discipline: None,
        eval: None,
        family_first: None,
        add_on: false,
        note: "",
    }
}
const fn untimed(code: &'static str, description: &'static str) -> CodeInfo {
    CodeInfo {
        code,
        description,
        counting: Counting::Untimed,
        discipline: None,
        eval: None,
        family_first: None,
        add_on: false,
        note: "",
    }
}
const fn eval(
    code: &'static str,
    description: &'static str,
    d: Discipline,
    kind: EvalKind,
) -> CodeInfo {
    CodeInfo {
        code,
        description,
        counting: Counting::Untimed,
        discipline: Some(d),
        eval: Some(kind),
        family_first: None,
        add_on: false,
        note: "",
    }
}
const fn slp(code: &'static str, description: &'static str) -> CodeInfo {
    CodeInfo {
        code,
        description,
        counting: Counting::Untimed,
        discipline: Some(Discipline::SLP),
        eval: None,
        family_first: None,
        add_on: false,
        note: "",
    }
}
const fn with_note(mut c: CodeInfo, note: &'static str) -> CodeInfo {
    c.note = note;
    c
}

use Discipline::{OT, PT, SLP};
use EvalKind::{Evaluation, Reevaluation, SlpEvaluation};

/// Every code, sorted by code (binary-searched).
pub static CODES: &[CodeInfo] = &[
    slp(
        "92507",
        "Treatment of speech, language, voice, communication and/or auditory processing disorder",
    ),
    slp(
        "92508",
        "Treatment of speech, language, voice, communication disorder, group",
    ),
    eval("92521", "Evaluation of speech fluency", SLP, SlpEvaluation),
    eval(
        "92522",
        "Evaluation of speech sound production",
        SLP,
        SlpEvaluation,
    ),
    eval(
        "92523",
        "Evaluation of speech sound production with language comprehension and expression",
        SLP,
        SlpEvaluation,
    ),
    eval(
        "92524",
        "Behavioral and qualitative analysis of voice and resonance",
        SLP,
        SlpEvaluation,
    ),
    slp(
        "92526",
        "Treatment of swallowing dysfunction and/or oral function for feeding",
    ),
    CodeInfo {
        counting: Counting::Block {
            minutes: 60,
            first: None,
        },
        ..slp(
            "92605",
            "Evaluation for non-speech-generating AAC device, first hour",
        )
    },
    CodeInfo {
        counting: Counting::Block {
            minutes: 60,
            first: None,
        },
        ..slp(
            "92607",
            "Evaluation for speech-generating AAC device, first hour",
        )
    },
    CodeInfo {
        counting: Counting::Block {
            minutes: 30,
            first: Some("92607"),
        },
        add_on: true,
        ..slp(
            "92608",
            "Evaluation for speech-generating AAC device, each additional 30 minutes",
        )
    },
    eval(
        "92610",
        "Evaluation of oral and pharyngeal swallowing function",
        SLP,
        SlpEvaluation,
    ),
    with_note(
        eval(
            "92611",
            "Motion fluoroscopic evaluation of swallowing function by cine or video recording",
            SLP,
            SlpEvaluation,
        ),
        "Instrumental swallow study (modified barium swallow); the radiologist bills the imaging separately.",
    ),
    with_note(
        eval(
            "92612",
            "Flexible endoscopic evaluation of swallowing by cine or video recording",
            SLP,
            SlpEvaluation,
        ),
        "Instrumental swallow study (FEES).",
    ),
    CodeInfo {
        counting: Counting::Block {
            minutes: 30,
            first: Some("92605"),
        },
        add_on: true,
        ..slp(
            "92618",
            "Evaluation for non-speech-generating AAC device, each additional 30 minutes",
        )
    },
    CodeInfo {
        counting: Counting::Block {
            minutes: 60,
            first: None,
        },
        ..slp("96105", "Assessment of aphasia, per hour")
    },
    CodeInfo {
        counting: Counting::Block {
            minutes: 60,
            first: None,
        },
        ..slp(
            "96125",
            "Standardized cognitive performance testing, per hour",
        )
    },
    untimed("97010", "Hot or cold packs"),
    untimed("97012", "Mechanical traction"),
    with_note(
        untimed("97014", "Electrical stimulation, unattended"),
        "Medicare uses G0283 instead",
    ),
    with_note(
        untimed("97016", "Vasopneumatic device"),
        "untimed per majority listing (UNCONFIRMED individually)",
    ),
    untimed("97018", "Paraffin bath"),
    untimed("97022", "Whirlpool"),
    untimed("97024", "Diathermy"),
    with_note(
        untimed("97026", "Infrared"),
        "untimed per majority listing (UNCONFIRMED individually)",
    ),
    untimed("97028", "Ultraviolet"),
    timed("97032", "Electrical stimulation, manual, each 15 minutes"),
    with_note(
        timed("97033", "Iontophoresis, each 15 minutes"),
        "one source lists it untimed; most list it timed",
    ),
    with_note(
        timed("97034", "Contrast baths, each 15 minutes"),
        "constant-attendance range (UNCONFIRMED individually)",
    ),
    timed("97035", "Ultrasound, each 15 minutes"),
    with_note(
        timed("97036", "Hubbard tank, each 15 minutes"),
        "constant-attendance range (UNCONFIRMED individually)",
    ),
    timed("97110", "Therapeutic exercise, each 15 minutes"),
    timed("97112", "Neuromuscular re-education, each 15 minutes"),
    timed("97113", "Aquatic therapy, each 15 minutes"),
    timed("97116", "Gait training, each 15 minutes"),
    timed("97124", "Massage, each 15 minutes"),
    CodeInfo {
        family_first: Some("97129"),
        ..timed("97129", "Cognitive function intervention, first 15 minutes")
    },
    CodeInfo {
        family_first: Some("97129"),
        add_on: true,
        ..timed(
            "97130",
            "Cognitive function intervention, each additional 15 minutes",
        )
    },
    timed("97140", "Manual therapy, each 15 minutes"),
    untimed("97150", "Therapeutic procedure, group (2 or more)"),
    eval(
        "97161",
        "PT evaluation, low complexity",
        PT,
        Evaluation { level: 0 },
    ),
    eval(
        "97162",
        "PT evaluation, moderate complexity",
        PT,
        Evaluation { level: 1 },
    ),
    eval(
        "97163",
        "PT evaluation, high complexity",
        PT,
        Evaluation { level: 2 },
    ),
    eval("97164", "PT re-evaluation", PT, Reevaluation),
    eval(
        "97165",
        "OT evaluation, low complexity",
        OT,
        Evaluation { level: 0 },
    ),
    eval(
        "97166",
        "OT evaluation, moderate complexity",
        OT,
        Evaluation { level: 1 },
    ),
    eval(
        "97167",
        "OT evaluation, high complexity",
        OT,
        Evaluation { level: 2 },
    ),
    eval("97168", "OT re-evaluation", OT, Reevaluation),
    timed("97530", "Therapeutic activities, each 15 minutes"),
    timed("97533", "Sensory integrative techniques, each 15 minutes"),
    with_note(
        timed(
            "97535",
            "Self-care/home management training, each 15 minutes",
        ),
        "timed (UNCONFIRMED individually)",
    ),
    with_note(
        timed(
            "97537",
            "Community/work reintegration training, each 15 minutes",
        ),
        "timed (UNCONFIRMED individually)",
    ),
    with_note(
        timed("97542", "Wheelchair management training, each 15 minutes"),
        "timed (UNCONFIRMED individually)",
    ),
    with_note(
        untimed(
            "97605",
            "Negative pressure wound therapy, durable, ≤ 50 cm²",
        ),
        "per session",
    ),
    with_note(
        untimed(
            "97606",
            "Negative pressure wound therapy, durable, > 50 cm²",
        ),
        "per session",
    ),
    with_note(
        untimed(
            "97607",
            "Negative pressure wound therapy, disposable, ≤ 50 cm²",
        ),
        "per session",
    ),
    with_note(
        untimed(
            "97608",
            "Negative pressure wound therapy, disposable, > 50 cm²",
        ),
        "per session",
    ),
    timed(
        "97750",
        "Physical performance test or measurement, each 15 minutes",
    ),
    with_note(
        timed("97755", "Assistive technology assessment, each 15 minutes"),
        "timed (UNCONFIRMED)",
    ),
    timed("97760", "Orthotic management and training, each 15 minutes"),
    with_note(
        timed("97761", "Prosthetic training, each 15 minutes"),
        "timed (UNCONFIRMED individually)",
    ),
    with_note(
        timed(
            "97763",
            "Orthotic/prosthetic management, subsequent encounter, each 15 minutes",
        ),
        "timed (UNCONFIRMED individually)",
    ),
    untimed("G0283", "Electrical stimulation, unattended (Medicare)"),
];

/// The primary code an add-on code is billed with (97129 for 97130, 92605 for 92618, 92607
/// for 92608).
pub fn primary_of(info: &CodeInfo) -> &'static str {
    match info.counting {
        Counting::Block { first: Some(f), .. } => f,
        _ => info.family_first.unwrap_or(info.code),
    }
}

/// Looks a code up (codes are upper-cased by the parser).
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    // Every code is a few ASCII bytes: the search compares numbers that sort as the codes do
    // (a string comparison is a call and a `memcmp` at `opt-level = "z"`, and a check looks
    // codes up dozens of times).
    static KEYS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| CODES.iter().map(|c| key(c.code)).collect());
    keys.binary_search(&key(code))
        .ok()
        .and_then(|i| CODES.get(i))
        .filter(|c| c.code == code)
}

/// `code`'s first eight bytes as a big-endian number (zeros after a shorter code): codes of
/// bytes other than zero sort as their keys do. Distinct codes of the table have distinct keys
/// (a test checks it); [`lookup`] compares the code it finds with the one asked for.
fn key(code: &str) -> u64 {
    let mut k = 0u64;
    for i in 0..8 {
        k = (k << 8) | u64::from(code.as_bytes().get(i).copied().unwrap_or(0));
    }
    k
}

/// Whether `code` has the shape of a CPT (5 digits, or 4 digits + letter) or HCPCS level II
/// (letter + 4 digits) code.
pub fn looks_like_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && (b.iter().all(u8::is_ascii_digit)
            || (b.iter().take(4).all(u8::is_ascii_digit)
                && b.get(4).is_some_and(u8::is_ascii_uppercase))
            || (b.first().is_some_and(u8::is_ascii_uppercase)
                && b.iter().skip(1).all(u8::is_ascii_digit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique() {
        for pair in CODES.windows(2) {
            if let [a, b] = pair {
                assert!(a.code < b.code, "{} must come before {}", a.code, b.code);
                assert!(key(a.code) < key(b.code), "{} and {} keys", a.code, b.code);
            }
        }
    }

    #[test]
    fn lookup_finds_every_code() {
        for c in CODES {
            assert_eq!(lookup(c.code).map(|x| x.code), Some(c.code));
        }
        assert!(lookup("99999").is_none());
    }

    #[test]
    fn code_shapes() {
        assert!(looks_like_code("97110"));
        assert!(looks_like_code("G0283"));
        assert!(looks_like_code("0001F"));
        assert!(!looks_like_code("9711"));
        assert!(!looks_like_code("ABCDE"));
    }
}
