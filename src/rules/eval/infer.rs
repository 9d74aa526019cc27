//! Reading the evaluation's components from the note's text, for the components the
//! evaluation form (`note.evaluation`) does not record.
//!
//! Only what the text states is read: labelled lists that are counted item by item
//! ("Comorbidities: HTN, DM2, obesity"), stated counts ("2 comorbidities"), the descriptor's
//! own words near their anchor ("clinical presentation … evolving", "decision making …
//! moderate") and named standardized tests. Every value read carries the byte spans it came
//! from, so the report can show the therapist what was counted; nothing is guessed. A past
//! medical history list is not counted as history: only factors labelled as comorbidities,
//! personal factors or complicating factors are (the descriptor counts those that affect the
//! plan of care).
//!
//! The patterns are compiled once per process (a `OnceLock`).

use crate::note::Level;
use crate::span::Span;
use regex::{Captures, Regex};
use std::sync::OnceLock;

/// A value read from the text, with where it was read (byte spans of `note.text`).
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    pub value: T,
    pub spans: Vec<Span>,
    /// The text also states a different value (the lowest was taken).
    pub conflict: bool,
}

/// What the text documents about an evaluation's components.
#[derive(Debug, Clone, Default)]
pub struct EvalText {
    /// PT history: comorbidities and personal factors, counted.
    pub history: Option<Found<u32>>,
    /// Comorbidities (and complicating conditions) alone, counted (OT).
    pub comorbidities: Option<Found<u32>>,
    pub exam_elements: Option<Found<u32>>,
    /// `stable`, `evolving`, `unstable`.
    pub presentation: Option<Found<&'static str>>,
    pub decision: Option<Found<Level>>,
    /// Standardized instruments named: canonical name and span.
    pub tests: Vec<(&'static str, Span)>,
    /// `brief`, `expanded`, `extensive`.
    pub profile: Option<Found<&'static str>>,
    pub deficits: Option<Found<u32>>,
    /// `none`, `minimalToModerate`, `significant`.
    pub task_modification: Option<Found<&'static str>>,
}

/// The kinds of reason Medicare accepts for a re-evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonKind {
    NewFindings,
    SignificantChange,
    FailureToRespond,
}

impl ReasonKind {
    pub fn describe(self) -> &'static str {
        match self {
            Self::NewFindings => "new clinical findings",
            Self::SignificantChange => "a significant change in condition",
            Self::FailureToRespond => "failure to respond to treatment",
        }
    }
}

/// Reasons for a re-evaluation found in a text.
#[derive(Debug, Clone, Default)]
pub struct ReasonScan {
    pub accepted: Vec<(ReasonKind, Span)>,
    /// "routine", "every 30 days", "per protocol", "progress report due": not reasons.
    pub routine: Vec<Span>,
}

struct Patterns {
    history_label: Regex,
    history_count: Regex,
    exam_label: Regex,
    exam_count: Regex,
    deficit_label: Regex,
    deficit_count: Regex,
    next_label: Regex,
    list_comment: Regex,
    comorbid_affect: Regex,
    sub_label_line: Regex,
    none_list: Regex,
    presentation: Regex,
    decision: Regex,
    profile: Regex,
    task: Regex,
    tests: Regex,
    reason: Regex,
    /// Events that change a patient's condition (surgery, a TIA, a re-injury), read alone
    /// in `evaluation.reevaluationReason` (in the text they need a cue such as "after").
    event: Regex,
    routine: Regex,
    negation: Regex,
}

/// Events that change the patient's condition and so call for a re-evaluation.
const EVENTS: &str = r"surgery|surgical|post-?op(?:erative(?:ly)?)?|arthroplasty|ORIF|repair|replacement|fusion|amputation|TIA|transient\s+ischemic\s+attack|stroke|CVA|myocardial\s+infarction|fractures?|fx|sprain|re-?injur(?:y|ed)|injury|falls?|hospitali[sz]ation|admission|infection|deep\s+brain\s+stimulation|DBS|seizures?|flare(?:-?up)?|exacerbation";

const NUMBER: &str = r"(?P<n>\d{1,2}|no|zero|one|two|three|four|five|six|seven|eight|nine|ten)";

