//! What the app cannot offer on a plain-HTTP address: the browser withholds
//! offline use, installation and the clipboard outside a secure context.

use crate::browser;
use leptos::prelude::*;

#[component]
pub fn InsecureHostNote() -> impl IntoView {
    (!browser::secure_context()).then(|| {
        view! {
            <p class="warning insecure-host">
                "Denne adressen bruker ikke HTTPS. Her kan Rusplan ikke virke uten nett, \
                 ikke installeres, og ikke kopiere referatet (last det ned i stedet). \
                 Be den som har lagt ut Rusplan, om en https-adresse."
            </p>
        }
    })
}
