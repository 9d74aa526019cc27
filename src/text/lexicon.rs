//! The lexicons: clinician-readable data files (`src/text/lexicon/*.txt`, embedded with
//! `include_str!`) turned into one multi-pattern trie, once per process.
//!
//! Format of a file: `[group]` opens a group; then one phrase per line, lower case,
//! optionally `phrase = value`; `#` starts a comment line; `(a|b|)` lists alternatives (an
//! empty one makes the group optional). A phrase written with capitals ("PT", "TUG", "MoCA")
//! matches only text written with the same capitals. Phrases are folded the way the text is
//! ([`super::normalize`]), so "short-term" and "short term" are the same phrase. Groups may
//! carry `message:` and `fix:` lines (the red-flag rewrites).
//!
//! Every phrase of every file goes into one trie over *segments* (a run of letters, a run of
//! digits, or one other character, with whether a space comes before it), searched once per
//! note over the folded copy's segments, overlapping matches included. A phrase can only
//! match on word boundaries ("te" is never found in "tested"), so a trie over whole segments
//! finds exactly what a byte-level Aho–Corasick automaton with a boundary check would, at
//! one hash lookup per segment of the note, and builds in a fraction of the time (the
//! ~4,000 phrases expand to ~20,000; the build is lazy, once per process).

use super::normalize::{is_alnum, Doc};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: a small, fast hash for short keys (segments and trie edges); the keys are the
/// lexicon's own, not the note's, so no flooding concern.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
    fn write_u64(&mut self, n: u64) {
        // One multiply-xorshift round for the packed edge keys.
        let h = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A segment of folded text: a run of letters, a run of digits, or one other character
/// (spaces separate segments and are not segments).
#[derive(Debug, Clone, Copy)]
struct Seg {
    start: u32,
    end: u32,
    /// A space comes right before it.
    spaced: bool,
}

fn segments(f: &[u8], out: &mut Vec<Seg>) {
    let mut i = 0usize;
    let mut spaced = false;
    while let Some(&c) = f.get(i) {
        let start = i;
        if c == b' ' {
            spaced = true;
            i += 1;
            continue;
        }
        if c.is_ascii_alphabetic() {
            while f.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
        } else if c.is_ascii_digit() {
            while f.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        } else {
            // One character (the folded copy is ASCII; a stray non-ASCII byte still moves on).
            i += 1;
            while f.get(i).is_some_and(|b| (0x80..0xc0).contains(b)) {
                i += 1;
            }
        }
        out.push(Seg {
            start: start as u32,
            end: i as u32,
            spaced,
        });
        spaced = false;
    }
}

/// The trie node reached from `node` by segment `seg` (spaced or not), packed in one key.
fn edge_key(node: u32, seg: u32, spaced: bool) -> u64 {
    (u64::from(node) << 33) | (u64::from(seg) << 1) | u64::from(spaced)
}

/// Which lexicon an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Lex {
    Section,
    Context,
    Abbrev,
    Assist,
    Skill,
    Clinical,
    Response,
    Progress,
    Plan,
    RedFlag,
    Test,
    Credential,
    Intervention,
    History,
    Reason,
    Unit,
}

