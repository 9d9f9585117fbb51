//! Small doors to the browser: clipboard, file download, print, share, the
//! device clock (today's date, milliseconds, the local UTC offset), storage
//! events, page hide and unload, the message that tells other tabs of a
//! wipe, and what the page may use where it is (a secure context, a frame).
//!
//! Features a plain-HTTP page does not have (clipboard, Cache Storage) are
//! checked before use: calling them there throws, and a throw in the middle
//! of a wipe once left half the data behind.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The day it is on this device (for the revision check and follow-ups).
pub fn today() -> rusplan_domain::time::Date {
    rusplan_domain::time::Date::of(now_millis(), &utc_offset_minutes)
}

pub fn now_millis() -> i64 {
    // Rendered ahead of time (crates/prerender): the build machine's clock.
    if !cfg!(target_arch = "wasm32") {
        return std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
    }
    js_sys::Date::now() as i64
}

/// Minutes east of UTC at a moment, as the device's time zone has it.
pub fn utc_offset_minutes(ms: i64) -> i32 {
    if !cfg!(target_arch = "wasm32") {
        return 0;
    }
    -(js_sys::Date::new(&JsValue::from_f64(ms as f64)).get_timezone_offset() as i32)
}

/// Waits `ms` milliseconds (a timer task, so other tasks run meanwhile).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A random id that says nothing about anyone.
pub fn random_id() -> String {
    let mut bytes = [0u8; 8];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    if let Some(crypto) = crypto {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    } else {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Is the page in a secure context (HTTPS or this machine)? Outside one the
/// browser withholds the clipboard, offline use and installation.
pub fn secure_context() -> bool {
    // Ahead of time: as on a host set up as the README says (HTTPS).
    if !cfg!(target_arch = "wasm32") {
        return true;
    }
    web_sys::window().is_some_and(|w| w.is_secure_context())
}

/// Is the app shown inside a page of another origin? Reading the location
/// of a parent or top window of another origin throws.
pub fn framed_by_other_origin() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let outer = [window.parent().ok().flatten(), window.top().ok().flatten()];
    outer
        .into_iter()
        .flatten()
        .any(|outer| !js_sys::Object::is(&outer, &window) && outer.location().href().is_err())
}

fn clipboard() -> Option<web_sys::Clipboard> {
    let clipboard = web_sys::window()?.navigator().clipboard();
    (!clipboard.is_undefined()).then_some(clipboard)
}

/// Whether the browser lets the page write to the clipboard here.
pub fn can_copy() -> bool {
    // Ahead of time: as in a secure context, where browsers have it.
    if !cfg!(target_arch = "wasm32") {
        return true;
    }
    clipboard().is_some()
}

/// Copies text; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(clipboard) = clipboard() else {
        return false;
    };
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a downloaded file.
pub fn download_text(file_name: &str, text: &str) {
    download_file(file_name, "text/plain;charset=utf-8", text);
}

/// Offers `text` as a downloaded file of type `mime`.
pub fn download_file(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = leptos::prelude::document();
    if let Ok(link) = document.create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The name and text of the file chosen in the `<input type=file>` an
/// event came from.
pub async fn chosen_file_text(event: &web_sys::Event) -> Option<(String, String)> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    Some((file.name(), text.as_string()?))
}

/// Focuses a text field and selects `start..end` (UTF-16 units) in it.
pub fn select_in_text_field(id: &str, start: u32, end: u32) {
    let field = leptos::prelude::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
        let _ = field.set_selection_range(start, end);
    }
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Calls `on_change(key)` when another tab changes localStorage (`None`
/// when it was cleared). Lives as long as the page.
pub fn on_storage_change(on_change: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            on_change(event.key());
        });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Calls `on_hide` when the page is hidden or closed (tab switch, app
/// switch, navigation, closing): the moment to write what is pending. Until
/// the returned listeners are removed.
pub fn on_page_hide(on_hide: impl Fn() + 'static) -> PageHide {
    use leptos::prelude::window_event_listener_untyped as listen;
    let on_hide = std::rc::Rc::new(on_hide);
    let on_pagehide = on_hide.clone();
    PageHide([
        listen("pagehide", move |_| on_pagehide()),
        listen("visibilitychange", move |_| {
            if leptos::prelude::document().visibility_state() == web_sys::VisibilityState::Hidden {
                on_hide();
            }
        }),
    ])
}

/// The listeners of [`on_page_hide`].
pub struct PageHide([leptos::prelude::WindowListenerHandle; 2]);

impl PageHide {
    pub fn remove(self) {
        for handle in self.0 {
            handle.remove();
        }
    }
}

/// Asks the browser to warn before the page is closed or reloaded while
/// `unwritten()` says something would be lost.
pub fn warn_before_unload(unwritten: impl Fn() -> bool + 'static) {
    let _ = leptos::prelude::window_event_listener_untyped("beforeunload", move |event| {
        if unwritten() {
            event.prevent_default();
            // Older browsers ask for a return value as well.
            let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
        }
    });
}

/// The channel on which one tab tells the others that all data was deleted.
const WIPE_CHANNEL: &str = "rusplan-wipe";

/// Tells every other open tab of this app that all data was deleted, so
/// none writes back what it still holds.
pub fn tell_other_tabs_wiped() {
    if let Ok(channel) = web_sys::BroadcastChannel::new(WIPE_CHANNEL) {
        let _ = channel.post_message(&"wiped".into());
        channel.close();
    }
}

/// Calls `on_wipe` when another tab deleted all data. Lives as long as the
/// page.
pub fn on_wiped_elsewhere(on_wipe: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(WIPE_CHANNEL) else {
        return;
    };
    let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| on_wipe());
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
    // Kept open for the page's life: dropping it would close the channel.
    std::mem::forget(channel);
}

/// Whether the browser has the system share sheet (Web Share API).
pub fn can_share() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
}

/// Opens the system share sheet for a link; quietly does nothing if the
/// user cancels.
pub async fn share_link(title: &str, url: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let data = web_sys::ShareData::new();
    data.set_title(title);
    data.set_url(url);
    let _ = wasm_bindgen_futures::JsFuture::from(window.navigator().share_with_data(&data)).await;
}

/// The Cache Storage entry that tells the service worker which plan's
/// prerendered home to show at start (assets/sw.js, assets/prerender.js).
/// It holds a plan id and nothing else.
const START_CACHE: &str = "rusplan-start";

fn start_plan_key() -> String {
    format!("{}/start-plan", crate::page::base())
}

/// Cache Storage, where the page has it (not on plain HTTP).
fn caches() -> Option<web_sys::CacheStorage> {
    let caches = web_sys::window()?.caches().ok()?;
    (!caches.is_undefined()).then_some(caches)
}

/// Remembers the plan for the next start's home screen (see [`START_CACHE`]).
pub fn remember_start_plan(plan_id: &str) {
    let Some(caches) = caches() else {
        return;
    };
    let plan_id = plan_id.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(cache) = wasm_bindgen_futures::JsFuture::from(caches.open(START_CACHE)).await else {
            return;
        };
        let cache: web_sys::Cache = cache.unchecked_into();
        if let Ok(response) = web_sys::Response::new_with_opt_str(Some(&plan_id)) {
            let _ = wasm_bindgen_futures::JsFuture::from(
                cache.put_with_str(&start_plan_key(), &response),
            )
            .await;
        }
    });
}

/// Forgets it, with the rest of the device's data.
pub fn forget_start_plan() {
    if let Some(caches) = caches() {
        let _ = caches.delete(START_CACHE);
    }
}
