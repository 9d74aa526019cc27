//! The top-level fields of a JSON object and the size of each as JSON text, read without
//! building the values: only for the error that names the field making an oversized
//! document too large ([`super::parse_json_max`]).
//!
//! A small scanner rather than serde_json's `HashMap<String, &RawValue>`: it accepts exactly
//! the documents that map accepts (an object whose keys are valid strings; values as
//! serde_json skips them, nested to any depth without recursion), and gives the same
//! fields (a repeated key keeps its last value); a test compares the two on generated
//! documents. serde_json's raw values cost the package about 17 KB gzipped (docs/size.md).

use std::collections::HashMap;

/// Each top-level field's key and its value's length in bytes of JSON text (`None`: `json`
/// is not an object of fields as serde_json reads one).
pub(crate) fn top_level_fields(json: &str) -> Option<HashMap<String, usize>> {
    let mut r = Scan { json, i: 0 };
    r.ws();
    r.eat(b'{')?;
    let mut fields = HashMap::new();
    r.ws();
    if r.peek() == Some(b'}') {
        r.i += 1;
    } else {
        loop {
            r.ws();
            r.eat(b'"')?;
            let mut key = String::new();
            r.string(Some(&mut key))?;
            r.ws();
            r.eat(b':')?;
            r.ws();
            let start = r.i;
            r.value()?;
            fields.insert(key, r.i - start);
            r.ws();
            match r.next()? {
                b',' => {}
                b'}' => break,
                _ => return None,
            }
        }
    }
    r.ws();
    (r.i == json.len()).then_some(fields)
}

