//! The warning that a plan is past its revision date.

use crate::browser;
use leptos::prelude::*;
use rusplan_domain::revision::is_overdue;
use rusplan_domain::Plan;

#[component]
pub fn RevisionWarning(plan: &'static Plan) -> impl IntoView {
    let meta = &plan.meta;
    let overdue = is_overdue(meta.next_revision.as_deref(), browser::today());
    let when = meta
        .next_revision_text
        .clone()
        .or_else(|| meta.next_revision.clone())
        .unwrap_or_default();
    overdue.then(|| {
        view! {
            <p class="warning">
                <strong>"Planen kan være utdatert: "</strong>
                {format!("den skulle vært revidert {when}. Sjekk med skolens ledelse at rutinene fortsatt gjelder.")}
            </p>
        }
    })
}
