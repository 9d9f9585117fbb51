//! The plan studio (`studio.html`): a program of its own, built beside the
//! app by scripts/postbuild.mjs, so the staff app's first load carries none
//! of it (nor serde's JSON reader, which the studio needs to read plan files).

fn main() {
    leptos::mount::mount_to_body(rusplan::pages::studio::Studio);
}
