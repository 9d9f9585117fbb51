//! Renders pages ahead of time, natively, from the app's own Leptos
//! components, for `scripts/postbuild.mjs`:
//!
//! - `homes`: the home screen of every bundled plan (`AppBar`,
//!   `HomeScreen`, `MainMenu`), printed for index.html, each hidden until
//!   `assets/prerender.js` or the service worker shows the device's plan;
//!   the default plan marked by the rule build.rs applies.
//! - `pages`: every other page the app links to (each situation's opening
//!   screen, the checklist, contacts, the plan), drawn by the app's own
//!   `guidance_pages` or `calm_pages` as on a new device with the default
//!   plan (a situation only another plan has, with that plan), printed as
//!   JSON `{ "<app path>": { "title", "plan", "html" } }` for postbuild,
//!   which writes each as `<path>index.html`; and the drafts' list and
//!   practice (`saker/`, `ovelse/`), shells with no content.
//! - `parents <dist> <stylesheet> <csp> <handout boot script>`: the parents'
//!   page, one static file per bundled plan and language in
//!   `<dist>/foresatte/` (a parent's first visit then needs no wasm and no
//!   app script), and `foresatte.html` with its script, which send the link
//!   staff hand out on to those files; prints `{ plan: { nb, en } }`, the
//!   files, as JSON.
//! - `flowcharts <dist> <stylesheet> <csp>`: each situation's flowchart as
//!   an SVG file, `<dist>/flyt/<plan>/<situation>.svg`
//!   (`rusplan_domain::flowchart`), which the plan page shows, and per plan
//!   `flyt/<plan>.html` (`FlowchartsPage`): the charts with every route as
//!   text, their text alternative. Drawn here, so the app carries no
//!   drawing code and no route walk.
//! - `studio <dist> <stylesheet> <csp> <studio stylesheet> <boot script>`:
//!   `studio.html`, the plan studio's page, with the same head.
//!
//! Links come out app-absolute ("/situasjon/…"); postbuild makes them
//! relative to the app's folder, as for the rest of index.html.

use leptos::prelude::*;
use rusplan::app::{calm_pages, guidance_pages, is_here, AppBar, MainMenu};
use rusplan::case_book::CaseBook;
use rusplan::pages::home::HomeScreen;
use rusplan::pages::parents::{file_name, Language, ParentsPage};
use rusplan::pages::plan_info::{flowchart_file, flowcharts_page, FlowchartsPage};
use rusplan::plans;
use rusplan::router::{Route, Router};
use rusplan::state::AppState;
use rusplan_domain::json::Value;
use std::path::{Path, PathBuf};

const USAGE: &str = "usage: rusplan-prerender homes | \
    rusplan-prerender parents <dist> <stylesheet> <csp> <handout boot script> | \
    rusplan-prerender flowcharts <dist> <stylesheet> <csp> | \
    rusplan-prerender studio <dist> <stylesheet> <csp> <studio stylesheet> <studio boot script>";

