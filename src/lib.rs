//! Rusplan's web shell: a thin Leptos (CSR) layer over `rusplan_domain`.
//! Pages render the domain's answers and turn taps into its inputs;
//! browser-only code lives in `storage`, `case_store`, `browser`, `pwa`
//! and `page`.

pub mod app;
pub mod browser;
pub mod case_book;
pub mod case_store;
pub mod components;
pub mod page;
pub mod pages;
pub mod passkey;
pub mod plans;
pub mod practice;
pub mod pwa;
pub mod router;
pub mod seal;
pub mod state;
pub mod storage;
pub mod vault;

pub use app::App;
