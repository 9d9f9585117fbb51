fn main() {
    // The prerendered home (assets/prerender.js) makes way as the app draws
    // itself, in the same task, so nothing flickers in between.
    rusplan::page::remove_prerendered_home();
    leptos::mount::mount_to_body(|| {
        leptos::view! { <rusplan::App pages=rusplan::app::guidance_pages/> }
    });
}
