//! Properties that must hold for any input: the engine never panics and
//! always ends; the parser and validator reject, never panic on, damaged
//! plan files.

mod common;

use common::{plan, plan_json, BUNDLED};
use proptest::prelude::*;
use rusplan_domain::{load_plan, route, Facts};
use serde_json::Value;

/// Answer ids: mostly real ones, sometimes nonsense.
fn answer_sequence() -> impl Strategy<Value = Vec<(String, String)>> {
    let question = prop_oneof![
        Just("alder".to_owned()),
        Just("samtale".to_owned()),
        "[a-z-]{0,8}"
    ];
    let answer = prop_oneof![
        Just("under-18".to_owned()),
        Just("over-18".to_owned()),
        Just("innrommer".to_owned()),
        Just("benekter".to_owned()),
        Just("avklart".to_owned()),
        Just("innrommer-ikke".to_owned()),
        "[a-z0-9-]{0,10}",
    ];
    prop::collection::vec((question, answer), 0..8)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_engine_never_panics_and_always_ends(
        plan_index in 0..BUNDLED.len(),
        situation_index in 0usize..4,
        answers in answer_sequence(),
        pick in 0usize..4,
    ) {
        let plan = plan(BUNDLED[plan_index]);
        let Some(situation) = plan.situations.get(situation_index % plan.situations.len()) else {
            return Ok(());
        };
        let mut facts = Facts::new();
        for (q, a) in &answers {
            facts.answer(q, a);
            let g = route(&plan, &situation.id, &facts).unwrap();
            let total_steps = situation.all_steps().count();
            prop_assert!(g.steps.len() <= total_steps);
            // Either done, or asking a question that the facts do not answer validly.
            if let Some(next) = g.next_question {
                let given = facts.get(&next.id);
                prop_assert!(given.is_none_or(|a| next.answers.iter().all(|x| x.id != a)));
            }
        }
        // And it ends: answering each question it asks (with a chosen answer)
        // completes the route within one answer per question of the plan.
        for _ in 0..=plan.questions.len() {
            let g = route(&plan, &situation.id, &facts).unwrap();
            let Some(next) = g.next_question else { break };
            let answer = &next.answers[pick % next.answers.len()];
            facts.answer(&next.id, &answer.id);
        }
        let g = route(&plan, &situation.id, &facts).unwrap();
        prop_assert!(g.is_complete(), "{} still asks {:?}", situation.id, g.next_question.map(|q| &q.id));
        prop_assert!(!g.steps.is_empty(), "{}: a complete route with no step", situation.id);
    }
}

/// One random change to a JSON tree: drop, retype or rewrite a value.
fn mutate(value: &mut Value, path: &[usize], kind: u8) {
    let children: Vec<&mut Value> = match value {
        Value::Object(map) => map.values_mut().collect(),
        Value::Array(items) => items.iter_mut().collect(),
        _ => Vec::new(),
    };
    let count = children.len();
    if let (Some((first, rest)), false) = (path.split_first(), count == 0) {
        let index = first % count;
        if rest.is_empty() || kind.is_multiple_of(7) {
            // Act here on the chosen child's container.
            match (value, kind % 5) {
                (Value::Object(map), 0) => {
                    let key = map.keys().nth(index).cloned().unwrap();
                    map.remove(&key);
                }
                (Value::Array(items), 0) => {
                    items.remove(index);
                }
                (Value::Object(map), 1) => {
                    let key = map.keys().nth(index).cloned().unwrap();
                    map.insert(key, Value::Null);
                }
                (Value::Array(items), 1) => items[index] = Value::Bool(true),
                (Value::Object(map), 2) => {
                    let key = map.keys().nth(index).cloned().unwrap();
                    map.insert(key, Value::String("x".into()));
                }
                (Value::Array(items), 2) => {
                    let copy = items[index].clone();
                    items.push(copy); // duplicate ids and the like
                }
                (Value::Object(map), _) => {
                    let key = map.keys().nth(index).cloned().unwrap();
                    map.insert(key, Value::from(-1));
                }
                (Value::Array(items), _) => items.swap(0, index),
                _ => {}
            }
        } else {
            let child = match value {
                Value::Object(map) => map.values_mut().nth(index).unwrap(),
                Value::Array(items) => &mut items[index],
                _ => unreachable!(),
            };
            mutate(child, rest, kind);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(384))]

    #[test]
    fn damaged_json_structure_is_rejected_or_accepted_without_panicking(
        plan_index in 0..BUNDLED.len(),
        path in prop::collection::vec(any::<usize>(), 1..7),
        kind in any::<u8>(),
    ) {
        let mut value: Value = serde_json::from_str(&plan_json(BUNDLED[plan_index])).unwrap();
        mutate(&mut value, &path, kind);
        let text = serde_json::to_string(&value).unwrap();
        // The studio draws and traces whatever parses, valid or not, and
        // links each message to its place.
        if let Ok(plan) = rusplan_domain::parse_plan(&text) {
            let sources: rusplan_domain::trace::SourceLines = plan
                .documents
                .iter()
                .filter_map(|d| {
                    let file = common::repo_root().join("assets/plans/sources").join(d.file.as_deref()?);
                    let text = std::fs::read_to_string(file).ok()?;
                    Some((d.id.clone(), rusplan_domain::trace::lines(&text)))
                })
                .collect();
            let _ = rusplan_domain::trace::departures(&plan, &sources);
            let _ = rusplan_domain::trace::uncovered_lines(&plan, &sources);
            for s in &plan.situations {
                let chart = rusplan_domain::flowchart::flowchart(&plan, s);
                prop_assert!(rusplan_domain::flowchart::to_svg(&chart, &s.id).ends_with("</svg>\n"));
            }
            for e in rusplan_domain::validate(&plan) {
                prop_assert!(rusplan_domain::plan_file::locate(&text, &e.path).is_some(), "{}", e.path);
            }
        }
        match load_plan(&text) {
            Ok(plan) => {
                // Still sound: every route of it can be walked.
                for s in &plan.situations {
                    prop_assert!(rusplan_domain::routes(&plan, &s.id).is_ok());
                }
                // And it ships intact (the app carries plans packed).
                let packed = rusplan_domain::packed::pack(&plan);
                prop_assert_eq!(rusplan_domain::packed::unpack(&packed), Some(plan));
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.path.starts_with('$'), "{}", e);
                    prop_assert!(!e.problem.is_empty() && !e.fix.is_empty());
                }
            }
        }
    }

    #[test]
    fn damaged_bytes_are_rejected_without_panicking(
        plan_index in 0..BUNDLED.len(),
        cut in any::<prop::sample::Index>(),
        junk in "[\\[\\]{}\",:a-z0-9 ]{0,6}",
    ) {
        let json = plan_json(BUNDLED[plan_index]);
        let mut at = cut.index(json.len());
        while !json.is_char_boundary(at) {
            at -= 1;
        }
        // Replace up to three characters at the cut with junk.
        let rest: String = json[at..].chars().skip(3).collect();
        let damaged = format!("{}{junk}{rest}", &json[..at]);
        // Often still valid (a changed letter in a text); when not, explained.
        if let Err(errors) = load_plan(&damaged) {
            prop_assert!(errors.iter().all(|e| e.path.starts_with('$') && !e.fix.is_empty()));
            // The studio's link from a message into broken text stays in it.
            for e in &errors {
                if let Some((start, end)) = rusplan_domain::plan_file::locate(&damaged, &e.path) {
                    prop_assert!(start <= end && end <= damaged.len());
                    prop_assert!(damaged.is_char_boundary(start) && damaged.is_char_boundary(end));
                }
            }
        }
    }
}
