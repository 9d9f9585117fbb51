//! Practice (øving): any situation of the chosen plan walked exactly as in
//! an incident, on the real procedure page (`pages/procedure.rs`), then a
//! short self-check derived from the plan (`rusplan_domain::self_check`).
//! Drawn by the calm program (src/bin/calm.rs), so the guidance's first
//! load carries none of it, and never behind the PIN.
//!
//! Nothing of a run is stored: the procedure logs into a practice case book
//! (`CaseBook::practice`, the domain's book that returns no effect), so it
//! can never become or overwrite a draft; its call buttons do not dial. The
//! device keeps only the choice of plan and which situations were practised
//! (`storage::practised`, ids only). Every screen says "Øving" in words: a
//! banner, the heading and the title.
//!
//! The run's book is kept in memory ([`RUN`]) while the program runs, so
//! Back from the self-check returns to the walk as it was, and the
//! self-check lists whom the user would have called. A link that starts a
//! run (the list, "Øv på denne igjen") starts it anew.

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::call::CallLogger;
use crate::components::emergency::NUMBERS;
use crate::components::plan_switch::PlanSwitch;
use crate::page::{link, set_title};
use crate::pages::not_found::NotFound;
use crate::pages::procedure::Procedure;
use crate::practice::{CallButton, Practice};
use crate::state::AppState;
use crate::storage;
use leptos::context::Provider;
use leptos::prelude::*;
use rusplan_domain::case::Call;
use rusplan_domain::case_book::CaseBook as Book;
use rusplan_domain::self_check::{self_check, CheckQuestion, Kind};
use rusplan_domain::time::clock;
use std::cell::RefCell;

thread_local! {
    /// The practice run's book, in memory only: the page's own book goes
    /// when the page does, and Back would start the walk again.
    static RUN: RefCell<Option<Book>> = const { RefCell::new(None) };
}

/// A link that starts a run starts it anew.
fn forget_run() {
    RUN.with(|run| run.take());
}

/// On every practice screen: what this is, in words, and the way out.
#[component]
fn PracticeBanner() -> impl IntoView {
    view! {
        <div class="warning practice-banner">
            <p>
                <strong>"Øving."</strong>
                " Ingenting lagres som sak, og ringeknappene ringer ikke."
            </p>
            <a class="button secondary" href=link("/")>"Avslutt øvingen"</a>
        </div>
    }
}

