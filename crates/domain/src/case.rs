//! A case: the record of one incident, kept as a draft on the device until it
//! is written into the school's records (the system the plan names) and
//! deleted.
//!
//! It holds the least that is needed: a pupil *reference* (initials or a
//! pseudonym, never a full name or national ID number), what was answered,
//! seen and done, and when. Every change is a [`CaseEdit`] applied to the
//! freshest stored copy, so two tabs editing the same case lose nothing.

use crate::engine::Facts;
use crate::identity_number::{self, Found};
use crate::text::neutralise;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Milliseconds since the Unix epoch (UTC), as the device clock gives them.
pub type Millis = i64;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    /// Written into the school's records; ready to delete here. (Stored
    /// under its first name, so old drafts still read.)
    #[serde(rename = "transferred_to_elements")]
    Transferred,
    Closed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Open, Status::Transferred, Status::Closed];

    pub fn id(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Transferred => "transferred_to_elements",
            Status::Closed => "closed",
        }
    }

    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }

    /// How the app names the status: with the system the case's plan
    /// names (`Plan::records_system`), or neutrally when it names none.
    pub fn label(self, records_system: Option<&str>) -> String {
        match self {
            Status::Open => "Åpen".to_owned(),
            Status::Transferred => format!("Overført til {}", records_name(records_system)),
            Status::Closed => "Avsluttet".to_owned(),
        }
    }
}

/// Where a referat goes: the system the plan names, or a neutral name for
/// the school's records when it names none (no school's system in code).
pub fn records_name(records_system: Option<&str>) -> &str {
    records_system.unwrap_or("skolens arkiv")
}

/// A call made from inside the case (tapping a call button logs it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub at: Millis,
    pub role: String,
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecord {
    /// As the date input gives it: `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub participants: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Random; never derived from anything about the pupil.
    pub id: String,
    pub plan_id: String,
    pub created_at: Millis,
    pub updated_at: Millis,
    /// Counts every saved change; how a tab tells that another tab saved.
    pub revision: u64,
    /// Initials or a pseudonym.
    #[serde(default)]
    pub pupil_ref: String,
    #[serde(default)]
    pub class: String,
    /// The situation (the plan's "Alternativ") this case follows, if any.
    #[serde(default)]
    pub situation: Option<String>,
    /// Answers to the plan's questions (age group, outcome of the talk, …).
    #[serde(default)]
    pub facts: Facts,
    /// Checklist signs ticked.
    #[serde(default)]
    pub signs: BTreeSet<String>,
    /// Step id → when it was ticked off.
    #[serde(default)]
    pub steps_done: BTreeMap<String, Millis>,
    #[serde(default)]
    pub calls: Vec<Call>,
    #[serde(default)]
    pub notes: String,
    /// Agreements and follow-up.
    #[serde(default)]
    pub follow_up: String,
    #[serde(default)]
    pub meeting: MeetingRecord,
    /// Duty-to-inform note id → what was decided.
    #[serde(default)]
    pub duty_decisions: BTreeMap<String, String>,
    #[serde(default)]
    pub status: Status,
    /// Logged while the drafts were locked, during the run of the case with
    /// this id (which could not be read then): on unlocking it is added to
    /// that case ([`Case::as_edits`]) and removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continues: Option<String>,
}

/// One change to a case. Applied to the freshest stored copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseEdit {
    PupilRef(String),
    Class(String),
    Situation(Option<String>),
    Answer {
        question: String,
        answer: String,
    },
    Forget {
        question: String,
    },
    Sign {
        sign: String,
        ticked: bool,
    },
    Step {
        step: String,
        done: bool,
    },
    Called(Call),
    Notes(String),
    FollowUp(String),
    MeetingDate(String),
    MeetingParticipants(String),
    DutyDecision {
        note: String,
        text: String,
    },
    Status(Status),
    /// A case logged while locked whose case is gone: it no longer
    /// continues anything, and stands as a case of its own.
    StandsAlone,
}

/// The free-text field an edit writes: two edits of one field in a row
/// coalesce into the last, and a refused text is reported against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    PupilRef,
    Class,
    Notes,
    FollowUp,
    MeetingDate,
    MeetingParticipants,
    DutyDecision(String),
}

impl CaseEdit {
    pub fn field(&self) -> Option<Field> {
        Some(match self {
            CaseEdit::PupilRef(_) => Field::PupilRef,
            CaseEdit::Class(_) => Field::Class,
            CaseEdit::Notes(_) => Field::Notes,
            CaseEdit::FollowUp(_) => Field::FollowUp,
            CaseEdit::MeetingDate(_) => Field::MeetingDate,
            CaseEdit::MeetingParticipants(_) => Field::MeetingParticipants,
            CaseEdit::DutyDecision { note, .. } => Field::DutyDecision(note.clone()),
            _ => return None,
        })
    }

