//! Folding, shared by the reader ([`super::normalize`]) and the build script, which folds the
//! lexicons' phrases the same way when it compiles them (`build.rs`). Std only: no crate
//! paths, so `build.rs` can include this file as it is.

/// What a non-ASCII character folds to (`None`: a space).
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => "i",
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ő' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => "-",
        '°' | '\u{00BA}' => "deg",
        '→' | '⟶' | '➔' | '➜' => "->",
        '⇒' => "=>",
        '←' => "<-",
        '↑' | '⬆' => " increased ",
        '↓' | '⬇' => " decreased ",
        '≥' => ">=",
        '≤' => "<=",
        '×' => "x",
        '÷' => "/",
        '½' => "1/2",
        '¼' => "1/4",
        '¾' => "3/4",
        '•' | '◦' | '▪' | '·' | '●' | '‣' | '∙' | '○' | '■' | '□' | '☐' | '➢' | '►' => {
            "*"
        }
        '✓' | '✔' | '✗' | '✘' => "x",
        '…' => "...",
        '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => return None,
        _ => return None,
    })
}

/// Appends the folded copy of `text` to `folded` (see [`super::normalize`] for what folding
/// does) and, when `map` is given, for each folded byte the byte offset in `text` of the
/// character it came from.
pub(crate) fn fold_into(text: &str, folded: &mut String, mut map: Option<&mut Vec<u32>>) {
    let bytes = text.as_bytes();
    // Every byte written is ASCII (the table above and the ASCII cases below), so the bytes
    // are built directly and turned back into a `String` at the end.
    let mut out = std::mem::take(folded).into_bytes();
    out.reserve(text.len() + 16);
    if let Some(m) = map.as_deref_mut() {
        m.reserve(text.len() + 17);
    }
    fn push(out: &mut Vec<u8>, map: &mut Option<&mut Vec<u32>>, b: u8, at: usize) {
        if b == b' ' && out.last() == Some(&b' ') {
            return;
        }
        out.push(b);
        if let Some(m) = map.as_deref_mut() {
            m.push(at as u32);
        }
    }
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_graphic() && b != b'-' {
            // A run of visible ASCII but '-' (most of a note) folds byte for byte: copied in
            // one go, lower-cased, each byte mapped to its own offset; so does one space after
            // it (it follows no space).
            let run = bytes.get(i..).unwrap_or(&[]);
            let mut n = run
                .iter()
                .position(|&c| !c.is_ascii_graphic() || c == b'-')
                .unwrap_or(run.len());
            if run.get(n) == Some(&b' ') {
                n += 1;
            }
            let at = out.len();
            out.extend_from_slice(run.get(..n).unwrap_or(&[]));
            if let Some(copied) = out.get_mut(at..) {
                copied.make_ascii_lowercase();
            }
            if let Some(m) = map.as_deref_mut() {
                m.extend(i as u32..(i + n) as u32);
            }
            i += n;
            continue;
        }
        if b.is_ascii() {
            let o = match b {
                b'A'..=b'Z' => b + 32,
                b'\t' | b'\r' | 0x0b | 0x0c => b' ',
                b'-' => {
                    let prev = out.last().copied().unwrap_or(b' ');
                    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
                    // "short-term", "EAT-10", "9-hole": a hyphen with a letter on one side
                    // joins words; "4-5", "0-105" keep their dash.
                    if (prev.is_ascii_alphabetic() && next.is_ascii_alphanumeric())
                        || (prev.is_ascii_digit() && next.is_ascii_alphabetic())
                    {
                        b' '
                    } else {
                        b'-'
                    }
                }
                0..=8 | 0x0e..=0x1f | 0x7f => b' ',
                _ => b,
            };
            push(&mut out, &mut map, o, i);
            i += 1;
            continue;
        }
        let mut rest = text.get(i..).unwrap_or("").chars();
        let Some(c) = rest.next() else {
            break;
        };
        let s = match fold_char(c) {
            // A dash between letters is a hyphen: a space, as for '-'.
            Some("-")
                if out.last().is_some_and(u8::is_ascii_alphabetic)
                    && rest.next().is_some_and(|n| n.is_ascii_alphabetic()) =>
            {
                " "
            }
            Some(s) => s,
            None => " ",
        };
        for &o in s.as_bytes() {
            push(&mut out, &mut map, o, i);
        }
        i += c.len_utf8();
    }
    expand_with(&mut out, &mut map);
    expand_week(&mut out, &mut map);
    *folded = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// "w/" and "w/o", shorthand in nearly every note, are read as the words they stand for, so
