//! Shared by the integration tests: the bundled plans, read from disk the
//! same way the app compiles them in.

#![allow(dead_code)]

use rusplan_domain::Plan;
use std::path::PathBuf;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub const BUNDLED: [&str; 2] = ["halden-vgs", "kjentmann-brosjyre"];

pub fn plan_json(id: &str) -> String {
    let path = repo_root().join(format!("assets/plans/{id}.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn plan(id: &str) -> Plan {
    rusplan_domain::load_plan(&plan_json(id)).unwrap_or_else(|errors| {
        let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{id} is not valid:\n{}", all.join("\n"))
    })
}

pub fn source_lines(plan: &Plan, document: &str) -> Vec<String> {
    let file = plan
        .documents
        .iter()
        .find(|d| d.id == document)
        .and_then(|d| d.file.clone())
        .unwrap_or_else(|| panic!("document {document} has no file"));
    let path = repo_root().join("assets/plans/sources").join(file);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_owned)
        .collect()
}
