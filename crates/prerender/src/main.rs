//! Renders pages ahead of time, natively, from the app's own Leptos
//! components, for `scripts/postbuild.mjs`:
//!
//! - `homes`: the home screen of every bundled plan (`AppBar`,
//!   `HomeScreen`, `MainMenu`), printed for index.html, each hidden until
//!   `assets/prerender.js` or the service worker shows the device's plan;
//!   the default plan marked by the rule build.rs applies.
//! - `parents <dist> <stylesheet> <csp>`: the parents' page, one static file
//!   per bundled plan and language in `<dist>/foresatte/`; a parent's first
//!   visit then needs no wasm and no app script.
//!
//! Links come out app-absolute ("/situasjon/…"); postbuild makes them
//! relative to the app's folder, as for the rest of index.html.

use leptos::prelude::*;
use rusplan::app::{AppBar, MainMenu};
use rusplan::pages::home::HomeScreen;
use rusplan::pages::parents::{file_name, Language, ParentsPage};
use rusplan::plans;
use std::path::PathBuf;

const USAGE: &str =
    "usage: rusplan-prerender homes | rusplan-prerender parents <dist> <stylesheet> <csp>";

fn main() {
    let owner = Owner::new();
    owner.set();
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("homes") => print!("{}", homes()),
        Some("parents") => {
            let dist = PathBuf::from(args.next().expect(USAGE));
            let stylesheet = args.next().expect(USAGE);
            let csp = args.next().expect(USAGE);
            parents(&dist, &stylesheet, &csp);
        }
        _ => panic!("{USAGE}"),
    }
}

/// Every plan's home, hidden. The wrapper's exact form is what the service
/// worker and prerender.js look for.
fn homes() -> String {
    plans::all()
        .into_iter()
        .map(|plan| {
            let school = plan.meta.school.clone();
            let screen = view! {
                <AppBar school=school/>
                <main id=format!("main-{}", plan.id)><HomeScreen plan=plan revision=false/></main>
                <MainMenu here=|href| href == "/"/>
            }
            .to_html()
            // One page holds every plan's home: ids stay unique.
            .replace(
                "\"emergency-title\"",
                &format!("\"emergency-title-{}\"", plan.id),
            );
            let default = if plan.id == plans::DEFAULT_PLAN {
                " data-default"
            } else {
                ""
            };
            format!(
                "<div class=\"prerender\" data-plan=\"{}\"{default} hidden>{screen}\
                 <p class=\"prerender-status\" role=\"status\"></p></div>",
                plan.id
            )
        })
        .collect::<Vec<_>>()
        .join("\n    ")
}

fn parents(dist: &std::path::Path, stylesheet: &str, csp: &str) {
    let folder = dist.join("foresatte");
    std::fs::create_dir_all(&folder).expect("the dist folder is writable");
    for plan in plans::all() {
        for language in Language::ALL {
            let body = view! { <ParentsPage plan=plan language=language/> }.to_html();
            let page = format!(
                r#"<!doctype html>
<html lang="{lang}">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="{csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>{title} – Rusplan</title>
    <link rel="stylesheet" href="../{stylesheet}">
    <link rel="icon" href="../icons/icon.svg" type="image/svg+xml">
    <script type="module" src="../parents-offline.js"></script>
  </head>
  <body>{body}</body>
</html>
"#,
                lang = language.code(),
                title = language.title(),
            );
            let path = folder.join(file_name(&plan.id, language));
            std::fs::write(&path, page).expect("the dist folder is writable");
        }
    }
}
