//! The lexicons: clinician-readable data files (`src/text/lexicon/*.txt`; their format is
//! described in [`compile`]) turned into one multi-pattern trie, once per process.
//!
//! `build.rs` compiles the files ([`compile`]): it expands the alternatives, folds every
//! phrase the way the text is folded ([`super::fold`]), cuts it into *segments* (a run of
//! letters, a run of digits, or one other character, with whether a space comes before it)
//! and writes the tables this module includes. At start-up the reader only hashes those
//! segments into a trie; each note's folded copy is then cut into segments and searched once,
//! overlapping matches included. A phrase can only match on word boundaries ("te" is never
//! found in "tested"), so a trie over whole segments finds exactly what a byte-level
//! Aho–Corasick automaton with a boundary check would (a test proves it on the corpus), at
//! one hash lookup per segment of the note.

use super::normalize::{is_alnum, Doc};
use spec::segments;
pub(crate) use spec::{groups, Lex, FILES};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

#[cfg(test)]
use super::fold;
#[cfg(test)]
#[allow(dead_code)] // `build.rs` uses the rest
pub(crate) mod compile;
mod spec;

include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));

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
    fn write_u8(&mut self, b: u8) {
        // The end mark after a `str` key: the same step as `write`, without its loop.
        let h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        self.0 = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn write_u64(&mut self, n: u64) {
        // One multiply-xorshift round for the packed edge keys.
        let h = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }
}

type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The trie node reached from `node` by segment `seg` (spaced or not), packed in one key.
fn edge_key(node: u32, seg: u32, spaced: bool) -> u64 {
    (u64::from(node) << 33) | (u64::from(seg) << 1) | u64::from(spaced)
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
    pub cased: Option<&'static str>,
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
    seg_ids: FnvMap<&'static str, u32>,
    /// Trie edges: `edge_key(node, segment, spaced)` → child node (the root is node 0).
    edges: FnvMap<u64, u32>,
    /// Per trie node, the phrase (pattern) that ends there (`u32::MAX`: none).
    node_pattern: Vec<u32>,
    /// The root's children by segment id (most starts end here: no hash lookup for them).
    root: Vec<u32>,
    /// For each pattern (distinct folded phrase), its entries (`entry_ids[ranges[p].0 .. ranges[p].1]`).
    ranges: Vec<(u32, u32)>,
    entry_ids: Vec<u32>,
    pub entries: Vec<Entry>,
    /// Per file (in [`FILES`] order), per group: the group's texts.
    pub texts: Vec<Vec<GroupText>>,
    /// Problems found while compiling the files (checked by the tests; never a panic).
    #[cfg_attr(not(any(test, feature = "testing")), allow(dead_code))]
    pub problems: Vec<String>,
}

