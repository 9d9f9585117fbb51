//! Pieces several pages draw.

pub mod call;
pub mod confirm;
pub mod copy;
pub mod emergency;
pub mod plan_switch;
pub mod qr;
pub mod revision;
pub mod share;
