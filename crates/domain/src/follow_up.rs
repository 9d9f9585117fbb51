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

/// How many cases have something due: a number for the home screen and the
/// case list, naming no pupil. A case whose plan is not in this build has
/// no steps to read: it counts on its meeting day.
pub fn count_due<'c, 'p>(
    cases: impl IntoIterator<Item = &'c Case>,
    plan_for: impl Fn(&str) -> Option<&'p Plan>,
    today: Date,
) -> usize {
    cases
        .into_iter()
        .filter(|case| match plan_for(&case.plan_id) {
            Some(plan) => has_due(plan, case, today),
            None => {
                case.status != Status::Closed && Date::from_iso(&case.meeting.date) == Some(today)
            }
        })
        .count()
}
