//! The drafts on this device, as a state machine: the app's one record of
//! what it holds about pupils, and the one place that decides when a draft
//! is written, what a refused write means, what another tab's change does,
//! and what a wipe leaves (nothing).
//!
//! The shell (`src/case_book.rs`) turns taps into calls here and carries
//! out the [`Effect`]s against storage, reporting back with [`CaseBook::saved`]
//! and [`CaseBook::stored_elsewhere`]. Nothing here touches the browser.
//!
//! Rules it keeps:
//! - **Nothing lost without a word.** A refused write is kept per case, with
//!   its edits, until a write of *that* case succeeds; the shell shows it
//!   wherever the user is.
//! - **Typed text is checked before it is kept** ([`CaseEdit::checked`]): an
//!   identity number, or the start of one, never reaches a draft; the
//!   stored value stays as it was and the field says why.
//! - **Edits land on the freshest stored copy.** Edits not yet written are
//!   kept in order and replayed onto whatever another tab stored, both when
//!   its change arrives and right before each write.
//! - **Typing is written after a pause**, everything else at once; the shell
//!   also writes everything pending when the page is hidden or closed.
//! - **A wipe is final**, here and in every other tab: no pending write of a
//!   wiped draft is ever carried out.
//! - **Locking leaves only what was logged while locked.** The drafts read
//!   from storage leave memory; a procedure run on meanwhile logs into a new
//!   case that [`Case::continues`] the one it could not read, and on
//!   unlocking that case is added to it and removed. A write may take a
//!   while (the shell seals it first): edits made meanwhile stay pending.
//! - **A practice book stores nothing** ([`CaseBook::practice`]): the
//!   procedure runs on it exactly as in an incident, but no call returns
//!   an [`Effect`], nothing is ever pending or handed out to write, and
//!   "start again" just forgets the run, so practice can never become or
//!   overwrite a draft.

use crate::case::{Case, CaseEdit, Field, Millis};
use crate::identity_number::{self, Found};
use crate::store::{decode, encode, DecodeError};
use crate::text::neutralise;

/// (plan id, situation id): a procedure, which logs into one case at a time.
pub type ProcedureKey = (String, String);

/// Every case is stored under this prefix plus its id.
pub const CASE_PREFIX: &str = "rusplan.case.";

pub fn key_of(id: &str) -> String {
    format!("{CASE_PREFIX}{id}")
}

/// What the shell must do for the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this case: at once, or after a pause in typing (`soon`). Ask
    /// [`CaseBook::write_for`] for the text right before writing.
    Save { id: String, soon: bool },
    /// Remove this key from storage.
    Remove { key: String },
    /// Remove a case logged while locked that was added to another, if
    /// what is stored under `key` is still the copy that was added: open
    /// it and hand it to [`CaseBook::merged_copy`], which says.
    RemoveMerged { key: String, revision: u64 },
    /// Remove everything the app stores, and tell every other open tab.
    Wipe,
}

/// A stored entry that cannot be read: kept (never deleted unasked) so its
/// text can still be downloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    pub key: String,
    pub raw: String,
    pub problem: String,
}

/// Why a case that was open here is no longer on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gone {
    /// Deleted in another tab or window.
    DeletedElsewhere,
    /// "Slett alle data" in another tab or window.
    WipedElsewhere,
    /// Deleted or wiped here.
    DeletedHere,
}

impl Gone {
    pub fn message(self) -> &'static str {
        match self {
            Gone::DeletedElsewhere => {
                "Utkastet ble slettet i en annen fane eller et annet vindu på denne enheten."
            }
            Gone::WipedElsewhere => {
                "Alle data på denne enheten ble slettet i en annen fane eller et annet vindu."
            }
            Gone::DeletedHere => "Utkastet er slettet fra denne enheten.",
        }
    }
}

/// A case whose latest changes are not on the device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved<'a> {
    pub case: &'a Case,
    /// The browser's reason, in words for the user.
    pub why: &'a str,
    /// The referat was copied, downloaded or printed since.
    pub exported: bool,
}

/// A text the user typed that was not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Withheld {
    field: Field,
    found: Found,
}

