//! A destructive action behind a second, explicit step.

use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    /// The button that opens the question, e.g. "Slett utkastet …".
    open_label: &'static str,
    question: &'static str,
    confirm_label: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    move || {
        if asking.get() {
            view! {
                <div class="confirm" role="group" aria-label="Bekreft">
                    <p><strong>{question}</strong></p>
                    <div class="row">
                        <button type="button" class="button danger-button"
                            on:click=move |_| { asking.set(false); on_confirm.run(()) }>{confirm_label}</button>
                        <button type="button" class="button secondary" on:click=move |_| asking.set(false)>"Avbryt"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class="button secondary" on:click=move |_| asking.set(true)>{open_label}</button> }
                .into_any()
        }
    }
}
