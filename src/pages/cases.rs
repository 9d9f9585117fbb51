//! The drafts on this device: open ones first, old ones flagged to be moved
//! to the school's records and deleted; damaged entries reported with their raw text;
//! and "delete all data on this device".

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::confirm::ConfirmButton;
use crate::components::damaged::DamagedEntry;
use crate::components::insecure_host::InsecureHostNote;
use crate::components::lock::LockSettings;
use crate::page::{link, set_title};
use crate::plans;
use crate::router::use_router;
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::case::{records_name, sort_for_list, Case};
use rusplan_domain::follow_up::has_due;

#[component]
pub fn Cases() -> impl IntoView {
    set_title("Saker");
    let book = expect_context::<CaseBook>();
    let state = expect_context::<AppState>();
    let router = use_router();
    let new_case = move |_| {
        // Always a bundled plan's id, as the rest of the app resolves it.
        let id = book.create(&plans::by_id(&state.plan_id.get_untracked()).id);
        router.navigate(&format!("/saker/{id}"));
    };
    let cases = move || {
        let mut cases = book.cases();
        sort_for_list(&mut cases);
        cases
    };
    let damaged = move || book.damaged();
    view! {
        <h1>"Saker"</h1>
        <p class="general-info">
            {move || format!(
                "Utkast lagres bare på denne enheten. Før referatet inn i {} og slett utkastet.",
                records_name(state.plan().records_system()),
            )}
        </p>
        <InsecureHostNote/>
        <div class="row">
            <button type="button" class="button" on:click=new_case>"Ny sak"</button>
        </div>
        <LockSettings/>
        {move || {
            let cases = cases();
            if cases.is_empty() {
                view! { <p>"Ingen utkast på denne enheten."</p> }.into_any()
            } else {
                view! {
                    <ul class="case-list" role="list">
                        {cases.into_iter().map(|case| view! { <CaseRow case=case/> }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }}
        {move || {
            let damaged = damaged();
            (!damaged.is_empty()).then(|| view! {
                <section class="damaged" aria-labelledby="damaged-title">
                    <h2 id="damaged-title">"Utkast som ikke kan leses"</h2>
                    <p class="warning" role="alert">
                        {format!("{} utkast på enheten kan ikke åpnes. De andre sakene er ikke berørt. \
                                  Last ned teksten for å ta vare på det som står der.", damaged.len())}
                    </p>
                    <ul role="list">
                        {damaged.into_iter().map(|entry| {
                            let key = entry.key;
                            view! {
                                <li>
                                    <DamagedEntry problem=entry.problem raw=entry.raw file_name="rusplan-skadet-utkast.txt"
                                        what="det skadde utkastet" on_delete=Callback::new(move |()| book.delete(&key))/>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            })
        }}
        <MaxAge/>
        <DeleteAll/>
    }
}

#[component]
fn CaseRow(case: Case) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let now = browser::now_millis();
    let plan = plans::find(&case.plan_id);
    let situation = plan
        .and_then(|p| case.situation.as_deref().and_then(|s| p.situation(s)))
        .map(|s| s.label.clone())
        .unwrap_or_else(|| "Ingen situasjon valgt".to_owned());
    let age = match case.days_since_change(now) {
        0 => "endret i dag".to_owned(),
        1 => "endret i går".to_owned(),
        n => format!("endret for {n} dager siden"),
    };
    let max = book.max_age_days.get_untracked();
    let system = plan.and_then(|p| p.records_system());
    let overdue = case.is_overdue(now, max);
    let due = plan.is_some_and(|p| has_due(p, &case, crate::browser::today()));
    view! {
        <li>
            <a class="case-row" class:overdue=overdue href=link(&format!("/saker/{}", case.id))>
                <span class="case-title">{case.title().to_owned()}</span>
                <span class="case-detail">{situation}</span>
                <span class="case-detail">{format!("{} · {age}", case.status.label(system))}</span>
                {due.then(|| view! { <span class="badge">"Har steg med frist i planen, eller en dato som er nådd"</span> })}
                {overdue.then(|| view! {
                    <span class="badge urgent">{format!("Uendret i {max} dager eller mer: før inn i {} og slett", records_name(system))}</span>
                })}
            </a>
        </li>
    }
}

#[component]
fn MaxAge() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let change = move |ev| {
        if let Ok(days) = event_target_value(&ev).parse::<u32>() {
            if days > 0 {
                book.set_max_age_days(days);
            }
        }
    };
    view! {
        <div class="field">
            <label for="max-age">"Flagg utkast som ikke er endret på (dager)"</label>
            <input id="max-age" type="number" min="1" inputmode="numeric" aria-describedby="max-age-note"
                prop:value=move || book.max_age_days.get().to_string() on:change=change/>
            <p id="max-age-note" class="general-info">
                {format!("Rusplans eget personvernvalg, ikke planens: {} dager hvis du ikke endrer det.", crate::case_book::DEFAULT_MAX_AGE_DAYS)}
            </p>
            {move || book.setting_problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
        </div>
    }
}

/// "Slett alle data på denne enheten", confirmed in a second step.
#[component]
fn DeleteAll() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let state = expect_context::<AppState>();
    let done = RwSignal::new(false);
    let delete = Callback::new(move |()| {
        book.delete_all();
        state.forget_device_data();
        done.set(true);
    });
    view! {
        <section class="danger" aria-labelledby="delete-all-title">
            <h2 id="delete-all-title">"Slett alle data på denne enheten"</h2>
            <p>"Sletter alle utkast, numre du har lagt til og valgt plan. Det kan ikke angres."</p>
            <ConfirmButton open_label="Slett alle data …" question="Er du sikker? Alt Rusplan har lagret her blir borte."
                confirm_label="Ja, slett alt" on_confirm=delete/>
            <p role="status">{move || done.get().then_some("Alle data på denne enheten er slettet.")}</p>
        </section>
    }
}
