//! Call buttons: one tap from a step or the contact list to a `tel:` link
//! (in practice, a button that says whom it would call: `practice.rs`).

use crate::browser;
use crate::page::link;
use crate::practice::{CallButton, Practice};
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::case::Call;
use rusplan_domain::phone::tel_target;
use rusplan_domain::plan::Role;
use rusplan_domain::Plan;

/// Provided by a page that records calls (the procedure, into its case):
/// tapping a call button there logs who was called and when.
#[derive(Clone, Copy)]
pub struct CallLogger(Callback<Call>);

impl CallLogger {
    pub fn new(log: impl Fn(Call) + Send + Sync + 'static) -> Self {
        Self(Callback::new(log))
    }

    pub fn log(&self, call: Call) {
        self.0.run(call);
    }
}

/// Someone to call, from the plan or added on this device.
#[derive(Clone)]
struct Person {
    role: String,
    name: String,
    detail: Option<String>,
    phone: String,
    on_device: bool,
}

fn people_for(plan: &Plan, state: &AppState, role: &str) -> Vec<Person> {
    let from_plan = plan.contacts_for(role).map(|c| Person {
        role: role.to_owned(),
        name: c.name.clone(),
        detail: c.title.clone(),
        phone: c.phone.clone(),
        on_device: false,
    });
    let from_device = state
        .device_contacts
        .get()
        .into_iter()
        .filter(|c| c.role == role)
        .map(|c| Person {
            role: c.role,
            name: c.name,
            detail: None,
            phone: c.phone,
            on_device: true,
        });
    from_plan.chain(from_device).collect()
}

#[component]
fn CallLink(person: Person) -> impl IntoView {
    // Numbers were checked by validation (plan) or on entry (device).
    let href = tel_target(&person.phone)
        .map(|t| format!("tel:{t}"))
        .unwrap_or_default();
    let detail = match (&person.detail, person.on_device) {
        (Some(d), _) => format!("{d} · {}", person.phone),
        (None, true) => format!("{} · lagt til på denne enheten", person.phone),
        (None, false) => person.phone.clone(),
    };
    if let Some(practice) = Practice::here() {
        return (practice.call)(CallButton {
            who: person.name,
            detail,
            number: person.phone,
            role: Some(person.role),
        });
    }
    let logger = use_context::<CallLogger>();
    let name = person.name.clone();
    let log = move |_| {
        if let Some(logger) = logger {
            logger.log(Call {
                at: browser::now_millis(),
                role: person.role.clone(),
                name: person.name.clone(),
                phone: person.phone.clone(),
            });
        }
    };
    view! {
        <a class="call" href=href on:click=log>
            <span class="call-icon" aria-hidden="true">"☎"</span>
            <span class="call-text">
                <span class="call-name">"Ring " {name}</span>
                <span class="call-detail">{detail}</span>
            </span>
        </a>
    }
    .into_any()
}

/// The people who fill `role`, as call buttons: the first one large, the
/// rest folded away so the screen stays short in a hurry (unless `unfold`).
#[component]
pub fn CallRole(
    role: &'static Role,
    #[prop(optional)] show_role: bool,
    #[prop(optional)] unfold: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let plan = state.plan();
        let mut people = people_for(plan, &state, &role.id).into_iter();
        let first = people.next();
        let rest: Vec<Person> = people.collect();
        let heading = show_role.then(|| view! { <p class="callee-role">{role.name.clone()}</p> });
        let body = match first {
            Some(first) => {
                let rest_view = |rest: Vec<Person>| {
                    rest.into_iter()
                        .map(|p| view! { <CallLink person=p/> })
                        .collect_view()
                };
                if unfold {
                    return view! { <div class="callee">{heading} <CallLink person=first/> {rest_view(rest)}</div> }.into_any();
                }
                let more = (!rest.is_empty()).then(|| {
                    let count = rest.len();
                    view! {
                        <details class="more-people">
                            <summary>{format!("Flere å ringe ({count})")}</summary>
                            {rest_view(rest)}
                        </details>
                    }
                });
                view! { <CallLink person=first/> {more} }.into_any()
            }
            None if role.per_pupil => view! {
                <p class="no-number">{format!("{}: nummeret står ikke i planen.", role.name)}</p>
            }
            .into_any(),
            None => view! {
                <p class="no-number">
                    {format!("{}: planen oppgir ikke nummer. ", role.name)}
                    <a href=link("/kontakter/")>"Legg til nummer på denne enheten"</a>
                </p>
            }
            .into_any(),
        };
        view! { <div class="callee">{heading} {body}</div> }.into_any()
    }
}