fn main() {
    let owner = Owner::new();
    owner.set();
    // Nothing runs ahead of time: effects (focus, timers) are the browser's.
    let _ = any_spawner::Executor::init_custom_executor(Idle);
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("homes") => print!("{}", homes()),
        Some("pages") => print!("{}", pages().to_text()),
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
        Some("studio") => {
            let dist = PathBuf::from(args.next().expect(USAGE));
            let stylesheet = args.next().expect(USAGE);
            let csp = args.next().expect(USAGE);
            let studio_stylesheet = args.next().expect(USAGE);
            let boot = args.next().expect(USAGE);
            let head = format!(
                "    <link rel=\"stylesheet\" href=\"./{studio_stylesheet}\">\n    \
                 <script type=\"module\" src=\"./{boot}\"></script>\n"
            );
            let body = "<noscript><p>Planstudioet trenger JavaScript.</p></noscript>";
            let page = document(
                "nb",
                "Planstudio – Rusplan",
                &csp,
                "./",
                &stylesheet,
                &head,
                body,
            );
            std::fs::write(dist.join("studio.html"), page).expect("the dist folder is writable");
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
                <MainMenu here=|href| is_here("/", href)/>
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

/// An executor that runs nothing: a page's effects belong to the browser.
struct Idle;

impl any_spawner::CustomExecutor for Idle {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The guidance's pages besides home, each as the app draws it on a new
/// device: the same frame as `homes` (the bar, `<main id="main">`, the
/// menu), with the page's title. The plan is the default, as the app's
/// on a device where none is chosen; assets/prerender.js hides a page of
/// another plan than the device's, and the app draws it.
fn pages() -> Value {
    let default = plans::by_id(plans::DEFAULT_PLAN);
    let mut routes: Vec<(String, &'static rusplan_domain::Plan, Route)> = vec![
        ("/sjekkliste/".into(), default, Route::Checklist),
        ("/kontakter/".into(), default, Route::Contacts),
        ("/plan/".into(), default, Route::PlanInfo),
    ];
    for plan in plans::all() {
        for situation in &plan.situations {
            let path = format!("/situasjon/{}/", situation.id);
            if routes.iter().any(|(p, _, _)| *p == path) {
                continue;
            }
            let shown = if default.situation(&situation.id).is_some() {
                default
            } else {
                plan
            };
            routes.push((path, shown, Route::Situation(situation.id.clone())));
        }
    }
    let mut out: Vec<(String, Value)> = routes
        .into_iter()
        .map(|(path, plan, route)| {
            let html = render_page(&path, plan, route);
            let entry = vec![
                (
                    "title".into(),
                    Value::from(rusplan::page::title_ahead_of_time()),
                ),
                ("plan".into(), Value::from(plan.id.clone())),
                ("html".into(), Value::from(html)),
            ];
            (path, Value::Object(entry))
        })
        .collect();
    // The calm program draws these from what is on the device: shells.
    for (path, title) in [
        ("/saker/", "Saker – Rusplan"),
        ("/ovelse/", "Øving – Rusplan"),
    ] {
        let shell = vec![
            ("title".into(), Value::from(title.to_owned())),
            ("plan".into(), Value::Null),
            ("html".into(), Value::from(String::new())),
        ];
        out.push((path.into(), Value::Object(shell)));
    }
    Value::Object(out)
}

/// One page in the app's frame, as the app draws it for `path`.
fn render_page(path: &str, plan: &'static rusplan_domain::Plan, route: Route) -> String {
    let owner = Owner::new();
    let path = path.to_owned();
    // Drawn inside a memo, as the app draws a page inside its router's
    // reactive closure (so reading a signal is not reported as untracked).
    owner.with(|| Memo::new(move |_| draw(&path, plan, route.clone())).get_untracked())
}

fn draw(path: &str, plan: &'static rusplan_domain::Plan, route: Route) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(AppState::ahead_of_time(&plan.id));
        provide_context(CaseBook::ahead_of_time());
        Router::ahead_of_time(path);
        let page = guidance_pages(route.clone())
            .or_else(|| calm_pages(route))
            .expect("a page of the app");
        let school = plan.meta.school.clone();
        // The menu's rule needs a Copy closure; a build tool may leak.
        let path: &'static str = Box::leak(path.to_owned().into_boxed_str());
        let screen = view! {
            <AppBar school=school/>
            <main id="main">{page}</main>
            <MainMenu here=move |href| is_here(path, href)/>
        }
        .to_html();
        format!(
            "<div class=\"prerender\" data-plan=\"{}\">{screen}\
             <p class=\"prerender-status\" role=\"status\"></p></div>",
            plan.id
        )
    })
}

/// The head every page written here shares; `up` leads from the page's
/// folder to the app's ("../" or "./"); `script` is what a page adds to
/// its head (its scripts, a stylesheet of its own).
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
    // For postbuild: which files are each plan's pages (the parents' worker).
    print!("{}", files.to_text());
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A plan with no translations still gets its English page: each text
    /// in bokmål, tagged as such and marked (the bundled plans are complete).
    #[test]
    fn english_page_of_an_untranslated_plan_shows_bokmal_marked() {
        let json = include_str!("../../domain/tests/plans/fjord-skole.json");
        let plan: &'static rusplan_domain::Plan = Box::leak(Box::new(
            rusplan_domain::load_plan(json).expect("a valid plan"),
        ));
        assert!(plan.translations.is_empty());
        let owner = Owner::new();
        owner.set();
        let title = &plan.meta.title;
        let html = view! { <ParentsPage plan=plan language=Language::English/> }.to_html();
        assert!(
            html.contains(&format!("<span lang=\"nb\">{title}</span>")),
            "{html}"
        );
        assert!(html.contains("(not yet translated: shown in Norwegian)"));
        assert!(html.contains("The Norwegian text is the authoritative one."));
        let bokmal = view! { <ParentsPage plan=plan language=Language::Bokmal/> }.to_html();
        assert!(!bokmal.contains("untranslated") && !bokmal.contains("authoritative"));
    }
}
