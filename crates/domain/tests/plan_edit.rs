//! Building a plan by edits, as the studio's forms do: a skeleton, items
//! made from selected lines (word for word by construction), the brochure's
//! Alternativ 3 rebuilt equal to the bundled one, and edits refused with a
//! reason, leaving the plan as it was.

mod common;

use common::{plan, source_lines, BUNDLED};
use rusplan_domain::plan::{AgendaItem, Answer, Condition, Node, Participant, Plan, Source, Step};
use rusplan_domain::plan_edit::{
    apply, excerpt, found_contacts, skeleton, CitedKind, Edit, FoundKind, LinkList, NewNode,
    Skeleton,
};
use rusplan_domain::plan_file::to_json;
use rusplan_domain::trace::{self, SourceLines};
use rusplan_domain::{parse_plan, routes};

fn new_plan(document: &str, file: &str) -> Plan {
    skeleton(&Skeleton {
        id: "ny-plan".into(),
        school: "Skolen".into(),
        title: "Handlingsplan".into(),
        document_id: document.into(),
        document_title: String::new(),
        file: file.into(),
    })
    .expect("a skeleton from sound answers")
}

fn cite(document: &str, section: &str, first: u32, last: u32) -> Source {
    Source {
        document: document.into(),
        section: section.into(),
        lines: [first, last],
    }
}

#[test]
fn a_skeleton_is_a_plan_file_with_its_one_document() {
    let plan = new_plan("kilde", "kilde.txt");
    assert_eq!(plan.documents.len(), 1);
    assert_eq!(plan.documents[0].file.as_deref(), Some("kilde.txt"));
    assert_eq!(parse_plan(&to_json(&plan)).unwrap(), plan);
    let bad = skeleton(&Skeleton {
        id: "Ny plan".into(),
        ..Skeleton::default()
    });
    assert!(bad
        .unwrap_err()
        .0
        .starts_with("Planens id må være små bokstaver"));
}

#[test]
fn every_item_made_by_excerpt_is_word_for_word_on_both_bundled_sources() {
    for id in BUNDLED {
        let bundled = plan(id);
        let document = &bundled.documents[0];
        let lines = source_lines(&bundled, &document.id);
        let mut made = new_plan(&document.id, document.file.as_deref().unwrap());
        let mut count = 0;
        // Every selection of one to six lines, as goals.
        for first in 1..=lines.len() as u32 {
            for last in first..(first + 6).min(lines.len() as u32 + 1) {
                let Some(text) = excerpt(&lines, first, last) else {
                    continue;
                };
                let source = cite(&document.id, "Utvalg", first, last);
                apply(
                    &mut made,
                    Edit::AddCited {
                        kind: CitedKind::Goal,
                        text,
                        source,
                    },
                )
                .unwrap();
                count += 1;
            }
        }
        assert!(count > 1000, "{id}: {count} selections");
        let sources: SourceLines = [(document.id.clone(), lines.clone())].into();
        assert_eq!(trace::departures(&made, &sources), vec![], "{id}");

        // And each bundled text is found again by excerpting its own lines:
        // the rule reads the lines as the studio fills them.
        for cited in trace::cited_texts(&bundled) {
            let [a, b] = cited.source.lines;
            let whole = excerpt(&lines, a, b).unwrap();
            assert!(
                trace::normalise(&whole).contains(&trace::normalise(cited.text)),
                "{}",
                cited.path
            );
        }
    }
}

