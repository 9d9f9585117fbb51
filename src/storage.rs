//! The app's own settings on the device (localStorage via gloo-storage):
//! the chosen plan, staff phone numbers added on the device, and when to
//! flag old drafts. Nothing about a pupil: cases go through `case_store`.

use gloo_storage::{LocalStorage, Storage};
use rusplan_domain::device_contact::DeviceContact;

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

pub fn chosen_plan() -> Option<String> {
    LocalStorage::get(CHOSEN_PLAN).ok()
}

pub fn set_chosen_plan(id: &str) -> Result<(), NotSaved> {
    LocalStorage::set(CHOSEN_PLAN, id).map_err(|e| NotSaved(e.to_string()))
}

pub fn device_contacts(plan_id: &str) -> Vec<DeviceContact> {
    LocalStorage::get(device_contacts_key(plan_id)).unwrap_or_default()
}

pub fn set_device_contacts(plan_id: &str, contacts: &[DeviceContact]) -> Result<(), NotSaved> {
    LocalStorage::set(device_contacts_key(plan_id), contacts).map_err(|e| NotSaved(e.to_string()))
}

pub fn max_draft_age_days() -> Option<u32> {
    LocalStorage::get(MAX_DRAFT_AGE).ok()
}

pub fn set_max_draft_age_days(days: u32) -> Result<(), NotSaved> {
    LocalStorage::set(MAX_DRAFT_AGE, days).map_err(|e| NotSaved(e.to_string()))
}
