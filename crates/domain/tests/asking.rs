//! Where the engine asks, for any plan: a situation opens on its steps, and
//! a question comes where the plan's question node puts it or, without one,
//! at the first step, meeting or duty note that depends on its answer. The
//! plans here are `plans/minimal.json` rearranged, not a bundled plan.

use rusplan_domain::{load_plan, route, routes, Facts, Guidance, Plan};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("plans/minimal.json");

/// The minimal plan (ledelse; foresatte under 18; referat) with its one
/// situation's nodes replaced by `nodes`, starting at the first of them.
fn plan_with(nodes: Value, change: impl FnOnce(&mut Value)) -> Plan {
    let mut plan: Value = serde_json::from_str(MINIMAL).unwrap();
    let situation = &mut plan["situations"][0];
    situation["start"] = nodes[0]["id"].clone();
    situation["nodes"] = nodes;
    change(&mut plan);
    load_plan(&plan.to_string()).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// The minimal plan's three steps, by id.
fn step(id: &str) -> Value {
    let plan: Value = serde_json::from_str(MINIMAL).unwrap();
    let steps = plan["situations"][0]["nodes"][1]["steps"]
        .as_array()
        .unwrap();
    steps.iter().find(|s| s["id"] == id).unwrap().clone()
}

fn texts<'g>(g: &'g Guidance) -> Vec<&'g str> {
    g.steps.iter().map(|s| s.step.text.as_str()).collect()
}

fn asked<'g>(g: &'g Guidance) -> Vec<&'g str> {
    g.answered.iter().map(|(q, _)| q.id.as_str()).collect()
}

fn under_18() -> Facts {
    Facts::new().with("alder", "under-18")
}

#[test]
fn a_question_node_after_steps_is_asked_after_them() {
    let plan = plan_with(
        json!([
            { "id": "forst", "type": "steps", "next": "alder", "steps": [step("ledelse")] },
            { "id": "alder", "type": "question", "question": "alder",
              "next": { "under-18": "resten", "over-18": "resten" } },
            { "id": "resten", "type": "steps", "steps": [step("foresatte"), step("referat")] }
        ]),
        |_| {},
    );
    let g = route(&plan, "ruset", &Facts::new()).unwrap();
    assert_eq!(texts(&g), ["Rektor/ledelse kontaktes."]);
    assert_eq!(g.next_question.unwrap().id, "alder");

    let g = route(&plan, "ruset", &under_18()).unwrap();
    assert!(g.is_complete());
    assert_eq!(
        texts(&g),
        [
            "Rektor/ledelse kontaktes.",
            "Foresatte kontaktes.",
            "Referat skrives."
        ]
    );
    assert_eq!(asked(&g), ["alder"]);
    assert_eq!(g.facts_before_last_answer(&under_18()), Facts::new());
    assert_eq!(routes(&plan, "ruset").unwrap().len(), 2);
}

#[test]
fn without_a_question_node_the_first_step_that_depends_on_it_asks() {
    let plan = plan_with(
        json!([{ "id": "tiltak", "type": "steps",
                 "steps": [step("ledelse"), step("foresatte"), step("referat")] }]),
        |_| {},
    );
    let g = route(&plan, "ruset", &Facts::new()).unwrap();
    assert_eq!(texts(&g), ["Rektor/ledelse kontaktes."]);
    assert_eq!(g.next_question.unwrap().id, "alder");

    // The answer counts as asked: shown, and what "back" takes away.
    let g = route(&plan, "ruset", &under_18()).unwrap();
    assert!(g.is_complete());
    assert_eq!(texts(&g).len(), 3);
    assert_eq!(asked(&g), ["alder"]);
    assert_eq!(g.facts_before_last_answer(&under_18()), Facts::new());

    let over = Facts::new().with("alder", "over-18");
    let g = route(&plan, "ruset", &over).unwrap();
    assert_eq!(texts(&g), ["Rektor/ledelse kontaktes.", "Referat skrives."]);
    assert_eq!(asked(&g), ["alder"]);
}

#[test]
fn a_meeting_participant_that_depends_on_it_asks_at_the_meeting() {
    let mut meeting = step("referat");
    meeting["id"] = json!("mote");
    meeting["meeting"] = json!({
        "participants": [ { "role": "ledelse" },
                          { "role": "foresatte", "when": { "question": "alder", "answer_in": ["under-18"] } } ],
        "agenda": []
    });
    let plan = plan_with(
        json!([{ "id": "tiltak", "type": "steps", "steps": [step("ledelse"), meeting] }]),
        |_| {},
    );
    let g = route(&plan, "ruset", &Facts::new()).unwrap();
    assert_eq!(texts(&g), ["Rektor/ledelse kontaktes."]);
    assert_eq!(g.next_question.unwrap().id, "alder");
    let g = route(&plan, "ruset", &under_18()).unwrap();
    let (_, m) = g.meetings().next().unwrap();
    let ids: Vec<&str> = m.participants.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ledelse", "foresatte"]);
    assert_eq!(asked(&g), ["alder"]);
}

#[test]
fn a_duty_note_no_step_needs_is_not_dropped_its_question_comes_last() {
    let source = json!({ "document": "plan", "section": "Taushetsplikt", "lines": [3, 3] });
    let plan = plan_with(
        json!([{ "id": "tiltak", "type": "steps", "steps": [step("ledelse"), step("referat")] }]),
        |p| {
            p["confidentiality"] = json!({
                "text": [],
                "duty_to_inform": [
                    { "id": "alltid", "text": "Lov aldri taushet.", "source": source },
                    { "id": "under", "text": "Foresatte informeres.", "source": source,
                      "when": { "question": "alder", "answer_in": ["under-18"] } },
                    { "id": "over", "text": "Be om samtykke.", "source": source,
                      "when": { "question": "alder", "answer_in": ["over-18"] } }
                ]
            });
        },
    );
    let g = route(&plan, "ruset", &Facts::new()).unwrap();
    assert_eq!(texts(&g).len(), 2, "every step first");
    assert_eq!(g.next_question.unwrap().id, "alder");
    let notes: Vec<&str> = g.duty_to_inform.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(notes, ["alltid"], "the note for every age meanwhile");

    let over = Facts::new().with("alder", "over-18");
    let g = route(&plan, "ruset", &over).unwrap();
    assert!(g.is_complete());
    let notes: Vec<&str> = g.duty_to_inform.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(notes, ["alltid", "over"]);
    assert_eq!(asked(&g), ["alder"]);
    assert_eq!(g.facts_before_last_answer(&over), Facts::new());
    assert_eq!(routes(&plan, "ruset").unwrap().len(), 2);
}
