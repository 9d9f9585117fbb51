//! Sharing the parents' page: the link to copy, the system share sheet
//! where the browser has one, and the way to the QR code and the printable
//! handout (in the parents' program, which carries the QR encoder).

use crate::browser;
use crate::components::copy::CopyButton;
use crate::page::{handout_link, parents_link};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rusplan_domain::Plan;

#[component]
pub fn ParentsShare(plan: &'static Plan) -> impl IntoView {
    let url = parents_link(&plan.id);
    let message = RwSignal::new(None::<&'static str>);
    let share = {
        let (url, title) = (
            url.clone(),
            format!("{} – informasjon til foresatte", plan.meta.school),
        );
        move |_| {
            let (url, title) = (url.clone(), title.clone());
            spawn_local(async move {
                browser::share_link(&title, &url).await;
            });
        }
    };
    view! {
        <section class="plan-section" aria-labelledby="share-title">
            <h2 id="share-title">"Del med foresatte"</h2>
            <p>"Foresatte får en side med skolens mål, hva skolen gjør når den er bekymret, tegn å se etter og hvor de kan få hjelp. Den viser aldri noe om en elev."</p>
            <div class="field">
                <label for="parents-link">"Lenke til siden for foresatte"</label>
                <input id="parents-link" type="text" readonly prop:value=url.clone()/>
            </div>
            <div class="row">
                <CopyButton text=url.clone() label="Kopier lenken" done="Lenken er kopiert." status=message/>
                {browser::can_share().then(|| view! { <button type="button" class="button secondary" on:click=share>"Del …"</button> })}
                <a class="button secondary" href=url.clone() target="_blank" rel="noopener">"Se siden"</a>
            </div>
            <p role="status">{move || message.get()}</p>
            <a class="button secondary" href=handout_link(&plan.id)>"QR-kode og utskrift til foreldremøtet"</a>
        </section>
    }
}
