//! The case book as a state machine, driven as the shell drives it: taps in,
//! effects out, carried out against a storage that can refuse, shared by
//! two tabs that hear of each other's writes.

use rusplan_domain::case::{Case, CaseEdit, Field};
use rusplan_domain::case_book::{key_of, CaseBook, Effect, Gone, ProcedureKey};
use rusplan_domain::identity_number::Found;
use rusplan_domain::store::{decode, encode};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// localStorage, as far as the book is concerned.
#[derive(Default)]
struct Storage {
    items: BTreeMap<String, String>,
    /// Refuse every write, as a full quota does.
    full: bool,
}

/// One tab: its own book, the shared storage, and the keys it changed
/// (what the browser tells the other tabs).
struct Tab {
    book: CaseBook,
    storage: Rc<RefCell<Storage>>,
    changed: Vec<String>,
    ids: u32,
    name: &'static str,
    /// Removals of merged cases held back, to let another tab write first.
    held: Option<Vec<Effect>>,
}

impl Tab {
    fn open(storage: &Rc<RefCell<Storage>>, name: &'static str) -> Tab {
        let entries: Vec<(String, String)> = storage
            .borrow()
            .items
            .iter()
            .filter(|(k, _)| k.starts_with("rusplan.case."))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Tab {
            book: CaseBook::load(entries),
            storage: storage.clone(),
            changed: Vec::new(),
            ids: 0,
            name,
            held: None,
        }
    }

    /// Carries out an effect now (a `soon` save too: the tests decide when
    /// the pause is over by calling `flush`).
    fn run(&mut self, effect: Option<Effect>) {
        match effect {
            Some(Effect::Save { id, soon: false }) => self.write(&id),
            Some(Effect::Save { soon: true, .. }) | None => {}
            Some(Effect::Remove { key }) => {
                self.storage.borrow_mut().items.remove(&key);
                self.changed.push(key);
            }
            Some(effect @ Effect::RemoveMerged { .. }) if self.held.is_some() => {
                self.held.as_mut().unwrap().push(effect);
            }
            Some(Effect::RemoveMerged { key, revision }) => {
                let now = self.storage.borrow().items.get(&key).cloned();
                for effect in self.book.merged_copy(&key, revision, now.as_deref()) {
                    self.run(Some(effect));
                }
            }
            Some(Effect::Wipe) => {
                self.storage
                    .borrow_mut()
                    .items
                    .retain(|k, _| !k.starts_with("rusplan."));
            }
        }
    }

    fn write(&mut self, id: &str) {
        if let Some(write) = self.begin_write(id) {
            self.finish_write(id, write);
        }
    }

    /// A write in two halves, as the shell's is when it seals in between.
    fn begin_write(&mut self, id: &str) -> Option<(String, String)> {
        let stored_now = self.storage.borrow().items.get(&key_of(id)).cloned();
        self.book.write_for(id, stored_now.as_deref())
    }

    fn finish_write(&mut self, id: &str, (key, text): (String, String)) {
        let result = if self.storage.borrow().full {
            Err("lagringsplassen er full".to_owned())
        } else {
            self.storage.borrow_mut().items.insert(key.clone(), text);
            self.changed.push(key);
            Ok(())
        };
        for effect in self.book.saved(id, result) {
            self.run(Some(effect));
        }
    }

    /// Every stored case, as the shell hands them over after decrypting.
    fn unlock(&mut self) {
        let entries = self
            .storage
            .borrow()
            .items
            .iter()
            .filter(|(k, _)| k.starts_with("rusplan.case."))
            .map(|(k, v)| (k.clone(), v.clone(), Ok(v.clone())))
            .collect();
        for effect in self.book.unlocked(entries) {
            self.run(Some(effect));
        }
    }

    /// What the shell does after a pause in typing, and when the page hides.
    fn flush(&mut self) {
        for id in self.book.pending() {
            self.write(&id);
        }
    }

    fn new_case(&mut self) -> String {
        self.ids += 1;
        let id = format!("{}{}", self.name, self.ids);
        let effect = self.book.create(id.clone(), "plan", None, 1_000);
        self.run(effect);
        id
    }

