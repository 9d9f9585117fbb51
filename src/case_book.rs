//! The case book on screen: `rusplan_domain::case_book::CaseBook` in one
//! signal, and the runner that carries out its effects. Taps become calls
//! on the domain's book; what it asks for (write a case now or after a
//! pause, remove a key, wipe) is done here against `case_store`, and the
//! outcome is reported back. No rule about cases lives in this file.
//!
//! Writes go through the vault: once there is a PIN, each is sealed before
//! it is stored (a moment's work in the browser's crypto, so a write is a
//! task; the core keeps edits made meanwhile for the next).

use crate::browser;
use crate::case_store;
use crate::plans;
use crate::storage;
use crate::vault::{LockState, Vault};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rusplan_domain::case::{Case, CaseEdit, Field};
use rusplan_domain::case_book::{self, Damaged, Effect, Gone, CASE_PREFIX};
use rusplan_domain::follow_up::DueMark;
use rusplan_domain::identity_number::Found;
use rusplan_domain::lock::{idle_lock_due, is_sealed, KEYRING_KEY};
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
    pub vault: Vault,
    /// When the app was last used, for the lock that comes on by itself.
    last_use: StoredValue<i64>,
    /// The user chose to leave what the browser did not store.
    let_go: StoredValue<bool>,
    /// Counts deletes and wipes, here and elsewhere: a sealed write that
    /// outlived one is not made.
    deletes: StoredValue<u32>,
    /// Whether the drafts are locked, changing only when that does (a
    /// page drawn by it is not drawn again, and its state kept, on every
    /// change of the lock's state).
    locked: Memo<bool>,
}

