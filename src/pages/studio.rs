//! The plan studio (`studio.html`, a program of its own: `src/bin/studio.rs`,
//! built by scripts/postbuild.mjs, so the staff app's first load carries
//! none of it). A school's plan owner pastes or opens the plan's text, sees
//! it with line numbers, opens a plan file (a bundled one, or their own) to
//! revise it, and sees at once what the domain says of it: the validator's
//! messages (those of `validate-plan`), texts that depart from their cited
//! lines, procedure lines no step covers, and each situation's flowchart.
//! The work is kept on the device (`storage::set_studio_work`: plan text,
//! not pupil data) and exported as the plan file and its source text.

use crate::browser;
use crate::pages::studio_build::StudioBuild;
use crate::pages::studio_preview::StudioPreview;
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rusplan_domain::flowchart::{flowchart, to_svg};
use rusplan_domain::plan_file::{locate, to_json};
use rusplan_domain::trace::{self, Departure, SourceLines, Uncovered};
use rusplan_domain::{parse_plan, validate, Plan, PlanError};

// PLAN_FILES and SOURCE_FILES: the bundled plans as written (build.rs).
include!(concat!(env!("OUT_DIR"), "/studio_files.rs"));

const PLAN_FIELD: &str = "plan-json";

/// What the domain says of the studio's plan text.
#[derive(Clone, PartialEq)]
struct Check {
    plan: Option<Plan>,
    errors: Vec<PlanError>,
    departures: Vec<Departure>,
    uncovered: Vec<Uncovered>,
    /// The plan's documents with no text open: what cites them is not
    /// compared (a plan of several documents is checked one text at a time).
    unchecked: Vec<String>,
}

/// The source text as the lines of the plan's document it is the file of
/// (a plan with one document reads it whatever its name). An empty text is
/// no source: nothing is compared with it.
fn source_lines(plan: &Plan, name: &str, text: &str) -> SourceLines {
    if text.trim().is_empty() {
        return SourceLines::new();
    }
    let lines = trace::lines(text);
    let single = plan.documents.len() == 1;
    plan.documents
        .iter()
        .filter(|d| single || d.file.as_deref() == Some(name))
        .map(|d| (d.id.clone(), lines.clone()))
        .collect()
}

fn check(plan_text: &str, source_name: &str, source: &str) -> Check {
    match parse_plan(plan_text) {
        Err(error) => Check {
            plan: None,
            errors: vec![error],
            departures: Vec::new(),
            uncovered: Vec::new(),
            unchecked: Vec::new(),
        },
        Ok(plan) => {
            let sources = source_lines(&plan, source_name, source);
            Check {
                errors: validate(&plan),
                departures: trace::departures(&plan, &sources),
                uncovered: trace::uncovered_lines(&plan, &sources),
                unchecked: plan
                    .documents
                    .iter()
                    .filter(|d| !sources.contains_key(&d.id))
                    .map(|d| d.file.clone().unwrap_or_else(|| d.id.clone()))
                    .collect(),
                plan: Some(plan),
            }
        }
    }
}

/// Moves the caret to the place in the plan file a validator path names.
fn show_in_plan(plan_text: &str, path: &str) {
    if let Some((start, end)) = locate(plan_text, path) {
        // The field counts UTF-16 units; `locate` bytes.
        let units = |bytes: usize| plan_text[..bytes].encode_utf16().count() as u32;
        browser::select_in_text_field(PLAN_FIELD, units(start), units(end));
    }
}

