//! The cases on this device, as app-wide reactive state. Every read and
//! write goes through `case_store`; this adds what the screens need: the
//! list as a signal, the case a running procedure logs into, changes from
//! other tabs, and cases the browser refused to store (kept in memory so
//! nothing is lost and they can still be exported).

use crate::browser;
use crate::case_store::{self, Entry};
use crate::storage;
use leptos::prelude::*;
use rusplan_domain::case::{Case, CaseEdit};

/// (plan id, situation id)
pub type ProcedureKey = (String, String);

pub const DEFAULT_MAX_AGE_DAYS: u32 = 30;

#[derive(Clone, Copy)]
pub struct CaseBook {
    pub entries: RwSignal<Vec<Entry>>,
    /// Cases whose last save the browser refused.
    unsaved: RwSignal<Vec<Case>>,
    /// What to tell the user about storage, if anything.
    pub problem: RwSignal<Option<String>>,
    /// The case each procedure logs into during this session.
    active: RwSignal<Vec<(ProcedureKey, String)>>,
    /// The case "Start på nytt" set aside, so it can be taken back.
    set_aside: RwSignal<Vec<(ProcedureKey, String)>>,
    /// Drafts older than this are flagged to be moved to Elements.
    pub max_age_days: RwSignal<u32>,
}

impl CaseBook {
    pub fn load() -> Self {
        let book = CaseBook {
            entries: RwSignal::new(case_store::load_all()),
            unsaved: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
            active: RwSignal::new(Vec::new()),
            set_aside: RwSignal::new(Vec::new()),
            max_age_days: RwSignal::new(
                storage::max_draft_age_days().unwrap_or(DEFAULT_MAX_AGE_DAYS),
            ),
        };
        browser::on_storage_change(move |key| {
            if key.is_none_or(|k| k.starts_with("rusplan.case.")) {
                book.reload();
            }
        });
        book
    }

    /// Re-reads storage (after another tab changed it). Cases the browser
    /// refused keep their in-memory version.
    pub fn reload(&self) {
        let unsaved = self.unsaved.get_untracked();
        let mut entries = case_store::load_all();
        for entry in &mut entries {
            if let Entry::Case(case) = entry {
                if let Some(mine) = unsaved.iter().find(|mine| mine.id == case.id) {
                    *case = mine.clone();
                }
            }
        }
        for case in unsaved {
            if !entries
                .iter()
                .any(|e| matches!(e, Entry::Case(c) if c.id == case.id))
            {
                entries.push(Entry::Case(case));
            }
        }
        self.entries.set(entries);
    }

    pub fn cases(&self) -> Vec<Case> {
        self.entries.with(|entries| {
            entries
                .iter()
                .filter_map(|e| match e {
                    Entry::Case(case) => Some(case.clone()),
                    Entry::Damaged { .. } => None,
                })
                .collect()
        })
    }

    pub fn case(&self, id: &str) -> Option<Case> {
        self.entries.with(|entries| {
            entries.iter().find_map(|e| match e {
                Entry::Case(case) if case.id == id => Some(case.clone()),
                _ => None,
            })
        })
    }

    fn put(&self, case: Case, saved: Result<(), case_store::Refused>) {
        match saved {
            Ok(()) => {
                self.unsaved.update(|u| u.retain(|c| c.id != case.id));
                self.problem.set(None);
            }
            Err(case_store::Refused(why)) => {
                self.unsaved.update(|u| {
                    u.retain(|c| c.id != case.id);
                    u.push(case.clone());
                });
                self.problem.set(Some(format!(
                    "Nettleseren ville ikke lagre utkastet ({why}). Ingenting er tapt: saken er åpen her, \
                     og du kan kopiere eller laste ned referatet nå."
                )));
            }
        }
        self.entries.update(|entries| {
            match entries
                .iter_mut()
                .find(|e| matches!(e, Entry::Case(c) if c.id == case.id))
            {
                Some(entry) => *entry = Entry::Case(case),
                None => entries.push(Entry::Case(case)),
            }
        });
    }