/// Standardized instruments and functional outcome measures: canonical name, pattern.
/// Acronyms are case-sensitive so that ordinary words ("tug", "dash") do not count.
const TESTS: &[(&str, &str)] = &[
    ("LEFS", r"(?-i:LEFS)|lower extremity functional scale"),
    ("Oswestry (ODI)", r"(?-i:ODI)|oswestry"),
    ("Neck Disability Index", r"(?-i:NDI)|neck disability index"),
    ("KOOS", r"(?-i:KOOS)(?:[- ]?JR)?"),
    ("HOOS", r"(?-i:HOOS)(?:[- ]?JR)?"),
    ("WOMAC", r"(?-i:WOMAC)"),
    ("DASH", r"(?-i:(?:Quick ?|Q)?DASH)"),
    ("PSFS", r"(?-i:PSFS)|patient[- ]specific functional scale"),
    ("FOTO", r"(?-i:FOTO)"),
    ("Timed Up and Go", r"(?-i:TUG)|timed up (?:and|&) go"),
    (
        "Berg Balance Scale",
        r"berg balance(?: scale)?|(?-i:BBS)|(?-i:Berg)",
    ),
    ("Tinetti", r"tinetti|(?-i:POMA)"),
    ("Dynamic Gait Index", r"(?-i:DGI)|dynamic gait index"),
    (
        "Functional Gait Assessment",
        r"(?-i:FGA)|functional gait assessment",
    ),
    (
        "6-Minute Walk Test",
        r"(?-i:6MWT)|6[- ]?min(?:ute)? walk(?: test)?|six[- ]minute walk(?: test)?",
    ),
    (
        "10-Meter Walk Test",
        r"(?-i:10MWT)|10[- ]?m(?:eter|etre)? walk(?: test)?",
    ),
    (
        "Five Times Sit to Stand",
        r"5 ?x ?(?-i:STS)|(?-i:FTSTS)|five times sit[- ]to[- ]stand",
    ),
    (
        "30-Second Chair Stand",
        r"30[- ]?s(?:ec(?:ond)?)? chair stand(?: test)?|30 ?s ?(?-i:CST)",
    ),
    (
        "ABC Scale",
        r"(?-i:ABC) scale|activities[- ]specific balance confidence",
    ),
    ("Mini-BESTest", r"mini[- ]?bestest"),
    ("SPPB", r"(?-i:SPPB)|short physical performance battery"),
    ("FIM", r"(?-i:FIM)"),
    ("Barthel Index", r"barthel(?: index)?"),
    (
        "COPM",
        r"(?-i:COPM)|canadian occupational performance measure",
    ),
    ("AM-PAC", r"(?-i:AM-?PAC)"),
    ("MoCA", r"(?-i:MoCA)|montreal cognitive assessment"),
    ("SLUMS", r"(?-i:SLUMS)"),
    ("MMSE", r"(?-i:MMSE)|mini[- ]mental state"),
    ("Box and Block Test", r"box (?:and|&) blocks?(?: test)?"),
    (
        "Nine-Hole Peg Test",
        r"(?:nine|9)[- ]hole peg(?: test)?|(?-i:9HPT)",
    ),
    ("Jebsen-Taylor", r"jebsen(?:[- ]taylor)?"),
    ("Fugl-Meyer", r"fugl[- ]meyer"),
    ("ARAT", r"(?-i:ARAT)|action research arm test"),
    ("Grip dynamometry", r"jamar|dynamometer|dynamometry"),
    ("KELS", r"(?-i:KELS)"),
    (
        "Allen Cognitive Level Screen",
        r"(?-i:ACLS)|allen cognitive",
    ),
    ("Modified Ashworth Scale", r"ashworth"),
];

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        // Every pattern is a literal checked by the tests; a failure to compile would be a
        // programming error caught there. `never` keeps `src/` free of panics regardless.
        //
        // Word boundaries are ASCII (`(?-u:\b)`): a Unicode `\b` keeps the regex engine off its
        // fast DFA as soon as the text holds one non-ASCII character (a "°", an en dash), which
        // made a long evaluation note take many milliseconds. The anchors are English words.
        let re = |s: &str| Regex::new(&s.replace(r"\b", r"(?-u:\b)")).unwrap_or_else(|_| never());
        let tests = TESTS.iter().enumerate().map(|(i, (_, p))| format!("(?P<t{i}>{p})")).collect::<Vec<_>>().join("|");
        Patterns {
            history_label: re(
                r"(?i)\b(?P<label>(?:personal\s+factors|co-?morbidit(?:y|ies)|complicating\s+(?:factors|conditions))[^:\n.]{0,60}?)(?::|\s+(?:include|includes|including)\b)",
            ),
            history_count: re(&format!(
                r"(?i)\b{NUMBER}\s+(?:(?:relevant|significant|active|known|other|additional)\s+)?(?P<what>personal\s+factors?(?:\s+(?:and|or|and/or)\s+co-?morbidit(?:y|ies))?|co-?morbidit(?:y|ies)(?:\s+(?:and|or|and/or)\s+personal\s+factors?)?|complicating\s+(?:factors?|conditions?))\b"
            )),
            exam_label: re(
                r"(?i)\b(?:body\s+(?:structures?|functions?)(?:\s*(?:and|&|/)\s*(?:structures?|functions?))?|impairments|(?:activity|functional)\s+limitations?|participation\s+restrictions?|(?:examination|exam)\s+elements|elements\s+(?:examined|addressed|tested))[^:\n.]{0,40}:",
            ),
            exam_count: re(&format!(r"(?i)\b{NUMBER}\s+(?:exam(?:ination)?\s+)?elements\b")),
            deficit_label: re(
                r"(?i)\b(?:(?:performance|physical|cognitive|psychosocial|occupational\s+performance)\s+deficits?|deficits(?:\s+identified)?|problem\s+list)[^:\n.]{0,40}:",
            ),
            deficit_count: re(&format!(r"(?i)\b{NUMBER}\s+(?:(?:occupational\s+)?performance\s+)?deficits\b")),
            next_label: re(
                r"(?i)\s(?:(?-i:[SOAP])|plan|assessments?|goals?|prognosis|pmh|history|dx|diagnos[ie]s|tests?|standardized\s+tests|objective|subjective|clinical\s+presentation|(?:clinical\s+)?decision[- ]making|occupational\s+profile|personal\s+factors|co-?morbidit(?:y|ies)|(?:activity|functional)\s+limitations?|participation\s+restrictions?|body\s+(?:structures?|functions?)[^:\n]{0,20}|impairments|(?:performance\s+)?deficits)\s*:",
            ),
            list_comment: re(
                r"(?i)(?:,\s*(?:both|all|each|which|that|who)\b|\s+(?:that|which)\s+(?:affects?|impacts?|limits?)\b|\s+(?:affecting|impacting|limiting)\b)",
            ),
            comorbid_affect: re(
                r"(?i)\bcomorbid(?:ities)?\s+(?:of\s+)?(?P<list>[^.:;\n]{1,80}?)\s+(?:affects?|affecting|impacts?|complicates?|complicating)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:plan|poc|occupational\s+performance|rehab(?:ilitation)?|prognosis|recovery)",
            ),
            sub_label_line: re(
                r"(?i)^[ \t]*(?:physical|cognitive|psychosocial|sensory|motor|perceptual|visual|emotional|behavioral|social|functional|i?adls?|body\s+(?:structures?|functions?)|activit(?:y|ies)|participation|medical|personal)[^:\n]{0,30}:[ \t]*\S",
            ),
            none_list: re(
                r"(?i)^\s*(?:none\b|no\b|denies\b|denied\b|n/?a\b|nil\b|non-?contributory\b|unremarkable\b|not\s+applicable\b)",
            ),
            presentation: re(
                r"(?i)\bpresentation\b[^.\n]{0,40}?\b(?P<a>unstable|evolving|stable|unpredictable|uncomplicated)\b|\b(?P<b>unstable|evolving|stable)\b(?:\s+(?:and|&|/)\s*\w+)?\s+(?:clinical\s+)?presentation\b",
            ),
            decision: re(
                r"(?im)\bdecision[- ]making\b[^.\n]{0,30}?\b(?P<a>low|moderate|high)(?:[- ]complexity\b|\s+analytic\b|\s*[.,;:()]|\s*$)|\b(?P<b>low|moderate|high)(?:[- ]complexity)?\s+(?:clinical\s+)?decision[- ]making\b",
            ),
            profile: re(
                r"(?i)\b(?P<a>brief|expanded|extensive)\b[^.\n]{0,40}?\b(?:profile|history|records?|chart\s+review)\b|\b(?:occupational\s+)?profile\b[^.\n]{0,40}?\b(?P<b>brief|expanded|extensive)\b",
            ),
            task: re(concat!(
                r"(?i)\b(?P<w>no|none|minimal(?:\s*(?:-|to)\s*moderate)?|min(?:imal)?\s*(?:-|to)\s*mod(?:erate)?|moderate|significant|substantial|maximal)\s+(?:\w+\s+){0,2}?(?:modifications?\s+(?:of|to)\s+(?:tasks?|the\s+assessments?|assessments?|testing)|task\s+modifications?)\b",
                r"|\b(?:modifications?\s+(?:of|to)\s+tasks?|task\s+modifications?)(?:\s+(?:or|and|/)\s*assistance)?(?:\s+(?:with|during|for|to\s+complete)\s+(?:the\s+)?(?:assessments?|evaluation|testing))?\s*[:\-]?\s*(?:was\s+|were\s+|is\s+)?(?P<v>none|not\s+(?:needed|necessary|required)|minimal(?:\s*(?:-|to)\s*moderate)?|moderate|significant|substantial|maximal)\b",
                r"|\b(?P<x>no|minimal(?:\s*(?:-|to)\s*moderate)?|moderate|significant|substantial|maximal)\s+(?:(?:physical|verbal|tactile)\s+(?:(?:and|or|/)\s*(?:physical|verbal|tactile)\s+)?)?(?:assistance|assist|cues|cueing)\b[^.\n]{0,30}?\bto\s+complete\s+(?:the\s+)?(?:evaluation|assessments?|testing|eval)\b",
            )),
            tests: re(&format!(r"(?i)\b(?:{tests})\b")),
            reason: re(&format!(concat!(
                r"(?i)\b(?:(?P<nf>new\s+(?:clinical\s+|objective\s+)?findings?|new\s+(?:diagnos[ie]s|onset|injury|symptoms?|complaints?|impairments?|deficits?)|(?:recent|new|subsequent|another)\s+(?:fall|surgery|hospitali[sz]ation|admission)|(?:had|sustained|reports?|suffered)\s+(?:a\s+)?(?:new\s+|recent\s+)?fall|fell\s+(?:at\s+home|again|since|last|yesterday)|readmitted|re-?hospitali[sz]ed|(?:was|has\s+been)\s+hospitali[sz]ed|underwent\s+surgery)",
                r"|(?P<sc>(?:after|following|since|due\s+to|d/t|because\s+of|new|recent|another|subsequent)\s+(?:[\w/-]+\s+){{0,3}}?(?:{EVENTS})|re-?injur(?:y|ed|ies)|re-?fractur(?:e|ed)|re-?admi(?:tted|ssion)|significant(?:ly)?\s+(?:change|changed|decline|declined|improvement|improved|deterioration|worsening|worsened)|change\s+in\s+(?:(?:medical|functional|clinical|cognitive|neurological)\s+)?(?:status|condition)|(?:functional|medical|cognitive)\s+decline|declin(?:e|ed|ing)\s+in\s+(?:function|status|condition)|exacerbation|worsen(?:ed|ing)|deteriorat(?:ed|ing|ion))",
                r"|(?P<fr>fail(?:ure|ed|ing|s)?\s+to\s+(?:respond|progress|improve)|not\s+(?:responding|progressing|improving)|(?:lack|absence)\s+of\s+(?:expected\s+|measurable\s+)?(?:progress|response|improvement)|no\s+(?:measurable\s+)?progress|(?:minimal|limited|little|poor)\s+(?:progress|response|improvement)|unresponsive|plateau(?:ed|ing)?))\b",
            ), EVENTS = EVENTS)),
            event: re(&format!(r"(?i)\b(?:{EVENTS})\b")),
            routine: re(
                r"(?i)\b(?:routine(?:ly)?|every\s+\d+\s+(?:days|visits|weeks)|(?:per|by)\s+(?:clinic\s+|facility\s+|company\s+)?(?:protocol|policy)|(?:progress\s+(?:report|note)|recert(?:ification)?|re-?eval(?:uation)?)\s+(?:is\s+|was\s+)?due|\d+(?:st|nd|rd|th)\s+visit|(?:30|60|90)[- ]day\s+re-?eval(?:uation)?|scheduled\s+re-?eval(?:uation)?|as\s+scheduled|end\s+of\s+(?:the\s+)?(?:cert(?:ification)?\s+period|plan\s+of\s+care|poc))\b",
            ),
            negation: re(r"(?i)\b(?:no|not|without|denies|denied|negative\s+for|absence\s+of|rule\s+out|r/o)\s+(?:[\w/-]+\s+){0,2}$"),
        }
    })
}