/// that each phrase of the lexicon written with "with" or "without" matches them too
/// ("independence w/ the home program", "amb w/o AD"): "w/o" before a non-letter is
/// "without"; "w/" before a space or a word of two letters or more is "with" ("w/ RW",
/// "w/RW"). "w/c" (wheelchair), "w/u", "w/e" and "w/in" stay as written.
fn expand_with(out: &mut Vec<u8>, map: &mut Option<&mut Vec<u32>>) {
    let starts = |b: &[u8], k: usize| {
        b.get(k) == Some(&b'w')
            && b.get(k + 1) == Some(&b'/')
            && (k == 0 || b.get(k - 1).is_some_and(|c| !c.is_ascii_alphanumeric()))
    };
    // Many notes have none: one pass over the bytes says so.
    if !out
        .iter()
        .enumerate()
        .skip(1)
        .any(|(k, &c)| c == b'/' && starts(out, k - 1))
    {
        return;
    }
    rewrite(out, map, |src, k| {
        if !starts(src, k) {
            return None;
        }
        let after = src.get(k + 2..).unwrap_or(&[]);
        let word = after.iter().take_while(|c| c.is_ascii_alphabetic()).count();
        let glued = after.get(..word).unwrap_or(&[]);
        if glued == b"o" {
            Some((b"without", [k, k, k, k + 1, k + 2, k + 2, k + 2], 3))
        } else if word == 0 && after.first() == Some(&b' ') {
            Some((b"with", [k, k, k, k + 1, 0, 0, 0], 2))
        } else if word >= 2 && glued != b"in" {
            Some((b"with ", [k, k, k, k + 1, k + 1, 0, 0], 2))
        } else {
            None
        }
    });
}

/// "wk" and "wks" (weeks, in "2x/wk", "this wk", "3 wks", "3wks") are read as "week" and
/// "weeks", the way "w/" is read as "with", so that every phrase of the lexicon written with
/// "week" matches the shorthand too. Only the whole word: "wkly" and "hawk" stay as written.
fn expand_week(out: &mut Vec<u8>, map: &mut Option<&mut Vec<u32>>) {
    // The length of the shorthand at `k` ("wk" or "wks"), 0 where there is none.
    let at_word = |b: &[u8], k: usize| -> usize {
        if b.get(k) != Some(&b'w')
            || b.get(k + 1) != Some(&b'k')
            || (k > 0 && b.get(k - 1).is_some_and(u8::is_ascii_alphabetic))
        {
            return 0;
        }
        let n = if b.get(k + 2) == Some(&b's') { 3 } else { 2 };
        if b.get(k + n).is_some_and(u8::is_ascii_alphanumeric) {
            0
        } else {
            n
        }
    };
    // Many notes have none: one pass over the bytes says so.
    if !out
        .iter()
        .enumerate()
        .any(|(k, &c)| c == b'w' && at_word(out, k) > 0)
    {
        return;
    }
    rewrite(out, map, |src, k| match at_word(src, k) {
        // "week" from "wk" (w, e, e, k), "weeks" also taking its "s".
        3 => Some((b"weeks", [k, k + 1, k + 1, k + 1, k + 2, 0, 0], 3)),
        2 => Some((b"week", [k, k + 1, k + 1, k + 1, 0, 0, 0], 2)),
        _ => None,
    });
}

/// Rebuilds `out` (and the offset map beside it, when there is one) with the shorthand that
/// `at` finds at a position replaced: `at(bytes, k)` gives the words written instead, the
/// position each of their bytes comes from, and how many bytes the shorthand takes.
fn rewrite(
    out: &mut Vec<u8>,
    map: &mut Option<&mut Vec<u32>>,
    at: impl Fn(&[u8], usize) -> Option<(&'static [u8], [usize; 7], usize)>,
) {
    let src = std::mem::take(out);
    let src_map = map.as_deref_mut().map(std::mem::take);
    let origin = |k: usize| {
        src_map
            .as_ref()
            .and_then(|m| m.get(k).copied())
            .unwrap_or(0)
    };
    out.reserve(src.len() + 16);
    let mut new_map = Vec::with_capacity(src_map.as_ref().map_or(0, |m| m.len() + 16));
    let mut k = 0usize;
    while let Some(&b) = src.get(k) {
        if let Some((bytes, from, used)) = at(&src, k) {
            out.extend_from_slice(bytes);
            new_map.extend(from.iter().take(bytes.len()).map(|&j| origin(j)));
            k += used;
            continue;
        }
        out.push(b);
        new_map.push(origin(k));
        k += 1;
    }
    if let Some(m) = map.as_deref_mut() {
        if src_map.is_some() {
            *m = new_map;
        }
    }
}
