//! AMF0 (Action Message Format version 0), the encoding of RTMP commands.
//!
//! Enough of it to build client commands and to read what servers such as
//! nginx-rtmp, Wowza or the big platforms answer: number, boolean, string,
//! long string, object, typed object, null, undefined, ECMA array, strict
//! array and date.

/// Type markers.
pub mod marker {
    pub const NUMBER: u8 = 0x00;
    pub const BOOLEAN: u8 = 0x01;
    pub const STRING: u8 = 0x02;
    pub const OBJECT: u8 = 0x03;
    pub const MOVIECLIP: u8 = 0x04;
    pub const NULL: u8 = 0x05;
    pub const UNDEFINED: u8 = 0x06;
    pub const REFERENCE: u8 = 0x07;
    pub const ECMA_ARRAY: u8 = 0x08;
    pub const OBJECT_END: u8 = 0x09;
    pub const STRICT_ARRAY: u8 = 0x0A;
    pub const DATE: u8 = 0x0B;
    pub const LONG_STRING: u8 = 0x0C;
    pub const UNSUPPORTED: u8 = 0x0D;
    pub const XML_DOCUMENT: u8 = 0x0F;
    pub const TYPED_OBJECT: u8 = 0x10;
}

/// Containers (objects, arrays) nested deeper than this are refused rather
/// than risking the stack; real commands nest two or three levels.
pub const MAX_DEPTH: usize = 32;
/// Most values decoded from one buffer (one [`decode`] or [`decode_all`]
/// call), containers and their items included; a server's command holds a
/// few dozen.
pub const MAX_VALUES: usize = 65_536;
/// Most items reserved ahead for an array or object, whatever count the data
/// claims: larger containers grow as their items actually decode.
const MAX_RESERVE: usize = 1024;

/// One AMF0 value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Boolean(bool),
    /// Short or long string (long strings are decoded into this too).
    String(String),
    /// Anonymous or typed object, properties in wire order.
    Object(Vec<(String, Value)>),
    Null,
    Undefined,
    /// Associative array, properties in wire order.
    EcmaArray(Vec<(String, Value)>),
    StrictArray(Vec<Value>),
    /// Milliseconds since the Unix epoch (the time-zone field is ignored).
    Date(f64),
}