impl Lexicon {
    /// The process-wide lexicon.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::build)
    }

    /// Loads the compiled tables: the segments into a hash map, the phrases into the trie.
    fn build() -> Lexicon {
        let seg_ids: FnvMap<&'static str, u32> = SEGMENTS
            .split('\n')
            .enumerate()
            .map(|(i, s)| (s, i as u32))
            .collect();
        let mut edges: FnvMap<u64, u32> =
            FnvMap::with_capacity_and_hasher(TRIE_NODES, Default::default());
        let mut node_pattern: Vec<u32> = Vec::with_capacity(TRIE_NODES + 1);
        node_pattern.push(u32::MAX);
        // `path[k]`: the node the previous phrase reached after its first `k` segments.
        let mut path = [0u32; 16];
        let mut at = 0usize;
        for (p, &head) in PHRASE_HEADS.iter().enumerate() {
            let kept = usize::from(head >> 4);
            let mut node = path.get(kept).copied().unwrap_or(0);
            for k in kept + 1..=kept + usize::from(head & 15) {
                let s = varint(PHRASE_SEGS, &mut at);
                let key = edge_key(node, s >> 1, s & 1 == 1);
                let next_node = node_pattern.len() as u32;
                node = *edges.entry(key).or_insert_with(|| {
                    node_pattern.push(u32::MAX);
                    next_node
                });
                if let Some(slot) = path.get_mut(k) {
                    *slot = node;
                }
            }
            if node != 0 {
                if let Some(slot) = node_pattern.get_mut(node as usize) {
                    *slot = p as u32;
                }
            }
        }
        let mut root = vec![u32::MAX; seg_ids.len()];
        for (id, slot) in root.iter_mut().enumerate() {
            if let Some(&child) = edges.get(&edge_key(0, id as u32, false)) {
                *slot = child;
            }
        }
        // The entries, run by run (file, group, value), then their capitals.
        let values: Vec<&'static str> = VALUES.split('\n').collect();
        let mut entries: Vec<Entry> = Vec::with_capacity(ENTRY_COUNT);
        let mut at = 0usize;
        while at < ENTRY_RUNS.len() {
            let [n, file, group, value] = [(); 4].map(|()| varint(ENTRY_RUNS, &mut at));
            let entry = Entry {
                lex: FILES.get(file as usize).map_or(Lex::Section, |f| f.0),
                group: group as u8,
                value: values.get(value as usize).copied().unwrap_or(""),
                cased: None,
            };
            entries.extend(std::iter::repeat(entry).take(n as usize));
        }
        let (mut at, mut id) = (0usize, 0usize);
        for cased in CASED.split('\n').skip(1) {
            id += varint(ENTRY_CASED, &mut at) as usize;
            if let Some(e) = entries.get_mut(id.wrapping_sub(1)) {
                e.cased = Some(cased);
            }
        }
        // Each entry's phrase: the next new one, unless an earlier entry brought it.
        let mut entry_pattern: Vec<u32> = Vec::with_capacity(entries.len());
        let (mut at, mut next) = (0usize, 0u32);
        let mut repeat = || {
            (at < ENTRY_REPEATS.len()).then(|| {
                (
                    varint(ENTRY_REPEATS, &mut at),
                    varint(ENTRY_REPEATS, &mut at),
                )
            })
        };
        let (mut repeat_at, mut pending) = (0u32, repeat());
        if let Some((gap, _)) = pending {
            repeat_at = gap;
        }
        for id in 0..entries.len() as u32 {
            match pending {
                Some((_, p)) if id == repeat_at => {
                    entry_pattern.push(p);
                    pending = repeat();
                    if let Some((gap, _)) = pending {
                        repeat_at += gap;
                    }
                }
                _ => {
                    entry_pattern.push(next);
                    next += 1;
                }
            }
        }
        // Entries grouped by pattern, in file order within a pattern (a counting sort).
        let mut ranges = vec![(0u32, 0u32); PHRASE_HEADS.len()];
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
        let mut lines = TEXTS.split('\n');
        let texts = FILES
            .iter()
            .map(|(_, _, groups)| {
                groups
                    .iter()
                    .map(|_| GroupText {
                        message: lines.next().unwrap_or(""),
                        fix: lines.next().unwrap_or(""),
                    })
                    .collect()
            })
            .collect();
        Lexicon {
            seg_ids,
            edges,
            node_pattern,
            root,
            ranges,
            entry_ids,
            entries,
            texts,
            problems: PROBLEMS.iter().map(|p| p.to_string()).collect(),
        }
    }

    /// Every phrase found in `doc`, on word boundaries, sorted by start (then longest first).
    pub fn find(&self, doc: &Doc<'_>) -> Vec<Hit> {
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
        let mut out = Vec::with_capacity(segs.len() / 4);
        for (i, (first, &id)) in segs.iter().zip(&ids).enumerate() {
            // Most segments start no phrase: the root has no child for them.
            let mut node = self.root.get(id as usize).copied().unwrap_or(u32::MAX);
            if node == u32::MAX {
                continue;
            }
            let from = out.len();
            let mut k = i;
            // `node` is reached by segments `i..=k`.
            while let Some(sg) = segs.get(k) {
                if k > i {
                    let id = ids.get(k).copied().unwrap_or(u32::MAX);
                    if id == u32::MAX {
                        break;
                    }
                    node = self
                        .edges
                        .get(&edge_key(node, id, sg.spaced))
                        .copied()
                        .unwrap_or(u32::MAX);
                    if node == u32::MAX {
                        break;
                    }
                }
                k += 1;
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
            // This start's hits came shortest first: longest first instead, the entries of
            // one phrase staying in file order (nothing to do when they all end together).
            if let Some(chunk) = out
                .get_mut(from..)
                .filter(|c| c.first().map(|h| h.end) != c.last().map(|h| h.end))
            {
                chunk.reverse();
                for run in chunk.chunk_by_mut(|a, b| a.end == b.end) {
                    run.reverse();
                }
            }
        }
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

/// Reads the LEB128 varint at `*at` in `bytes` (as `compile.rs` writes them) and moves on.
fn varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut x = 0u32;
    let mut shift = 0u32;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        x |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        if b < 0x80 {
            break;
        }
        shift += 7;
    }
    x
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

/// Whether the letters of `text` have the capitals of `cased` (other characters ignored): a
/// capital of the phrase is a capital in the text; its small letters are words written
/// either way ("section GG" matches "Section GG", "mini BESTest" "Mini-BESTest").
fn same_capitals(text: &str, cased: &str) -> bool {
    let mut a = text.bytes().filter(u8::is_ascii_alphabetic);
    let mut b = cased.bytes().filter(u8::is_ascii_alphabetic);
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y))
                if x == y || (y.is_ascii_lowercase() && x.to_ascii_lowercase() == y) => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // compared with a reference, sorted directly
