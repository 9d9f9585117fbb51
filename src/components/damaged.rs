//! A stored entry the app cannot read: its problem, its text to download,
//! and deleting it behind a confirmation. Never deleted unasked: the text
//! may be all that is left of a draft.

use crate::browser;
use crate::components::confirm::ConfirmButton;
use leptos::prelude::*;

#[component]
pub fn DamagedEntry(
    problem: String,
    raw: String,
    /// The download's name: says what, never who.
    file_name: &'static str,
    /// What is deleted, e.g. "det skadde utkastet".
    what: &'static str,
    on_delete: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="damaged-entry">
            <p>{problem}</p>
            <div class="row">
                <button type="button" class="button secondary"
                    on:click=move |_| browser::download_text(file_name, &raw)>
                    "Last ned teksten"
                </button>
                <ConfirmButton open_label=format!("Slett {what} …")
                    question=format!("Slette {what}? Last ned teksten først hvis du trenger den. Det kan ikke angres.")
                    confirm_label=format!("Ja, slett {what}") on_confirm=on_delete/>
            </div>
        </div>
    }
}
