//! The routing engine's time per route, natively: every route of every
//! bundled plan, many times over. Run by `scripts/bench.sh`.
//!
//!   cargo run --release -p rusplan-domain --example route_bench

use rusplan_domain::{load_plan, route, routes};
use std::time::Instant;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/plans");
    let mut cases = Vec::new();
    for file in ["halden-vgs.json", "kjentmann-brosjyre.json"] {
        let plan =
            load_plan(&std::fs::read_to_string(dir.join(file)).unwrap()).expect("valid plan");
        for situation in &plan.situations {
            for facts in routes(&plan, &situation.id).unwrap() {
                cases.push((plan.clone(), situation.id.clone(), facts));
            }
        }
    }
    const ROUNDS: usize = 20_000;
    let start = Instant::now();
    let mut steps = 0usize;
    for _ in 0..ROUNDS {
        for (plan, situation, facts) in &cases {
            steps += std::hint::black_box(route(plan, situation, facts).unwrap())
                .steps
                .len();
        }
    }
    let elapsed = start.elapsed();
    let per_route = elapsed.as_secs_f64() / (ROUNDS * cases.len()) as f64;
    println!(
        "engine: {} routes x {ROUNDS} rounds in {:.2} s = {:.2} µs per route ({steps} steps resolved)",
        cases.len(),
        elapsed.as_secs_f64(),
        per_route * 1e6
    );
}
