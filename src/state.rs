//! App-wide state, provided once as context: the chosen plan, the checklist's
//! ticks and the numbers added on this device. Cases live in `case_book`.

use crate::plans;
use crate::storage;
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
    /// A message for the user when the device refused to save.
    pub storage_problem: RwSignal<Option<String>>,
}

impl AppState {
    pub fn load() -> Self {
        let plan_id = storage::chosen_plan()
            .filter(|id| plans::find(id).is_some())
            .unwrap_or_else(|| plans::DEFAULT_PLAN.to_owned());
        let device_contacts = storage::device_contacts(&plan_id);
        Self {
            plan_id: RwSignal::new(plan_id),
            signs: RwSignal::new(BTreeMap::new()),
            device_contacts: RwSignal::new(device_contacts),
            storage_problem: RwSignal::new(None),
        }
    }

    /// The chosen plan (tracked: a reactive closure calling this reruns when
    /// the user switches plan).
    pub fn plan(&self) -> &'static Plan {
        plans::by_id(&self.plan_id.read())
    }

    pub fn choose_plan(&self, id: &str) {
        let Some(plan) = plans::find(id) else { return };
        self.plan_id.set(plan.id.clone());
        self.device_contacts.set(storage::device_contacts(&plan.id));
        self.report(storage::set_chosen_plan(&plan.id));
        crate::browser::remember_start_plan(&plan.id);
    }

    pub fn save_device_contacts(&self, contacts: Vec<DeviceContact>) {
        let plan_id = self.plan_id.get_untracked();
        self.report(storage::set_device_contacts(&plan_id, &contacts));
        self.device_contacts.set(contacts);
    }

    /// After "delete all data": back to the defaults, nothing remembered.
    pub fn forget_device_data(&self) {
        crate::browser::forget_start_plan();
        self.plan_id.set(plans::DEFAULT_PLAN.to_owned());
        self.device_contacts.set(Vec::new());
        self.signs.set(BTreeMap::new());
        self.storage_problem.set(None);
    }

    fn report(&self, result: Result<(), storage::NotSaved>) {
        self.storage_problem
            .set(result.err().map(|e| e.to_string()));
    }
}