/// `/ovelse`: the plan's situations to practise, those practised on this
/// device marked.
#[component]
pub fn PracticeHome() -> impl IntoView {
    set_title("Øving");
    let state = expect_context::<AppState>();
    view! {
        <h1>"Øving"</h1>
        <PracticeBanner/>
        <p>
            "Velg en situasjon og gå gjennom den slik du ville gjort i en ekte hendelse. \
             Etterpå får du noen korte spørsmål om hva planen sier."
        </p>
        <PlanSwitch/>
        {move || {
            let plan = state.plan();
            let log = storage::practice_log(&plan.id);
            view! {
                <ul class="situations" role="list">
                    {plan
                        .situations_by_urgency()
                        .into_iter()
                        .map(|s| {
                            let source = if log.situations.contains(&s.id) {
                                format!("{} · Øvd på denne enheten", s.title)
                            } else {
                                s.title.clone()
                            };
                            view! {
                                <li>
                                    <a class="situation" class:acute=s.acute href=link(&format!("/ovelse/{}", s.id)) on:click=|_| forget_run()>
                                        <span class="situation-label">{s.label.clone()}</span>
                                        <span class="situation-source">{source}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        }}
    }
}

/// `/ovelse/<situation>`: the real procedure, on a book that stores
/// nothing, with call buttons that do not dial.
#[component]
pub fn PracticeRun(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let known = state.plan().situation(&id).is_some();
    let check = link(&format!("/ovelse/{id}/sjekk"));
    let book = CaseBook::practice(RUN.with(|run| run.borrow().clone()));
    Effect::new(move |_| {
        let now = book.practice_run();
        RUN.with(|run| *run.borrow_mut() = now);
    });
    view! {
        <PracticeBanner/>
        <Provider value=book>
            <Provider value=Practice { call: practice_call, emergency_calls }>
                <Procedure id=id/>
            </Provider>
        </Provider>
        {known.then(|| view! {
            <p class="row">
                <a class="button" href=check>"Ferdig: svar på noen spørsmål om planen"</a>
            </p>
        })}
    }
}

/// A call button in practice: no `tel:` link; a tap says whom the user
/// would have called, and the number.
pub(crate) fn practice_call(call: CallButton) -> AnyView {
    let label = format!("Ring {}", call.who);
    call_button("call", label, call)
}

/// The national numbers (`EmergencyLine`'s), as practice's buttons.
pub(crate) fn emergency_calls() -> AnyView {
    NUMBERS
        .map(|(number, whom)| {
            let call = CallButton {
                who: whom.to_owned(),
                detail: whom.to_owned(),
                number: number.to_owned(),
                role: None,
            };
            call_button("call call-emergency", format!("Ring {number}"), call)
        })
        .into_iter()
        .collect_view()
        .into_any()
}

fn call_button(class: &'static str, label: String, call: CallButton) -> AnyView {
    let tapped = RwSignal::new(false);
    let said = format!(
        "Øving: her ville du ringt {} på {}. Ingen samtale er startet.",
        call.who, call.number
    );
    // As in a real run, the call goes into the run's case (the practice
    // book, in memory): the self-check lists it.
    let logger = use_context::<CallLogger>();
    let logged = call.role.map(|role| Call {
        at: 0,
        role,
        name: call.who.clone(),
        phone: call.number.clone(),
    });
    let tap = move |_| {
        tapped.set(true);
        if let (Some(logger), Some(logged)) = (logger, logged.clone()) {
            logger.log(Call {
                at: browser::now_millis(),
                ..logged
            });
        }
    };
    view! {
        <div class="practice-call">
            <button type="button" class=class on:click=tap>
                <span class="call-name">{label}</span>
                <span class="call-detail">{call.detail}</span>
            </button>
            <p role="status">{move || tapped.get().then(|| said.clone())}</p>
        </div>
    }
    .into_any()
}

/// `/ovelse/<situation>/sjekk`: the self-check, questions and answers
/// derived from the plan. Opening it counts the situation as practised.
#[component]
pub fn PracticeCheck(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = state.plan();
    let Some(situation) = plan.situation(&id) else {
        return view! { <NotFound/> }.into_any();
    };
    set_title(&format!("Øving: spørsmål om {}", situation.label));
    let problem = storage::practised(&plan.id, &situation.id)
        .err()
        .map(|e| view! { <p class="warning">{e.to_string()}</p> });
    // Another order of options, and other steps asked about, each time.
    let seed = u64::from_str_radix(&browser::random_id(), 16).unwrap_or_default();
    let questions = self_check(plan, &situation.id, seed);
    let key = (plan.id.clone(), situation.id.clone());
    let calls = RUN.with(|run| {
        let run = run.borrow();
        let case = run.as_ref()?.active_case(&key)?;
        (!case.calls.is_empty()).then(|| case.calls.clone())
    });
    let calls = calls.map(|calls| {
        view! {
            <h2>"Samtaler i øvingen"</h2>
            <p>"Dette ville blitt ført i saken i en ekte hendelse. Ingenting er lagret."</p>
            <ul>
                {calls
                    .into_iter()
                    .map(|c| {
                        let at = clock(c.at, &browser::utc_offset_minutes);
                        view! { <li>{format!("Kl. {at}: du ville ringt {} på {}.", c.name, c.phone)}</li> }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let none = questions.is_empty().then(|| {
        view! { <p>"Planen gir ikke nok å spørre om for denne situasjonen."</p> }
    });
    view! {
        <PracticeBanner/>
        <h1>"Øving: spørsmål om planen"</h1>
        <p class="situation-source">{format!("{} · {}", situation.label, plan.meta.school)}</p>
        {problem}
        <p>"Svarene hentes fra planen. Velg ett svar per spørsmål."</p>
        {none}
        <ol class="self-check">
            {questions
                .into_iter()
                .enumerate()
                .map(|(index, question)| view! { <CheckItem index=index question=question/> })
                .collect_view()}
        </ol>
        {calls}
        <nav class="home-links" aria-label="Videre">
            <a class="button secondary" href=link(&format!("/ovelse/{}", situation.id)) on:click=|_| forget_run()>"Øv på denne igjen"</a>
            <a class="button secondary" href=link("/ovelse")>"Øv på en annen situasjon"</a>
        </nav>
    }
    .into_any()
}

/// One question as a radio group; the answer chosen gets its feedback in
/// words, in a live region.
#[component]
fn CheckItem(index: usize, question: CheckQuestion<'static>) -> impl IntoView {
    let chosen = RwSignal::new(None::<usize>);
    let right = question.options[question.answer];
    let people: Vec<String> = question
        .people
        .iter()
        .map(|c| format!("{} ({})", c.name, c.phone))
        .collect();
    let feedback = move || {
        let chosen = chosen.get()?;
        Some(if chosen == question.answer {
            match (question.kind, people.is_empty()) {
                (Kind::Contact, false) => {
                    format!("Riktig. Planen oppgir: {}.", people.join(", "))
                }
                _ => "Riktig.".to_owned(),
            }
        } else {
            format!("Ikke riktig. Riktig svar er: {right}")
        })
    };
    let name = format!("check-{index}");
    view! {
        <li class="check-question">
            <fieldset class="signs">
                <legend>
                    {question.about.map(|about| view! { <span class="check-about">{format!("«{about}»")}</span><br/> })}
                    {question.prompt.clone()}
                </legend>
                {question
                    .options
                    .iter()
                    .enumerate()
                    .map(|(i, option)| {
                        let id = format!("check-{index}-{i}");
                        view! {
                            <div class="check">
                                <input type="radio" name=name.clone() id=id.clone() on:change=move |_| chosen.set(Some(i))/>
                                <label for=id>{*option}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <p class="check-feedback" role="status">{feedback}</p>
        </li>
    }
}
