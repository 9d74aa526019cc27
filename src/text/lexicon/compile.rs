//! Compiles the lexicon files into the tables the reader loads (run by `build.rs`, so the
//! browser never parses, expands or folds a phrase: it only hashes the ready segments into
//! its trie). Also used by the lexicon's tests. Std only, like [`super::spec`].
//!
//! Format of a file: `[group]` opens a group; then one phrase per line, lower case,
//! optionally `phrase = value`; `#` starts a comment line; `(a|b|)` lists alternatives (an
//! empty one makes the group optional). A phrase written with capitals ("PT", "TUG", "MoCA")
//! matches only text written with the same capitals. Phrases are folded the way the text is,
//! so "short-term" and "short term" are the same phrase. Groups may carry `message:` and
//! `fix:` lines (the red-flag rewrites).

use super::spec::{segments, Seg, FILES};
use std::collections::HashMap;
use std::fmt::Write;

/// One phrase variant of one file.
pub(crate) struct CEntry {
    /// Index in [`FILES`].
    pub file: u8,
    pub group: u8,
    pub value: String,
    /// The variant as written, when it has capitals.
    pub cased: Option<String>,
    /// Index of its folded phrase in `Compiled::patterns`.
    pub pattern: u32,
}

/// The compiled lexicons.
#[derive(Default)]
pub(crate) struct Compiled {
    /// Distinct segments (a segment's id is its index).
    pub segments: Vec<String>,
    /// Distinct folded phrases, in first-seen order, each as its segments: `id << 1 | spaced`.
    pub patterns: Vec<Vec<u32>>,
    /// The folded phrases themselves (same order as `patterns`).
    pub folded: Vec<String>,
    pub entries: Vec<CEntry>,
    /// Per file, per group: `(message, fix)`.
    pub texts: Vec<Vec<(String, String)>>,
    pub problems: Vec<String>,
}

/// Compiles the files; `read(name)` gives a file's text, `fold` folds a phrase the way the
/// reader folds a note.
pub(crate) fn compile(read: impl Fn(&str) -> String, fold: impl Fn(&str) -> String) -> Compiled {
    let mut c = Compiled::default();
    let mut seg_index: HashMap<String, u32> = HashMap::new();
    let mut pattern_index: HashMap<String, u32> = HashMap::new();
    let mut segs: Vec<Seg> = Vec::new();
    for (fi, (_, name, groups)) in FILES.iter().enumerate() {
        let data = read(name);
        let mut group: Option<u8> = None;
        let mut gtexts = vec![(String::new(), String::new()); groups.len()];
        for (n, raw) in data.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(g) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                group = groups.iter().position(|x| *x == g).map(|i| i as u8);
                if group.is_none() {
                    c.problems
                        .push(format!("{name}:{}: unknown group [{g}]", n + 1));
                }
                continue;
            }
            let Some(gi) = group else {
                c.problems
                    .push(format!("{name}:{}: phrase outside a group", n + 1));
                continue;
            };
            if let Some(m) = line.strip_prefix("message:") {
                if let Some(t) = gtexts.get_mut(gi as usize) {
                    t.0 = m.trim().to_string();
                }
                continue;
            }
            if let Some(m) = line.strip_prefix("fix:") {
                if let Some(t) = gtexts.get_mut(gi as usize) {
                    t.1 = m.trim().to_string();
                }
                continue;
            }
            let (phrase, value) = match line.split_once(" = ") {
                Some((p, v)) => (p.trim(), v.trim()),
                None => (line, ""),
            };
            let variants = expand(phrase);
            if variants.is_empty() || variants.len() > 512 {
                c.problems.push(format!(
                    "{name}:{}: {} alternatives in {phrase:?}",
                    n + 1,
                    variants.len()
                ));
                continue;
            }
            for v in variants {
                let folded = fold(&v).trim().to_string();
                if folded.is_empty() {
                    continue;
                }
                let pattern = match pattern_index.get(&folded) {
                    Some(&p) => p,
                    None => {
                        segs.clear();
                        segments(folded.as_bytes(), &mut segs);
                        let mut ids = Vec::with_capacity(segs.len());
                        for (k, sg) in segs.iter().enumerate() {
                            let text = folded.get(sg.start as usize..sg.end as usize).unwrap_or("");
                            let next = c.segments.len() as u32;
                            let id = *seg_index.entry(text.to_string()).or_insert(next);
                            if id == next {
                                c.segments.push(text.to_string());
                            }
                            ids.push(id << 1 | u32::from(k > 0 && sg.spaced));
                        }
                        let p = c.patterns.len() as u32;
                        pattern_index.insert(folded.clone(), p);
                        c.patterns.push(ids);
                        c.folded.push(folded);
                        p
                    }
                };
                let cased = v.bytes().any(|b| b.is_ascii_uppercase()).then(|| v.clone());
                c.entries.push(CEntry {
                    file: fi as u8,
                    group: gi,
                    value: value.to_string(),
                    cased,
                    pattern,
                });
            }
        }
        c.texts.push(gtexts);
    }
    c
}

