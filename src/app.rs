//! The app: state, router and the frame around every page.

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::lock::{LockButton, LockedPage};
use crate::components::unsaved::UnsavedWarning;
use crate::page::{link, query_param};
use crate::pages::{
    case::CasePage, cases::Cases, checklist::Checklist, contacts::Contacts, home::Home,
    not_found::NotFound, plan_info::PlanInfo, practice, procedure::Procedure, referat::ReferatPage,
};
use crate::pwa::UpdateBanner;
use crate::router::{use_router, Route, Router};
use crate::state::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The pages one program draws: `None` for a page another program draws
/// (each is a wasm binary of its own, so a phone in an incident loads only
/// what guidance needs).
pub type Pages = fn(Route) -> Option<AnyView>;

/// The staff app's own program (src/main.rs): what an incident waits for,
/// the situations, the checklist and contacts. Its first load is the one
/// the size test holds.
pub fn guidance_pages(route: Route) -> Option<AnyView> {
    Some(match route {
        Route::Home => view! { <Home/> }.into_any(),
        Route::Situation(id) => view! { <Procedure id=id/> }.into_any(),
        Route::Checklist => view! { <Checklist/> }.into_any(),
        Route::Contacts => view! { <Contacts/> }.into_any(),
        // A draft the browser refused to store lives only in this page: its
        // referat is taken out here, or it would be lost on the way.
        Route::Referat(id) if is_unsaved_here(&id) => view! { <ReferatPage id=id/> }.into_any(),
        Route::PlanInfo
        | Route::Cases
        | Route::Case(_)
        | Route::Referat(_)
        | Route::Practice
        | Route::PracticeSituation(_)
        | Route::PracticeCheck(_) => return None,
        Route::NotFound => view! { <NotFound/> }.into_any(),
    })
}

/// The calm moment's program (src/bin/calm.rs): the cases, the referat
/// and the lock's forms, practice (pages/practice.rs) and the plan page
/// (which also stands as a static file, readable before this program
/// runs). The drafts' pages wait for the PIN; nothing else does.
pub fn calm_pages(route: Route) -> Option<AnyView> {
    let book = expect_context::<CaseBook>();
    Some(match route {
        Route::Cases | Route::Case(_) | Route::Referat(_) if book.is_locked() => {
            view! { <LockedPage/> }.into_any()
        }
        Route::Cases => view! { <Cases/> }.into_any(),
        Route::Case(id) => view! { <CasePage id=id/> }.into_any(),
        Route::Referat(id) => view! { <ReferatPage id=id/> }.into_any(),
        Route::Practice => view! { <practice::PracticeHome/> }.into_any(),
        Route::PracticeSituation(id) => view! { <practice::PracticeRun id=id/> }.into_any(),
        Route::PracticeCheck(id) => view! { <practice::PracticeCheck id=id/> }.into_any(),
        Route::PlanInfo => view! { <PlanInfo/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
        _ => return None,
    })
}

/// Untracked: the page is chosen once per address, not again on every
/// change to the case book (which would draw the referat anew, and lose its
/// "copied" message and the focus).
fn is_unsaved_here(id: &str) -> bool {
    expect_context::<CaseBook>()
        .unsaved_untracked()
        .iter()
        .any(|u| u.id == id)
}

#[component]
pub fn App(pages: Pages) -> impl IntoView {
    // A parents' link opens their page, a program of its own
    // (src/bin/parents.rs): no staff screens, and nothing stored on the
    // device is even read. prerender.js sends it on before the app starts;
    // this is for a page the service worker served without it.
    if query_param("foresatte").is_some() {
        crate::page::open_parents_page();
        return ().into_any();
    }
    // Inside another origin's page, the staff screens would show the
    // drafts to whoever made that page: show none, and nothing is read.
    if browser::framed_by_other_origin() {
        return view! { <Framed/> }.into_any();
    }
    let state = AppState::load();
    let book = CaseBook::load();
    provide_context(state);
    provide_context(book);
    browser::on_storage_change(move |key| state.stored_elsewhere(key.as_deref()));
    browser::on_wiped_elsewhere(move || {
        book.wiped_elsewhere();
        state.forget_device_data();
    });
    let router = Router::start();
    // A procedure's history entry names the case it logs into (pages/procedure.rs).
    if let (Route::Situation(situation), Some(case)) =
        (router.route_untracked(), crate::page::case_in_history())
    {
        book.resume((state.plan().id.clone(), situation), case);
    }
    // Re-render the page only when the route changes, not on every path set.
    let route = Memo::new(move |_| router.route());
    let page = move || pages(route.get()).unwrap_or_else(|| view! { <Leaving/> }.into_any());
    view! {
        <Header/>
        <UpdateBanner/>
        <UnsavedWarning/>
        <main id="main">{page}</main>
        <PageAnnouncer route=route/>
        <BottomNav/>
    }
    .into_any()
}

/// A page of the other program: what this page has not written yet is
/// written first (sealing takes a moment), then the address is loaded in
/// full. A draft the browser refused to store lives only in this page, so
/// the page stays until the user has taken its referat, storing works
/// again, or the user chooses to go.
#[component]
fn Leaving() -> impl IntoView {
    #[derive(Clone, Copy, PartialEq)]
    enum Stage {
        Writing,
        /// Asked the browser to load the page: it may still ask the user
        /// (a field holds what was refused), who may stay.
        Loading,
        Refused,
    }
    let book = expect_context::<CaseBook>();
    let stage = RwSignal::new(Stage::Writing);
    let problem = RwSignal::new(false);
    // Back before the writes are done: this page is not the one to load.
    let here = StoredValue::new(true);
    on_cleanup(move || here.set_value(false));
    let go_on = move || {
        spawn_local(async move {
            book.settle().await;
            if !here.get_value() {
                return;
            }
            if book.unsaved_untracked().is_empty() {
                stage.set(Stage::Loading);
                crate::page::reload_here();
            } else {
                problem.set(stage.get_untracked() == Stage::Refused);
                stage.set(Stage::Refused);
                crate::page::set_title("Ikke lagret");
                request_animation_frame(|| crate::page::focus_by_id("leaving"));
            }
        })
    };
    go_on();
    let go_anyway = move |_| {
        book.let_go();
        crate::page::reload_here();
    };
    move || {
        match stage.get() {
        Stage::Writing | Stage::Loading => {
            crate::page::set_title("Åpner");
            view! {
                <h1 id="leaving" tabindex="-1">"Åpner …"</h1>
                {(stage.get() == Stage::Loading).then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| crate::page::reload_here()>
                        "Åpne siden"
                    </button>
                })}
            }
            .into_any()
        }
        Stage::Refused => view! {
            <h1 id="leaving" tabindex="-1">"Utkastet er ikke lagret"</h1>
            <p>"Nettleseren har ikke lagret utkastet (se over). Det finnes bare i denne fanen, og det \
                forsvinner hvis du åpner denne siden nå. Ta ut referatet først, eller frigjør plass \
                (slett gamle utkast i en annen fane) og prøv å lagre igjen."</p>
            <div class="row">
                <button type="button" class="button" on:click=move |_| go_on()>"Prøv å lagre igjen"</button>
                <button type="button" class="button secondary" on:click=go_anyway>
                    "Åpne siden likevel (utkastet forsvinner)"
                </button>
            </div>
            {move || problem.get().then(|| view! { <p class="warning" role="alert">"Fortsatt ikke lagret."</p> })}
        }
        .into_any(),
    }
    }
}