#[test]
fn excerpt_drops_bullets_and_folds_lines_but_keeps_the_case() {
    let lines: Vec<String> = [
        "• Eleven tas umiddelbart ut av ",
        "",
        "  undervisningen. ",
        "- x",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(
        excerpt(&lines, 1, 3).as_deref(),
        Some("Eleven tas umiddelbart ut av undervisningen.")
    );
    assert_eq!(excerpt(&lines, 2, 2), None, "a blank line holds no words");
    assert_eq!(excerpt(&lines, 0, 1), None);
    assert_eq!(excerpt(&lines, 3, 2), None);
    assert_eq!(excerpt(&lines, 4, 5), None, "past the end");
}

#[test]
fn phone_numbers_and_web_addresses_are_found_where_the_bundled_plans_cite_them() {
    for id in BUNDLED {
        let bundled = plan(id);
        let lines = source_lines(&bundled, &bundled.documents[0].id);
        let found = found_contacts(&lines);
        for c in &bundled.contacts {
            let [a, b] = c.source.lines;
            assert!(
                found.iter().any(|f| f.kind == FoundKind::Phone
                    && f.text == c.phone
                    && (a..=b).contains(&f.line)),
                "{id}: {} not found",
                c.phone
            );
        }
        // Halden's text has only the links' titles (the PDF's link text).
        for link in bundled.laws.iter().chain(&bundled.resources) {
            let [a, b] = link.source.lines;
            if !lines[a as usize - 1..b as usize]
                .iter()
                .any(|l| l.contains("https://"))
            {
                continue;
            }
            assert!(
                found
                    .iter()
                    .any(|f| f.kind == FoundKind::Web && (a..=b).contains(&f.line)),
                "{id}: {} not found",
                link.url
            );
        }
    }
    let lines: Vec<String> = [
        "Ring 112 eller Tlf. +47 22 33 44 55, se www.skole.no.",
        "Elever over 18 år, 2024, 300 elever.",
    ]
    .map(String::from)
    .to_vec();
    let found: Vec<(u32, FoundKind, String)> = found_contacts(&lines)
        .into_iter()
        .map(|f| (f.line, f.kind, f.text))
        .collect();
    let found: Vec<(u32, FoundKind, &str)> =
        found.iter().map(|(l, k, t)| (*l, *k, t.as_str())).collect();
    assert_eq!(
        found,
        vec![
            (1, FoundKind::Web, "www.skole.no"),
            (1, FoundKind::Phone, "112"),
            (1, FoundKind::Phone, "+47 22 33 44 55"),
        ]
    );
}

/// The brochure's Alternativ 3 built as the studio's forms build it: the
/// text of each step is the excerpt of the lines selected for it.
#[test]
fn the_brochures_alternativ_3_rebuilt_by_edits_equals_the_bundled_one() {
    let bundled = plan("kjentmann-brosjyre");
    let lines = source_lines(&bundled, "brosjyre");
    let mut made = new_plan("brosjyre", "brosjyre-kjentmann-rus.txt");
    for role in &bundled.roles {
        let mut role = role.clone();
        role.duties.clear();
        role.source = None;
        apply(&mut made, Edit::AddRole(role)).unwrap();
    }
    let age = bundled.question("alder").unwrap();
    apply(
        &mut made,
        Edit::AddQuestion {
            id: age.id.clone(),
            text: age.text.clone(),
        },
    )
    .unwrap();
    for a in &age.answers {
        apply(
            &mut made,
            Edit::AddAnswer {
                question: age.id.clone(),
                answer: a.clone(),
            },
        )
        .unwrap();
    }
    let section = "Alternativ 3";
    let s = "alternativ-3".to_owned();
    apply(
        &mut made,
        Edit::AddSituation {
            id: s.clone(),
            title: excerpt(&lines, 153, 154).unwrap(),
            label: "Eleven opptrer ruset på skolen nå".into(),
            acute: true,
            source: cite("brosjyre", section, 153, 189),
        },
    )
    .unwrap();
    for node in [
        NewNode::Steps { id: "forst".into() },
        NewNode::Question {
            id: "alder".into(),
            question: "alder".into(),
        },
        NewNode::Steps {
            id: "etter-alder".into(),
        },
    ] {
        apply(
            &mut made,
            Edit::AddNode {
                situation: s.clone(),
                node,
            },
        )
        .unwrap();
    }
    let next = |node: &str, answer: Option<&str>, to: &str| Edit::SetNext {
        situation: s.clone(),
        node: node.into(),
        answer: answer.map(Into::into),
        next: Some(to.into()),
    };
    apply(&mut made, next("forst", None, "alder")).unwrap();
    apply(&mut made, next("alder", Some("under-18"), "etter-alder")).unwrap();
    apply(&mut made, next("alder", Some("over-18"), "etter-alder")).unwrap();
    let step = |id: &str, first: u32, last: u32| Step {
        id: id.into(),
        text: excerpt(&lines, first, last).unwrap(),
        responsible: None,
        contact: Vec::new(),
        urgency: None,
        when: None,
        meeting: None,
        documents: false,
        source: cite("brosjyre", section, first, last),
    };
    let roles = |ids: &[&str]| ids.iter().map(|r| r.to_string()).collect::<Vec<_>>();
    let steps = [
        (
            "forst",
            Step {
                contact: roles(&["avdelingsleder", "kjentmann", "kontaktlaerer"]),
                ..step("kontakt", 156, 157)
            },
        ),
        (
            "forst",
            Step {
                urgency: Some("umiddelbart".into()),
                ..step("ut-av-undervisningen", 159, 160)
            },
        ),
        ("forst", step("vurderingssamtale", 162, 162)),
        (
            "forst",
            Step {
                contact: roles(&["ledelse"]),
                ..step("ledelsen-med", 163, 163)
            },
        ),
        (
            "etter-alder",
            Step {
                contact: roles(&["foresatte"]),
                when: Some(Condition {
                    question: "alder".into(),
                    answer_in: vec!["under-18".into()],
                }),
                ..step("foresatte-kontaktes", 164, 167)
            },
        ),
        ("etter-alder", step("bortvises", 169, 170)),
        ("etter-alder", step("barnevern-vurderes", 172, 172)),
        (
            "etter-alder",
            Step {
                contact: roles(&["politi"]),
                ..step("politi-vurderes", 173, 173)
            },
        ),
        (
            "etter-alder",
            Step {
                responsible: Some("ansvarlig".into()),
                urgency: Some("første skoledag eleven er tilbake".into()),
                // Lines 175–180 selected, the list's intro (180) cut from the
                // text: still word for word with them.
                text: excerpt(&lines, 175, 178).unwrap(),
                ..step("oppfolgingssamtale", 175, 180)
            },
        ),
    ];
    for (node, step) in steps {
        apply(
            &mut made,
            Edit::AddStep {
                situation: s.clone(),
                node: node.into(),
                step,
            },
        )
        .unwrap();
    }
    for role in ["elev", "ansvarlig"] {
        let participant = Participant {
            role: role.into(),
            when: None,
        };
        apply(
            &mut made,
            Edit::AddParticipant {
                situation: s.clone(),
                step: "oppfolgingssamtale".into(),
                participant,
            },
        )
        .unwrap();
    }
    for (first, last) in [(182, 183), (185, 186), (188, 189)] {
        let item = AgendaItem {
            text: excerpt(&lines, first, last).unwrap(),
            source: cite("brosjyre", section, first, last),
        };
        apply(
            &mut made,
            Edit::AddAgendaItem {
                situation: s.clone(),
                step: "oppfolgingssamtale".into(),
                item,
            },
        )
        .unwrap();
    }

    let expected = bundled.situation("alternativ-3").unwrap();
    assert_eq!(made.situation("alternativ-3").unwrap(), expected);
    let sources: SourceLines = [("brosjyre".to_owned(), lines)].into();
    assert_eq!(trace::departures(&made, &sources), vec![]);
    let ours = routes(&made, "alternativ-3").unwrap();
    assert_eq!(ours, routes(&bundled, "alternativ-3").unwrap());
    // Through the file and back, as the studio keeps it.
    assert_eq!(parse_plan(&to_json(&made)).unwrap(), made);
}

/// A plan with a role, a two-answer question, a situation and a steps node.
fn small() -> Plan {
    let mut p = new_plan("kilde", "kilde.txt");
    let role = |id: &str| rusplan_domain::plan::Role {
        id: id.into(),
        name: "Rolle".into(),
        description: None,
        duties: Vec::new(),
        per_pupil: false,
        source: None,
    };
    apply(&mut p, Edit::AddRole(role("rektor"))).unwrap();
    apply(
        &mut p,
        Edit::AddQuestion {
            id: "alder".into(),
            text: "Under 18?".into(),
        },
    )
    .unwrap();
    for a in ["ja", "nei"] {
        let answer = Answer {
            id: a.into(),
            label: a.into(),
            source: None,
        };
        apply(
            &mut p,
            Edit::AddAnswer {
                question: "alder".into(),
                answer,
            },
        )
        .unwrap();
    }
    let source = cite("kilde", "Del", 1, 9);
    let situation = Edit::AddSituation {
        id: "s".into(),
        title: "S".into(),
        label: "S".into(),
        acute: false,
        source,
    };
    apply(&mut p, situation).unwrap();
    apply(
        &mut p,
        Edit::AddNode {
            situation: "s".into(),
            node: NewNode::Steps { id: "a".into() },
        },
    )
    .unwrap();
    p
}

fn refused(plan: &mut Plan, edit: Edit) -> String {
    let before = plan.clone();
    let error = apply(plan, edit).expect_err("the edit is refused");
    assert_eq!(*plan, before, "a refused edit leaves the plan as it was");
    error.0
}

fn a_step(id: &str) -> Step {
    Step {
        id: id.into(),
        text: "Gjør noe.".into(),
        responsible: None,
        contact: Vec::new(),
        urgency: None,
        when: None,
        meeting: None,
        documents: false,
        source: cite("kilde", "Del", 2, 2),
    }
}

#[test]
fn the_first_node_is_the_start_and_a_question_routes_by_its_answers() {
    let mut p = small();
    assert_eq!(p.situations[0].start, "a");
    apply(
        &mut p,
        Edit::AddNode {
            situation: "s".into(),
            node: NewNode::Question {
                id: "q".into(),
                question: "alder".into(),
            },
        },
    )
    .unwrap();
    apply(
        &mut p,
        Edit::AddNode {
            situation: "s".into(),
            node: NewNode::End { id: "slutt".into() },
        },
    )
    .unwrap();
    apply(
        &mut p,
        Edit::SetNext {
            situation: "s".into(),
            node: "a".into(),
            answer: None,
            next: Some("q".into()),
        },
    )
    .unwrap();
    apply(
        &mut p,
        Edit::SetNext {
            situation: "s".into(),
            node: "q".into(),
            answer: Some("ja".into()),
            next: Some("slutt".into()),
        },
    )
    .unwrap();
    let Node::Question { next, .. } = &p.situations[0].nodes[1] else {
        panic!()
    };
    assert_eq!(next.get("ja").map(String::as_str), Some("slutt"));
    apply(
        &mut p,
        Edit::SetNext {
            situation: "s".into(),
            node: "q".into(),
            answer: Some("ja".into()),
            next: None,
        },
    )
    .unwrap();
    let Node::Question { next, .. } = &p.situations[0].nodes[1] else {
        panic!()
    };
    assert!(next.is_empty());
    apply(
        &mut p,
        Edit::AddStep {
            situation: "s".into(),
            node: "a".into(),
            step: a_step("en"),
        },
    )
    .unwrap();
    apply(
        &mut p,
        Edit::AddStep {
            situation: "s".into(),
            node: "a".into(),
            step: a_step("to"),
        },
    )
    .unwrap();
    apply(
        &mut p,
        Edit::MoveStep {
            situation: "s".into(),
            step: "to".into(),
            up: true,
        },
    )
    .unwrap();
    let ids: Vec<&str> = p.situations[0].all_steps().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["to", "en"]);
    apply(
        &mut p,
        Edit::RemoveStep {
            situation: "s".into(),
            step: "to".into(),
        },
    )
    .unwrap();
    assert_eq!(p.situations[0].all_steps().count(), 1);
}

