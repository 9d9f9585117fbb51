//! Renders the parents' pages ahead of time, natively, from the app's own
//! Leptos component (`rusplan::pages::parents::ParentsPage`): one static
//! HTML file per bundled plan and language in `<dist>/foresatte/`. A
//! parent's first visit then needs no wasm and no script. Run by
//! `scripts/postbuild.mjs` after trunk's build, which passes the
//! stylesheet's hashed name and the Content-Security-Policy.

use leptos::prelude::*;
use rusplan::pages::parents::{file_name, Language, ParentsPage};
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: rusplan-prerender <dist> <stylesheet> <content-security-policy>";
    let dist = PathBuf::from(args.next().expect(usage));
    let stylesheet = args.next().expect(usage);
    let csp = args.next().expect(usage);
    let folder = dist.join("foresatte");
    std::fs::create_dir_all(&folder).expect("the dist folder is writable");
    let owner = Owner::new();
    owner.set();
    for plan in rusplan::plans::all() {
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
