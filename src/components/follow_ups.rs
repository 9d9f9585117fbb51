//! What remains in a case and by when (`rusplan_domain::follow_up`), and
//! "Legg i kalender": an `.ics` file for one of them, which names the kind
//! of entry and the situation at most (`rusplan_domain::calendar`), because
//! calendars sync to the cloud.

use crate::browser;
use leptos::prelude::*;
use rusplan_domain::calendar::{self, Start};
use rusplan_domain::case::Case;
use rusplan_domain::follow_up::{follow_ups, FollowUp, Timing};
use rusplan_domain::time::{iso_date_for_people, Date};
use rusplan_domain::Plan;

fn when(item: &FollowUp, today: Date) -> String {
    let day = item.due.map(|d| iso_date_for_people(&d.iso()));
    match (item.timing(today), day, item.urgency) {
        (Timing::Overdue, Some(day), _) => format!("Skulle vært gjort {day}"),
        (Timing::Today, _, _) => "I dag".to_owned(),
        (Timing::Later, Some(day), _) => day,
        // The plan's own word for how soon ("raskt", "umiddelbart", …).
        (_, _, Some(urgency)) => format!("Planen sier: {urgency}"),
        _ => "Ingen dato".to_owned(),
    }
}

#[component]
pub fn FollowUps(plan: &'static Plan, case: Memo<Option<Case>>) -> impl IntoView {
    let chosen = RwSignal::new(0usize);
    let day = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    // Drawn anew only when the list changes, not on every keystroke saved
    // elsewhere in the case (which would reset the calendar's fields).
    let items = Memo::new(move |_| {
        case.with(|c| {
            c.as_ref()
                .map(|c| follow_ups(plan, c, browser::today()))
                .unwrap_or_default()
        })
    });
    let add_to_calendar = move |_| {
        let Some(case) = case.get_untracked() else {
            return;
        };
        let items = follow_ups(plan, &case, browser::today());
        let Some(item) = items.get(chosen.get_untracked()) else {
            return;
        };
        let date = match day.get_untracked() {
            d if d.is_empty() => item.due.map(Date::iso).unwrap_or_default(),
            d => d,
        };
        match Start::from_inputs(&date, &time.get_untracked()) {
            Some(start) => {
                problem.set(None);
                let text = calendar::ics(plan, &case, item, start, browser::now_millis());
                browser::download_file(
                    &calendar::file_name(item, start),
                    "text/calendar;charset=utf-8",
                    &text,
                );
            }
            None => problem.set(Some(
                "Velg en dato (og eventuelt et klokkeslett) for kalenderen.",
            )),
        }
    };
    view! {
        <section class="case-part" aria-labelledby="remains-title">
            <h2 id="remains-title">"Hva gjenstår"</h2>
            {move || {
                let items = items.get();
                let today = browser::today();
                if items.is_empty() {
                    return view! { <p>"Ingenting gjenstår etter planen."</p> }.into_any();
                }
                view! {
                    <ul class="remains" role="list">
                        {items.iter().map(|item| view! {
                            <li class:due=item.is_due(today)>
                                <span class="remains-what">{item.text().to_owned()}</span>
                                <span class="remains-when">{when(item, today)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    <h3>"Legg i kalender"</h3>
                    <p class="general-info">"Kalenderfilen sier bare om det er et møte eller en oppfølging, og \
                        hvilken situasjon: aldri eleven, klassen eller notatene, fordi kalendere ofte lagres i \
                        skyen. "{crate::components::OWN_CHOICE}</p>
                    <div class="field">
                        <label for="calendar-item">"Hva"</label>
                        <select id="calendar-item" on:change=move |ev| {
                            chosen.set(event_target_value(&ev).parse().unwrap_or(0));
                        }>
                            {items.iter().enumerate().map(|(i, item)| view! {
                                <option value=i.to_string() selected=move || chosen.get() == i>{item.text().to_owned()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="calendar-date">"Dato"</label>
                        <input id="calendar-date" type="date" on:change=move |ev| day.set(event_target_value(&ev))
                            prop:value=move || {
                                let d = day.get();
                                if d.is_empty() {
                                    items.get(chosen.get()).and_then(|i| i.due).map(Date::iso).unwrap_or_default()
                                } else {
                                    d
                                }
                            }/>
                    </div>
                    <div class="field">
                        <label for="calendar-time">"Klokkeslett (valgfritt)"</label>
                        <input id="calendar-time" type="time" prop:value=move || time.get()
                            on:change=move |ev| time.set(event_target_value(&ev))/>
                    </div>
                    <button type="button" class="button secondary" on:click=add_to_calendar>"Last ned kalenderfil (.ics)"</button>
                    {move || problem.get().map(|p| view! { <p class="warning" role="alert">{p}</p> })}
                }
                .into_any()
            }}
        </section>
    }
}