struct Scan<'a> {
    json: &'a str,
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.json.as_bytes().get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.i += 1;
        Some(c)
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.next()? == c).then_some(())
    }

    /// JSON whitespace: space, tab, line feed, carriage return.
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.i += 1;
        }
        self.i - from
    }

    /// One value, containers included (an explicit stack: no recursion on deep nesting).
    fn value(&mut self) -> Option<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            self.ws();
            match self.peek()? {
                b'n' => self.word("null")?,
                b't' => self.word("true")?,
                b'f' => self.word("false")?,
                b'-' | b'0'..=b'9' => self.number()?,
                b'"' => {
                    self.i += 1;
                    self.string(None)?;
                }
                c @ (b'[' | b'{') => {
                    self.i += 1;
                    self.ws();
                    let close = if c == b'[' { b']' } else { b'}' };
                    if self.peek() == Some(close) {
                        self.i += 1;
                    } else {
                        open.push(c);
                        if c == b'{' {
                            self.member_key()?;
                        }
                        continue;
                    }
                }
                _ => return None,
            }
            // After a value: close what ends here, then a comma and the next value.
            loop {
                let Some(&frame) = open.last() else {
                    return Some(());
                };
                self.ws();
                match self.next()? {
                    b',' => {
                        if frame == b'{' {
                            self.ws();
                            self.member_key()?;
                        }
                        break;
                    }
                    b']' if frame == b'[' => {
                        open.pop();
                    }
                    b'}' if frame == b'{' => {
                        open.pop();
                    }
                    _ => return None,
                }
            }
        }
    }

    /// A key inside a nested object and its colon.
    fn member_key(&mut self) -> Option<()> {
        self.eat(b'"')?;
        self.string(None)?;
        self.ws();
        self.eat(b':')
    }

    fn word(&mut self, w: &str) -> Option<()> {
        let end = self.i + w.len();
        (self.json.get(self.i..end)? == w).then_some(())?;
        self.i = end;
        Some(())
    }

    /// A number: `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
    fn number(&mut self) -> Option<()> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.next()? {
            b'0' if self.peek().is_some_and(|c| c.is_ascii_digit()) => return None,
            b'0' => {}
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        Some(())
    }

    /// The rest of a string after its opening quote. With `out` (a key), the string is
    /// decoded into it and a `\u` escape must be a character (a surrogate only as the first
    /// of a pair); without (a value), any four hex digits do, as when serde_json skips one.
    fn string(&mut self, mut out: Option<&mut String>) -> Option<()> {
        loop {
            let from = self.i;
            while self
                .peek()
                .is_some_and(|c| c != b'"' && c != b'\\' && c >= 0x20)
            {
                self.i += 1;
            }
            if let Some(o) = out.as_deref_mut() {
                o.push_str(self.json.get(from..self.i)?);
            }
            match self.next()? {
                b'"' => return Some(()),
                b'\\' => {}
                _ => return None, // a control character
            }
            let c = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let n = self.hex4()?;
                    if out.is_none() {
                        continue;
                    }
                    match n {
                        0xdc00..=0xdfff => return None,
                        0xd800..=0xdbff => {
                            self.eat(b'\\')?;
                            self.eat(b'u')?;
                            let low = self.hex4()?;
                            if !(0xdc00..=0xdfff).contains(&low) {
                                return None;
                            }
                            char::from_u32(0x1_0000 + ((n - 0xd800) << 10 | (low - 0xdc00)))?
                        }
                        n => char::from_u32(n)?,
                    }
                }
                _ => return None,
            };
            if let Some(o) = out.as_deref_mut() {
                o.push(c);
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut n = 0;
        for _ in 0..4 {
            n = n << 4 | char::from(self.next()?).to_digit(16)?;
        }
        Some(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json reads: the map the package used before this scanner.
    fn reference(json: &str) -> Option<HashMap<String, usize>> {
        let fields: HashMap<String, &serde_json::value::RawValue> =
            serde_json::from_str(json).ok()?;
        Some(
            fields
                .into_iter()
                .map(|(k, v)| (k, v.get().len()))
                .collect(),
        )
    }

    #[test]
    fn reads_fields_as_serde_json_does() {
        for json in [
            r#"{"text": "abc", "n": 12}"#,
            r#" { "a" : [1, {"b": [true, false, null]}, "x\"y"] , "a": -0.5e+3 } "#,
            r#"{}"#,
            r#"{"k\u00e9y\ud83d\ude00": {"": {}}, "t\n": []}"#,
            "{\"a\":1}\n",
            r#"{"a":1,}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":1e}"#,
            r#"{"a":-}"#,
            r#"{"a":"\ud800"}"#,
            r#"{"\ud800":1}"#,
            r#"{"\udc00":1}"#,
            r#"{"\ud800\u0041":1}"#,
            r#"{"a":"\x"}"#,
            r#"{"a":"\u12"}"#,
            "{\"a\":\"\u{1}\"}",
            r#"{"a":[1,]}"#,
            r#"{"a":{"b":1,}}"#,
            r#"{"a":{1:2}}"#,
            r#"{"a":nul}"#,
            r#"{"a":nullx}"#,
            r#"{"a":1} x"#,
            r#"[1]"#,
            r#""s""#,
            "",
            r#"{"a" 1}"#,
            r#"{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#,
        ] {
            assert_eq!(top_level_fields(json), reference(json), "{json:?}");
        }
    }

    /// JSON-like documents from the pieces that matter to the grammar, many of them valid:
    /// read alike by both.
    #[test]
    fn generated_documents_read_as_serde_json_reads_them() {
        const PIECES: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\n",
            "\"",
            "\"k\"",
            "\"a\\\"b\"",
            "\\u00e9",
            "\\ud83d",
            "\\ude00",
            "\\n",
            "\\q",
            "0",
            "1",
            "-",
            ".",
            "e",
            "+",
            "12.5e-3",
            "01",
            "true",
            "false",
            "null",
            "nul",
            "é",
            "\u{1}",
            "x",
            "\"v\"",
            "\"k\":",
            "[1,2]",
            "{}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut valid, mut total) = (0, 0);
        for _ in 0..20_000 {
            let len = next(12);
            let body: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            for json in [
                format!("{{{body}}}"),
                format!("{{\"a\":{body}}}"),
                format!("{{\"k\":{body},\"a\":1}}"),
                body.clone(),
            ] {
                let ours = top_level_fields(&json);
                assert_eq!(ours, reference(&json), "{json:?}");
                valid += usize::from(ours.is_some());
                total += 1;
            }
        }
        // Valid documents, and each with one byte changed.
        fn value(next: &mut dyn FnMut(usize) -> usize, depth: u32, out: &mut String) {
            const ATOMS: &[&str] = &[
                "0",
                "-1.5e+3",
                "12",
                "true",
                "false",
                "null",
                "\"\"",
                "\"a\\u00e9\\n\"",
                "\"\\ud83d\\ude00\"",
                "\"x\\\"y\"",
            ];
            match if depth > 3 { 0 } else { next(4) } {
                0 | 1 => out.push_str(ATOMS[next(ATOMS.len())]),
                2 => {
                    out.push('[');
                    for k in 0..next(4) {
                        out.push_str(if k > 0 { ", " } else { "" });
                        value(next, depth + 1, out);
                    }
                    out.push(']');
                }
                _ => {
                    out.push_str("{ ");
                    for k in 0..next(4) {
                        out.push_str(if k > 0 { ",\n" } else { "" });
                        out.push_str(
                            ["\"k\"", "\"a\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\""][next(4)],
                        );
                        out.push_str(" : ");
                        value(next, depth + 1, out);
                    }
                    out.push('}');
                }
            }
        }
        for _ in 0..5_000 {
            let mut json = String::new();
            value(&mut next, 0, &mut json);
            let json = format!("{{\"t\": {json}, \"u\": [{json}]}}");
            assert_eq!(top_level_fields(&json), reference(&json), "{json:?}");
            valid += 1;
            total += 1;
            let mut bytes = json.clone().into_bytes();
            let at = next(bytes.len());
            bytes[at] = b"{}[]:,\"\\ 0-.eu\x01"[next(15)];
            if let Ok(changed) = String::from_utf8(bytes) {
                let ours = top_level_fields(&changed);
                assert_eq!(ours, reference(&changed), "{changed:?}");
                valid += usize::from(ours.is_some());
                total += 1;
            }
        }
        assert!(valid > 8_000, "{valid} valid of {total}");
    }
}