#[derive(Debug, Clone)]
struct Draft {
    /// What the user sees: the stored copy with `pending` applied.
    case: Case,
    /// Edits not yet written, in order, with when they were made.
    pending: Vec<(CaseEdit, Millis)>,
    /// A copy is on the device (written or read): its disappearance means
    /// it was deleted elsewhere.
    stored: bool,
    /// The browser refused the last write of this case.
    refused: Option<String>,
    exported: bool,
    withheld: Vec<Withheld>,
    /// A write is under way with this many of the pending edits in it.
    in_flight: Option<usize>,
    /// Stored in plain text before a PIN was set: to be written again, sealed.
    reseal: bool,
    /// Created while the drafts were locked: it stays readable until the
    /// next lock (it holds only what was logged since).
    created_locked: bool,
    /// Keys of cases logged while locked that were added to this one, with
    /// the revision added: they are removed once this case is written,
    /// unless a newer copy was stored meanwhile (a tab still logging).
    absorbed: Vec<(String, u64)>,
}

impl Draft {
    fn new(case: Case, stored: bool) -> Self {
        Draft {
            case,
            pending: Vec::new(),
            stored,
            refused: None,
            exported: false,
            withheld: Vec::new(),
            in_flight: None,
            reseal: false,
            created_locked: false,
            absorbed: Vec::new(),
        }
    }

    fn from_storage(mut case: Case) -> Self {
        // A draft stored by an older version may hold a number: each field
        // that does says so until it is changed.
        let withheld = case.neutralise_texts();
        Draft {
            withheld,
            ..Draft::new(case, true)
        }
    }

    /// Everything the user sees is on the device.
    fn is_written(&self) -> bool {
        self.stored
            && self.pending.is_empty()
            && self.refused.is_none()
            && !self.reseal
            && self.in_flight.is_none()
    }

    /// Read from storage, and all of it written: what a lock takes away.
    fn leaves_on_lock(&self) -> bool {
        self.is_written() && !self.created_locked
    }

    /// Puts `pending` back on top of `base`, as a newer stored copy.
    fn rebase(&mut self, base: Case) {
        let mut case = base;
        case.neutralise_texts();
        for (edit, at) in &self.pending {
            case.apply(edit.clone(), *at);
        }
        self.case = case;
        self.stored = true;
        // The referat taken out no longer holds all of it.
        self.exported = false;
    }
}

#[derive(Debug, Clone, Default)]
pub struct CaseBook {
    drafts: Vec<Draft>,
    damaged: Vec<Damaged>,
    /// The case each procedure logs into during this session.
    active: Vec<(ProcedureKey, String)>,
    /// The case "Start på nytt" set aside, so it can be taken back.
    set_aside: Vec<(ProcedureKey, String)>,
    /// Cases that were here this session and are no longer.
    gone: Vec<(String, Gone)>,
    /// The drafts are locked: what storage holds cannot be read.
    locked: bool,
    /// A practice run's book: nothing in it is ever written.
    practice: bool,
}

impl CaseBook {
    /// The book as storage holds it: every `(key, text)` under [`CASE_PREFIX`].
    pub fn load(entries: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut book = CaseBook::default();
        for (key, raw) in entries {
            book.take_stored(key, Some(raw));
        }
        book
    }

    /// The book of a practice run: it keeps what the procedure logs (so
    /// the run looks as in an incident) and stores none of it. Reads no
    /// storage, returns no [`Effect`], never has anything pending.
    pub fn practice() -> Self {
        CaseBook {
            practice: true,
            ..CaseBook::default()
        }
    }

    pub fn is_practice(&self) -> bool {
        self.practice
    }

    // ---- What the screens read ----

    pub fn cases(&self) -> impl Iterator<Item = &Case> {
        self.drafts.iter().map(|d| &d.case)
    }

    pub fn case(&self, id: &str) -> Option<&Case> {
        self.draft(id).map(|d| &d.case)
    }

    pub fn damaged(&self) -> &[Damaged] {
        &self.damaged
    }