/// The lexicon files, with the groups each may use (an entry's `group` is the index here).
pub(crate) const FILES: &[(Lex, &str, &str, &[&str])] = &[
    (
        Lex::Section,
        "sections.txt",
        include_str!("lexicon/sections.txt"),
        groups::SECTIONS,
    ),
    (
        Lex::Context,
        "context.txt",
        include_str!("lexicon/context.txt"),
        groups::CONTEXT,
    ),
    (
        Lex::Abbrev,
        "abbreviations.txt",
        include_str!("lexicon/abbreviations.txt"),
        &["abbreviation"],
    ),
    (
        Lex::Assist,
        "assist.txt",
        include_str!("lexicon/assist.txt"),
        &["assist", "criterion", "task", "manner", "vague"],
    ),
    (
        Lex::Skill,
        "skill.txt",
        include_str!("lexicon/skill.txt"),
        &[
            "cue",
            "skill",
            "return-demo",
            "technique",
            "parameter",
            "teach",
            "deliver",
            "testing",
            "ability",
        ],
    ),
    (
        Lex::Clinical,
        "clinical.txt",
        include_str!("lexicon/clinical.txt"),
        &[
            "deficit",
            "normal",
            "limitation",
            "risk",
            "symptom",
            "activity",
            "condition",
            "impaired",
            "function",
        ],
    ),
    (
        Lex::Response,
        "response.txt",
        include_str!("lexicon/response.txt"),
        &[
            "after",
            "reaction",
            "tolerance",
            "course",
            "vitals",
            "after-activity",
        ],
    ),
    (
        Lex::Progress,
        "progress.txt",
        include_str!("lexicon/progress.txt"),
        &[
            "goal-word",
            "goal-qualifier",
            "status",
            "change",
            "earlier",
            "no-progress",
            "severity",
            "not-progress",
        ],
    ),
    (
        Lex::Plan,
        "plan.txt",
        include_str!("lexicon/plan.txt"),
        &[
            "plan",
            "plan-verb",
            "setting",
            "discharge",
            "continue",
            "home",
            "frequency",
        ],
    ),
    (
        Lex::RedFlag,
        "redflags.txt",
        include_str!("lexicon/redflags.txt"),
        groups::REDFLAGS,
    ),
    (
        Lex::Test,
        "tests.txt",
        include_str!("lexicon/tests.txt"),
        &["measure", "impairment-measure"],
    ),
    (
        Lex::Credential,
        "credentials.txt",
        include_str!("lexicon/credentials.txt"),
        &["credential", "degree", "signing"],
    ),
    (
        Lex::Intervention,
        "interventions.txt",
        include_str!("lexicon/interventions.txt"),
        &["intervention"],
    ),
    (
        Lex::History,
        "history.txt",
        include_str!("lexicon/history.txt"),
        groups::HISTORY,
    ),
    (
        Lex::Reason,
        "reasons.txt",
        include_str!("lexicon/reasons.txt"),
        &[
            "new-findings",
            "significant-change",
            "failure-to-respond",
            "routine",
            "event",
            "event-cue",
        ],
    ),
    (
        Lex::Unit,
        "units.txt",
        include_str!("lexicon/units.txt"),
        groups::UNITS,
    ),
];

/// The group names of the files whose groups map to a stage's own kinds (sections, context
/// modifiers, red flags, history, units), by file.
pub(crate) mod groups {
    /// The groups of `lexicon/sections.txt`, in `SectionKind`-mapping order.
    pub const SECTIONS: &[&str] = &[
        "subjective",
        "history",
        "past-history",
        "medications",
        "social-history",
        "prior-function",
        "systems-review",
        "objective",
        "exam",
        "tests",
        "treatment",
        "assessment",
        "impression",
        "goals",
        "short-term-goals",
        "long-term-goals",
        "patient-goals",
        "plan",
        "recommendations",
        "frequency",
        "education",
        "home-program",
        "response",
        "discharge-summary",
        "diagnosis",
        "signature",
        "billing",
        "header",
        "timeframe",
    ];
    /// The groups of `lexicon/context.txt`.
    pub const CONTEXT: &[&str] = &[
        "negated forward",
        "negated backward",
        "hypothetical forward",
        "historical forward",
        "experiencer forward",
        "reported forward",
        "terminate",
        "pseudo",
        "terminate negated",
    ];
    /// The groups of `lexicon/history.txt`.
    pub const HISTORY: &[&str] = &[
        "comorbidity",
        "medication",
        "personal-factor",
        "exam-element",
        "evolving",
        "unstable",
        "stable",
        "course",
        "anchor-presentation",
        "anchor-decision",
        "anchor-profile",
        "anchor-task",
        "anchor-history",
        "anchor-comorbidity",
        "anchor-exam",
        "anchor-deficit",
        "history-cue",
    ];
    /// The groups of `lexicon/units.txt`.
    pub const UNITS: &[&str] = &[
        "minutes", "units", "hours", "seconds", "distance", "degrees", "reps", "weight", "percent",
        "days", "weeks", "months", "visits", "per-week", "per-day",
    ];
    /// The groups of `lexicon/redflags.txt`, in this enum's order.
    pub const REDFLAGS: &[&str] = &[
        "tolerated-well",
        "continue-poc",
        "doing-well",
        "progressing",
        "no-significant-change",
        "no-new-complaints",
        "flowsheet",
        "maintenance",
        "as-tolerated",
        "general-conditioning",
        "repetitive-exercise",
        "judgmental",
    ];
}

