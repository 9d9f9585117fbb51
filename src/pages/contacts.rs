//! Everyone in the plan, grouped by role, one tap to call; and numbers staff
//! add on this device for roles the plan gives no number for.

use crate::components::call::CallRole;
use crate::components::confirm::ConfirmButton;
use crate::components::damaged::DamagedEntry;
use crate::page::set_title;
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::device_contact::DeviceContact;
use rusplan_domain::Plan;

#[component]
pub fn Contacts() -> impl IntoView {
    set_title("Kontakter");
    let state = expect_context::<AppState>();
    move || {
        let plan = state.plan();
        let has_number = move |role: &str| {
            plan.contacts_for(role).next().is_some()
                || state.device_contacts.read().iter().any(|c| c.role == role)
        };
        let (with_numbers, without): (Vec<_>, Vec<_>) = plan
            .callable_roles()
            .into_iter()
            .partition(|r| has_number(&r.id));
        view! {
            <h1>"Kontakter"</h1>
            <p class="plan-name">{plan.meta.school.clone()}</p>
            {with_numbers
                .into_iter()
                .map(|role| view! {
                    <section class="contact-group" aria-labelledby=format!("role-{}", role.id)>
                        <h2 id=format!("role-{}", role.id)>{role.name.clone()}</h2>
                        <CallRole role=role unfold=true/>
                    </section>
                })
                .collect_view()}
            {(!without.is_empty()).then(|| view! {
                <section class="contact-group" aria-labelledby="no-number-title">
                    <h2 id="no-number-title">"Uten nummer i planen"</h2>
                    <ul>{without.iter().map(|r| view! { <li>{r.name.clone()}</li> }).collect_view()}</ul>
                </section>
            })}
            <DeviceContacts plan=plan/>
        }
    }
}

/// The numbers added on this device: list with removal, and the form.
#[component]
fn DeviceContacts(plan: &'static Plan) -> impl IntoView {
    let state = expect_context::<AppState>();
    let role = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let roles = plan.callable_roles();
    if let Some(first) = roles.first() {
        role.set(first.id.clone());
    }
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = format!("enhet-{}", js_sys::Date::now() as u64);
        match DeviceContact::new(plan, id, &role.get(), &name.get(), &phone.get()) {
            Ok(contact) => {
                state.change_device_contacts(|all| all.push(contact));
                if state.storage_problem.get_untracked().is_none() {
                    name.set(String::new());
                    phone.set(String::new());
                }
                problem.set(None);
            }
            Err(err) => problem.set(Some(err.to_string())),
        }
    };
    let remove = move |id: String| state.change_device_contacts(|all| all.retain(|c| c.id != id));
    view! {
        <section class="contact-group device" aria-labelledby="device-title">
            <h2 id="device-title">"Nummer lagt til på denne enheten"</h2>
            <p class="general-info">"Disse numrene står ikke i planen. De lagres bare på denne enheten og deles ikke."</p>
            <ul class="device-list">
                {move || state
                    .device_contacts
                    .get()
                    .into_iter()
                    .map(|c| {
                        let role_name = plan.role(&c.role).map(|r| r.name.clone()).unwrap_or_default();
                        let id = c.id.clone();
                        view! {
                            <li>
                                <span>{format!("{} ({role_name}): {}", c.name, c.phone)}</span>
                                <ConfirmButton open_label=format!("Fjern {} …", c.name)
                                    question=format!("Fjerne {} fra denne enheten?", c.name)
                                    confirm_label=format!("Ja, fjern {}", c.name)
                                    on_confirm=Callback::new(move |()| remove(id.clone()))/>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {move || state.damaged_contacts.get().map(|damaged| view! {
                <p class="warning" role="alert">
                    "Numrene som er lagt til på denne enheten, kan ikke leses. De er ikke slettet. \
                     Last ned teksten for å ta vare på dem, eller slett dem for å legge inn nye."
                </p>
                <DamagedEntry problem=String::new() raw=damaged.raw file_name="rusplan-skadede-numre.txt"
                    what="de skadde numrene" on_delete=Callback::new(move |()| state.delete_damaged_contacts())/>
            })}
            <form class="add-contact" on:submit=save>
                <label for="device-role">"Rolle"</label>
                <select id="device-role" on:change=move |ev| role.set(event_target_value(&ev))>
                    {roles.iter().map(|r| view! { <option value=r.id.clone()>{r.name.clone()}</option> }).collect_view()}
                </select>
                <label for="device-name">"Navn eller tittel"</label>
                <input id="device-name" type="text" autocomplete="off" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="device-phone">"Telefonnummer"</label>
                <input id="device-phone" type="tel" inputmode="tel" autocomplete="off" prop:value=phone on:input=move |ev| phone.set(event_target_value(&ev))/>
                <p class="form-problem" role="alert">{move || problem.get()}</p>
                <button type="submit" class="button">"Lagre nummer"</button>
            </form>
            {move || state.storage_problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
        </section>
    }
}