    fn edit(&mut self, id: &str, edit: CaseEdit) {
        let effect = self.book.edit(id, edit, 2_000);
        self.run(effect);
    }

    /// The storage events this tab's writes caused, delivered to `other`.
    fn tell(&mut self, other: &mut Tab) {
        for key in self.changed.drain(..) {
            let now = other.storage.borrow().items.get(&key).cloned();
            for effect in other.book.stored_elsewhere(&key, now.as_deref()) {
                other.run(Some(effect));
            }
        }
    }

    fn stored(&self, id: &str) -> Option<Case> {
        let text = self.storage.borrow().items.get(&key_of(id)).cloned()?;
        Some(decode(&text).expect("stored cases are readable"))
    }
}

fn storage() -> Rc<RefCell<Storage>> {
    Rc::new(RefCell::new(Storage::default()))
}

fn tick(step: &str) -> CaseEdit {
    CaseEdit::Step {
        step: step.into(),
        done: true,
    }
}

#[test]
fn a_new_case_and_a_tick_are_written_at_once_typing_after_a_pause() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = tab.new_case();
    assert!(tab.stored(&id).is_some(), "written when created");
    assert_eq!(
        tab.book.edit(&id, tick("s1"), 2_000),
        Some(Effect::Save {
            id: id.clone(),
            soon: false
        })
    );
    tab.write(&id);
    assert!(tab.stored(&id).unwrap().steps_done.contains_key("s1"));

    let mut note = String::new();
    for c in "Møtt ruset".chars() {
        note.push(c);
        let effect = tab.book.edit(&id, CaseEdit::Notes(note.clone()), 3_000);
        assert_eq!(
            effect,
            Some(Effect::Save {
                id: id.clone(),
                soon: true
            })
        );
    }
    assert_eq!(
        tab.book.case(&id).unwrap().notes,
        "Møtt ruset",
        "shown at once"
    );
    assert_eq!(tab.stored(&id).unwrap().notes, "", "not written per key");
    assert!(tab.book.has_unwritten());
    tab.flush();
    assert_eq!(tab.stored(&id).unwrap().notes, "Møtt ruset");
    assert!(!tab.book.has_unwritten());
}

#[test]
fn a_refused_write_stays_reported_until_that_case_is_written() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let first = tab.new_case();
    let second = tab.new_case();
    storage.borrow_mut().full = true;
    tab.edit(&first, tick("s1"));
    let unsaved: Vec<&str> = tab.book.unsaved().map(|u| u.case.id.as_str()).collect();
    assert_eq!(unsaved, [first.as_str()]);
    assert_eq!(
        tab.book.unsaved().next().unwrap().why,
        "lagringsplassen er full"
    );

    // Room again, and the *other* case saves: the first is still unsaved.
    storage.borrow_mut().full = false;
    tab.edit(&second, tick("s2"));
    let unsaved: Vec<&str> = tab.book.unsaved().map(|u| u.case.id.as_str()).collect();
    assert_eq!(
        unsaved,
        [first.as_str()],
        "another case's save clears nothing"
    );
    assert!(tab.stored(&first).unwrap().steps_done.is_empty());

    // Exporting the referat is noted, but the warning stays.
    tab.book.exported(&first);
    assert!(tab.book.unsaved().next().unwrap().exported);

    // The next write of that case stores every refused edit.
    tab.edit(&first, CaseEdit::Class("1A".into()));
    tab.flush();
    assert_eq!(tab.book.unsaved().count(), 0);
    let stored = tab.stored(&first).unwrap();
    assert!(stored.steps_done.contains_key("s1"));
    assert_eq!(stored.class, "1A");
}

#[test]
fn a_case_the_browser_never_stored_is_kept_and_reported() {
    let storage = storage();
    storage.borrow_mut().full = true;
    let mut tab = Tab::open(&storage, "a");
    let id = tab.new_case();
    tab.edit(&id, tick("s1"));
    assert!(tab.book.case(&id).is_some());
    assert_eq!(tab.book.unsaved().count(), 1);
    assert!(tab.book.has_unwritten());
    storage.borrow_mut().full = false;
    tab.flush();
    assert!(tab.stored(&id).unwrap().steps_done.contains_key("s1"));
}