    fn text_mut(&mut self) -> Option<&mut String> {
        match self {
            CaseEdit::PupilRef(text)
            | CaseEdit::Class(text)
            | CaseEdit::Notes(text)
            | CaseEdit::FollowUp(text)
            | CaseEdit::MeetingDate(text)
            | CaseEdit::MeetingParticipants(text)
            | CaseEdit::DutyDecision { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The edit as it may be stored: misleading characters removed
    /// ([`neutralise`]), and refused if a text would then hold an identity
    /// number or the start of one. The one gate every text passes before it
    /// reaches a draft: typed ones, and a call's name and number (a number
    /// added on the device is typed too).
    pub fn checked(mut self) -> Result<CaseEdit, Found> {
        let texts: Vec<&mut String> = match &mut self {
            CaseEdit::Called(call) => vec![&mut call.name, &mut call.phone, &mut call.role],
            edit => edit.text_mut().into_iter().collect(),
        };
        for text in texts {
            if let std::borrow::Cow::Owned(clean) = neutralise(text) {
                *text = clean;
            }
            if let Some(found) = identity_number::find(text) {
                return Err(found);
            }
        }
        Ok(self)
    }
}

impl Case {
    pub fn new(id: String, plan_id: &str, now: Millis) -> Self {
        Case {
            id,
            plan_id: plan_id.to_owned(),
            created_at: now,
            updated_at: now,
            revision: 0,
            pupil_ref: String::new(),
            class: String::new(),
            situation: None,
            facts: Facts::new(),
            signs: BTreeSet::new(),
            steps_done: BTreeMap::new(),
            calls: Vec::new(),
            notes: String::new(),
            follow_up: String::new(),
            meeting: MeetingRecord::default(),
            duty_decisions: BTreeMap::new(),
            status: Status::Open,
            continues: None,
        }
    }

    pub fn apply(&mut self, edit: CaseEdit, now: Millis) {
        match edit {
            CaseEdit::PupilRef(text) => self.pupil_ref = text,
            CaseEdit::Class(text) => self.class = text,
            CaseEdit::Situation(situation) => self.situation = situation,
            CaseEdit::Answer { question, answer } => self.facts.answer(&question, &answer),
            CaseEdit::Forget { question } => self.facts.forget(&question),
            CaseEdit::Sign { sign, ticked: true } => {
                self.signs.insert(sign);
            }
            CaseEdit::Sign {
                sign,
                ticked: false,
            } => {
                self.signs.remove(&sign);
            }
            CaseEdit::Step { step, done: true } => {
                // Keep the first time it was ticked: that is when it was done.
                self.steps_done.entry(step).or_insert(now);
            }
            CaseEdit::Step { step, done: false } => {
                self.steps_done.remove(&step);
            }
            // A call already in the list is the same call replayed.
            CaseEdit::Called(call) => {
                if !self.calls.contains(&call) {
                    self.calls.push(call);
                }
            }
            CaseEdit::Notes(text) => self.notes = text,
            CaseEdit::FollowUp(text) => self.follow_up = text,
            CaseEdit::MeetingDate(date) => self.meeting.date = date,
            CaseEdit::MeetingParticipants(text) => self.meeting.participants = text,
            CaseEdit::DutyDecision { note, text } => {
                if text.trim().is_empty() {
                    self.duty_decisions.remove(&note);
                } else {
                    self.duty_decisions.insert(note, text);
                }
            }
            CaseEdit::Status(status) => self.status = status,
            CaseEdit::StandsAlone => self.continues = None,
        }
        // A replayed edit keeps its own time: it never moves the last change back.
        self.updated_at = self.updated_at.max(now);
        self.revision += 1;
    }

    /// What a case logged while locked recorded (answers, signs, ticks and
    /// calls: all that can be logged while the drafts are locked), as edits
    /// with their times, to be replayed onto the case it continues.
    /// Replaying them twice changes nothing: a step keeps the first time it
    /// was ticked and a call already there is not added again.
    pub fn as_edits(&self) -> Vec<(CaseEdit, Millis)> {
        let at = self.updated_at;
        let mut edits: Vec<(CaseEdit, Millis)> = self
            .facts
            .iter()
            .map(|(question, answer)| {
                let (question, answer) = (question.to_owned(), answer.to_owned());
                (CaseEdit::Answer { question, answer }, at)
            })
            .collect();
        for sign in &self.signs {
            let sign = sign.clone();
            edits.push((CaseEdit::Sign { sign, ticked: true }, at));
        }
        for (step, done_at) in &self.steps_done {
            let step = step.clone();
            edits.push((CaseEdit::Step { step, done: true }, *done_at));
        }
        for call in &self.calls {
            edits.push((CaseEdit::Called(call.clone()), call.at));
        }
        edits
    }

    /// Whole days since the case was last changed.
    pub fn days_since_change(&self, now: Millis) -> i64 {
        (now - self.updated_at).max(0) / 86_400_000
    }

    /// Should it be moved to the school's records and deleted? True once it
    /// has lain unchanged for `max_days` and is not yet closed: a draft in
    /// use is not old, however long ago it was started.
    pub fn is_overdue(&self, now: Millis, max_days: u32) -> bool {
        self.status != Status::Closed && self.days_since_change(now) >= i64::from(max_days)
    }

    /// How the case is named in lists: the pupil reference, or a placeholder.
    pub fn title(&self) -> &str {
        if self.pupil_ref.trim().is_empty() {
            "Uten elevreferanse"
        } else {
            self.pupil_ref.trim()
        }
    }
}

/// Open drafts first, newest first within each status.
pub fn sort_for_list(cases: &mut [Case]) {
    let rank = |s: Status| match s {
        Status::Open => 0,
        Status::Transferred => 1,
        Status::Closed => 2,
    };
    cases.sort_by(|a, b| {
        rank(a.status)
            .cmp(&rank(b.status))
            .then(b.created_at.cmp(&a.created_at))
    });
}

/// Does a pupil reference look like a full name (two or more words of
/// letters)? The form then steers to initials or a nickname.
pub fn looks_like_full_name(text: &str) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticking_keeps_the_first_time_and_unticking_forgets_it() {
        let mut case = Case::new("k1".into(), "plan-a", 1_000);
        case.apply(
            CaseEdit::Step {
                step: "a".into(),
                done: true,
            },
            2_000,
        );
        case.apply(
            CaseEdit::Step {
                step: "a".into(),
                done: true,
            },
            3_000,
        );
        assert_eq!(case.steps_done["a"], 2_000);
        assert_eq!((case.revision, case.updated_at), (2, 3_000));
        case.apply(
            CaseEdit::Step {
                step: "a".into(),
                done: false,
            },
            4_000,
        );
        assert!(case.steps_done.is_empty());
    }

    #[test]
    fn old_drafts_are_flagged_until_closed() {
        let day = 86_400_000;
        let mut case = Case::new("k1".into(), "p", 0);
        assert!(!case.is_overdue(29 * day, 30));
        assert!(case.is_overdue(30 * day, 30));
        case.apply(CaseEdit::Notes("mer".into()), 20 * day);
        assert!(!case.is_overdue(30 * day, 30), "changed ten days ago");
        assert!(case.is_overdue(50 * day, 30));
        case.apply(CaseEdit::Status(Status::Transferred), 50 * day);
        assert!(
            case.is_overdue(80 * day, 30),
            "still here: move it and delete it"
        );
        case.apply(CaseEdit::Status(Status::Closed), 80 * day);
        assert!(!case.is_overdue(200 * day, 30));
    }

    #[test]
    fn open_cases_come_first_newest_first() {
        let mut a = Case::new("a".into(), "p", 1);
        a.status = Status::Closed;
        let b = Case::new("b".into(), "p", 2);
        let c = Case::new("c".into(), "p", 3);
        let mut all = vec![a, b, c];
        sort_for_list(&mut all);
        let ids: Vec<&str> = all.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }

    #[test]
    fn pupil_references_steer_away_from_full_names() {
        assert!(!looks_like_full_name("AB"));
        assert!(!looks_like_full_name("Elev 3"));
        assert!(!looks_like_full_name("2STA"));
        assert!(looks_like_full_name("Kari Nordmann"));
    }

    #[test]
    fn every_typed_text_is_neutralised_and_checked_before_it_is_stored() {
        let edits = [
            CaseEdit::PupilRef("010203 12560".into()),
            CaseEdit::Class("01020312560".into()),
            CaseEdit::Notes("fnr 01020312560.".into()),
            CaseEdit::FollowUp("010203125".into()),
            CaseEdit::MeetingParticipants("Mor, 0102031256".into()),
            CaseEdit::DutyDecision {
                note: "n".into(),
                text: "01020312560".into(),
            },
        ];
        for edit in edits {
            assert!(edit.clone().checked().is_err(), "{edit:?}");
        }
        // A bidi mark between the digits hides nothing once removed.
        assert_eq!(
            CaseEdit::Notes("010203\u{200E}12560".into()).checked(),
            Err(Found::IdentityNumber)
        );
        assert_eq!(
            CaseEdit::PupilRef("AB\u{202E}C".into()).checked(),
            Ok(CaseEdit::PupilRef("ABC".into()))
        );
        let tick = CaseEdit::Step {
            step: "a".into(),
            done: true,
        };
        assert_eq!(tick.clone().checked(), Ok(tick));
    }
}
