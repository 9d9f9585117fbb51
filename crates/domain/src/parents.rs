//! What the parents' information page says about a plan's procedures:
//! from each situation, the steps and meetings that involve the parents,
//! with the condition under which they apply (e.g. under 18). Derived from
//! the plan's own words; nothing about any pupil.

use crate::plan::{AgendaItem, Condition, Node, Plan, Situation, Step};
use std::collections::BTreeSet;

/// Every text of the plan a translation can be of, in plan order and each
/// once: what the parents' page shows in the plan's words (each text with
/// a citation, the plan's title, situations, questions and answers, roles,
/// the conversation advice's title, link titles). The studio offers these
/// to translate, and the validator names a translation of anything else (a
/// text since changed).
pub fn translatable_texts(plan: &Plan) -> Vec<&str> {
    let cited = crate::trace::cited_texts(plan);
    let texts = cited
        .iter()
        .map(|c| c.text)
        .chain([plan.meta.title.as_str()])
        .chain(
            plan.situations
                .iter()
                .flat_map(|s| [s.title.as_str(), s.label.as_str()]),
        )
        .chain(plan.questions.iter().flat_map(|q| {
            std::iter::once(q.text.as_str()).chain(q.answers.iter().map(|a| a.label.as_str()))
        }))
        .chain(plan.roles.iter().map(|r| r.name.as_str()))
        .chain(plan.conversation_advice.iter().map(|a| a.title.as_str()))
        .chain(
            plan.laws
                .iter()
                .chain(&plan.resources)
                .map(|l| l.title.as_str()),
        );
    let mut seen = BTreeSet::new();
    texts.filter(|t| seen.insert(*t)).collect()
}

/// One situation, from the parents' side.
#[derive(Debug, Clone)]
pub struct ParentsSituation<'p> {
    pub situation: &'p Situation,
    pub items: Vec<ParentsItem<'p>>,
}

#[derive(Debug, Clone)]
pub struct ParentsItem<'p> {
    pub step: &'p Step,
    /// When parents are involved only under a condition, its answer labels
    /// (e.g. ["Under 18 år"]).
    pub only_when: Vec<&'p str>,
    /// When the step is on one branch of the procedure, the answer that
    /// leads there (e.g. "Eleven har innrømmet bruk av rusmidler").
    pub branch: Vec<&'p str>,
    /// The meeting's agenda, when parents take part in it.
    pub agenda: &'p [AgendaItem],
}

fn labels<'p>(plan: &'p Plan, condition: Option<&'p Condition>) -> Vec<&'p str> {
    let Some(condition) = condition else {
        return Vec::new();
    };
    let Some(question) = plan.question(&condition.question) else {
        return Vec::new();
    };
    question
        .answers
        .iter()
        .filter(|a| condition.answer_in.contains(&a.id))
        .map(|a| a.label.as_str())
        .collect()
}

/// The answers that lead to `node` from a question that also has answers
/// leading elsewhere: the branch the node is on. Steps and questions that
/// lead to it whatever the answer (the age asked on the way) are on the
/// same branch, so the search goes back through them.
fn branch_to<'p>(plan: &'p Plan, situation: &'p Situation, node: &'p str) -> Vec<&'p str> {
    let mut labels = Vec::new();
    let mut same_branch = vec![node];
    let mut i = 0;
    // Bounded by the nodes: each joins `same_branch` once.
    while let Some(&target) = same_branch.get(i) {
        i += 1;
        for n in &situation.nodes {
            let before = match n {
                Node::Steps { id, next, .. } if next.as_deref() == Some(target) => id,
                Node::Question { id, question, next } if next.values().any(|to| to == target) => {
                    if next.values().all(|to| to == target) {
                        id
                    } else {
                        let answers = plan.question(question).map(|q| q.answers.as_slice());
                        labels.extend(
                            answers
                                .unwrap_or_default()
                                .iter()
                                .filter(|a| next.get(&a.id).is_some_and(|to| to == target))
                                .map(|a| a.label.as_str()),
                        );
                        continue;
                    }
                }
                _ => continue,
            };
            if !same_branch.contains(&before.as_str()) {
                same_branch.push(before.as_str());
            }
        }
    }
    labels
}

/// For every situation that involves the parents, what the plan says.
pub fn situations_for_parents(plan: &Plan) -> Vec<ParentsSituation<'_>> {
    let Some(parents) = &plan.parents else {
        return Vec::new();
    };
    let role = parents.role.as_str();
    plan.situations
        .iter()
        .filter_map(|situation| {
            let mut items: Vec<ParentsItem> = Vec::new();
            for node in &situation.nodes {
                let Node::Steps { id, steps, .. } = node else {
                    continue;
                };
                for step in steps {
                    let contacted = step.contact.iter().any(|r| r == role);
                    let at_meeting = step
                        .meeting
                        .as_ref()
                        .and_then(|m| m.participants.iter().find(|p| p.role == role));
                    if !contacted && at_meeting.is_none() {
                        continue;
                    }
                    let condition = step
                        .when
                        .as_ref()
                        .or(at_meeting.and_then(|p| p.when.as_ref()));
                    items.push(ParentsItem {
                        step,
                        only_when: labels(plan, condition),
                        branch: branch_to(plan, situation, id),
                        agenda: match (at_meeting, &step.meeting) {
                            (Some(_), Some(meeting)) => &meeting.agenda,
                            _ => &[],
                        },
                    });
                }
            }
            (!items.is_empty()).then_some(ParentsSituation { situation, items })
        })
        .collect()
}
