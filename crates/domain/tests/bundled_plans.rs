//! The bundled plans are valid, and everything they say traces back, word
//! for word, to the lines of the source document they cite. Nothing from
//! the sources is dropped: every phone number and every line of every
//! "Alternativ" is covered.

mod common;

use common::{plan, source_lines, BUNDLED};
use rusplan_domain::plan::{Node, Plan};
use rusplan_domain::trace::{self, SourceLines};

#[test]
fn bundled_plans_are_valid() {
    for id in BUNDLED {
        let plan = plan(id);
        assert_eq!(plan.id, id, "a plan's id matches its file name");
    }
}

/// The source texts the plan cites, by document id.
fn sources(plan: &Plan) -> SourceLines {
    plan.documents
        .iter()
        .map(|d| (d.id.clone(), source_lines(plan, &d.id)))
        .collect()
}

#[test]
fn every_text_is_found_in_the_lines_it_cites() {
    for id in BUNDLED {
        let plan = plan(id);
        assert!(
            trace::cited_texts(&plan).len() > 50,
            "{id}: the texts are read"
        );
        let departures: Vec<String> = trace::departures(&plan, &sources(&plan))
            .iter()
            .map(|d| format!("{d}: «{}» / «{}»", d.text, d.cited))
            .collect();
        assert!(departures.is_empty(), "{id}:\n{}", departures.join("\n"));
    }
}

#[test]
fn every_line_of_every_procedure_is_covered_by_a_step() {
    for id in BUNDLED {
        let plan = plan(id);
        let uncovered: Vec<String> = trace::uncovered_lines(&plan, &sources(&plan))
            .iter()
            .map(|u| {
                format!(
                    "{} line {} «{}» is not covered by any step",
                    u.situation, u.line, u.text
                )
            })
            .collect();
        assert!(uncovered.is_empty(), "{id}:\n{}", uncovered.join("\n"));
    }
}

#[test]
fn every_phone_number_in_the_source_is_a_contact() {
    let plan = plan("halden-vgs");
    let text = source_lines(&plan, "halden").join("\n");
    // "Tlf. 970 83 705" and the police's "02800": the only numbers it prints.
    let mut printed: Vec<String> = text
        .split("Tlf.")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_digit() || *c == ' ')
                .collect::<String>()
        })
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    printed.push("02800".to_owned());
    assert_eq!(
        printed.len(),
        17,
        "the Halden plan prints 16 staff numbers and the police"
    );
    let in_plan: Vec<&str> = plan.contacts.iter().map(|c| c.phone.as_str()).collect();
    for number in &printed {
        assert!(
            in_plan.contains(&number.as_str()),
            "{number} is missing from the contacts"
        );
    }
    assert_eq!(
        in_plan.len(),
        printed.len(),
        "no contact that the source does not print"
    );
}

#[test]
fn the_brochure_has_roles_but_no_numbers() {
    let plan = plan("kjentmann-brosjyre");
    assert!(plan.contacts.is_empty());
    let kjentmann = plan.role("kjentmann").expect("the kjentmann role");
    assert_eq!(kjentmann.duties.len(), 4);
    assert!(plan.meta.next_revision.is_none() && plan.meta.undated_reason.is_some());
}

#[test]
fn question_nodes_offer_every_answer() {
    for id in BUNDLED {
        let plan = plan(id);
        for situation in &plan.situations {
            for node in &situation.nodes {
                if let Node::Question { question, next, .. } = node {
                    let q = plan.question(question).unwrap();
                    assert_eq!(next.len(), q.answers.len(), "{id} {}", situation.id);
                }
            }
        }
    }
}

/// Every string anywhere in the plan file, translations left out.
fn all_texts(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| all_texts(v, out)),
        serde_json::Value::Object(map) => map
            .iter()
            .filter(|(k, _)| k.as_str() != "translations")
            .for_each(|(_, v)| all_texts(v, out)),
        _ => {}
    }
}

#[test]
fn every_translation_translates_a_text_the_plan_has() {
    for id in BUNDLED {
        let plan = plan(id);
        let mut texts = Vec::new();
        all_texts(
            &serde_json::from_str(&common::plan_json(id)).unwrap(),
            &mut texts,
        );
        for (language, table) in &plan.translations {
            for source in table.keys() {
                assert!(
                    texts.contains(source),
                    "{id}: the {language} translation of «{source}» matches no text"
                );
            }
        }
    }
}

