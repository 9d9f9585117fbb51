//! How what the app keeps is written to and read from device storage: a case
//! in a versioned envelope, migrated forward when an older app wrote it, and
//! the staff numbers added on the device. The browser side
//! (`src/case_store.rs`, `src/storage.rs`) only moves these strings in and
//! out of localStorage.
//!
//! The text is JSON in the shape serde derives for these types (the derives
//! on `Case` and friends are that reference; `tests/json.rs` holds this
//! module to it), read and written with [`crate::json`] to keep serde's
//! generic code out of the wasm.

use crate::case::{Call, Case, MeetingRecord, Status};
use crate::device_contact::DeviceContact;
use crate::engine::Facts;
use crate::json::{self, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The schema this app writes.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not a case this app can read: damaged, or not ours.
    Unreadable(String),
    /// Written by a newer version of the app: leave it alone.
    NewerSchema(u32),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Unreadable(why) => write!(f, "utkastet kan ikke leses ({why})"),
            DecodeError::NewerSchema(v) => {
                write!(f, "utkastet er lagret av en nyere versjon av Rusplan (skjema {v}); oppdater appen")
            }
        }
    }
}

pub fn encode(case: &Case) -> String {
    Value::Object(vec![
        ("schema".into(), Value::integer(SCHEMA_VERSION)),
        ("case".into(), case_to_json(case)),
    ])
    .to_text()
}

pub fn decode(text: &str) -> Result<Case, DecodeError> {
    let mut envelope = json::parse(text).map_err(DecodeError::Unreadable)?;
    let schema: u32 = Fields(&envelope)
        .required("schema", Value::as_u64)
        .and_then(|v| u32::try_from(v).map_err(|_| "«schema» er for stort".to_owned()))
        .map_err(DecodeError::Unreadable)?;
    if schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema(schema));
    }
    let mut case = envelope
        .take("case")
        .ok_or_else(|| DecodeError::Unreadable("«case» mangler".to_owned()))?;
    for from in schema..SCHEMA_VERSION {
        case = migrate(from, case).map_err(DecodeError::Unreadable)?;
    }
    case_from_json(&case).map_err(DecodeError::Unreadable)
}

/// One step forward: schema `from` to `from + 1`.
fn migrate(from: u32, mut case: Value) -> Result<Value, String> {
    if !matches!(case, Value::Object(_)) {
        return Err("ikke et objekt".to_owned());
    }
    match from {
        // Schema 1, the first drafts, named fields in Norwegian and had no
        // revision counter.
        1 => {
            for (old, new) in [
                ("elev", "pupil_ref"),
                ("klasse", "class"),
                ("notater", "notes"),
            ] {
                if let Some(value) = case.take(old) {
                    case.insert(new, value);
                }
            }
            let status = match case.take("status") {
                None => "open",
                Some(Value::String(s)) => match s.as_str() {
                    "apen" => "open",
                    "overfort" => "transferred_to_elements",
                    "avsluttet" => "closed",
                    other => return Err(format!("ukjent status «{other}»")),
                },
                Some(_) => return Err("«status» har feil type".to_owned()),
            };
            case.insert("status", status.into());
            if case.get("revision").is_none() {
                case.insert("revision", Value::integer(0));
            }
            Ok(case)
        }
        other => Err(format!("ukjent skjema {other}")),
    }
}

