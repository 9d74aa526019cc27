//! The lexicons: clinician-readable data files (`src/text/lexicon/*.txt`; their format is
//! described in [`compile`]) turned into one multi-pattern trie at build time.
//!
//! `build.rs` compiles the files ([`compile`]): it expands the alternatives, folds every
//! phrase the way the text is folded ([`super::fold`]), cuts it into *segments* (a run of
//! letters, a run of digits, or one other character, with whether a space comes before it)
//! and lays the segments and the trie out as static tables (`lexicon/tables.rs`: a segment's
//! id is its slot in a hash table, each trie node's children are numbered together), which
//! this module includes and uses as they are: start-up only takes two running sums over
//! them. Each note's folded copy is then cut into segments and searched once, overlapping
//! matches included. A phrase can only match on word boundaries ("te" is never found in
//! "tested"), so a trie over whole segments finds exactly what a byte-level Aho–Corasick
//! automaton with a boundary check would (a test proves it on the corpus), at one hash
//! lookup per segment of the note and a search of a node's sorted children per step.

use super::normalize::{is_alnum, Doc};
use hash::{slot_of, SLOTS};
use spec::segments;
pub(crate) use spec::{groups, Lex, FILES};
use std::sync::OnceLock;

#[cfg(test)]
use super::fold;
#[cfg(test)]
#[allow(dead_code)] // `build.rs` uses the rest
pub(crate) mod compile;
mod hash;
mod spec;
#[cfg(test)]
mod tables;

include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));

/// No segment, no node.
const NONE: u32 = u32::MAX;

/// Each file's lexicon (`FILES` by index, without its stride of names and groups).
#[allow(clippy::indexing_slicing)] // evaluated by the compiler: a bad index fails the build
const LEX_OF_FILE: [Lex; FILES.len()] = {
    let mut out = [Lex::Section; FILES.len()];
    let mut i = 0;
    while i < FILES.len() {
        out[i] = FILES[i].0;
        i += 1;
    }
    out
};

/// One phrase of one lexicon.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub lex: Lex,
    /// Index of the entry's group in its file's group list.
    pub group: u8,
    /// The value after `=` ("" when none).
    pub value: &'static str,
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

/// The lexicons: the static tables `build.rs` generated (see `lexicon/tables.rs` for their
/// layout), and the few positions that are running sums over them.
pub(crate) struct Lexicon {
    /// Per slot of the segment table: `start << 9 | len << 1 | root`, its text being
    /// `SEG_TEXT[start..start + len]` (`len` 0: a free slot) and `root` whether a phrase
    /// starts with it.
    seg: Box<[u32; SLOTS]>,
    /// Per node, where its children start (the root's entry unused).
    first: Vec<u16>,
    /// [`Lexicon::seg_id`] of each one-byte ASCII segment (punctuation, a lone letter or
    /// digit), looked up once at start-up: a note has many, and most are in no phrase.
    ascii: Box<[(u32, bool); 128]>,
    values: Vec<&'static str>,
    cased: Vec<&'static str>,
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

