//! Small doors to the browser: clipboard, file download, print, share, the
//! device clock (today's date, milliseconds, the local UTC offset), and
//! storage events.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Today's date from the device clock, for the pure `revision` check.
pub fn today() -> rusplan_domain::revision::Date {
    let now = js_sys::Date::new_0();
    rusplan_domain::revision::Date {
        year: now.get_full_year(),
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes east of UTC at a moment, as the device's time zone has it.
pub fn utc_offset_minutes(ms: i64) -> i32 {
    -(js_sys::Date::new(&JsValue::from_f64(ms as f64)).get_timezone_offset() as i32)
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

/// Copies text; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `text` as a downloaded file.
pub fn download_text(file_name: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/plain;charset=utf-8");
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

/// Whether the browser has the system share sheet (Web Share API).
pub fn can_share() -> bool {
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

/// Remembers the plan for the next start's home screen (see [`START_CACHE`]).
pub fn remember_start_plan(plan_id: &str) {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
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
    if let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) {
        let _ = caches.delete(START_CACHE);
    }
}
