//! The plans compiled into the app (see `build.rs`), parsed once on first use.

use rusplan_domain::Plan;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/bundled_plans.rs"));

/// The plan shown until the user picks another.
pub const DEFAULT_PLAN: &str = "halden-vgs";

static PLANS: OnceLock<Vec<Plan>> = OnceLock::new();

/// Every bundled plan, in file-name order.
pub fn all() -> &'static [Plan] {
    PLANS.get_or_init(|| {
        BUNDLED
            .iter()
            .map(|(_, json)| {
                // build.rs has validated every file, so plain serde_json will
                // do (the validator's path-tracking parser stays out of the wasm).
                serde_json::from_str(json).expect("bundled plan was validated at build time")
            })
            .collect()
    })
}

pub fn find(id: &str) -> Option<&'static Plan> {
    all().iter().find(|p| p.id == id)
}

/// The plan with this id, or the default one when the id is unknown (a
/// stored choice for a plan that is no longer bundled).
pub fn by_id(id: &str) -> &'static Plan {
    find(id).or_else(|| find(DEFAULT_PLAN)).unwrap_or(&all()[0])
}
