//! A one-page handout for a parents' meeting or a letter: the QR code and
//! the link to the parents' page. Part of the parents' program
//! (`foresatte.html?foresatte=<plan>&utskrift`, src/bin/parents.rs), so the
//! staff app carries no QR encoder. Printed from the browser.

use crate::browser;
use crate::components::qr::QrSvg;
use crate::page::{parents_link, set_title};
use leptos::prelude::*;
use rusplan_domain::Plan;

#[component]
pub fn Handout(plan: &'static Plan) -> impl IntoView {
    set_title("Utskrift til foresatte");
    let url = parents_link(&plan.id);
    view! {
        <main id="main" class="handout">
            <h1>"Informasjon til foresatte"</h1>
            <p class="handout-school">{format!("{} – {}", plan.meta.school, plan.meta.title)}</p>
            <p>"Skann koden med mobilen for å lese hva skolen gjør når den er bekymret for rus, hvilke tegn dere kan se etter, og hvor dere kan få hjelp."</p>
            <QrSvg text=url.clone() label="QR-kode med lenken til siden for foresatte"/>
            <p class="handout-link">{url}</p>
            <button type="button" class="button no-print" on:click=move |_| browser::print()>"Skriv ut"</button>
        </main>
    }
}
