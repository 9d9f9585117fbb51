//! What the studio stands on: the flowchart of every situation, the plan
//! file written back, the place a validator path names, and the
//! traceability rules catching a text that departs from its lines and a
//! procedure line no step covers.

mod common;

use common::{plan, plan_json, repo_root, source_lines, BUNDLED};
use rusplan_domain::flowchart::{self, escape, flowchart, to_svg, wrap, Kind};
use rusplan_domain::plan::{Node, Plan};
use rusplan_domain::plan_file::{locate, to_json};
use rusplan_domain::trace::{self, SourceLines};

fn fjord() -> (String, Plan) {
    let json =
        std::fs::read_to_string(repo_root().join("crates/domain/tests/plans/fjord-skole.json"))
            .unwrap();
    let plan = rusplan_domain::load_plan(&json).expect("fjord-skole is valid");
    (json, plan)
}

fn every_plan() -> Vec<(String, Plan)> {
    let mut all: Vec<(String, Plan)> = BUNDLED.iter().map(|id| (plan_json(id), plan(id))).collect();
    all.push(fjord());
    all
}

fn sources(plan: &Plan) -> SourceLines {
    plan.documents
        .iter()
        .map(|d| (d.id.clone(), source_lines(plan, &d.id)))
        .collect()
}

/// The `data-id`s of the SVG's boxes of one kind, in document order.
fn boxes(svg: &str, kind: &str) -> Vec<String> {
    let marker = format!("class=\"flow-node\" data-kind=\"{kind}\" data-id=\"");
    svg.split(&marker)
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .collect()
}

#[test]
fn every_step_and_question_of_every_situation_has_a_box_in_its_svg() {
    for (_, plan) in every_plan() {
        for situation in &plan.situations {
            let svg = to_svg(&flowchart(&plan, situation), "chart");
            let steps: Vec<String> = situation.all_steps().map(|s| s.id.clone()).collect();
            let questions: Vec<String> = situation
                .nodes
                .iter()
                .filter(|n| matches!(n, Node::Question { .. }))
                .map(|n| n.id().to_owned())
                .collect();
            assert!(!steps.is_empty(), "{} {}", plan.id, situation.id);
            assert_eq!(boxes(&svg, "step"), steps, "{} {}", plan.id, situation.id);
            assert_eq!(
                boxes(&svg, "question"),
                questions,
                "{} {}",
                plan.id,
                situation.id
            );
            assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
            assert!(
                !svg.contains(" style=") && !svg.contains("<style"),
                "no inline style under a strict CSP"
            );
        }
    }
}

#[test]
fn a_question_branches_with_its_answers_on_the_arrows() {
    let (_, fjord) = fjord();
    for situation in &fjord.situations {
        let chart = flowchart(&fjord, situation);
        for (i, node) in chart.nodes.iter().enumerate() {
            if node.kind != Kind::Question {
                continue;
            }
            let Some(Node::Question { question, next, .. }) = situation.node(&node.id) else {
                panic!("{} is a question node", node.id)
            };
            let out: Vec<&str> = chart
                .edges
                .iter()
                .filter(|e| e.from == i)
                .map(|e| e.label.as_deref().unwrap())
                .collect();
            let answers = &fjord.question(question).unwrap().answers;
            // One arrow per place the answers lead; every answer on one.
            let mut targets: Vec<&String> = next.values().collect();
            targets.sort();
            targets.dedup();
            assert_eq!(out.len(), targets.len());
            for answer in answers {
                assert!(
                    out.iter().any(|l| l.contains(&answer.label)),
                    "{}",
                    answer.label
                );
            }
        }
    }
    // A step taken only for one answer says so on the arrow into it.
    let halden = plan("halden-vgs");
    let all: Vec<String> = halden
        .situations
        .iter()
        .flat_map(|s| flowchart(&halden, s).edges)
        .filter_map(|e| e.label)
        .collect();
    assert!(
        all.iter().any(|l| l.contains("bare når: Under 18 år")),
        "{all:?}"
    );
}

