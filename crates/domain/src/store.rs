//! How a case is written to and read from device storage: a versioned
//! envelope, migrated forward when an older app wrote it. The browser side
//! (`src/case_store.rs`) only moves these strings in and out of localStorage.

use crate::case::Case;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The schema this app writes.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize, Deserialize)]
struct Envelope {
    schema: u32,
    case: Value,
}

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
    let envelope = Envelope {
        schema: SCHEMA_VERSION,
        case: serde_json::to_value(case).expect("a case always serialises"),
    };
    serde_json::to_string(&envelope).expect("a case always serialises")
}

pub fn decode(text: &str) -> Result<Case, DecodeError> {
    let envelope: Envelope =
        serde_json::from_str(text).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    if envelope.schema > SCHEMA_VERSION {
        return Err(DecodeError::NewerSchema(envelope.schema));
    }
    let mut case = envelope.case;
    for from in envelope.schema..SCHEMA_VERSION {
        case = migrate(from, case).map_err(DecodeError::Unreadable)?;
    }
    serde_json::from_value(case).map_err(|e| DecodeError::Unreadable(e.to_string()))
}

/// One step forward: schema `from` to `from + 1`.
fn migrate(from: u32, mut case: Value) -> Result<Value, String> {
    let object = case.as_object_mut().ok_or("ikke et objekt")?;
    match from {
        // Schema 1, the first drafts, named fields in Norwegian and had no
        // revision counter.
        1 => {
            for (old, new) in [
                ("elev", "pupil_ref"),
                ("klasse", "class"),
                ("notater", "notes"),
            ] {
                if let Some(value) = object.remove(old) {
                    object.insert(new.to_owned(), value);
                }
            }
            let status = match object.get("status").and_then(Value::as_str) {
                Some("apen") | None => "open",
                Some("overfort") => "transferred_to_elements",
                Some("avsluttet") => "closed",
                Some(other) => return Err(format!("ukjent status «{other}»")),
            };
            object.insert("status".into(), status.into());
            object.entry("revision").or_insert(0.into());
            Ok(case)
        }
        other => Err(format!("ukjent skjema {other}")),
    }
}
