//! Temporary: the scanners against the regular expressions they replace, on the test
//! corpus's texts and on generated text. Removed with the `regex-lite` dev-dependency.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::string_slice)]
use super::reading::Status;
use super::scan;
use proptest::prelude::*;
use regex_lite::Regex;

struct P {
    heading: Regex,
    label: Regex,
    numbered: Regex,
    other_heading: Regex,
    status: Regex,
    measured: Regex,
    timeframe: Regex,
    all_goals: Regex,
    frequency: Regex,
    duration: Regex,
    visits: Regex,
}

fn re(p: &str) -> Result<Regex, regex_lite::Error> {
    Regex::new(p)
}

fn pats() -> P {
    let term = r"(?:stgs?|ltgs?|short[- ]?term\s+goals?|long[- ]?term\s+goals?|goals?)";
    P {
            heading: re(
                r"(?i)^(?:(?:short|long)[- ]?term\s+)?(?:goals?|stgs?|ltgs?)(?:\s*(?:and|&|/)\s*(?:status|progress|outcomes?))?(?:\s+status)?\s*(?:\([^)\n]{0,30}\))?\s*(?::\s*(?P<rest>.*)|$)",
            )
            .unwrap(),
            label: re(&format!(
                r"(?i)(?:^\s*|[.;:]\s+|\s{{2,}})(?P<label>(?P<term>{term})\s*#?\s*(?P<num>\d{{1,2}}|[a-h](?:\b|\)))?)\s*(?:\([^)\n]{{0,30}}\))?\s*(?:[:.)\-–—]|$)"
            ))
            .unwrap(),
            numbered: re(r"^(?:#\s*(?P<a>\d{1,2})|(?P<b>\d{1,2})\s*[.):]|\(?(?P<c>[a-h])[.)])\s+").unwrap(),
            other_heading: re(
                r"(?i)^(?:[soap]|subjective|objective|assessment|impression|plan|p\s*/\s*o\s*c|plan\s+of\s+care|frequency|duration|interventions?|treatment|response|education|hep|home\s+program|signature|signed|diagnos[ie]s|history|prognosis|rehab\s+potential|problems?|summary|discharge\s+(?:status|plan|summary)|reason\s+for\s+discharge|recommendations?|totals?|total\s+\w+(?:\s+\w+)?)\s*:",
            )
            .unwrap(),
            status: re(
                r"(?i)\b(?:(?P<not>not\s+(?:yet\s+)?(?:met|achieved|attained)|unmet)|(?P<partly>part(?:ial)?l?y\s+(?:met|achieved|attained)|partial(?:ly)?)|(?P<met>met|achieved|attained)|(?P<ongoing>progressing|ongoing|in\s+progress|continu(?:e|es|ed|ing))|(?P<dc>discontinued|deferred|d/?c'?d)|(?P<revised>revised|upgraded|downgraded))\b",
            )
            .unwrap(),
            measured: re(
                r"(?i)\b(?:now|currently|current(?:ly)?[ \t]*:|today)[ \t]*:?[ \t]*[^.;\n\d]*\d|\bfrom[ \t]+[^.;\n\d]*\d[^.;\n]*?\bto[ \t]+[^.;\n\d]*\d|\d[ \t]*(?:°|deg|ft|%|/\d\d?|[ \t]?s|[ \t]?sec|[ \t]?min)?[ \t]*(?:->|→|=>)[ \t]*\d|\((?:was|baseline|initial(?:ly)?|eval[a-z]*|ie)\b[^)\n\d]*\d",
            )
            .unwrap(),
            timeframe: re(
                r"(?i)\(\s*\d{1,2}\s*(?:-\s*\d{1,2}\s*)?(?:d|days?|wks?|weeks?|mos?|months?|visits?|sessions?)\s*\)|\b(?:in|within|by|over|x|for)\s+\d{1,2}\s*(?:-\s*\d{1,2}\s*)?(?:d|days?|wks?|weeks?|mos?|months?|visits?|sessions?)\b|\bby\s+(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|d/?c|discharge|end\s+of\s+(?:poc|plan|episode|cert\w*))",
            )
            .unwrap(),
            all_goals: re(
                r"(?i)\b(?:all\s+(?:(?P<t1>short|long)[- ]?term\s+|(?P<t2>stg|ltg)s?\s+)?goals?|all\s+(?P<t3>stg|ltg)s|(?P<t4>stg|ltg)s\s+(?:1\s*(?:-|–|through|to)\s*\d|all))\s+(?:were\s+|was\s+|have\s+been\s+|are\s+|now\s+)?(?P<st>met|achieved|attained|partially\s+met|not\s+met|discontinued)\b",
            )
            .unwrap(),
            frequency: re(
                r"(?i)\b(?:(?P<lo>[1-7])\s*(?:-|–|to)\s*)?(?P<n>[1-7])\s*(?:x|times?)\s*(?:/|per|a|an|each|every)?\s*(?:wk|week)s?\b|\b(?P<w>once|twice|one|two|three|four|five)\s+(?:times\s+)?(?:a|per|/|each|every)\s+week\b|\b(?P<abbr>biw|tiw|qw|2xwk|3xwk)\b",
            )
            .unwrap(),
            duration: re(
                r"(?i)(?:\b(?:for|x|×|over|duration\s*:?)\s*(?:(?P<lo>\d{1,2})\s*(?:-|–|to)\s*)?(?P<n>\d{1,2})\s*(?:wks?|weeks?)\b|(?:^|[\s,;(])(?:(?P<lo2>\d{1,2})\s*(?:-|–|to)\s*)?(?P<n2>\d{1,2})\s*(?:wks?|weeks?)\b)",
            )
            .unwrap(),
            visits: re(r"(?i)\b(?P<n>\d{1,3})\s*(?:total\s+)?(?:visits|sessions|treatments)\b").unwrap(),
        }
}

