use crate::page::{link, set_title};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Fant ikke siden");
    view! {
        <h1>"Fant ikke siden"</h1>
        <p>"Denne adressen finnes ikke i Rusplan."</p>
        <a class="button" href=link("/")>"Til forsiden"</a>
    }
}
