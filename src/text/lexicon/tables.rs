//! Lays the compiled lexicons out as the static tables the reader uses as they are (run by
//! `build.rs`): the reader does no hashing, inserting or decoding at start-up.
//!
//! - Segments: every distinct segment is placed in a table of [`SLOTS`] slots by its hash
//!   ([`slot_of`], linear probing), and its id *is* its slot. `SEG_TEXT` holds the slots in
//!   order, a line each (an empty line: a free slot).
//! - The trie: node 0 is the root; the root's child by segment `s` is node `1 + s`; the
//!   other nodes follow in breadth-first order, each node's children numbered together and
//!   sorted by their edge label (`segment << 1 | spaced`). So `NODE_FAN` (children per node)
//!   gives where each node's children start (a running sum), and `NODE_LABEL` their labels,
//!   to search in.
//! - Entries: a node where a phrase ends is that phrase's first entry (in file order): entry
//!   `n` is node `n`. A phrase of several entries lists the others after the nodes
//!   (`EXTRA_NODE`, `EXTRA_START`; such a node's `ENTRY_CASED` has its high bit set).
//!   `ENTRY_KIND` (file and group, through `KIND_FILE` and `KIND_GROUP`; `0xff`: no entry),
//!   `ENTRY_VALUE` (line of `VALUES`) and `ENTRY_CASED` (line of `CASED`, 0: none)
//!   describe each entry.