fn sp(m: Option<regex_lite::Match<'_>>) -> Option<(usize, usize)> {
    m.map(|m| (m.start(), m.end()))
}

fn term(t: &str) -> Option<super::reading::Term> {
    let w = t.to_ascii_lowercase();
    if w.starts_with("stg") || w.starts_with("short") {
        Some(super::reading::Term::Short)
    } else if w.starts_with("ltg") || w.starts_with("long") {
        Some(super::reading::Term::Long)
    } else {
        None
    }
}

fn compare(p: &P, t: &str) {
    // heading
    let old = p
        .heading
        .captures(t)
        .map(|c| c.name("rest").map(|m| m.start()));
    assert_eq!(scan::heading(t), old, "heading {t:?}");
    // label at 0 and all labels
    let old = p
        .label
        .captures(t)
        .filter(|c| c.get(0).unwrap().start() == 0)
        .map(|c| {
            (
                0,
                c.name("label").unwrap().start(),
                sp(c.name("term")).unwrap(),
                sp(c.name("num")),
                c.get(0).unwrap().end(),
            )
        });
    let new = scan::label_at(t, 0).map(|l| (l.start, l.label, l.term, l.num, l.end));
    assert_eq!(new, old, "label_at {t:?}");
    let old: Vec<_> = p
        .label
        .captures_iter(t)
        .map(|c| {
            (
                c.get(0).unwrap().start(),
                c.name("label").unwrap().start(),
                sp(c.name("term")).unwrap(),
                sp(c.name("num")),
                c.get(0).unwrap().end(),
            )
        })
        .collect();
    let new: Vec<_> = scan::labels(t)
        .into_iter()
        .map(|l| (l.start, l.label, l.term, l.num, l.end))
        .collect();
    assert_eq!(new, old, "labels {t:?}");
    // numbered
    let old = p.numbered.captures(t).map(|c| {
        (
            sp(c.name("a").or_else(|| c.name("b")).or_else(|| c.name("c"))).unwrap(),
            c.get(0).unwrap().end(),
        )
    });
    assert_eq!(scan::numbered(t), old, "numbered {t:?}");
    assert_eq!(
        scan::other_heading(t),
        p.other_heading.is_match(t),
        "other_heading {t:?}"
    );
    // status
    let old = p.status.captures(t).map(|c| {
        let m = c.get(0).unwrap();
        let st = if c.name("not").is_some() {
            Status::NotMet
        } else if c.name("partly").is_some() {
            Status::PartlyMet
        } else if c.name("met").is_some() {
            Status::Met
        } else if c.name("ongoing").is_some() {
            Status::Ongoing
        } else if c.name("dc").is_some() {
            Status::Discontinued
        } else {
            Status::Revised
        };
        (st, m.start(), m.end())
    });
    assert_eq!(scan::status(t), old, "status {t:?}");
    assert_eq!(scan::measured(t), sp(p.measured.find(t)), "measured {t:?}");
    let old: Vec<_> = p
        .timeframe
        .find_iter(t)
        .map(|m| (m.start(), m.end()))
        .collect();
    assert_eq!(scan::timeframes(t), old, "timeframes {t:?}");
    let old: Vec<_> = p
        .all_goals
        .captures_iter(t)
        .map(|c| {
            let m = c.get(0).unwrap();
            let tt = c
                .name("t1")
                .or_else(|| c.name("t2"))
                .or_else(|| c.name("t3"))
                .or_else(|| c.name("t4"))
                .and_then(|x| term(x.as_str()));
            let st = c.name("st").unwrap().as_str().to_ascii_lowercase();
            let status = if st.starts_with("partial") {
                Status::PartlyMet
            } else if st.starts_with("not") {
                Status::NotMet
            } else if st.starts_with("disc") {
                Status::Discontinued
            } else {
                Status::Met
            };
            (m.start(), m.end(), tt, status)
        })
        .collect();
    let new: Vec<_> = scan::all_goals(t)
        .into_iter()
        .map(|m| (m.start, m.end, m.term, m.status))
        .collect();
    assert_eq!(new, old, "all_goals {t:?}");
    let old = p.frequency.captures(t).map(|c| {
        let n = c
            .name("n")
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .or_else(|| {
                c.name("w")
                    .map(|w| match w.as_str().to_ascii_lowercase().as_str() {
                        "once" | "one" => 1,
                        "twice" | "two" => 2,
                        "three" => 3,
                        "four" => 4,
                        _ => 5,
                    })
            })
            .or_else(|| {
                c.name("abbr")
                    .map(|a| match a.as_str().to_ascii_lowercase().as_str() {
                        "qw" => 1,
                        "biw" | "2xwk" => 2,
                        _ => 3,
                    })
            })
            .unwrap();
        let lo = c.name("lo").and_then(|m| m.as_str().parse::<u32>().ok());
        let m = c.get(0).unwrap();
        (m.start(), m.end(), n, lo)
    });
    assert_eq!(
        scan::frequency(t).map(|f| (f.start, f.end, f.n, f.lo)),
        old,
        "frequency {t:?}"
    );
    let old = p.duration.captures(t).map(|d| {
        let n = d
            .name("n")
            .or_else(|| d.name("n2"))
            .and_then(|m| m.as_str().parse::<u32>().ok())
            .unwrap();
        let lo = d
            .name("lo")
            .or_else(|| d.name("lo2"))
            .and_then(|m| m.as_str().parse::<u32>().ok());
        (d.get(0).unwrap().end(), n, lo)
    });
    assert_eq!(scan::duration(t), old, "duration {t:?}");
    let old = p.visits.captures(t).map(|c| {
        let m = c.get(0).unwrap();
        (
            m.start(),
            m.end(),
            c.name("n").unwrap().as_str().parse::<u32>().unwrap(),
        )
    });
    assert_eq!(scan::visits(t), old, "visits {t:?}");
}

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if let Ok(text) = std::fs::read_to_string(&p) {
            if p.extension().is_some_and(|x| x == "json") {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
                    strings(&v, out);
                }
            } else if p.extension().is_some_and(|x| x == "jsonl") {
                for l in text.lines() {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
                        strings(&v, out);
                    }
                }
            } else {
                out.push(text);
            }
        }
    }
}

