//! The referat of a case: copy it, download it as .txt, or print it; then
//! delete the draft.

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::copy::CopyButton;
use crate::components::insecure_host::InsecureHostNote;
use crate::page::{link, set_title};
use crate::pages::case::{CaseGone, DeleteCase};
use crate::plans;
use leptos::prelude::*;
use rusplan_domain::referat::referat;
use rusplan_domain::time::date;

#[component]
pub fn ReferatPage(id: String) -> impl IntoView {
    set_title("Referat");
    let book = expect_context::<CaseBook>();
    let copied = RwSignal::new(None::<&'static str>);
    move || {
        let Some(case) = book.case(&id) else {
            return view! { <CaseGone id=id.clone()/> }.into_any();
        };
        let plan = plans::by_id(&case.plan_id);
        let text = referat(plan, &case, &browser::utc_offset_minutes);
        // The file name says when, never who.
        let file_name = format!(
            "referat-{}.txt",
            date(case.created_at, &browser::utc_offset_minutes).replace('.', "-")
        );
        let (copy_text, download_text) = (text.clone(), text.clone());
        // Taking the referat out is noted: the unsaved-draft warning says so.
        let exported = {
            let id = id.clone();
            Callback::new(move |()| book.exported(&id))
        };
        view! {
            <h1 class="no-print">"Referat"</h1>
            <div class="no-print"><InsecureHostNote/></div>
            <div class="row no-print">
                <CopyButton text=copy_text label="Kopier referatet" done="Referatet er kopiert." status=copied on_copied=exported/>
                <button type="button" class="button secondary" on:click=move |_| {
                    browser::download_text(&file_name, &download_text);
                    exported.run(());
                }>"Last ned .txt"</button>
                <button type="button" class="button secondary" on:click=move |_| {
                    browser::print();
                    exported.run(());
                }>"Skriv ut"</button>
            </div>
            <p class="no-print" role="status">{move || copied.get()}</p>
            <pre class="referat" tabindex="0" aria-label="Referatet">{text}</pre>
            <div class="no-print">
                <a href=link(&format!("/saker/{id}"))>"Tilbake til saken"</a>
                <DeleteCase id=id.clone()/>
            </div>
        }
        .into_any()
    }
}
