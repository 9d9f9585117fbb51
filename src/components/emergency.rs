//! The national emergency numbers. Not from any plan, and it says so.

use leptos::prelude::*;

#[component]
pub fn EmergencyLine() -> impl IntoView {
    view! {
        <aside class="emergency" aria-labelledby="emergency-title">
            <h2 id="emergency-title">"Fare for liv eller helse?"</h2>
            <div class="emergency-calls">
                <a class="call call-emergency" href="tel:113">
                    <span class="call-name">"Ring 113"</span>
                    <span class="call-detail">"Medisinsk nødhjelp"</span>
                </a>
                <a class="call call-emergency" href="tel:112">
                    <span class="call-name">"Ring 112"</span>
                    <span class="call-detail">"Politi, nødsituasjon"</span>
                </a>
            </div>
            <p class="general-info">"Generell informasjon – ikke fra skolens plan."</p>
        </aside>
    }
}
