//! A compact binary form of a validated [`Plan`], for shipping inside the app.
//!
//! Why not JSON in the app: serde's derived readers are generic, and reading
//! thirty plan types through `serde_json` costs about 30 kB of brotli'd wasm,
//! a quarter of the first-load budget. Plans are validated JSON at build time
//! (`build.rs`); the app gets them packed, and unpacking is one small,
//! non-generic reader per type.
//!
//! The format has no field names and no versioning of its own: it is written
//! and read by the same build of this crate, never stored or sent anywhere.
//! Every struct is listed once, in [`packed!`]; a field missing from that list
//! is a compile error in both directions, and `tests/bundled_plans.rs` checks
//! that every bundled plan survives `unpack(pack(plan)) == plan`.

use crate::plan::*;
use std::collections::BTreeMap;

/// The plan as bytes (see the module docs).
pub fn pack(plan: &Plan) -> Vec<u8> {
    let mut out = Vec::new();
    plan.pack(&mut out);
    out
}

/// The plan back from [`pack`]'s bytes; `None` if they are not such bytes
/// (truncated, trailing data or invalid UTF-8).
pub fn unpack(bytes: &[u8]) -> Option<Plan> {
    let mut input = Input { bytes };
    let plan = Plan::unpack(&mut input)?;
    input.bytes.is_empty().then_some(plan)
}

/// The unread rest of the bytes.
struct Input<'a> {
    bytes: &'a [u8],
}

impl<'a> Input<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    /// LEB128: seven bits per byte, low bits first.
    fn varint(&mut self) -> Option<u32> {
        let mut value: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = *self.take(1)?.first()?;
            value |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

trait Packed: Sized {
    fn pack(&self, out: &mut Vec<u8>);
    fn unpack(input: &mut Input<'_>) -> Option<Self>;
}

impl Packed for u32 {
    fn pack(&self, out: &mut Vec<u8>) {
        write_varint(out, *self);
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        input.varint()
    }
}

impl Packed for bool {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        match input.take(1)? {
            [0] => Some(false),
            [1] => Some(true),
            _ => None,
        }
    }
}

impl Packed for String {
    fn pack(&self, out: &mut Vec<u8>) {
        write_varint(out, self.len() as u32);
        out.extend_from_slice(self.as_bytes());
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        let len = input.varint()? as usize;
        std::str::from_utf8(input.take(len)?)
            .ok()
            .map(str::to_owned)
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        write_varint(out, self.len() as u32);
        self.iter().for_each(|item| item.pack(out));
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        // Not `with_capacity(len)`: a damaged length must not allocate. A
        // loop, not `collect::<Option<_>>()`, whose adapter is instantiated
        // again for every item type.
        let mut items = Vec::new();
        for _ in 0..input.varint()? {
            items.push(T::unpack(input)?);
        }
        Some(items)
    }
}

impl<T: Packed> Packed for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.pack(out);
            }
        }
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        match bool::unpack(input)? {
            false => Some(None),
            true => T::unpack(input).map(Some),
        }
    }
}

impl<K: Packed + Ord, V: Packed> Packed for BTreeMap<K, V> {
    fn pack(&self, out: &mut Vec<u8>) {
        write_varint(out, self.len() as u32);
        for (key, value) in self {
            key.pack(out);
            value.pack(out);
        }
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        // Inserted one by one: collecting into a BTreeMap sorts first, and
        // each sort instantiation costs a few kB of wasm.
        let mut map = BTreeMap::new();
        for _ in 0..input.varint()? {
            map.insert(K::unpack(input)?, V::unpack(input)?);
        }
        Some(map)
    }
}

impl Packed for [u32; 2] {
    fn pack(&self, out: &mut Vec<u8>) {
        self.iter().for_each(|n| n.pack(out));
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        Some([u32::unpack(input)?, u32::unpack(input)?])
    }
}

