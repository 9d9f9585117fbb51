//! The studio's preview (§6 of the studio): the plan being written, drawn
//! by the app's own components, as staff and parents will see it: the home
//! screen (`HomeScreen`), a situation walked on the real procedure page
//! (`Procedure`, on practice's book that stores nothing and call buttons
//! that dial nothing), every route of every situation (`RouteList`, from
//! the engine's `routes()`), and the parents' page (`ParentsContent`).
//!
//! Only a plan the validator accepts is drawn: the components rely on
//! every reference in it resolving.

use crate::case_book::CaseBook;
use crate::pages::home::HomeScreen;
use crate::pages::parents::{Language, ParentsContent};
use crate::pages::plan_info::RouteList;
use crate::pages::practice::{emergency_calls, practice_call};
use crate::pages::procedure::Procedure;
use crate::practice::Practice;
use crate::state::AppState;
use leptos::context::Provider;
use leptos::prelude::*;
use rusplan_domain::{parse_plan, validate, Plan};
use wasm_bindgen::JsCast;

/// What the preview draws.
#[derive(Clone, PartialEq)]
enum Shown {
    Home,
    Situation(String),
    Routes,
    Parents(Language),
}

impl Shown {
    fn value(&self) -> String {
        match self {
            Shown::Home => "home".to_owned(),
            Shown::Situation(id) => format!("situation:{id}"),
            Shown::Routes => "routes".to_owned(),
            Shown::Parents(language) => format!("parents:{}", language.code()),
        }
    }

    fn from_value(value: &str) -> Shown {
        match value.split_once(':') {
            Some(("situation", id)) => Shown::Situation(id.to_owned()),
            Some(("parents", "en")) => Shown::Parents(Language::English),
            Some(("parents", _)) => Shown::Parents(Language::Bokmal),
            _ if value == "routes" => Shown::Routes,
            _ => Shown::Home,
        }
    }
}