#[test]
fn an_identity_number_typed_key_by_key_never_reaches_storage_in_part() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = tab.new_case();
    tab.edit(&id, CaseEdit::PupilRef("AB".into()));
    tab.flush();
    let mut typed = String::new();
    for digit in "01020312560".chars() {
        typed.push(digit);
        tab.edit(&id, CaseEdit::PupilRef(typed.clone()));
        tab.flush();
        let stored = tab.stored(&id).unwrap().pupil_ref;
        let digits = stored.chars().filter(char::is_ascii_digit).count();
        assert!(digits <= 8, "«{stored}» stored after typing «{typed}»");
    }
    assert_eq!(tab.stored(&id).unwrap().pupil_ref, "01020312");
    assert_eq!(
        tab.book.withheld(&id, &Field::PupilRef),
        Some(Found::IdentityNumber)
    );
    // Pasted whole over something else: the stored value stays as it was.
    tab.edit(&id, CaseEdit::PupilRef("CD".into()));
    tab.edit(&id, CaseEdit::PupilRef("010203 12560".into()));
    tab.flush();
    assert_eq!(tab.stored(&id).unwrap().pupil_ref, "CD");
    assert_eq!(tab.book.case(&id).unwrap().pupil_ref, "CD");
    // Every free-text field, not only the pupil's.
    for edit in [
        CaseEdit::Class("01020312560".into()),
        CaseEdit::Notes("Fnr 01020312560".into()),
        CaseEdit::FollowUp("0102031256".into()),
        CaseEdit::MeetingParticipants("41020312392".into()),
        CaseEdit::DutyDecision {
            note: "n".into(),
            text: "01020312560".into(),
        },
    ] {
        let field = edit.field().unwrap();
        assert_eq!(tab.book.edit(&id, edit, 5_000), None);
        assert!(tab.book.withheld(&id, &field).is_some(), "{field:?}");
    }
    tab.flush();
    let all_stored: String = storage.borrow().items.values().cloned().collect();
    assert!(!all_stored.contains("0102031"), "{all_stored}");
    assert!(!all_stored.contains("4102031"), "{all_stored}");
    // A text that is fine again clears the field's message.
    tab.edit(&id, CaseEdit::Class("2STA".into()));
    assert_eq!(tab.book.withheld(&id, &Field::Class), None);
}

#[test]
fn misleading_characters_are_removed_on_the_way_in_and_from_old_drafts() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = tab.new_case();
    tab.edit(&id, CaseEdit::PupilRef("AB\u{202E}C\u{0}".into()));
    tab.flush();
    assert_eq!(tab.stored(&id).unwrap().pupil_ref, "ABC");
    // A draft written before the rule is shown neutralised.
    let mut old = Case::new("gammel".into(), "plan", 0);
    old.notes = "x\u{202E}y".into();
    storage
        .borrow_mut()
        .items
        .insert(key_of("gammel"), encode(&old));
    let tab = Tab::open(&storage, "b");
    assert_eq!(tab.book.case("gammel").unwrap().notes, "xy");
}

#[test]
fn two_tabs_editing_one_case_lose_nothing() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let id = a.new_case();
    let mut b = Tab::open(&storage, "b");
    // B types a note (not yet written); A ticks a sign and writes.
    b.edit(&id, CaseEdit::Notes("Fra fane B".into()));
    a.edit(
        &id,
        CaseEdit::Sign {
            sign: "fravaer".into(),
            ticked: true,
        },
    );
    a.tell(&mut b);
    // B sees A's sign and keeps its own typing.
    let seen = b.book.case(&id).unwrap();
    assert!(seen.signs.contains("fravaer"));
    assert_eq!(seen.notes, "Fra fane B");
    // B writes; then A types the class before hearing of it: A's write
    // lands on B's copy, not over it.
    b.flush();
    a.edit(&id, CaseEdit::Class("3B".into()));
    a.flush();
    b.tell(&mut a);
    a.tell(&mut b);
    let stored = a.stored(&id).unwrap();
    assert_eq!(stored.notes, "Fra fane B");
    assert_eq!(stored.class, "3B");
    assert!(stored.signs.contains("fravaer"));
    for tab in [&a, &b] {
        assert_eq!(
            tab.book.case(&id),
            Some(&stored),
            "{} shows it all",
            tab.name
        );
    }
}

