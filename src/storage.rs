//! The app's own settings on the device (localStorage via gloo-storage):
//! the chosen plan, staff phone numbers added on the device, and when to
//! flag old drafts. Nothing about a pupil: cases go through `case_store`.
//!
//! gloo's `LocalStorage` panics when the browser withholds storage (it
//! throws when storage is disabled), so every access checks
//! [`local_storage`] first: without storage the app still runs and says so.

use gloo_storage::{LocalStorage, Storage};
use rusplan_domain::device_contact::DeviceContact;
use serde::{de::DeserializeOwned, Serialize};

const CHOSEN_PLAN: &str = "rusplan.chosen-plan";
const MAX_DRAFT_AGE: &str = "rusplan.settings.max-draft-age-days";

fn device_contacts_key(plan_id: &str) -> String {
    format!("rusplan.device-contacts.{plan_id}")
}

/// Why something was not saved, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSaved(pub String);

impl std::fmt::Display for NotSaved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Kunne ikke lagre på denne enheten ({}). Sjekk at nettleseren tillater lagring.",
            self.0
        )
    }
}

/// localStorage, when the browser lets the app have it.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    local_storage()?;
    LocalStorage::get(key).ok()
}

fn set<T: Serialize + ?Sized>(key: &str, value: &T) -> Result<(), NotSaved> {
    if local_storage().is_none() {
        return Err(NotSaved("lagring er slått av".into()));
    }
    LocalStorage::set(key, value).map_err(|e| NotSaved(e.to_string()))
}

pub fn chosen_plan() -> Option<String> {
    get(CHOSEN_PLAN)
}

pub fn set_chosen_plan(id: &str) -> Result<(), NotSaved> {
    set(CHOSEN_PLAN, id)
}

pub fn device_contacts(plan_id: &str) -> Vec<DeviceContact> {
    get(&device_contacts_key(plan_id)).unwrap_or_default()
}

pub fn set_device_contacts(plan_id: &str, contacts: &[DeviceContact]) -> Result<(), NotSaved> {
    set(&device_contacts_key(plan_id), contacts)
}

pub fn max_draft_age_days() -> Option<u32> {
    get(MAX_DRAFT_AGE)
}

pub fn set_max_draft_age_days(days: u32) -> Result<(), NotSaved> {
    set(MAX_DRAFT_AGE, &days)
}