#[test]
fn edits_that_would_break_the_plan_are_refused_with_a_reason() {
    let mut p = small();
    let s = || "s".to_owned();
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: Step {
                responsible: Some("rektr".into()),
                ..a_step("x")
            },
        },
    );
    assert_eq!(
        e,
        "Rollen «rektr» finnes ikke i planen: legg den til først."
    );
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: Step {
                contact: vec!["ukjent".into()],
                ..a_step("x")
            },
        },
    );
    assert!(e.contains("«ukjent»"), "{e}");
    let when = Condition {
        question: "alder".into(),
        answer_in: vec!["kanskje".into()],
    };
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: Step {
                when: Some(when),
                ..a_step("x")
            },
        },
    );
    assert_eq!(e, "Spørsmålet «alder» har ikke svaret «kanskje».");
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: Step {
                source: cite("annen", "Del", 1, 1),
                ..a_step("x")
            },
        },
    );
    assert!(e.starts_with("Dokumentet «annen» finnes ikke"), "{e}");
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: Step {
                source: cite("kilde", "Del", 5, 4),
                ..a_step("x")
            },
        },
    );
    assert!(e.starts_with("Linje 5–4 er ikke et utvalg"), "{e}");
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: Step {
                text: "  ".into(),
                ..a_step("x")
            },
        },
    );
    assert_eq!(e, "Trinnets tekst mangler.");
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: a_step("Trinn 1"),
        },
    );
    assert!(e.starts_with("Trinnets id må være små bokstaver"), "{e}");
    apply(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: a_step("x"),
        },
    )
    .unwrap();
    let e = refused(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: a_step("x"),
        },
    );
    assert_eq!(e, "Trinnets id «x» er allerede i bruk: velg en annen.");
    let e = refused(
        &mut p,
        Edit::SetNext {
            situation: s(),
            node: "a".into(),
            answer: None,
            next: Some("borte".into()),
        },
    );
    assert_eq!(e, "Situasjonen «s» har ikke noden «borte».");
    let e = refused(
        &mut p,
        Edit::SetNext {
            situation: s(),
            node: "a".into(),
            answer: None,
            next: Some("a".into()),
        },
    );
    assert!(e.contains("seg selv"), "{e}");
    let e = refused(
        &mut p,
        Edit::AddNode {
            situation: s(),
            node: NewNode::Question {
                id: "q".into(),
                question: "ukjent".into(),
            },
        },
    );
    assert!(e.starts_with("Spørsmålet «ukjent» finnes ikke"), "{e}");
    let e = refused(
        &mut p,
        Edit::AddNode {
            situation: s(),
            node: NewNode::End { id: "a".into() },
        },
    );
    assert_eq!(e, "Nodens id «a» er allerede i bruk: velg en annen.");
    let e = refused(
        &mut p,
        Edit::MoveRole {
            id: "rektor".into(),
            up: true,
        },
    );
    assert_eq!(e, "Rollen «rektor» står allerede først.");
    let e = refused(
        &mut p,
        Edit::AddCited {
            kind: CitedKind::Sign {
                id: "tegn".into(),
                group: None,
            },
            text: "Tegn.".into(),
            source: cite("kilde", "Del", 1, 1),
        },
    );
    assert_eq!(e, "Gi sjekklisten en tittel først.");
    let e = refused(
        &mut p,
        Edit::AddCited {
            kind: CitedKind::GoalDetail,
            text: "Mer.".into(),
            source: cite("kilde", "Del", 1, 1),
        },
    );
    assert!(e.starts_with("Lag målet først"), "{e}");
    // Refused half-way (the prevention section would be made before the
    // group is found missing): still nothing changes.
    let e = refused(
        &mut p,
        Edit::AddCited {
            kind: CitedKind::PreventionItem {
                group: "Tiltak".into(),
            },
            text: "Punkt.".into(),
            source: cite("kilde", "Del", 1, 1),
        },
    );
    assert!(e.starts_with("Gruppen «Tiltak» finnes ikke"), "{e}");
    assert_eq!(p.prevention, None);
    // A role a step names cannot go; one no one names can.
    apply(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: Step {
                responsible: Some("rektor".into()),
                ..a_step("y")
            },
        },
    )
    .unwrap();
    let e = refused(&mut p, Edit::RemoveRole("rektor".into()));
    assert!(e.starts_with("Rollen «rektor» er i bruk"), "{e}");
    apply(
        &mut p,
        Edit::AddNode {
            situation: s(),
            node: NewNode::End { id: "b".into() },
        },
    )
    .unwrap();
    let e = refused(
        &mut p,
        Edit::RemoveNode {
            situation: s(),
            node: "a".into(),
        },
    );
    assert!(e.starts_with("Noden «a» er start"), "{e}");
}