    /// A new case for `plan_id`, set up by `init`; returns its id.
    pub fn create(&self, plan_id: &str, init: impl FnOnce(&mut Case)) -> String {
        let now = browser::now_millis();
        let mut case = Case::new(browser::random_id(), plan_id, now);
        init(&mut case);
        let id = case.id.clone();
        let saved = case_store::save(&case);
        self.put(case, saved);
        id
    }

    pub fn edit(&self, id: &str, edit: CaseEdit) {
        let unsaved = self
            .unsaved
            .with_untracked(|u| u.iter().find(|c| c.id == id).cloned());
        match case_store::apply(id, unsaved, edit, browser::now_millis()) {
            Some((case, saved)) => self.put(case, saved),
            None => {
                self.problem.set(Some(
                    "Utkastet finnes ikke lenger på denne enheten (slettet i en annen fane?)."
                        .into(),
                ));
                self.reload();
            }
        }
    }

    /// Deletes a stored entry (a case's key, or a damaged entry's key).
    pub fn delete(&self, key: &str) {
        case_store::delete(key);
        if let Some(id) = key.strip_prefix("rusplan.case.") {
            self.unsaved.update(|u| u.retain(|c| c.id != id));
            self.active.update(|a| a.retain(|(_, v)| v != id));
        }
        self.reload();
    }

    pub fn delete_all(&self) {
        case_store::delete_all_data();
        self.unsaved.set(Vec::new());
        self.active.set(Vec::new());
        self.set_aside.set(Vec::new());
        self.problem.set(None);
        self.reload();
    }

    pub fn set_max_age_days(&self, days: u32) {
        self.max_age_days.set(days);
        if let Err(err) = storage::set_max_draft_age_days(days) {
            self.problem.set(Some(err.to_string()));
        }
    }

    /// The case a procedure logs into, if it has one yet.
    pub fn active_case(&self, key: &ProcedureKey) -> Option<Case> {
        let id = self.active.with(|a| lookup(a, key))?;
        self.case(&id)
    }

    /// The procedure's case, created on the first thing worth recording.
    pub fn ensure_active(&self, key: &ProcedureKey) -> String {
        if let Some(case) = self.active_case(key) {
            return case.id;
        }
        let (plan_id, situation) = key.clone();
        let id = self.create(&plan_id, |case| case.situation = Some(situation));
        self.active.update(|a| put(a, key.clone(), id.clone()));
        id
    }

    /// Continue an existing case in its procedure.
    pub fn resume(&self, key: ProcedureKey, id: String) {
        self.active.update(|a| put(a, key, id));
    }

    /// "Start på nytt": the procedure starts a fresh case; the old one stays
    /// a draft and can be taken back.
    pub fn start_again(&self, key: &ProcedureKey) {
        let old = self.active.try_update(|a| take(a, key)).flatten();
        self.set_aside.update(|s| match old {
            Some(id) => put(s, key.clone(), id),
            None => {
                take(s, key);
            }
        });
    }

    pub fn set_aside_case(&self, key: &ProcedureKey) -> Option<String> {
        self.set_aside.with(|s| lookup(s, key))
    }

    pub fn undo_start_again(&self, key: &ProcedureKey) {
        if let Some(id) = self.set_aside.try_update(|s| take(s, key)).flatten() {
            self.resume(key.clone(), id);
        }
    }
}

// The procedure → case lists hold a few entries for one session: plain
// lists, because a BTreeMap per key type costs a few kB of wasm.

fn lookup(list: &[(ProcedureKey, String)], key: &ProcedureKey) -> Option<String> {
    list.iter()
        .find(|(k, _)| k == key)
        .map(|(_, id)| id.clone())
}

fn put(list: &mut Vec<(ProcedureKey, String)>, key: ProcedureKey, id: String) {
    take(list, &key);
    list.push((key, id));
}

fn take(list: &mut Vec<(ProcedureKey, String)>, key: &ProcedureKey) -> Option<String> {
    let at = list.iter().position(|(k, _)| k == key)?;
    Some(list.remove(at).1)
}
