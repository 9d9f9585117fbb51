//! The document title, per page. Never holds anything about a pupil.

pub fn set_title(page: &str) {
    let title = if page.is_empty() {
        "Rusplan".to_owned()
    } else {
        format!("{page} – Rusplan")
    };
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::document().set_title(&title);
    // Rendered ahead of time (crates/prerender): the static file's <title>.
    #[cfg(not(target_arch = "wasm32"))]
    TITLE_AHEAD_OF_TIME.with(|t| *t.borrow_mut() = title);
}

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    static TITLE_AHEAD_OF_TIME: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The title the page last rendered ahead of time set (`crates/prerender`).
#[cfg(not(target_arch = "wasm32"))]
pub fn title_ahead_of_time() -> String {
    TITLE_AHEAD_OF_TIME.with(|t| t.borrow().clone())
}

/// Moves keyboard focus to the element with this id, if it is there, and
/// scrolls it to the top so what follows it is in view.
pub fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = leptos::prelude::document().get_element_by_id(id) {
        element.scroll_into_view_with_bool(true);
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// After an in-app page change, moves keyboard focus to the new page's h1,
/// so keyboard and screen-reader users start on the page they opened, not
/// on the link that was removed with the old one. A page that moved focus
/// itself keeps it: an acute procedure focuses its steps (pages/procedure.rs).
pub fn focus_page_heading() {
    use wasm_bindgen::JsCast;
    let document = leptos::prelude::document();
    let Some(main) = document.get_element_by_id("main") else {
        return;
    };
    let active = document.active_element();
    if active.is_some_and(|active| main.contains(Some(&active))) {
        return;
    }
    if let Ok(Some(heading)) = main.query_selector("h1") {
        // Focusable by script only: not a Tab stop.
        let _ = heading.set_attribute("tabindex", "-1");
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}

/// The folder the app is served from, without the trailing slash: "" at
/// the site root, "/rusplan" under a sub-path. boot.js tells it.
pub fn base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        // Rendered ahead of time (crates/prerender): app-absolute links,
        // which scripts/postbuild.mjs makes relative to the app's folder.
        if !cfg!(target_arch = "wasm32") {
            return String::new();
        }
        let from_boot = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"rusplanBase".into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        // One leading slash, never two: "//host" would make every link and
        // the parents' redirect protocol-relative, that is, another site.
        match from_boot.trim_matches('/') {
            "" => String::new(),
            path => format!("/{path}"),
        }
    })
}

/// An app path ("/saker") as an href that works under any base.
pub fn link(path: &str) -> String {
    format!("{}{path}", base())
}

/// The app path of a full pathname ("/rusplan/saker" → "/saker").
pub fn app_path(pathname: &str) -> &str {
    match pathname.strip_prefix(base()) {
        Some("") => "/",
        Some(rest) => rest,
        None => pathname,
    }
}

/// A query parameter of the address the app was opened with.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name)
            .then(|| js_sys::decode_uri_component(value).ok().map(String::from))
            .flatten()
    })
}

/// The address staff hand out for a plan's parents' page: the page itself,
/// a static file (`foresatte/<plan>.html`, rendered ahead of time by
/// `crates/prerender` under `parents::file_name`), so a parent's first
/// visit is one request and no hop. Links handed out before
/// (`foresatte.html?foresatte=<plan>`) still open: that page sends them on.
pub fn parents_link(plan_id: &str) -> String {
    let file = crate::pages::parents::file_name(plan_id, crate::pages::parents::Language::Bokmal);
    // Ahead of time the origin is unknown: an app-absolute link.
    if !cfg!(target_arch = "wasm32") {
        return format!("/foresatte/{file}");
    }
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}/foresatte/{file}", base())
}

/// The printable handout with the QR code of [`parents_link`].
pub fn handout_link(plan_id: &str) -> String {
    format!("{}/foresatte.html?foresatte={plan_id}&utskrift", base())
}

/// Removes the home screens postbuild.mjs prerendered into index.html.
pub fn remove_prerendered_home() {
    let prerendered = leptos::prelude::document().get_elements_by_class_name("prerender");
    while let Some(element) = prerendered.item(0) {
        element.remove();
    }
}

/// The case a procedure logs into, kept in this history entry's state (a
/// random id, never pupil data): a reload, Back and Forward, and a case
/// sent from the calm program find it; a bookmark, a shared address or
/// the browser's address suggestions never carry it.
pub fn remember_case_in_history(id: Option<&str>) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    if case_in_history().as_deref() == id {
        return;
    }
    let state = match id {
        Some(id) => {
            let state = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&state, &"sak".into(), &id.into());
            state.into()
        }
        None => wasm_bindgen::JsValue::NULL,
    };
    let _ = history.replace_state(&state, "");
}

/// The case this history entry names (see [`remember_case_in_history`]).
pub fn case_in_history() -> Option<String> {
    let state = web_sys::window()?.history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &"sak".into())
        .ok()?
        .as_string()
}

/// Loads the address now shown anew: for a page of the other program
/// (the boot script picks the program by the address).
pub fn reload_here() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Leaves for the parents' page (`foresatte.html`), keeping the query.
pub fn open_parents_page() {
    if let Some(window) = web_sys::window() {
        let search = window.location().search().unwrap_or_default();
        let _ = window
            .location()
            .replace(&format!("{}/foresatte.html{search}", base()));
    }
}