#[component]
pub fn Studio() -> impl IntoView {
    let (plan0, name0, source0) = storage::studio_work().unwrap_or_default();
    let plan_text = RwSignal::new(plan0);
    let source_name = RwSignal::new(if name0.is_empty() {
        "kildetekst.txt".to_owned()
    } else {
        name0
    });
    let source = RwSignal::new(source0);
    let message = RwSignal::new(None::<String>);
    // The selected lines (1-based, as typed): the forms make items of them.
    let first = RwSignal::new(String::new());
    let last = RwSignal::new(String::new());
    let storage_problem = RwSignal::new(None::<String>);

    // Every change is kept on the device at once: a closed tab loses nothing.
    Effect::new(move |_| {
        let result = storage::set_studio_work(&plan_text.get(), &source_name.get(), &source.get());
        storage_problem.set(result.err().map(|e| e.to_string()));
    });
    let checked = Memo::new(move |_| check(&plan_text.get(), &source_name.get(), &source.get()));

    // What opening a file replaced, so a click too many loses nothing.
    let replaced = RwSignal::new(None::<(String, String, String)>);
    let keep_current = move || {
        let current = (
            plan_text.get_untracked(),
            source_name.get_untracked(),
            source.get_untracked(),
        );
        if !current.0.trim().is_empty() || !current.2.trim().is_empty() {
            replaced.set(Some(current));
        }
    };
    let restore = move |_| {
        if let Some((plan, name, text)) = replaced.get_untracked() {
            plan_text.set(plan);
            source_name.set(name);
            source.set(text);
            replaced.set(None);
            message.set(Some("Det du hadde før, er hentet tilbake.".to_owned()));
        }
    };
    let chosen = RwSignal::new(PLAN_FILES.first().map_or("", |(id, _)| id).to_owned());
    let open_bundled = move |_| {
        let id = chosen.get_untracked();
        let Some((_, json)) = PLAN_FILES.iter().find(|(i, _)| *i == id) else {
            return;
        };
        keep_current();
        plan_text.set((*json).to_owned());
        let file = parse_plan(json)
            .ok()
            .and_then(|p| p.documents.iter().find_map(|d| d.file.clone()));
        if let Some((name, text)) = file.and_then(|f| SOURCE_FILES.iter().find(|(n, _)| *n == f)) {
            source_name.set((*name).to_owned());
            source.set((*text).to_owned());
        }
        message.set(Some(format!("Åpnet planen «{id}» med kildeteksten.")));
    };
    let open_plan_file = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            if let Some((name, text)) = browser::chosen_file_text(&ev).await {
                keep_current();
                plan_text.set(text);
                message.set(Some(format!("Åpnet planfilen {name}.")));
            }
        });
    };
    let open_source_file = move |ev: leptos::ev::Event| {
        spawn_local(async move {
            if let Some((name, text)) = browser::chosen_file_text(&ev).await {
                keep_current();
                source_name.set(name.clone());
                source.set(text);
                message.set(Some(format!("Åpnet kildeteksten {name}.")));
            }
        });
    };
    let export_plan = move |_| match parse_plan(&plan_text.get_untracked()) {
        Ok(plan) => {
            browser::download_file(
                &format!("{}.json", plan.id),
                "application/json",
                &to_json(&plan),
            );
            message.set(Some(format!("Planfilen {}.json er lastet ned.", plan.id)));
        }
        Err(_) => message.set(Some(
            "Planfilen kan ikke leses ennå: rett feilen under «Sjekk» først.".to_owned(),
        )),
    };
    let export_source = move |_| {
        let name = source_name.get_untracked();
        browser::download_text(&name, &source.get_untracked());
        message.set(Some(format!("Kildeteksten {name} er lastet ned.")));
    };

    let errors = move || {
        let c = checked.get();
        if plan_text.with(|t| t.trim().is_empty()) {
            return view! { <p>"Ingen planfil ennå: åpne en, eller lim den inn."</p> }.into_any();
        }
        if c.errors.is_empty() {
            return view! { <p class="studio-ok">"Validatoren finner ingen feil."</p> }.into_any();
        }
        view! {
            <p>{format!("Validatoren finner {} feil. Lenkene viser stedet i planfilen.", c.errors.len())}</p>
            <ul class="studio-problems" id="validation">
                {c.errors.into_iter().map(|e| {
                    let path = e.path.clone();
                    view! {
                        <li>
                            <a href=format!("#{PLAN_FIELD}") on:click=move |ev| {
                                ev.prevent_default();
                                show_in_plan(&plan_text.get_untracked(), &path);
                            }>{e.path.clone()}</a>
                            {format!(": {}", e.problem)}<br/>
                            {format!("Slik retter du det: {}", e.fix)}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let departures = move || {
        let c = checked.get();
        let none = c.plan.is_some() && c.departures.is_empty();
        let unchecked = (!c.unchecked.is_empty()).then(|| {
            format!(
                "Ikke sjekket (ordrett og dekning): det som viser til {}. Åpne den teksten under «Start» for å sjekke det.",
                c.unchecked.join(", ")
            )
        });
        view! {
            {unchecked.map(|note| view! { <p class="studio-warning-text">{note}</p> })}
            {(none && c.unchecked.is_empty()).then(|| view! { <p class="studio-ok">"Alle tekster står ordrett i linjene de viser til."</p> })}
            <ul class="studio-problems">
                {c.departures.into_iter().map(|d| {
                    let path = d.path.clone();
                    let [first, _] = d.lines;
                    view! {
                        <li>
                            <a href=format!("#{PLAN_FIELD}") on:click=move |ev| {
                                ev.prevent_default();
                                show_in_plan(&plan_text.get_untracked(), &path);
                            }>{d.to_string()}</a>
                            " · " <a href=format!("#linje-{first}")>{format!("Til linje {first}")}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    };
    let uncovered = move || {
        let c = checked.get();
        let none = c.plan.is_some() && c.uncovered.is_empty() && c.unchecked.is_empty();
        view! {
            {none.then(|| view! { <p class="studio-ok">"Hver linje i fremgangsmåtene er dekket av et trinn."</p> })}
            <ul class="studio-problems">
                {c.uncovered.into_iter().map(|u| {
                    let line = u.line;
                    view! {
                        <li>
                            <a href=format!("#linje-{line}")>{format!("Linje {line}")}</a>
                            {format!(" ({}): «{}» ", u.situation, u.text)}
                            <button type="button" class="button secondary" on:click=move |_| {
                                first.set(line.to_string());
                                last.set(line.to_string());
                                request_animation_frame(|| crate::page::focus_by_id("to-line"));
                            }>{format!("Velg linje {line}")}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    };
    let charts = move || {
        checked.with(|c| {
            c.plan.as_ref().map(|plan| {
                plan.situations
                    .iter()
                    .map(|s| {
                        let svg = to_svg(&flowchart(plan, s), &format!("studio-{}", s.id));
                        view! {
                            <h3>{s.title.clone()}</h3>
                            <div class="studio-flowchart" data-situation=s.id.clone() inner_html=svg></div>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let lines = move || {
        source.with(|text| {
            text.lines()
                .enumerate()
                .map(|(i, line)| {
                    let n = i as u32 + 1;
                    let chosen = move || {
                        let a = first.get().trim().parse::<u32>().ok();
                        let b = last.get().trim().parse::<u32>().ok().or(a);
                        matches!((a, b), (Some(a), Some(b)) if (a..=b).contains(&n))
                    };
                    // The mouse's way to select (the numbers above are the
                    // keyboard's): a click starts, a shift-click extends.
                    let pick = move |ev: leptos::ev::MouseEvent| {
                        let start = first.get_untracked().trim().parse::<u32>().ok();
                        match start {
                            Some(a) if ev.shift_key() => {
                                first.set(a.min(n).to_string());
                                last.set(a.max(n).to_string());
                            }
                            _ => {
                                first.set(n.to_string());
                                last.set(n.to_string());
                            }
                        }
                    };
                    view! { <li id=format!("linje-{n}") class:selected=chosen on:click=pick>{line.to_owned()}</li> }
                })
                .collect_view()
        })
    };

    view! {
        <main id="main" class="studio">
            <h1>"Planstudio"</h1>
            <p>"Her skriver og sjekker skolen sin egen handlingsplan. Alt du gjør, lagres bare på denne enheten til du laster det ned."</p>
            <p role="status" class="studio-status">{move || message.get()}</p>
            {move || replaced.with(Option::is_some).then(|| view! {
                <button type="button" class="button secondary" on:click=restore>"Hent tilbake det du hadde før"</button>
            })}
            {move || storage_problem.get().map(|p| view! { <p class="studio-warning" role="alert">{p}</p> })}
            <section aria-labelledby="start-title" class="studio-start">
                <h2 id="start-title">"Start"</h2>
                <div class="field">
                    <label for="bundled-plan">"Plan i appen"</label>
                    <select id="bundled-plan" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {PLAN_FILES.iter().map(|(id, _)| view! { <option value=*id>{*id}</option> }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button" on:click=open_bundled>"Åpne planen med kildeteksten"</button>
                <div class="field">
                    <label for="plan-file">"Åpne en planfil (.json)"</label>
                    <input id="plan-file" type="file" accept=".json,application/json" on:change=open_plan_file/>
                </div>
                <div class="field">
                    <label for="source-file">"Åpne planens tekst (.txt)"</label>
                    <input id="source-file" type="file" accept=".txt,text/plain" on:change=open_source_file/>
                </div>
            </section>
            <div class="studio-columns">
                <section aria-labelledby="source-title" class="studio-source">
                    <h2 id="source-title">"Planens tekst"</h2>
                    <div class="field">
                        <label for="source-text">"Lim inn planens tekst (slik den kommer ut av PDF-en)"</label>
                        <textarea id="source-text" rows="6" prop:value=move || source.get()
                            on:input=move |ev| source.set(event_target_value(&ev))></textarea>
                    </div>
                    <div class="field">
                        <label for="source-name">"Filnavn for teksten"</label>
                        <input id="source-name" type="text" prop:value=move || source_name.get()
                            on:change=move |ev| source_name.set(event_target_value(&ev))/>
                    </div>
                    <h3 id="lines-title">"Med linjenumre"</h3>
                    // Scrolls by itself: a region the keyboard can reach.
                    <div class="source-lines" tabindex="0" role="region" aria-labelledby="lines-title"><ol>{lines}</ol></div>
                </section>
                <div class="studio-work">
                    <section aria-labelledby="plan-title">
                        <h2 id="plan-title">"Planfilen"</h2>
                        <div class="field">
                            <label for=PLAN_FIELD>"Planfilen (JSON)"</label>
                            <textarea id=PLAN_FIELD rows="16" spellcheck="false" prop:value=move || plan_text.get()
                                on:input=move |ev| plan_text.set(event_target_value(&ev))></textarea>
                        </div>
                    </section>
                    <StudioBuild plan_text source source_name first last
                        on_replace=Callback::new(move |_| keep_current())/>
                    <section aria-labelledby="check-title">
                        <h2 id="check-title">"Sjekk"</h2>
                        {errors}
                        <h3>"Ordrett fra kildeteksten"</h3>
                        {departures}
                        <h3>"Linjer uten trinn"</h3>
                        {uncovered}
                    </section>
                    <section aria-labelledby="export-title">
                        <h2 id="export-title">"Last ned"</h2>
                        <div class="row">
                            <button type="button" class="button" on:click=export_plan>"Last ned planfilen"</button>
                            <button type="button" class="button secondary" on:click=export_source>"Last ned kildeteksten"</button>
                        </div>
                        <p>"Slik blir planen en del av appen: se README, «Egen plan fra studioet»."</p>
                    </section>
                    <section aria-labelledby="charts-title">
                        <h2 id="charts-title">"Flytskjema"</h2>
                        {charts}
                    </section>
                    <StudioPreview plan_text=plan_text/>
                </div>
            </div>
        </main>
    }
}
