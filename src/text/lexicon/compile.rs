//! Compiles the lexicon files into their phrases, expanded and folded (run by `build.rs`,
//! whose [`super::tables`] lays them out as the static tables the reader uses as they are, so
//! the browser never parses, expands or folds a phrase). Also used by the lexicon's tests.
//! Std only, like [`super::spec`].
//!
//! Format of a file: `[group]` opens a group; then one phrase per line, lower case,
//! optionally `phrase = value`; `#` starts a comment line; `(a|b|)` lists alternatives (an
//! empty one makes the group optional). A phrase written with capitals ("PT", "TUG", "MoCA")
//! matches only text written with the same capitals. Phrases are folded the way the text is,
//! so "short-term" and "short term" are the same phrase. Groups may carry `message:` and
//! `fix:` lines (the red-flag rewrites).

use super::spec::{segments, Seg, FILES};
use std::collections::HashMap;

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