#[test]
fn a_case_deleted_in_another_tab_is_gone_here_with_a_reason_and_never_written_back() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let id = a.new_case();
    let mut b = Tab::open(&storage, "b");
    a.edit(&id, CaseEdit::Notes("skrives".into()));
    let effect = b.book.delete(&key_of(&id));
    b.run(Some(effect));
    assert_eq!(b.book.gone(&id), Some(Gone::DeletedHere));
    // A's pending write, before the event reaches it, does not bring it back.
    a.flush();
    assert!(a.stored(&id).is_none());
    assert_eq!(a.book.gone(&id), Some(Gone::DeletedElsewhere));
    assert!(a.book.case(&id).is_none());
    // And by the event alone.
    let id2 = a.new_case();
    let mut b = Tab::open(&storage, "b");
    let effect = b.book.delete(&key_of(&id2));
    b.run(Some(effect));
    b.tell(&mut a);
    assert_eq!(a.book.gone(&id2), Some(Gone::DeletedElsewhere));
    assert!(!a.book.has_unwritten());
}

#[test]
fn a_wipe_is_final_in_every_tab() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let stored_case = a.new_case();
    let mut b = Tab::open(&storage, "b");
    // B has typing pending and a case the browser refused.
    b.edit(&stored_case, CaseEdit::Notes("venter".into()));
    storage.borrow_mut().full = true;
    let refused = b.new_case();
    storage.borrow_mut().full = false;
    assert_eq!(b.book.unsaved().count(), 1);

    let effect = a.book.wipe();
    assert_eq!(effect, Effect::Wipe);
    a.run(Some(effect));
    b.book.wiped_elsewhere();
    b.flush();
    assert!(storage.borrow().items.is_empty(), "nothing came back");
    assert_eq!(b.book.cases().count(), 0);
    assert_eq!(b.book.gone(&refused), Some(Gone::WipedElsewhere));
    assert!(!b.book.has_unwritten());
    assert_eq!(a.book.cases().count(), 0);
}

#[test]
fn a_wipe_s_storage_events_before_its_message_still_read_as_a_wipe() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let id = a.new_case();
    let mut b = Tab::open(&storage, "b");
    let wipe = a.book.wipe();
    a.run(Some(wipe));
    // What the browser delivers: one event per removed key, then the message.
    b.book.stored_elsewhere(&key_of(&id), None);
    assert_eq!(b.book.gone(&id), Some(Gone::DeletedElsewhere));
    b.book.wiped_elsewhere();
    assert_eq!(b.book.gone(&id), Some(Gone::WipedElsewhere));
}

#[test]
fn a_damaged_entry_takes_no_other_case_down_and_goes_only_when_asked() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let id = a.new_case();
    storage
        .borrow_mut()
        .items
        .insert("rusplan.case.skadet".into(), "{\"schema\":2,".into());
    let mut tab = Tab::open(&storage, "b");
    assert!(tab.book.case(&id).is_some());
    let damaged = tab.book.damaged().to_vec();
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].raw, "{\"schema\":2,");
    let effect = tab.book.delete("rusplan.case.skadet");
    assert_eq!(
        effect,
        Effect::Remove {
            key: "rusplan.case.skadet".into()
        }
    );
    tab.run(Some(effect));
    assert!(tab.book.damaged().is_empty());
    assert!(tab.book.case(&id).is_some());
}

#[test]
fn a_newer_version_s_copy_is_never_written_over() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let id = a.new_case();
    a.edit(&id, CaseEdit::Notes("mine".into()));
    let newer = "{\"schema\":99,\"case\":{}}".to_owned();
    storage
        .borrow_mut()
        .items
        .insert(key_of(&id), newer.clone());
    a.flush();
    assert_eq!(storage.borrow().items[&key_of(&id)], newer);
    let unsaved: Vec<_> = a.book.unsaved().collect();
    assert_eq!(unsaved.len(), 1);
    assert!(
        unsaved[0].why.contains("nyere versjon"),
        "{}",
        unsaved[0].why
    );
    assert_eq!(unsaved[0].case.notes, "mine", "kept here");
}

