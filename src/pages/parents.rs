//! The parents' (foresatte) information page, opened from a shared link:
//! calm, read-only, from the plan's own words. It reads nothing stored on
//! the device and has no staff controls. Bokmål or English; a plan text
//! with no English translation is shown in bokmål, marked as such.
//!
//! It is rendered ahead of time, natively, to one static HTML file per plan
//! and language (`crates/prerender`, [`file_name`]): a parent's first visit
//! runs no wasm and no app script, and the language switch is a link to the
//! other file. Nothing here may touch the browser.

use leptos::prelude::*;
use rusplan_domain::parents::situations_for_parents;
use rusplan_domain::phone::tel_target;
use rusplan_domain::Plan;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Bokmal,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Bokmal, Language::English];

    pub fn code(self) -> &'static str {
        match self {
            Language::Bokmal => "nb",
            Language::English => "en",
        }
    }

    /// The page's title, as the document shows it.
    pub fn title(self) -> &'static str {
        self.words().title
    }

    /// The page's own words (not the plan's).
    fn words(self) -> &'static Words {
        match self {
            Language::Bokmal => &NB,
            Language::English => &EN,
        }
    }
}

struct Words {
    title: &'static str,
    intro: &'static str,
    /// Said where the page is a translation (empty in bokmål).
    translated: &'static str,
    about: &'static str,
    goals: &'static str,
    prevention: &'static str,
    when_worried: &'static str,
    when_worried_intro: &'static str,
    only_when: &'static str,
    branch: &'static str,
    meeting_agenda: &'static str,
    informing: &'static str,
    signs: &'static str,
    protective: &'static str,
    talking: &'static str,
    help: &'static str,
    rules: &'static str,
    contact: &'static str,
    no_number: &'static str,
    call: &'static str,
    new_tab: &'static str,
}

const NB: Words = Words {
    title: "Informasjon til foresatte",
    intro: "Her er det skolens handlingsplan mot rus sier om hva skolen gjør, hva dere kan se etter, og hvor dere kan få hjelp.",
    translated: "",
    about: "Om planen",
    goals: "Skolens mål",
    prevention: "Forebygging",
    when_worried: "Når skolen er bekymret",
    when_worried_intro: "Dette sier planen om når foresatte kontaktes og deltar:",
    only_when: "Gjelder når:",
    branch: "Når:",
    meeting_agenda: "I møtet skal følgende skje:",
    informing: "Taushetsplikt og informasjon til foresatte",
    signs: "Tegn dere kan se etter",
    protective: "Beskyttelsesfaktorer",
    talking: "Råd for samtaler",
    help: "Her kan dere få hjelp",
    rules: "Regler og lover",
    contact: "Kontakt skolen",
    no_number: "Planen oppgir ikke telefonnummer.",
    call: "Ring",
    new_tab: "(åpnes i ny fane)",
};

const EN: Words = Words {
    title: "Information for parents and guardians",
    intro: "This is what the school's action plan against substance use says about what the school does, what you can look out for, and where to get help.",
    translated: "The texts from the plan are translated from the school's plan, which is in Norwegian. The Norwegian text is the authoritative one.",
    about: "About the plan",
    goals: "The school's goals",
    prevention: "Prevention",
    when_worried: "When the school is concerned",
    when_worried_intro: "This is what the plan says about when parents and guardians are contacted and take part:",
    only_when: "Applies when:",
    branch: "When:",
    meeting_agenda: "At the meeting:",
    informing: "Confidentiality and informing parents",
    signs: "Signs to look out for",
    protective: "Protective factors",
    talking: "Advice for conversations",
    help: "Where to get help",
    rules: "Rules and laws",
    contact: "Contact the school",
    no_number: "The plan gives no phone number.",
    call: "Call",
    new_tab: "(opens in a new tab)",
};

