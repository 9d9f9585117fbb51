//! One case: the pupil reference, what was answered, seen and done (with
//! times), the meeting, the duty-to-inform decisions, notes; and the way to
//! the referat and to deleting the draft.

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::confirm::ConfirmButton;
use crate::page::{link, set_title};
use crate::pages::cases::StorageProblem;
use crate::pages::not_found::NotFound;
use crate::plans;
use crate::router::use_router;
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::case::{check_pupil_ref, Case, CaseEdit, PupilRefCheck, Status};
use rusplan_domain::engine::duty_notes;
use rusplan_domain::referat::done_in_time_order;
use rusplan_domain::time::{clock, date_time};
use rusplan_domain::Plan;

#[component]
pub fn CasePage(id: String) -> impl IntoView {
    // The title never names the pupil.
    set_title("Sak");
    let book = expect_context::<CaseBook>();
    let id = StoredValue::new(id);
    let id = move || id.get_value();
    // Re-render the form only when a different case is opened or it appears
    // or disappears, not on every keystroke saved.
    let exists = Memo::new(move |_| book.case(&id()).map(|c| (c.id.clone(), c.plan_id.clone())));
    move || match exists.get() {
        Some((id, plan_id)) => view! { <CaseForm id=id plan=plans::by_id(&plan_id)/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn CaseForm(id: String, plan: &'static Plan) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let case = {
        let id = id.clone();
        Memo::new(move |_| book.case(&id))
    };
    let get =
        move |f: fn(&Case) -> String| move || case.with(|c| c.as_ref().map(f).unwrap_or_default());
    let edit = {
        let id = id.clone();
        move |e: CaseEdit| book.edit(&id, e)
    };
    let pupil_problem = RwSignal::new(None::<&'static str>);
    let on_pupil = {
        let edit = edit.clone();
        move |ev| {
            let text = event_target_value(&ev);
            match check_pupil_ref(&text) {
                PupilRefCheck::NationalIdNumber => {
                    pupil_problem.set(Some("Skriv aldri fødselsnummer her. Det ble ikke lagret."));
                }
                check => {
                    pupil_problem.set((check == PupilRefCheck::LooksLikeFullName).then_some(
                        "Dette ser ut som et fullt navn. Bruk heller initialer eller et kallenavn.",
                    ));
                    edit(CaseEdit::PupilRef(text));
                }
            }
        }
    };
    let text_field = {
        let edit = edit.clone();
        move |make: fn(String) -> CaseEdit| {
            let edit = edit.clone();
            move |ev| edit(make(event_target_value(&ev)))
        }
    };
    let status_change = {
        let edit = edit.clone();
        move |ev| {
            if let Some(status) = Status::from_id(&event_target_value(&ev)) {
                edit(CaseEdit::Status(status));
            }
        }
    };

    view! {
        <h1>"Sak"</h1>
        <p class="general-info">"Lagres bare på denne enheten. Skriv initialer eller et kallenavn – aldri fullt navn eller fødselsnummer."</p>
        <StorageProblem/>
        <div class="field">
            <label for="pupil-ref">"Elev (initialer eller kallenavn)"</label>
            <input id="pupil-ref" type="text" autocomplete="off" maxlength="40" aria-describedby="pupil-ref-problem"
                prop:value=get(|c| c.pupil_ref.clone()) on:input=on_pupil/>
            <p id="pupil-ref-problem" class="form-problem" role="alert">{move || pupil_problem.get()}</p>
        </div>
        <div class="field">
            <label for="class">"Klasse (valgfritt)"</label>
            <input id="class" type="text" autocomplete="off" maxlength="20"
                prop:value=get(|c| c.class.clone()) on:input=text_field(CaseEdit::Class)/>
        </div>
        <PupilQuestions id=id.clone() plan=plan case=case/>
        <div class="field">
            <label for="status">"Status"</label>
            <select id="status" on:change=status_change>
                {Status::ALL.into_iter().map(|s| view! {
                    <option value=s.id() selected=move || case.with(|c| c.as_ref().map(|c| c.status) == Some(s))>{s.label()}</option>
                }).collect_view()}
            </select>
        </div>
        <SituationPart id=id.clone() plan=plan case=case/>
        <SignsPart id=id.clone() plan=plan case=case/>
        <DonePart plan=plan case=case/>
        <section class="case-part" aria-labelledby="meeting-title">
            <h2 id="meeting-title">"Møte"</h2>
            <div class="field">
                <label for="meeting-date">"Dato"</label>
                <input id="meeting-date" type="date" prop:value=get(|c| c.meeting.date.clone()) on:change=text_field(CaseEdit::MeetingDate)/>
            </div>
            <div class="field">
                <label for="meeting-participants">"Deltakere"</label>
                <input id="meeting-participants" type="text" autocomplete="off"
                    prop:value=get(|c| c.meeting.participants.clone()) on:input=text_field(CaseEdit::MeetingParticipants)/>
            </div>
        </section>
        <DutyPart id=id.clone() plan=plan case=case/>
        <section class="case-part" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">"Avtaler og oppfølging"</h2>
            <label for="follow-up" class="visually-hidden">"Avtaler og oppfølging"</label>
            <textarea id="follow-up" rows="4" prop:value=get(|c| c.follow_up.clone()) on:input=text_field(CaseEdit::FollowUp)></textarea>
        </section>
        <section class="case-part" aria-labelledby="notes-title">
            <h2 id="notes-title">"Notater"</h2>
            <label for="notes" class="visually-hidden">"Notater"</label>
            <textarea id="notes" rows="5" prop:value=get(|c| c.notes.clone()) on:input=text_field(CaseEdit::Notes)></textarea>
        </section>
        <section class="case-part" aria-labelledby="referat-title">
            <h2 id="referat-title">"Referat"</h2>
            <p>"Referatet skal føres i Elements (eller der skolens plan sier). Kopier, last ned eller skriv ut, og slett så utkastet."</p>
            <a class="button" href=link(&format!("/saker/{id}/referat"))>"Vis referatet"</a>
        </section>
        <DeleteCase id=id/>
    }
}

/// The plan's questions about the pupil (the age group), as radio buttons.
#[component]
fn PupilQuestions(id: String, plan: &'static Plan, case: Memo<Option<Case>>) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    plan.pupil_questions
        .iter()
        .filter_map(|q| plan.question(q))
        .map(|question| {
            let id = id.clone();
            view! {
                <fieldset class="field choices">
                    <legend>{question.text.clone()}</legend>
                    {question.answers.iter().map(|answer| {
                        let input_id = format!("q-{}-{}", question.id, answer.id);
                        let id = id.clone();
                        let checked = move || case.with(|c| c.as_ref().and_then(|c| c.facts.get(&question.id).map(|a| a == answer.id)).unwrap_or(false));
                        view! {
                            <div class="check">
                                <input type="radio" id=input_id.clone() name=format!("q-{}", question.id) prop:checked=checked
                                    on:change=move |_| book.edit(&id, CaseEdit::Answer { question: question.id.clone(), answer: answer.id.clone() })/>
                                <label for=input_id>{answer.label.clone()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
        .collect_view()
}

#[component]
fn SituationPart(id: String, plan: &'static Plan, case: Memo<Option<Case>>) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let state = expect_context::<AppState>();
    let router = use_router();
    let chosen = RwSignal::new(String::new());
    let go = move |_| {
        let Some(current) = case.get_untracked() else {
            return;
        };
        let situation = current
            .situation
            .clone()
            .unwrap_or_else(|| chosen.get_untracked());
        if plan.situation(&situation).is_none() {
            return;
        }
        if current.situation.is_none() {
            book.edit(&id, CaseEdit::Situation(Some(situation.clone())));
        }
        state.choose_plan(&plan.id);
        book.resume((plan.id.clone(), situation.clone()), id.clone());
        router.navigate(&format!("/situasjon/{situation}"));
    };
    view! {
        <section class="case-part" aria-labelledby="situation-title">
            <h2 id="situation-title">"Situasjon"</h2>
            {move || match case.with(|c| c.as_ref().and_then(|c| c.situation.clone())).and_then(|s| plan.situation(&s)) {
                Some(situation) => view! { <p>{situation.title.clone()}</p> }.into_any(),
                None => view! {
                    <div class="field">
                        <label for="choose-situation">"Velg situasjonen som passer"</label>
                        <select id="choose-situation" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            <option value="">"Velg …"</option>
                            {plan.situations.iter().map(|s| view! { <option value=s.id.clone()>{s.label.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                }.into_any(),
            }}
            <button type="button" class="button secondary" on:click=go>"Gå til fremgangsmåten"</button>
        </section>
    }
}

#[component]
fn SignsPart(id: String, plan: &'static Plan, case: Memo<Option<Case>>) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    plan.checklist.as_ref().map(|checklist| {
        view! {
            <section class="case-part" aria-labelledby="signs-title">
                <h2 id="signs-title">"Tegn som er observert"</h2>
                {checklist.groups.iter().flat_map(|g| &g.signs).map(|sign| {
                    let input_id = format!("case-sign-{}", sign.id);
                    let id = id.clone();
                    let checked = move || case.with(|c| c.as_ref().is_some_and(|c| c.signs.contains(&sign.id)));
                    view! {
                        <div class="check">
                            <input type="checkbox" id=input_id.clone() prop:checked=checked
                                on:change=move |ev| book.edit(&id, CaseEdit::Sign { sign: sign.id.clone(), ticked: event_target_checked(&ev) })/>
                            <label for=input_id>{sign.text.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </section>
        }
    })
}

/// Steps ticked and calls made, in time order.
#[component]
fn DonePart(plan: &'static Plan, case: Memo<Option<Case>>) -> impl IntoView {
    let offset = &browser::utc_offset_minutes;
    view! {
        <section class="case-part" aria-labelledby="done-title">
            <h2 id="done-title">"Hva som er gjort"</h2>
            {move || {
                let Some(case) = case.get() else { return ().into_any() };
                let done = done_in_time_order(plan, &case);
                if done.is_empty() {
                    return view! { <p>"Ingenting er krysset av ennå."</p> }.into_any();
                }
                view! {
                    <p class="case-detail">{format!("Opprettet {}", date_time(case.created_at, offset))}</p>
                    <ul class="timeline">
                        {done.into_iter().map(|(at, text)| view! {
                            <li><span class="time">{clock(at, offset)}</span>" "{text}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// A decision for each duty-to-inform note that applies to this pupil.
#[component]
fn DutyPart(id: String, plan: &'static Plan, case: Memo<Option<Case>>) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    move || {
        let facts = case
            .with(|c| c.as_ref().map(|c| c.facts.clone()))
            .unwrap_or_default();
        let notes = duty_notes(plan, &facts);
        let id = id.clone();
        (!notes.is_empty()).then(|| view! {
            <section class="case-part" aria-labelledby="duty-decisions-title">
                <h2 id="duty-decisions-title">"Taushetsplikt og opplysningsplikt"</h2>
                {notes.into_iter().map(|note| {
                    let field_id = format!("duty-{}", note.id);
                    let id = id.clone();
                    let value = move || case.with(|c| c.as_ref().and_then(|c| c.duty_decisions.get(&note.id).cloned()).unwrap_or_default());
                    view! {
                        <div class="field">
                            <p>{note.text.clone()}</p>
                            <label for=field_id.clone()>"Vurdering eller beslutning"</label>
                            <textarea id=field_id rows="2" prop:value=value
                                on:input=move |ev| book.edit(&id, CaseEdit::DutyDecision { note: note.id.clone(), text: event_target_value(&ev) })></textarea>
                        </div>
                    }
                }).collect_view()}
            </section>
        })
    }
}

/// Deleting the draft: one confirmed step.
#[component]
pub fn DeleteCase(id: String) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let router = use_router();
    let delete = Callback::new(move |()| {
        book.delete(&crate::case_store::key_of(&id));
        router.navigate("/saker");
    });
    view! {
        <section class="danger" aria-labelledby="delete-title">
            <h2 id="delete-title">"Slett utkastet"</h2>
            <ConfirmButton open_label="Slett utkastet …" question="Slette utkastet fra denne enheten? Det kan ikke angres."
                confirm_label="Ja, slett utkastet" on_confirm=delete/>
        </section>
    }
}