#[test]
fn scanners_match_the_patterns_on_every_text() {
    let p = pats();
    let mut texts = Vec::new();
    walk(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests")),
        &mut texts,
    );
    if let Ok(extra) = std::env::var("SCAN_DIFF_DIR") {
        walk(std::path::Path::new(&extra), &mut texts);
    }
    let mut n = 0;
    for t in &texts {
        compare(&p, t);
        n += 1;
        for line in t.split('\n') {
            compare(&p, line);
            n += 1;
            // the suffixes after each word, as the reader passes them
            for (i, _) in line
                .char_indices()
                .filter(|(i, _)| line.len() < 400 && *i > 0 && line.as_bytes()[i - 1] == b' ')
            {
                compare(&p, &line[i..]);
                n += 1;
            }
        }
    }
    eprintln!("compared {n} texts from {} files", texts.len());
}

const TOKENS: &[&str] = &[
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\u{b}",
    "\u{c}",
    "\u{a0}",
    ".",
    ";",
    ":",
    ",",
    "(",
    ")",
    "-",
    "–",
    "—",
    "#",
    "/",
    "'",
    "_",
    "é",
    "ſ",
    "K",
    "°",
    "→",
    "->",
    "=>",
    "×",
    "x",
    "X",
    "0",
    "1",
    "2",
    "3",
    "7",
    "8",
    "9",
    "12",
    "123",
    "1234",
    "stg",
    "STG",
    "stgs",
    "ltg",
    "LTGs",
    "goal",
    "Goals",
    "short",
    "long",
    "Short-term",
    "long term",
    "term",
    "and",
    "&",
    "status",
    "progress",
    "outcome",
    "outcomes",
    "a",
    "b",
    "h",
    "i",
    "A",
    "(a)",
    "s",
    "o",
    "p",
    "plan",
    "of",
    "care",
    "total",
    "time",
    "discharge",
    "summary",
    "reason",
    "for",
    "home",
    "program",
    "rehab",
    "potential",
    "p / o / c",
    "diagnosis",
    "problems",
    "hep",
    "met",
    "not",
    "yet",
    "unmet",
    "partially",
    "partly",
    "partial",
    "party",
    "part",
    "ial",
    "achieved",
    "attained",
    "progressing",
    "ongoing",
    "in",
    "continue",
    "continues",
    "continuing",
    "continu",
    "discontinued",
    "deferred",
    "d/c'd",
    "dcd",
    "dc",
    "d/c",
    "d",
    "revised",
    "upgraded",
    "now",
    "currently",
    "current",
    "today",
    "from",
    "to",
    "was",
    "baseline",
    "initially",
    "eval",
    "evaluation",
    "ie",
    "deg",
    "ft",
    "%",
    "sec",
    "min",
    "days",
    "wk",
    "wks",
    "week",
    "weeks",
    "mo",
    "months",
    "visit",
    "visits",
    "session",
    "sessions",
    "treatments",
    "within",
    "by",
    "over",
    "end",
    "poc",
    "episode",
    "cert",
    "certification",
    "all",
    "were",
    "have",
    "been",
    "are",
    "through",
    "times",
    "time",
    "per",
    "an",
    "each",
    "every",
    "once",
    "twice",
    "one",
    "two",
    "three",
    "five",
    "biw",
    "tiw",
    "qw",
    "2xwk",
    "3xwk",
    "duration",
    "frequency",
    "Plan",
    "A",
    "S",
    "objective",
    "interventions",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 20000, .. ProptestConfig::default() })]
    #[test]
    fn scanners_match_the_patterns_on_generated_text(toks in proptest::collection::vec(0..TOKENS.len(), 0..14), seps in proptest::collection::vec(0..4usize, 14)) {
        let p = pats_cached();
        let mut t = String::new();
        for (k, i) in toks.iter().enumerate() {
            t.push_str(TOKENS[*i]);
            match seps[k] { 0 => t.push(' '), 1 => {}, 2 => t.push_str("  "), _ => t.push('.') }
        }
        compare(p, &t);
        if let Some((_, rest)) = t.split_once(' ') { compare(p, rest); }
    }
}

fn pats_cached() -> &'static P {
    static C: std::sync::OnceLock<P> = std::sync::OnceLock::new();
    C.get_or_init(pats)
}