#[test]
fn lists_from_several_selections_cite_all_of_them() {
    let mut p = small();
    let add = |p: &mut Plan, kind: CitedKind, first: u32, last: u32| {
        apply(
            p,
            Edit::AddCited {
                kind,
                text: "Tekst.".into(),
                source: cite("kilde", "Del", first, last),
            },
        )
    };
    add(&mut p, CitedKind::RiskFactor, 10, 10).unwrap();
    add(&mut p, CitedKind::RiskFactor, 14, 15).unwrap();
    let list = p.risk_factors.as_ref().unwrap();
    assert_eq!(list.items.len(), 2);
    assert_eq!(list.source.lines, [10, 15]);
    add(
        &mut p,
        CitedKind::ConversationAdvice {
            title: "Råd".into(),
        },
        3,
        3,
    )
    .unwrap();
    add(
        &mut p,
        CitedKind::ConversationAdvice {
            title: String::new(),
        },
        1,
        1,
    )
    .unwrap();
    assert_eq!(p.conversation_advice.as_ref().unwrap().source.lines, [1, 3]);
    add(&mut p, CitedKind::PreventionGroupTitle, 20, 20).unwrap();
    add(
        &mut p,
        CitedKind::PreventionItem {
            group: "Tekst.".into(),
        },
        21,
        22,
    )
    .unwrap();
    assert_eq!(
        p.prevention.as_ref().unwrap().groups[0].source.lines,
        [20, 22]
    );
    apply(&mut p, Edit::SetChecklistTitle("Tegn".into())).unwrap();
    add(
        &mut p,
        CitedKind::Sign {
            id: "t1".into(),
            group: Some("Atferd".into()),
        },
        30,
        30,
    )
    .unwrap();
    add(
        &mut p,
        CitedKind::Sign {
            id: "t2".into(),
            group: Some("Atferd".into()),
        },
        31,
        31,
    )
    .unwrap();
    assert_eq!(p.checklist.as_ref().unwrap().groups[0].signs.len(), 2);
    let when = Some(Condition {
        question: "alder".into(),
        answer_in: vec!["ja".into()],
    });
    add(
        &mut p,
        CitedKind::DutyNote {
            id: "n1".into(),
            when,
        },
        40,
        41,
    )
    .unwrap();
    add(
        &mut p,
        CitedKind::Advice {
            situations: vec!["s".into()],
        },
        42,
        42,
    )
    .unwrap();
    add(
        &mut p,
        CitedKind::Documentation {
            system: Some("Arkivet".into()),
        },
        43,
        43,
    )
    .unwrap();
    add(
        &mut p,
        CitedKind::RoleDuty {
            role: "rektor".into(),
        },
        44,
        44,
    )
    .unwrap();
    add(
        &mut p,
        CitedKind::RoleDuty {
            role: "rektor".into(),
        },
        46,
        46,
    )
    .unwrap();
    assert_eq!(p.roles[0].source.as_ref().unwrap().lines, [44, 46]);
    let e = add(
        &mut p,
        CitedKind::Advice {
            situations: vec!["ukjent".into()],
        },
        42,
        42,
    )
    .unwrap_err();
    assert_eq!(e.0, "Situasjonen «ukjent» finnes ikke.");
    assert_eq!(parse_plan(&to_json(&p)).unwrap(), p);
}