/// One phrase of one lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub lex: Lex,
    /// Index of the entry's group in its file's group list.
    pub group: u8,
    /// The value after `=` ("" when none).
    pub value: &'static str,
    /// The phrase as written, when it must match the text's capitals.
    pub cased: Option<Box<str>>,
}

/// A group's `message:` and `fix:` lines.
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupText {
    pub message: &'static str,
    pub fix: &'static str,
}

/// A phrase found in the folded copy: `start..end` folded bytes, and its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: u32,
    pub end: u32,
    pub entry: u32,
}

/// The lexicons, built once.
pub(crate) struct Lexicon {
    /// Segment text → segment id, for every segment of every phrase.
    seg_ids: FnvMap<Box<str>, u32>,
    /// Trie edges: `edge_key(node, segment, spaced)` → child node (the root is node 0).
    edges: FnvMap<u64, u32>,
    /// Per trie node, the phrase (pattern) that ends there (`u32::MAX`: none).
    node_pattern: Vec<u32>,
    /// For each pattern (distinct folded phrase), its entries (`entry_ids[ranges[p].0 .. ranges[p].1]`).
    ranges: Vec<(u32, u32)>,
    entry_ids: Vec<u32>,
    pub entries: Vec<Entry>,
    /// Per file (in [`FILES`] order), per group: the group's texts.
    pub texts: Vec<Vec<GroupText>>,
    /// Problems found while reading the files (checked by the tests; never a panic).
    #[cfg_attr(not(any(test, feature = "testing")), allow(dead_code))]
    pub problems: Vec<String>,
}