#[test]
fn the_procedure_logs_into_one_case_and_start_again_can_be_undone() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let key: ProcedureKey = ("plan".into(), "alternativ-3".into());
    let (first, effect) = tab.book.ensure_active(&key, || "p1".into(), 1_000);
    assert!(effect.is_some());
    tab.run(effect);
    let (again, effect) = tab.book.ensure_active(&key, || "p2".into(), 1_000);
    assert_eq!((again.as_str(), effect), (first.as_str(), None));
    assert_eq!(
        tab.stored(&first).unwrap().situation.as_deref(),
        Some("alternativ-3")
    );

    tab.book.start_again(&key);
    assert!(tab.book.active_case(&key).is_none());
    assert_eq!(tab.book.set_aside_case(&key), Some(first.clone()));
    tab.book.undo_start_again(&key);
    assert_eq!(tab.book.active_case(&key).unwrap().id, first);

    // A set-aside case deleted meanwhile is not offered back.
    tab.book.start_again(&key);
    let effect = tab.book.delete(&key_of(&first));
    tab.run(Some(effect));
    assert_eq!(tab.book.set_aside_case(&key), None);
    tab.book.undo_start_again(&key);
    assert!(tab.book.active_case(&key).is_none());
}

#[test]
fn a_case_created_in_another_tab_appears_and_a_late_event_brings_back_nothing_old() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let mut b = Tab::open(&storage, "b");
    let id = a.new_case();
    a.edit(&id, tick("s1"));
    a.edit(&id, tick("s2"));
    // Both writes' events arrive late; B reads what is stored now.
    a.tell(&mut b);
    assert_eq!(b.book.case(&id).unwrap().steps_done.len(), 2);
}

#[test]
fn an_edit_after_the_referat_was_taken_out_makes_it_stale_again() {
    let storage = storage();
    storage.borrow_mut().full = true;
    let mut tab = Tab::open(&storage, "a");
    let id = tab.new_case();
    tab.book.exported(&id);
    assert!(tab.book.unsaved().next().unwrap().exported);
    tab.edit(&id, tick("s1"));
    assert!(!tab.book.unsaved().next().unwrap().exported);
}

#[test]
fn deleting_an_unreadable_copy_keeps_the_draft_open_here_and_writes_it_anew() {
    let storage = storage();
    let mut a = Tab::open(&storage, "a");
    let id = a.new_case();
    a.edit(&id, CaseEdit::Notes("mine".into()));
    // Another version's tab writes what this one cannot read.
    storage
        .borrow_mut()
        .items
        .insert(key_of(&id), "{\"schema\":99}".into());
    a.book
        .stored_elsewhere(&key_of(&id), Some("{\"schema\":99}"));
    assert_eq!(a.book.damaged().len(), 1);
    let effect = a.book.delete(&key_of(&id));
    a.run(Some(effect));
    assert_eq!(a.book.case(&id).unwrap().notes, "mine");
    a.flush();
    assert_eq!(a.stored(&id).unwrap().notes, "mine");
    assert_eq!(a.book.unsaved().count(), 0);
}

#[test]
fn a_number_stored_by_an_older_version_is_flagged_until_the_field_changes() {
    let storage = storage();
    let mut old = Case::new("gammel".into(), "plan", 0);
    old.pupil_ref = "0102031256".into();
    storage
        .borrow_mut()
        .items
        .insert(key_of("gammel"), encode(&old));
    let mut tab = Tab::open(&storage, "a");
    assert_eq!(
        tab.book.withheld("gammel", &Field::PupilRef),
        Some(Found::MaybeStartOfOne)
    );
    assert!(tab.book.has_unwritten(), "the browser asks before closing");
    tab.edit("gammel", CaseEdit::PupilRef("AB".into()));
    tab.flush();
    assert_eq!(tab.book.withheld("gammel", &Field::PupilRef), None);
    assert_eq!(tab.stored("gammel").unwrap().pupil_ref, "AB");
}

