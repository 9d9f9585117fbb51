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
    // Focus follows the step: to the confirm button when the question
    // opens, back to the opener when it is cancelled (the focused button
    // is gone either way).
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    let open_ref = NodeRef::<leptos::html::Button>::new();
    let focus = |button: NodeRef<leptos::html::Button>| {
        request_animation_frame(move || {
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        })
    };
    move || {
        let (question, confirm_label) = (question.clone(), confirm_label.clone());
        if asking.get() {
            view! {
                <div class="confirm" role="group" aria-label="Bekreft">
                    <p><strong>{question}</strong></p>
                    <div class="row">
                        <button type="button" class="button danger-button" node_ref=confirm_ref
                            on:click=move |_| { asking.set(false); on_confirm.run(()) }>{confirm_label}</button>
                        <button type="button" class="button secondary"
                            on:click=move |_| { asking.set(false); focus(open_ref) }>"Avbryt"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <button type="button" class="button secondary" node_ref=open_ref
                on:click=move |_| { asking.set(true); focus(confirm_ref) }>{open_label.clone()}</button> }
                .into_any()
        }
    }
}