/// Every text with a citation of both bundled plans, changed in place by
/// the path the trace check names it by: the same text gives back the same
/// plan, and a new one changes that text and nothing else.
#[test]
fn every_cited_text_of_both_plans_is_changed_in_place_and_only_there() {
    for id in BUNDLED {
        let bundled = plan(id);
        let cited: Vec<(String, String)> = trace::cited_texts(&bundled)
            .iter()
            .map(|c| (c.path.clone(), c.text.to_owned()))
            .collect();
        assert!(cited.len() > 40, "{id}: {} texts", cited.len());
        for (path, text) in &cited {
            let mut same = bundled.clone();
            let edit = Edit::ChangeCitedText {
                path: path.clone(),
                text: text.clone(),
            };
            apply(&mut same, edit).unwrap_or_else(|e| panic!("{id} {path}: {e}"));
            assert_eq!(same, bundled, "{id} {path}: the same text, the same plan");

            let mut changed = bundled.clone();
            let edit = Edit::ChangeCitedText {
                path: path.clone(),
                text: " Endret. ".into(),
            };
            apply(&mut changed, edit).unwrap();
            let after: Vec<(String, String)> = trace::cited_texts(&changed)
                .iter()
                .map(|c| (c.path.clone(), c.text.to_owned()))
                .collect();
            let expected: Vec<(String, String)> = cited
                .iter()
                .map(|(p, t)| {
                    (
                        p.clone(),
                        if p == path {
                            "Endret.".into()
                        } else {
                            t.clone()
                        },
                    )
                })
                .collect();
            assert_eq!(after, expected, "{id} {path}");
        }
    }
}