/// Unreachable: the patterns are constants covered by the tests.
#[cold]
fn never() -> Regex {
    // An empty pattern always compiles.
    Regex::new("").unwrap_or_else(|_| never())
}

fn word_count(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    Some(match s.as_str() {
        "no" | "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        other => return other.parse().ok(),
    })
}

/// The byte offset at or before `i` that is a char boundary.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether the words just before `start` (same clause) negate what follows.
fn negated(text: &str, start: usize) -> bool {
    let from = floor_boundary(text, start.saturating_sub(40));
    let before = text.get(from..start).unwrap_or("");
    patterns().negation.is_match(before)
}

/// One labelled list's items (byte ranges), whether it says "none", and where it ends.
struct List {
    items: Vec<(usize, usize)>,
    none: bool,
    end: usize,
}

/// Splits `text[start..end]` into items at commas, semicolons and " and " outside
/// parentheses; returns trimmed byte ranges.
fn split_items(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let Some(seg) = text.get(start..end) else {
        return;
    };
    let bytes = seg.as_bytes();
    let mut depth = 0i32;
    let mut item_start = 0usize;
    let mut i = 0usize;
    let push = |a: usize, b: usize, out: &mut Vec<(usize, usize)>| {
        if let Some(s) = seg.get(a..b) {
            let lead = s.len() - s.trim_start().len();
            let t = s.trim().trim_end_matches(['.', ':']).trim_end();
            let lower = t.to_ascii_lowercase();
            if !t.is_empty() && !matches!(lower.as_str(), "etc" | "and" | "or" | "other") {
                out.push((start + a + lead, start + a + lead + t.len()));
            }
        }
    };
    while let Some(&b) = bytes.get(i) {
        match b {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = (depth - 1).max(0),
            b',' | b';' if depth == 0 => {
                push(item_start, i, out);
                item_start = i + 1;
            }
            b' ' if depth == 0 => {
                let w = seg.get(i..i + 5).unwrap_or("");
                if w.eq_ignore_ascii_case(" and ") || seg.get(i..i + 3) == Some(" & ") {
                    push(item_start, i, out);
                    let skip = if w.eq_ignore_ascii_case(" and ") {
                        5
                    } else {
                        3
                    };
                    item_start = i + skip;
                    i += skip;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push(item_start, seg.len(), out);
}

/// The list after a label ending at `start` (just after its colon).
fn read_list(text: &str, start: usize) -> List {
    let p = patterns();
    let line_end = text
        .get(start..)
        .and_then(|r| r.find('\n'))
        .map_or(text.len(), |i| start + i);
    let line = text.get(start..line_end).unwrap_or("");
    let mut items = Vec::new();
    if !line.trim().is_empty() {
        // The rest of the sentence on this line, up to a new label.
        let mut end = line_end;
        if let Some(i) = line.find(". ") {
            end = end.min(start + i);
        }
        if let Some(m) = p.next_label.find(line) {
            end = end.min(start + m.start());
        }
        // "…, both affecting his activity tolerance": a comment on the list, not an item.
        if let Some(m) = p.list_comment.find(line) {
            end = end.min(start + m.start());
        }
        let none = p.none_list.is_match(text.get(start..end).unwrap_or(""));
        if !none {
            split_items(text, start, end, &mut items);
        }
        return List { items, none, end };
    }
    // An empty label line: the bullet (or "Sub-label: items") lines below it.
    let mut pos = line_end + 1;
    let mut end = line_end;
    while pos < text.len() {
        let le = text
            .get(pos..)
            .and_then(|r| r.find('\n'))
            .map_or(text.len(), |i| pos + i);
        let l = text.get(pos..le).unwrap_or("");
        let t = l.trim_start();
        let bullet = t.starts_with(['-', '*', '•'])
            || (t.chars().next().is_some_and(|c| c.is_ascii_digit())
                && t.trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with(['.', ')']));
        if !(bullet || p.sub_label_line.is_match(l)) || t.is_empty() {
            break;
        }
        // Content after the marker and after a sub-label's colon.
        let mut cs = pos + (l.len() - t.len());
        if bullet {
            let marker = t
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '*' | '•' | '.' | ')')))
                .unwrap_or(t.len());
            cs += marker;
        }
        if let Some(c) = text.get(cs..le).and_then(|s| s.find(':')) {
            cs += c + 1;
        }
        let ce = text
            .get(cs..le)
            .and_then(|s| s.find(". "))
            .map_or(le, |i| cs + i);
        if !p.none_list.is_match(text.get(cs..ce).unwrap_or("")) {
            split_items(text, cs, ce, &mut items);
        }
        end = le;
        pos = le + 1;
    }
    let none = items.is_empty();
    List { items, none, end }
}

/// Counts the items of every list labelled by `label` (deduplicated by their words), with
/// `category` deciding which bucket each label's items go to. Returns per bucket
/// (count, spans, any list found).
fn count_lists(
    text: &str,
    label: &Regex,
    buckets: usize,
    category: impl Fn(&str) -> usize,
) -> Vec<(u32, Vec<Span>, bool)> {
    let mut out = vec![(0u32, Vec::new(), false); buckets];
    let mut seen: Vec<String> = Vec::new();
    let mut pos = 0;
    while let Some(c) = label.captures_at(text, pos) {
        let Some(m) = c.get(0) else { break };
        let list = read_list(text, m.end());
        let bucket = category(m.as_str());
        if let Some(slot) = out.get_mut(bucket) {
            slot.2 = true;
            if list.none {
                slot.1.push(Span::new(m.start(), list.end.max(m.end())));
            }
            for (a, b) in &list.items {
                let key = text.get(*a..*b).unwrap_or("").to_ascii_lowercase();
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                slot.0 += 1;
                slot.1.push(Span::new(*a, *b));
            }
        }
        pos = list.end.max(m.end());
    }
    out
}

/// Sums stated counts ("2 comorbidities", "no personal factors").
/// A count read from a labelled list (the first complete one), or else from phrases that
/// state it ("3 elements examined").
fn listed_or_stated(text: &str, label: &Regex, stated: &Regex) -> Option<Found<u32>> {
    match count_lists(text, label, 1, |_| 0).into_iter().next() {
        Some((n, spans, true)) => Some(Found {
            value: n,
            spans,
            conflict: false,
        }),
        _ => count_phrases(text, stated),
    }
}

fn count_phrases(text: &str, re: &Regex) -> Option<Found<u32>> {
    let mut total = 0;
    let mut spans = Vec::new();
    for c in re.captures_iter(text) {
        let (Some(m), Some(n)) = (c.get(0), c.name("n").and_then(|n| word_count(n.as_str())))
        else {
            continue;
        };
        total += n;
        spans.push(Span::new(m.start(), m.end()));
    }
    (!spans.is_empty()).then_some(Found {
        value: total,
        spans,
        conflict: false,
    })
}

/// The first named group of `names` that matched, with its match.
fn group<'t>(c: &Captures<'t>, names: &[&str]) -> Option<regex::Match<'t>> {
    names.iter().find_map(|n| c.name(n))
}