impl CaseBook {
    pub fn load() -> Self {
        let vault = Vault::load();
        // Sealed entries wait for the PIN; plain ones are read now (and
        // sealed at once if there is a PIN: a sealing cut short by a
        // reload goes on where it stopped).
        let plain = case_store::load_all()
            .into_iter()
            .filter(|(_, raw)| !is_sealed(raw));
        let book = CaseBook {
            model: RwSignal::new(case_book::CaseBook::load(plain)),
            timer: StoredValue::new(None),
            max_age_days: RwSignal::new(
                storage::max_draft_age_days().unwrap_or(DEFAULT_MAX_AGE_DAYS),
            ),
            setting_problem: RwSignal::new(None),
            vault,
            last_use: StoredValue::new(browser::now_millis()),
            let_go: StoredValue::new(false),
            deletes: StoredValue::new(0),
            locked: Memo::new(move |_| vault.state.get() == LockState::Locked),
        };
        if vault.has_pin() {
            let effects = book.model.try_update(|m| {
                let effects = m.reseal_all();
                m.lock();
                effects
            });
            book.run_all(effects.unwrap_or_default());
        }
        browser::on_storage_change(move |key| match key {
            Some(key) if key.starts_with(CASE_PREFIX) => book.stored_elsewhere(&[key]),
            Some(key) if key == KEYRING_KEY => book.keyring_changed_elsewhere(),
            Some(_) => {}
            // localStorage.clear() elsewhere: check every case we know of.
            None => book.reread_all(),
        });
        book.watch_idle();
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
            !book.let_go.get_value() && book.model.with_untracked(|m| m.has_unwritten())
        });
        book
    }

    /// An empty book with no PIN that reads and writes nothing: for pages
    /// rendered ahead of time (`crates/prerender`), as on a new device.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn ahead_of_time() -> Self {
        let vault = Vault::ahead_of_time();
        CaseBook {
            model: RwSignal::new(case_book::CaseBook::default()),
            timer: StoredValue::new(None),
            max_age_days: RwSignal::new(DEFAULT_MAX_AGE_DAYS),
            setting_problem: RwSignal::new(None),
            vault,
            last_use: StoredValue::new(0),
            let_go: StoredValue::new(false),
            deletes: StoredValue::new(0),
            locked: Memo::new(move |_| vault.state.get() == LockState::Locked),
        }
    }

    /// The book of a practice run (pages/practice.rs): the domain's
    /// practice book, which returns no effect, and no runner at all: no
    /// storage read or written, no listener, no timer. It carries on from
    /// `run`, a practice book kept in memory, or starts anew.
    pub fn practice(run: Option<case_book::CaseBook>) -> Self {
        let run = run.filter(|m| m.is_practice());
        CaseBook {
            model: RwSignal::new(run.unwrap_or_else(case_book::CaseBook::practice)),
            timer: StoredValue::new(None),
            max_age_days: RwSignal::new(DEFAULT_MAX_AGE_DAYS),
            setting_problem: RwSignal::new(None),
            vault: Vault::load(),
            last_use: StoredValue::new(0),
            let_go: StoredValue::new(false),
            deletes: StoredValue::new(0),
            locked: Memo::new(|_| false),
        }
    }

    /// What a practice book holds now (tracked), for the practice pages to
    /// keep in memory, never in storage.
    pub fn practice_run(&self) -> Option<case_book::CaseBook> {
        self.model.with(|m| m.is_practice().then(|| m.clone()))
    }

    /// A practice run: nothing of it is stored, and no history entry
    /// names a case.
    pub fn is_practice(&self) -> bool {
        self.model.with_untracked(|m| m.is_practice())
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

    pub fn unsaved_untracked(&self) -> Vec<UnsavedCase> {
        self.model.with_untracked(unsaved_cases)
    }

    /// The user chose to leave a draft the browser did not store: the page
    /// goes without asking again.
    pub fn let_go(&self) {
        self.let_go.set_value(true);
    }

    pub fn unsaved(&self) -> Vec<UnsavedCase> {
        self.model.with(unsaved_cases)
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
            .try_update(|m| m.create(id.clone(), plan_id, None, browser::now_millis()))
            .flatten();
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
        self.vault.forget_passkey();
        let effect = self.model.try_update(|m| m.wipe());
        self.run(effect);
    }

    /// Another tab wiped the device.
    pub fn wiped_elsewhere(&self) {
        self.deleted();
        self.cancel_timer();
        self.vault.forget_all();
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

    fn run_all(&self, effects: Vec<Effect>) {
        for effect in effects {
            self.run(Some(effect));
        }
    }

    fn run(&self, effect: Option<Effect>) {
        // The domain's practice book returns none; this holds if it ever did.
        if self.is_practice() {
            return;
        }
        match effect {
            None => {}
            Some(Effect::Save { id, soon: false }) => self.start_write(id),
            Some(Effect::Save { soon: true, .. }) => {
                self.cancel_timer();
                let book = *self;
                let handle = set_timeout_with_handle(move || book.flush(), TYPING_PAUSE).ok();
                self.timer.set_value(handle);
            }
            Some(Effect::Remove { key }) => {
                self.deleted();
                case_store::remove(&key);
            }
            // Only a copy this page has opened can be the one it added: a
            // newer one's storage event opens and adds it, then asks again.
            Some(Effect::RemoveMerged { key, revision }) => {
                let current = case_store::read(&key).and_then(|raw| self.vault.opened(&key, &raw));
                if let Some(plain) = current {
                    let effects = self
                        .model
                        .try_update(|m| m.merged_copy(&key, revision, Some(&plain)));
                    self.run_all(effects.unwrap_or_default());
                }
            }
            Some(Effect::Wipe) => {
                self.deleted();
                self.cancel_timer();
                case_store::remove_all();
                self.vault.forget_all();
                browser::forget_start_plan();
                browser::tell_other_tabs_wiped();
            }
        }
    }

    /// Writes every case with something not yet stored.
    pub fn flush(&self) {
        self.cancel_timer();
        for id in self.model.with_untracked(|m| m.pending()) {
            self.start_write(id);
        }
    }

    /// Without a PIN a write is done before this returns (so the last
    /// keystroke is on the device when the page goes); with one, it is
    /// sealed first, in a task.
    fn start_write(&self, id: String) {
        if self.vault.has_pin() {
            let book = *self;
            spawn_local(async move { book.write(&id).await });
        } else {
            self.write_plain(&id);
        }
    }

    fn write_plain(&self, id: &str) {
        let stored_now = case_store::read(&case_book::key_of(id));
        let write = self
            .model
            .try_update_untracked(|m| m.write_for(id, stored_now.as_deref()))
            .flatten();
        match write {
            Some((key, text)) => self.report(id, case_store::write(&key, &text)),
            None => self.model.update(|_| {}),
        }
    }

    /// Every case with something not yet stored, written before it returns.
    async fn write_all(&self) {
        self.cancel_timer();
        for id in self.model.with_untracked(|m| m.pending()) {
            self.write(&id).await;
        }
    }

    /// Before the page leaves for the other program (a full page load):
    /// every pending edit written, sealed ones included, which take a
    /// moment. A write the browser refuses stays pending; then the page's
    /// warning before unloading speaks.
    pub async fn settle(&self) {
        self.write_all().await;
        // Writes started before this call finish in their own tasks.
        for _ in 0..500 {
            if !self.model.with_untracked(|m| m.writing()) {
                return;
            }
            browser::sleep(20).await;
        }
    }

    async fn write(&self, id: &str) {
        let key = case_book::key_of(id);
        let raw_before = case_store::read(&key);
        let stored_now = match raw_before.clone() {
            Some(raw) => match self.vault.plain(&key, &raw).await {
                Ok(plain) => Some(plain),
                // Never written over unread: kept here, and the user is told.
                Err(why) => {
                    self.report(id, Err(why));
                    return;
                }
            },
            None => None,
        };
        let write = self
            .model
            .try_update_untracked(|m| m.write_for(id, stored_now.as_deref()))
            .flatten();
        let Some((key, text)) = write else {
            // Nothing to write, or the case is gone: what the screens show may have changed.
            self.model.update(|_| {});
            return;
        };
        let deletes = self.deletes.get_value();
        let result = match self.vault.to_store(&key, text).await {
            // Sealing took a moment. A delete or a wipe meanwhile is final
            // (the write starts over, and finds the case gone if it was this
            // one), and another tab's newer copy is read before writing over it.
            Ok(_)
                if self.deletes.get_value() != deletes || case_store::read(&key) != raw_before =>
            {
                self.model.update_untracked(|m| m.abandon_write(id));
                let book = *self;
                let id = id.to_owned();
                spawn_local(async move { book.write(&id).await });
                return;
            }
            Ok(stored) => case_store::write(&key, &stored),
            Err(why) => Err(why),
        };
        self.report(id, result);
    }

    fn deleted(&self) {
        self.deletes.update_value(|n| *n = n.wrapping_add(1));
    }

    fn report(&self, id: &str, result: Result<(), String>) {
        if result.is_ok() {
            self.mark_due(id);
        }
        let effects = self.model.try_update(|m| m.saved(id, result));
        self.run_all(effects.unwrap_or_default());
    }

    /// Writes the due record of a case this tab knows whole (the domain's
    /// `DueMark::of` says none for one logged while locked).
    fn mark_due(&self, id: &str) {
        let mark = self.model.with_untracked(|m| {
            m.case(id)
                .map(|case| DueMark::of(plans::find(&case.plan_id), case))
        });
        if let Some(mark) = mark {
            case_store::set_due(&case_book::key_of(id), mark);
        }
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
        for key in keys {
            let book = *self;
            let key = key.clone();
            match case_store::read(&key) {
                Some(raw) if is_sealed(&raw) => {
                    // Read only while unlocked; a locked tab reads it all on unlocking.
                    if book.vault.holds_private_key() {
                        spawn_local(async move {
                            let plain = book.vault.plain(&key, &raw).await;
                            // Openings finish in any order: a copy replaced
                            // while it was opened is old news (the newer one
                            // has its own event), and must not land last.
                            if case_store::read(&key).as_deref() != Some(raw.as_str()) {
                                return;
                            }
                            let plain = plain.unwrap_or(raw);
                            let effects = book
                                .model
                                .try_update(|m| m.stored_elsewhere(&key, Some(&plain)));
                            book.run_all(effects.unwrap_or_default());
                        });
                    }
                }
                text => {
                    let effects = self
                        .model
                        .try_update(|m| m.stored_elsewhere(&key, text.as_deref()));
                    self.run_all(effects.unwrap_or_default());
                }
            }
        }
    }

    // ---- The lock ----

    pub fn is_locked(&self) -> bool {
        self.locked.get()
    }

    pub fn lock_state(&self) -> LockState {
        self.vault.state.get()
    }

    /// Sets the first PIN: every draft is written again, sealed.
    pub async fn set_pin(&self, pin: &str) -> Result<(), String> {
        self.vault.set_pin(pin).await?;
        self.vault.state.set(LockState::Unlocked);
        self.used();
        let effects = self.model.try_update(|m| m.reseal_all());
        self.run_all(effects.unwrap_or_default());
        Ok(())
    }

    /// `Ok(false)`: a wrong PIN. On the right one every stored case is
    /// opened and handed to the core.
    pub async fn unlock(&self, pin: &str) -> Result<bool, String> {
        if !self.vault.unlock(pin).await? {
            return Ok(false);
        }
        let entries = self.open_all().await;
        self.opened(entries);
        Ok(true)
    }

    /// As `unlock`, with the passkey instead of the PIN.
    pub async fn unlock_with_passkey(&self) -> Result<bool, String> {
        if !self.vault.unlock_with_passkey().await? {
            return Ok(false);
        }
        let entries = self.open_all().await;
        // A key ring swapped for someone else's (with their passkey on the
        // same device account) would open with this device's fingerprint
        // too; it opens none of the drafts sealed here.
        let mut sealed = entries
            .iter()
            .filter(|(_, raw, _)| is_sealed(raw))
            .peekable();
        if sealed.peek().is_some() && sealed.all(|(_, _, plain)| plain.is_err()) {
            self.vault.forget_keys();
            return Err("passnøkkelen åpnet ingen av utkastene på enheten".to_owned());
        }
        self.opened(entries);
        Ok(true)
    }

    /// Every stored case, opened with the private key now held.
    async fn open_all(&self) -> Vec<(String, String, Result<String, String>)> {
        let mut entries = Vec::new();
        for (key, raw) in case_store::load_all() {
            let plain = self.vault.plain(&key, &raw).await;
            entries.push((key, raw, plain));
        }
        entries
    }

    /// The private key is held: every stored case (opened) goes to the core.
    fn opened(&self, entries: Vec<(String, String, Result<String, String>)>) {
        let effects = self.model.try_update(|m| m.unlocked(entries));
        // Every case is known whole now: records written before this
        // version, or by a tab that knew only part, are made right.
        let ids: Vec<String> = self
            .model
            .with_untracked(|m| m.cases().map(|c| c.id.clone()).collect());
        for id in ids {
            self.mark_due(&id);
        }
        self.vault.state.set(LockState::Unlocked);
        self.used();
        self.run_all(effects.unwrap_or_default());
    }

    /// Locks now, if open (returns whether it did): what is pending is
    /// written (sealed) first, then every case read from storage leaves the
    /// page with the keys.
    pub fn lock(&self) -> bool {
        if self.vault.state.get_untracked() != LockState::Unlocked {
            return false;
        }
        self.vault.state.set(LockState::Locked);
        let book = *self;
        spawn_local(async move {
            // Every write, those already under way too, is sealed before
            // the keys go (a write after that could not read its case).
            book.settle().await;
            book.model.update(|m| m.lock());
            book.vault.forget_keys();
        });
        true
    }

    /// Someone used the app: the idle time starts again.
    pub fn used(&self) {
        self.last_use.set_value(browser::now_millis());
    }

    /// The lock comes on by itself after the idle time.
    fn watch_idle(&self) {
        let book = *self;
        // Reading counts as use too: scrolling, and a screen reader moving
        // focus through the page.
        for event in ["pointerdown", "keydown", "wheel", "scroll", "focusin"] {
            let _ = window_event_listener_untyped(event, move |_| book.used());
        }
        let check = move || {
            let due = idle_lock_due(
                book.last_use.get_value(),
                browser::now_millis(),
                book.vault.idle_minutes.get_untracked(),
            );
            if due && book.lock() {
                // The page the user was on is gone: focus goes to what says why.
                request_animation_frame(crate::page::focus_page_heading);
            }
        };
        let _ = set_interval_with_handle(check, Duration::from_secs(10));
    }

    /// Another tab set a PIN, or wiped the device.
    fn keyring_changed_elsewhere(&self) {
        self.vault.reread();
        if self.vault.has_pin() && self.vault.state.get_untracked() == LockState::NoPin {
            self.vault.state.set(LockState::Unlocked);
            self.lock();
        }
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }
}

fn unsaved_cases(m: &case_book::CaseBook) -> Vec<UnsavedCase> {
    m.unsaved()
        .map(|u| UnsavedCase {
            id: u.case.id.clone(),
            created_at: u.case.created_at,
            why: u.why.to_owned(),
            exported: u.exported,
        })
        .collect()
}
