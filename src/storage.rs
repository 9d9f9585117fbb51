//! The app's own settings on the device (localStorage): the chosen plan,
//! staff phone numbers added on the device, when to flag old drafts, and
//! which situations were practised (ids only).
//! Nothing about a pupil: cases go through `case_store`. Values are JSON
//! (`rusplan_domain::json`), so `prerender.js` reads the chosen plan with
//! `JSON.parse`.
//!
//! The browser may withhold storage (it throws when storage is disabled), so
//! every access goes through [`local_storage`]: without storage the app
//! still runs and says so.

use rusplan_domain::device_contact::DeviceContact;
use rusplan_domain::json::{self, Value};
use rusplan_domain::practice::PracticeLog;
use rusplan_domain::store::{decode_device_contacts, encode_device_contacts};

const CHOSEN_PLAN: &str = "rusplan.chosen-plan";
const MAX_DRAFT_AGE: &str = "rusplan.settings.max-draft-age-days";
/// The studio's work in progress: a plan's text, never pupil data.
const STUDIO_WORK: &str = "rusplan.studio.work";

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

/// localStorage, when the browser lets the app have it (rendered ahead of
/// time, by crates/prerender, there is none: as on a new device).
pub fn local_storage() -> Option<web_sys::Storage> {
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// What storage holds under `key`, if the browser lets the app read it.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// A setting stored as a JSON value; `None` when absent or unreadable.
fn get_value(key: &str) -> Option<Value> {
    json::parse(&get(key)?).ok()
}

/// Stores `text` under `key`, or says why the browser refused.
pub fn set(key: &str, text: &str) -> Result<(), NotSaved> {
    let storage = local_storage().ok_or_else(|| NotSaved("lagring er slått av".into()))?;
    storage.set_item(key, text).map_err(|e| {
        NotSaved(
            e.as_string()
                .unwrap_or_else(|| "lagringsplassen er full".into()),
        )
    })
}

pub fn chosen_plan() -> Option<String> {
    get_value(CHOSEN_PLAN)?.as_str().map(str::to_owned)
}

pub fn set_chosen_plan(id: &str) -> Result<(), NotSaved> {
    set(CHOSEN_PLAN, &Value::from(id).to_text())
}

/// Device numbers that cannot be read: kept, never overwritten, until the
/// user downloads or deletes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedContacts {
    pub key: String,
    pub raw: String,
}

/// The numbers added on this device for a plan, as stored now.
pub fn device_contacts(plan_id: &str) -> Result<Vec<DeviceContact>, DamagedContacts> {
    let key = device_contacts_key(plan_id);
    match get(&key) {
        None => Ok(Vec::new()),
        Some(raw) => decode_device_contacts(&raw).map_err(|_| DamagedContacts { key, raw }),
    }
}

/// Is this key one of the device-number lists?
pub fn is_device_contacts_key(key: &str) -> bool {
    key.starts_with("rusplan.device-contacts.")
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

pub fn set_device_contacts(plan_id: &str, contacts: &[DeviceContact]) -> Result<(), NotSaved> {
    set(
        &device_contacts_key(plan_id),
        &encode_device_contacts(contacts),
    )
}

pub fn max_draft_age_days() -> Option<u32> {
    get_value(MAX_DRAFT_AGE)?.as_u64()?.try_into().ok()
}

pub fn set_max_draft_age_days(days: u32) -> Result<(), NotSaved> {
    set(MAX_DRAFT_AGE, &Value::integer(days).to_text())
}

/// The studio's work in progress: (plan file text, source file name,
/// source text), if any was kept.
pub fn studio_work() -> Option<(String, String, String)> {
    let value = get_value(STUDIO_WORK)?;
    let text = |key| {
        value
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    Some((text("plan"), text("source_name"), text("source")))
}

pub fn set_studio_work(plan: &str, source_name: &str, source: &str) -> Result<(), NotSaved> {
    let value = Value::Object(vec![
        ("plan".into(), plan.into()),
        ("source_name".into(), source_name.into()),
        ("source".into(), source.into()),
    ]);
    set(STUDIO_WORK, &value.to_text())
}

/// The situations practised on this device for a plan (an unreadable log
/// reads as none: it holds nothing worth keeping).
pub fn practice_log(plan_id: &str) -> PracticeLog {
    get(&PracticeLog::key(plan_id))
        .and_then(|text| PracticeLog::decode(&text).ok())
        .filter(|log| log.plan_id == plan_id)
        .unwrap_or_else(|| PracticeLog::new(plan_id))
}

/// Adds a practised situation to the stored log (read anew: another tab
/// may have added one).
pub fn practised(plan_id: &str, situation: &str) -> Result<(), NotSaved> {
    let mut log = practice_log(plan_id);
    log.practised(situation);
    set(&PracticeLog::key(plan_id), &log.encode())
}
