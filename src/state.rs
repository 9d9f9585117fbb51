//! App-wide state, provided once as context: the chosen plan, the checklist's
//! ticks and the numbers added on this device. Cases live in `case_book`.
//!
//! Device numbers are changed on the freshest stored list (read, change,
//! write), never by writing back the list this tab holds: another tab may
//! have added one, or wiped them all.

use crate::plans;
use crate::storage::{self, DamagedContacts, NotSaved};
use leptos::prelude::*;
use rusplan_domain::device_contact::DeviceContact;
use rusplan_domain::Plan;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy)]
pub struct AppState {
    pub plan_id: RwSignal<String>,
    /// Checklist signs ticked, per plan id.
    pub signs: RwSignal<BTreeMap<String, BTreeSet<String>>>,
    /// Numbers added on this device for the chosen plan.
    pub device_contacts: RwSignal<Vec<DeviceContact>>,
    /// The stored list of numbers, when it cannot be read.
    pub damaged_contacts: RwSignal<Option<DamagedContacts>>,
    /// A message for the user when the device refused to save.
    pub storage_problem: RwSignal<Option<String>>,
    /// A plan that is not bundled, shown instead of the chosen one: the
    /// studio's preview (`pages/studio_preview.rs`).
    pub shown: Option<&'static Plan>,
}

impl AppState {
    pub fn load() -> Self {
        let plan_id = stored_plan();
        let state = Self {
            plan_id: RwSignal::new(plan_id),
            signs: RwSignal::new(BTreeMap::new()),
            device_contacts: RwSignal::new(Vec::new()),
            damaged_contacts: RwSignal::new(None),
            storage_problem: RwSignal::new(None),
            shown: None,
        };
        state.reload_device_contacts();
        state
    }

    /// A plan and nothing read from the device: for pages rendered ahead
    /// of time (`crates/prerender`), as on a new device.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn ahead_of_time(plan_id: &str) -> Self {
        Self {
            plan_id: RwSignal::new(plan_id.to_owned()),
            signs: RwSignal::new(BTreeMap::new()),
            device_contacts: RwSignal::new(Vec::new()),
            damaged_contacts: RwSignal::new(None),
            storage_problem: RwSignal::new(None),
            shown: None,
        }
    }

    /// A plan that is not bundled, and nothing read from the device: the
    /// studio's preview draws the app's pages with it.
    pub fn showing(plan: &'static Plan) -> Self {
        Self {
            plan_id: RwSignal::new(plan.id.clone()),
            signs: RwSignal::new(BTreeMap::new()),
            device_contacts: RwSignal::new(Vec::new()),
            damaged_contacts: RwSignal::new(None),
            storage_problem: RwSignal::new(None),
            shown: Some(plan),
        }
    }

    /// The chosen plan (tracked: a reactive closure calling this reruns when
    /// the user switches plan).
    pub fn plan(&self) -> &'static Plan {
        if let Some(plan) = self.shown {
            return plan;
        }
        plans::by_id(&self.plan_id.read())
    }

    pub fn choose_plan(&self, id: &str) {
        let Some(plan) = plans::find(id) else { return };
        self.plan_id.set(plan.id.clone());
        self.reload_device_contacts();
        self.report(storage::set_chosen_plan(&plan.id));
        crate::browser::remember_start_plan(&plan.id);
    }

    /// Reads the numbers for the chosen plan as stored now.
    pub fn reload_device_contacts(&self) {
        match storage::device_contacts(&self.plan_id.get_untracked()) {
            Ok(contacts) => {
                self.device_contacts.set(contacts);
                self.damaged_contacts.set(None);
            }
            Err(damaged) => {
                self.device_contacts.set(Vec::new());
                self.damaged_contacts.set(Some(damaged));
            }
        }
    }

    /// Changes the stored list of numbers with `change`; refused while the
    /// stored list cannot be read, so it is never overwritten unseen.
    pub fn change_device_contacts(&self, change: impl FnOnce(&mut Vec<DeviceContact>)) {
        let plan_id = self.plan_id.get_untracked();
        let mut contacts = match storage::device_contacts(&plan_id) {
            Ok(contacts) => contacts,
            Err(damaged) => {
                self.damaged_contacts.set(Some(damaged));
                self.storage_problem.set(Some(
                    "Numrene på enheten kan ikke leses. Last dem ned eller slett dem først.".into(),
                ));
                return;
            }
        };
        change(&mut contacts);
        let saved = storage::set_device_contacts(&plan_id, &contacts);
        if saved.is_ok() {
            self.device_contacts.set(contacts);
        }
        self.report(saved);
    }

    /// Deletes the unreadable list of numbers (after the user confirmed).
    pub fn delete_damaged_contacts(&self) {
        if let Some(damaged) = self.damaged_contacts.get_untracked() {
            storage::remove(&damaged.key);
        }
        self.reload_device_contacts();
        self.storage_problem.set(None);
    }

    /// Another tab changed the stored numbers: show them as stored. (A plan
    /// switched in another tab is not followed: it would change the plan
    /// under a procedure open here.)
    pub fn stored_elsewhere(&self, key: Option<&str>) {
        if key.is_none_or(storage::is_device_contacts_key) {
            self.reload_device_contacts();
        }
    }

    /// After "delete all data", here or in another tab: back to the
    /// defaults, nothing remembered.
    pub fn forget_device_data(&self) {
        self.plan_id.set(plans::DEFAULT_PLAN.to_owned());
        self.device_contacts.set(Vec::new());
        self.damaged_contacts.set(None);
        self.signs.set(BTreeMap::new());
        self.storage_problem.set(None);
    }

    fn report(&self, result: Result<(), NotSaved>) {
        self.storage_problem
            .set(result.err().map(|e| e.to_string()));
    }
}

/// The plan chosen on this device, or the default.
fn stored_plan() -> String {
    storage::chosen_plan()
        .filter(|id| plans::find(id).is_some())
        .unwrap_or_else(|| plans::DEFAULT_PLAN.to_owned())
}