impl Lexicon {
    /// The process-wide lexicon.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut entries: Vec<Entry> = Vec::new();
        let mut problems = Vec::new();
        let mut texts = Vec::new();
        // folded phrase -> the entries it stands for
        // The trie: segment ids, edges, and per node the pattern (distinct folded phrase)
        // that ends there; per entry, its pattern.
        let mut seg_ids: FnvMap<Box<str>, u32> = FnvMap::default();
        let mut edges: FnvMap<u64, u32> = FnvMap::default();
        let mut node_pattern: Vec<u32> = vec![u32::MAX];
        let mut n_patterns = 0u32;
        let mut entry_pattern: Vec<u32> = Vec::new();
        let mut segs = Vec::new();
        for (lex, name, data, groups) in FILES {
            let mut group: Option<u8> = None;
            let mut gtexts = vec![GroupText::default(); groups.len()];
            for (n, raw) in data.lines().enumerate() {
                let line = raw.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if let Some(g) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                    group = groups.iter().position(|x| *x == g).map(|i| i as u8);
                    if group.is_none() {
                        problems.push(format!("{name}:{}: unknown group [{g}]", n + 1));
                    }
                    continue;
                }
                let Some(gi) = group else {
                    problems.push(format!("{name}:{}: phrase outside a group", n + 1));
                    continue;
                };
                if let Some(m) = line.strip_prefix("message:") {
                    if let Some(t) = gtexts.get_mut(gi as usize) {
                        t.message = m.trim();
                    }
                    continue;
                }
                if let Some(m) = line.strip_prefix("fix:") {
                    if let Some(t) = gtexts.get_mut(gi as usize) {
                        t.fix = m.trim();
                    }
                    continue;
                }
                let (phrase, value) = match line.split_once(" = ") {
                    Some((p, v)) => (p.trim(), v.trim()),
                    None => (line, ""),
                };
                let variants = expand(phrase);
                if variants.is_empty() || variants.len() > 512 {
                    problems.push(format!(
                        "{name}:{}: {} alternatives in {phrase:?}",
                        n + 1,
                        variants.len()
                    ));
                    continue;
                }
                for v in variants {
                    let folded = fold_phrase(&v);
                    if folded.is_empty() {
                        continue;
                    }
                    let cased = v
                        .bytes()
                        .any(|b| b.is_ascii_uppercase())
                        .then(|| v.clone().into_boxed_str());
                    entries.push(Entry {
                        lex: *lex,
                        group: gi,
                        value,
                        cased,
                    });
                    segs.clear();
                    segments(folded.as_bytes(), &mut segs);
                    let mut node = 0u32;
                    for (k, sg) in segs.iter().enumerate() {
                        let text = folded.get(sg.start as usize..sg.end as usize).unwrap_or("");
                        let id = match seg_ids.get(text) {
                            Some(&id) => id,
                            None => {
                                let id = seg_ids.len() as u32;
                                seg_ids.insert(text.into(), id);
                                id
                            }
                        };
                        let key = edge_key(node, id, k > 0 && sg.spaced);
                        let next_node = node_pattern.len() as u32;
                        node = *edges.entry(key).or_insert_with(|| {
                            node_pattern.push(u32::MAX);
                            next_node
                        });
                    }
                    let slot = node_pattern.get_mut(node as usize);
                    let p = match slot {
                        Some(p) if *p != u32::MAX => *p,
                        Some(p) => {
                            *p = n_patterns;
                            n_patterns += 1;
                            *p
                        }
                        None => u32::MAX,
                    };
                    entry_pattern.push(p);
                }
            }
            texts.push(gtexts);
        }
        // Entries grouped by pattern, in file order within a pattern (a counting sort).
        let mut ranges = vec![(0u32, 0u32); n_patterns as usize];
        for &p in &entry_pattern {
            if let Some(r) = ranges.get_mut(p as usize) {
                r.1 += 1;
            }
        }
        let mut at = 0u32;
        for r in &mut ranges {
            let n = r.1;
            *r = (at, at);
            at += n;
        }
        let mut entry_ids = vec![0u32; at as usize];
        for (id, &p) in entry_pattern.iter().enumerate() {
            if let Some(r) = ranges.get_mut(p as usize) {
                if let Some(slot) = entry_ids.get_mut(r.1 as usize) {
                    *slot = id as u32;
                }
                r.1 += 1;
            }
        }
        Lexicon {
            seg_ids,
            edges,
            node_pattern,
            ranges,
            entry_ids,
            entries,
            texts,
            problems,
        }
    }

    /// Every phrase found in `doc`, on word boundaries, sorted by start (then longest first).
    pub fn find(&self, doc: &Doc<'_>) -> Vec<Hit> {
        let mut out = Vec::new();
        let f = doc.folded.as_bytes();
        let mut segs = Vec::with_capacity(f.len() / 3);
        segments(f, &mut segs);
        // Each segment's id once (u32::MAX: no phrase has it).
        let ids: Vec<u32> = segs
            .iter()
            .map(|sg| {
                doc.folded
                    .get(sg.start as usize..sg.end as usize)
                    .and_then(|t| self.seg_ids.get(t))
                    .copied()
                    .unwrap_or(u32::MAX)
            })
            .collect();
        for (i, first) in segs.iter().enumerate() {
            let mut node = 0u32;
            for (k, (sg, &id)) in segs.iter().zip(&ids).skip(i).enumerate() {
                if id == u32::MAX {
                    break;
                }
                let Some(&child) = self.edges.get(&edge_key(node, id, k > 0 && sg.spaced)) else {
                    break;
                };
                node = child;
                let p = self
                    .node_pattern
                    .get(node as usize)
                    .copied()
                    .unwrap_or(u32::MAX);
                if p == u32::MAX {
                    continue;
                }
                let (s, e) = (first.start as usize, sg.end as usize);
                if !boundary(f, s, e) {
                    continue;
                }
                let Some(&(a, b)) = self.ranges.get(p as usize) else {
                    continue;
                };
                for id in self.entry_ids.get(a as usize..b as usize).unwrap_or(&[]) {
                    let Some(entry) = self.entries.get(*id as usize) else {
                        continue;
                    };
                    if let Some(cased) = &entry.cased {
                        if !same_capitals(doc.orig(s as u32, e as u32), cased) {
                            continue;
                        }
                    }
                    out.push(Hit {
                        start: s as u32,
                        end: e as u32,
                        entry: *id,
                    });
                }
            }
        }
        // Stable: the entries of one phrase stay in file order.
        out.sort_by(|x, y| x.start.cmp(&y.start).then(y.end.cmp(&x.end)));
        out
    }

    pub fn entry(&self, id: u32) -> Option<&Entry> {
        self.entries.get(id as usize)
    }

    /// The `message:`/`fix:` texts of `lex`'s group `group`.
    pub fn group_text(&self, lex: Lex, group: u8) -> Option<&GroupText> {
        let file = FILES.iter().position(|f| f.0 == lex)?;
        self.texts.get(file)?.get(group as usize)
    }
}