impl Packed for Node {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Node::Question { id, question, next } => {
                out.push(0);
                id.pack(out);
                question.pack(out);
                next.pack(out);
            }
            Node::Steps { id, steps, next } => {
                out.push(1);
                id.pack(out);
                steps.pack(out);
                next.pack(out);
            }
            Node::End { id } => {
                out.push(2);
                id.pack(out);
            }
        }
    }
    fn unpack(input: &mut Input<'_>) -> Option<Self> {
        // Fields are read in the order written (Rust evaluates a struct
        // expression's fields in source order).
        Some(match input.take(1)? {
            [0] => Node::Question {
                id: Packed::unpack(input)?,
                question: Packed::unpack(input)?,
                next: Packed::unpack(input)?,
            },
            [1] => Node::Steps {
                id: Packed::unpack(input)?,
                steps: Packed::unpack(input)?,
                next: Packed::unpack(input)?,
            },
            [2] => Node::End {
                id: Packed::unpack(input)?,
            },
            _ => return None,
        })
    }
}

/// `Packed` for a struct, field by field. The destructuring has no `..` and
/// the constructor names every field, so a field added to the struct but not
/// here does not compile.
macro_rules! packed {
    ($($name:ident { $($field:ident),* $(,)? })*) => {$(
        impl Packed for $name {
            fn pack(&self, out: &mut Vec<u8>) {
                let $name { $($field),* } = self;
                $($field.pack(out);)*
            }
            fn unpack(input: &mut Input<'_>) -> Option<Self> {
                // Fields are read in the order written, as packed above.
                Some($name { $($field: Packed::unpack(input)?),* })
            }
        }
    )*};
}

packed! {
    Plan {
        format_version, id, meta, documents, introduction, goals, roles, contacts, checklist,
        prevention, protective_factors, risk_factors, confidentiality, documentation,
        conversation_advice, laws, resources, questions, pupil_questions, situations, parents,
        translations,
    }
    ParentsPage { role, contact_roles, duty_notes }
    Meta {
        school, title, school_year, version, next_revision, next_revision_text, undated_reason,
        responsible, source,
    }
    Document { id, title, file }
    Source { document, section, lines }
    Paragraph { text, source }
    Goal { text, detail, source }
    Role { id, name, description, duties, per_pupil, source }
    Contact { id, name, title, phone, roles, group, source }
    Checklist { title, gut_feeling, groups }
    SignGroup { title, signs }
    Sign { id, text, source }
    Prevention { text, groups }
    ItemGroup { title, items, source }
    FactorList { items, source }
    Confidentiality { text, duty_to_inform, advice }
    Advice { text, situations, source }
    DutyNote { id, text, when, source }
    Documentation { text, system, source }
    ConversationAdvice { title, items, source }
    Link { title, url, note, source }
    Question { id, text, answers }
    Answer { id, label, source }
    Situation { id, title, label, acute, start, nodes, source }
    Step { id, text, responsible, contact, urgency, when, meeting, documents, source }
    Meeting { participants, agenda }
    Participant { role, when }
    AgendaItem { text, source }
    Condition { question, answer_in }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_every_width() {
        for value in [0, 1, 127, 128, 16_383, 16_384, u32::MAX] {
            let mut out = Vec::new();
            write_varint(&mut out, value);
            assert_eq!(Input { bytes: &out }.varint(), Some(value), "{value}");
        }
        // Six bytes of continuation never end a u32.
        assert_eq!(Input { bytes: &[0xff; 6] }.varint(), None);
    }

    #[test]
    fn damaged_bytes_are_refused_not_misread() {
        let plan: Plan = serde_json::from_str(include_str!("../tests/plans/minimal.json")).unwrap();
        let bytes = pack(&plan);
        assert_eq!(unpack(&bytes), Some(plan));
        for cut in 0..bytes.len() {
            assert_eq!(unpack(&bytes[..cut]), None, "truncated at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(unpack(&longer), None, "trailing byte");
    }
}
