//! One case: the pupil reference, what was answered, seen and done (with
//! times), the meeting, the duty-to-inform decisions, notes; and the way to
//! the referat and to deleting the draft.

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::confirm::ConfirmButton;
use crate::components::draft_text::DraftText;
use crate::components::follow_ups::FollowUps;
use crate::page::{link, set_title};
use crate::pages::not_found::NotFound;
use crate::plans;
use crate::router::use_router;
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::case::{records_name, Case, CaseEdit, Field, Status};
use rusplan_domain::case_book::Gone;
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
    let exists = Memo::new(move |_| book.read(&id(), |c| c.plan_id.clone()));
    move || match exists.get() {
        Some(plan_id) => view! { <CaseForm id=id() plan=plans::by_id(&plan_id)/> }.into_any(),
        None => view! { <CaseGone id=id()/> }.into_any(),
    }
}

/// A case that is not here: say what happened to it, if this tab knows.
#[component]
pub fn CaseGone(id: String) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    // Reactive: a wipe's message may follow the storage event that removed
    // the case, and then says more.
    move || match book.gone(&id) {
        Some(gone) => {
            let title = match gone {
                Gone::DeletedHere => "Utkastet er slettet",
                Gone::DeletedElsewhere | Gone::WipedElsewhere => "Utkastet finnes ikke lenger",
            };
            set_title(title);
            // The form the user was in is gone: focus goes to what says why.
            request_animation_frame(|| crate::page::focus_by_id("case-gone"));
            view! {
                <h1 id="case-gone" tabindex="-1">{title}</h1>
                <p role="status">{gone.message()}</p>
                <a class="button" href=link("/saker/")>"Til sakene"</a>
            }
            .into_any()
        }
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
    // Each text field follows its own value only.
    let text = {
        let id = id.clone();
        move |part: fn(&Case) -> String| {
            let id = id.clone();
            Memo::new(move |_| book.read(&id, part).unwrap_or_default())
        }
    };
    let status_change = {
        let id = id.clone();
        move |ev| {
            if let Some(status) = Status::from_id(&event_target_value(&ev)) {
                book.edit(&id, CaseEdit::Status(status));
            }
        }
    };
    let meeting_date = {
        let id = id.clone();
        move |ev| book.edit(&id, CaseEdit::MeetingDate(event_target_value(&ev)))
    };

    view! {
        <h1>"Sak"</h1>
        <p class="general-info" id="case-privacy">"Lagres bare på denne enheten. Skriv initialer eller et kallenavn – aldri fullt navn eller fødselsnummer."</p>
        <div class="field">
            <label for="pupil-ref">"Elev (initialer eller kallenavn)"</label>
            <DraftText case_id=id.clone() field=Field::PupilRef input_id="pupil-ref" maxlength=40 check_name=true
                described_by="case-privacy".to_owned() value=text(|c| c.pupil_ref.clone()) edit=Callback::new(CaseEdit::PupilRef)/>
        </div>
        <div class="field">
            <label for="class">"Klasse (valgfritt)"</label>
            <DraftText case_id=id.clone() field=Field::Class input_id="class" maxlength=20
                value=text(|c| c.class.clone()) edit=Callback::new(CaseEdit::Class)/>
        </div>
        <PupilQuestions id=id.clone() plan=plan case=case/>
        <div class="field">
            <label for="status">"Status"</label>
            <select id="status" on:change=status_change>
                {Status::ALL.into_iter().map(|s| view! {
                    <option value=s.id() selected=move || case.with(|c| c.as_ref().map(|c| c.status) == Some(s))>{s.label(plan.records_system())}</option>
                }).collect_view()}
            </select>
        </div>
        <FollowUps plan=plan case=case/>
        <SituationPart id=id.clone() plan=plan case=case/>
        <SignsPart id=id.clone() plan=plan case=case/>
        <DonePart plan=plan case=case/>
        <section class="case-part" aria-labelledby="meeting-title">
            <h2 id="meeting-title">"Møte"</h2>
            <div class="field">
                <label for="meeting-date">"Dato"</label>
                <input id="meeting-date" type="date" prop:value=text(|c| c.meeting.date.clone()) on:change=meeting_date/>
            </div>
            <div class="field">
                <label for="meeting-participants">"Deltakere"</label>
                <DraftText case_id=id.clone() field=Field::MeetingParticipants input_id="meeting-participants"
                    value=text(|c| c.meeting.participants.clone()) edit=Callback::new(CaseEdit::MeetingParticipants)/>
            </div>
        </section>
        <DutyPart id=id.clone() plan=plan case=case/>
        <section class="case-part" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title">"Avtaler og oppfølging"</h2>
            <label for="follow-up" class="visually-hidden">"Avtaler og oppfølging"</label>
            <DraftText case_id=id.clone() field=Field::FollowUp input_id="follow-up" multiline=4
                value=text(|c| c.follow_up.clone()) edit=Callback::new(CaseEdit::FollowUp)/>
        </section>
        <section class="case-part" aria-labelledby="notes-title">
            <h2 id="notes-title">"Notater"</h2>
            <label for="notes" class="visually-hidden">"Notater"</label>
            <DraftText case_id=id.clone() field=Field::Notes input_id="notes" multiline=5
                value=text(|c| c.notes.clone()) edit=Callback::new(CaseEdit::Notes)/>
        </section>
        <section class="case-part" aria-labelledby="referat-title">
            <h2 id="referat-title">"Referat"</h2>
            <p>{referat_note(plan)}</p>
            <a class="button" href=link(&format!("/saker/{id}/referat"))>"Vis referatet"</a>
        </section>
        <DeleteCase id=id/>
    }
}

