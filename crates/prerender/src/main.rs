//! Renders pages ahead of time, natively, from the app's own Leptos
//! components, for `scripts/postbuild.mjs`:
//!
//! - `homes`: the home screen of every bundled plan (`AppBar`,
//!   `HomeScreen`, `MainMenu`), printed for index.html, each hidden until
//!   `assets/prerender.js` or the service worker shows the device's plan;
//!   the default plan marked by the rule build.rs applies.
//! - `parents <dist> <stylesheet> <csp> <handout boot script>`: the parents'
//!   page, one static file per bundled plan and language in
//!   `<dist>/foresatte/` (a parent's first visit then needs no wasm and no
//!   app script), and `foresatte.html` with its script, which send the link
//!   staff hand out on to those files.
//! - `flowcharts <dist> <stylesheet> <csp>`: each situation's flowchart as
//!   an SVG file, `<dist>/flyt/<plan>/<situation>.svg`
//!   (`rusplan_domain::flowchart`), which the plan page shows, and per plan
//!   `flyt/<plan>.html` (`FlowchartsPage`): the charts with every route as
//!   text, their text alternative. Drawn here, so the app carries no
//!   drawing code and no route walk.
//!
//! Links come out app-absolute ("/situasjon/…"); postbuild makes them
//! relative to the app's folder, as for the rest of index.html.

use leptos::prelude::*;
use rusplan::app::{AppBar, MainMenu};
use rusplan::pages::home::HomeScreen;
use rusplan::pages::parents::{file_name, Language, ParentsPage};
use rusplan::pages::plan_info::{flowchart_file, flowcharts_page, FlowchartsPage};
use rusplan::plans;
use rusplan_domain::json::Value;
use std::path::{Path, PathBuf};

const USAGE: &str = "usage: rusplan-prerender homes | \
    rusplan-prerender parents <dist> <stylesheet> <csp> <handout boot script> | \
    rusplan-prerender flowcharts <dist> <stylesheet> <csp>";

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
            let handout_boot = args.next().expect(USAGE);
            parents(&dist, &stylesheet, &csp, &handout_boot);
        }
        Some("flowcharts") => {
            let dist = PathBuf::from(args.next().expect(USAGE));
            let stylesheet = args.next().expect(USAGE);
            let csp = args.next().expect(USAGE);
            flowcharts(&dist, &stylesheet, &csp);
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

/// The head every page written here shares; `up` leads from the page's
/// folder to the app's ("../" or "./").
fn document(
    lang: &str,
    title: &str,
    csp: &str,
    up: &str,
    stylesheet: &str,
    script: &str,
    body: &str,
) -> String {
    format!(
        r#"<!doctype html>
<html lang="{lang}">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="{csp}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <title>{title}</title>
    <link rel="stylesheet" href="{up}{stylesheet}">
    <link rel="icon" href="{up}icons/icon.svg" type="image/svg+xml">
{script}  </head>
  <body>{body}</body>
</html>
"#
    )
}

/// The parents' pages, and `foresatte.html`: the address staff hand out,
/// which sends a link on to its plan's page (`foresatte-link.js`, from the
/// same `file_name` rule), lists every plan's page with scripts off, and
/// starts the handout (`handout_boot`) for `&utskrift`.
fn parents(dist: &Path, stylesheet: &str, csp: &str, handout_boot: &str) {
    let folder = dist.join("foresatte");
    std::fs::create_dir_all(&folder).expect("the dist folder is writable");
    let write = |path: PathBuf, text: String| {
        std::fs::write(path, text).expect("the dist folder is writable")
    };
    let offline = "    <script type=\"module\" src=\"../parents-offline.js\"></script>\n";
    for plan in plans::all() {
        for language in Language::ALL {
            let body = view! { <ParentsPage plan=plan language=language/> }.to_html();
            let title = format!("{} – Rusplan", language.title());
            let page = document(
                language.code(),
                &title,
                csp,
                "../",
                stylesheet,
                offline,
                &body,
            );
            write(folder.join(file_name(&plan.id, language)), page);
        }
    }

    let files = Value::Object(
        plans::all()
            .into_iter()
            .map(|plan| {
                let file = |language| Value::from(file_name(&plan.id, language));
                let both = vec![
                    ("nb".into(), file(Language::Bokmal)),
                    ("en".into(), file(Language::English)),
                ];
                (plan.id.clone(), Value::Object(both))
            })
            .collect(),
    );
    write(
        dist.join("foresatte-link.js"),
        format!(
            r#"// Sends a parents' link (foresatte.html?foresatte=<plan>[&lang=en]) on to
// its plan's static page (written by crates/prerender). A classic script in
// the head: it runs before the handout's program would start.
(() => {{
  const FILES = {files};
  const query = new URLSearchParams(location.search);
  const plan = query.get('foresatte');
  if (query.has('utskrift') || !Object.prototype.hasOwnProperty.call(FILES, plan)) return;
  window.rusplanLeaving = true;
  const file = query.get('lang') === 'en' ? FILES[plan].en : FILES[plan].nb;
  location.replace(new URL(`./foresatte/${{file}}`, document.currentScript.src));
}})();
"#,
            files = files.to_text()
        ),
    );

    let choices = view! {
        <main id="main" class="parents">
            <h1>"Informasjon til foresatte " <span lang="en">"/ Information for parents"</span></h1>
            <ul class="links">
                {plans::all().into_iter().map(|plan| view! {
                    <li>
                        {plan.meta.school.clone()} ": "
                        <a href=format!("./foresatte/{}", file_name(&plan.id, Language::Bokmal)) lang="nb">"Norsk"</a>
                        " · "
                        <a href=format!("./foresatte/{}", file_name(&plan.id, Language::English)) lang="en" hreflang="en">"English"</a>
                    </li>
                }).collect_view()}
            </ul>
        </main>
    }
    .to_html();
    let scripts = format!(
        "    <script src=\"./foresatte-link.js\"></script>\n    <script type=\"module\" src=\"./{handout_boot}\"></script>\n"
    );
    let body = format!("<noscript>{choices}</noscript>");
    write(
        dist.join("foresatte.html"),
        document(
            "nb",
            "Informasjon til foresatte",
            csp,
            "./",
            stylesheet,
            &scripts,
            &body,
        ),
    );
}

/// Every situation's flowchart, one SVG file each, under `flyt/<plan>/`
/// (`flowchart_file`, the one rule for their names, the page's too), and
/// each plan's page of charts with the routes as text (`flowcharts_page`).
fn flowcharts(dist: &Path, stylesheet: &str, csp: &str) {
    let write = |path: PathBuf, text: String| {
        std::fs::create_dir_all(path.parent().expect("a file is in a folder"))
            .expect("the dist folder is writable");
        std::fs::write(path, text).expect("the dist folder is writable");
    };
    for plan in plans::all() {
        for (situation, chart) in rusplan_domain::flowchart::flowcharts(plan) {
            let svg = rusplan_domain::flowchart::to_svg(&chart, &situation);
            write(dist.join(flowchart_file(&plan.id, &situation)), svg);
        }
        let body = view! { <FlowchartsPage plan=plan/> }.to_html();
        let title = format!("Flytskjema – {}", plan.meta.title);
        let page = document("nb", &title, csp, "../", stylesheet, "", &body);
        write(dist.join(flowcharts_page(&plan.id)), page);
    }
}