#[test]
fn every_route_is_a_path_through_the_chart() {
    // Each step a route takes is a box, and consecutive steps of a route
    // are joined by a path of arrows.
    for (_, plan) in every_plan() {
        for situation in &plan.situations {
            let chart = flowchart(&plan, situation);
            let index = |id: &str| {
                chart
                    .nodes
                    .iter()
                    .position(|n| n.kind == Kind::Step && n.id == id)
                    .unwrap()
            };
            let reach = |from: usize, to: usize| {
                let mut seen = vec![false; chart.nodes.len()];
                let mut todo = vec![from];
                while let Some(n) = todo.pop() {
                    if n == to {
                        return true;
                    }
                    if std::mem::replace(&mut seen[n], true) {
                        continue;
                    }
                    todo.extend(chart.edges.iter().filter(|e| e.from == n).map(|e| e.to));
                }
                false
            };
            for facts in rusplan_domain::routes(&plan, &situation.id).unwrap() {
                let guidance = rusplan_domain::route(&plan, &situation.id, &facts).unwrap();
                let steps: Vec<usize> = guidance.steps.iter().map(|s| index(&s.step.id)).collect();
                for pair in steps.windows(2) {
                    assert!(
                        reach(pair[0], pair[1]),
                        "{} {}: {pair:?}",
                        plan.id,
                        situation.id
                    );
                }
                if let (Some(start), Some(first)) = (chart.start, steps.first()) {
                    assert!(reach(start, *first), "{} {}", plan.id, situation.id);
                }
            }
        }
    }
}

#[test]
fn text_in_the_svg_is_escaped_and_wrapped() {
    let mut plan = plan("kjentmann-brosjyre");
    let situation = &mut plan.situations[0];
    let Node::Steps { steps, .. } = situation
        .nodes
        .iter_mut()
        .find(|n| matches!(n, Node::Steps { .. }))
        .unwrap()
    else {
        unreachable!()
    };
    steps[0].text = "<script>alert(\"x\")</script> & 'så' ".repeat(8);
    steps[0].id = "a\"b".into();
    let svg = to_svg(&flowchart(&plan, &plan.situations[0]), "p");
    assert!(!svg.contains("<script>"));
    assert!(svg.contains(">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;"));
    assert!(svg.contains("&#39;så&#39;"));
    assert!(svg.contains("data-id=\"a&quot;b\""));
    assert!(
        svg.matches("<tspan").count() > 8,
        "a long text is wrapped over lines"
    );
    assert_eq!(escape("a\u{7}b"), "a b");
    assert_eq!(wrap("en to tre fire", 7), ["en to", "tre", "fire"]);
    assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    assert!(wrap("x ".repeat(200).as_str(), 32)
        .iter()
        .all(|l| l.chars().count() <= 32));
}

#[test]
fn charts_of_several_situations_have_distinct_ids() {
    let plan = plan("halden-vgs");
    let charts = flowchart::flowcharts(&plan);
    assert_eq!(charts.len(), plan.situations.len());
    let a = to_svg(&charts[0].1, "one");
    assert!(
        a.contains("id=\"one-arrow\"")
            && a.contains("url(#one-arrow)")
            && !a.contains("id=\"arrow\"")
    );
}

#[test]
fn every_plan_written_back_is_the_same_file() {
    for (json, plan) in every_plan() {
        let written = to_json(&plan);
        let file: serde_json::Value = serde_json::from_str(&json).unwrap();
        let back: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(back, file, "{}", plan.id);
        assert_eq!(
            rusplan_domain::load_plan(&written).unwrap(),
            plan,
            "{}",
            plan.id
        );
    }
}

