//! The warning that a draft is not on the device, on every page, kept in
//! view while the page scrolls: the browser refused to store it, and it
//! lives only in this tab until a write succeeds.

use crate::browser;
use crate::case_book::CaseBook;
use crate::page::link;
use leptos::prelude::*;
use rusplan_domain::time::clock;

#[component]
pub fn UnsavedWarning() -> impl IntoView {
    let book = expect_context::<CaseBook>();
    move || {
        let unsaved = book.unsaved();
        (!unsaved.is_empty()).then(|| {
            view! {
                <section class="unsaved" role="alert" aria-labelledby="unsaved-title">
                    <h2 id="unsaved-title">"Ikke lagret på enheten"</h2>
                    <p>
                        "Ta ut referatet nå: det som ikke er lagret, finnes bare i denne fanen, \
                         og telefonen kan lukke den. Frigjør plass (slett gamle utkast), så lagres det igjen."
                    </p>
                    <ul role="list">
                        {unsaved.into_iter().map(|u| {
                            // Names a time, never the pupil: this shows on every page.
                            let when = clock(u.created_at, &browser::utc_offset_minutes);
                            let status = if u.exported {
                                format!("Utkastet fra kl. {when} er ikke lagret ({}), men referatet er tatt ut.", u.why)
                            } else {
                                format!("Utkastet fra kl. {when} er ikke lagret ({}).", u.why)
                            };
                            view! {
                                <li>
                                    {status}" "
                                    <a href=link(&format!("/saker/{}/referat", u.id))>"Ta ut referatet"</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
