//! The routing engine: `route(plan, situation, facts) -> Guidance`.
//!
//! A pure function. It walks the situation's node graph from `start`,
//! stopping at the first question the facts do not answer yet, and returns
//! the steps found so far plus that question. A question is asked where the
//! plan puts its node or, failing that, where the first thing that depends
//! on its answer comes: a step, a meeting participant, or (after the last
//! step) one of the plan's duty-to-inform notes. All branching comes from
//! the plan data (question nodes and `when` conditions); nothing here knows
//! a school's wording.

use crate::plan::{
    Advice, AgendaItem, Answer, Condition, Contact, Documentation, DutyNote, Node, Plan, Question,
    Role, Situation, Step,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What is known so far: question id → answer id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    answers: BTreeMap<String, String>,
}

impl Facts {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with(mut self, question: &str, answer: &str) -> Self {
        self.answer(question, answer);
        self
    }

    pub fn answer(&mut self, question: &str, answer: &str) {
        self.answers.insert(question.to_owned(), answer.to_owned());
    }

    pub fn forget(&mut self, question: &str) {
        self.answers.remove(question);
    }

    pub fn get(&self, question: &str) -> Option<&str> {
        self.answers.get(question).map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.answers.iter().map(|(q, a)| (q.as_str(), a.as_str()))
    }

    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteError {
    UnknownSituation(String),
}

impl std::fmt::Display for RouteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RouteError::UnknownSituation(id) => write!(f, "planen har ingen situasjon «{id}»"),
        }
    }
}

impl std::error::Error for RouteError {}

/// The guidance for one situation given the facts so far.
#[derive(Debug, Clone)]
pub struct Guidance<'p> {
    pub situation: &'p Situation,
    /// The questions answered on this route, in the order they were asked
    /// (by a question node, or by the first step or note that needed them).
    pub answered: Vec<(&'p Question, &'p Answer)>,
    /// The steps that apply, in the plan's order.
    pub steps: Vec<GuidanceStep<'p>>,
    /// What to ask next; `None` when the route is complete.
    pub next_question: Option<&'p Question>,
    /// The plan's notes on informing others that apply to these facts.
    pub duty_to_inform: Vec<&'p DutyNote>,
    /// The plan's confidentiality advice it shows in this situation.
    pub advice: Vec<&'p Advice>,
    /// The plan's general documentation rule, if it has one.
    pub documentation: Option<&'p Documentation>,
}

#[derive(Debug, Clone)]
pub struct GuidanceStep<'p> {
    pub step: &'p Step,
    pub responsible: Option<&'p Role>,
    /// Whom to contact, each role with the people the plan lists for it.
    pub contacts: Vec<Callee<'p>>,
    pub meeting: Option<MeetingGuidance<'p>>,
}

#[derive(Debug, Clone)]
pub struct Callee<'p> {
    pub role: &'p Role,
    pub people: Vec<&'p Contact>,
}

#[derive(Debug, Clone)]
pub struct MeetingGuidance<'p> {
    /// Who takes part, for these facts.
    pub participants: Vec<&'p Role>,
    pub agenda: &'p [AgendaItem],
}

impl<'p> Guidance<'p> {
    pub fn is_complete(&self) -> bool {
        self.next_question.is_none()
    }

    /// The steps that hold a meeting, with its participants and agenda.
    pub fn meetings(&self) -> impl Iterator<Item = (&GuidanceStep<'p>, &MeetingGuidance<'p>)> {
        self.steps
            .iter()
            .filter_map(|s| s.meeting.as_ref().map(|m| (s, m)))
    }

    /// The facts minus the last answer on this route: what "back" goes to.
    pub fn facts_before_last_answer(&self, facts: &Facts) -> Facts {
        let mut before = facts.clone();
        if let Some((question, _)) = self.answered.last() {
            before.forget(&question.id);
        }
        before
    }
}

/// The answer the facts give to a question, if it is one the plan knows.
fn valid_answer<'p>(question: &'p Question, facts: &Facts) -> Option<&'p Answer> {
    let given = facts.get(&question.id)?;
    question.answers.iter().find(|a| a.id == given)
}

type Answered<'p> = Vec<(&'p Question, &'p Answer)>;

/// Notes an answer as given on this route, the first time it is read.
fn note<'p>(answered: &mut Answered<'p>, question: &'p Question, answer: &'p Answer) {
    if !answered.iter().any(|(q, _)| q.id == question.id) {
        answered.push((question, answer));
    }
}

/// Whether a condition holds (`true` when there is none): `Err(question)`
/// when it cannot be told yet. The answer it reads is noted in `answered`,
/// once, so a question asked for a step counts as asked on the route.
fn holds<'p>(
    plan: &'p Plan,
    condition: Option<&Condition>,
    facts: &Facts,
    answered: &mut Answered<'p>,
) -> Result<bool, &'p Question> {
    let Some(condition) = condition else {
        return Ok(true);
    };
    let Some(question) = plan.question(&condition.question) else {
        // A condition on a question the plan lacks never holds; validation
        // reports it, the engine just stays on its feet.
        return Ok(false);
    };
    let answer = valid_answer(question, facts).ok_or(question)?;
    note(answered, question, answer);
    Ok(condition.answer_in.contains(&answer.id))
}

