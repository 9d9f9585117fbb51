//! The printable handout with the QR code (`foresatte.html?foresatte=<plan>
//! &utskrift`, built by scripts/postbuild.mjs): a program of its own, so
//! staff phones never carry the QR encoder. The parents' page itself is a
//! static file per plan and language (`crates/prerender`); older links to
//! `foresatte.html` are sent there by the page's script before this runs.

use leptos::prelude::*;
use rusplan::page::{link, query_param};
use rusplan::pages::handout::Handout;
use rusplan::plans;

fn main() {
    match query_param("foresatte").and_then(|id| plans::find(&id)) {
        Some(plan) => leptos::mount::mount_to_body(move || view! { <Handout plan=plan/> }),
        None => leptos::mount::mount_to_body(|| {
            view! {
                <main id="main" class="parents">
                    <h1>"Fant ikke planen"</h1>
                    <p>"Lenken peker på en plan som ikke finnes i denne versjonen av Rusplan."</p>
                    <a class="button" href=link("/")>"Til Rusplan"</a>
                </main>
            }
        }),
    }
}
