//! Signatures as notes write them: "Dana Lee, PT, DPT", "A. Kim, M.S., CCC-SLP" (degrees
//! before credentials), "Electronically signed by: J. Ruiz, COTA/L on 3/10/26", "Prepared
//! by …", "/s/ …", co-signatures ("Sam Ortiz, SPT / Dana Lee, PT, DPT"). A line is a
//! signature when it holds a name and at least one professional credential
//! (`lexicon/credentials.txt`). A blank line ("Therapist: ______") is not, and neither is a
//! "Therapist:" field in the identification lines at the top of a note.

use super::facts::{Credential, Signature};
use super::lexicon::{g, Lex};
use super::normalize::{count_words, TokKind};
use super::pipeline::Parsed;
use super::sections::SectionKind;

#[inline(never)] // one stage: its own entry in a profile
pub(crate) fn find(p: &Parsed<'_>) -> Vec<Signature> {
    let f = p.doc.folded.as_bytes();
    let header_end = header_block_end(p);
    let mut out = Vec::new();
    let mut ls = 0usize;
    while ls < f.len() {
        let le = f
            .get(ls..)
            .and_then(|r| memchr::memchr(b'\n', r))
            .map_or(f.len(), |i| ls + i);
        if let Some(sig) = line(p, ls as u32, le as u32, header_end) {
            out.push(sig);
        }
        ls = le + 1;
    }
    out
}

/// Where the identification lines at the top of a note end: the leading lines that are
/// each a labelled field ("Client's name:", "Date:", "Therapist:") or a title in capitals.
fn header_block_end(p: &Parsed<'_>) -> u32 {
    let f = p.doc.folded.as_bytes();
    let mut ls = 0usize;
    let mut end = 0u32;
    while ls < f.len() {
        let le = f
            .get(ls..)
            .and_then(|r| memchr::memchr(b'\n', r))
            .map_or(f.len(), |i| ls + i);
        let text = p.doc.f(ls as u32, le as u32).trim();
        if !text.is_empty() {
            let first = ls as u32
                + (p.doc.f(ls as u32, le as u32).len()
                    - p.doc.f(ls as u32, le as u32).trim_start().len()) as u32;
            let heading = p.headings.iter().find(|h| h.start == first);
            let field = heading.is_some_and(|h| {
                h.end > h.start + 1
                    && !matches!(
                        h.kind,
                        SectionKind::Subjective
                            | SectionKind::Objective
                            | SectionKind::Assessment
                            | SectionKind::Plan
                    )
                    || matches!(
                        h.kind,
                        SectionKind::Header
                            | SectionKind::Other
                            | SectionKind::Diagnosis
                            | SectionKind::DischargeSummary
                    )
            });
            let soap = heading.is_some_and(|h| h.end <= h.start + 2);
            if !field || soap {
                break;
            }
        }
        end = le as u32;
        ls = le + 1;
    }
    end
}

fn line(p: &Parsed<'_>, ls: u32, le: u32, header_end: u32) -> Option<Signature> {
    let creds: Vec<&super::pipeline::Concept> = p
        .concepts
        .iter()
        .skip_while(|c| c.start < ls)
        .take_while(|c| c.start < le)
        .filter(|c| {
            c.lex == Lex::Credential
                && matches!(c.group, g::credential::CREDENTIAL | g::credential::DEGREE)
        })
        .collect();
    let first = creds.first()?;
    if !creds.iter().any(|c| c.group == g::credential::CREDENTIAL) {
        return None;
    }
    let text = p.doc.f(ls, le);
    // A label before a colon: a signing phrase ("Electronically signed by:") counts
    // anywhere; an identification field ("Therapist:") only after the note's top lines.
    let mut start = ls
        + (text.len()
            - text
                .trim_start_matches([' ', '-', '*', '_', '~', '>', '/'])
                .len()) as u32;
    let colon = p
        .doc
        .f(start, first.start)
        .find(':')
        .map(|i| start + i as u32);
    let signing_label = p
        .concepts
        .iter()
        .skip_while(|c| c.start < ls)
        .take_while(|c| c.start < first.start)
        .find(|c| c.lex == Lex::Credential && c.group == g::credential::SIGNING);
    if let Some(c) = colon {
        let label_words = count_words(p.doc.f(start, c));
        if label_words > 5 {
            return None;
        }
        if signing_label.is_none() && le <= header_end {
            return None;
        }
        start = c + 1;
    } else if let Some(s) = signing_label {
        start = s.end;
    }
    if p.doc.f(start, start + 4).trim_start().starts_with("/s/") {
        start += p
            .doc
            .f(start, start + 4)
            .find("/s/")
            .map_or(0, |i| i as u32 + 3);
    }
    // The name: capitalized words or initials before the first credential.
    let i = p.doc.tok_from(start);
    let j = p.doc.tok_from(first.start);
    let name_toks = p.doc.toks.get(i..j).unwrap_or(&[]);
    let words: Vec<_> = name_toks
        .iter()
        .filter(|t| t.kind == TokKind::Word)
        .collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let capitalized = words.iter().all(|t| {
        let w = p.doc.orig(t.start, t.end);
        w.chars().next().is_some_and(char::is_uppercase)
            || matches!(w, "de" | "van" | "von" | "da" | "del" | "la" | "le" | "st")
    });
    if !capitalized || name_toks.iter().any(|t| t.kind == TokKind::Num) {
        return None;
    }
    if name_toks.iter().any(|t| {
        t.kind == TokKind::Punct
            && !matches!(
                p.doc.byte(t.start as usize),
                b'.' | b',' | b'\'' | b'-' | b'(' | b')'
            )
    }) {
        return None;
    }
    // The credentials (and any co-signer) to the end of the line; the rest may be a date.
    let last = creds.last()?;
    let between_ok = {
        let mut ok = true;
        for w in creds.windows(2) {
            let (Some(a), Some(b)) = (w.first(), w.get(1)) else {
                continue;
            };
            let gap = p.doc.f(a.end, b.start);
            // Separators, or a co-signer's name.
            let words = gap
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|x| !x.is_empty())
                .count();
            if words > 5 {
                ok = false;
            }
        }
        ok
    };
    if !between_ok {
        return None;
    }
    let tail = p.doc.f(last.end, le);
    let tail_words = tail
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|x| x.len() > 2)
        .count();
    if tail_words > 6 {
        return None;
    }
    // A note's title ("PEDIATRIC OT SESSION NOTE", "PT DAILY NOTE") names a discipline, not
    // a signer: a signature's tail is a date or a co-signer, never the kind of document.
    let titled = tail
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| {
            matches!(
                w,
                "note" | "notes" | "session" | "evaluation" | "report" | "summary" | "visit"
                    | "reevaluation" | "recertification" | "discharge" | "daily"
            )
        });
    if titled {
        return None;
    }
    let credentials: Vec<Credential> = creds
        .iter()
        .filter(|c| c.group == g::credential::CREDENTIAL)
        .filter_map(|c| Credential::from_role(c.value))
        .collect();
    let name_start = name_toks.first().map_or(first.start, |t| t.start);
    Some(Signature {
        span: p.doc.span(name_start, last.end),
        credentials,
    })
}