#[test]
fn the_parents_page_tells_what_involves_the_parents_and_when() {
    use rusplan_domain::parents::situations_for_parents;
    type Summary = Vec<(String, Vec<(String, Vec<String>, usize)>)>;
    let summary = |id: &str| -> Summary {
        let plan = plan(id);
        situations_for_parents(&plan)
            .into_iter()
            .map(|s| {
                let items = s
                    .items
                    .iter()
                    .map(|i| {
                        (
                            i.step.id.clone(),
                            i.only_when.iter().map(|w| w.to_string()).collect(),
                            i.agenda.len(),
                        )
                    })
                    .collect();
                (s.situation.id.clone(), items)
            })
            .collect()
    };
    let u18 = || vec!["Under 18 år".to_owned()];
    assert_eq!(
        summary("halden-vgs"),
        vec![
            (
                "alternativ-1".to_owned(),
                vec![("mote".to_owned(), u18(), 4)]
            ),
            // Branches A and B: both meetings, B's agenda opening with the concern.
            (
                "alternativ-2".to_owned(),
                vec![
                    ("a-mote".to_owned(), u18(), 4),
                    ("b-mote".to_owned(), u18(), 5)
                ]
            ),
            (
                "alternativ-3".to_owned(),
                vec![
                    ("foresatte-kontaktes".to_owned(), u18(), 0),
                    ("mote".to_owned(), u18(), 4)
                ]
            ),
            // Alternativ 4 may concern several pupils: its line 343 is shown
            // to all, in its own words ("dersom eleven er under 18 år").
            (
                "alternativ-4".to_owned(),
                vec![
                    ("foresatte-kontaktes".to_owned(), vec![], 0),
                    ("mote".to_owned(), u18(), 4)
                ]
            ),
        ]
    );
    assert_eq!(
        summary("kjentmann-brosjyre"),
        vec![
            (
                "alternativ-1".to_owned(),
                vec![("foresatte-informeres".to_owned(), u18(), 0)]
            ),
            // The brochure has the parents at this meeting whatever the age.
            (
                "alternativ-2".to_owned(),
                vec![("mote".to_owned(), vec![], 1)]
            ),
            (
                "alternativ-3".to_owned(),
                vec![("foresatte-kontaktes".to_owned(), u18(), 0)]
            ),
        ]
    );
}

#[test]
fn the_parents_page_names_the_branch_a_step_is_on() {
    use rusplan_domain::parents::situations_for_parents;
    let plan = plan("halden-vgs");
    let parents = situations_for_parents(&plan);
    let alt2 = parents
        .iter()
        .find(|s| s.situation.id == "alternativ-2")
        .unwrap();
    assert_eq!(
        alt2.items[0].branch,
        ["Eleven har innrømmet bruk av rusmidler"]
    );
    assert_eq!(
        alt2.items[1].branch,
        ["Eleven benekter bruk av rusmidler, og bekymringen opprettholdes"]
    );
    let alt3 = parents
        .iter()
        .find(|s| s.situation.id == "alternativ-3")
        .unwrap();
    assert!(
        alt3.items.iter().all(|i| i.branch.is_empty()),
        "the age question leads everywhere: no branch"
    );
}

/// The app ships plans packed (`packed.rs`): every bundled plan must come
/// back from its bytes exactly as the validated JSON reads.
#[test]
fn every_bundled_plan_survives_packing() {
    for id in BUNDLED {
        let plan = plan(id);
        let bytes = rusplan_domain::packed::pack(&plan);
        assert_eq!(
            rusplan_domain::packed::unpack(&bytes).as_ref(),
            Some(&plan),
            "{id}"
        );
        println!(
            "{id}: {} bytes packed, {} bytes of JSON",
            bytes.len(),
            common::plan_json(id).len()
        );
    }
}

#[test]
fn role_names_read_in_a_sentence_without_breaking_abbreviations() {
    let role = |name: &str| rusplan_domain::plan::Role {
        id: "r".into(),
        name: name.into(),
        description: None,
        duties: Vec::new(),
        per_pupil: false,
        source: None,
    };
    for (name, in_sentence) in [
        ("Kjentmann", "kjentmann"),
        ("Rektor/ledelse", "rektor/ledelse"),
        ("Økonomiansvarlig", "økonomiansvarlig"),
        (
            "NAV-veileder videregående opplæring",
            "NAV-veileder videregående opplæring",
        ),
        ("PPT", "PPT"),
        ("ÅKV-team", "ÅKV-team"),
        ("miljøveileder", "miljøveileder"),
        ("", ""),
    ] {
        assert_eq!(role(name).name_in_sentence(), in_sentence);
    }
    assert_eq!(
        plan("kjentmann-brosjyre")
            .role("kjentmann")
            .unwrap()
            .name_in_sentence(),
        "kjentmann"
    );
}
