//! Times and units written in the text: an intervention (or its code) with the minutes or
//! units beside it ("Ther ex 25 min", "TE 97110 (2 units / 30')", "97110 x2", "2u",
//! "12 min of neuro re-ed"), and the totals ("Total timed minutes: 40", "total tx 45 min").
//! A number with a time unit is minutes whatever precedes it ("97110 x 30 min" is 30
//! minutes); a number after "x" with no unit, or with "units"/"u", is units.

use super::facts::{Intervention, Mention};
use super::lexicon::Lex;
use super::normalize::TokKind;
use super::pipeline::Parsed;
use super::quantities::Unit;

#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn interventions(p: &Parsed<'_>) -> Vec<Intervention> {
    let mut mentions: Vec<(u32, u32, Vec<&'static str>)> = Vec::new();
    for c in p.concepts.iter().filter(|c| c.lex == Lex::Intervention) {
        let codes: Vec<&'static str> = c.value.split_whitespace().collect();
        mentions.push((c.start, c.end, codes));
    }
    // Codes written as numbers: "97110", "G0283".
    let toks = &p.doc.toks;
    for (i, t) in toks.iter().enumerate() {
        let code = match t.kind {
            TokKind::Num if t.end - t.start == 5 => p.doc.tok_str(t).to_string(),
            TokKind::Word if p.doc.tok_is(t, "g") => match toks.get(i + 1) {
                Some(n) if n.kind == TokKind::Num && n.start == t.end && n.end - n.start == 4 => {
                    format!("G{}", p.doc.tok_str(n))
                }
                _ => continue,
            },
            _ => continue,
        };
        if let Some(info) = crate::policy::codes::lookup(&code) {
            let end = if t.kind == TokKind::Word {
                toks.get(i + 1).map_or(t.end, |n| n.end)
            } else {
                t.end
            };
            mentions.push((t.start, end, vec![info.code]));
        }
    }
    crate::sort::sort_by_key(&mut mentions, |m| m.0);
    // A name followed by its code ("TE 97110") is one mention, with the code.
    let mut merged: Vec<(u32, u32, Vec<&'static str>)> = Vec::new();
    for m in mentions {
        if let Some(last) = merged.last_mut() {
            let gap = p.doc.f(last.1, m.0);
            if gap
                .chars()
                .all(|c| matches!(c, ' ' | '(' | ':' | '-' | '/' | ','))
                && gap.len() <= 3
                && (m.2.iter().all(|c| last.2.contains(c))
                    || last.2.iter().all(|c| m.2.contains(c)))
            {
                if m.2.len() < last.2.len() {
                    last.2 = m.2;
                }
                last.1 = m.1;
                continue;
            }
            // Codes joined for one time ("97129 + 97130, 30 min", "97110/97530 x 40 min"):
            // one mention of both, compared with their lines together.
            let joined = matches!(gap.trim(), "+" | "&" | "and" | "/" | "plus");
            if joined
                && gap.len() <= 6
                && p.doc.f(m.0, m.1).bytes().all(|b| b.is_ascii_alphanumeric())
            {
                for c in m.2 {
                    if !last.2.contains(&c) {
                        last.2.push(c);
                    }
                }
                last.1 = m.1;
                continue;
            }
        }
        merged.push(m);
    }
    let mut out = Vec::new();
    for (k, (a, b, codes)) in merged.iter().enumerate() {
        if codes.is_empty() {
            continue;
        }
        let next_start = merged.get(k + 1).map_or(u32::MAX, |m| m.0);
        let (minutes, units) = read_after(p, *b, next_start);
        let (minutes, units) = if minutes.is_none() && units.is_none() {
            (read_before(p, *a), None)
        } else {
            (minutes, units)
        };
        if minutes.is_none() && units.is_none() {
            continue;
        }
        out.push(Intervention {
            codes: codes.clone(),
            span: p.doc.span(*a, *b),
            minutes,
            units,
        });
    }
    out
}

fn mention(p: &Parsed<'_>, q: &super::quantities::Quant) -> Option<Mention> {
    if q.value.fract() != 0.0 || q.value < 0.0 || q.value > 999.0 {
        return None;
    }
    Some(Mention {
        value: q.value as u32,
        span: p.doc.span(q.num.0, q.num.1),
    })
}

/// Minutes and units written right after a mention ending at `from`, before `limit`.
fn read_after(p: &Parsed<'_>, from: u32, limit: u32) -> (Option<Mention>, Option<Mention>) {
    let mut minutes = None;
    let mut units = None;
    let f = p.doc.folded.as_bytes();
    let mut pos = from;
    let i = p.quants.partition_point(|q| q.start < from);
    for q in p.quants.get(i..).unwrap_or(&[]) {
        if q.start >= limit {
            break;
        }
        // Only separators between the mention (or the last quantity) and this one.
        let gap = p.doc.f(pos, q.start);
        let ok_gap = gap.len() <= 12
            && gap
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .all(|w| matches!(w, "x" | "for" | "of" | "total" | "and" | "plus"))
            && !gap.contains('\n')
            && !gap.contains(';')
            && !(gap.contains(',') && (minutes.is_some() || units.is_some()));
        if !ok_gap {
            break;
        }
        match q.unit {
            Unit::Minutes => {
                // "25'" is minutes only before a closing bracket or punctuation ("TE 25':",
                // "Ther act 20' - trialed …", with a spaced dash).
                let prime = f.get(q.end as usize - 1) == Some(&b'\'');
                let after = f.get(q.end as usize).copied().unwrap_or(b'\n');
                let spaced_dash =
                    after == b' ' && f.get(q.end as usize + 1).is_some_and(|c| *c == b'-');
                if prime
                    && !spaced_dash
                    && !matches!(
                        after,
                        b')' | b':' | b';' | b',' | b'-' | b'\n' | b'/' | b'.'
                    )
                {
                    break;
                }
                if prime && after == b' ' && f.get(q.end as usize + 1).is_some_and(|c| *c == b'x') {
                    // "amb 150' x2" is feet.
                    break;
                }
                if minutes.is_none() {
                    minutes = mention(p, q);
                }
            }
            Unit::Units | Unit::Times if units.is_none() => {
                if q.value <= 20.0 {
                    units = mention(p, q);
                }
            }
            Unit::Bare if units.is_none() && q.after_x => units = mention(p, q),
            _ => break,
        }
        pos = q.end;
        if minutes.is_some() && units.is_some() {
            break;
        }
    }
    (minutes, units)
}

/// "12 min of neuro re-ed": minutes written just before the mention.
fn read_before(p: &Parsed<'_>, at: u32) -> Option<Mention> {
    let i = p.quants.partition_point(|q| q.end <= at);
    let q = p.quants.get(i.checked_sub(1)?)?;
    if q.unit != Unit::Minutes {
        return None;
    }
    let gap = p.doc.f(q.end, at).trim();
    (gap.is_empty() || gap == "of" || gap == "of the")
        .then(|| mention(p, q))
        .flatten()
}

/// Totals written in the text: (total treatment time, total timed minutes), with where.
#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn totals(p: &Parsed<'_>) -> (Option<Mention>, Option<Mention>, Vec<(u32, u32)>) {
    let toks = &p.doc.toks;
    let mut treatment = None;
    let mut timed = None;
    let mut spans = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokKind::Word {
            continue;
        }
        // Both words have five letters: the others are not sliced.
        if t.end - t.start != 5 {
            continue;
        }
        let w = p.doc.tok_str(t);
        if w != "total" && w != "timed" {
            continue;
        }
        // "timed" right after "total" is read with "total".
        if w == "timed" && i > 0 && toks.get(i - 1).is_some_and(|x| p.doc.tok_str(x) == "total") {
            continue;
        }
        let mut is_timed = w == "timed";
        let mut j = i + 1;
        let mut words = 0;
        let mut time_word = w == "timed";
        while let Some(x) = toks.get(j) {
            if x.kind != TokKind::Word || words >= 4 {
                break;
            }
            match p.doc.tok_str(x) {
                "timed" => is_timed = true,
                "code" | "codes" | "treatment" | "tx" | "therapy" | "session" | "visit"
                | "billable" => {}
                "time" | "minutes" | "mins" | "min" => time_word = true,
                "was" | "of" | "is" | "equals" => {}
                _ => break,
            }
            words += 1;
            j += 1;
        }
        if !time_word && (words == 0 || w != "total") {
            continue;
        }
        // Separators, then the number.
        while let Some(x) = toks.get(j) {
            if x.kind == TokKind::Punct
                && matches!(p.doc.byte(x.start as usize), b':' | b'=' | b'-')
            {
                j += 1;
            } else {
                break;
            }
        }
        let Some(n) = toks.get(j).filter(|x| x.kind == TokKind::Num) else {
            continue;
        };
        let Ok(value) = p.doc.tok_str(n).parse::<u32>() else {
            continue;
        };
        // "Total treatment time: 3 visits" is not minutes.
        let unit_ok = p
            .quants
            .iter()
            .find(|q| q.num.0 == n.start)
            .map_or(true, |q| matches!(q.unit, Unit::Minutes | Unit::Bare));
        let minutes_unit = p
            .quants
            .iter()
            .any(|q| q.num.0 == n.start && q.unit == Unit::Minutes);
        if !((time_word || is_timed) && unit_ok || w == "total" && words > 0 && minutes_unit) {
            continue;
        }
        let m = Mention {
            value,
            span: p.doc.span(n.start, n.end),
        };
        spans.push((t.start, n.end));
        if is_timed {
            timed.get_or_insert(m);
        } else {
            treatment.get_or_insert(m);
        }
    }
    (treatment, timed, spans)
}
