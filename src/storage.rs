//! Everything the app keeps on the device goes through here (localStorage
//! via gloo-storage). Nothing about a pupil is stored by this module: only
//! the chosen plan and staff phone numbers added on the device.

use gloo_storage::{LocalStorage, Storage};
use rusplan_domain::device_contact::DeviceContact;

const CHOSEN_PLAN: &str = "rusplan.chosen-plan";

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
