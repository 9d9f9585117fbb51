//! Deliberately broken plans, each rejected with a message that says where
//! the problem is, what is wrong and how to fix it.
//!
//! Each case starts from `plans/minimal.json` (a small valid plan) and
//! breaks one thing, so the expected message is the only one.

use rusplan_domain::{load_plan, PlanError};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("plans/minimal.json");

fn minimal() -> Value {
    serde_json::from_str(MINIMAL).unwrap()
}

fn errors_after(break_it: impl FnOnce(&mut Value)) -> Vec<PlanError> {
    let mut plan = minimal();
    break_it(&mut plan);
    match load_plan(&plan.to_string()) {
        Ok(_) => panic!("the broken plan was accepted"),
        Err(errors) => errors,
    }
}

/// The one error, checked for path and for words in problem and fix.
fn assert_one(errors: &[PlanError], path: &str, problem: &str, fix: &str) {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(e.path, path, "{e}");
    assert!(
        e.problem.contains(problem),
        "problem «{}» should say «{problem}»",
        e.problem
    );
    assert!(e.fix.contains(fix), "fix «{}» should say «{fix}»", e.fix);
}

fn steps(plan: &mut Value) -> &mut Value {
    &mut plan["situations"][0]["nodes"][1]["steps"]
}

#[test]
fn the_minimal_plan_is_valid() {
    load_plan(MINIMAL).unwrap();
}

#[test]
fn unknown_role() {
    let errors = errors_after(|p| steps(p)[0]["contact"] = json!(["rektr"]));
    assert_one(
        &errors,
        "$.situations[0].nodes[1].steps[0].contact[0]",
        "rollen «rektr» finnes ikke",
        "\"roles\"",
    );
}

#[test]
fn unknown_role_of_a_contact() {
    let errors = errors_after(|p| p["contacts"][0]["roles"] = json!(["rektor"]));
    assert_one(
        &errors,
        "$.contacts[0].roles[0]",
        "rollen «rektor» finnes ikke",
        "\"roles\"",
    );
}

#[test]
fn duplicate_ids() {
    let errors = errors_after(|p| steps(p)[1]["id"] = json!("ledelse"));
    assert_one(
        &errors,
        "$.situations[0].nodes[*].steps[1].id",
        "«ledelse» er brukt mer enn én gang",
        "egen id",
    );
}

#[test]
fn a_question_with_no_way_on() {
    let errors = errors_after(|p| {
        p["situations"][0]["nodes"][0]["next"]
            .as_object_mut()
            .unwrap()
            .remove("over-18");
    });
    assert_one(
        &errors,
        "$.situations[0].nodes[0].next",
        "«18 år eller eldre» på «Er eleven under 18 år?» fører ingen steder",
        "\"over-18\"",
    );
}

#[test]
fn a_way_to_nowhere() {
    let errors =
        errors_after(|p| p["situations"][0]["nodes"][0]["next"]["over-18"] = json!("tiltk"));
    assert_one(
        &errors,
        "$.situations[0].nodes[0].next.over-18",
        "«tiltk», som ikke finnes",
        "\"nodes\"",
    );
}

#[test]
fn an_unreachable_node() {
    let errors = errors_after(|p| {
        p["situations"][0]["nodes"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "id": "glemt", "type": "end" }));
    });
    assert_one(
        &errors,
        "$.situations[0].nodes[2]",
        "«glemt» kan ikke nås",
        "fjern det",
    );
}

#[test]
fn a_cycle() {
    let errors = errors_after(|p| p["situations"][0]["nodes"][1]["next"] = json!("alder"));
    assert_one(
        &errors,
        "$.situations[0].nodes[1]",
        "kan gå i ring",
        "må ende",
    );
}

#[test]
fn a_route_without_the_documentation_step() {
    let errors = errors_after(|p| {
        let referat = &mut steps(p)[2];
        referat["when"] = json!({ "question": "alder", "answer_in": ["under-18"] });
    });
    assert_one(
        &errors,
        "$.situations[0]",
        "veien [alder = over-18]",
        "\"documents\": true",
    );
}

#[test]
fn a_malformed_phone_number() {
    let errors = errors_after(|p| p["contacts"][0]["phone"] = json!("900 00 00O"));
    assert_one(
        &errors,
        "$.contacts[0].phone",
        "«900 00 00O» til Rektor kan ikke ringes",
        "\"900 00 000\"",
    );
    let errors = errors_after(|p| p["contacts"][0]["phone"] = json!("900 00"));
    assert_one(&errors, "$.contacts[0].phone", "5 sifre", "sifre");
    let errors = errors_after(|p| p["contacts"][0]["phone"] = json!("1234 5678 9"));
    assert_one(&errors, "$.contacts[0].phone", "9 sifre", "sifre");
}