fn callees<'p>(plan: &'p Plan, roles: &'p [String]) -> Vec<Callee<'p>> {
    roles
        .iter()
        .filter_map(|id| plan.role(id))
        .map(|role| Callee {
            role,
            people: plan.contacts_for(&role.id).collect(),
        })
        .collect()
}

/// Resolves one step for these facts: `Ok(None)` when it does not apply.
fn resolve_step<'p>(
    plan: &'p Plan,
    step: &'p Step,
    facts: &Facts,
    answered: &mut Answered<'p>,
) -> Result<Option<GuidanceStep<'p>>, &'p Question> {
    if !holds(plan, step.when.as_ref(), facts, answered)? {
        return Ok(None);
    }
    let meeting = match &step.meeting {
        None => None,
        Some(meeting) => {
            let mut participants = Vec::new();
            for p in &meeting.participants {
                if holds(plan, p.when.as_ref(), facts, answered)? {
                    participants.extend(plan.role(&p.role));
                }
            }
            Some(MeetingGuidance {
                participants,
                agenda: &meeting.agenda,
            })
        }
    };
    Ok(Some(GuidanceStep {
        step,
        responsible: step.responsible.as_deref().and_then(|r| plan.role(r)),
        contacts: callees(plan, &step.contact),
        meeting,
    }))
}

/// The guidance for `situation_id` given `facts`.
///
/// Never panics on any plan or facts: unknown ids are skipped, and the walk
/// is bounded by the number of nodes so a cyclic plan still ends.
pub fn route<'p>(
    plan: &'p Plan,
    situation_id: &str,
    facts: &Facts,
) -> Result<Guidance<'p>, RouteError> {
    let situation = plan
        .situation(situation_id)
        .ok_or_else(|| RouteError::UnknownSituation(situation_id.to_owned()))?;
    let mut guidance = Guidance {
        situation,
        answered: Vec::new(),
        steps: Vec::new(),
        next_question: None,
        duty_to_inform: Vec::new(),
        advice: plan.advice_for(&situation.id).collect(),
        documentation: plan.documentation.as_ref(),
    };

    let mut current = Some(situation.start.as_str());
    let mut visits = 0;
    'walk: while let Some(id) = current.take() {
        visits += 1;
        if visits > situation.nodes.len() {
            break; // a cycle: validation rejects these plans
        }
        let Some(node) = situation.node(id) else {
            break;
        };
        match node {
            Node::Question { question, next, .. } => {
                let Some(question) = plan.question(question) else {
                    break;
                };
                match valid_answer(question, facts) {
                    Some(answer) => {
                        note(&mut guidance.answered, question, answer);
                        current = next.get(&answer.id).map(String::as_str);
                    }
                    None => {
                        guidance.next_question = Some(question);
                        break;
                    }
                }
            }
            Node::Steps { steps, next, .. } => {
                for step in steps {
                    match resolve_step(plan, step, facts, &mut guidance.answered) {
                        Ok(Some(resolved)) => guidance.steps.push(resolved),
                        Ok(None) => {}
                        Err(question) => {
                            guidance.next_question = Some(question);
                            break 'walk;
                        }
                    }
                }
                current = next.as_deref();
            }
            Node::End { .. } => {}
        }
    }

    guidance.duty_to_inform = duty_notes(plan, facts);
    if guidance.next_question.is_none() {
        // The steps are done. A note that depends on a question no step
        // needed is not dropped: its question is asked last.
        for duty in plan.confidentiality.iter().flat_map(|c| &c.duty_to_inform) {
            if let Err(question) = holds(plan, duty.when.as_ref(), facts, &mut guidance.answered) {
                guidance.next_question = Some(question);
                break;
            }
        }
    }
    Ok(guidance)
}

/// The plan's duty-to-inform notes that apply to these facts (a note that
/// depends on an unanswered question is left out until it is answered).
pub fn duty_notes<'p>(plan: &'p Plan, facts: &Facts) -> Vec<&'p DutyNote> {
    plan.confidentiality.as_ref().map_or_else(Vec::new, |c| {
        c.duty_to_inform
            .iter()
            .filter(|note| holds(plan, note.when.as_ref(), facts, &mut Vec::new()) == Ok(true))
            .collect()
    })
}

/// Every complete route through a situation, as the facts that select it.
///
/// Used by validation and the tests to check each route; bounded so that a
/// malformed plan cannot make it run away.
pub fn routes(plan: &Plan, situation_id: &str) -> Result<Vec<Facts>, RouteError> {
    const MAX_ROUTES: usize = 4096;
    let mut done = Vec::new();
    let mut pending = vec![Facts::new()];
    while let Some(facts) = pending.pop() {
        if done.len() + pending.len() >= MAX_ROUTES {
            break;
        }
        let guidance = route(plan, situation_id, &facts)?;
        match guidance.next_question {
            None => done.push(facts),
            Some(question) => {
                // The engine only asks what the facts do not answer, so each
                // pass adds an answer and the search ends.
                for answer in question.answers.iter().rev() {
                    pending.push(facts.clone().with(&question.id, &answer.id));
                }
            }
        }
    }
    Ok(done)
}