/// After an in-app page change (not on the first load, where the browser
/// announces the page itself): focus goes to the new page's heading, and a
/// polite live region says the new document title, as a full page load
/// would. The title, not the heading: titles never hold pupil data.
#[component]
fn PageAnnouncer(route: Memo<Route>) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    Effect::new(move |previous: Option<()>| {
        route.track();
        if previous.is_some() {
            // After the new page is drawn and has set its title.
            request_animation_frame(move || {
                crate::page::focus_page_heading();
                announcement.set(document().title());
            });
        }
    });
    view! {
        <p class="visually-hidden" id="page-announcer" aria-live="polite" aria-atomic="true">
            {move || announcement.get()}
        </p>
    }
}

/// What a page of another origin gets instead of the app.
#[component]
fn Framed() -> impl IntoView {
    crate::page::set_title("");
    view! {
        <main id="main" class="framed">
            <h1>"Rusplan kan ikke vises her"</h1>
            <p>"Rusplan er lagt inn i en annen nettside. For å beskytte utkastene på denne enheten \
                vises ingenting herfra."</p>
            <a class="button" href=link("/") target="_top">"Åpne Rusplan direkte"</a>
        </main>
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <AppBar school=Signal::derive(move || state.plan().meta.school.clone())>
            <LockButton/>
        </AppBar>
    }
}

/// The bar at the top. Also rendered ahead of time (`crates/prerender`).
#[component]
pub fn AppBar(
    #[prop(into)] school: Signal<String>,
    /// What the app adds at the end of the bar (the lock button).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    view! {
        <header class="app-bar">
            <a class="app-name" href=link("/")>"Rusplan"</a>
            <span class="app-school">{move || school.get()}</span>
            {children.map(|children| children())}
        </header>
    }
}

#[component]
fn BottomNav() -> impl IntoView {
    let router = use_router();
    view! {
        <MainMenu here=move |href| is_here(&router.path(), href)/>
    }
}

/// Whether the menu item `href` is where the app path `path` is: a
/// situation belongs to home. Also used ahead of time (`crates/prerender`).
pub fn is_here(path: &str, href: &str) -> bool {
    if href == "/" {
        path == "/" || path.starts_with("/situasjon/")
    } else {
        // "/saker" as typed on a host that rewrites is the item "/saker/".
        path.starts_with(href.trim_end_matches('/'))
    }
}

/// The thumb-reach navigation at the bottom of the screen, with the item
/// for where the user is (`here`) marked. Also rendered ahead of time.
#[component]
pub fn MainMenu(
    here: impl Fn(&'static str) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let item = move |href: &'static str, label: &'static str| {
        let current = move || here(href).then_some("page");
        view! { <li><a href=link(href) aria-current=current>{label}</a></li> }
    };
    view! {
        <nav class="bottom-nav" aria-label="Hovedmeny">
            <ul role="list">
                {item("/", "Hjem")}
                {item("/sjekkliste/", "Sjekkliste")}
                {item("/kontakter/", "Kontakter")}
                {item("/saker/", "Saker")}
                {item("/plan/", "Planen")}
            </ul>
        </nav>
    }
}