/// Reads words that map to a level, keeping the lowest when the text states several.
fn lowest_word<T: Copy + PartialEq>(
    text: &str,
    re: &Regex,
    names: &[&str],
    map: impl Fn(&str) -> Option<(T, u8)>,
) -> Option<Found<T>> {
    let mut best: Option<(Found<T>, u8)> = None;
    for c in re.captures_iter(text) {
        let (Some(m), Some(g)) = (c.get(0), group(&c, names)) else {
            continue;
        };
        if negated(text, g.start()) {
            continue;
        }
        let Some((value, rank)) = map(&g.as_str().to_ascii_lowercase()) else {
            continue;
        };
        let span = Span::new(m.start(), m.end());
        match best.as_mut() {
            None => {
                best = Some((
                    Found {
                        value,
                        spans: vec![span],
                        conflict: false,
                    },
                    rank,
                ))
            }
            Some((f, r)) => {
                if f.value != value {
                    f.conflict = true;
                }
                if rank < *r {
                    f.value = value;
                    *r = rank;
                }
                f.spans.push(span);
            }
        }
    }
    best.map(|(f, _)| f)
}

/// Reads every component the text documents.
pub(crate) fn scan(text: &str) -> EvalText {
    let p = patterns();
    let mut out = EvalText::default();

    // History: comorbidities (bucket 0) and personal factors (bucket 1). Each bucket is read
    // from its labelled lists when there are any, else from stated counts.
    let is_co = |label: &str| {
        let l = label.to_ascii_lowercase();
        l.contains("morbid") || l.contains("complicating")
    };
    let mut lists = count_lists(text, &p.history_label, 2, |label| {
        usize::from(!is_co(label))
    });
    // "Comorbid DM and obesity affect the plan": a list in a sentence, counted as comorbidities.
    if let Some(slot) = lists.get_mut(0) {
        for c in p.comorbid_affect.captures_iter(text) {
            let Some(l) = c.name("list") else { continue };
            let mut items = Vec::new();
            split_items(text, l.start(), l.end(), &mut items);
            for (a, b) in items {
                let key = text.get(a..b).unwrap_or("").to_ascii_lowercase();
                if slot.1.iter().any(|s| {
                    text.get(s.start..s.end)
                        .is_some_and(|t| t.eq_ignore_ascii_case(&key))
                }) {
                    continue;
                }
                slot.0 += 1;
                slot.1.push(Span::new(a, b));
                slot.2 = true;
            }
        }
    }
    let mut phrases = vec![(0u32, Vec::new(), false); 2];
    for c in p.history_count.captures_iter(text) {
        let (Some(m), Some(n), Some(w)) = (
            c.get(0),
            c.name("n").and_then(|n| word_count(n.as_str())),
            c.name("what"),
        ) else {
            continue;
        };
        if let Some(slot) = phrases.get_mut(usize::from(!is_co(w.as_str()))) {
            slot.0 += n;
            slot.1.push(Span::new(m.start(), m.end()));
            slot.2 = true;
        }
    }
    let pick = |i: usize| match (lists.get(i), phrases.get(i)) {
        (Some(l), _) if l.2 => Some((l.0, l.1.clone())),
        (_, Some(ph)) if ph.2 => Some((ph.0, ph.1.clone())),
        _ => None,
    };
    let (co, pf) = (pick(0), pick(1));
    if co.is_some() || pf.is_some() {
        let value = co.as_ref().map_or(0, |c| c.0) + pf.as_ref().map_or(0, |c| c.0);
        let spans = co
            .iter()
            .chain(pf.iter())
            .flat_map(|c| c.1.iter().copied())
            .collect();
        out.history = Some(Found {
            value,
            spans,
            conflict: false,
        });
    }
    if let Some((value, spans)) = co {
        out.comorbidities = Some(Found {
            value,
            spans,
            conflict: false,
        });
    }

    // Examination elements.
    out.exam_elements = listed_or_stated(text, &p.exam_label, &p.exam_count);

    // OT performance deficits.
    out.deficits = listed_or_stated(text, &p.deficit_label, &p.deficit_count);

    out.presentation = lowest_word(text, &p.presentation, &["a", "b"], |w| match w {
        "stable" | "uncomplicated" => Some(("stable", 0)),
        "evolving" => Some(("evolving", 1)),
        "unstable" | "unpredictable" => Some(("unstable", 2)),
        _ => None,
    });
    out.decision = lowest_word(text, &p.decision, &["a", "b"], |w| {
        Level::parse(w).map(|l| (l, crate::policy::evaluation::level_rank(l)))
    });
    out.profile = lowest_word(text, &p.profile, &["a", "b"], |w| match w {
        "brief" => Some(("brief", 0)),
        "expanded" => Some(("expanded", 1)),
        "extensive" => Some(("extensive", 2)),
        _ => None,
    });
    out.task_modification = lowest_word(text, &p.task, &["w", "v", "x"], |w| {
        let w = w.split_whitespace().collect::<Vec<_>>().join(" ");
        if w == "no" || w == "none" || w.starts_with("not ") {
            Some(("none", 0))
        } else if w.starts_with("min") || w == "moderate" {
            Some(("minimalToModerate", 1))
        } else if matches!(w.as_str(), "significant" | "substantial" | "maximal") {
            Some(("significant", 2))
        } else {
            None
        }
    });

    for c in p.tests.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let name = TESTS
            .iter()
            .enumerate()
            .find(|(i, _)| c.name(&format!("t{i}")).is_some())
            .map(|(_, (n, _))| *n);
        if let Some(name) = name {
            out.tests.push((name, Span::new(m.start(), m.end())));
        }
    }
    out
}

