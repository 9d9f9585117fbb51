//! Pieces several pages draw.

pub mod call;
pub mod emergency;
pub mod plan_switch;
pub mod revision;
