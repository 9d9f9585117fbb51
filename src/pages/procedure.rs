//! The guided procedure for one situation: the questions the plan needs,
//! then the steps in order with who, how soon and whom to call.

use crate::components::call::CallRole;
use crate::components::emergency::EmergencyLine;
use crate::page::{focus_by_id, set_title};
use crate::pages::not_found::NotFound;
use crate::state::{AppState, Run, RunKey};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use rusplan_domain::plan::{Question, Situation};
use rusplan_domain::{route, Guidance, GuidanceStep, Plan};

#[component]
pub fn Procedure() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    move || {
        let plan = state.plan();
        let id = params.read().get("id").unwrap_or_default();
        match plan.situation(&id) {
            Some(situation) => {
                view! { <SituationProcedure plan=plan situation=situation/> }.into_any()
            }
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn SituationProcedure(plan: &'static Plan, situation: &'static Situation) -> impl IntoView {
    set_title(&situation.label);
    let state = expect_context::<AppState>();
    let key: RunKey = (plan.id.clone(), situation.id.clone());
    let facts = Memo::new({
        let key = key.clone();
        move |_| state.run(&key).facts
    });
    let guidance =
        move || route(plan, &situation.id, &facts.get()).expect("the situation is in the plan");

    // After an answer, move focus to what it revealed, for keyboard and
    // screen-reader users (the question they answered is gone).
    Effect::new(move |previous: Option<()>| {
        facts.track();
        if previous.is_some() {
            request_animation_frame(|| focus_by_id("procedure-next"));
        }
    });

    view! {
        <header class="procedure-head" class:acute=situation.acute>
            <h1>{situation.label.clone()}</h1>
            <p class="situation-source">{format!("{} · {}", situation.title, plan.meta.school)}</p>
        </header>
        {situation.acute.then(|| view! { <EmergencyLine/> })}
        <Answered guidance_key=key.clone() plan=plan situation=situation/>
        {move || {
            let g = guidance();
            let key = key.clone();
            view! {
                <Steps guidance=g.clone() run_key=key.clone()/>
                {g.next_question.map(|q| view! { <Ask question=q run_key=key.clone() has_steps=!g.steps.is_empty()/> })}
                <AfterSteps guidance=g/>
            }
        }}
    }
}

/// What has been answered, with "back one answer" and "start again".
#[component]
fn Answered(
    guidance_key: RunKey,
    plan: &'static Plan,
    situation: &'static Situation,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = guidance_key;
    move || {
        let run = state.run(&key);
        let g = route(plan, &situation.id, &run.facts).expect("the situation is in the plan");
        let undo = run.before_restart.is_some();
        if g.answered.is_empty() && !undo {
            return None;
        }
        let (back_key, restart_key, undo_key) = (key.clone(), key.clone(), key.clone());
        let back = move |_| {
            state.update_run(&back_key, |run| {
                let g =
                    route(plan, &situation.id, &run.facts).expect("the situation is in the plan");
                run.facts = g.facts_before_last_answer(&run.facts);
            })
        };
        let restart = move |_| {
            state.update_run(&restart_key, |run| {
                let before = std::mem::take(run);
                run.before_restart = Some(Box::new(before));
            })
        };
        let undo_restart = move |_| {
            state.update_run(&undo_key, |run| {
                if let Some(before) = run.before_restart.take() {
                    *run = *before;
                }
            })
        };
        Some(view! {
            <section class="answered" aria-label="Svar så langt">
                <dl>
                    {g.answered
                        .iter()
                        .map(|(q, a)| view! {
                            <div class="answered-item">
                                <dt>{q.text.clone()}</dt>
                                <dd>{a.label.clone()}</dd>
                            </div>
                        })
                        .collect_view()}
                </dl>
                {undo.then(|| view! {
                    <p class="undo" role="status">
                        "Svarene er nullstilt. "
                        <button type="button" class="link-button" on:click=undo_restart>"Angre"</button>
                    </p>
                })}
                {(!g.answered.is_empty()).then(|| view! {
                    <div class="row">
                        <button type="button" class="link-button" on:click=back>"Endre siste svar"</button>
                        <button type="button" class="link-button" on:click=restart>"Start på nytt"</button>
                    </div>
                })}
            </section>
        })
    }
}

#[component]
fn Ask(question: &'static Question, run_key: RunKey, has_steps: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let title_id = format!("question-{}", question.id);
    // Before any step the question leads the screen and takes the focus target.
    let focus_id = (!has_steps).then_some("procedure-next");
    let labelled_by = title_id.clone();
    view! {
        <section class="question" aria-labelledby=labelled_by>
            <h2 id=focus_id tabindex="-1">
                <span id=title_id>{question.text.clone()}</span>
            </h2>
            <div class="answers">
                {question
                    .answers
                    .iter()
                    .map(|answer| {
                        let key = run_key.clone();
                        let choose = move |_| {
                            state.update_run(&key, |run: &mut Run| run.facts.answer(&question.id, &answer.id))
                        };
                        view! { <button type="button" class="answer" on:click=choose>{answer.label.clone()}</button> }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

#[component]
fn Steps(guidance: Guidance<'static>, run_key: RunKey) -> impl IntoView {
    (!guidance.steps.is_empty()).then(|| {
        view! {
            <section class="steps" aria-labelledby="procedure-next">
                <h2 id="procedure-next" tabindex="-1">"Dette gjør dere"</h2>
                <ol class="step-list">
                    {guidance
                        .steps
                        .into_iter()
                        .map(|step| view! { <StepItem step=step run_key=run_key.clone()/> })
                        .collect_view()}
                </ol>
            </section>
        }
    })
}

#[component]
fn StepItem(step: GuidanceStep<'static>, run_key: RunKey) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = step.step.id.clone();
    let checkbox_id = format!("step-{id}");
    let ticked = {
        let (key, id) = (run_key.clone(), id.clone());
        move || {
            state
                .runs
                .with(|runs| runs.get(&key).is_some_and(|r| r.ticked.contains(&id)))
        }
    };
    let toggle = move |ev| {
        let checked = event_target_checked(&ev);
        state.update_run(&run_key, |run| {
            if checked {
                run.ticked.insert(id.clone());
            } else {
                run.ticked.remove(&id);
            }
        })
    };
    let several = step.contacts.len() > 1;
    let done = ticked.clone();
    view! {
        <li class="step" class:done=done>
            <div class="step-head">
                <input type="checkbox" id=checkbox_id.clone() prop:checked=ticked on:change=toggle/>
                <label for=checkbox_id class="step-text">{step.step.text.clone()}</label>
            </div>
            {(step.responsible.is_some() || step.step.urgency.is_some()).then(|| view! {
                <p class="step-meta">
                    {step.step.urgency.clone().map(|u| view! { <span class="badge urgent">{u}</span> })}
                    {step.responsible.map(|r| view! { <span class="badge">{format!("Ansvar: {}", r.name)}</span> })}
                </p>
            })}
            {step.contacts.iter().map(|c| view! { <CallRole role=c.role show_role=several/> }).collect_view()}
            {step.meeting.map(|m| view! {
                <div class="meeting">
                    <h3>"Møtet"</h3>
                    <p>
                        <strong>"Deltakere: "</strong>
                        {m.participants.iter().map(|r| r.name.clone()).collect::<Vec<_>>().join(", ")}
                    </p>
                    <p><strong>"I møtet skal følgende skje:"</strong></p>
                    <ul>{m.agenda.iter().map(|item| view! { <li>{item.text.clone()}</li> }).collect_view()}</ul>
                </div>
            })}
        </li>
    }
}

/// Duty to inform for this pupil's age, the documentation rule, the end.
#[component]
fn AfterSteps(guidance: Guidance<'static>) -> impl IntoView {
    let complete = guidance.is_complete();
    let duty = (!guidance.duty_to_inform.is_empty()).then(|| {
        view! {
            <section class="duty" aria-labelledby="duty-title">
                <h2 id="duty-title">"Taushetsplikt og opplysningsplikt"</h2>
                <ul>{guidance.duty_to_inform.iter().map(|n| view! { <li>{n.text.clone()}</li> }).collect_view()}</ul>
            </section>
        }
    });
    // On a route whose documentation step is the rule itself, say it once.
    let rule = guidance
        .documentation
        .filter(|doc| !guidance.steps.iter().any(|s| s.step.text == doc.text));
    let documented_by_step = guidance.steps.iter().any(|s| s.step.documents);
    let documentation = complete.then(|| match rule {
        Some(doc) => view! {
            <section class="documentation" aria-labelledby="documentation-title">
                <h2 id="documentation-title">"Dokumentasjon"</h2>
                <p>{doc.text.clone()}</p>
            </section>
        }
        .into_any(),
        None if documented_by_step => ().into_any(),
        None => view! {
            <p class="general-info">"Denne planen sier ikke hvordan saken skal dokumenteres."</p>
        }
        .into_any(),
    });
    view! {
        {duty}
        {documentation}
        {complete.then(|| view! { <p class="end-of-plan">"Planen har ikke flere steg for denne situasjonen."</p> })}
    }
}
