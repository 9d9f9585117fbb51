//! A plan as a file: writing it back as JSON (the studio's export), and
//! finding the place in a file's text that a validator path names (the
//! studio's links from a message to the place to fix).
//!
//! Writing is serde's, in the shape the plan files have (fields with their
//! default value left out), so a bundled plan read and written back is the
//! same file as JSON (`tests/plan_file.rs`).

use crate::plan::Plan;

/// The plan as a plan file: pretty JSON, default fields left out.
pub fn to_json(plan: &Plan) -> String {
    let mut text = serde_json::to_string_pretty(plan).expect("a plan is always serialisable");
    text.push('\n');
    text
}

/// The byte range, in `json`, of the value a validator path names
/// (`$.situations[2].nodes[1].steps[0].responsible`). A path into a field
/// the file lacks gives the deepest value that exists (the object the field
/// is missing from); `None` only when the text is not JSON at its start.
pub fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    let bytes = json.as_bytes();
    let mut at = skip_space(bytes, 0);
    let mut found = (at, skip_value(bytes, at)?);
    for segment in segments(path) {
        let inner = match segment {
            Segment::Key(key) => member(bytes, at, key),
            Segment::Index(index) => element(bytes, at, index),
        };
        match inner {
            Some(start) => {
                at = start;
                found = (start, skip_value(bytes, start)?);
            }
            None => break,
        }
    }
    Some(found)
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// `$.a.b[2].c` as keys and indices; anything unreadable ends the path.
fn segments(path: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = path.strip_prefix('$').unwrap_or(path);
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            out.push(Segment::Key(&after[..end]));
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let Some(end) = after.find(']') else { break };
            let Ok(index) = after[..end].parse() else {
                break;
            };
            out.push(Segment::Index(index));
            rest = &after[end + 1..];
        } else {
            break;
        }
    }
    out
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

/// The end of the string that starts at `at` (just past its closing quote).
fn skip_string(bytes: &[u8], mut at: usize) -> Option<usize> {
    at += 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

/// The end of the value that starts at `at`.
fn skip_value(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at)? {
        b'"' => skip_string(bytes, at),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = at;
            while i < bytes.len() {
                match bytes[i] {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let mut i = at;
            while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') {
                i += 1;
            }
            // Trailing space is not part of a number or literal.
            while i > at && bytes[i - 1].is_ascii_whitespace() {
                i -= 1;
            }
            Some(i)
        }
    }
}

/// Where the value of `key` starts in the object at `at`.
fn member(bytes: &[u8], at: usize, key: &str) -> Option<usize> {
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    let mut i = skip_space(bytes, at + 1);
    while bytes.get(i) == Some(&b'"') {
        let end = skip_string(bytes, i)?;
        let name = std::str::from_utf8(&bytes[i + 1..end - 1]).ok()?;
        i = skip_space(bytes, end);
        if bytes.get(i) != Some(&b':') {
            return None;
        }
        let value = skip_space(bytes, i + 1);
        if name == key {
            return Some(value);
        }
        i = skip_space(bytes, skip_value(bytes, value)?);
        if bytes.get(i) != Some(&b',') {
            return None;
        }
        i = skip_space(bytes, i + 1);
    }
    None
}

/// Where element `index` starts in the array at `at`.
fn element(bytes: &[u8], at: usize, index: usize) -> Option<usize> {
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let mut i = skip_space(bytes, at + 1);
    for _ in 0..index {
        i = skip_space(bytes, skip_value(bytes, i)?);
        if bytes.get(i) != Some(&b',') {
            return None;
        }
        i = skip_space(bytes, i + 1);
    }
    (bytes.get(i).is_some_and(|b| *b != b']')).then_some(i)
}
