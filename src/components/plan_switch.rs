//! Choosing which bundled plan the app follows; remembered on the device.

use crate::plans;
use crate::state::AppState;
use leptos::prelude::*;

#[component]
pub fn PlanSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    let choose = move |ev| state.choose_plan(&event_target_value(&ev));
    view! {
        <div class="plan-switch">
            <label for="plan-select">"Skolens plan"</label>
            <select id="plan-select" on:change=choose>
                {plans::all()
                    .into_iter()
                    .map(|p| {
                        let selected = move || state.plan_id.read() == p.id;
                        view! { <option value=p.id.clone() selected=selected>{format!("{} – {}", p.meta.school, p.meta.title)}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
