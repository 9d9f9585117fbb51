//! What remains in a case, and by when: the steps on its route that the plan
//! gives an urgency and that are not ticked, the meeting, the agreements
//! written down, and a question the route still waits on.
//!
//! Every text is the plan's. A date is only ever one the case records (the
//! meeting date entered): the plan's urgencies are words ("umiddelbart",
//! "raskt", "første skoledag eleven er tilbake") and stay words, never
//! turned into a deadline the plan does not state.

use crate::case::{Case, Status};
use crate::engine::route;
use crate::plan::{Plan, Question, Step};
use crate::time::Date;

#[derive(Debug, Clone, PartialEq)]
pub struct FollowUp<'p> {
    pub what: What<'p>,
    /// How soon, in the plan's words, when the plan says.
    pub urgency: Option<&'p str>,
    /// The day it falls on, when the case records one.
    pub due: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum What<'p> {
    /// A step with an urgency (or a meeting after the first), not ticked.
    Step(&'p Step),
    /// The meeting the case's meeting date belongs to: the route's first
    /// meeting step (as in the referat), or none when the route has none.
    Meeting(Option<&'p Step>),
    /// The agreements typed into the case (the case page shows them).
    Agreements,
    /// The route stops at this question: the steps after it are not known.
    Question(&'p Question),
}

/// Where an item stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    Overdue,
    Today,
    Later,
    /// No date: the urgency, if any, is all the plan says.
    Undated,
}

impl<'p> FollowUp<'p> {
    /// What to do, in the plan's words where the plan has them.
    pub fn text(&self) -> &'p str {
        match self.what {
            What::Step(step) | What::Meeting(Some(step)) => &step.text,
            What::Meeting(None) => "Møte",
            What::Agreements => "Avtaler og oppfølging",
            What::Question(question) => &question.text,
        }
    }

    pub fn timing(&self, today: Date) -> Timing {
        match self.due {
            None => Timing::Undated,
            Some(day) if day < today => Timing::Overdue,
            Some(day) if day == today => Timing::Today,
            Some(_) => Timing::Later,
        }
    }

    /// Due now: its day has come, or it has no date and the plan says it is
    /// urgent (it has been, since the case started).
    pub fn is_due(&self, today: Date) -> bool {
        match self.timing(today) {
            Timing::Overdue | Timing::Today => true,
            Timing::Undated => self.urgency.is_some(),
            Timing::Later => false,
        }
    }
}

/// What remains in `case` on `today`, in the order of its route; nothing
/// once it is closed. `plan` is the case's plan.
pub fn follow_ups<'p>(plan: &'p Plan, case: &Case, today: Date) -> Vec<FollowUp<'p>> {
    let mut out = Vec::new();
    if case.status == Status::Closed {
        return out;
    }
    let date = Date::from_iso(&case.meeting.date);
    let ticked = |step: &Step| case.steps_done.contains_key(&step.id);
    let guidance = case
        .situation
        .as_deref()
        .and_then(|s| route(plan, s, &case.facts).ok());
    let mut meeting_step = None;
    for step in guidance.iter().flat_map(|g| &g.steps).map(|s| s.step) {
        let item = |what| FollowUp {
            what,
            urgency: step.urgency.as_deref(),
            due: None,
        };
        if step.meeting.is_some() && meeting_step.is_none() {
            meeting_step = Some(step);
            // Ticked, it still shows until its day has passed: the tick
            // may be the calling-in, the date is the meeting.
            if !ticked(step) || date.is_some_and(|d| d >= today) {
                out.push(FollowUp {
                    due: date,
                    ..item(What::Meeting(Some(step)))
                });
            }
        } else if (step.urgency.is_some() || step.meeting.is_some()) && !ticked(step) {
            out.push(item(What::Step(step)));
        }
    }
    // A date with no step to tick counts as held once its day has passed.
    let plain = |what| FollowUp {
        what,
        urgency: None,
        due: None,
    };
    if let (None, Some(day)) = (meeting_step, date.filter(|d| *d >= today)) {
        out.push(FollowUp {
            due: Some(day),
            ..plain(What::Meeting(None))
        });
    }
    if let Some(question) = guidance.and_then(|g| g.next_question) {
        out.push(plain(What::Question(question)));
    }
    if !case.follow_up.trim().is_empty() {
        out.push(plain(What::Agreements));
    }
    out
}

/// Does `case` have something due on `today`?
pub fn has_due(plan: &Plan, case: &Case, today: Date) -> bool {
    follow_ups(plan, case, today)
        .iter()
        .any(|f| f.is_due(today))
}

