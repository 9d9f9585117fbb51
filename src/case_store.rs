//! Moves the case book's strings in and out of localStorage, one key per
//! case, so a damaged entry never takes the others down. What is written,
//! and when, is decided by `rusplan_domain::case_book`; this module only
//! carries out its effects. Encryption, when it comes, goes here.

use crate::storage::{self, local_storage, NotSaved};
use rusplan_domain::case_book::CASE_PREFIX;

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

pub fn remove(key: &str) {
    storage::remove(key);
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
