//! A destructive action behind a second, explicit step.

use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    /// The button that opens the question, e.g. "Slett utkastet …".
    #[prop(into)]
    open_label: String,
    #[prop(into)] question: String,
    #[prop(into)] confirm_label: String,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    move || {
        let (question, confirm_label) = (question.clone(), confirm_label.clone());
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
            view! { <button type="button" class="button secondary" on:click=move |_| asking.set(true)>{open_label.clone()}</button> }
                .into_any()
        }
    }
}
