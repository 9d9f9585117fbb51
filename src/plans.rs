//! The plans compiled into the app (see `build.rs`). Each is parsed the
//! first time it is needed, so start-up parses only the chosen one.

use rusplan_domain::Plan;
use std::sync::OnceLock;

// BUNDLED and DEFAULT_PLAN (the one rule for the default: build.rs).
include!(concat!(env!("OUT_DIR"), "/bundled_plans.rs"));

/// One parsed plan per entry of `BUNDLED`, filled on first use.
fn parsed() -> &'static [OnceLock<Plan>] {
    static PARSED: OnceLock<Vec<OnceLock<Plan>>> = OnceLock::new();
    PARSED.get_or_init(|| BUNDLED.iter().map(|_| OnceLock::new()).collect())
}

fn plan_at(index: usize) -> &'static Plan {
    parsed()[index].get_or_init(|| {
        // build.rs validated and packed it; no JSON reader in the wasm.
        rusplan_domain::packed::unpack(BUNDLED[index].1).expect("packed by build.rs")
    })
}

/// Every bundled plan, in file-name order (parses them all: for the plan
/// switch, not for start-up).
pub fn all() -> Vec<&'static Plan> {
    (0..BUNDLED.len()).map(plan_at).collect()
}

pub fn find(id: &str) -> Option<&'static Plan> {
    BUNDLED
        .iter()
        .position(|(bundled, _)| *bundled == id)
        .map(plan_at)
}

/// The plan with this id, or the default one when the id is unknown (a
/// stored choice for a plan that is no longer bundled).
pub fn by_id(id: &str) -> &'static Plan {
    find(id).unwrap_or_else(|| find(DEFAULT_PLAN).expect("build.rs picked a bundled plan"))
}
