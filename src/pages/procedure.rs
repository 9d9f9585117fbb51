//! The guided procedure for one situation: the questions the plan needs,
//! then the steps in order with who, how soon and whom to call. Running it
//! fills a case: answers, ticked steps (with the time) and calls made from
//! its buttons are recorded in a draft on the device.

use crate::browser;
use crate::case_book::{CaseBook, ProcedureKey};
use crate::components::call::{CallLogger, CallRole};
use crate::components::emergency::EmergencyLine;
use crate::components::lock::LockedLog;
use crate::page::{focus_by_id, link, set_title};
use crate::pages::not_found::NotFound;
use crate::state::AppState;
use crate::vault::LockState;
use leptos::prelude::*;
use rusplan_domain::case::{Case, CaseEdit};
use rusplan_domain::plan::{Question, Situation};
use rusplan_domain::time::clock;
use rusplan_domain::{route, Facts, Guidance, GuidanceStep, Plan};

#[component]
pub fn Procedure(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let plan = state.plan();
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
    let book = expect_context::<CaseBook>();
    // Practice (pages/practice.rs) says so in the title and the heading, in
    // words; its book stores nothing, so no banner says where it is logged.
    let practice = book.is_practice().then_some("Øving: ");
    set_title(&format!(
        "{}{}",
        practice.unwrap_or_default(),
        situation.label
    ));
    let key: ProcedureKey = (plan.id.clone(), situation.id.clone());
    // The case this run logs into: one lookup that every part below reads.
    let case = Memo::new({
        let key = key.clone();
        move |_| book.active_case(&key)
    });
    let facts =
        Memo::new(move |_| case.with(|c| c.as_ref().map(|c| c.facts.clone()).unwrap_or_default()));
    let guidance = move || guide(plan, situation, &facts.get());

    // Calls made from this page's buttons go into the case.
    provide_context(CallLogger::new({
        let key = key.clone();
        move |call| {
            let id = log_into(book, &key);
            book.edit(&id, CaseEdit::Called(call));
        }
    }));

    // An acute situation opens on its steps: they are brought to the top,
    // and their heading takes the focus that would go to the page's h1
    // (app.rs PageAnnouncer leaves focus a page moved itself).
    // After an answer, focus moves to what it revealed, for keyboard and
    // screen-reader users (the question they answered is gone): the first
    // step it added, else the steps or the next question.
    Effect::new(move |previous: Option<usize>| {
        let steps = guidance().steps;
        let target = match previous {
            None if situation.acute && !steps.is_empty() => Some("procedure-next".to_owned()),
            None => None,
            Some(before) => Some(steps.get(before).map_or_else(
                || "procedure-next".to_owned(),
                |added| format!("step-{}", added.step.id),
            )),
        };
        if let Some(target) = target {
            request_animation_frame(move || focus_by_id(&target));
        }
        steps.len()
    });

    view! {
        <header class="procedure-head" class:acute=situation.acute>
            <h1>{practice}{situation.label.clone()}</h1>
            <p class="situation-source">{format!("{} · {}", situation.title, plan.meta.school)}</p>
        </header>
        {situation.acute.then(|| view! { <EmergencyLine/> })}
        {practice.is_none().then(|| view! { <CaseBanner case=case/> })}
        <Answered procedure=key.clone() case=case plan=plan situation=situation/>
        {move || {
            let g = guidance();
            let key = key.clone();
            view! {
                <Steps guidance=g.clone() procedure=key.clone() case=case/>
                {g.next_question.map(|q| view! { <Ask question=q procedure=key.clone() has_steps=!g.steps.is_empty()/> })}
                <AfterSteps guidance=g/>
            }
        }}
    }
}

/// The guidance for a situation of `plan`, which has it. Not `expect`:
/// that would link the error's `Debug` (and core's string escaping) into
/// the wasm for a panic that cannot happen.
fn guide(plan: &'static Plan, situation: &'static Situation, facts: &Facts) -> Guidance<'static> {
    match route(plan, &situation.id, facts) {
        Ok(guidance) => guidance,
        Err(_) => unreachable!("the situation is in the plan"),
    }
}

/// Where the run is recorded, with the way to the case; and, when the
/// browser refused to store it, that it is not stored.
#[component]
fn CaseBanner(case: Memo<Option<Case>>) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    move || {
        match case.get() {
        _ if book.lock_state() == LockState::Locked => view! { <LockedLog/> }.into_any(),
        Some(case) if book.unsaved().iter().any(|u| u.id == case.id) => view! {
            <p class="case-banner warning">
                "Utkastet "
                <a href=link(&format!("/saker/{}", case.id))>{format!("«{}»", case.title())}</a>
                " er ikke lagret på enheten. Ta ut referatet før du lukker fanen."
            </p>
        }
        .into_any(),
        Some(case) => view! {
            <p class="case-banner">
                "Logges i utkastet "
                <a href=link(&format!("/saker/{}", case.id))>{format!("«{}»", case.title())}</a>
            </p>
        }
        .into_any(),
        None => view! {
            <p class="case-banner">"Det du svarer og krysser av, lagres som et utkast på denne enheten."</p>
        }
        .into_any(),
    }
    }
}