/// Does `case` have something due on `today`, with its plan if this build
/// has it? A case whose plan is not in this build has no steps to read: it
/// counts on its meeting day.
fn due_on(plan: Option<&Plan>, case: &Case, today: Date) -> bool {
    match plan {
        Some(plan) => has_due(plan, case, today),
        None => case.status != Status::Closed && Date::from_iso(&case.meeting.date) == Some(today),
    }
}

/// How many cases have something due: a number for the home screen and the
/// case list, naming no pupil.
pub fn count_due<'c, 'p>(
    cases: impl IntoIterator<Item = &'c Case>,
    plan_for: impl Fn(&str) -> Option<&'p Plan>,
    today: Date,
) -> usize {
    cases
        .into_iter()
        .filter(|case| due_on(plan_for(&case.plan_id), case, today))
        .count()
}

/// The plain record beside a sealed case, so the home screen can count
/// cases with something due without the PIN: under this prefix plus the
/// case's id (outside the cases' prefix, inside the app's, so a wipe
/// removes it).
pub const DUE_PREFIX: &str = "rusplan.due.";

/// On which days a case has something due, and nothing else: not what,
/// not whose. Whether it is due depends on the day only through the one
/// date a case records (the meeting date), so it is the same on every day
/// before it, on it, and after it: three answers and that date say it for
/// every day to come, until the case is written again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueMark {
    /// Something undated and urgent: due on every day.
    Always,
    /// Due (before, on, after) `date`.
    Around {
        date: Date,
        before: bool,
        on: bool,
        after: bool,
    },
}

impl DueMark {
    /// The mark of `case` (`plan` its plan, if in this build), or `None`
    /// when nothing in it will be due on any day (no record is kept), or
    /// when it continues a case it could not read (its record would speak
    /// for part of a case: the case it continues keeps its own).
    pub fn of(plan: Option<&Plan>, case: &Case) -> Option<DueMark> {
        if case.continues.is_some() {
            return None;
        }
        let due = |day| due_on(plan, case, day);
        let mark = match Date::from_iso(&case.meeting.date) {
            // No date: the same answer on every day.
            None => due(Date {
                year: 2000,
                month: 1,
                day: 1,
            })
            .then_some(DueMark::Always)?,
            Some(date) => DueMark::Around {
                date,
                before: due(date.previous()),
                on: due(date),
                after: due(date.next()),
            },
        };
        (mark.is_due_sometime()).then_some(mark)
    }

    fn is_due_sometime(self) -> bool {
        match self {
            DueMark::Always => true,
            DueMark::Around {
                before, on, after, ..
            } => before || on || after,
        }
    }

    pub fn is_due(self, today: Date) -> bool {
        match self {
            DueMark::Always => true,
            DueMark::Around {
                date,
                before,
                on,
                after,
            } => match today.cmp(&date) {
                std::cmp::Ordering::Less => before,
                std::cmp::Ordering::Equal => on,
                std::cmp::Ordering::Greater => after,
            },
        }
    }

    /// `*`, or `YYYY-MM-DD:` and three digits (before, on, after).
    pub fn encode(self) -> String {
        match self {
            DueMark::Always => "*".into(),
            DueMark::Around {
                date,
                before,
                on,
                after,
            } => format!("{}:{}{}{}", date.iso(), before as u8, on as u8, after as u8),
        }
    }

    /// `None` for anything [`DueMark::encode`] does not write.
    pub fn decode(text: &str) -> Option<DueMark> {
        if text == "*" {
            return Some(DueMark::Always);
        }
        let (date, bits) = text.split_once(':')?;
        let bit = |i: usize| match bits.as_bytes().get(i) {
            Some(b'0') => Some(false),
            Some(b'1') => Some(true),
            _ => None,
        };
        (bits.len() == 3).then_some(())?;
        Some(DueMark::Around {
            date: Date::from_iso(date)?,
            before: bit(0)?,
            on: bit(1)?,
            after: bit(2)?,
        })
    }
}

/// The record's key for a case's storage key (`None` for any other key).
pub fn due_key(case_key: &str) -> Option<String> {
    let id = case_key.strip_prefix(crate::case_book::CASE_PREFIX)?;
    Some(format!("{DUE_PREFIX}{id}"))
}

/// How many cases have something due on `today`, from the records alone
/// (`keys`: every key in storage; `read` what one holds). A record whose
/// case is not stored, or that cannot be read, counts for nothing.
pub fn count_recorded(
    keys: &[String],
    read: impl Fn(&str) -> Option<String>,
    today: Date,
) -> usize {
    keys.iter()
        .filter(|key| {
            key.strip_prefix(DUE_PREFIX).is_some_and(|id| {
                keys.contains(&crate::case_book::key_of(id))
                    && read(key)
                        .and_then(|text| DueMark::decode(&text))
                        .is_some_and(|mark| mark.is_due(today))
            })
        })
        .count()
}
