//! The national emergency numbers. Not from any plan, and it says so.

use crate::practice::Practice;
use leptos::prelude::*;

/// The numbers and whom they reach, for practice's buttons (the links
/// below say the same).
pub const NUMBERS: [(&str, &str); 2] = [
    ("113", "Medisinsk nødhjelp"),
    ("112", "Politi, nødsituasjon"),
];

#[component]
pub fn EmergencyLine() -> impl IntoView {
    // In practice the buttons do not dial (none is provided ahead of time).
    let calls = match Practice::here() {
        Some(practice) => (practice.emergency_calls)(),
        None => view! {
            <a class="call call-emergency" href="tel:113">
                <span class="call-name">"Ring 113"</span>
                <span class="call-detail">"Medisinsk nødhjelp"</span>
            </a>
            <a class="call call-emergency" href="tel:112">
                <span class="call-name">"Ring 112"</span>
                <span class="call-detail">"Politi, nødsituasjon"</span>
            </a>
        }
        .into_any(),
    };
    view! {
        <aside class="emergency" aria-labelledby="emergency-title">
            <h2 id="emergency-title">"Fare for liv eller helse?"</h2>
            <div class="emergency-calls">{calls}</div>
            <p class="general-info">"Generell informasjon – ikke fra skolens plan."</p>
        </aside>
    }
}
