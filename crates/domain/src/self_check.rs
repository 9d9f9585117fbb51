//! A short self-check after a practice run: which step comes first, who is
//! responsible for a step, whom to contact, and what holds only for one
//! answer to a question about the pupil (the age group). Questions, right
//! answers and wrong options are all derived from the plan, so any school's
//! plan gets them; none is written by hand, and none names a school's words.

use crate::engine::{route, routes, Facts, Guidance};
use crate::plan::{Answer, Contact, Plan, Question, Step};

/// Options per question, the right one included.
const OPTIONS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    FirstStep,
    Responsible,
    Contact,
    /// What holds only for one answer to a pupil question (the age group).
    OnlyWhen,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CheckQuestion<'p> {
    pub kind: Kind,
    /// The question, in the app's words.
    pub prompt: String,
    /// The plan's text it asks about: a step, or one of the plan's questions.
    pub about: Option<&'p str>,
    /// Texts from the plan, shuffled.
    pub options: Vec<&'p str>,
    /// Index of the right option.
    pub answer: usize,
    /// Whom to contact: the people the plan lists for the right role.
    pub people: Vec<&'p Contact>,
}

/// At most one question of each kind for `situation`, chosen and shuffled by
/// `seed` (the same seed, the same check). A kind the plan gives nothing to
/// ask about, or no wrong option for, is left out.
pub fn self_check<'p>(plan: &'p Plan, situation: &str, seed: u64) -> Vec<CheckQuestion<'p>> {
    let Some(s) = plan.situation(situation) else {
        return Vec::new();
    };
    let mut mix = Mix(seed);
    let every_route = routes(plan, &s.id).unwrap_or_default();
    let complete: Vec<Guidance<'p>> = every_route
        .iter()
        .filter_map(|facts| route(plan, &s.id, facts).ok())
        .collect();
    let steps: Vec<&'p Step> = s.all_steps().collect();
    let mut out = Vec::new();

    // First step: only when every route starts with the same one, so no
    // other step comes first on any route.
    let firsts: Vec<&Step> = complete
        .iter()
        .filter_map(|g| Some(g.steps.first()?.step))
        .collect();
    if let Some(first) = firsts
        .first()
        .filter(|f| firsts.iter().all(|s| s.id == f.id))
    {
        let wrong = steps.iter().map(|s| s.text.as_str());
        out.extend(finish(
            Kind::FirstStep,
            "Hva skal gjøres først?".into(),
            None,
            &first.text,
            wrong,
            Vec::new(),
            &mut mix,
        ));
    }

    let responsible: Vec<_> = steps
        .iter()
        .filter_map(|step| Some((*step, plan.role(step.responsible.as_deref()?)?)))
        .collect();
    if let Some((step, role)) = mix.pick(responsible) {
        let wrong = other_roles(plan, &[role.id.as_str()]);
        let prompt = "Hvem har ansvaret for dette?".into();
        out.extend(finish(
            Kind::Responsible,
            prompt,
            Some(&step.text),
            &role.name,
            wrong,
            Vec::new(),
            &mut mix,
        ));
    }

    let contacted: Vec<_> = steps
        .iter()
        .flat_map(|step| {
            step.contact
                .iter()
                .filter_map(|id| Some((*step, plan.role(id)?)))
        })
        .collect();
    if let Some((step, role)) = mix.pick(contacted) {
        // Roles the step does not contact, so exactly one option is right.
        let contacted: Vec<&str> = step.contact.iter().map(String::as_str).collect();
        let wrong = other_roles(plan, &contacted);
        let people = plan.contacts_for(&role.id).collect();
        let prompt = "Hvem av disse skal kontaktes her?".into();
        out.extend(finish(
            Kind::Contact,
            prompt,
            Some(&step.text),
            &role.name,
            wrong,
            people,
            &mut mix,
        ));
    }

    if let Some(question) = only_when(plan, &s.id, &every_route, &mut mix) {
        out.push(question);
    }
    out
}