fn case_to_json(case: &Case) -> Value {
    let mut members = vec![
        ("id".into(), case.id.as_str().into()),
        ("plan_id".into(), case.plan_id.as_str().into()),
        ("created_at".into(), Value::integer(case.created_at)),
        ("updated_at".into(), Value::integer(case.updated_at)),
        ("revision".into(), Value::integer(case.revision)),
        ("pupil_ref".into(), case.pupil_ref.as_str().into()),
        ("class".into(), case.class.as_str().into()),
        (
            "situation".into(),
            case.situation.as_deref().map_or(Value::Null, Value::from),
        ),
        (
            "facts".into(),
            Value::Object(vec![(
                "answers".into(),
                Value::Object(
                    case.facts
                        .iter()
                        .map(|(q, a)| (q.to_owned(), a.into()))
                        .collect(),
                ),
            )]),
        ),
        (
            "signs".into(),
            Value::Array(case.signs.iter().map(|s| s.as_str().into()).collect()),
        ),
        (
            "steps_done".into(),
            Value::Object(
                case.steps_done
                    .iter()
                    .map(|(step, at)| (step.clone(), Value::integer(at)))
                    .collect(),
            ),
        ),
        (
            "calls".into(),
            Value::Array(
                case.calls
                    .iter()
                    .map(|call| {
                        Value::Object(vec![
                            ("at".into(), Value::integer(call.at)),
                            ("role".into(), call.role.as_str().into()),
                            ("name".into(), call.name.as_str().into()),
                            ("phone".into(), call.phone.as_str().into()),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("notes".into(), case.notes.as_str().into()),
        ("follow_up".into(), case.follow_up.as_str().into()),
        (
            "meeting".into(),
            Value::Object(vec![
                ("date".into(), case.meeting.date.as_str().into()),
                (
                    "participants".into(),
                    case.meeting.participants.as_str().into(),
                ),
            ]),
        ),
        (
            "duty_decisions".into(),
            Value::Object(
                case.duty_decisions
                    .iter()
                    .map(|(note, text)| (note.clone(), text.as_str().into()))
                    .collect(),
            ),
        ),
        ("status".into(), case.status.id().into()),
    ];
    if let Some(id) = &case.continues {
        members.push(("continues".into(), id.as_str().into()));
    }
    Value::Object(members)
}

fn case_from_json(value: &Value) -> Result<Case, String> {
    let case = Fields(value);
    case.check_object()?;
    Ok(Case {
        id: case.required("id", string)?,
        plan_id: case.required("plan_id", string)?,
        created_at: case.required("created_at", Value::as_i64)?,
        updated_at: case.required("updated_at", Value::as_i64)?,
        revision: case.required("revision", Value::as_u64)?,
        pupil_ref: case.or_default("pupil_ref", string)?,
        class: case.or_default("class", string)?,
        situation: case.or_default("situation", |v| match v {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => None,
        })?,
        facts: case.or_default("facts", |v| {
            let answers = Fields(v).required("answers", |a| map_of(a, string)).ok()?;
            Some(
                answers
                    .iter()
                    .fold(Facts::new(), |facts, (q, a)| facts.with(q, a)),
            )
        })?,
        signs: case.or_default("signs", |v| {
            // Inserted, not collected: see `map_of`.
            let mut signs = BTreeSet::new();
            for sign in v.as_array()? {
                signs.insert(string(sign)?);
            }
            Some(signs)
        })?,
        steps_done: case.or_default("steps_done", |v| map_of(v, Value::as_i64))?,
        calls: case.or_default("calls", |v| {
            v.as_array()?
                .iter()
                .map(call_from_json)
                .collect::<Option<Vec<_>>>()
        })?,
        notes: case.or_default("notes", string)?,
        follow_up: case.or_default("follow_up", string)?,
        meeting: case.or_default("meeting", |v| {
            let meeting = Fields(v);
            meeting.check_object().ok()?;
            Some(MeetingRecord {
                date: meeting.or_default("date", string).ok()?,
                participants: meeting.or_default("participants", string).ok()?,
            })
        })?,
        duty_decisions: case.or_default("duty_decisions", |v| map_of(v, string))?,
        status: case.or_default("status", |v| Status::from_id(v.as_str()?))?,
        continues: case.or_default("continues", |v| match v {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => None,
        })?,
    })
}

fn call_from_json(value: &Value) -> Option<Call> {
    let call = Fields(value);
    Some(Call {
        at: call.required("at", Value::as_i64).ok()?,
        role: call.required("role", string).ok()?,
        name: call.required("name", string).ok()?,
        phone: call.required("phone", string).ok()?,
    })
}

pub fn encode_device_contacts(contacts: &[DeviceContact]) -> String {
    Value::Array(
        contacts
            .iter()
            .map(|c| {
                Value::Object(vec![
                    ("id".into(), c.id.as_str().into()),
                    ("role".into(), c.role.as_str().into()),
                    ("name".into(), c.name.as_str().into()),
                    ("phone".into(), c.phone.as_str().into()),
                ])
            })
            .collect(),
    )
    .to_text()
}

pub fn decode_device_contacts(text: &str) -> Result<Vec<DeviceContact>, String> {
    let list = json::parse(text)?;
    let items = list.as_array().ok_or("ikke en liste")?;
    items
        .iter()
        .map(|item| {
            let contact = Fields(item);
            Ok(DeviceContact {
                id: contact.required("id", string)?,
                role: contact.required("role", string)?,
                name: contact.required("name", string)?,
                phone: contact.required("phone", string)?,
            })
        })
        .collect()
}

fn string(value: &Value) -> Option<String> {
    value.as_str().map(str::to_owned)
}

/// An object whose every member reads with `read`. Built by inserting, not
/// `collect`: collecting into a `BTreeMap` sorts first, and every sort
/// instantiation costs wasm.
fn map_of<T>(value: &Value, read: impl Fn(&Value) -> Option<T>) -> Option<BTreeMap<String, T>> {
    let Value::Object(members) = value else {
        return None;
    };
    let mut map = BTreeMap::new();
    for (key, member) in members {
        map.insert(key.clone(), read(member)?);
    }
    Some(map)
}

/// Reads an object's members the way serde's derive does: a missing
/// required member or a member of the wrong type is an error; a missing
/// member with a default takes it. Unknown members are ignored.
struct Fields<'a>(&'a Value);

impl Fields<'_> {
    fn check_object(&self) -> Result<(), String> {
        match self.0 {
            Value::Object(_) => Ok(()),
            _ => Err("ikke et objekt".to_owned()),
        }
    }

    fn required<T>(&self, key: &str, read: impl Fn(&Value) -> Option<T>) -> Result<T, String> {
        self.check_object()?;
        let value = self.0.get(key).ok_or_else(|| format!("«{key}» mangler"))?;
        read(value).ok_or_else(|| format!("«{key}» har feil type"))
    }

    fn or_default<T: Default>(
        &self,
        key: &str,
        read: impl Fn(&Value) -> Option<T>,
    ) -> Result<T, String> {
        match self.0.get(key) {
            None => Ok(T::default()),
            Some(value) => read(value).ok_or_else(|| format!("«{key}» har feil type")),
        }
    }
}
