//! One file per screen.

pub mod case;
pub mod cases;
pub mod checklist;
pub mod contacts;
pub mod handout;
pub mod home;
pub mod not_found;
pub mod parents;
pub mod plan_info;
pub mod practice;
pub mod procedure;
pub mod referat;
pub mod studio;
pub mod studio_build;
pub mod studio_change;
pub mod studio_preview;