/// The previewed plan, or why there is none.
enum Previewed {
    Plan(&'static Plan),
    Unreadable,
    Invalid(usize),
}

/// The app's components take `&'static Plan` (the bundled plans live as
/// long as the program). A studio plan is made to live as long by leaking
/// it, once per "Vis" of a changed text: some tens of kB each, given back
/// when the tab closes, and only when the user asks.
fn leak_checked(text: &str) -> Previewed {
    match parse_plan(text) {
        Err(_) => Previewed::Unreadable,
        Ok(plan) => match validate(&plan).len() {
            0 => Previewed::Plan(Box::leak(Box::new(plan))),
            errors => Previewed::Invalid(errors),
        },
    }
}

#[component]
pub fn StudioPreview(plan_text: RwSignal<String>) -> impl IntoView {
    // The text last previewed and its plan: "Vis" again leaks nothing new.
    let last = StoredValue::new(None::<(String, &'static Plan)>);
    let plan = RwSignal::new(None::<&'static Plan>);
    let problem = RwSignal::new(None::<String>);
    let shown = RwSignal::new(Shown::Home);
    let note = RwSignal::new(None::<&'static str>);

    let show = move |_| {
        let text = plan_text.get_untracked();
        note.set(None);
        if let Some((_, previous)) = last.with_value(|l| l.clone().filter(|(t, _)| *t == text)) {
            plan.set(Some(previous));
            problem.set(None);
            return;
        }
        match leak_checked(&text) {
            Previewed::Plan(leaked) => {
                last.set_value(Some((text, leaked)));
                // A situation the new text no longer has: back to the home screen.
                if let Shown::Situation(id) = shown.get_untracked() {
                    if leaked.situation(&id).is_none() {
                        shown.set(Shown::Home);
                    }
                }
                plan.set(Some(leaked));
                problem.set(None);
            }
            Previewed::Unreadable => {
                plan.set(None);
                problem.set(Some("Planfilen kan ikke leses ennå.".to_owned()));
            }
            Previewed::Invalid(n) => {
                plan.set(None);
                problem.set(Some(format!("Validatoren finner {n} feil.")));
            }
        }
    };

    // Links in the app's pages lead to its other pages, which are not in
    // the studio: a situation's link opens it in the preview; any other
    // link stays, and says why.
    let follow_link = move |ev: leptos::ev::MouseEvent| {
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        ev.prevent_default();
        let href = anchor.get_attribute("href").unwrap_or_default();
        let situation = href
            .split_once("situasjon/")
            .map(|(_, rest)| rest.trim_end_matches('/').to_owned());
        match situation {
            Some(id)
                if plan
                    .get_untracked()
                    .is_some_and(|p| p.situation(&id).is_some()) =>
            {
                note.set(None);
                shown.set(Shown::Situation(id));
                // The link went with the page: focus starts on the new one,
                // unless the page placed it (an acute one, on its steps).
                request_animation_frame(focus_lost_to_heading);
            }
            _ if href.starts_with("tel:") => note.set(Some(
                "I appen ringer denne lenken. I forhåndsvisningen ringer ingenting.",
            )),
            _ => note.set(Some(
                "Lenken fører til en annen side i appen. Forhåndsvisningen viser startsiden, \
                 situasjonene, veiene og siden for foresatte: velg i listen over.",
            )),
        }
    };

    // The procedure names its situation in the document's title; the
    // studio keeps its own.
    Effect::new(move |_| {
        shown.track();
        plan.track();
        document().set_title("Planstudio – Rusplan");
    });

    let choices = move || {
        plan.get().map(|plan| {
            let situations = plan
                .situations_by_urgency()
                .into_iter()
                .map(|s| (Shown::Situation(s.id.clone()), format!("Situasjon: {}", s.label)));
            let english = plan
                .translations
                .contains_key(Language::English.code())
                .then_some((Shown::Parents(Language::English), "Foresatte (engelsk)".to_owned()));
            let options: Vec<(Shown, String)> = [(Shown::Home, "Startsiden".to_owned())]
                .into_iter()
                .chain(situations)
                .chain([
                    (Shown::Routes, "Alle veier gjennom hver situasjon".to_owned()),
                    (Shown::Parents(Language::Bokmal), "Foresatte (norsk)".to_owned()),
                ])
                .chain(english)
                .collect();
            view! {
                <div class="field">
                    <label for="preview-choice">"Vis"</label>
                    <select id="preview-choice" on:change=move |ev| {
                        note.set(None);
                        shown.set(Shown::from_value(&event_target_value(&ev)));
                    }>
                        {options.into_iter().map(|(choice, label)| {
                            let value = choice.value();
                            view! { <option value=value prop:selected=move || shown.get() == choice>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
        })
    };

    let drawn = move || {
        let plan = plan.get()?;
        let shown = shown.get();
        // The page is made inside the providers: a component reads its
        // context when it is made. The app's own state for this plan,
        // practice's book and call buttons: nothing stored, nothing dials.
        Some(view! {
            <Provider value=AppState::showing(plan)>
                <Provider value=CaseBook::practice(None)>
                    <Provider value=Practice { call: practice_call, emergency_calls }>
                        <div class="studio-preview-page" on:click=follow_link>{page(plan, shown)}</div>
                    </Provider>
                </Provider>
            </Provider>
        })
    };

    view! {
        <section aria-labelledby="preview-title" class="studio-preview">
            <h2 id="preview-title">"Forhåndsvisning"</h2>
            <p>"Slik ser ansatte og foresatte planen, tegnet av appens egne sider. Ingenting lagres, og ringeknappene ringer ikke."</p>
            <button type="button" class="button" on:click=show>"Vis planen slik appen viser den"</button>
            <div role="status">
                {move || problem.get().map(|p| view! {
                    <p class="studio-warning">{p} " " <a href="#check-title">"Rett feilene under «Sjekk» først."</a></p>
                })}
            </div>
            <p role="status">{move || {
                plan.track();
                let changed = last.with_value(|l| l.as_ref().map(|(t, _)| t.clone()))
                    .is_some_and(|t| plan_text.with(|now| *now != t));
                changed.then_some("Planfilen er endret siden forhåndsvisningen: trykk knappen igjen for å se endringen.")
            }}</p>
            {choices}
            <p role="status">{move || note.get()}</p>
            {drawn}
        </section>
    }
}

/// One page of the app, as it draws it for `plan`.
fn page(plan: &'static Plan, shown: Shown) -> AnyView {
    match shown {
        Shown::Home => view! { <HomeScreen plan=plan revision=true/> }.into_any(),
        Shown::Situation(id) => view! { <Procedure id=id/> }.into_any(),
        Shown::Routes => plan
            .situations
            .iter()
            .map(|s| {
                view! {
                    <h3>{s.title.clone()}</h3>
                    <RouteList plan=plan situation=s.id.clone() id=format!("preview-routes-{}", s.id)/>
                }
            })
            .collect_view()
            .into_any(),
        Shown::Parents(language) => view! {
            <div class="parents" lang=language.code()>
                <ParentsContent plan=plan language=language/>
            </div>
        }
        .into_any(),
    }
}

/// Focus on the preview's heading when it was lost with a removed link.
fn focus_lost_to_heading() {
    let document = document();
    let lost = document
        .active_element()
        .is_none_or(|active| document.body().is_some_and(|body| *body == active));
    let heading = document
        .query_selector(".studio-preview-page h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let (true, Some(heading)) = (lost, heading) {
        // Focusable by script only: not a Tab stop.
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}
