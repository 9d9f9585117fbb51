//! Component tests in headless Chromium (wasm-bindgen-test): the call
//! buttons and the emergency line render what a phone needs to dial.

#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rusplan::components::call::CallRole;
use rusplan::components::emergency::EmergencyLine;
use rusplan::plans;
use rusplan::state::AppState;
use rusplan_domain::device_contact::DeviceContact;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view with fresh app state for `plan_id`; returns its element
/// and the state, so a test can change it and watch the view follow.
fn mount(
    plan_id: &'static str,
    view: impl Fn() -> AnyView + 'static,
) -> (web_sys::Element, AppState) {
    rusplan::storage::local_storage().unwrap().clear().unwrap();
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let state_cell = std::rc::Rc::new(std::cell::Cell::new(None));
    let cell = state_cell.clone();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        let state = AppState::load();
        state.choose_plan(plan_id);
        provide_context(state);
        cell.set(Some(state));
        view()
    });
    handle.forget();
    (host, state_cell.get().unwrap())
}

fn role(plan_id: &str, role: &str) -> &'static rusplan_domain::plan::Role {
    plans::by_id(plan_id).role(role).unwrap()
}

#[wasm_bindgen_test]
fn the_leadership_is_one_tap_away_with_the_rector_first() {
    let (host, _) = mount("halden-vgs", || {
        view! { <CallRole role=role("halden-vgs", "ledelse")/> }.into_any()
    });
    let html = host.inner_html();
    let rector = html
        .find("href=\"tel:+4797083705\"")
        .expect("the rector's number as a tel: link");
    let deputy = html
        .find("href=\"tel:+4745728629\"")
        .expect("the deputy's number");
    assert!(rector < deputy, "the rector comes first");
    assert!(html.contains("Ring Kristin Støten"));
    assert!(html.contains("Flere å ringe (5)"));
}

#[wasm_bindgen_test]
fn the_police_number_is_dialled_as_printed() {
    let (host, _) = mount("halden-vgs", || {
        view! { <CallRole role=role("halden-vgs", "politi")/> }.into_any()
    });
    assert!(host.inner_html().contains("href=\"tel:02800\""));
}

#[wasm_bindgen_test]
async fn a_role_without_a_number_offers_to_add_one_and_then_calls_it() {
    let (host, state) = mount("kjentmann-brosjyre", || {
        view! { <CallRole role=role("kjentmann-brosjyre", "kjentmann")/> }.into_any()
    });
    assert!(host.inner_html().contains("planen oppgir ikke nummer"));
    assert!(!host.inner_html().contains("tel:"));
    let plan = plans::by_id("kjentmann-brosjyre");
    let contact = DeviceContact::new(plan, "t1".into(), "kjentmann", "Kari", "412 34 567").unwrap();
    state.change_device_contacts(|all| all.push(contact));
    leptos::task::tick().await; // let the view catch up with the signal
    let html = host.inner_html();
    assert!(html.contains("href=\"tel:+4741234567\""), "{html}");
    assert!(html.contains("lagt til på denne enheten"));
    rusplan::storage::local_storage().unwrap().clear().unwrap();
}

#[wasm_bindgen_test]
fn foresatte_have_no_number_in_any_plan() {
    let (host, _) = mount("halden-vgs", || {
        view! { <CallRole role=role("halden-vgs", "foresatte")/> }.into_any()
    });
    assert!(host
        .inner_html()
        .contains("Foresatte: nummeret står ikke i planen."));
}

#[wasm_bindgen_test]
fn the_emergency_line_says_it_is_not_from_the_plan() {
    let (host, _) = mount("halden-vgs", || view! { <EmergencyLine/> }.into_any());
    let html = host.inner_html();
    assert!(html.contains("href=\"tel:113\"") && html.contains("href=\"tel:112\""));
    assert!(html.contains("Generell informasjon – ikke fra skolens plan."));
}

#[wasm_bindgen_test]
fn every_address_the_app_links_to_opens_its_page() {
    use rusplan::router::Route;
    let cases = [
        ("/", Route::Home),
        ("", Route::Home),
        ("/situasjon/alt3", Route::Situation("alt3".into())),
        ("/situasjon/alt%203", Route::Situation("alt 3".into())),
        ("/sjekkliste", Route::Checklist),
        ("/kontakter/", Route::Contacts),
        ("/plan", Route::PlanInfo),
        ("/foresatte-utskrift", Route::NotFound),
        ("/saker", Route::Cases),
        ("/saker/k7f2", Route::Case("k7f2".into())),
        ("/saker/k7f2/referat", Route::Referat("k7f2".into())),
        ("/situasjon", Route::NotFound),
        ("/situasjon//", Route::NotFound),
        ("/saker/k7f2/slett", Route::NotFound),
        ("/ovelse", Route::Practice),
        ("/ovelse/alt3", Route::PracticeSituation("alt3".into())),
        ("/ovelse/alt3/sjekk", Route::PracticeCheck("alt3".into())),
        ("/ovelse/alt3/slett", Route::NotFound),
        ("/ovelse//sjekk", Route::NotFound),
        ("/ukjent", Route::NotFound),
    ];
    for (path, route) in cases {
        assert_eq!(Route::parse(path), route, "{path}");
    }
    // The home screen's buttons lead to every situation of every plan.
    for plan in plans::all() {
        for situation in &plan.situations {
            let path = format!("/situasjon/{}", situation.id);
            assert_eq!(Route::parse(&path), Route::Situation(situation.id.clone()));
        }
    }
}