/// A text from the plan in the chosen language, or in bokmål with a note.
fn plan_text(plan: &'static Plan, language: Language, text: &str) -> AnyView {
    match language {
        Language::Bokmal => text.to_owned().into_any(),
        Language::English => match plan.translation("en", text) {
            Some(english) => english.to_owned().into_any(),
            None => view! {
                <span lang="nb">{text.to_owned()}</span>
                " "
                <span class="untranslated">"(not yet translated: shown in Norwegian)"</span>
            }
            .into_any(),
        },
    }
}

/// The static file of a plan's parents' page in a language, in the
/// `foresatte/` folder: `<plan>.html`, `<plan>.en.html`. The one rule for
/// these names: `crates/prerender` writes the files, and the script that
/// sends a link on to them, from it.
pub fn file_name(plan_id: &str, language: Language) -> String {
    match language {
        Language::Bokmal => format!("{plan_id}.html"),
        Language::English => format!("{plan_id}.en.html"),
    }
}

#[component]
pub fn ParentsPage(plan: &'static Plan, language: Language) -> impl IntoView {
    view! {
        <header class="app-bar">
            <span class="app-name">"Rusplan"</span>
            <span class="app-school">{plan.meta.school.clone()}</span>
        </header>
        <main id="main" class="parents">
            <nav class="lang-switch" aria-label="Språk / Language">
                {Language::ALL.into_iter().map(|lang| view! {
                    <a class="button secondary" lang=lang.code() hreflang=lang.code()
                        href=file_name(&plan.id, lang)
                        aria-current=(lang == language).then_some("page")>
                        {match lang { Language::Bokmal => "Norsk", Language::English => "English" }}
                    </a>
                }).collect_view()}
            </nav>
            <ParentsContent plan=plan language=language/>
        </main>
    }
}

