//! The practice self-check, derived from the plan alone: checked on both
//! bundled plans and a third school's (`plans/fjord-skole.json`), whose
//! words appear nowhere in the code. And the practice log's stored form.

mod common;

use rusplan_domain::plan::Plan;
use rusplan_domain::practice::PracticeLog;
use rusplan_domain::self_check::{self_check, CheckQuestion, Kind};
use rusplan_domain::{route, routes};
use std::collections::BTreeSet;

fn fjord() -> Plan {
    rusplan_domain::load_plan(include_str!("plans/fjord-skole.json")).unwrap()
}

fn all_plans() -> Vec<Plan> {
    let mut plans: Vec<Plan> = common::BUNDLED.iter().map(|id| common::plan(id)).collect();
    plans.push(fjord());
    plans.push(rusplan_domain::load_plan(include_str!("plans/minimal.json")).unwrap());
    plans
}

fn right<'p>(q: &CheckQuestion<'p>) -> &'p str {
    q.options[q.answer]
}

fn wrong<'p>(q: &CheckQuestion<'p>) -> Vec<&'p str> {
    let mut options = q.options.clone();
    options.remove(q.answer);
    options
}

/// Every question, over many seeds, is checked against the plan by a route
/// of its own: the right option is right and no wrong option is.
#[test]
fn every_answer_is_right_by_the_plan_and_every_other_option_wrong() {
    for plan in all_plans() {
        let role_name = |id: &str| plan.role(id).map(|r| r.name.as_str());
        let notes: Vec<&str> = plan
            .confidentiality
            .iter()
            .flat_map(|c| &c.duty_to_inform)
            .map(|n| n.text.as_str())
            .collect();
        for situation in &plan.situations {
            let step_of = |text: &str| situation.all_steps().find(|s| s.text == text).unwrap();
            let step_texts: Vec<&str> = situation.all_steps().map(|s| s.text.as_str()).collect();
            let roles: Vec<&str> = plan.roles.iter().map(|r| r.name.as_str()).collect();
            for seed in 0..40 {
                for q in self_check(&plan, &situation.id, seed) {
                    let context = format!("{} {} seed {seed}: {q:?}", plan.id, situation.id);
                    assert!((2..=4).contains(&q.options.len()), "{context}");
                    let distinct: BTreeSet<&str> = q.options.iter().copied().collect();
                    assert_eq!(distinct.len(), q.options.len(), "{context}");
                    match q.kind {
                        Kind::FirstStep => {
                            for facts in routes(&plan, &situation.id).unwrap() {
                                let g = route(&plan, &situation.id, &facts).unwrap();
                                assert_eq!(g.steps[0].step.text, right(&q), "{context}");
                            }
                            assert!(
                                q.options.iter().all(|o| step_texts.contains(o)),
                                "{context}"
                            );
                        }
                        Kind::Responsible => {
                            let step = step_of(q.about.unwrap());
                            assert_eq!(
                                role_name(step.responsible.as_deref().unwrap()),
                                Some(right(&q)),
                                "{context}"
                            );
                            assert!(q.options.iter().all(|o| roles.contains(o)), "{context}");
                        }
                        Kind::Contact => {
                            let step = step_of(q.about.unwrap());
                            let contacted: Vec<&str> =
                                step.contact.iter().filter_map(|id| role_name(id)).collect();
                            assert!(contacted.contains(&right(&q)), "{context}");
                            assert!(
                                wrong(&q).iter().all(|w| !contacted.contains(w)),
                                "{context}"
                            );
                            assert!(q.options.iter().all(|o| roles.contains(o)), "{context}");
                            let role = plan.roles.iter().find(|r| r.name == right(&q)).unwrap();
                            assert_eq!(q.people, plan.contacts_for(&role.id).collect::<Vec<_>>());
                        }
                        Kind::OnlyWhen => {
                            let question = plan
                                .questions
                                .iter()
                                .find(|pq| Some(pq.text.as_str()) == q.about)
                                .unwrap();
                            assert!(plan.pupil_questions.contains(&question.id), "{context}");
                            let answer = question
                                .answers
                                .iter()
                                .find(|a| q.prompt.contains(&format!("«{}»", a.label)))
                                .unwrap();
                            // On some route, the right text holds with this
                            // answer and not with another; no wrong one does.
                            let texts = |facts: &rusplan_domain::Facts| -> Vec<String> {
                                let g = route(&plan, &situation.id, facts).unwrap();
                                g.steps
                                    .iter()
                                    .map(|s| s.step.text.clone())
                                    .chain(g.duty_to_inform.iter().map(|n| n.text.clone()))
                                    .collect()
                            };
                            let only = |text: &str| {
                                routes(&plan, &situation.id).unwrap().iter().any(|facts| {
                                    let with = texts(&facts.clone().with(&question.id, &answer.id));
                                    with.iter().any(|t| t == text)
                                        && question
                                            .answers
                                            .iter()
                                            .filter(|b| b.id != answer.id)
                                            .all(|b| {
                                                !texts(&facts.clone().with(&question.id, &b.id))
                                                    .iter()
                                                    .any(|t| t == text)
                                            })
                                })
                            };
                            assert!(only(right(&q)), "{context}");
                            assert!(wrong(&q).iter().all(|w| !only(w)), "{context}");
                            let sort = |t: &str| notes.contains(&t);
                            assert!(
                                q.options.iter().all(|o| sort(o) == sort(right(&q))),
                                "a step and a note never mix: {context}"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_third_schools_plan_gets_its_own_questions() {
    let plan = fjord();
    let check = self_check(&plan, "funn", 7);
    let kinds: Vec<Kind> = check.iter().map(|q| q.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::FirstStep,
            Kind::Responsible,
            Kind::Contact,
            Kind::OnlyWhen
        ]
    );
    assert_eq!(right(&check[0]), "Sikre funnet i et låst skap.");
    // Options are the third plan's own texts: its roles, steps and notes.
    let own: BTreeSet<&str> = plan
        .roles
        .iter()
        .map(|r| r.name.as_str())
        .chain(
            plan.situations
                .iter()
                .flat_map(|s| s.all_steps())
                .map(|s| s.text.as_str()),
        )
        .chain(
            plan.confidentiality
                .iter()
                .flat_map(|c| &c.duty_to_inform)
                .map(|n| n.text.as_str()),
        )
        .collect();
    for q in &check {
        assert!(q.options.iter().all(|o| own.contains(o)), "{q:?}");
    }

    // What the age question changes here, over every seed: "Ring hjem"
    // only when not of age, the consent note only when of age. The note
    // that always holds and the meeting (whose participants differ) never.
    let mut found = BTreeSet::new();
    for seed in 0..200 {
        for q in self_check(&plan, "funn", seed)
            .into_iter()
            .filter(|q| q.kind == Kind::OnlyWhen)
        {
            assert_eq!(q.about, Some("Er eleven myndig?"));
            found.insert((q.prompt.clone(), right(&q)));
        }
    }
    let expected: BTreeSet<(String, &str)> = [
        (
            "Hva gjelder bare når svaret er «Nei»?".to_owned(),
            "Ring hjem samme dag.",
        ),
        (
            "Hva gjelder bare når svaret er «Ja»?".to_owned(),
            "Er eleven myndig, spør om samtykke før andre får vite.",
        ),
    ]
    .into();
    assert_eq!(found, expected);
}

#[test]
fn the_bundled_plans_ask_what_changes_at_18() {
    let plan = common::plan("halden-vgs");
    let mut found = BTreeSet::new();
    for seed in 0..200 {
        for q in self_check(&plan, "alternativ-3", seed)
            .into_iter()
            .filter(|q| q.kind == Kind::OnlyWhen)
        {
            found.insert((
                q.prompt.clone(),
                right(&q).chars().take(40).collect::<String>(),
            ));
        }
    }
    let expected: BTreeSet<(String, String)> = [
        ("Under 18 år", "Foresatte kontaktes dersom eleven er und"),
        ("Under 18 år", "Dersom eleven er under 18 år skal alltid"),
        (
            "18 år eller eldre",
            "Da vi anser rusproblematikk som fare for",
        ),
    ]
    .iter()
    .map(|(a, t)| {
        (
            format!("Hva gjelder bare når svaret er «{a}»?"),
            t.to_string(),
        )
    })
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn the_same_seed_gives_the_same_check_and_others_vary_it() {
    let plan = common::plan("halden-vgs");
    assert_eq!(
        self_check(&plan, "alternativ-3", 42),
        self_check(&plan, "alternativ-3", 42)
    );
    let orders: BTreeSet<Vec<&str>> = (0..20)
        .map(|seed| self_check(&plan, "alternativ-3", seed)[0].options.clone())
        .collect();
    assert!(orders.len() > 1);
    assert!(self_check(&plan, "ingen-slik", 1).is_empty());
}

#[test]
fn a_plan_without_pupil_questions_is_not_asked_about_age() {
    let plan = rusplan_domain::load_plan(include_str!("plans/minimal.json")).unwrap();
    let kinds: Vec<Kind> = self_check(&plan, "ruset", 3)
        .iter()
        .map(|q| q.kind)
        .collect();
    assert_eq!(kinds, [Kind::FirstStep, Kind::Responsible, Kind::Contact]);
}

#[test]
fn the_practice_log_lists_what_is_left_and_is_stored_as_serde_writes_it() {
    let plan = fjord();
    let mut log = PracticeLog::new(&plan.id);
    assert_eq!(log.not_yet(&plan).len(), 2);
    assert!(log.done(&plan).is_empty());
    log.practised("funn");
    log.practised("funn");
    // An id the plan no longer has (an older version's) is not listed.
    log.practised("borte");
    let left: Vec<&str> = log.not_yet(&plan).iter().map(|s| s.id.as_str()).collect();
    assert_eq!(left, ["ber-om-hjelp"]);
    let done: Vec<&str> = log.done(&plan).iter().map(|s| s.id.as_str()).collect();
    assert_eq!(done, ["funn"]);
    log.situations.remove("borte");
    assert_eq!(PracticeLog::key(&plan.id), "rusplan.practice.fjord-skole");

    log.practised("ber-om-hjelp");
    let text = log.encode();
    assert_eq!(text, serde_json::to_string(&log).unwrap());
    assert_eq!(PracticeLog::decode(&text), Ok(log.clone()));
    let by_serde: PracticeLog = serde_json::from_str(&text).unwrap();
    assert_eq!(by_serde, log);
    assert!(log.not_yet(&plan).is_empty());
    for bad in [
        "",
        "[]",
        "{\"plan_id\":\"p\"}",
        "{\"plan_id\":\"p\",\"situations\":[1]}",
    ] {
        assert!(PracticeLog::decode(bad).is_err(), "{bad}");
    }
}