    /// Wraps the generated tables: two running sums (where each segment's text and each
    /// node's children start) and the short text lists split into lines.
    fn build() -> Lexicon {
        // Two running sums, written in place (no per-element `push`).
        let mut seg = Box::new([0u32; SLOTS]);
        let (mut slot, mut start) = (0usize, 0u32);
        let text = SEG_TEXT.as_bytes();
        let mut end = 0usize;
        while end <= text.len() {
            if end == text.len() || text.get(end) == Some(&b'\n') {
                // The root has a child by this segment: it has children or ends a phrase.
                let root = NODE_FAN.get(slot).is_some_and(|&n| n > 0)
                    || ENTRY_KIND.get(slot + 1).is_some_and(|&k| k != 0xff);
                if let Some(x) = seg.get_mut(slot) {
                    *x = start << 9 | (end as u32 - start) << 1 | u32::from(root);
                }
                slot += 1;
                start = end as u32 + 1;
            }
            end += 1;
        }
        let mut first = vec![0u16; NODES];
        let mut at = (SLOTS + 1) as u16;
        for (x, &n) in first.iter_mut().skip(1).zip(NODE_FAN.iter()) {
            *x = at;
            at = at.wrapping_add(u16::from(n));
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
        let mut lex = Lexicon {
            seg,
            first,
            ascii: Box::new([(NONE, false); 128]),
            values: VALUES.split('\n').collect(),
            cased: CASED.split('\n').collect(),
            texts,
            problems: PROBLEMS.iter().map(|p| p.to_string()).collect(),
        };
        let mut ascii = Box::new([(NONE, false); 128]);
        for (c, x) in (0u8..).zip(ascii.iter_mut()) {
            *x = lex.seg_id(&[c]);
        }
        lex.ascii = ascii;
        lex
    }

    /// The id of segment `t` (its slot) and whether a phrase starts with it, or [`NONE`] when
    /// no phrase has it.
    fn seg_id(&self, t: &[u8]) -> (u32, bool) {
        let text = SEG_TEXT.as_bytes();
        let mut j = slot_of(t);
        // At most three slots in four are taken (`build.rs` checks): a free one ends every search.
        for _ in 0..SLOTS {
            let x = self.seg.get(j & (SLOTS - 1)).copied().unwrap_or(0);
            let len = (x >> 1) & 0xff;
            if len == 0 {
                break;
            }
            if len as usize == t.len() {
                let start = (x >> 9) as usize;
                if let Some(line) = text.get(start..start + t.len()) {
                    // A byte loop: segments are short, a `memcmp` call costs more.
                    if line.iter().zip(t).all(|(a, b)| a == b) {
                        return (j as u32, x & 1 == 1);
                    }
                }
            }
            j = (j + 1) & (SLOTS - 1);
        }
        (NONE, false)
    }

    /// The child of `node` (not the root) by edge `label` (`segment << 1 | spaced`).
    fn child(&self, node: u32, label: u32) -> u32 {
        let n = node as usize;
        let (Some(&start), Some(&fan)) = (self.first.get(n), NODE_FAN.get(n.wrapping_sub(1)))
        else {
            return NONE;
        };
        let from = usize::from(start).wrapping_sub(SLOTS + 1);
        let Some(labels) = NODE_LABEL.get(from..from + usize::from(fan)) else {
            return NONE;
        };
        let label = label as u16;
        if fan <= 8 {
            // Most nodes have a child or two: a scan of the sorted labels.
            for (i, &l) in labels.iter().enumerate() {
                if l >= label {
                    return if l == label {
                        u32::from(start) + i as u32
                    } else {
                        NONE
                    };
                }
            }
            return NONE;
        }
        // A binary search (`slice::binary_search` is not inlined at this opt-level).
        let (mut lo, mut hi) = (0usize, labels.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match labels.get(mid).copied().unwrap_or(u16::MAX).cmp(&label) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u32::from(start) + mid as u32,
            }
        }
        NONE
    }