#[test]
fn a_call_or_a_meeting_date_holding_a_number_is_refused_without_harm() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = tab.new_case();
    let call = rusplan_domain::case::Call {
        at: 1,
        role: "kjentmann".into(),
        name: "Kari".into(),
        phone: "+01020312560".into(),
    };
    assert_eq!(tab.book.edit(&id, CaseEdit::Called(call), 2), None);
    assert_eq!(
        tab.book
            .edit(&id, CaseEdit::MeetingDate("01020312560".into()), 2),
        None
    );
    assert!(tab.book.case(&id).unwrap().calls.is_empty());
}

fn procedure() -> ProcedureKey {
    ("plan".to_owned(), "situasjon".to_owned())
}

fn ensure_active(tab: &mut Tab) -> String {
    tab.ids += 1;
    let fresh = format!("{}{}", tab.name, tab.ids);
    let (id, effect) = tab.book.ensure_active(&procedure(), || fresh, 1_000);
    tab.run(effect);
    id
}

fn answer(question: &str, answer: &str) -> CaseEdit {
    CaseEdit::Answer {
        question: question.into(),
        answer: answer.into(),
    }
}

fn call(at: i64) -> CaseEdit {
    CaseEdit::Called(rusplan_domain::case::Call {
        at,
        role: "Rektor".into(),
        name: "R".into(),
        phone: "12345678".into(),
    })
}

#[test]
fn a_lock_leaves_only_what_is_logged_while_locked_and_unlocking_adds_it_to_the_case() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = ensure_active(&mut tab);
    tab.edit(&id, tick("s1"));
    tab.edit(&id, CaseEdit::Notes("Observert i gangen".into()));
    tab.flush();

    tab.book.lock();
    assert!(tab.book.is_locked());
    assert_eq!(
        tab.book.cases().count(),
        0,
        "nothing read from storage stays"
    );
    assert!(tab.book.active_case(&procedure()).is_none());

    // The procedure goes on: ticks, an answer and a call are logged, and
    // written at once, into a case that continues the locked one.
    let logged = ensure_active(&mut tab);
    assert_ne!(logged, id);
    tab.edit(&logged, tick("s2"));
    tab.edit(&logged, answer("alder", "under18"));
    tab.edit(&logged, call(3_000));
    let stored = tab.stored(&logged).expect("written while locked");
    assert_eq!(stored.continues.as_deref(), Some(id.as_str()));
    assert!(stored.steps_done.contains_key("s2"));
    assert!(stored.notes.is_empty(), "it holds only what was logged");

    tab.unlock();
    assert!(!tab.book.is_locked());
    let case = tab.book.case(&id).expect("the case is back");
    assert_eq!(case.notes, "Observert i gangen");
    assert!(case.steps_done.contains_key("s1") && case.steps_done.contains_key("s2"));
    assert_eq!(case.facts.get("alder"), Some("under18"));
    assert_eq!(case.calls.len(), 1);
    assert_eq!(tab.stored(&id).as_ref(), Some(case));
    assert!(
        tab.stored(&logged).is_none(),
        "added to the case, then removed"
    );
    assert!(tab.book.case(&logged).is_none());
    assert_eq!(
        tab.book.active_case(&procedure()).map(|c| c.id.clone()),
        Some(id)
    );
}

#[test]
fn unlocking_again_after_a_cut_off_merge_adds_nothing_twice() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = ensure_active(&mut tab);
    tab.edit(&id, tick("s1"));
    tab.book.lock();
    let logged = ensure_active(&mut tab);
    tab.edit(&logged, call(3_000));
    tab.edit(&logged, tick("s2"));
    let logged_copy = storage.borrow().items[&key_of(&logged)].clone();

    tab.unlock();
    // The page closed after the merged case was written but before the
    // logged one was removed: it is back in storage.
    storage
        .borrow_mut()
        .items
        .insert(key_of(&logged), logged_copy);

    let mut again = Tab::open(&storage, "b");
    again.book.lock();
    again.unlock();
    let case = again.stored(&id).unwrap();
    assert_eq!(case.calls.len(), 1, "the call is not logged twice");
    assert_eq!(case.steps_done.len(), 2);
    assert!(again.stored(&logged).is_none());
}

