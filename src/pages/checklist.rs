//! The plan's warning signs to tick, then on to the situation that fits.

use crate::case_book::CaseBook;
use crate::page::{link, set_title};
use crate::router::use_router;
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::case::CaseEdit;
use rusplan_domain::plan::Sign;

#[component]
pub fn Checklist() -> impl IntoView {
    set_title("Sjekkliste");
    let state = expect_context::<AppState>();
    let book = expect_context::<CaseBook>();
    let router = use_router();
    move || {
        let plan = state.plan();
        let start_case = move |_| {
            let signs = state
                .signs
                .with_untracked(|s| s.get(&plan.id).cloned().unwrap_or_default());
            let id = book.create(&plan.id);
            for sign in signs {
                book.edit(&id, CaseEdit::Sign { sign, ticked: true });
            }
            router.navigate(&format!("/saker/{id}"));
        };
        let Some(checklist) = &plan.checklist else {
            return view! {
                <h1>"Sjekkliste"</h1>
                <p>"Denne planen har ingen sjekkliste."</p>
            }
            .into_any();
        };
        let total: usize = checklist.groups.iter().map(|g| g.signs.len()).sum();
        let ticked = move || {
            state
                .signs
                .with(|s| s.get(&plan.id).map_or(0, |set| set.len()))
        };
        view! {
            <h1>{checklist.title.clone()}</h1>
            {checklist.gut_feeling.as_ref().map(|g| view! { <blockquote class="gut-feeling">{g.text.clone()}</blockquote> })}
            {checklist
                .groups
                .iter()
                .map(|group| view! {
                    <fieldset class="signs">
                        <legend>{group.title.clone().unwrap_or_else(|| "Tegn du kan se etter".to_owned())}</legend>
                        {group.signs.iter().map(|sign| view! { <SignBox plan_id=plan.id.clone() sign=sign/> }).collect_view()}
                    </fieldset>
                })
                .collect_view()}
            <p class="tally" role="status">{move || format!("{} av {total} krysset av", ticked())}</p>
            <button type="button" class="button secondary" on:click=start_case>"Start en sak med disse tegnene"</button>
            <section aria-labelledby="next-title">
                <h2 id="next-title">"Gå videre til situasjonen som passer"</h2>
                <ul class="situations compact" role="list">
                    {plan
                        .situations
                        .iter()
                        .map(|s| view! {
                            <li>
                                <a class="situation" class:acute=s.acute href=link(&format!("/situasjon/{}/", s.id))>
                                    <span class="situation-label">{s.label.clone()}</span>
                                </a>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
        .into_any()
    }
}

#[component]
fn SignBox(plan_id: String, sign: &'static Sign) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = format!("sign-{}", sign.id);
    let checked = {
        let plan_id = plan_id.clone();
        move || {
            state
                .signs
                .with(|s| s.get(&plan_id).is_some_and(|set| set.contains(&sign.id)))
        }
    };
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        state.signs.update(|s| {
            let set = s.entry(plan_id.clone()).or_default();
            if on {
                set.insert(sign.id.clone());
            } else {
                set.remove(&sign.id);
            }
        })
    };
    view! {
        <div class="check">
            <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle/>
            <label for=id>{sign.text.clone()}</label>
        </div>
    }
}
