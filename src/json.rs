//! A small, strict JSON reader and writer for the app's own two formats: the
//! localStorage record ([`crate::store`]) and the household backup file
//! ([`crate::check::households`]).
//!
//! Why not serde_json: with serde's derives it compiled to about 31 KB of
//! WebAssembly (12 KB gzipped) for five small structs; this is a few KB. The
//! reader follows RFC 8259 (no comments, no trailing commas, nothing after
//! the value), refuses nesting deeper than [`MAX_DEPTH`] so a hostile file
//! cannot overflow the stack, and keeps numbers as their text until a field
//! asks for one. Objects keep their order; a repeated key reads as its last
//! value.

use std::fmt::Write;

/// Deeper nesting than any file the app writes (3 levels) by far.
pub const MAX_DEPTH: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written (already checked to be a JSON number).
    Num(String),
    Str(String),
    Arr(Vec<Value>),
    Obj(Vec<(String, Value)>),
}

/// A field's value had the wrong type, or a required one was missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mismatch;

impl Value {
    /// The value of `key` in an object (`None` for a missing key or a
    /// non-object).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Obj(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn is_obj(&self) -> bool {
        matches!(self, Value::Obj(_))
    }

    /// A whole number ≥ 0 that fits in u64.
    pub fn as_u64(&self) -> Result<u64, Mismatch> {
        match self {
            Value::Num(n) => n.parse().map_err(|_| Mismatch),
            _ => Err(Mismatch),
        }
    }

    pub fn as_str(&self) -> Result<&str, Mismatch> {
        match self {
            Value::Str(s) => Ok(s),
            _ => Err(Mismatch),
        }
    }

    pub fn as_bool(&self) -> Result<bool, Mismatch> {
        match self {
            Value::Bool(b) => Ok(*b),
            _ => Err(Mismatch),
        }
    }

    pub fn as_arr(&self) -> Result<&[Value], Mismatch> {
        match self {
            Value::Arr(a) => Ok(a),
            _ => Err(Mismatch),
        }
    }

    pub fn as_obj(&self) -> Result<&[(String, Value)], Mismatch> {
        match self {
            Value::Obj(o) => Ok(o),
            _ => Err(Mismatch),
        }
    }
}

/// The string field `key` of object `v`: "" when missing, an error when it
/// is there but not a string.
pub fn str_or_default(v: &Value, key: &str) -> Result<String, Mismatch> {
    match v.get(key) {
        None => Ok(String::new()),
        Some(s) => s.as_str().map(str::to_string),
    }
}

/// The string field `key` of object `v`, which must be there.
pub fn required_str(v: &Value, key: &str) -> Result<String, Mismatch> {
    v.get(key).ok_or(Mismatch)?.as_str().map(str::to_string)
}

/// An optional field: missing or `null` is `None`.
pub fn optional<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|x| **x != Value::Null)
}

/// The text is not one JSON document (or nests deeper than [`MAX_DEPTH`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotJson;

/// Parses one JSON document.
pub fn parse(text: &str) -> Result<Value, NotJson> {
    let mut p = Parser {
        b: text.as_bytes(),
        i: 0,
    };
    let v = p.value(0).map_err(|()| NotJson)?;
    p.ws();
    if p.i == p.b.len() {
        Ok(v)
    } else {
        Err(NotJson)
    }
}

struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.b.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, ()> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, ()> {
        if depth > MAX_DEPTH {
            return Err(());
        }
        self.ws();
        match self.b.get(self.i) {
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::Str),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b']') {
                    return Ok(Value::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b']') {
                        return Ok(Value::Arr(items));
                    }
                    if !self.eat(b',') {
                        return Err(());
                    }
                }
            }
            Some(b'{') => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.eat(b'}') {
                    return Ok(Value::Obj(fields));
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return Err(());
                    }
                    let key = self.string()?;
                    self.ws();
                    if !self.eat(b':') {
                        return Err(());
                    }
                    fields.push((key, self.value(depth + 1)?));
                    self.ws();
                    if self.eat(b'}') {
                        return Ok(Value::Obj(fields));
                    }
                    if !self.eat(b',') {
                        return Err(());
                    }
                }
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(()),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.b.get(self.i), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value, ()> {
        let start = self.i;
        self.eat(b'-');
        let int_start = self.i;
        let n = self.digits();
        if n == 0 || (n > 1 && self.b[int_start] == b'0') {
            return Err(());
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(());
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(());
            }
        }
        // Only ASCII was consumed, so this is a character boundary.
        let text = std::str::from_utf8(&self.b[start..self.i]).map_err(|_| ())?;
        Ok(Value::Num(text.to_string()))
    }

    fn hex4(&mut self) -> Result<u32, ()> {
        let s = self.b.get(self.i..self.i + 4).ok_or(())?;
        let s = std::str::from_utf8(s).map_err(|_| ())?;
        let v = u32::from_str_radix(s, 16).map_err(|_| ())?;
        self.i += 4;
        Ok(v)
    }

    /// A string starting at the opening quote.
    fn string(&mut self) -> Result<String, ()> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&c) = self.b.get(self.i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The input is a &str and we stopped at an ASCII byte.
            out.push_str(std::str::from_utf8(&self.b[start..self.i]).map_err(|_| ())?);
            match self.b.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = *self.b.get(self.i).ok_or(())?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !(self.eat(b'\\') && self.eat(b'u')) {
                                    return Err(());
                                }
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(());
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).ok_or(())?);
                        }
                        _ => return Err(()),
                    }
                }
                _ => return Err(()),
            }
        }
    }
}