    /// The entries after the first of the phrase ending at `node` (whose `ENTRY_CASED` has its
    /// high bit set).
    fn extras(&self, node: u32) -> std::ops::Range<u32> {
        let (mut lo, mut hi) = (0usize, EXTRA_NODE.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match u32::from(EXTRA_NODE.get(mid).copied().unwrap_or(u16::MAX)).cmp(&node) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let a = EXTRA_START.get(mid).copied().unwrap_or(0);
                    let b = EXTRA_START.get(mid + 1).copied().unwrap_or(0);
                    return (NODES as u32 + u32::from(a))..(NODES as u32 + u32::from(b));
                }
            }
        }
        0..0
    }

    /// The entries of the phrase that ends at `node` (none when none does), in file order.
    #[cfg(test)]
    fn entries_at(&self, node: u32) -> Vec<u32> {
        let kind = ENTRY_KIND.get(node as usize).copied().unwrap_or(0xff);
        if kind == 0xff || node as usize >= NODES {
            return Vec::new();
        }
        let mut out = vec![node];
        if ENTRY_CASED[node as usize] & 0x8000 != 0 {
            out.extend(self.extras(node));
        }
        out
    }

    /// Every phrase found in `doc`, on word boundaries, sorted by start (then longest first).
    pub fn find(&self, doc: &Doc<'_>) -> Vec<Hit> {
        let f = doc.folded.as_bytes();
        let mut segs = Vec::with_capacity(f.len() / 3);
        segments(f, &mut segs);
        // Each segment's id once (NONE: no phrase has it).
        let ids: Vec<(u32, bool)> = segs
            .iter()
            .map(|sg| match f.get(sg.start as usize..sg.end as usize) {
                Some(&[c]) if c < 128 => self
                    .ascii
                    .get(usize::from(c))
                    .copied()
                    .unwrap_or((NONE, false)),
                // No segment of a phrase is longer than `SEG_MAX` bytes.
                Some(t) if t.len() <= SEG_MAX => self.seg_id(t),
                _ => (NONE, false),
            })
            .collect();
        let mut out = Vec::with_capacity(segs.len() / 4);
        for (i, (first, &(id, root))) in segs.iter().zip(&ids).enumerate() {
            // Most segments start no phrase: the root has no child for them (the root's
            // child by segment `id` is node `1 + id`, when it has children or entries).
            if !root {
                continue;
            }
            let mut node = id + 1;
            let from = out.len();
            let mut k = i;
            // `node` is reached by segments `i..=k`.
            while let Some(sg) = segs.get(k) {
                if k > i {
                    let id = ids.get(k).map_or(NONE, |x| x.0);
                    if id == NONE {
                        break;
                    }
                    node = self.child(node, id << 1 | u32::from(sg.spaced));
                    if node == NONE {
                        break;
                    }
                }
                k += 1;
                if ENTRY_KIND.get(node as usize).map_or(true, |&k| k == 0xff) {
                    continue;
                }
                let (s, e) = (first.start as usize, sg.end as usize);
                if !boundary(f, s, e) {
                    continue;
                }
                // The phrase's first entry is the node itself, then come its others.
                let more = ENTRY_CASED
                    .get(node as usize)
                    .is_some_and(|&c| c & 0x8000 != 0);
                let extras = if more { self.extras(node) } else { 0..0 };
                for id in std::iter::once(node).chain(extras) {
                    if let Some(cased) = self.cased_of(id) {
                        if !same_capitals(doc.orig(s as u32, e as u32), cased) {
                            continue;
                        }
                    }
                    out.push(Hit {
                        start: s as u32,
                        end: e as u32,
                        entry: id,
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

    /// The phrase as written, when entry `id` must match the text's capitals.
    fn cased_of(&self, id: u32) -> Option<&'static str> {
        match ENTRY_CASED.get(id as usize).copied().unwrap_or(0) & 0x7fff {
            0 => None,
            k => self.cased.get(usize::from(k)).copied(),
        }
    }

    /// Entry `id` (inlined: most callers read only its lexicon, the rest folds away).
    #[inline(always)]
    pub fn entry(&self, id: u32) -> Option<Entry> {
        let i = id as usize;
        let kind = usize::from(*ENTRY_KIND.get(i)?);
        Some(Entry {
            lex: *LEX_OF_FILE.get(usize::from(*KIND_FILE.get(kind)?))?,
            group: *KIND_GROUP.get(kind)?,
            value: self
                .values
                .get(usize::from(*ENTRY_VALUE.get(i)?))
                .copied()
                .unwrap_or(""),
        })
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

    /// The trie node each compiled phrase leads to, walking the tables.
    fn phrase_nodes(c: &compile::Compiled, lex: &Lexicon) -> Vec<u32> {
        c.patterns
            .iter()
            .map(|p| {
                let mut node = 0u32;
                for (k, s) in p.iter().enumerate() {
                    let (id, root) = lex.seg_id(c.segments[(s >> 1) as usize].as_bytes());
                    assert_ne!(id, NONE);
                    assert!(k > 0 || root);
                    node = if k == 0 {
                        id + 1
                    } else {
                        lex.child(node, id << 1 | (s & 1))
                    };
                    assert_ne!(node, NONE);
                }
                node
            })
            .collect()
    }

    /// How many phrases and entries the tables hold.
    fn counts() -> (usize, usize) {
        let phrases = ENTRY_KIND[..NODES].iter().filter(|&&k| k != 0xff).count();
        let extras = ENTRY_CASED[..NODES].iter().filter(|&&c| c & 0x8000 != 0);
        assert_eq!(extras.count(), EXTRA_NODE.len());
        let entries = ENTRY_KIND.iter().filter(|&&k| k != 0xff).count();
        (phrases, entries)
    }

    #[test]
    fn the_build_compiles_what_the_files_say() {
        // The tables `build.rs` wrote are the files as they are now.
        let c = compiled();
        let lex = Lexicon::get();
        assert_eq!((c.folded.len(), c.entries.len()), counts());
        // The same segments, each found in its slot.
        let mut table: Vec<&str> = lex
            .seg
            .iter()
            .map(|&x| ((x >> 9) as usize, ((x >> 1) & 0xff) as usize))
            .filter(|&(_, len)| len > 0)
            .map(|(start, len)| SEG_TEXT.get(start..start + len).unwrap())
            .collect();
        let mut want: Vec<&str> = c.segments.iter().map(String::as_str).collect();
        table.sort_unstable();
        want.sort_unstable();
        assert_eq!(table, want);
        // Each phrase's node has its entries, in file order.
        let nodes = phrase_nodes(&c, lex);
        let mut seen = std::collections::HashSet::new();
        for (p, &node) in nodes.iter().enumerate() {
            let got: Vec<u32> = lex.entries_at(node);
            let want: Vec<&compile::CEntry> = c
                .entries
                .iter()
                .filter(|e| e.pattern as usize == p)
                .collect();
            assert_eq!(got.len(), want.len(), "{:?}", c.folded[p]);
            for (e, id) in want.iter().zip(&got) {
                let got = lex.entry(*id).unwrap();
                assert_eq!(FILES[e.file as usize].0, got.lex);
                assert_eq!(e.group, got.group);
                assert_eq!(e.value, got.value);
                assert_eq!(e.cased.as_deref(), lex.cased_of(*id));
                assert!(seen.insert(*id));
            }
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
    fn the_included_tables_are_the_files_now() {
        // What `build.rs` wrote is what `tables.rs` lays out from the files as they are.
        let written =
            std::fs::read_to_string(concat!(env!("OUT_DIR"), "/lexicon_tables.rs")).unwrap();
        assert_eq!(tables::to_rust(&compiled()).unwrap(), written);
    }

    #[test]
    fn the_files_read_cleanly() {
        let lex = Lexicon::get();
        assert!(lex.problems.is_empty(), "{:#?}", lex.problems);
        assert!(counts().1 > 3000, "{} entries", counts().1);
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
        let c = compiled();
        let nodes = phrase_nodes(&c, lex);
        let patterns = c.folded;
        assert_eq!(patterns.len(), counts().0);
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
                for id in lex.entries_at(nodes[m.pattern().as_usize()]) {
                    assert!(lex.entry(id).is_some());
                    if let Some(cased) = lex.cased_of(id) {
                        if !same_capitals(doc.orig(s as u32, e as u32), cased) {
                            continue;
                        }
                    }
                    out.push((s as u32, e as u32, id));
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
