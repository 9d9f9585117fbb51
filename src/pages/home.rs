//! Home: the plan's situations as large buttons, the acute ones first.

use crate::case_book::CaseBook;
use crate::components::emergency::EmergencyLine;
use crate::components::revision::RevisionWarning;
use crate::page::{link, set_title};
use crate::plans;
use crate::state::AppState;
use crate::vault::LockState;
use leptos::prelude::*;
use rusplan_domain::follow_up::count_due;
use rusplan_domain::Plan;

#[component]
pub fn Home() -> impl IntoView {
    set_title("");
    let state = expect_context::<AppState>();
    view! {
        {move || view! { <HomeScreen plan=state.plan() revision=true/> }}
        <DueCount/>
    }
}

/// How many drafts have a step the plan gives an urgency (not done) or a
/// date that has come (`follow_up::has_due`): a number, never a pupil.
/// Sealed drafts cannot be read here (the calm program opens them with the
/// PIN), so with a PIN the count comes from the plain due records kept
/// beside them (`follow_up::DueMark`), best effort.
#[component]
fn DueCount() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    move || {
        // Read with the book, so a write reported counts anew.
        let cases = book.cases();
        let today = crate::browser::today();
        let due = match book.lock_state() {
            LockState::NoPin => count_due(&cases, plans::find, today),
            _ => crate::case_store::count_due_recorded(today),
        };
        (due > 0).then(|| {
            let text = match due {
                1 => "1 sak har steg med frist i planen, eller en dato som er nådd.".to_owned(),
                n => format!("{n} saker har steg med frist i planen, eller en dato som er nådd."),
            };
            view! { <p class="due-count"><a href=link("/saker/")>{text}</a></p> }
        })
    }
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
                            <a class="situation" class:acute=s.acute href=link(&format!("/situasjon/{}/", s.id))>
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
            <a class="button secondary" href=link("/sjekkliste/")>"Sjekkliste ved bekymring"</a>
            <a class="button secondary" href=link("/kontakter/")>"Kontakter"</a>
            <a class="button secondary" href=link("/plan/")>"Planen"</a>
            <a class="button secondary" href=link("/ovelse/")>"Øving"</a>
        </nav>
    }
}