mod tests {
    use super::compile::expand;
    use super::*;

    /// A lexicon file's text.
    fn file_text(name: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/text/lexicon");
        std::fs::read_to_string(dir.join(name)).unwrap()
    }

    /// Folds a phrase the way `build.rs` does.
    fn fold_phrase(p: &str) -> String {
        let mut folded = String::new();
        fold::fold_into(p, &mut folded, None);
        folded.trim().to_string()
    }

    /// The files compiled here, as `build.rs` compiles them.
    fn compiled() -> compile::Compiled {
        compile::compile(file_text, fold_phrase)
    }

    #[test]
    fn the_build_compiles_what_the_files_say() {
        // The tables `build.rs` wrote are the files as they are now.
        let c = compiled();
        let lex = Lexicon::get();
        assert_eq!(c.entries.len(), lex.entries.len());
        assert_eq!(c.folded.len(), lex.ranges.len());
        assert_eq!(c.segments.join("\n"), SEGMENTS);
        for (e, got) in c.entries.iter().zip(&lex.entries) {
            assert_eq!(FILES[e.file as usize].0, got.lex);
            assert_eq!(e.group, got.group);
            assert_eq!(e.value, got.value);
            assert_eq!(e.cased.as_deref(), got.cased);
        }
        let texts: Vec<Vec<(&str, &str)>> = lex
            .texts
            .iter()
            .map(|g| g.iter().map(|t| (t.message, t.fix)).collect())
            .collect();
        let want: Vec<Vec<(&str, &str)>> = c
            .texts
            .iter()
            .map(|g| g.iter().map(|(m, f)| (m.as_str(), f.as_str())).collect())
            .collect();
        assert_eq!(texts, want);
        assert!(texts.iter().flatten().any(|t| !t.0.is_empty()));
    }

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
        for (_, name, _) in FILES {
            let data = file_text(name);
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
        // The distinct folded phrases, in pattern order.
        let patterns = compiled().folded;
        assert_eq!(patterns.len(), lex.ranges.len());
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
        pub const IN_SESSION: u8 = 6;
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
