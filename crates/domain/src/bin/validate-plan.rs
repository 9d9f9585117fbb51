//! `validate-plan FILE...`: checks plan files and explains every problem.
//!
//! Exit code 0 when all files are sound, 1 when any has problems, 2 on usage
//! errors. Used by the tests on every bundled plan and by schools writing
//! their own.

use std::process::ExitCode;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("Bruk: validate-plan PLANFIL.json [FLERE.json ...]");
        eprintln!("Sjekker at en handlingsplan er gyldig og forklarer hver feil.");
        return ExitCode::from(2);
    }
    let mut all_ok = true;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{file}: kan ikke leses: {err}");
                all_ok = false;
                continue;
            }
        };
        match rusplan_domain::load_plan(&text) {
            Ok(plan) => {
                let routes: usize = plan
                    .situations
                    .iter()
                    .map(|s| rusplan_domain::routes(&plan, &s.id).map_or(0, |r| r.len()))
                    .sum();
                println!(
                    "{file}: OK – {} ({} situasjoner, {routes} veier, {} roller, {} kontakter)",
                    plan.meta.school,
                    plan.situations.len(),
                    plan.roles.len(),
                    plan.contacts.len()
                );
            }
            Err(errors) => {
                all_ok = false;
                eprintln!("{file}: {} feil", errors.len());
                for error in errors {
                    eprintln!("  {file}: {error}");
                }
            }
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
