//! Moves the case book's strings in and out of localStorage, one key per
//! case, so a damaged entry never takes the others down. What is written,
//! and when, is decided by `rusplan_domain::case_book`; this module only
//! carries out its effects. Encryption, when it comes, goes here.

use crate::storage::{self, local_storage, NotSaved};
use rusplan_domain::case_book::CASE_PREFIX;
use rusplan_domain::follow_up::{count_recorded, due_key, DueMark};
use rusplan_domain::time::Date;

/// Every key the app writes starts with this.
const APP_PREFIX: &str = "rusplan.";

fn all_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Every stored case entry, as `(key, text)`.
pub fn load_all() -> Vec<(String, String)> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    all_keys(&storage)
        .into_iter()
        .filter(|k| k.starts_with(CASE_PREFIX))
        .filter_map(|key| {
            let raw = storage.get_item(&key).ok().flatten()?;
            Some((key, raw))
        })
        .collect()
}

/// What storage holds under `key` right now.
pub fn read(key: &str) -> Option<String> {
    storage::get(key)
}

/// Writes a case's text, or says why the browser refused.
pub fn write(key: &str, text: &str) -> Result<(), String> {
    storage::set(key, text).map_err(|NotSaved(why)| why)
}

/// Removes a case, and its due record with it.
pub fn remove(key: &str) {
    storage::remove(key);
    set_due(key, None);
}

/// Keeps (or removes) the plain record beside a case that says on which
/// days it has something due (`DueMark`: a date and three answers, nothing
/// of the case), so the home screen counts without the PIN. Best effort: a
/// full or refused storage only leaves the count short, so the error is
/// dropped; the case itself was written first.
pub fn set_due(case_key: &str, mark: Option<DueMark>) {
    let Some(key) = due_key(case_key) else { return };
    match mark {
        Some(mark) => {
            let _ = storage::set(&key, &mark.encode());
        }
        None => storage::remove(&key),
    }
}

/// How many stored cases have something due on `today`, from their records.
pub fn count_due_recorded(today: Date) -> usize {
    let Some(storage) = local_storage() else {
        return 0;
    };
    count_recorded(&all_keys(&storage), storage::get, today)
}

/// Removes everything Rusplan has stored in localStorage on this device.
pub fn remove_all() {
    if let Some(storage) = local_storage() {
        for key in all_keys(&storage)
            .into_iter()
            .filter(|k| k.starts_with(APP_PREFIX))
        {
            let _ = storage.remove_item(&key);
        }
    }
}
