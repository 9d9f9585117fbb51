//! The document title, per page. Never holds anything about a pupil.

pub fn set_title(page: &str) {
    let title = if page.is_empty() {
        "Rusplan".to_owned()
    } else {
        format!("{page} – Rusplan")
    };
    leptos::prelude::document().set_title(&title);
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
