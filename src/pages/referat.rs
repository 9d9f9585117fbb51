//! The referat of a case: copy it, download it as .txt, or print it; then
//! delete the draft.

use crate::browser;
use crate::case_book::CaseBook;
use crate::components::copy::CopyButton;
use crate::page::{link, set_title};
use crate::pages::case::DeleteCase;
use crate::pages::not_found::NotFound;
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
            return view! { <NotFound/> }.into_any();
        };
        let plan = plans::by_id(&case.plan_id);
        let text = referat(plan, &case, &browser::utc_offset_minutes);
        // The file name says when, never who.
        let file_name = format!(
            "referat-{}.txt",
            date(case.created_at, &browser::utc_offset_minutes).replace('.', "-")
        );
        let (copy_text, download_text) = (text.clone(), text.clone());
        view! {
            <h1 class="no-print">"Referat"</h1>
            <div class="row no-print">
                <CopyButton text=copy_text label="Kopier referatet" done="Referatet er kopiert." status=copied/>
                <button type="button" class="button secondary" on:click=move |_| browser::download_text(&file_name, &download_text)>"Last ned .txt"</button>
                <button type="button" class="button secondary" on:click=move |_| browser::print()>"Skriv ut"</button>
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