#[test]
fn a_changed_step_keeps_its_meeting_and_its_place() {
    let bundled = plan("kjentmann-brosjyre");
    let (situation, step) = bundled
        .situations
        .iter()
        .find_map(|s| {
            s.all_steps()
                .find(|st| st.meeting.is_some())
                .map(|st| (s.id.clone(), st.clone()))
        })
        .expect("a step with a meeting");
    let mut p = bundled.clone();
    let lines = source_lines(&p, &step.source.document);
    let [first, _] = step.source.lines;
    let text = excerpt(&lines, first, first).expect("the first cited line has words");
    let changed = Step {
        text: text.clone(),
        source: Source {
            lines: [first, first],
            ..step.source.clone()
        },
        responsible: Some(bundled.roles[0].id.clone()),
        urgency: Some("Straks".into()),
        meeting: None,
        ..step.clone()
    };
    apply(
        &mut p,
        Edit::ChangeStep {
            situation: situation.clone(),
            step: changed,
        },
    )
    .unwrap();
    let s = p.situation(&situation).unwrap();
    let order = |s: &rusplan_domain::plan::Situation| {
        s.all_steps().map(|x| x.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(order(s), order(bundled.situation(&situation).unwrap()));
    let held = s.all_steps().find(|x| x.id == step.id).unwrap();
    assert_eq!(held.text, text);
    assert_eq!(held.source.lines, [first, first]);
    assert_eq!(held.urgency.as_deref(), Some("Straks"));
    assert_eq!(
        held.meeting, step.meeting,
        "the meeting has edits of its own"
    );
    // Its old text's translation now belongs to no text: the validator
    // names it, and once removed (and the new text translated) all is well.
    let stale: Vec<String> = rusplan_domain::validate(&p)
        .iter()
        .map(|e| format!("{}: {}", e.path, e.problem))
        .collect();
    assert!(
        bundled.translation("en", &step.text).is_some(),
        "the step chosen is translated"
    );
    assert_eq!(
        stale,
        [format!(
            "$.translations.en: oversettelsen av «{}» hører ikke til noen tekst i planen",
            step.text
        )]
    );
    let remove = Edit::RemoveTranslation {
        language: "en".into(),
        text: step.text.clone(),
    };
    apply(&mut p, remove.clone()).unwrap();
    assert_eq!(
        refused(&mut p, remove),
        format!("«{}» har ingen oversettelse til «en».", step.text)
    );
    let again = Edit::AddTranslation {
        language: "en".into(),
        text: text.clone(),
        translated: "The first school day.".into(),
    };
    apply(&mut p, again).unwrap();
    assert!(
        rusplan_domain::validate(&p).is_empty(),
        "still a valid plan"
    );
    let sources: SourceLines = [(step.source.document.clone(), lines)].into();
    assert_eq!(
        trace::departures(&p, &sources),
        Vec::new(),
        "still word for word"
    );

    // Its meeting's participants and items go one by one; an empty
    // meeting goes with the last.
    let meeting = step.meeting.clone().unwrap();
    for participant in &meeting.participants {
        let edit = Edit::RemoveParticipant {
            situation: situation.clone(),
            step: step.id.clone(),
            role: participant.role.clone(),
        };
        apply(&mut p, edit).unwrap();
    }
    for _ in &meeting.agenda {
        let edit = Edit::RemoveAgendaItem {
            situation: situation.clone(),
            step: step.id.clone(),
            at: 0,
        };
        apply(&mut p, edit).unwrap();
    }
    let held = p
        .situation(&situation)
        .unwrap()
        .all_steps()
        .find(|x| x.id == step.id)
        .unwrap();
    assert_eq!(held.meeting, None);
}

#[test]
fn roles_questions_answers_situations_contacts_links_and_the_plan_itself_change_in_place() {
    let mut p = small();
    apply(
        &mut p,
        Edit::ChangeRole {
            id: "rektor".into(),
            name: " Rektor ".into(),
            description: Some("  ".into()),
            per_pupil: true,
        },
    )
    .unwrap();
    assert_eq!(p.roles[0].name, "Rektor");
    assert_eq!(p.roles[0].description, None);
    assert!(p.roles[0].per_pupil);

    apply(
        &mut p,
        Edit::ChangeQuestion {
            id: "alder".into(),
            text: "Er eleven under 18?".into(),
        },
    )
    .unwrap();
    let answer = Answer {
        id: "ja".into(),
        label: "Ja, under 18".into(),
        source: Some(cite("kilde", "Del", 3, 3)),
    };
    apply(
        &mut p,
        Edit::ChangeAnswer {
            question: "alder".into(),
            answer: answer.clone(),
        },
    )
    .unwrap();
    assert_eq!(p.questions[0].text, "Er eleven under 18?");
    assert_eq!(p.questions[0].answers[0], answer);
    assert_eq!(p.questions[0].answers.len(), 2);

    let nodes = p.situations[0].nodes.clone();
    apply(
        &mut p,
        Edit::ChangeSituation {
            id: "s".into(),
            title: "Ny tittel".into(),
            label: "Ny knapp".into(),
            acute: true,
            source: cite("kilde", "Del 2", 4, 8),
        },
    )
    .unwrap();
    let s = &p.situations[0];
    assert_eq!(
        (s.title.as_str(), s.label.as_str(), s.acute),
        ("Ny tittel", "Ny knapp", true)
    );
    assert_eq!(s.source.lines, [4, 8]);
    assert_eq!(s.nodes, nodes, "the nodes stay");

    let contact = |name: &str| rusplan_domain::plan::Contact {
        id: "k".into(),
        name: name.into(),
        title: Some("Rektor".into()),
        phone: "12 34 56 78".into(),
        roles: vec!["rektor".into()],
        group: Some("Ledelsen".into()),
        source: cite("kilde", "Kontakt", 5, 5),
    };
    apply(&mut p, Edit::AddContact(contact("A"))).unwrap();
    apply(&mut p, Edit::ChangeContact(contact("B"))).unwrap();
    assert_eq!(p.contacts, vec![contact("B")]);
    apply(&mut p, Edit::RemoveContact("k".into())).unwrap();
    assert!(p.contacts.is_empty());

    let link = |title: &str| rusplan_domain::plan::Link {
        title: title.into(),
        url: "https://example.no".into(),
        note: Some("Merknad".into()),
        source: cite("kilde", "Lenker", 6, 6),
    };
    for title in ["A", "B"] {
        let edit = Edit::AddLink {
            list: LinkList::Resources,
            link: link(title),
        };
        apply(&mut p, edit).unwrap();
    }
    let edit = Edit::ChangeLink {
        list: LinkList::Resources,
        at: 1,
        link: link("C"),
    };
    apply(&mut p, edit).unwrap();
    apply(
        &mut p,
        Edit::RemoveLink {
            list: LinkList::Resources,
            at: 0,
        },
    )
    .unwrap();
    assert_eq!(p.resources, vec![link("C")]);
    assert!(p.laws.is_empty());

    let mut meta = p.meta.clone();
    meta.next_revision = Some("2027-06".into());
    meta.undated_reason = None;
    meta.version = Some(" august 2026 ".into());
    meta.source = None;
    let held_source = p.meta.source.clone();
    apply(&mut p, Edit::SetMeta(meta)).unwrap();
    assert_eq!(p.meta.next_revision.as_deref(), Some("2027-06"));
    assert_eq!(p.meta.version.as_deref(), Some("august 2026"));
    assert_eq!(p.meta.source, held_source, "the citation stays");
}

#[test]
fn changes_that_would_break_the_plan_are_refused_with_a_reason() {
    let mut p = small();
    let s = || "s".to_owned();
    apply(
        &mut p,
        Edit::AddStep {
            situation: s(),
            node: "a".into(),
            step: a_step("x"),
        },
    )
    .unwrap();
    let cases = [
        (
            Edit::ChangeStep {
                situation: s(),
                step: a_step("y"),
            },
            "Situasjonen «s» har ikke trinnet «y».",
        ),
        (
            Edit::ChangeStep {
                situation: s(),
                step: Step {
                    contact: vec!["rektr".into()],
                    ..a_step("x")
                },
            },
            "Rollen «rektr» finnes ikke i planen: legg den til først.",
        ),
        (
            Edit::ChangeCitedText {
                path: "$.id".into(),
                text: "annen-plan".into(),
            },
            "«$.id» er ikke en tekst med henvisning i planen.",
        ),
        (
            Edit::ChangeCitedText {
                path: "$.situations[0].nodes[0].steps[0].text".into(),
                text: " ".into(),
            },
            "Teksten mangler.",
        ),
        (
            Edit::ChangeRole {
                id: "rektr".into(),
                name: "R".into(),
                description: None,
                per_pupil: false,
            },
            "Rollen «rektr» finnes ikke.",
        ),
        (
            Edit::ChangeAnswer {
                question: "alder".into(),
                answer: Answer {
                    id: "kanskje".into(),
                    label: "Kanskje".into(),
                    source: None,
                },
            },
            "Spørsmålet «alder» har ikke svaret «kanskje».",
        ),
        (
            Edit::ChangeSituation {
                id: "s".into(),
                title: "S".into(),
                label: "S".into(),
                acute: false,
                source: cite("annen", "Del", 1, 2),
            },
            "Dokumentet «annen» finnes ikke i planen.",
        ),
        (
            Edit::RemoveParticipant {
                situation: s(),
                step: "x".into(),
                role: "rektor".into(),
            },
            "Rollen «rektor» er ikke med i møtet i trinnet «x».",
        ),
        (
            Edit::RemoveAgendaItem {
                situation: s(),
                step: "x".into(),
                at: 0,
            },
            "Møtet i trinnet «x» har ikke punkt 1.",
        ),
        (
            Edit::ChangeLink {
                list: LinkList::Laws,
                at: 0,
                link: rusplan_domain::plan::Link {
                    title: "T".into(),
                    url: "https://example.no".into(),
                    note: None,
                    source: cite("kilde", "Del", 1, 1),
                },
            },
            "Lenke nummer 1 finnes ikke.",
        ),
        (
            Edit::RemoveContact("k".into()),
            "Kontakten «k» finnes ikke.",
        ),
        (
            Edit::SetMeta(rusplan_domain::plan::Meta {
                next_revision: Some("juni 2026".into()),
                ..p.meta.clone()
            }),
            "«juni 2026» er ikke en dato på formen ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD (f.eks. 2026-06).",
        ),
        (
            Edit::SetMeta(rusplan_domain::plan::Meta {
                next_revision: None,
                undated_reason: None,
                ..p.meta.clone()
            }),
            "Skriv når planen skal revideres (ÅÅÅÅ-MM), eller hvorfor kilden ikke har noen dato.",
        ),
    ];
    for (edit, reason) in cases {
        assert_eq!(refused(&mut p, edit.clone()), reason, "{edit:?}");
    }
}

/// Every text with a citation of both bundled plans removed in turn: a
/// contact's or a step's is refused (they have removals of their own), so
/// is a duty note the parents' page shows; any other goes with what it is
/// the text of, and nothing else: the texts left are the ones before, less
/// that one (less a goal's detail or a group's items with it), and the plan
/// is still a plan file.
#[test]
fn every_cited_text_of_both_plans_is_removed_with_what_it_is_the_text_of() {
    for id in BUNDLED {
        let bundled = plan(id);
        let texts = |p: &Plan| -> Vec<String> {
            let mut t: Vec<String> = trace::cited_texts(p)
                .iter()
                .map(|c| c.text.to_owned())
                .collect();
            t.sort();
            t
        };
        let before = texts(&bundled);
        let mut removed = 0;
        for cited in trace::cited_texts(&bundled) {
            let mut p = bundled.clone();
            let edit = Edit::RemoveCitedText(cited.path.clone());
            let path = cited.path.as_str();
            let own = path.starts_with("$.contacts[")
                || (path.starts_with("$.situations[") && !path.contains(".meeting."));
            let shown_to_parents = path.starts_with("$.confidentiality.duty_to_inform[")
                && bundled.parents.as_ref().is_some_and(|parents| {
                    bundled
                        .confidentiality
                        .iter()
                        .flat_map(|c| &c.duty_to_inform)
                        .any(|n| n.text == cited.text && parents.duty_notes.contains(&n.id))
                });
            if own || shown_to_parents {
                let reason = refused(&mut p, edit);
                assert!(
                    reason.starts_with("Fjern ") || reason.contains("foresattesiden"),
                    "{path}: {reason}"
                );
                continue;
            }
            apply(&mut p, edit).unwrap_or_else(|e| panic!("{id} {path}: {e}"));
            removed += 1;
            let mut left = before.clone();
            let at = left.iter().position(|t| t == cited.text).unwrap();
            left.remove(at);
            let with_it: Vec<&str> = if path.ends_with(".title") {
                let g = path.trim_end_matches(".title");
                trace::cited_texts(&bundled)
                    .iter()
                    .filter(|c| c.path.starts_with(&format!("{g}.items[")))
                    .map(|c| c.text)
                    .collect()
            } else if path.starts_with("$.goals[") && path.ends_with(".text") {
                let g = path.trim_end_matches(".text");
                trace::cited_texts(&bundled)
                    .iter()
                    .filter(|c| c.path == format!("{g}.detail"))
                    .map(|c| c.text)
                    .collect()
            } else {
                Vec::new()
            };
            for t in with_it {
                let at = left.iter().position(|x| x == t).unwrap();
                left.remove(at);
            }
            assert_eq!(
                texts(&p),
                left,
                "{id} {path}: that text, and only it, is gone"
            );
            assert_eq!(parse_plan(&to_json(&p)).unwrap(), p, "{id} {path}");
        }
        assert!(removed > 30, "{id}: {removed} removed");
    }
}
