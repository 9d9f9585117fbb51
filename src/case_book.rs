//! The case book on screen: `rusplan_domain::case_book::CaseBook` in one
//! signal, and the runner that carries out its effects. Taps become calls
//! on the domain's book; what it asks for (write a case now or after a
//! pause, remove a key, wipe) is done here against `case_store`, and the
//! outcome is reported back. No rule about cases lives in this file.

use crate::browser;
use crate::case_store;
use crate::storage;
use leptos::prelude::*;
use rusplan_domain::case::{Case, CaseEdit, Field};
use rusplan_domain::case_book::{self, Damaged, Effect, Gone, CASE_PREFIX};
use rusplan_domain::identity_number::Found;
use std::time::Duration;

pub use rusplan_domain::case_book::ProcedureKey;

/// The app's default for flagging old drafts; no plan sets it.
pub const DEFAULT_MAX_AGE_DAYS: u32 = 30;

/// How long typing pauses before the draft is written.
const TYPING_PAUSE: Duration = Duration::from_millis(500);

/// A case the browser refused to store, as the warnings show it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnsavedCase {
    pub id: String,
    pub created_at: i64,
    pub why: String,
    pub exported: bool,
}

#[derive(Clone, Copy)]
pub struct CaseBook {
    model: RwSignal<case_book::CaseBook>,
    /// A write after a pause in typing, if one is waiting.
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Drafts unchanged for this many days are flagged.
    pub max_age_days: RwSignal<u32>,
    /// Why the setting above was not saved, if it was not.
    pub setting_problem: RwSignal<Option<String>>,
}

impl CaseBook {
    pub fn load() -> Self {
        let book = CaseBook {
            model: RwSignal::new(case_book::CaseBook::load(case_store::load_all())),
            timer: StoredValue::new(None),
            max_age_days: RwSignal::new(
                storage::max_draft_age_days().unwrap_or(DEFAULT_MAX_AGE_DAYS),
            ),
            setting_problem: RwSignal::new(None),
        };
        browser::on_storage_change(move |key| match key {
            Some(key) if key.starts_with(CASE_PREFIX) => book.stored_elsewhere(&[key]),
            Some(_) => {}
            // localStorage.clear() elsewhere: check every case we know of.
            None => book.reread_all(),
        });
        // A page brought back from the back/forward cache may have missed
        // other tabs' changes (a wipe among them): read storage again.
        let _ = window_event_listener_untyped("pageshow", move |event| {
            let persisted = js_sys::Reflect::get(&event, &"persisted".into())
                .ok()
                .and_then(|p| p.as_bool());
            if persisted == Some(true) {
                book.reread_all();
            }
        });
        // The last keystrokes are written before the page goes away (for as
        // long as the app runs: the listeners are never removed).
        let _ = browser::on_page_hide(move || book.flush());
        browser::warn_before_unload(move || {
            book.flush();
            book.model.with_untracked(|m| m.has_unwritten())
        });
        book
    }

    // ---- Reading ----

    pub fn cases(&self) -> Vec<Case> {
        self.model.with(|m| m.cases().cloned().collect())
    }

    pub fn case(&self, id: &str) -> Option<Case> {
        self.model.with(|m| m.case(id).cloned())
    }

    /// One part of a case, without copying the rest (a note may be long).
    pub fn read<T>(&self, id: &str, part: impl FnOnce(&Case) -> T) -> Option<T> {
        self.model.with(|m| m.case(id).map(part))
    }

    pub fn damaged(&self) -> Vec<Damaged> {
        self.model.with(|m| m.damaged().to_vec())
    }

    pub fn unsaved(&self) -> Vec<UnsavedCase> {
        self.model.with(|m| {
            m.unsaved()
                .map(|u| UnsavedCase {
                    id: u.case.id.clone(),
                    created_at: u.case.created_at,
                    why: u.why.to_owned(),
                    exported: u.exported,
                })
                .collect()
        })
    }

    pub fn withheld(&self, id: &str, field: &Field) -> Option<Found> {
        self.model.with(|m| m.withheld(id, field))
    }

    pub fn gone(&self, id: &str) -> Option<Gone> {
        self.model.with(|m| m.gone(id))
    }

    pub fn active_case(&self, key: &ProcedureKey) -> Option<Case> {
        self.model.with(|m| m.active_case(key).cloned())
    }

    pub fn set_aside_case(&self, key: &ProcedureKey) -> Option<String> {
        self.model.with(|m| m.set_aside_case(key))
    }

