//! The plan itself: goals, prevention, confidentiality, documentation,
//! factors, conversation advice, laws and resources, version and revision.

use crate::components::insecure_host::InsecureHostNote;
use crate::components::plan_switch::PlanSwitch;
use crate::components::revision::RevisionWarning;
use crate::components::share::ParentsShare;
use crate::page::{link, set_title};
use crate::state::AppState;
use leptos::prelude::*;
use rusplan_domain::plan::Link;
use rusplan_domain::{route, routes, Plan};

#[component]
pub fn PlanInfo() -> impl IntoView {
    set_title("Planen");
    let state = expect_context::<AppState>();
    move || {
        let plan = state.plan();
        view! {
            <h1>{plan.meta.title.clone()}</h1>
            <p class="plan-name">{plan.meta.school.clone()}</p>
            <RevisionWarning plan=plan/>
            <Meta plan=plan/>
            <InsecureHostNote/>
            <PlanSwitch/>
            <ParentsShare plan=plan/>
            <Flowcharts plan=plan/>
            <Section title="Øving" show=true>
                <p class="practised">{practised(plan)}</p>
                <a class="button secondary" href=link("/ovelse/")>"Øv på planen"</a>
            </Section>
            <Section title="Innledning" show=!plan.introduction.is_empty()>
                {plan.introduction.iter().map(|p| view! { <p>{p.text.clone()}</p> }).collect_view()}
            </Section>
            <Section title="Mål" show=!plan.goals.is_empty()>
                <ul>
                    {plan.goals.iter().map(|g| view! {
                        <li><strong>{g.text.clone()}</strong>{g.detail.clone().map(|d| view! { <br/>{d} })}</li>
                    }).collect_view()}
                </ul>
            </Section>
            <Roles plan=plan/>
            {plan.prevention.as_ref().map(|p| view! {
                <Section title="Forebygging" show=true>
                    {p.text.iter().map(|t| view! { <p>{t.text.clone()}</p> }).collect_view()}
                    {p.groups.iter().map(|g| view! {
                        <h3>{g.title.clone()}</h3>
                        <ul>{g.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
                    }).collect_view()}
                </Section>
            })}
            {plan.confidentiality.as_ref().map(|c| view! {
                <Section title="Taushetsplikt og opplysningsplikt" show=true>
                    {c.text.iter().map(|t| view! { <p>{t.text.clone()}</p> }).collect_view()}
                </Section>
            })}
            {plan.documentation.as_ref().map(|d| view! {
                <Section title="Dokumentasjon" show=true><p>{d.text.clone()}</p></Section>
            })}
            {plan.protective_factors.as_ref().map(|f| view! {
                <Section title="Beskyttelsesfaktorer" show=true>
                    <ul>{f.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
                </Section>
            })}
            {plan.risk_factors.as_ref().map(|f| view! {
                <Section title="Risikofaktorer" show=true>
                    <ul>{f.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
                </Section>
            })}
            {plan.conversation_advice.as_ref().map(|a| view! {
                <Section title="Samtaler med elever" show=true>
                    <p>{a.title.clone()}</p>
                    <ul>{a.items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
                </Section>
            })}
            <Section title="Aktuelt lovverk" show=!plan.laws.is_empty()><Links links=&plan.laws/></Section>
            <Section title="Ressurser" show=!plan.resources.is_empty()><Links links=&plan.resources/></Section>
            <Section title="Kilder" show=true>
                <ul>{plan.documents.iter().map(|d| view! { <li>{d.title.clone()}</li> }).collect_view()}</ul>
                <p class="general-info">"Alt i Rusplan er hentet fra planen, med henvisning til kildeteksten. Nødnumrene 112 og 113 er generell informasjon."</p>
                <p class="general-info">{format!("Appversjon: {}", crate::pwa::version().unwrap_or_else(|| "utvikling".to_owned()))}</p>
            </Section>
        }
    }
}

/// Where a situation's flowchart is, from the app's folder: drawn at build
/// time by `crates/prerender` (the app carries no drawing code).
pub fn flowchart_file(plan: &str, situation: &str) -> String {
    format!("flyt/{plan}/{situation}.svg")
}

/// The plan's flowcharts with every route as text (their text
/// alternative): a static page written by `crates/prerender` from
/// [`FlowchartsPage`], so the app carries neither the list nor the walk.
pub fn flowcharts_page(plan: &str) -> String {
    format!("flyt/{plan}.html")
}

/// Each situation's flowchart; the routes as text are one link away.
#[component]
fn Flowcharts(plan: &'static Plan) -> impl IntoView {
    let page = link(&format!("/{}", flowcharts_page(&plan.id)));
    view! {
        <section class="plan-section" aria-labelledby="section-flowcharts">
            <h2 id="section-flowcharts">"Flytskjema"</h2>
            {plan.situations.iter().map(|s| view! {
                <h3>{s.title.clone()}</h3>
                <img class="flowchart" src=link(&format!("/{}", flowchart_file(&plan.id, &s.id)))
                    alt=format!("Flytskjema for {}. Veiene står som tekst på siden «Flytskjema og veier».", s.label)/>
            }).collect_view()}
            <p><a href=page target="_blank" rel="noopener">"Flytskjema og veier" <span class="visually-hidden">" (åpnes i ny fane)"</span></a></p>
            <a class="button secondary" href=link("/studio.html") target="_blank" rel="noopener">"Planstudio: skriv og sjekk planen" <span class="visually-hidden">" (åpnes i ny fane)"</span></a>
        </section>
    }
}

/// The flowcharts of every situation with each route as text, for the
/// static page (`flowcharts_page`): rendered ahead of time, it touches no
/// browser API. Image paths are relative to the page's folder (`flyt/`).
#[component]
pub fn FlowchartsPage(plan: &'static Plan) -> impl IntoView {
    view! {
        <main id="main" class="flowcharts">
            <h1>{format!("Flytskjema og veier: {}", plan.meta.title)}</h1>
            <p>{plan.meta.school.clone()}</p>
            {plan.situations.iter().map(|s| {
                let id = format!("routes-{}", s.id);
                view! {
                    <section aria-labelledby=format!("title-{}", s.id)>
                        <h2 id=format!("title-{}", s.id)>{s.title.clone()}</h2>
                        <img class="flowchart" src=format!("{}/{}.svg", plan.id, s.id) aria-describedby=id.clone()
                            alt=format!("Flytskjema for {}. Veiene står som tekst under.", s.label)/>
                        <h3>"Veiene som tekst"</h3>
                        <RouteList plan=plan situation=s.id.clone() id=id/>
                    </section>
                }
            }).collect_view()}
            <p><a href="../">"Til Rusplan"</a></p>
        </main>
    }
}

/// Every route through a situation (the engine's `routes()`): what the
/// answers were, then the steps in order. Also the studio's preview.
#[component]
pub fn RouteList(plan: &'static Plan, situation: String, id: String) -> impl IntoView {
    let items = routes(plan, &situation).unwrap_or_default().into_iter().filter_map(|facts| {
        let g = route(plan, &situation, &facts).ok()?;
        let when: Vec<String> = g.answered.iter().map(|(q, a)| format!("{} {}", q.text, a.label)).collect();
        let when = if when.is_empty() { "Alltid".to_owned() } else { when.join(" – ") };
        Some(view! {
            <li>{when}<ol>{g.steps.iter().map(|st| view! { <li>{st.step.text.clone()}</li> }).collect_view()}</ol></li>
        })
    }).collect_view();
    view! { <ul class="routes" id=id>{items}</ul> }
}

/// The situations practised on this device: their names, nothing else.
fn practised(plan: &'static Plan) -> String {
    let done = crate::storage::practice_log(&plan.id).done(plan);
    let names: Vec<&str> = done.iter().map(|s| s.label.as_str()).collect();
    match names.is_empty() {
        true => "Ingen situasjoner er øvd på denne enheten ennå.".to_owned(),
        false => format!("Øvd på denne enheten: {}.", names.join("; ")),
    }
}

#[component]
fn Section(title: &'static str, show: bool, children: ChildrenFn) -> impl IntoView {
    // The titles are ours and start with an ASCII capital.
    let id = format!("section-{}", title.to_ascii_lowercase().replace(' ', "-"));
    let labelled_by = id.clone();
    show.then(|| {
        view! {
            <section class="plan-section" aria-labelledby=labelled_by>
                <h2 id=id>{title}</h2>
                {children()}
            </section>
        }
    })
}

#[component]
fn Meta(plan: &'static Plan) -> impl IntoView {
    let m = &plan.meta;
    let row = |label: &'static str, value: Option<String>| {
        view! { <div><dt>{label}</dt><dd>{value.unwrap_or_else(|| "Ikke oppgitt i planen".to_owned())}</dd></div> }
    };
    view! {
        <dl class="meta">
            {row("Skoleår", m.school_year.clone())}
            {row("Versjon", m.version.clone())}
            {row("Neste revisjon", m.next_revision_text.clone().or_else(|| m.next_revision.clone()).or_else(|| m.undated_reason.clone()))}
            {row("Ansvarlig", m.responsible.clone())}
        </dl>
    }
}

/// Roles with described duties (the kjentmann's role in the brochure).
#[component]
fn Roles(plan: &'static Plan) -> impl IntoView {
    plan.roles
        .iter()
        .filter(|r| !r.duties.is_empty())
        .map(|r| view! {
            <section class="plan-section" aria-labelledby=format!("duties-{}", r.id)>
                <h2 id=format!("duties-{}", r.id)>{format!("Rollen til {}", r.name_in_sentence())}</h2>
                <ul>{r.duties.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
            </section>
        })
        .collect_view()
}

#[component]
fn Links(links: &'static [Link]) -> impl IntoView {
    view! {
        <ul class="links">
            {links.iter().map(|l| view! {
                <li>
                    <a href=l.url.clone() target="_blank" rel="noopener noreferrer">
                        {l.title.clone()} <span class="visually-hidden">" (åpnes i ny fane)"</span>
                    </a>
                    {l.note.clone().map(|n| view! { <br/><span class="link-note">{n}</span> })}
                </li>
            }).collect_view()}
        </ul>
    }
}
