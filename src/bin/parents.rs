//! The parents' page as a program of its own (`foresatte.html`, built by
//! scripts/postbuild.mjs): a parent opening a shared link downloads this
//! small wasm, never the staff app, and staff phones never carry the
//! parents' page, the handout or the QR encoder in theirs. The pages are
//! the same components either way (`rusplan::pages::{parents, handout}`).

use leptos::prelude::*;
use rusplan::page::{link, query_param};
use rusplan::pages::handout::Handout;
use rusplan::pages::parents::{Language, ParentsPage};
use rusplan::plans;

fn main() {
    let language = Language::from_code(&query_param("lang").unwrap_or_default());
    let handout = query_param("utskrift").is_some();
    match query_param("foresatte").and_then(|id| plans::find(&id)) {
        Some(plan) if handout => {
            leptos::mount::mount_to_body(move || view! { <Handout plan=plan/> })
        }
        Some(plan) => leptos::mount::mount_to_body(move || {
            view! { <ParentsPage plan=plan language=language/> }
        }),
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
