//! One name for each standardized measure, whatever spelling a note uses ("BBS", "Berg",
//! "Berg Balance Scale" are one measure), so that the episode can tell whether a measure
//! scored at the evaluation is scored again later.
//!
//! The table is data a clinician can review: a measure's name as reports show it, then the
//! spellings that name it (compared lower-case, without spaces, dashes or dots). A spelling
//! not in the table is its own measure.

/// (name shown, spellings).
pub static MEASURES: &[(&str, &[&str])] = &[
    (
        "Berg Balance Scale",
        &["bbs", "berg", "bergbalance", "bergbalancescale"],
    ),
    ("Timed Up and Go", &["tug", "timedupandgo"]),
    (
        "6-Minute Walk Test",
        &[
            "6mwt",
            "sixminutewalk",
            "sixminutewalktest",
            "6minutewalk",
            "6minutewalktest",
        ],
    ),
    (
        "2-Minute Walk Test",
        &[
            "2mwt",
            "twominutewalk",
            "2minutewalk",
            "2minutewalktest",
            "twominutewalktest",
        ],
    ),
    (
        "10-Meter Walk Test",
        &[
            "10mwt",
            "tenmeterwalk",
            "10meterwalk",
            "10mwalk",
            "tenmwalk",
            "10meterwalktest",
            "tenmeterwalktest",
        ],
    ),
    ("Gait speed", &["gaitspeed"]),
    (
        "Lower Extremity Functional Scale",
        &["lefs", "lowerextremityfunctionalscale"],
    ),
    ("Oswestry Disability Index", &["odi", "oswestry"]),
    ("Neck Disability Index", &["ndi", "neckdisabilityindex"]),
    ("QuickDASH", &["quickdash", "qdash"]),
    ("DASH", &["dash"]),
    ("FOTO", &["foto"]),
    (
        "Canadian Occupational Performance Measure",
        &["copm", "canadianoccupationalperformance"],
    ),
    (
        "Patient-Specific Functional Scale",
        &["psfs", "patientspecificfunctionalscale"],
    ),
    (
        "Activities-specific Balance Confidence Scale",
        &["abc", "activitiesspecificbalanceconfidence"],
    ),
    ("Dynamic Gait Index", &["dgi", "dynamicgaitindex"]),
    (
        "Functional Gait Assessment",
        &["fga", "functionalgaitassessment"],
    ),
    (
        "Five Times Sit to Stand",
        &[
            "5xsts",
            "ftsts",
            "5xsts",
            "fivetimessittostand",
            "5timessittostand",
        ],
    ),
    (
        "30-Second Chair Stand",
        &[
            "30scst",
            "30seccst",
            "30cst",
            "30secondchairstand",
            "30schairstand",
            "30secchairstand",
            "30secondchairrise",
        ],
    ),
    ("Tinetti", &["tinetti", "poma"]),
    ("Functional Reach", &["frt", "functionalreach"]),
    ("Mini-BESTest", &["minibestest", "bestest"]),
    (
        "Nine-Hole Peg Test",
        &["9hpt", "nhpt", "nineholepeg", "9holepeg"],
    ),
    (
        "Box and Block Test",
        &["bbt", "boxandblock", "boxandblocks"],
    ),
    ("Action Research Arm Test", &["arat", "actionresearcharm"]),
    ("Fugl-Meyer Assessment", &["fma", "fuglmeyer"]),
    (
        "Functional Independence Measure",
        &["fim", "functionalindependencemeasure"],
    ),
    ("Barthel Index", &["barthel"]),
    (
        "Western Aphasia Battery",
        &["wab", "wabr", "westernaphasia"],
    ),
    ("Boston Naming Test", &["bnt", "bostonnaming"]),
    (
        "Functional Oral Intake Scale",
        &["fois", "functionaloralintake"],
    ),
    ("EAT-10", &["eat10"]),
    (
        "Montreal Cognitive Assessment",
        &["moca", "montrealcognitive"],
    ),
    ("SLUMS", &["slums", "saintlouisuniversity"]),
    ("KOOS", &["koos", "koosjr"]),
    ("HOOS", &["hoos", "hoosjr"]),
    ("SPADI", &["spadi"]),
    (
        "Dizziness Handicap Inventory",
        &["dhi", "dizzinesshandicapinventory"],
    ),
    ("Roland-Morris", &["rolandmorris"]),
    (
        "Voice Handicap Index",
        &["vhi", "vhi10", "voicehandicapindex"],
    ),
    ("PROMIS", &["promis"]),
];

/// Normalizes a spelling: lower-case ASCII letters and digits only.
fn fold(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The measure named at the start of `scored` (a scored mention such as "Berg 41/56" or
/// "LEFS: 38/80"): its display name. Unknown names are returned folded.
pub fn canonical(scored: &str) -> String {
    // The name is what comes before the first digit that follows a space or colon (a name
    // may hold digits itself: "6MWT", "EAT-10", "9-hole peg").
    let mut name_end = scored.len();
    let mut prev_sep = false;
    for (i, c) in scored.char_indices() {
        if c.is_ascii_digit() && prev_sep && i > 0 {
            name_end = i;
            break;
        }
        prev_sep = c == ' ' || c == ':' || c == '=' || c == '(';
    }
    let name = scored.get(..name_end).unwrap_or(scored);
    let folded = fold(name);
    let mut best: Option<(&str, usize)> = None;
    for (display, spellings) in MEASURES {
        for s in *spellings {
            if folded.starts_with(s) && best.map_or(true, |(_, n)| s.len() > n) {
                best = Some((display, s.len()));
            }
        }
    }
    match best {
        Some((d, _)) => d.to_string(),
        None => folded,
    }
}

#[cfg(test)]
mod tests {
    use super::canonical;

    #[test]
    fn spellings_name_one_measure() {
        assert_eq!(canonical("Berg 41/56"), "Berg Balance Scale");
        assert_eq!(canonical("BBS: 41/56"), "Berg Balance Scale");
        assert_eq!(canonical("Berg Balance Scale 44"), "Berg Balance Scale");
        assert_eq!(canonical("6MWT 310 m"), "6-Minute Walk Test");
        assert_eq!(canonical("EAT-10 12"), "EAT-10");
        assert_eq!(canonical("9-hole peg R 31 s"), "Nine-Hole Peg Test");
        assert_eq!(canonical("QuickDASH 45"), "QuickDASH");
        assert_eq!(canonical("Oswestry 38%"), "Oswestry Disability Index");
        assert_eq!(canonical("WAB-R AQ 62"), "Western Aphasia Battery");
        assert_eq!(canonical("Zzz scale 4"), "zzzscale");
        assert_eq!(canonical(""), "");
    }
}
