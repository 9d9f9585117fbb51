//! The app's side of the service worker (`assets/pwa.js` registers it):
//! knowing that a new version is waiting, and asking it to take over.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn window_value(name: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    js_sys::Reflect::get(&window, &name.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

/// The build's version (a hash of its files), shown on the plan page.
pub fn version() -> Option<String> {
    // Rendered ahead of time: scripts/postbuild.mjs passes the version.
    if !cfg!(target_arch = "wasm32") {
        return std::env::var("RUSPLAN_VERSION").ok();
    }
    window_value("rusplanVersion")?.as_string()
}

/// A signal that turns true when a new version has installed and waits.
pub fn update_ready() -> ReadSignal<bool> {
    let (ready, set_ready) =
        signal(window_value("rusplanUpdateReady").is_some_and(|v| v.is_truthy()));
    if let Some(window) = web_sys::window() {
        let listener = Closure::<dyn Fn()>::new(move || set_ready.set(true));
        let _ = window.add_event_listener_with_callback(
            "rusplan-update-ready",
            listener.as_ref().unchecked_ref(),
        );
        listener.forget();
    }
    ready
}

/// Lets the waiting version take over; the page reloads into it.
pub fn apply_update() {
    if let Some(apply) =
        window_value("rusplanApplyUpdate").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = apply.call0(&JsValue::NULL);
    }
}

/// "Ny versjon tilgjengelig — Oppdater". It waits for the user: a new
/// version never takes over in the middle of an incident.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = update_ready();
    move || {
        ready.get().then(|| {
            view! {
                <div class="update-banner" role="status">
                    <span>"Ny versjon tilgjengelig"</span>
                    <button type="button" class="button" on:click=move |_| apply_update()>"Oppdater"</button>
                </div>
            }
        })
    }
}