impl Value {
    /// Builds an object from `(name, value)` pairs.
    pub fn object<K: Into<String>>(props: impl IntoIterator<Item = (K, Value)>) -> Value {
        Value::Object(props.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// Shortcut for a string value.
    pub fn str(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    /// A property of an object or ECMA array.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(props) | Value::EcmaArray(props) => {
                props.iter().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmfError {
    #[error("AMF0 data ends in the middle of a value")]
    Truncated,
    #[error("unknown or unsupported AMF0 type marker 0x{0:02x}")]
    UnsupportedMarker(u8),
    #[error("AMF0 string is not valid UTF-8")]
    BadUtf8,
    #[error("AMF0 values nested more than {MAX_DEPTH} levels deep")]
    TooDeep,
    #[error("more than {MAX_VALUES} AMF0 values in one message")]
    TooManyValues,
}

// ---------------------------------------------------------------- encoder

/// Appends the encoding of `value` to `out`.
pub fn encode(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Number(n) => {
            out.push(marker::NUMBER);
            out.extend_from_slice(&n.to_be_bytes());
        }
        Value::Boolean(b) => {
            out.push(marker::BOOLEAN);
            out.push(u8::from(*b));
        }
        Value::String(s) => {
            if s.len() <= usize::from(u16::MAX) {
                out.push(marker::STRING);
                put_utf8(s, out);
            } else {
                out.push(marker::LONG_STRING);
                out.extend_from_slice(&(s.len() as u32).to_be_bytes());
                out.extend_from_slice(s.as_bytes());
            }
        }
        Value::Object(props) => {
            out.push(marker::OBJECT);
            put_properties(props, out);
        }
        Value::Null => out.push(marker::NULL),
        Value::Undefined => out.push(marker::UNDEFINED),
        Value::EcmaArray(props) => {
            out.push(marker::ECMA_ARRAY);
            out.extend_from_slice(&(props.len() as u32).to_be_bytes());
            put_properties(props, out);
        }
        Value::StrictArray(items) => {
            out.push(marker::STRICT_ARRAY);
            out.extend_from_slice(&(items.len() as u32).to_be_bytes());
            for item in items {
                encode(item, out);
            }
        }
        Value::Date(ms) => {
            out.push(marker::DATE);
            out.extend_from_slice(&ms.to_be_bytes());
            out.extend_from_slice(&0i16.to_be_bytes());
        }
    }
}

/// Encodes several values one after the other (a command's body).
pub fn encode_all(values: &[Value]) -> Vec<u8> {
    let mut out = Vec::new();
    for v in values {
        encode(v, &mut out);
    }
    out
}

/// A property name: UTF-8 with a 16-bit length. Longer names are cut at a
/// character boundary (they never occur in practice).
fn put_utf8(s: &str, out: &mut Vec<u8>) {
    let mut end = s.len().min(usize::from(u16::MAX));
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    out.extend_from_slice(&(end as u16).to_be_bytes());
    out.extend_from_slice(&s.as_bytes()[..end]);
}

fn put_properties(props: &[(String, Value)], out: &mut Vec<u8>) {
    for (k, v) in props {
        put_utf8(k, out);
        encode(v, out);
    }
    out.extend_from_slice(&[0, 0, marker::OBJECT_END]);
}

// ---------------------------------------------------------------- decoder

/// Decodes one value from the front of `input` and advances it.
pub fn decode(input: &mut &[u8]) -> Result<Value, AmfError> {
    Decoder::new(input).value(0)
}

/// Decodes every value in `bytes`.
pub fn decode_all(bytes: &[u8]) -> Result<Vec<Value>, AmfError> {
    let mut input = bytes;
    let mut d = Decoder::new(&mut input);
    let mut values = Vec::new();
    while !d.input.is_empty() {
        values.push(d.value(0)?);
    }
    Ok(values)
}

fn take<'a>(input: &mut &'a [u8], n: usize) -> Result<&'a [u8], AmfError> {
    if input.len() < n {
        return Err(AmfError::Truncated);
    }
    let (head, tail) = input.split_at(n);
    *input = tail;
    Ok(head)
}

fn take_u8(input: &mut &[u8]) -> Result<u8, AmfError> {
    Ok(take(input, 1)?[0])
}

fn take_u16(input: &mut &[u8]) -> Result<u16, AmfError> {
    let b = take(input, 2)?;
    Ok(u16::from_be_bytes([b[0], b[1]]))
}

fn take_u32(input: &mut &[u8]) -> Result<u32, AmfError> {
    let b = take(input, 4)?;
    Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

fn take_f64(input: &mut &[u8]) -> Result<f64, AmfError> {
    let b = take(input, 8)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Ok(f64::from_be_bytes(a))
}

fn take_string(input: &mut &[u8], len: usize) -> Result<String, AmfError> {
    let b = take(input, len)?;
    String::from_utf8(b.to_vec()).map_err(|_| AmfError::BadUtf8)
}

/// How many items to reserve for a container that claims `count` of them,
/// with `remaining` bytes of data left, each item taking at least
/// `min_item_len` bytes: never more than the data can hold, nor than
/// [`MAX_RESERVE`], so that a claimed count costs no memory by itself.
fn reserve_for(count: u32, remaining: usize, min_item_len: usize) -> usize {
    usize::try_from(count)
        .unwrap_or(usize::MAX)
        .min(remaining / min_item_len)
        .min(MAX_RESERVE)
}

/// The decoding of one buffer, with its budget of values.
struct Decoder<'i, 'a> {
    input: &'i mut &'a [u8],
    /// Values that may still be decoded (see [`MAX_VALUES`]).
    values_left: usize,
}

impl<'i, 'a> Decoder<'i, 'a> {
    fn new(input: &'i mut &'a [u8]) -> Self {
        Decoder {
            input,
            values_left: MAX_VALUES,
        }
    }

    /// A value nested in `depth` containers.
    fn value(&mut self, depth: usize) -> Result<Value, AmfError> {
        if self.values_left == 0 {
            return Err(AmfError::TooManyValues);
        }
        self.values_left -= 1;
        let input = &mut *self.input;
        let m = take_u8(input)?;
        Ok(match m {
            marker::NUMBER => Value::Number(take_f64(input)?),
            marker::BOOLEAN => Value::Boolean(take_u8(input)? != 0),
            marker::STRING => {
                let len = usize::from(take_u16(input)?);
                Value::String(take_string(input, len)?)
            }
            marker::LONG_STRING | marker::XML_DOCUMENT => {
                let len = take_u32(input)? as usize;
                Value::String(take_string(input, len)?)
            }
            marker::OBJECT => Value::Object(self.properties(depth, 0)?),
            marker::TYPED_OBJECT => {
                let len = usize::from(take_u16(input)?);
                let _class_name = take_string(input, len)?;
                Value::Object(self.properties(depth, 0)?)
            }
            marker::NULL => Value::Null,
            marker::UNDEFINED | marker::UNSUPPORTED => Value::Undefined,
            marker::ECMA_ARRAY => {
                let count = take_u32(input)?;
                Value::EcmaArray(self.properties(depth, count)?)
            }
            marker::STRICT_ARRAY => {
                let count = take_u32(input)?;
                if depth >= MAX_DEPTH {
                    return Err(AmfError::TooDeep);
                }
                // Each item takes at least one byte: refuse counts the data cannot hold.
                if u64::from(count) > input.len() as u64 {
                    return Err(AmfError::Truncated);
                }
                let mut items = Vec::with_capacity(reserve_for(count, input.len(), 1));
                for _ in 0..count {
                    items.push(self.value(depth + 1)?);
                }
                Value::StrictArray(items)
            }
            marker::DATE => {
                let ms = take_f64(input)?;
                let _tz = take_u16(input)?;
                Value::Date(ms)
            }
            other => return Err(AmfError::UnsupportedMarker(other)),
        })
    }

    /// The properties of an object or ECMA array (which claims `count` of
    /// them, a hint only) nested in `depth` containers, up to the end marker.
    fn properties(&mut self, depth: usize, count: u32) -> Result<Vec<(String, Value)>, AmfError> {
        if depth >= MAX_DEPTH {
            return Err(AmfError::TooDeep);
        }
        // A property takes at least 3 bytes: a 2-byte name length and a marker.
        let mut props = Vec::with_capacity(reserve_for(count, self.input.len(), 3));
        loop {
            let len = usize::from(take_u16(self.input)?);
            if len == 0 {
                // An empty name is followed by the end marker; some encoders
                // omit the end marker at the very end of the data.
                match self.input.first() {
                    Some(&marker::OBJECT_END) => {
                        *self.input = &self.input[1..];
                        return Ok(props);
                    }
                    None => return Ok(props),
                    Some(_) => {
                        let v = self.value(depth + 1)?;
                        props.push((String::new(), v));
                        continue;
                    }
                }
            }
            let key = take_string(self.input, len)?;
            let v = self.value(depth + 1)?;
            props.push((key, v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: Value) {
        let mut out = Vec::new();
        encode(&v, &mut out);
        let mut slice = out.as_slice();
        let back = decode(&mut slice).unwrap();
        assert!(slice.is_empty(), "trailing bytes after {v:?}");
        assert_eq!(back, v);
    }

    #[test]
    fn scalars_round_trip() {
        round_trip(Value::Number(0.0));
        round_trip(Value::Number(1.5));
        round_trip(Value::Number(-4096.0));
        round_trip(Value::Boolean(true));
        round_trip(Value::Boolean(false));
        round_trip(Value::str(""));
        round_trip(Value::str("connect"));
        round_trip(Value::str("été — ✓"));
        round_trip(Value::Null);
        round_trip(Value::Undefined);
        round_trip(Value::Date(1_700_000_000_000.0));
    }

    #[test]
    fn long_string_round_trip() {
        let s = "x".repeat(70_000);
        let mut out = Vec::new();
        encode(&Value::str(s.clone()), &mut out);
        assert_eq!(out[0], marker::LONG_STRING);
        round_trip(Value::str(s));
    }

    #[test]
    fn containers_round_trip() {
        round_trip(Value::object([
            ("app", Value::str("live")),
            ("fpad", Value::Boolean(false)),
            ("capabilities", Value::Number(15.0)),
            (
                "nested",
                Value::object([("a", Value::Null), ("b", Value::Undefined)]),
            ),
        ]));
        round_trip(Value::Object(vec![]));
        round_trip(Value::EcmaArray(vec![
            ("duration".into(), Value::Number(0.0)),
            ("encoder".into(), Value::str("Showcall")),
        ]));
        round_trip(Value::StrictArray(vec![
            Value::Number(1.0),
            Value::str("two"),
            Value::StrictArray(vec![]),
        ]));
    }

    #[test]
    fn exact_bytes_of_a_small_command() {
        let bytes = encode_all(&[
            Value::str("connect"),
            Value::Number(1.0),
            Value::object([("app", Value::str("live"))]),
        ]);
        let expected: Vec<u8> = [
            &[0x02, 0x00, 0x07][..],
            b"connect",
            &[0x00, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0],
            &[0x03, 0x00, 0x03],
            b"app",
            &[0x02, 0x00, 0x04],
            b"live",
            &[0x00, 0x00, 0x09],
        ]
        .concat();
        assert_eq!(bytes, expected);
    }

    #[test]
    fn decodes_an_nginx_style_connect_result() {
        let bytes = encode_all(&[
            Value::str("_result"),
            Value::Number(1.0),
            Value::object([
                ("fmsVer", Value::str("FMS/3,0,1,123")),
                ("capabilities", Value::Number(31.0)),
            ]),
            Value::object([
                ("level", Value::str("status")),
                ("code", Value::str("NetConnection.Connect.Success")),
                ("description", Value::str("Connection succeeded.")),
                ("objectEncoding", Value::Number(0.0)),
            ]),
        ]);
        let values = decode_all(&bytes).unwrap();
        assert_eq!(values.len(), 4);
        assert_eq!(values[0].as_str(), Some("_result"));
        assert_eq!(values[1].as_f64(), Some(1.0));
        assert_eq!(
            values[3].get("code").and_then(Value::as_str),
            Some("NetConnection.Connect.Success")
        );
        assert_eq!(values[3].get("missing"), None);
    }

    #[test]
    fn typed_object_and_missing_end_marker() {
        let mut bytes = vec![marker::TYPED_OBJECT, 0, 3];
        bytes.extend_from_slice(b"Foo");
        bytes.extend_from_slice(&[0, 1, b'a', marker::BOOLEAN, 1, 0, 0, marker::OBJECT_END]);
        let v = decode_all(&bytes).unwrap();
        assert_eq!(v, vec![Value::object([("a", Value::Boolean(true))])]);
        // Object whose end marker was cut off at the end of the message.
        let bytes = [marker::OBJECT, 0, 1, b'a', marker::NULL, 0, 0];
        assert_eq!(
            decode_all(&bytes).unwrap(),
            vec![Value::object([("a", Value::Null)])]
        );
    }

    #[test]
    fn errors() {
        assert_eq!(
            decode_all(&[marker::NUMBER, 0, 0]),
            Err(AmfError::Truncated)
        );
        assert_eq!(
            decode_all(&[marker::STRING, 0, 5, b'a']),
            Err(AmfError::Truncated)
        );
        assert_eq!(
            decode_all(&[marker::STRING, 0, 2, 0xff, 0xfe]),
            Err(AmfError::BadUtf8)
        );
        assert_eq!(decode_all(&[0x11]), Err(AmfError::UnsupportedMarker(0x11)));
        assert_eq!(
            decode_all(&[marker::STRICT_ARRAY, 0xff, 0xff, 0xff, 0xff]),
            Err(AmfError::Truncated)
        );
        let deep = [marker::STRICT_ARRAY, 0, 0, 0, 1].repeat(200);
        assert_eq!(decode_all(&deep), Err(AmfError::TooDeep));
    }
}
