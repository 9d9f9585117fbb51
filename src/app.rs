//! The app: state, router and the frame around every page.

use crate::case_book::CaseBook;
use crate::page::{app_path, base, link, query_param};
use crate::pages::handout::Handout;
use crate::pages::parents::{Language, ParentsPage};
use crate::pages::{
    case::CasePage, cases::Cases, checklist::Checklist, contacts::Contacts, home::Home,
    not_found::NotFound, plan_info::PlanInfo, procedure::Procedure, referat::ReferatPage,
};
use crate::plans;
use crate::pwa::UpdateBanner;
use crate::state::AppState;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    // A parents' link opens their page alone: no staff screens, and nothing
    // stored on the device is even read.
    if let Some(plan) = query_param("foresatte").and_then(|id| plans::find(&id)) {
        let language = Language::from_code(&query_param("lang").unwrap_or_default());
        return view! { <ParentsPage plan=plan language=language/> }.into_any();
    }
    provide_context(AppState::load());
    provide_context(CaseBook::load());
    view! {
        <Router base=base()>
            <Header/>
            <UpdateBanner/>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/situasjon/:id") view=Procedure/>
                    <Route path=path!("/sjekkliste") view=Checklist/>
                    <Route path=path!("/kontakter") view=Contacts/>
                    <Route path=path!("/plan") view=PlanInfo/>
                    <Route path=path!("/foresatte-utskrift") view=Handout/>
                    <Route path=path!("/saker") view=Cases/>
                    <Route path=path!("/saker/:id") view=CasePage/>
                    <Route path=path!("/saker/:id/referat") view=ReferatPage/>
                </Routes>
            </main>
            <BottomNav/>
        </Router>
    }
    .into_any()
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <header class="app-bar">
            <a class="app-name" href=link("/")>"Rusplan"</a>
            <span class="app-school">{move || state.plan().meta.school.clone()}</span>
        </header>
    }
}

/// The thumb-reach navigation at the bottom of the screen.
#[component]
fn BottomNav() -> impl IntoView {
    let location = use_location();
    let item = move |href: &'static str, label: &'static str| {
        let current = move || {
            let pathname = location.pathname.get();
            let path = app_path(&pathname);
            let here = if href == "/" {
                path == "/" || path.starts_with("/situasjon/")
            } else {
                path.starts_with(href)
            };
            here.then_some("page")
        };
        view! { <li><a href=link(href) aria-current=current>{label}</a></li> }
    };
    view! {
        <nav class="bottom-nav" aria-label="Hovedmeny">
            <ul role="list">
                {item("/", "Hjem")}
                {item("/sjekkliste", "Sjekkliste")}
                {item("/kontakter", "Kontakter")}
                {item("/saker", "Saker")}
                {item("/plan", "Planen")}
            </ul>
        </nav>
    }
}