/// A match is a whole word (or words): no letter or digit continues it on either side
/// within the same kind of run ("te" is not found in "tested", "x" is found in "3x/wk").
fn boundary(f: &[u8], s: usize, e: usize) -> bool {
    if e <= s {
        return false;
    }
    let first = f.get(s).copied().unwrap_or(b' ');
    let last = f.get(e - 1).copied().unwrap_or(b' ');
    let before = if s == 0 {
        b' '
    } else {
        f.get(s - 1).copied().unwrap_or(b' ')
    };
    let after = f.get(e).copied().unwrap_or(b' ');
    let same = |a: u8, b: u8| {
        (a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
            || (a.is_ascii_digit() && b.is_ascii_digit())
    };
    if same(before, first) || same(last, after) {
        return false;
    }
    // "can't", "pt's": a letter after an apostrophe continues the word.
    if last.is_ascii_alphabetic()
        && after == b'\''
        && f.get(e + 1)
            .copied()
            .is_some_and(|c| c.is_ascii_alphabetic())
    {
        return false;
    }
    if first.is_ascii_alphabetic()
        && before == b'\''
        && s >= 2
        && f.get(s - 2).copied().is_some_and(is_alnum)
    {
        return false;
    }
    true
}

/// Whether the letters of `text` have the capitals of `cased` (other characters ignored).
fn same_capitals(text: &str, cased: &str) -> bool {
    let mut a = text.bytes().filter(u8::is_ascii_alphabetic);
    let mut b = cased.bytes().filter(u8::is_ascii_alphabetic);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// No space at either end, no two spaces in a row, no other white space.
fn tidy(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut prev = 0u8;
    for &c in b {
        if (c == b' ' && prev == b' ') || matches!(c, b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            return false;
        }
        prev = c;
    }
    true
}

/// Folds a phrase of a lexicon file the way the text is folded.
pub(crate) fn fold_phrase(p: &str) -> String {
    // Most phrases are plain ASCII with single spaces and no hyphen: folding only lowers
    // their capitals (the same as the full fold, without building a whole `Doc`).
    if tidy(p) && !p.bytes().any(|b| b == b'-' || !(0x20..0x7f).contains(&b)) {
        return p.to_ascii_lowercase();
    }
    let d = Doc::new(p);
    d.folded.trim().to_string()
}

/// Expands "(a|b|)" alternatives into every phrase they stand for.
fn expand(p: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = p;
    while !rest.is_empty() {
        match rest.find('(') {
            Some(open) if rest.get(open..).is_some_and(|r| r.contains('|')) => {
                let Some(close) = rest.get(open..).and_then(|r| r.find(')')).map(|c| open + c)
                else {
                    break;
                };
                let inner = rest.get(open + 1..close).unwrap_or("");
                if !inner.contains('|') {
                    // A literal parenthesis, e.g. "(i)".
                    let lit = rest.get(..=close).unwrap_or("");
                    for o in &mut out {
                        o.push_str(lit);
                    }
                    rest = rest.get(close + 1..).unwrap_or("");
                    continue;
                }
                let head = rest.get(..open).unwrap_or("");
                let mut next = Vec::with_capacity(out.len() * 3);
                for o in &out {
                    for alt in inner.split('|') {
                        let mut v = String::with_capacity(o.len() + head.len() + alt.len() + 16);
                        v.push_str(o);
                        v.push_str(head);
                        v.push_str(alt);
                        next.push(v);
                    }
                }
                out = next;
                if out.len() > 4096 {
                    return Vec::new();
                }
                rest = rest.get(close + 1..).unwrap_or("");
            }
            _ => {
                for o in &mut out {
                    o.push_str(rest);
                }
                rest = "";
            }
        }
    }
    out.into_iter()
        .map(|s| {
            if tidy(&s) {
                s
            } else {
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            }
        })
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_read_cleanly() {
        let lex = Lexicon::get();
        assert!(lex.problems.is_empty(), "{:#?}", lex.problems);
        assert!(lex.entries.len() > 3000, "{} entries", lex.entries.len());
    }

    #[test]
    fn no_phrase_is_listed_twice_in_one_file() {
        // Within a group a phrase is listed once; a section heading maps to one kind.
        let mut dups = Vec::new();
        for (_, name, data, _) in FILES {
            let mut seen: std::collections::HashMap<(String, bool), &str> =
                std::collections::HashMap::new();
            let mut group = "";
            for line in data.lines().map(str::trim) {
                if line.starts_with('[') {
                    group = line;
                    continue;
                }
                if line.is_empty()
                    || line.starts_with('#')
                    || line.starts_with("message:")
                    || line.starts_with("fix:")
                {
                    continue;
                }
                let phrase = line.split(" = ").next().unwrap_or("");
                for v in expand(phrase) {
                    let cased = v.bytes().any(|b| b.is_ascii_uppercase());
                    let key = (if cased { v.clone() } else { fold_phrase(&v) }, cased);
                    if let Some(g) = seen.insert(key.clone(), group) {
                        if g == group || *name == "sections.txt" {
                            dups.push(format!("{name}: {:?} in {g} and {group}", key.0));
                        }
                    }
                }
            }
        }
        assert!(dups.is_empty(), "{dups:#?}");
    }

    /// The trie finds exactly what a byte-level Aho–Corasick automaton over the same phrases
    /// finds with the boundary check (the reader's first design), on every string of the
    /// team's corpus and bench notes and on edge cases.
    #[test]
    fn the_trie_finds_what_aho_corasick_finds() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let lex = Lexicon::get();
        // The distinct folded phrases, in pattern order (each pattern's first entry's phrase).
        let mut patterns: Vec<String> = vec![String::new(); lex.ranges.len()];
        // Rebuild the pattern list from the files, as `build` does.
        let mut seen: FnvMap<String, usize> = FnvMap::default();
        for (_, _, data, _) in FILES {
            for raw in data.lines() {
                let line = raw.trim();
                if line.is_empty()
                    || line.starts_with('#')
                    || line.starts_with('[')
                    || line.starts_with("message:")
                    || line.starts_with("fix:")
                {
                    continue;
                }
                let phrase = line.split_once(" = ").map_or(line, |(p, _)| p.trim());
                for v in expand(phrase) {
                    let folded = fold_phrase(&v);
                    if folded.is_empty() || seen.contains_key(&folded) {
                        continue;
                    }
                    let n = seen.len();
                    seen.insert(folded.clone(), n);
                    if let Some(slot) = patterns.get_mut(n) {
                        *slot = folded;
                    }
                }
            }
        }
        assert_eq!(seen.len(), lex.ranges.len());
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap();
        let reference = |doc: &Doc<'_>| {
            let f = doc.folded.as_bytes();
            let mut out = Vec::new();
            for m in ac.find_overlapping_iter(doc.folded.as_str()) {
                let (s, e) = (m.start(), m.end());
                if !boundary(f, s, e) {
                    continue;
                }
                let (a, b) = lex.ranges[m.pattern().as_usize()];
                for id in &lex.entry_ids[a as usize..b as usize] {
                    let entry = &lex.entries[*id as usize];
                    if let Some(cased) = &entry.cased {
                        if !same_capitals(doc.orig(s as u32, e as u32), cased) {
                            continue;
                        }
                    }
                    out.push((s as u32, e as u32, *id));
                }
            }
            out.sort_unstable();
            out
        };
        let mut texts: Vec<String> = [
            "",
            " ",
            "x",
            "3x/wk",
            "can't walk; pt's knee",
            "b.i.d. x2",
            "--- ...",
            "é—ü 2u",
            "Pt tested; TE 25 min. PT, DPT. tug of war",
            "  short-term   goals:\n\n LTG #1",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        for dir in ["corpus", "bench", "fixtures/eval"] {
            let Ok(rd) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for f in rd.flatten() {
                if f.path().extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(f.path()).unwrap());
                } else if f.path().extension().is_some_and(|e| e == "json") {
                    let v: serde_json::Value =
                        serde_json::from_str(&std::fs::read_to_string(f.path()).unwrap()).unwrap();
                    strings(&v, &mut texts);
                }
            }
        }
        assert!(texts.len() > 1000, "{} texts", texts.len());
        for t in &texts {
            let doc = Doc::new(t);
            let mut got: Vec<(u32, u32, u32)> = lex
                .find(&doc)
                .iter()
                .map(|h| (h.start, h.end, h.entry))
                .collect();
            got.sort_unstable();
            assert_eq!(got, reference(&doc), "{t:?}");
        }
    }

    #[test]
    fn expands_alternatives() {
        assert_eq!(
            expand("tolerated (the |)(tx|session) well"),
            [
                "tolerated the tx well",
                "tolerated the session well",
                "tolerated tx well",
                "tolerated session well"
            ]
        );
        assert_eq!(expand("(i)"), ["(i)"]);
        assert_eq!(expand("min (a)"), ["min (a)"]);
    }

    #[test]
    fn boundaries_and_capitals() {
        let lex = Lexicon::get();
        let doc = Doc::new("Pt tested; TE 25 min. PT, DPT. tug of war");
        let found: Vec<&str> = lex
            .find(&doc)
            .iter()
            .filter(|h| {
                lex.entry(h.entry).is_some_and(|e| {
                    e.lex == Lex::Credential || e.lex == Lex::Intervention || e.lex == Lex::Test
                })
            })
            .map(|h| doc.f(h.start, h.end))
            .collect();
        assert_eq!(found, ["te", "pt", "dpt"]);
    }
}