    // ---- Doing ----

    /// A new case for `plan_id`; returns its id.
    pub fn create(&self, plan_id: &str) -> String {
        let id = browser::random_id();
        let effect = self
            .model
            .try_update(|m| m.create(id.clone(), plan_id, None, browser::now_millis()));
        self.run(effect);
        id
    }

    pub fn edit(&self, id: &str, edit: CaseEdit) {
        let effect = self
            .model
            .try_update(|m| m.edit(id, edit, browser::now_millis()))
            .flatten();
        self.run(effect);
    }

    /// The procedure's case, created on the first thing worth recording.
    pub fn ensure_active(&self, key: &ProcedureKey) -> String {
        let (id, effect) = self
            .model
            .try_update(|m| m.ensure_active(key, browser::random_id, browser::now_millis()))
            .expect("the case book lives as long as the app");
        self.run(effect);
        id
    }

    pub fn resume(&self, key: ProcedureKey, id: String) {
        self.model.update(|m| m.resume(key, id));
    }

    pub fn start_again(&self, key: &ProcedureKey) {
        self.model.update(|m| m.start_again(key));
    }

    pub fn undo_start_again(&self, key: &ProcedureKey) {
        self.model.update(|m| m.undo_start_again(key));
    }

    /// The referat of `id` was copied, downloaded or printed.
    pub fn exported(&self, id: &str) {
        self.model.update(|m| m.exported(id));
    }

    /// Deletes a stored entry (a case's key, or a damaged entry's key).
    pub fn delete(&self, key: &str) {
        let effect = self.model.try_update(|m| m.delete(key));
        self.run(effect);
    }

    pub fn delete_case(&self, id: &str) {
        self.delete(&case_book::key_of(id));
    }

    /// "Slett alle data": every draft, here and in every other open tab.
    pub fn delete_all(&self) {
        let effect = self.model.try_update(|m| m.wipe());
        self.run(effect);
    }

    /// Another tab wiped the device.
    pub fn wiped_elsewhere(&self) {
        self.cancel_timer();
        self.model.update(|m| m.wiped_elsewhere());
    }

    pub fn set_max_age_days(&self, days: u32) {
        self.max_age_days.set(days);
        self.setting_problem.set(
            storage::set_max_draft_age_days(days)
                .err()
                .map(|e| e.to_string()),
        );
    }

    // ---- Effects ----

    fn run(&self, effect: Option<Effect>) {
        match effect {
            None => {}
            Some(Effect::Save { id, soon: false }) => self.write(&id),
            Some(Effect::Save { soon: true, .. }) => {
                self.cancel_timer();
                let book = *self;
                let handle = set_timeout_with_handle(move || book.flush(), TYPING_PAUSE).ok();
                self.timer.set_value(handle);
            }
            Some(Effect::Remove { key }) => case_store::remove(&key),
            Some(Effect::Wipe) => {
                self.cancel_timer();
                case_store::remove_all();
                browser::forget_start_plan();
                browser::tell_other_tabs_wiped();
            }
        }
    }

    /// Writes every case with something not yet stored.
    pub fn flush(&self) {
        self.cancel_timer();
        for id in self.model.with_untracked(|m| m.pending()) {
            self.write(&id);
        }
    }

    fn write(&self, id: &str) {
        let stored_now = case_store::read(&case_book::key_of(id));
        let write = self
            .model
            .try_update_untracked(|m| m.write_for(id, stored_now.as_deref()))
            .flatten();
        let result = write.map(|(key, text)| case_store::write(&key, &text));
        self.model.update(|m| {
            if let Some(result) = result {
                m.saved(id, result);
            }
        });
    }

    /// Every case known here or stored, as storage holds it now.
    fn reread_all(&self) {
        let known: Vec<String> = self
            .model
            .with_untracked(|m| m.cases().map(|c| case_book::key_of(&c.id)).collect());
        let stored = case_store::load_all().into_iter().map(|(k, _)| k);
        self.stored_elsewhere(&known.into_iter().chain(stored).collect::<Vec<_>>());
    }

    fn stored_elsewhere(&self, keys: &[String]) {
        let now: Vec<(&String, Option<String>)> =
            keys.iter().map(|k| (k, case_store::read(k))).collect();
        self.model.update(|m| {
            for (key, text) in &now {
                m.stored_elsewhere(key, text.as_deref());
            }
        });
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}