#[test]
fn a_case_logged_while_locked_stands_alone_when_its_case_is_gone() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = ensure_active(&mut tab);
    tab.book.lock();
    let logged = ensure_active(&mut tab);
    tab.edit(&logged, tick("s2"));
    storage.borrow_mut().items.remove(&key_of(&id));

    tab.unlock();
    let case = tab.book.case(&logged).expect("a case of its own");
    assert!(case.steps_done.contains_key("s2"));
    assert!(tab.stored(&logged).is_some());
}

#[test]
fn edits_made_while_a_write_is_under_way_are_written_next() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = tab.new_case();
    let _ = tab.book.edit(&id, CaseEdit::Notes("Først".into()), 2_000);
    let write = tab.begin_write(&id).expect("a write begins");
    // Typing goes on while it is sealed; it is neither merged into the
    // write under way nor a second write at the same time.
    let _ = tab
        .book
        .edit(&id, CaseEdit::Notes("Først og så".into()), 2_100);
    assert!(tab.begin_write(&id).is_none(), "one write at a time");
    tab.finish_write(&id, write);
    assert_eq!(
        tab.stored(&id).unwrap().notes,
        "Først og så",
        "written next"
    );
    assert!(!tab.book.has_unwritten());
}

#[test]
fn drafts_from_before_the_pin_are_written_again_and_then_leave_a_locked_book() {
    let storage = storage();
    let mut old = Tab::open(&storage, "a");
    let id = old.new_case();
    old.edit(&id, CaseEdit::PupilRef("AB".into()));
    old.flush();

    let mut tab = Tab::open(&storage, "b");
    let effects = tab.book.reseal_all();
    tab.book.lock();
    // Not yet written again: it stays until it is.
    assert!(tab.book.case(&id).is_some());
    assert!(tab.book.has_unwritten());
    for effect in effects {
        tab.run(Some(effect));
    }
    assert!(tab.book.case(&id).is_none(), "written, so it leaves memory");
    assert_eq!(tab.stored(&id).unwrap().pupil_ref, "AB");
}

#[test]
fn an_entry_that_cannot_be_decrypted_is_kept_aside_with_its_text() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    tab.book.lock();
    let effects = tab.book.unlocked(vec![(
        key_of("x"),
        "{\"sealed\":1}".to_owned(),
        Err("kan ikke låses opp".to_owned()),
    )]);
    assert!(effects.is_empty());
    let damaged = tab.book.damaged();
    assert_eq!(damaged.len(), 1);
    assert_eq!(damaged[0].raw, "{\"sealed\":1}");
    assert_eq!(damaged[0].problem, "kan ikke låses opp");
}

#[test]
fn a_tab_still_logging_while_another_unlocks_loses_nothing_and_keeps_its_ticks_on_screen() {
    let storage = storage();
    let mut drafts = Tab::open(&storage, "d");
    let id = drafts.new_case();
    drafts.edit(&id, tick("s1"));
    drafts.book.lock();

    // The guidance (locked: it never holds the key) goes on with the case.
    let mut guidance = Tab::open(&storage, "g");
    guidance.book.lock();
    guidance.book.resume(procedure(), id.clone());
    let logged = ensure_active(&mut guidance);
    guidance.edit(&logged, tick("s2"));

    // The drafts tab unlocks and adds the logged case to its case; the
    // guidance ticks again before the logged copy is removed.
    drafts.held = Some(Vec::new());
    drafts.unlock();
    guidance.edit(&logged, tick("s3"));
    for effect in drafts.held.take().unwrap() {
        drafts.run(Some(effect));
    }
    guidance.tell(&mut drafts);
    drafts.tell(&mut guidance);

    let case = drafts.stored(&id).expect("the case");
    for step in ["s1", "s2", "s3"] {
        assert!(case.steps_done.contains_key(step), "{step} is in the case");
    }
    assert!(drafts.stored(&logged).is_none(), "added, then removed");
    assert_eq!(drafts.book.cases().count(), 1, "one case, not two");

    // The guidance was not told its case was deleted: its ticks stay on
    // screen, and the next one is added to the case as well.
    assert!(guidance.book.gone(&logged).is_none());
    let shown = guidance
        .book
        .active_case(&procedure())
        .expect("still shown");
    assert!(shown.steps_done.contains_key("s3"));
    guidance.edit(&logged, tick("s4"));
    guidance.tell(&mut drafts);
    drafts.tell(&mut guidance);
    assert!(drafts.stored(&id).unwrap().steps_done.contains_key("s4"));
    assert!(drafts.stored(&logged).is_none());
}