/// Where the referat goes: the plan's own system, or a neutral wording
/// when the plan names none.
fn referat_note(plan: &Plan) -> String {
    let place = match plan.records_system() {
        Some(system) => format!("Planen sier at referatet føres i {system}."),
        None => format!("Før referatet inn i {}.", records_name(None)),
    };
    format!("{place} Kopier, last ned eller skriv ut, og slett så utkastet.")
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
        // The guidance is the other program: the new history entry tells it the case.
        router.navigate(&format!("/situasjon/{situation}/"));
        crate::page::remember_case_in_history(Some(&id));
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
    // Drawn again only when the answers change, not on every keystroke in
    // its own fields.
    let facts = Memo::new(move |_| {
        case.with(|c| c.as_ref().map(|c| c.facts.clone()))
            .unwrap_or_default()
    });
    move || {
        let notes = duty_notes(plan, &facts.get());
        let id = id.clone();
        (!notes.is_empty()).then(|| view! {
            <section class="case-part" aria-labelledby="duty-decisions-title">
                <h2 id="duty-decisions-title">"Taushetsplikt og opplysningsplikt"</h2>
                {notes.into_iter().map(|note| {
                    let field_id = format!("duty-{}", note.id);
                    let note_id = note.id.clone();
                    let value = {
                        let (id, note_id) = (id.clone(), note.id.clone());
                        Memo::new(move |_| book.read(&id, |c| c.duty_decisions.get(&note_id).cloned().unwrap_or_default()).unwrap_or_default())
                    };
                    let edit = Callback::new(move |text| CaseEdit::DutyDecision { note: note_id.clone(), text });
                    let note_text_id = format!("duty-note-{}", note.id);
                    view! {
                        <div class="field">
                            <p id=note_text_id.clone()>{note.text.clone()}</p>
                            <label for=field_id.clone()>"Vurdering eller beslutning"</label>
                            <DraftText case_id=id.clone() field=Field::DutyDecision(note.id.clone()) input_id=field_id
                                multiline=2 value=value edit=edit described_by=note_text_id/>
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
        book.delete_case(&id);
        router.navigate("/saker/");
    });
    view! {
        <section class="danger" aria-labelledby="delete-title">
            <h2 id="delete-title">"Slett utkastet"</h2>
            <ConfirmButton open_label="Slett utkastet …" question="Slette utkastet fra denne enheten? Det kan ikke angres."
                confirm_label="Ja, slett utkastet" on_confirm=delete/>
        </section>
    }
}