/// What has been answered, with "back one answer" and "start again".
#[component]
fn Answered(
    procedure: ProcedureKey,
    case: Memo<Option<Case>>,
    plan: &'static Plan,
    situation: &'static Situation,
) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let key = procedure;
    move || {
        let case = case.get();
        let facts = case.as_ref().map(|c| c.facts.clone()).unwrap_or_default();
        let g = guide(plan, situation, &facts);
        let undo = book.set_aside_case(&key).is_some() && case.is_none();
        if g.answered.is_empty() && !undo {
            return None;
        }
        let last = g.answered.last().map(|(q, _)| q.id.clone());
        let (restart_key, undo_key) = (key.clone(), key.clone());
        let back = move |_| {
            if let (Some(case), Some(question)) = (&case, &last) {
                book.edit(
                    &case.id,
                    CaseEdit::Forget {
                        question: question.clone(),
                    },
                );
            }
        };
        // A fresh case is no longer the one the history entry names.
        let restart = move |_| {
            book.start_again(&restart_key);
            crate::page::remember_case_in_history(None);
        };
        let undo_restart = move |_| {
            book.undo_start_again(&undo_key);
            if let Some(case) = book.active_case(&undo_key) {
                crate::page::remember_case_in_history(Some(
                    case.continues.as_deref().unwrap_or(&case.id),
                ));
            }
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
                        "Forrige gjennomgang er lagret som utkast under Saker. "
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
fn Ask(question: &'static Question, procedure: ProcedureKey, has_steps: bool) -> impl IntoView {
    let book = expect_context::<CaseBook>();
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
                        let key = procedure.clone();
                        let choose = move |_| {
                            let id = log_into(book, &key);
                            book.edit(&id, CaseEdit::Answer { question: question.id.clone(), answer: answer.id.clone() });
                        };
                        view! { <button type="button" class="answer" on:click=choose>{answer.label.clone()}</button> }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

#[component]
fn Steps(
    guidance: Guidance<'static>,
    procedure: ProcedureKey,
    case: Memo<Option<Case>>,
) -> impl IntoView {
    (!guidance.steps.is_empty()).then(|| {
        view! {
            <section class="steps" aria-labelledby="procedure-next">
                <h2 id="procedure-next" tabindex="-1">"Dette gjør dere"</h2>
                <ol class="step-list">
                    {guidance
                        .steps
                        .into_iter()
                        .map(|step| view! { <StepItem step=step procedure=procedure.clone() case=case/> })
                        .collect_view()}
                </ol>
            </section>
        }
    })
}

#[component]
fn StepItem(
    step: GuidanceStep<'static>,
    procedure: ProcedureKey,
    case: Memo<Option<Case>>,
) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let id = step.step.id.clone();
    let checkbox_id = format!("step-{id}");
    let done_at = {
        let id = id.clone();
        move || case.with(|c| c.as_ref().and_then(|c| c.steps_done.get(&id).copied()))
    };
    let ticked = {
        let done_at = done_at.clone();
        move || done_at().is_some()
    };
    let toggle = move |ev| {
        let done = event_target_checked(&ev);
        let case = log_into(book, &procedure);
        book.edit(
            &case,
            CaseEdit::Step {
                step: id.clone(),
                done,
            },
        );
    };
    let done_text = move || {
        done_at().map(|at| format!("Utført kl. {}", clock(at, &browser::utc_offset_minutes)))
    };
    let several = step.contacts.len() > 1;
    let done = ticked.clone();
    view! {
        <li class="step" class:done=done>
            <div class="step-head">
                <input type="checkbox" id=checkbox_id.clone() prop:checked=ticked on:change=toggle/>
                <label for=checkbox_id class="step-text">{step.step.text.clone()}</label>
            </div>
            <p class="done-at">{done_text}</p>
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

/// The plan's confidentiality advice and duty to inform for this pupil's
/// age, the documentation rule, the end.
#[component]
fn AfterSteps(guidance: Guidance<'static>) -> impl IntoView {
    let complete = guidance.is_complete();
    // The plan's advice for this situation, then its duty-to-inform notes:
    // which ones show is the plan's data (engine::route), not this page's.
    let texts: Vec<String> = guidance
        .advice
        .iter()
        .map(|a| a.text.clone())
        .chain(guidance.duty_to_inform.iter().map(|n| n.text.clone()))
        .collect();
    let duty = (!texts.is_empty()).then(|| {
        view! {
            <section class="duty" aria-labelledby="duty-title">
                <h2 id="duty-title">"Taushetsplikt og opplysningsplikt"</h2>
                <ul>{texts.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
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

/// The case this run logs into, made on the first thing worth recording.
/// The history entry names it (`page::remember_case_in_history`), so a
/// reload, Back, or the calm program sending a case here goes on with
/// it: where it is sealed and cannot be read here, what is logged goes into
/// a case that continues it (the case book's rule), added on unlocking.
fn log_into(book: CaseBook, key: &ProcedureKey) -> String {
    let id = book.ensure_active(key);
    let root = book
        .read(&id, |case| case.continues.clone())
        .flatten()
        .unwrap_or_else(|| id.clone());
    if !book.is_practice() {
        crate::page::remember_case_in_history(Some(&root));
    }
    id
}
