//! The calm moment's program: the cases, the referat and the lock's forms
//! (`/saker…`), practice (`/ovelse…`) and the plan page (`/plan`), built
//! beside the app by scripts/postbuild.mjs and started by the same boot
//! script when the address is one of its pages. A program of its own so
//! the first load in an incident carries none of it; the pages of either
//! program reach the other's by a full page load.

fn main() {
    rusplan::page::remove_prerendered_home();
    leptos::mount::mount_to_body(|| {
        leptos::view! { <rusplan::App pages=rusplan::app::calm_pages/> }
    });
}
