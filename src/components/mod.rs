//! Pieces several pages draw.

pub mod call;
pub mod confirm;
pub mod copy;
pub mod damaged;
pub mod draft_text;
pub mod emergency;
pub mod follow_ups;
pub mod insecure_host;
pub mod lock;
pub mod plan_switch;
pub mod qr;
pub mod revision;
pub mod share;
pub mod unsaved;

/// Marks what the app adds to the plan for privacy: no plan says it.
pub const OWN_CHOICE: &str = "Rusplans eget personvernvalg, ikke planens.";
