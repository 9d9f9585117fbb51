//! Home: the plan's situations as large buttons, the acute ones first.

use crate::components::emergency::EmergencyLine;
use crate::components::revision::RevisionWarning;
use crate::page::{link, set_title};
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::Plan;

#[component]
pub fn Home() -> impl IntoView {
    set_title("");
    let state = expect_context::<AppState>();
    move || view! { <HomeScreen plan=state.plan() revision=true/> }
}

/// The home screen of a plan. Also rendered ahead of time into index.html
/// (`crates/prerender`), so it touches no browser API; `revision` draws the
/// overdue-revision warning, which depends on the day the app runs and is
/// left out ahead of time.
#[component]
pub fn HomeScreen(plan: &'static Plan, revision: bool) -> impl IntoView {
    let situations = plan.situations_by_urgency();
    let any_acute = situations.iter().any(|s| s.acute);
    view! {
        <h1>"Hva har skjedd?"</h1>
        <p class="plan-name">{format!("{} · {}", plan.meta.school, plan.meta.title)}</p>
        <ul class="situations" role="list">
            {situations
                .into_iter()
                .map(|s| {
                    view! {
                        <li>
                            <a class="situation" class:acute=s.acute href=link(&format!("/situasjon/{}", s.id))>
                                <span class="situation-label">{s.label.clone()}</span>
                                <span class="situation-source">{s.title.clone()}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {any_acute.then(|| view! { <EmergencyLine/> })}
        {revision.then(|| view! { <RevisionWarning plan=plan/> })}
        <nav class="home-links" aria-label="Mer i planen">
            <a class="button secondary" href=link("/sjekkliste")>"Sjekkliste ved bekymring"</a>
            <a class="button secondary" href=link("/kontakter")>"Kontakter"</a>
            <a class="button secondary" href=link("/plan")>"Planen"</a>
        </nav>
    }
}