#[test]
fn a_validator_path_is_found_in_the_file() {
    let json = plan_json("halden-vgs");
    let mut broken: Plan = plan("halden-vgs");
    let Node::Steps { steps, .. } = &mut broken.situations[2].nodes[0] else {
        panic!("alternativ-3 starts with steps")
    };
    steps[0].responsible = Some("rektr".into());
    let text = to_json(&broken);
    let errors = rusplan_domain::validate(&broken);
    let error = errors
        .iter()
        .find(|e| e.path.ends_with(".responsible"))
        .expect("the misspelt role is reported");
    assert_eq!(error.path, "$.situations[2].nodes[0].steps[0].responsible");
    let (start, end) = locate(&text, &error.path).unwrap();
    assert_eq!(&text[start..end], "\"rektr\"");

    // In the bundled file's own layout too, and through arrays of arrays.
    let (start, end) = locate(&json, "$.situations[1].nodes[1].question").unwrap();
    assert_eq!(
        &json[start..end],
        format!(
            "{:?}",
            match &plan("halden-vgs").situations[1].nodes[1] {
                Node::Question { question, .. } => question.clone(),
                _ => panic!(),
            }
        )
    );
    let (start, end) = locate(&json, "$.contacts[3].source.lines").unwrap();
    assert!(json[start..end].starts_with('[') && json[start..end].ends_with(']'));
    // A field the file lacks: the object it is missing from.
    let (start, end) = locate(&json, "$.meta.nonexistent").unwrap();
    assert!(json[start..end].starts_with('{') && json[start..end].contains("\"school\""));
    // An index past the end: the array.
    let (start, _) = locate(&json, "$.situations[99].id").unwrap();
    assert_eq!(&json[start..start + 1], "[");
    assert_eq!(locate(&json, "$").unwrap(), (0, json.trim_end().len()));
    assert_eq!(locate("", "$.id"), None);
    assert_eq!(
        locate("{\"a\": \"x\\\"]}\", \"b\": 1 }", "$.b"),
        Some((20, 21))
    );
}

#[test]
fn a_text_edited_away_from_its_lines_is_a_departure_from_that_word() {
    let mut plan = plan("kjentmann-brosjyre");
    let sources = sources(&plan);
    assert!(trace::departures(&plan, &sources).is_empty());
    fn first_steps(plan: &mut Plan) -> &mut Vec<rusplan_domain::plan::Step> {
        let Node::Steps { steps, .. } = plan.situations[0]
            .nodes
            .iter_mut()
            .find(|n| matches!(n, Node::Steps { .. }))
            .unwrap()
        else {
            unreachable!()
        };
        steps
    }
    let steps = first_steps(&mut plan);
    let original = steps[0].text.clone();
    let words: Vec<&str> = original.split_whitespace().collect();
    assert!(words.len() > 3);
    steps[0].text = format!("{} {} straks {}", words[0], words[1], words[2..].join(" "));
    let departures = trace::departures(&plan, &sources);
    assert_eq!(departures.len(), 1, "{departures:?}");
    assert!(
        departures[0].path.starts_with("$.situations[0].nodes["),
        "{}",
        departures[0].path
    );
    assert_eq!(departures[0].from_word, Some(2));
    assert!(
        departures[0].to_string().contains("fra «straks»"),
        "{}",
        departures[0]
    );

    // Lines past the end of the document.
    let steps = first_steps(&mut plan);
    steps[0].text = original;
    steps[0].source.lines = [9000, 9001];
    let departures = trace::departures(&plan, &sources);
    assert_eq!(departures.len(), 1);
    assert_eq!(departures[0].from_word, None);
    // Without the document's text there is nothing to compare.
    assert!(trace::departures(&plan, &SourceLines::new()).is_empty());
}

#[test]
fn a_procedure_line_without_a_step_is_uncovered() {
    let mut plan = plan("halden-vgs");
    let sources = sources(&plan);
    assert!(trace::uncovered_lines(&plan, &sources).is_empty());
    let situation = plan
        .situations
        .iter_mut()
        .find(|s| s.id == "alternativ-3")
        .unwrap();
    let Node::Steps { steps, .. } = situation
        .nodes
        .iter_mut()
        .find(|n| matches!(n, Node::Steps { steps, .. } if steps.len() > 1))
        .unwrap()
    else {
        unreachable!()
    };
    let removed = steps.remove(0);
    let uncovered = trace::uncovered_lines(&plan, &sources);
    assert!(!uncovered.is_empty());
    let [first, last] = removed.source.lines;
    for u in &uncovered {
        assert_eq!(u.situation, "alternativ-3");
        assert!((first..=last).contains(&u.line), "{u:?}");
        assert_eq!(u.text, sources["halden"][u.line as usize - 1].trim());
    }
}