/// Writes JSON: compact, or indented by two spaces (backup files people may
/// open in a text editor). Calls must nest properly; keys only inside objects.
pub struct Writer {
    out: String,
    pretty: bool,
    /// Per open object or array: whether it has no item yet.
    empty: Vec<bool>,
    /// A key was written and its value comes next.
    after_key: bool,
}

impl Writer {
    pub fn new(pretty: bool) -> Writer {
        Writer {
            out: String::new(),
            pretty,
            empty: Vec::new(),
            after_key: false,
        }
    }

    fn newline(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.empty.len() {
                self.out.push_str("  ");
            }
        }
    }

    /// Before a key, or a value that is not a key's.
    fn item(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        if let Some(empty) = self.empty.last_mut() {
            if !std::mem::replace(empty, false) {
                self.out.push(',');
            }
            self.newline();
        }
    }

    fn open(&mut self, c: char) -> &mut Writer {
        self.item();
        self.out.push(c);
        self.empty.push(true);
        self
    }

    fn close(&mut self, c: char) -> &mut Writer {
        if self.empty.pop() == Some(false) {
            self.newline();
        }
        self.out.push(c);
        self
    }

    pub fn obj(&mut self) -> &mut Writer {
        self.open('{')
    }

    pub fn end_obj(&mut self) -> &mut Writer {
        self.close('}')
    }

    pub fn arr(&mut self) -> &mut Writer {
        self.open('[')
    }

    pub fn end_arr(&mut self) -> &mut Writer {
        self.close(']')
    }

    /// A key inside an object; its value follows.
    pub fn key(&mut self, k: &str) -> &mut Writer {
        self.item();
        escape_into(&mut self.out, k);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
        self.after_key = true;
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Writer {
        self.item();
        escape_into(&mut self.out, s);
        self
    }

    pub fn num(&mut self, n: u64) -> &mut Writer {
        self.item();
        let _ = write!(self.out, "{n}");
        self
    }

    pub fn bool(&mut self, b: bool) -> &mut Writer {
        self.item();
        self.out.push_str(if b { "true" } else { "false" });
        self
    }

    pub fn null(&mut self) -> &mut Writer {
        self.item();
        self.out.push_str("null");
        self
    }

    pub fn finish(&mut self) -> String {
        std::mem::take(&mut self.out)
    }
}

/// `s` as a JSON string literal (also used by the build script's pack writer).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    escape_into(&mut out, s);
    out
}

/// Appends `s` as a JSON string literal.
fn escape_into(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_json_allows() {
        let v = parse(
            " {\"a\": [1, -2.5e3, true, false, null, \"x\\n\\u00e9\\ud83d\\ude00\"], \"b\": {}} ",
        )
        .unwrap();
        assert_eq!(
            v.get("a").unwrap().as_arr().unwrap(),
            &[
                Value::Num("1".into()),
                Value::Num("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
                Value::Str("x\né😀".into()),
            ]
        );
        assert_eq!(v.get("b"), Some(&Value::Obj(vec![])));
        assert_eq!(parse("\"中文\"").unwrap(), Value::Str("中文".into()));
    }

    #[test]
    fn refuses_what_json_does_not() {
        for bad in [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "nul",
            "\"x",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"a\u{1}\"",
            "[1] 2",
            "{\"a\" 1}",
            "'x'",
            "NaN",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2) + &"]".repeat(MAX_DEPTH + 2);
        assert!(parse(&deep).is_err());
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn numbers_are_read_only_when_asked() {
        let v = parse("{\"v\":2,\"f\":1.5,\"n\":-1,\"s\":\"2\"}").unwrap();
        assert_eq!(v.get("v").unwrap().as_u64(), Ok(2));
        assert!(v.get("f").unwrap().as_u64().is_err());
        assert!(v.get("n").unwrap().as_u64().is_err());
        assert!(v.get("s").unwrap().as_u64().is_err());
    }

    #[test]
    fn repeated_keys_read_as_the_last() {
        let v = parse("{\"a\":1,\"a\":2}").unwrap();
        assert_eq!(v.get("a").unwrap().as_u64(), Ok(2));
    }

    #[test]
    fn writes_and_reads_back() {
        for pretty in [false, true] {
            let mut w = Writer::new(pretty);
            w.obj()
                .key("s")
                .str("引号\"\\ 换行\n\u{1}")
                .key("n")
                .num(42)
                .key("b")
                .bool(true)
                .key("z")
                .null()
                .key("e")
                .obj()
                .end_obj()
                .key("a")
                .arr()
                .str("x")
                .obj()
                .key("k")
                .str("v")
                .end_obj()
                .arr()
                .end_arr()
                .end_arr()
                .end_obj();
            let text = w.finish();
            let v = parse(&text).unwrap();
            assert_eq!(v.get("s").unwrap().as_str(), Ok("引号\"\\ 换行\n\u{1}"));
            assert_eq!(v.get("n").unwrap().as_u64(), Ok(42));
            assert_eq!(v.get("b").unwrap().as_bool(), Ok(true));
            assert_eq!(v.get("z"), Some(&Value::Null));
            assert_eq!(v.get("e"), Some(&Value::Obj(vec![])));
            let a = v.get("a").unwrap().as_arr().unwrap();
            assert_eq!(a.len(), 3);
            assert_eq!(a[1].get("k").unwrap().as_str(), Ok("v"));
            assert_eq!(a[2], Value::Arr(vec![]));
            if pretty {
                assert!(text.contains("\n  \"n\": 42,"), "{text}");
            } else {
                assert!(!text.contains('\n'), "{text}");
            }
        }
    }
}
