//! "Kopier …": copies a text and sets `status` to say whether it worked
//! (the page shows `status` in a live region where it fits).

use crate::browser;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CopyButton(
    text: String,
    label: &'static str,
    /// Said when it worked, e.g. "Lenken er kopiert."
    done: &'static str,
    status: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            let ok = browser::copy_text(&text).await;
            status.set(Some(if ok {
                done
            } else {
                "Kunne ikke kopiere. Marker teksten og kopier den selv."
            }));
        });
    };
    view! { <button type="button" class="button" on:click=copy>{label}</button> }
}
