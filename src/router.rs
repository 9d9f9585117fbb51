//! The app's pages by address, and moving between them without reloading.
//!
//! Why not leptos_router: a dozen fixed routes with at most one parameter need
//! none of its nesting, matching or data loading, and it cost 38 kB of
//! brotli'd wasm, a third of the first-load budget. This is what is left:
//! a [`Route`] parsed from the path, a signal of the current path, and a
//! click handler that turns in-app links into history entries.

use crate::page::{app_path, link};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A page of the app, as its address names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A situation's guided procedure, by situation id.
    Situation(String),
    Checklist,
    Contacts,
    PlanInfo,
    Cases,
    /// One case, by case id (random, never pupil data).
    Case(String),
    Referat(String),
    /// Practice (øving): the situations to practise.
    Practice,
    /// A situation's procedure, practised: nothing stored as a case.
    PracticeSituation(String),
    /// The self-check after practising a situation.
    PracticeCheck(String),
    NotFound,
}

impl Route {
    /// The route for an app path ("/saker/abc", without the base).
    pub fn parse(path: &str) -> Route {
        // A query is not part of the page.
        let path = path.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        match parts.as_slice() {
            [""] => Route::Home,
            ["situasjon", id] if !id.is_empty() => Route::Situation(decode(id)),
            ["sjekkliste"] => Route::Checklist,
            ["kontakter"] => Route::Contacts,
            ["plan"] => Route::PlanInfo,
            ["saker"] => Route::Cases,
            ["saker", id] if !id.is_empty() => Route::Case(decode(id)),
            ["saker", id, "referat"] if !id.is_empty() => Route::Referat(decode(id)),
            ["ovelse"] => Route::Practice,
            ["ovelse", id] if !id.is_empty() => Route::PracticeSituation(decode(id)),
            ["ovelse", id, "sjekk"] if !id.is_empty() => Route::PracticeCheck(decode(id)),
            _ => Route::NotFound,
        }
    }
}

fn decode(segment: &str) -> String {
    js_sys::decode_uri_component(segment)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| segment.to_owned())
}

/// The current app path, shared through context by [`Router::start`].
#[derive(Clone, Copy)]
pub struct Router {
    path: RwSignal<String>,
}

impl Router {
    /// Reads the address, listens for Back/Forward and in-app link taps,
    /// and provides itself as context.
    pub fn start() -> Router {
        let router = Router {
            path: RwSignal::new(current_path()),
        };
        provide_context(router);
        let Some(window) = web_sys::window() else {
            return router;
        };
        let on_popstate = Closure::<dyn Fn()>::new(move || router.path.set(current_path()));
        let _ = window
            .add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        on_popstate.forget();
        let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |event| {
            if let Some(path) = in_app_target(&event) {
                event.prevent_default();
                router.navigate(&path);
            }
        });
        let _ = window.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
        router
    }

    /// The router for a page rendered ahead of time (`crates/prerender`):
    /// its path, and no browser.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn ahead_of_time(path: &str) -> Router {
        let router = Router {
            path: RwSignal::new(path.to_owned()),
        };
        provide_context(router);
        router
    }

    /// The app path now ("/", "/saker/abc"); reactive.
    pub fn path(&self) -> String {
        self.path.get()
    }

    pub fn route_untracked(&self) -> Route {
        self.path.with_untracked(|path| Route::parse(path))
    }

    /// The page now; reactive.
    pub fn route(&self) -> Route {
        self.path.with(|path| Route::parse(path))
    }

    /// Goes to an app path as a new history entry (none for the page already
    /// open), at the top of the page.
    pub fn navigate(&self, path: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if self.path.with_untracked(|now| now != path) {
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&link(path)));
            }
            self.path.set(path.to_owned());
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The router from context (see [`Router::start`]).
pub fn use_router() -> Router {
    expect_context::<Router>()
}

fn current_path() -> String {
    let pathname = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    app_path(&pathname).to_owned()
}

/// The app path a click should open in the app, or `None` when the browser
/// should handle it: modified clicks, downloads, other targets, `tel:`,
/// other origins, paths outside the app, jumps within the page, and
/// addresses with a query (the parents' page opens only on a full load).
fn in_app_target(event: &web_sys::MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let anchor: web_sys::HtmlAnchorElement = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    if !anchor.target().is_empty()
        || anchor.has_attribute("download")
        || !anchor.search().is_empty()
    {
        return None;
    }
    let location = web_sys::window()?.location();
    if anchor.origin() != location.origin().ok()? {
        return None;
    }
    let pathname = anchor.pathname();
    let base = crate::page::base();
    let inside = pathname == base || pathname.starts_with(&format!("{base}/"));
    let same_page = pathname == location.pathname().ok()? && !anchor.hash().is_empty();
    (inside && !same_page).then(|| app_path(&pathname).to_owned())
}
