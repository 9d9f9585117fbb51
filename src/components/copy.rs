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
    /// Called once the text is on the clipboard.
    #[prop(optional)]
    on_copied: Option<Callback<()>>,
) -> impl IntoView {
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            let ok = browser::copy_text(&text).await;
            if let (true, Some(on_copied)) = (ok, on_copied) {
                on_copied.run(());
            }
            status.set(Some(if ok {
                done
            } else {
                "Kunne ikke kopiere. Marker teksten og kopier den selv."
            }));
        });
    };
    // Outside a secure context there is no clipboard to offer.
    browser::can_copy()
        .then(|| view! { <button type="button" class="button" on:click=copy>{label}</button> })
}