/// What a pupil question changes on this situation's routes: a step or duty
/// note that holds for one answer and for no other, everything else the
/// same. Wrong options are of the same sort (step or note) and hold either
/// way, or only for another answer.
fn only_when<'p>(
    plan: &'p Plan,
    situation: &str,
    every_route: &[Facts],
    mix: &mut Mix,
) -> Option<CheckQuestion<'p>> {
    // (is a duty note, text): a step and a note never stand in for each other.
    type Item<'p> = (bool, &'p str);
    let items = |g: &Guidance<'p>| -> Vec<Item<'p>> {
        let steps = g.steps.iter().map(|s| (false, s.step.text.as_str()));
        steps
            .chain(g.duty_to_inform.iter().map(|n| (true, n.text.as_str())))
            .collect()
    };
    let mut candidates = Vec::new();
    for question in plan
        .pupil_questions
        .iter()
        .filter_map(|id| plan.question(id))
    {
        for facts in every_route {
            let per_answer: Option<Vec<Vec<Item>>> = question
                .answers
                .iter()
                .map(|a| {
                    let g =
                        route(plan, situation, &facts.clone().with(&question.id, &a.id)).ok()?;
                    g.is_complete().then(|| items(&g))
                })
                .collect();
            let Some(per_answer) = per_answer else {
                continue;
            };
            for (i, answer) in question.answers.iter().enumerate() {
                let elsewhere = |item: &Item| {
                    per_answer
                        .iter()
                        .enumerate()
                        .any(|(j, other)| j != i && other.contains(item))
                };
                for right in per_answer[i].iter().filter(|item| !elsewhere(item)) {
                    let wrong: Vec<&str> = per_answer
                        .iter()
                        .flatten()
                        .filter(|item| {
                            item.0 == right.0 && (elsewhere(item) || !per_answer[i].contains(item))
                        })
                        .map(|item| item.1)
                        .collect();
                    let seen = |(q, a, r, _): &(&Question, &Answer, &str, _)| {
                        q.id == question.id && a.id == answer.id && *r == right.1
                    };
                    if !candidates.iter().any(seen) {
                        candidates.push((question, answer, right.1, wrong));
                    }
                }
            }
        }
    }
    let (question, answer, right, wrong) = mix.pick(candidates)?;
    let prompt = format!("Hva gjelder bare når svaret er «{}»?", answer.label);
    finish(
        Kind::OnlyWhen,
        prompt,
        Some(&question.text),
        right,
        wrong,
        Vec::new(),
        mix,
    )
}

/// The names of roles that are clearly not any of `roles`: another name,
/// and no person the plan lists under both (calling one would reach the
/// other).
fn other_roles<'p>(plan: &'p Plan, roles: &[&str]) -> Vec<&'p str> {
    let names: Vec<&str> = roles
        .iter()
        .filter_map(|id| Some(plan.role(id)?.name.as_str()))
        .collect();
    let shares_a_person = |id: &str| {
        plan.contacts.iter().any(|c| {
            c.roles.iter().any(|r| r == id) && c.roles.iter().any(|r| roles.contains(&r.as_str()))
        })
    };
    plan.roles
        .iter()
        .filter(|r| {
            !roles.contains(&r.id.as_str())
                && !names.contains(&r.name.as_str())
                && !shares_a_person(&r.id)
        })
        .map(|r| r.name.as_str())
        .collect()
}

/// The question with up to three distinct wrong options and the right one
/// at a place the seed picks; `None` without a wrong option.
fn finish<'p>(
    kind: Kind,
    prompt: String,
    about: Option<&'p str>,
    right: &'p str,
    wrong: impl IntoIterator<Item = &'p str>,
    people: Vec<&'p Contact>,
    mix: &mut Mix,
) -> Option<CheckQuestion<'p>> {
    let mut pool: Vec<&str> = Vec::new();
    for text in wrong {
        if text != right && !pool.contains(&text) {
            pool.push(text);
        }
    }
    let mut options = Vec::new();
    while options.len() < OPTIONS - 1 {
        let Some(text) = mix.pick_from(&mut pool) else {
            break;
        };
        options.push(text);
    }
    if options.is_empty() {
        return None;
    }
    let answer = mix.below(options.len() + 1);
    options.insert(answer, right);
    Some(CheckQuestion {
        kind,
        prompt,
        about,
        options,
        answer,
        people,
    })
}

/// SplitMix64: a seeded sequence, so the domain needs no source of chance.
struct Mix(u64);

impl Mix {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n.max(1) as u64) as usize
    }

    fn pick_from<T>(&mut self, items: &mut Vec<T>) -> Option<T> {
        if items.is_empty() {
            return None;
        }
        let at = self.below(items.len());
        Some(items.swap_remove(at))
    }

    fn pick<T>(&mut self, mut items: Vec<T>) -> Option<T> {
        self.pick_from(&mut items)
    }
}