    /// Cases whose latest changes the browser refused to store.
    pub fn unsaved(&self) -> impl Iterator<Item = Unsaved<'_>> {
        self.drafts.iter().filter_map(|d| {
            d.refused.as_deref().map(|why| Unsaved {
                case: &d.case,
                why,
                exported: d.exported,
            })
        })
    }

    /// Is anything not yet on the device (pending or refused)? The shell
    /// asks the browser to warn before the page is closed.
    pub fn has_unwritten(&self) -> bool {
        !self.practice
            && self
                .drafts
                .iter()
                .any(|d| !d.is_written() || !d.withheld.is_empty())
    }

    /// A write from [`CaseBook::write_for`] was not made (what was stored
    /// changed, or a delete came, while it was being sealed): its edits stay
    /// pending, for the next write.
    pub fn abandon_write(&mut self, id: &str) {
        if let Some(draft) = self.draft_mut(id) {
            draft.in_flight = None;
        }
    }

    /// A write handed out by [`CaseBook::write_for`] has not been reported yet.
    pub fn writing(&self) -> bool {
        self.drafts.iter().any(|d| d.in_flight.is_some())
    }

    /// Cases with something not yet written.
    pub fn pending(&self) -> Vec<String> {
        self.drafts
            .iter()
            .filter(|d| !self.practice && !d.is_written())
            .map(|d| d.case.id.clone())
            .collect()
    }

    /// Why a field's last text was not kept, if it was not.
    pub fn withheld(&self, id: &str, field: &Field) -> Option<Found> {
        self.draft(id)?
            .withheld
            .iter()
            .find(|w| &w.field == field)
            .map(|w| w.found)
    }

    /// Why a case that was here is gone, if it is.
    pub fn gone(&self, id: &str) -> Option<Gone> {
        self.gone.iter().find(|(g, _)| g == id).map(|(_, why)| *why)
    }

    /// The case a procedure logs into, if it has one yet.
    pub fn active_case(&self, key: &ProcedureKey) -> Option<&Case> {
        self.case(&lookup(&self.active, key)?)
    }

    pub fn set_aside_case(&self, key: &ProcedureKey) -> Option<String> {
        lookup(&self.set_aside, key).filter(|id| self.draft(id).is_some())
    }

    // ---- What the user does ----

    /// A new case with id `id` (random, from the shell), and its write
    /// (none in a practice book).
    pub fn create(
        &mut self,
        id: String,
        plan_id: &str,
        situation: Option<String>,
        now: Millis,
    ) -> Option<Effect> {
        let mut case = Case::new(id.clone(), plan_id, now);
        case.situation = situation;
        self.drafts.push(Draft {
            created_locked: self.locked,
            ..Draft::new(case, false)
        });
        self.unless_practice(Effect::Save { id, soon: false })
    }

    /// Applies an edit the user made. Typed text goes through
    /// [`CaseEdit::checked`]: a refused text changes nothing but the
    /// field's message. Returns the write to schedule, if any.
    pub fn edit(&mut self, id: &str, edit: CaseEdit, now: Millis) -> Option<Effect> {
        let practice = self.practice;
        let draft = self.draft_mut(id)?;
        let field = edit.field();
        let edit = match edit.checked() {
            Ok(edit) => edit,
            Err(found) => {
                if let Some(field) = field {
                    draft.withheld.retain(|w| w.field != field);
                    draft.withheld.push(Withheld { field, found });
                }
                return None;
            }
        };
        if let Some(field) = &field {
            draft.withheld.retain(|w| &w.field != field);
        }
        draft.case.apply(edit.clone(), now);
        draft.exported = false;
        if practice {
            return None;
        }
        // Keystrokes in one field keep only the last text (but an edit in
        // a write under way stays as it is).
        let coalesce = field.is_some()
            && draft.pending.len() > draft.in_flight.unwrap_or(0)
            && draft
                .pending
                .last()
                .is_some_and(|(last, _)| last.field() == field);
        if coalesce {
            draft.pending.pop();
        }
        draft.pending.push((edit, now));
        Some(Effect::Save {
            id: id.to_owned(),
            soon: field.is_some(),
        })
    }

    /// The text to write for case `id`, given what storage holds under its
    /// key right now: pending edits are replayed onto that copy first, so a
    /// change another tab made since is kept. `None` when there is nothing
    /// to write, or the case was deleted elsewhere (then it stays deleted).
    pub fn write_for(&mut self, id: &str, stored_now: Option<&str>) -> Option<(String, String)> {
        if self.practice {
            return None;
        }
        let at = self.drafts.iter().position(|d| d.case.id == id)?;
        let draft = &mut self.drafts[at];
        // One write of a case at a time: `saved` asks for the next.
        if draft.is_written() || draft.in_flight.is_some() {
            return None;
        }
        match stored_now.map(decode) {
            // (One logged while locked was added to its case: see `take_stored`.)
            None if draft.stored && draft.case.continues.is_none() => {
                self.remove_draft(id, Gone::DeletedElsewhere);
                return None;
            }
            None => {}
            Some(Ok(theirs)) => draft.rebase(theirs),
            // Never write over what this version cannot read: keep the
            // edits here and say so.
            Some(Err(err)) => {
                draft.refused = Some(match err {
                    DecodeError::NewerSchema(_) => {
                        "en nyere versjon av Rusplan har lagret saken; oppdater appen".to_owned()
                    }
                    DecodeError::Unreadable(_) => {
                        "det som er lagret for saken, kan ikke leses".to_owned()
                    }
                });
                return None;
            }
        }
        draft.in_flight = Some(draft.pending.len());
        Some((key_of(id), encode(&draft.case)))
    }

    /// What came of a write from [`CaseBook::write_for`]. Only a successful
    /// write of this case clears its refusal, and only of the edits it held.
    /// Returns what to do next: remove the cases it absorbed, and write
    /// again if edits were made while it was under way.
    pub fn saved(&mut self, id: &str, result: Result<(), String>) -> Vec<Effect> {
        let locked = self.locked;
        let Some(draft) = self.draft_mut(id) else {
            return Vec::new();
        };
        let written = draft.in_flight.take().unwrap_or(draft.pending.len());
        let mut effects = Vec::new();
        match result {
            Ok(()) => {
                draft.pending.drain(..written.min(draft.pending.len()));
                draft.stored = true;
                draft.refused = None;
                draft.reseal = false;
                draft.exported = false;
                effects.extend(
                    draft
                        .absorbed
                        .drain(..)
                        .map(|(key, revision)| Effect::RemoveMerged { key, revision }),
                );
                if !draft.pending.is_empty() {
                    effects.push(Effect::Save {
                        id: id.to_owned(),
                        soon: false,
                    });
                }
            }
            Err(why) => draft.refused = Some(why),
        }
        // Sealed on the way in while locked (a plain-text draft from before
        // the PIN): now it leaves memory too.
        if locked {
            self.drafts.retain(|d| !d.leaves_on_lock());
        }
        effects
    }

    // ---- The lock ----

    pub fn is_locked(&self) -> bool {
        self.locked
    }

    /// A PIN was set, or a sealing cut short is resumed: every draft here
    /// is written again (the shell seals what it writes).
    pub fn reseal_all(&mut self) -> Vec<Effect> {
        if self.practice {
            return Vec::new();
        }
        self.drafts
            .iter_mut()
            .map(|draft| {
                draft.reseal = true;
                Effect::Save {
                    id: draft.case.id.clone(),
                    soon: false,
                }
            })
            .collect()
    }

    /// The drafts lock: every case read from storage and written leaves
    /// memory. What the browser refused to store stays, rather than be
    /// lost. The procedures keep their place, so what is logged while
    /// locked continues the same case.
    pub fn lock(&mut self) {
        self.locked = true;
        self.drafts.retain(|d| !d.leaves_on_lock());
        self.damaged.clear();
    }

    /// The drafts are unlocked: `entries` are every stored case as
    /// `(key, raw, decrypted)` (`Err`: could not be decrypted: damaged or
    /// altered; kept aside like any unreadable entry). A case logged while
    /// locked is added to the case it continues, which is then written.
    pub fn unlocked(
        &mut self,
        entries: Vec<(String, String, Result<String, String>)>,
    ) -> Vec<Effect> {
        if self.practice {
            return Vec::new();
        }
        self.locked = false;
        for (key, raw, plain) in entries {
            match plain {
                Ok(text) => self.take_stored(key, Some(text)),
                Err(problem) => {
                    self.damaged.retain(|d| d.key != key);
                    self.damaged.push(Damaged { key, raw, problem });
                }
            }
        }
        for draft in &mut self.drafts {
            draft.created_locked = false;
        }
        self.add_continued()
    }

    fn add_continued(&mut self) -> Vec<Effect> {
        let mut effects = Vec::new();
        let continued: Vec<(String, String)> = self
            .drafts
            .iter()
            .filter_map(|d| Some((d.case.id.clone(), d.case.continues.clone()?)))
            .collect();
        for (id, into) in continued {
            let Some(at) = self.drafts.iter().position(|d| d.case.id == id) else {
                continue;
            };
            if self.draft(&into).is_none() {
                // The case it continued is gone: it stands as a case of its
                // own, and says so where it is stored (so deleting it is
                // final, see `take_stored`).
                if let Some(draft) = self.drafts.get_mut(at) {
                    draft.case.continues = None;
                    draft.pending.push((CaseEdit::StandsAlone, 0));
                }
                effects.push(Effect::Save { id, soon: false });
                continue;
            }
            let logged = self.drafts.remove(at);
            let edits = logged.case.as_edits();
            let target = self.draft_mut(&into).expect("checked above");
            for (edit, at) in edits {
                target.case.apply(edit.clone(), at);
                target.pending.push((edit, at));
            }
            target.absorbed.retain(|(key, _)| *key != key_of(&id));
            target.absorbed.push((key_of(&id), logged.case.revision));
            target.exported = false;
            for (_, active) in self.active.iter_mut().chain(self.set_aside.iter_mut()) {
                if *active == id {
                    active.clone_from(&into);
                }
            }
            effects.push(Effect::Save {
                id: into,
                soon: false,
            });
        }
        effects
    }

    /// The referat of case `id` was copied, downloaded or printed.
    pub fn exported(&mut self, id: &str) {
        if let Some(draft) = self.draft_mut(id) {
            draft.exported = true;
        }
    }

    /// Deletes a stored entry (a case's key or a damaged entry's key),
    /// after the user confirmed.
    pub fn delete(&mut self, key: &str) -> Effect {
        let was_damaged = self.damaged.iter().any(|d| d.key == key);
        self.damaged.retain(|d| d.key != key);
        if let Some(id) = key.strip_prefix(CASE_PREFIX) {
            match self.draft_mut(id) {
                // The unreadable copy goes; the draft here, with its edits,
                // stays and is written anew.
                Some(draft) if was_damaged => {
                    draft.stored = false;
                    draft.refused = None;
                }
                _ => self.remove_draft(id, Gone::DeletedHere),
            }
        }
        Effect::Remove {
            key: key.to_owned(),
        }
    }

    /// "Slett alle data": nothing is left, and nothing pending is written.
    pub fn wipe(&mut self) -> Effect {
        self.forget_all(Gone::DeletedHere);
        Effect::Wipe
    }

    /// Another tab wiped the device: this one forgets everything too, also
    /// what the browser had refused to store.
    pub fn wiped_elsewhere(&mut self) {
        // The wipe's storage events usually arrive before its message: the
        // cases they removed were part of it.
        for (_, why) in &mut self.gone {
            if *why == Gone::DeletedElsewhere {
                *why = Gone::WipedElsewhere;
            }
        }
        self.forget_all(Gone::WipedElsewhere);
    }

    /// Another tab changed `key`; `current` is what storage holds under it
    /// now (read at the event, not taken from it, so a late event never
    /// brings back an older copy).
    pub fn stored_elsewhere(&mut self, key: &str, current: Option<&str>) -> Vec<Effect> {
        // A practice run never takes in a real draft (it could edit it).
        if !key.starts_with(CASE_PREFIX) || self.practice {
            return Vec::new();
        }
        self.take_stored(key.to_owned(), current.map(str::to_owned));
        // A tab still logging while locked wrote more into a case that was
        // added to another here: add that too.
        if self.locked {
            Vec::new()
        } else {
            self.add_continued()
        }
    }

    /// For [`Effect::RemoveMerged`]: `current` is what storage holds under
    /// `key` now, opened. The copy that was added goes; a newer one (the
    /// other tab logged more) is added as well, and removed after that.
    pub fn merged_copy(&mut self, key: &str, revision: u64, current: Option<&str>) -> Vec<Effect> {
        let Some(text) = current else {
            return Vec::new();
        };
        match decode(text) {
            Ok(case) if case.revision <= revision => vec![Effect::Remove {
                key: key.to_owned(),
            }],
            // Newer, or unreadable: kept (an unreadable one as damaged).
            _ => self.stored_elsewhere(key, Some(text)),
        }
    }

    /// The procedure's case, created (with `new_id`) on the first thing
    /// worth recording.
    pub fn ensure_active(
        &mut self,
        key: &ProcedureKey,
        new_id: impl FnOnce() -> String,
        now: Millis,
    ) -> (String, Option<Effect>) {
        if let Some(case) = self.active_case(key) {
            return (case.id.clone(), None);
        }
        let (plan_id, situation) = key.clone();
        let id = new_id();
        // The procedure's case left memory with the lock: this one continues it.
        let continues = lookup(&self.active, key);
        let effect = self.create(id.clone(), &plan_id, Some(situation), now);
        if let Some(draft) = self.draft_mut(&id) {
            draft.case.continues = continues;
        }
        put(&mut self.active, key.clone(), id.clone());
        (id, effect)
    }

    /// Continue an existing case in its procedure.
    pub fn resume(&mut self, key: ProcedureKey, id: String) {
        put(&mut self.active, key, id);
    }

    /// "Start på nytt": the procedure starts a fresh case; the old one stays
    /// a draft and can be taken back.
    /// In a practice book the run is forgotten: nothing to take back.
    pub fn start_again(&mut self, key: &ProcedureKey) {
        if self.practice {
            if let Some(id) = take(&mut self.active, key) {
                self.drafts.retain(|d| d.case.id != id);
            }
            return;
        }
        match take(&mut self.active, key) {
            Some(id) => put(&mut self.set_aside, key.clone(), id),
            None => {
                take(&mut self.set_aside, key);
            }
        }
    }

    pub fn undo_start_again(&mut self, key: &ProcedureKey) {
        if let Some(id) = take(&mut self.set_aside, key) {
            if self.draft(&id).is_some() {
                self.resume(key.clone(), id);
            }
        }
    }

    // ---- Inside ----

    fn unless_practice(&self, effect: Effect) -> Option<Effect> {
        (!self.practice).then_some(effect)
    }

    fn draft(&self, id: &str) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.case.id == id)
    }

    fn draft_mut(&mut self, id: &str) -> Option<&mut Draft> {
        self.drafts.iter_mut().find(|d| d.case.id == id)
    }

    /// Takes in what storage holds under `key` (`None`: nothing).
    fn take_stored(&mut self, key: String, raw: Option<String>) {
        let Some(id) = key.strip_prefix(CASE_PREFIX).map(str::to_owned) else {
            return;
        };
        self.damaged.retain(|d| d.key != key);
        let Some(raw) = raw else {
            // Only a copy that was on the device can be deleted elsewhere;
            // one the browser never stored stays here with its warning. A
            // case logged while locked was added to its case by a tab that
            // unlocked: the procedure here still shows it, and its next
            // edit writes it anew (adding it again adds nothing twice).
            if self
                .draft(&id)
                .is_some_and(|d| d.stored && d.case.continues.is_none())
            {
                self.remove_draft(&id, Gone::DeletedElsewhere);
            }
            return;
        };
        match decode(&raw) {
            Ok(case) if case.id == id => match self.draft_mut(&id) {
                Some(draft) => draft.rebase(case),
                None => {
                    self.gone.retain(|(g, _)| g != &id);
                    self.drafts.push(Draft::from_storage(case));
                }
            },
            Ok(_) => self.damaged.push(Damaged {
                key,
                raw,
                problem: "utkastet er lagret under feil nøkkel".to_owned(),
            }),
            Err(err) => {
                if let Some(draft) = self.draft_mut(&id) {
                    draft.refused =
                        Some("en annen fane lagret noe denne versjonen ikke kan lese".to_owned());
                }
                self.damaged.push(Damaged {
                    key,
                    raw,
                    problem: err.to_string(),
                });
            }
        }
    }

    fn remove_draft(&mut self, id: &str, why: Gone) {
        self.drafts.retain(|d| d.case.id != id);
        self.active.retain(|(_, a)| a != id);
        self.gone.retain(|(g, _)| g != id);
        self.gone.push((id.to_owned(), why));
    }

    fn forget_all(&mut self, why: Gone) {
        let ids: Vec<String> = self.drafts.iter().map(|d| d.case.id.clone()).collect();
        for id in ids {
            self.remove_draft(&id, why);
        }
        self.damaged.clear();
        self.active.clear();
        self.set_aside.clear();
        // With the drafts goes the key: nothing is left to lock.
        self.locked = false;
    }
}

impl Case {
    /// Every free text of the case, with its field.
    fn texts_mut(&mut self) -> Vec<(Field, &mut String)> {
        let mut texts = vec![
            (Field::PupilRef, &mut self.pupil_ref),
            (Field::Class, &mut self.class),
            (Field::Notes, &mut self.notes),
            (Field::FollowUp, &mut self.follow_up),
            (Field::MeetingDate, &mut self.meeting.date),
            (Field::MeetingParticipants, &mut self.meeting.participants),
        ];
        for (note, text) in &mut self.duty_decisions {
            texts.push((Field::DutyDecision(note.clone()), text));
        }
        texts
    }

    /// Neutralises every text ([`neutralise`]): drafts written before that
    /// rule are shown and exported the same way. Returns the fields that
    /// hold an identity number (stored by an older version).
    fn neutralise_texts(&mut self) -> Vec<Withheld> {
        self.texts_mut()
            .into_iter()
            .filter_map(|(field, text)| {
                if let std::borrow::Cow::Owned(clean) = neutralise(text) {
                    *text = clean;
                }
                identity_number::find(text).map(|found| Withheld { field, found })
            })
            .collect()
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