/// Group indexes of the lexicon files, by name (the order of [`FILES`]' group lists).
// Every group of a data file has its index here, whether or not a stage reads it yet.
#[allow(dead_code)]
pub(crate) mod g {
    pub mod assist {
        pub const ASSIST: u8 = 0;
        pub const CRITERION: u8 = 1;
        pub const TASK: u8 = 2;
        pub const MANNER: u8 = 3;
        pub const VAGUE: u8 = 4;
    }
    pub mod skill {
        pub const CUE: u8 = 0;
        pub const SKILL: u8 = 1;
        pub const RETURN_DEMO: u8 = 2;
        pub const TECHNIQUE: u8 = 3;
        pub const PARAMETER: u8 = 4;
        pub const TEACH: u8 = 5;
        pub const DELIVER: u8 = 6;
        pub const TESTING: u8 = 7;
        pub const ABILITY: u8 = 8;
    }
    pub mod clinical {
        pub const DEFICIT: u8 = 0;
        pub const NORMAL: u8 = 1;
        pub const LIMITATION: u8 = 2;
        pub const RISK: u8 = 3;
        pub const SYMPTOM: u8 = 4;
        pub const ACTIVITY: u8 = 5;
        pub const CONDITION: u8 = 6;
        pub const IMPAIRED: u8 = 7;
        pub const FUNCTION: u8 = 8;
    }
    pub mod response {
        pub const AFTER: u8 = 0;
        pub const REACTION: u8 = 1;
        pub const TOLERANCE: u8 = 2;
        pub const COURSE: u8 = 3;
        pub const VITALS: u8 = 4;
        pub const AFTER_ACTIVITY: u8 = 5;
    }
    pub mod progress {
        pub const GOAL_WORD: u8 = 0;
        pub const GOAL_QUALIFIER: u8 = 1;
        pub const STATUS: u8 = 2;
        pub const CHANGE: u8 = 3;
        pub const EARLIER: u8 = 4;
        pub const NO_PROGRESS: u8 = 5;
        pub const SEVERITY: u8 = 6;
    }
    pub mod plan {
        pub const PLAN: u8 = 0;
        pub const PLAN_VERB: u8 = 1;
        pub const SETTING: u8 = 2;
        pub const DISCHARGE: u8 = 3;
        pub const CONTINUE: u8 = 4;
        pub const HOME: u8 = 5;
        pub const FREQUENCY: u8 = 6;
    }
    pub mod test {
        pub const MEASURE: u8 = 0;
        pub const IMPAIRMENT: u8 = 1;
    }
    pub mod credential {
        pub const CREDENTIAL: u8 = 0;
        pub const DEGREE: u8 = 1;
        pub const SIGNING: u8 = 2;
    }
    pub mod reason {
        pub const NEW_FINDINGS: u8 = 0;
        pub const SIGNIFICANT_CHANGE: u8 = 1;
        pub const FAILURE_TO_RESPOND: u8 = 2;
        pub const ROUTINE: u8 = 3;
        pub const EVENT: u8 = 4;
        pub const EVENT_CUE: u8 = 5;
    }
}
