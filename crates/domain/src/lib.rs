//! Rusplan's domain: a school's plan as data, its validation, and the
//! routing engine that turns a situation and the facts known so far into
//! guidance. Pure Rust: no browser crate may ever be a dependency here.

pub mod calendar;
pub mod case;
pub mod case_book;
pub mod device_contact;
pub mod engine;
pub mod flowchart;
pub mod follow_up;
pub mod identity_number;
pub mod json;
pub mod lock;
pub mod packed;
pub mod parents;
pub mod phone;
pub mod plan;
pub mod plan_edit;
pub mod plan_file;
pub mod practice;
pub mod referat;
pub mod revision;
pub mod self_check;
pub mod store;
pub mod text;
pub mod time;
pub mod trace;
pub mod validate;

pub use engine::{
    route, routes, Callee, Facts, Guidance, GuidanceStep, MeetingGuidance, RouteError,
};
pub use plan::Plan;
pub use validate::{load_plan, parse_plan, validate, PlanError};