use super::compile::Compiled;
use super::hash::{slot_of, SLOTS};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The tables as Rust source, for `include!` by the reader.
pub(crate) fn to_rust(c: &Compiled) -> Result<String, String> {
    let fail = |e: std::fmt::Error| e.to_string();
    // Segments into their slots.
    let mut slots: Vec<Option<usize>> = vec![None; SLOTS];
    let mut slot_of_seg = Vec::with_capacity(c.segments.len());
    if c.segments.len() * 4 > SLOTS * 3 {
        return Err("lexicon: too many segments for the segment table".to_string());
    }
    for (i, s) in c.segments.iter().enumerate() {
        if s.is_empty() || s.contains('\n') {
            return Err(format!("lexicon: segment {s:?}"));
        }
        let mut j = slot_of(s.as_bytes());
        while slots.get(j).is_some_and(Option::is_some) {
            j = (j + 1) % SLOTS;
        }
        if let Some(x) = slots.get_mut(j) {
            *x = Some(i);
        }
        slot_of_seg.push(j as u32);
    }
    let seg_text: Vec<&str> = slots
        .iter()
        .map(|s| s.and_then(|i| c.segments.get(i)).map_or("", |t| t.as_str()))
        .collect();
    let seg_lens: Vec<usize> = seg_text.iter().map(|t| t.len()).collect();
    let seg_text = seg_text.join("\n");
    if seg_text.len() >= usize::from(u16::MAX) {
        return Err("lexicon: the segment text does not fit u16 offsets".to_string());
    }
    // The trie over relabelled phrases, with temporary node ids.
    let relabel = |s: u32| {
        slot_of_seg
            .get((s >> 1) as usize)
            .map_or(0, |&slot| slot << 1 | (s & 1))
    };
    let mut kids: Vec<BTreeMap<u32, usize>> = vec![BTreeMap::new()];
    let mut ends: Vec<Option<usize>> = vec![None];
    for (p, pat) in c.patterns.iter().enumerate() {
        let mut node = 0usize;
        for (k, &s) in pat.iter().enumerate() {
            // The first segment's spacing never counts (the compiler writes it as 0).
            let label = if k == 0 { relabel(s) & !1 } else { relabel(s) };
            let next = kids.len();
            let child = *kids
                .get_mut(node)
                .ok_or("lexicon: trie")?
                .entry(label)
                .or_insert(next);
            if child == next {
                kids.push(BTreeMap::new());
                ends.push(None);
            }
            node = child;
        }
        if node == 0 {
            return Err("lexicon: an empty phrase".to_string());
        }
        if let Some(e) = ends.get_mut(node) {
            *e = Some(p);
        }
    }
    // Final numbering: the root's children by slot, then breadth first.
    let mut order: Vec<Option<usize>> = vec![Some(0)];
    order.extend(std::iter::repeat(None).take(SLOTS));
    for (&label, &child) in kids.first().ok_or("lexicon: trie")? {
        if let Some(x) = order.get_mut(1 + (label >> 1) as usize) {
            *x = Some(child);
        }
    }
    let mut fan = Vec::new();
    let mut labels = Vec::new();
    let mut at = 1usize;
    while at < order.len() {
        let node = order.get(at).copied().flatten();
        let children = node.and_then(|n| kids.get(n));
        let n = children.map_or(0, BTreeMap::len);
        if n > 255 {
            return Err("lexicon: a node of more than 255 children".to_string());
        }
        fan.push(n as u8);
        if let Some(children) = children {
            for (&label, &child) in children {
                order.push(Some(child));
                labels.push(label);
            }
        }
        at += 1;
    }
    let nodes = order.len();
    if nodes >= usize::from(u16::MAX) {
        return Err("lexicon: too many trie nodes for u16 ids".to_string());
    }
    // Entries: by phrase, in file order.
    let mut by_pattern: Vec<Vec<usize>> = vec![Vec::new(); c.patterns.len()];
    for (i, e) in c.entries.iter().enumerate() {
        if let Some(v) = by_pattern.get_mut(e.pattern as usize) {
            v.push(i);
        }
    }
    let mut values: Vec<&str> = vec![""];
    let mut cased: Vec<&str> = vec![""];
    let mut file = vec![0xffu8; nodes];
    let mut group = vec![0u8; nodes];
    let mut value = vec![0u16; nodes];
    let mut case = vec![0u16; nodes];
    let (mut extra_node, mut extra_start) = (Vec::new(), vec![0u32]);
    let mut describe = |i: usize,
                        file: &mut Vec<u8>,
                        group: &mut Vec<u8>,
                        value: &mut Vec<u16>,
                        case: &mut Vec<u16>,
                        at: Option<usize>|
     -> Result<(), String> {
        let e = c.entries.get(i).ok_or("lexicon: entry")?;
        let v = match values.iter().position(|x| *x == e.value) {
            Some(v) => v,
            None => {
                values.push(&e.value);
                values.len() - 1
            }
        };
        let k = match &e.cased {
            Some(s) => {
                cased.push(s);
                cased.len() - 1
            }
            None => 0,
        };
        if e.file >= 0x7f || v > usize::from(u16::MAX) || k > usize::from(u16::MAX) {
            return Err("lexicon: an entry does not fit the tables".to_string());
        }
        match at {
            Some(n) => {
                *file.get_mut(n).ok_or("lexicon: node")? = e.file;
                *group.get_mut(n).ok_or("lexicon: node")? = e.group;
                *value.get_mut(n).ok_or("lexicon: node")? = v as u16;
                *case.get_mut(n).ok_or("lexicon: node")? = k as u16;
            }
            None => {
                file.push(e.file);
                group.push(e.group);
                value.push(v as u16);
                case.push(k as u16);
            }
        }
        Ok(())
    };
    let (mut xfile, mut xgroup, mut xvalue, mut xcase) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (n, node) in order.iter().enumerate() {
        let Some(p) = node.and_then(|t| ends.get(t).copied().flatten()) else {
            continue;
        };
        let list = by_pattern.get(p).ok_or("lexicon: phrase")?;
        let (&first, rest) = list
            .split_first()
            .ok_or("lexicon: a phrase without entries")?;
        describe(first, &mut file, &mut group, &mut value, &mut case, Some(n))?;
        if !rest.is_empty() {
            // The flag that sends the reader to `EXTRA_NODE`.
            if let Some(f) = file.get_mut(n) {
                *f |= 0x80;
            }
            for &i in rest {
                describe(i, &mut xfile, &mut xgroup, &mut xvalue, &mut xcase, None)?;
            }
            extra_node.push(n as u32);
            extra_start.push(xfile.len() as u32);
        }
    }
    file.extend(xfile);
    group.extend(xgroup);
    value.extend(xvalue);
    case.extend(xcase);
    if file.len() >= usize::from(u16::MAX) {
        return Err("lexicon: too many entries for u16 ids".to_string());
    }
    let mut texts: Vec<&str> = Vec::new();
    for groups in &c.texts {
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
    let mut o = String::new();
    writeln!(
        o,
        "// Generated by build.rs from src/text/lexicon/*.txt: do not edit."
    )
    .map_err(fail)?;
    if seg_lens.iter().any(|&l| l > 0xff) {
        return Err("lexicon: a segment of more than 255 bytes".to_string());
    }
    writeln!(o, "/// The segments, a line per slot (a segment's id is its slot; an empty line: a free slot).").map_err(fail)?;
    writeln!(o, "static SEG_TEXT: &str = {seg_text:?};").map_err(fail)?;
    let longest = c.segments.iter().map(String::len).max().unwrap_or(0);
    writeln!(o, "/// The longest segment's length.").map_err(fail)?;
    writeln!(o, "const SEG_MAX: usize = {longest};").map_err(fail)?;
    writeln!(
        o,
        "/// Trie nodes (the root, the root's children by segment, then breadth first)."
    )
    .map_err(fail)?;
    writeln!(o, "const NODES: usize = {nodes};").map_err(fail)?;
    writeln!(
        o,
        "/// Per node (the root aside): how many children it has."
    )
    .map_err(fail)?;
    writeln!(o, "static NODE_FAN: [u8; {}] = {};", fan.len(), list(&fan)).map_err(fail)?;
    writeln!(
        o,
        "/// Per node after the root's children: its edge label, `segment << 1 | spaced`."
    )
    .map_err(fail)?;
    writeln!(
        o,
        "static NODE_LABEL: [u16; {}] = {};",
        labels.len(),
        list(&labels)
    )
    .map_err(fail)?;
    // Each entry's file and group as one kind (the pairs that occur, in order); the flag of
    // more entries moves to the capitals' high bit.
    let pairs: std::collections::BTreeSet<(u8, u8)> = file
        .iter()
        .zip(&group)
        .filter(|(&f, _)| f != 0xff)
        .map(|(&f, &g)| (f & 0x7f, g))
        .collect();
    let pairs: Vec<(u8, u8)> = pairs.into_iter().collect();
    if pairs.len() >= 0xff || case.iter().any(|&k| k >= 0x8000) {
        return Err("lexicon: too many kinds or capitalized phrases for the tables".to_string());
    }
    let mut kind = Vec::with_capacity(file.len());
    for (i, (&f, &g)) in file.iter().zip(&group).enumerate() {
        if f == 0xff {
            kind.push(0xffu8);
            continue;
        }
        let k = pairs.binary_search(&(f & 0x7f, g)).unwrap_or(0);
        kind.push(k as u8);
        if f & 0x80 != 0 {
            if let Some(x) = case.get_mut(i) {
                *x |= 0x8000;
            }
        }
    }
    let (kind_file, kind_group): (Vec<u8>, Vec<u8>) = pairs.into_iter().unzip();
    writeln!(
        o,
        "/// Each kind of entry: its file (index in `FILES`) and group."
    )
    .map_err(fail)?;
    writeln!(
        o,
        "static KIND_FILE: [u8; {}] = {};",
        kind_file.len(),
        list(&kind_file)
    )
    .map_err(fail)?;
    writeln!(
        o,
        "static KIND_GROUP: [u8; {}] = {};",
        kind_group.len(),
        list(&kind_group)
    )
    .map_err(fail)?;
    writeln!(o, "/// Per entry (entry `n < NODES`: the first entry of the phrase ending at node `n`): its kind\n/// (`0xff`: none), value (line of `VALUES`) and capitals (line of `CASED`, 0: none; high bit:\n/// the phrase has more entries).").map_err(fail)?;
    writeln!(
        o,
        "static ENTRY_KIND: [u8; {}] = {};",
        kind.len(),
        list(&kind)
    )
    .map_err(fail)?;
    writeln!(
        o,
        "static ENTRY_VALUE: [u16; {}] = {};",
        value.len(),
        list(&value)
    )
    .map_err(fail)?;
    writeln!(
        o,
        "static ENTRY_CASED: [u16; {}] = {};",
        case.len(),
        list(&case)
    )
    .map_err(fail)?;
    writeln!(o, "/// The nodes whose phrase has more than one entry (ascending), and where their other entries\n/// start (entries `NODES + EXTRA_START[k] .. NODES + EXTRA_START[k + 1]`).").map_err(fail)?;
    writeln!(
        o,
        "static EXTRA_NODE: [u16; {}] = {};",
        extra_node.len(),
        list(&extra_node)
    )
    .map_err(fail)?;
    writeln!(
        o,
        "static EXTRA_START: [u16; {}] = {};",
        extra_start.len(),
        list(&extra_start)
    )
    .map_err(fail)?;
    writeln!(o, "/// The values after ` = ` (0: none).").map_err(fail)?;
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
    writeln!(o, "static PROBLEMS: &[&str] = &{:?};", c.problems).map_err(fail)?;
    Ok(o)
}

/// A list of numbers as a Rust array literal.
fn list<T: std::fmt::Display>(xs: &[T]) -> String {
    let mut s = String::with_capacity(xs.len() * 4 + 2);
    s.push('[');
    for x in xs {
        let _ = write!(s, "{x},");
    }
    s.push(']');
    s
}