#[test]
fn a_missing_revision_date() {
    let errors = errors_after(|p| {
        p["meta"].as_object_mut().unwrap().remove("next_revision");
    });
    assert_one(
        &errors,
        "$.meta.next_revision",
        "mangler dato for neste revisjon",
        "\"undated_reason\"",
    );
    let errors = errors_after(|p| p["meta"]["next_revision"] = json!("juni 2027"));
    assert_one(
        &errors,
        "$.meta.next_revision",
        "«juni 2027» er ikke en dato",
        "2026-06",
    );
}

#[test]
fn a_condition_on_an_answer_the_question_lacks() {
    let errors = errors_after(|p| steps(p)[1]["when"]["answer_in"] = json!(["under-16"]));
    assert_one(
        &errors,
        "$.situations[0].nodes[1].steps[1].when.answer_in[0]",
        "har ikke svaret «under-16»",
        "under-18, over-18",
    );
}

#[test]
fn a_source_citing_an_unknown_document() {
    let errors = errors_after(|p| steps(p)[0]["source"]["document"] = json!("planen"));
    assert_one(
        &errors,
        "$.situations[0].nodes[1].steps[0].source.document",
        "«planen»",
        "\"documents\"",
    );
}

#[test]
fn a_misspelt_field_is_named_with_its_path() {
    let errors = errors_after(|p| {
        let step = steps(p)[0].as_object_mut().unwrap();
        let urgency = step.remove("urgency").unwrap();
        step.insert("urgancy".into(), urgency);
    });
    // Nodes are tagged by "type", so serde reports the node, not the step.
    assert_one(
        &errors,
        "$.situations[0].nodes[1]",
        "unknown field `urgancy`",
        "docs/plan-format.md",
    );
}

#[test]
fn a_wrong_type_is_named_with_its_path() {
    let errors = errors_after(|p| p["contacts"][0]["roles"] = json!("ledelse"));
    assert_one(
        &errors,
        "$.contacts[0].roles",
        "kan ikke leses",
        "docs/plan-format.md",
    );
}

#[test]
fn broken_json_syntax_points_at_the_line() {
    let broken = MINIMAL.replacen(
        "\"title\": \"Handlingsplan mot rus\",",
        "\"title\": \"Handlingsplan mot rus\"",
        1,
    );
    let errors = load_plan(&broken).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].fix.contains("linje 7"), "{}", errors[0]);
}

#[test]
fn the_validator_command_explains_and_fails() {
    let dir = std::env::temp_dir().join(format!("rusplan-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.json");
    let mut plan = minimal();
    steps(&mut plan)[0]["contact"] = json!(["rektr"]);
    std::fs::write(&file, plan.to_string()).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_validate-plan"))
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("broken.json: 1 feil"), "{stderr}");
    assert!(stderr.contains("rollen «rektr» finnes ikke"), "{stderr}");
    assert!(stderr.contains("Slik retter du det"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_validator_command_accepts_the_bundled_plans() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/plans");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_validate-plan"))
        .arg(root.join("halden-vgs.json"))
        .arg(root.join("kjentmann-brosjyre.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("halden-vgs.json: OK – Halden videregående skole (4 situasjoner, 12 veier"),
        "{stdout}"
    );
    assert!(stdout.contains("kjentmann-brosjyre.json: OK"), "{stdout}");
}

#[test]
fn a_pupil_question_that_does_not_exist() {
    let errors = errors_after(|p| p["pupil_questions"] = json!(["alderen"]));
    assert_one(
        &errors,
        "$.pupil_questions[0]",
        "«alderen» finnes ikke",
        "\"questions\"",
    );
}

#[test]
fn advice_for_a_situation_the_plan_lacks() {
    let src = json!({ "document": "plan", "section": "Taushetsplikt", "lines": [5, 5] });
    let errors = errors_after(|p| {
        p["confidentiality"] = json!({ "text": [], "advice": [
            { "text": "Søk råd.", "situations": ["ruset"], "source": src },
            { "text": "Ikke alene.", "situations": ["rusett"], "source": src }
        ] });
    });
    assert_one(
        &errors,
        "$.confidentiality.advice[1].situations[0]",
        "situasjonen «rusett» finnes ikke",
        "\"situations\"",
    );
}

#[test]
fn a_translation_of_a_text_the_plan_no_longer_has() {
    let errors = errors_after(|p| {
        let title = p["situations"][0]["title"].as_str().unwrap().to_owned();
        p["translations"] =
            json!({ "en": { title.clone(): "Kept", format!("{title} (før)"): "Stale" } });
    });
    assert_one(
        &errors,
        "$.translations.en",
        "hører ikke til noen tekst i planen",
        "oversett den nye teksten",
    );
    assert!(errors[0].problem.contains("(før)"), "{}", errors[0].problem);
}
