//! Every case passes through here on its way to and from localStorage, one
//! key per case, so a damaged entry never takes the others down. The format
//! (versioned envelope, migration) is `rusplan_domain::store`; this module
//! only moves strings. Encryption, when it comes, goes here.

use crate::storage::{local_storage as storage, NotSaved};
use rusplan_domain::case::{Case, CaseEdit, Millis};
use rusplan_domain::store::{decode, encode};

const PREFIX: &str = "rusplan.case.";
/// Every key the app writes starts with this.
const APP_PREFIX: &str = "rusplan.";

pub fn key_of(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// A stored entry: a case, or one that cannot be read (kept, not deleted,
/// so its text can still be exported).
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Case(Case),
    Damaged {
        key: String,
        raw: String,
        problem: String,
    },
}

/// The browser would not store it (quota full, storage disabled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

fn all_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Every stored case, damaged ones included.
pub fn load_all() -> Vec<Entry> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    all_keys(&storage)
        .into_iter()
        .filter(|k| k.starts_with(PREFIX))
        .filter_map(|key| {
            let raw = storage.get_item(&key).ok().flatten()?;
            Some(match decode(&raw) {
                Ok(case) => Entry::Case(case),
                Err(err) => Entry::Damaged {
                    key,
                    raw,
                    problem: err.to_string(),
                },
            })
        })
        .collect()
}

/// The stored copy of one case; `None` when it is gone or unreadable.
pub fn load(id: &str) -> Option<Case> {
    let raw = storage()?.get_item(&key_of(id)).ok().flatten()?;
    decode(&raw).ok()
}

pub fn save(case: &Case) -> Result<(), Refused> {
    crate::storage::set(&key_of(&case.id), &encode(case)).map_err(|NotSaved(why)| Refused(why))
}

/// Applies an edit to the freshest copy: the stored one unless `unsaved`
/// holds changes the browser refused earlier. Returns the edited case, and
/// whether it reached storage.
pub fn apply(
    id: &str,
    unsaved: Option<Case>,
    edit: CaseEdit,
    now: Millis,
) -> Option<(Case, Result<(), Refused>)> {
    let mut case = unsaved.or_else(|| load(id))?;
    case.apply(edit, now);
    let saved = save(&case);
    Some((case, saved))
}

pub fn delete(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Removes everything Rusplan has stored on this device.
pub fn delete_all_data() {
    if let Some(storage) = storage() {
        for key in all_keys(&storage)
            .into_iter()
            .filter(|k| k.starts_with(APP_PREFIX))
        {
            let _ = storage.remove_item(&key);
        }
    }
}
