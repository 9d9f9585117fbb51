//! The app: state, router and the frame around every page.

use crate::case_book::CaseBook;
use crate::page::{link, query_param};
use crate::pages::handout::Handout;
use crate::pages::parents::{Language, ParentsPage};
use crate::pages::{
    case::CasePage, cases::Cases, checklist::Checklist, contacts::Contacts, home::Home,
    not_found::NotFound, plan_info::PlanInfo, procedure::Procedure, referat::ReferatPage,
};
use crate::plans;
use crate::pwa::UpdateBanner;
use crate::router::{use_router, Route, Router};
use crate::state::AppState;
use leptos::prelude::*;

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
    let router = Router::start();
    // Re-render the page only when the route changes, not on every path set.
    let route = Memo::new(move |_| router.route());
    let page = move || match route.get() {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Situation(id) => view! { <Procedure id=id/> }.into_any(),
        Route::Checklist => view! { <Checklist/> }.into_any(),
        Route::Contacts => view! { <Contacts/> }.into_any(),
        Route::PlanInfo => view! { <PlanInfo/> }.into_any(),
        Route::Handout => view! { <Handout/> }.into_any(),
        Route::Cases => view! { <Cases/> }.into_any(),
        Route::Case(id) => view! { <CasePage id=id/> }.into_any(),
        Route::Referat(id) => view! { <ReferatPage id=id/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    };
    view! {
        <Header/>
        <UpdateBanner/>
        <main id="main">{page}</main>
        <BottomNav/>
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
    let router = use_router();
    let item = move |href: &'static str, label: &'static str| {
        let current = move || {
            let path = router.path();
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