/// Expands "(a|b|)" alternatives into every phrase they stand for.
pub(crate) fn expand(p: &str) -> Vec<String> {
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
                        next.push(format!("{o}{head}{alt}"));
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
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect()
}

impl Compiled {
    /// The tables as Rust source, for `include!` by the reader.
    pub(crate) fn to_rust(&self) -> Result<String, String> {
        let mut o = String::new();
        let small = |n: usize, what: &str| {
            if n > usize::from(u16::MAX) {
                Err(format!("lexicon: {n} {what} do not fit the u16 tables"))
            } else {
                Ok(())
            }
        };
        small(self.segments.len() * 2, "segment ids")?;
        small(self.patterns.len(), "phrases")?;
        let fail = |e: std::fmt::Error| e.to_string();
        writeln!(
            o,
            "// Generated by build.rs from src/text/lexicon/*.txt: do not edit."
        )
        .map_err(fail)?;
        writeln!(
            o,
            "/// Every distinct segment of every phrase, one per line (id = line)."
        )
        .map_err(fail)?;
        writeln!(o, "static SEGMENTS: &str = {:?};", self.segments.join("\n")).map_err(fail)?;
        // Each phrase against the one before it (the variants of one line follow each
        // other): a head byte `kept << 4 | new` (segments kept from the previous phrase, new
        // segments after them), and the new segments' `id << 1 | spaced` as varints, in a
        // stream of their own (it compresses better apart).
        let (mut heads, mut segs) = (Vec::new(), Vec::new());
        let mut prev: &[u32] = &[];
        for p in &self.patterns {
            let kept = p.iter().zip(prev).take_while(|(a, b)| a == b).count();
            let new = p.get(kept..).unwrap_or(&[]);
            if p.is_empty() || p.len() > 15 {
                return Err("lexicon: a phrase of 0 or more than 15 segments".to_string());
            }
            heads.push((kept << 4 | new.len()) as u8);
            for &s in new {
                varint(&mut segs, s);
            }
            prev = p;
        }
        writeln!(
            o,
            "/// Each distinct folded phrase, in order, against the one before it: `kept << 4 | new` (its first\n/// `kept` segments are the previous phrase's, then come `new` segments from `PHRASE_SEGS`)."
        )
        .map_err(fail)?;
        writeln!(o, "static PHRASE_HEADS: &[u8] = {};", byte_string(&heads)).map_err(fail)?;
        writeln!(
            o,
            "/// The phrases' new segments, `id << 1 | spaced` as varints, end to end."
        )
        .map_err(fail)?;
        writeln!(o, "static PHRASE_SEGS: &[u8] = {};", byte_string(&segs)).map_err(fail)?;
        let nodes: std::collections::HashSet<&[u32]> = self
            .patterns
            .iter()
            .flat_map(|p| (1..=p.len()).filter_map(|k| p.get(..k)))
            .collect();
        writeln!(o, "/// The trie's nodes, the root aside (its capacity).").map_err(fail)?;
        writeln!(o, "static TRIE_NODES: usize = {};", nodes.len()).map_err(fail)?;
        let mut values: Vec<&str> = vec![""];
        let mut cased: Vec<&str> = vec![""];
        // Runs of entries (in file order) with the same file, group and value: varints
        // `count, file, group, value`.
        let mut runs = Vec::new();
        let mut run: Option<(u32, u32, u32, u32)> = None;
        // The entries written with capitals (each takes the next `CASED` phrase): varint
        // gaps from the previous one (+1).
        let mut cased_at = Vec::new();
        let mut last_cased = 0u32;
        // Most entries bring a new phrase (the next pattern id): only the others are listed,
        // as varints `entry gap from the previous listed one, pattern`.
        let mut repeats = Vec::new();
        let mut last_repeat = 0u32;
        let mut next_pattern = 0u32;
        for (id, e) in self.entries.iter().enumerate() {
            let id = id as u32;
            if e.pattern == next_pattern {
                next_pattern += 1;
            } else {
                varint(&mut repeats, id - last_repeat);
                varint(&mut repeats, e.pattern);
                last_repeat = id;
            }
            let v = match values.iter().position(|x| *x == e.value) {
                Some(i) => i,
                None => {
                    values.push(&e.value);
                    values.len() - 1
                }
            } as u32;
            let key = (u32::from(e.file), u32::from(e.group), v);
            match &mut run {
                Some((n, f, g, val)) if (*f, *g, *val) == key => *n += 1,
                _ => {
                    if let Some((n, f, g, val)) = run {
                        for x in [n, f, g, val] {
                            varint(&mut runs, x);
                        }
                    }
                    run = Some((1, key.0, key.1, key.2));
                }
            }
            if let Some(c) = &e.cased {
                cased.push(c);
                varint(&mut cased_at, id + 1 - last_cased);
                last_cased = id + 1;
            }
        }
        if let Some((n, f, g, val)) = run {
            for x in [n, f, g, val] {
                varint(&mut runs, x);
            }
        }
        small(values.len(), "values")?;
        small(cased.len(), "cased phrases")?;
        writeln!(o, "/// The entries (a phrase variant each, in file order), as runs with the same file, group and value:\n/// varints `count, file, group, value`.").map_err(fail)?;
        writeln!(o, "static ENTRY_RUNS: &[u8] = {};", byte_string(&runs)).map_err(fail)?;
        writeln!(o, "static ENTRY_COUNT: usize = {};", self.entries.len()).map_err(fail)?;
        writeln!(o, "/// The entries written with capitals, each taking the next `CASED` phrase: varint gaps (entry + 1\n/// minus the previous one's).").map_err(fail)?;
        writeln!(o, "static ENTRY_CASED: &[u8] = {};", byte_string(&cased_at)).map_err(fail)?;
        writeln!(o, "/// The entries whose phrase an earlier entry brought: varints `entry gap, phrase`; every other\n/// entry brings the next phrase.").map_err(fail)?;
        writeln!(
            o,
            "static ENTRY_REPEATS: &[u8] = {};",
            byte_string(&repeats)
        )
        .map_err(fail)?;
        // Lists of texts as one string each, a text a line (no table of pointers).
        let mut texts: Vec<&str> = Vec::new();
        for groups in &self.texts {
            for (message, fix) in groups {
                texts.push(message);
                texts.push(fix);
            }
        }
        if values
            .iter()
            .chain(&cased)
            .chain(&texts)
            .any(|t| t.contains('\n'))
        {
            return Err("lexicon: a value, phrase or text with a line break".to_string());
        }
        writeln!(o, "/// The values after ` = `, a line each (line 0: none).").map_err(fail)?;
        writeln!(o, "static VALUES: &str = {:?};", values.join("\n")).map_err(fail)?;
        writeln!(
            o,
            "/// Phrases written with capitals, as written, a line each (line 0: none)."
        )
        .map_err(fail)?;
        writeln!(o, "static CASED: &str = {:?};", cased.join("\n")).map_err(fail)?;
        writeln!(
            o,
            "/// Per file, per group (in `FILES` order): the `message:` and `fix:` lines."
        )
        .map_err(fail)?;
        writeln!(o, "static TEXTS: &str = {:?};", texts.join("\n")).map_err(fail)?;
        writeln!(o, "/// Problems found in the files (checked by the tests).").map_err(fail)?;
        writeln!(o, "#[allow(dead_code)]").map_err(fail)?;
        writeln!(o, "static PROBLEMS: &[&str] = &{:?};", self.problems).map_err(fail)?;
        Ok(o)
    }
}

/// Appends `x` as a LEB128 varint (7 bits a byte, low first; the high bit means more).
pub(crate) fn varint(out: &mut Vec<u8>, mut x: u32) {
    while x >= 0x80 {
        out.push((x & 0x7f) as u8 | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// `bytes` as a Rust byte-string literal.
fn byte_string(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 4 + 3);
    s.push_str("b\"");
    for &b in bytes {
        let _ = write!(s, "\\x{b:02x}");
    }
    s.push('"');
    s
}