#[test]
fn a_case_logged_while_locked_that_stands_alone_can_be_deleted_for_good() {
    let storage = storage();
    let mut tab = Tab::open(&storage, "a");
    let id = ensure_active(&mut tab);
    tab.book.lock();
    let logged = ensure_active(&mut tab);
    tab.edit(&logged, tick("s2"));
    storage.borrow_mut().items.remove(&key_of(&id));
    let mut other = Tab::open(&storage, "b");
    other.book.lock();
    other.unlock();
    assert_eq!(
        other.stored(&logged).unwrap().continues,
        None,
        "stands alone"
    );
    other.tell(&mut tab);

    let effect = other.book.delete(&key_of(&logged));
    other.run(Some(effect));
    other.tell(&mut tab);
    assert!(tab.book.gone(&logged).is_some(), "deleted, and told so");
    tab.edit(&logged, tick("s3"));
    assert!(tab.stored(&logged).is_none(), "never written back");
}

/// A practice run walks the procedure as in an incident (answers, ticks,
/// calls, start again) and nothing of it can reach storage: no effect,
/// nothing pending, nothing handed out to write, and a real draft stored
/// elsewhere is never taken in (where a practice edit could reach it).
#[test]
fn a_practice_run_is_kept_in_memory_and_never_written() {
    let storage = storage();
    let mut real = Tab::open(&storage, "real");
    let draft = ensure_active(&mut real);
    real.edit(&draft, answer("alder", "under-18"));
    let stored_before = storage.borrow().items.clone();

    let mut book = CaseBook::practice();
    assert!(book.is_practice());
    let key = procedure();
    let (id, effect) = book.ensure_active(&key, || "ovelse".into(), 1_000);
    assert_eq!(effect, None);
    assert_eq!(book.ensure_active(&key, || "other".into(), 1_000).0, id);
    for edit in [answer("alder", "under-18"), tick("s1"), call(3_000)] {
        assert_eq!(book.edit(&id, edit, 2_000), None);
    }
    let case = book.active_case(&key).unwrap();
    assert_eq!(case.facts.get("alder"), Some("under-18"));
    assert!(case.steps_done.contains_key("s1"));
    assert_eq!(case.calls.len(), 1);
    // Typed text is still checked, and still refused without a write.
    assert_eq!(
        book.edit(&id, CaseEdit::Notes("01017012345".into()), 2_000),
        None
    );
    assert!(book.withheld(&id, &Field::Notes).is_some());
    assert!(book.pending().is_empty());
    assert!(!book.has_unwritten());
    assert!(!book.writing());
    assert_eq!(book.write_for(&id, None), None);
    assert!(book.reseal_all().is_empty());
    assert_eq!(book.create("x".into(), "plan", None, 1_000), None);
    assert!(book.unlocked(Vec::new()).is_empty());

    // Another tab's real draft is never taken in.
    let raw = stored_before.get(&key_of(&draft)).unwrap().clone();
    book.stored_elsewhere(&key_of(&draft), Some(&raw));
    assert!(book.case(&draft).is_none());

    // Start again forgets the run: nothing set aside, nothing to take back.
    book.start_again(&key);
    assert!(book.active_case(&key).is_none());
    assert_eq!(book.set_aside_case(&key), None);
    assert!(book.case(&id).is_none());
    book.undo_start_again(&key);
    assert!(book.active_case(&key).is_none());

    // A book that is not practice writes the same run.
    let mut incident = CaseBook::default();
    assert!(!incident.is_practice());
    let (id, effect) = incident.ensure_active(&key, || "sak".into(), 1_000);
    assert!(effect.is_some());
    assert!(incident.edit(&id, tick("s1"), 2_000).is_some());
    assert_eq!(incident.pending(), [id]);
    assert_eq!(storage.borrow().items, stored_before);
}