/// Reads the reasons (and the non-reasons) a text gives for a re-evaluation. In the form's
/// own reason field (`field`), an event that changes the condition (surgery, a TIA, a
/// re-injury) is a reason by itself unless the field also calls the re-evaluation routine.
pub(crate) fn scan_reason(text: &str, field: bool) -> ReasonScan {
    let p = patterns();
    let mut out = ReasonScan::default();
    for c in p.reason.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        if negated(text, m.start()) {
            continue;
        }
        let kind = if c.name("nf").is_some() {
            ReasonKind::NewFindings
        } else if c.name("sc").is_some() {
            ReasonKind::SignificantChange
        } else {
            ReasonKind::FailureToRespond
        };
        out.accepted.push((kind, Span::new(m.start(), m.end())));
    }
    for m in p.routine.find_iter(text) {
        out.routine.push(Span::new(m.start(), m.end()));
    }
    if field && out.accepted.is_empty() && out.routine.is_empty() {
        for m in p.event.find_iter(text) {
            if !negated(text, m.start()) {
                out.accepted
                    .push((ReasonKind::SignificantChange, Span::new(m.start(), m.end())));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slices(text: &str, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| text.get(s.start..s.end).unwrap_or("?").to_string())
            .collect()
    }

    #[test]
    fn patterns_compile() {
        let p = patterns();
        // A pattern that failed to compile would have been replaced by the empty one.
        for r in [
            &p.history_label,
            &p.history_count,
            &p.exam_label,
            &p.exam_count,
            &p.deficit_label,
            &p.deficit_count,
            &p.next_label,
            &p.list_comment,
            &p.comorbid_affect,
            &p.sub_label_line,
            &p.none_list,
            &p.presentation,
            &p.decision,
            &p.profile,
            &p.task,
            &p.tests,
            &p.reason,
            &p.event,
            &p.routine,
            &p.negation,
        ] {
            assert!(!r.as_str().is_empty());
        }
        assert!(p.tests.is_match("LEFS 42/80"));
        assert!(!p.tests.is_match("tug of war"));
    }

    #[test]
    fn counts_a_labelled_list() {
        let t = "Comorbidities: HTN, DM2 (A1c 8.1, neuropathy) and obesity. Lives alone.";
        let e = scan(t);
        let h = e.history.unwrap_or_else(|| unreachable!());
        assert_eq!(h.value, 3);
        assert_eq!(
            slices(t, &h.spans),
            ["HTN", "DM2 (A1c 8.1, neuropathy)", "obesity"]
        );
    }

    #[test]
    fn none_is_zero() {
        let e = scan("Personal factors: none\nComorbidities: none reported");
        assert_eq!(e.history.map(|h| h.value), Some(0));
        assert_eq!(e.comorbidities.map(|h| h.value), Some(0));
    }

    #[test]
    fn bullets_below_an_empty_label() {
        let t = "Performance deficits:\n- Physical: grip strength, fine motor coordination\n- Cognitive: sequencing\nPlan: 2x/wk";
        let d = scan(t).deficits.unwrap_or_else(|| unreachable!());
        assert_eq!(
            slices(t, &d.spans),
            ["grip strength", "fine motor coordination", "sequencing"]
        );
    }

    #[test]
    fn words_near_their_anchor() {
        let e = scan("Clinical presentation: evolving with changing characteristics. Clinical decision making: moderate complexity using LEFS and TUG.");
        assert_eq!(e.presentation.map(|f| f.value), Some("evolving"));
        assert_eq!(e.decision.map(|f| f.value), Some(Level::Moderate));
        assert_eq!(
            e.tests.iter().map(|t| t.0).collect::<Vec<_>>(),
            ["LEFS", "Timed Up and Go"]
        );
    }

    #[test]
    fn negated_words_do_not_count() {
        let e = scan("Clinical presentation is not stable.");
        assert!(e.presentation.is_none());
        let r = scan_reason("No new findings; re-eval per protocol.", false);
        assert!(r.accepted.is_empty());
        assert_eq!(r.routine.len(), 1);
    }

    #[test]
    fn odd_text_never_panics_and_spans_are_char_boundaries() {
        let cases = [
            "",
            "Comorbidities:",
            "Comorbidities:\n",
            "Comorbidities:\n- ",
            "Performance deficits:\n-\n1)\n",
            "Personal factors: 😀, 😀 and 😀",
            "Comorbidities: (unclosed, paren and more",
            "Comorbidities: ))), ;; , and , & ",
            "é: Señora Núñez — Comorbidities: diabète, HTA. Activity limitations: marcher, escaliers",
            "Clinical presentation: évolutive 😀 evolving",
            "decision making: high",
            "Body structures and functions:\n- Physical: 😀 grip, 中文 pinch\n- Cognitive:",
            "no personal factors or comorbidities affecting the plan",
            "Re-eval per protocol 😀 no new findings; not progressing",
        ];
        for t in cases {
            let e = scan(t);
            let mut spans: Vec<Span> = Vec::new();
            for f in [&e.history, &e.comorbidities, &e.exam_elements, &e.deficits]
                .into_iter()
                .flatten()
            {
                spans.extend(&f.spans);
            }
            for f in [&e.presentation, &e.profile, &e.task_modification]
                .into_iter()
                .flatten()
            {
                spans.extend(&f.spans);
            }
            spans.extend(e.decision.iter().flat_map(|f| f.spans.iter()));
            spans.extend(e.tests.iter().map(|t| t.1));
            let r = scan_reason(t, true);
            spans.extend(r.accepted.iter().map(|a| a.1));
            spans.extend(&r.routine);
            for s in spans {
                assert!(t.get(s.start..s.end).is_some(), "bad span {s:?} in {t:?}");
            }
        }
        let e = scan("Personal factors: 😀, 😀 and 😀");
        assert_eq!(
            e.history.map(|h| h.value),
            Some(1),
            "duplicates are counted once"
        );
        let r = scan_reason(
            "Re-eval per protocol 😀 no new findings; not progressing",
            false,
        );
        assert_eq!(
            r.accepted.iter().map(|a| a.0).collect::<Vec<_>>(),
            [ReasonKind::FailureToRespond]
        );
    }

    #[test]
    fn template_wordings() {
        let e = scan("Personal Factors/Comorbidities: HTN, DM\nModification of tasks or assistance with assessment: minimal to moderate\nDeficits in: ADLs, IADLs, functional mobility\nClinical Decision Making: Low\nClinical Presentation: Stable/uncomplicated");
        assert_eq!(e.history.map(|f| f.value), Some(2));
        assert_eq!(e.comorbidities.map(|f| f.value), Some(2));
        assert_eq!(
            e.task_modification.map(|f| f.value),
            Some("minimalToModerate")
        );
        assert_eq!(e.deficits.map(|f| f.value), Some(3));
        assert_eq!(e.decision.map(|f| f.value), Some(Level::Low));
        assert_eq!(e.presentation.map(|f| f.value), Some("stable"));
    }
}