/// The page's sections, without its frame (also the studio's preview).
#[component]
pub fn ParentsContent(plan: &'static Plan, language: Language) -> impl IntoView {
    let w = language.words();
    let t = move |text: &str| plan_text(plan, language, text);
    let section = |id: &'static str, title: &'static str, body: AnyView| {
        view! {
            <section class="plan-section" aria-labelledby=id>
                <h2 id=id>{title}</h2>
                {body}
            </section>
        }
    };
    let parents = plan.parents.as_ref();
    let duty: Vec<_> = plan
        .confidentiality
        .iter()
        .flat_map(|c| &c.duty_to_inform)
        .filter(|n| parents.is_some_and(|p| p.duty_notes.contains(&n.id)))
        .collect();
    let situations = situations_for_parents(plan);
    view! {
        <h1>{w.title}</h1>
        <p class="plan-name">{plan.meta.school.clone()} " · " {t(&plan.meta.title)}</p>
        <p>{w.intro}</p>
        {(!w.translated.is_empty()).then(|| view! { <p class="general-info translated-note">{w.translated}</p> })}
        {(!plan.introduction.is_empty()).then(|| section("p-about", w.about,
            plan.introduction.iter().map(|p| view! { <p>{t(&p.text)}</p> }).collect_view().into_any()))}
        {(!plan.goals.is_empty()).then(|| section("p-goals", w.goals, view! {
            <ul>{plan.goals.iter().map(|g| view! {
                <li><strong>{t(&g.text)}</strong>{g.detail.as_ref().map(|d| view! { <br/>{t(d)} })}</li>
            }).collect_view()}</ul>
        }.into_any()))}
        {plan.prevention.as_ref().filter(|p| !p.text.is_empty()).map(|p| section("p-prevention", w.prevention,
            p.text.iter().map(|para| view! { <p>{t(&para.text)}</p> }).collect_view().into_any()))}
        {(!situations.is_empty()).then(|| section("p-worried", w.when_worried, view! {
            <p>{w.when_worried_intro}</p>
            {situations.into_iter().map(|s| view! {
                <h3>{t(&s.situation.title)}</h3>
                <ul>{s.items.into_iter().map(|item| view! {
                    <li>
                        {(!item.branch.is_empty()).then(|| view! {
                            <span class="condition">{w.branch} " " {item.branch.iter().map(|b| t(b)).collect_view()}</span><br/>
                        })}
                        {t(&item.step.text)}
                        {(!item.only_when.is_empty()).then(|| view! {
                            <br/><span class="condition">{w.only_when} " " {item.only_when.iter().map(|l| t(l)).collect_view()}</span>
                        })}
                        {(!item.agenda.is_empty()).then(|| view! {
                            <p class="agenda-title">{w.meeting_agenda}</p>
                            <ul>{item.agenda.iter().map(|a| view! { <li>{t(&a.text)}</li> }).collect_view()}</ul>
                        })}
                    </li>
                }).collect_view()}</ul>
            }).collect_view()}
        }.into_any()))}
        {(!duty.is_empty()).then(|| section("p-informing", w.informing, view! {
            <ul>{duty.iter().map(|n| view! { <li>{t(&n.text)}</li> }).collect_view()}</ul>
        }.into_any()))}
        {plan.checklist.as_ref().map(|c| section("p-signs", w.signs, view! {
            {c.gut_feeling.as_ref().map(|g| view! { <blockquote class="gut-feeling">{t(&g.text)}</blockquote> })}
            <ul>{c.groups.iter().flat_map(|g| &g.signs).map(|s| view! { <li>{t(&s.text)}</li> }).collect_view()}</ul>
        }.into_any()))}
        {plan.protective_factors.as_ref().map(|f| section("p-protective", w.protective, view! {
            <ul>{f.items.iter().map(|i| view! { <li>{t(i)}</li> }).collect_view()}</ul>
        }.into_any()))}
        {plan.conversation_advice.as_ref().map(|a| section("p-talking", w.talking, view! {
            <p>{t(&a.title)}</p>
            <ul>{a.items.iter().map(|i| view! { <li>{t(i)}</li> }).collect_view()}</ul>
        }.into_any()))}
        {(!plan.resources.is_empty()).then(|| section("p-help", w.help, links(plan, language, &plan.resources)))}
        {(!plan.laws.is_empty()).then(|| section("p-rules", w.rules, links(plan, language, &plan.laws)))}
        {parents.filter(|p| !p.contact_roles.is_empty()).map(|p| section("p-contact", w.contact, view! {
            {p.contact_roles.iter().filter_map(|r| plan.role(r)).map(|role| {
                let people: Vec<_> = plan.contacts_for(&role.id).collect();
                view! {
                    <h3>{t(&role.name)}</h3>
                    {(!role.duties.is_empty()).then(|| view! {
                        <ul>{role.duties.iter().map(|d| view! { <li>{t(d)}</li> }).collect_view()}</ul>
                    })}
                    {if people.is_empty() {
                        view! { <p class="no-number">{w.no_number}</p> }.into_any()
                    } else {
                        people.into_iter().map(|c| view! {
                            <a class="call" href=tel_target(&c.phone).map(|t| format!("tel:{t}")).unwrap_or_default()>
                                <span class="call-text">
                                    <span class="call-name">{w.call} " " {c.name.clone()}</span>
                                    <span class="call-detail">{c.phone.clone()}</span>
                                </span>
                            </a>
                        }).collect_view().into_any()
                    }}
                }
            }).collect_view()}
        }.into_any()))}
    }
}

fn links(
    plan: &'static Plan,
    language: Language,
    links: &'static [rusplan_domain::plan::Link],
) -> AnyView {
    let w = language.words();
    view! {
        <ul class="links">
            {links.iter().map(|l| view! {
                <li>
                    <a href=l.url.clone() target="_blank" rel="noopener noreferrer">
                        {plan_text(plan, language, &l.title)}
                        <span class="visually-hidden">{format!(" {}", w.new_tab)}</span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
