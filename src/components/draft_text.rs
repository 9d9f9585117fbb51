//! A text field of a draft. What is typed goes to the case book, which may
//! refuse it (an identity number): then the field keeps what was typed, the
//! draft keeps what it had, and the message below says so.
//!
//! The field follows only its own value: another tab's change to another
//! field does not touch it, and setting the value it already has (the echo
//! of a keystroke) does not move the caret.
//!
//! A long text (a note may run to a megabyte) is handed to the case book
//! after a pause in typing, on leaving the field and when the page is
//! hidden, not on every key: reading a megabyte out of the field and
//! checking it took 12 ms per key unthrottled, most of a frame on a slow
//! phone. It is checked for identity numbers all the same, before it is
//! kept.

use crate::browser;
use crate::case_book::CaseBook;
use leptos::prelude::*;
use rusplan_domain::case::{looks_like_full_name, CaseEdit, Field};
use std::time::Duration;
use web_sys::HtmlTextAreaElement;

/// Texts longer than this (characters) are handed over after a pause.
const LONG_TEXT: u32 = 10_000;
const PAUSE: Duration = Duration::from_millis(300);

#[component]
pub fn DraftText(
    case_id: String,
    field: Field,
    /// The element id, for its label.
    #[prop(into)]
    input_id: String,
    /// The draft's value of this field.
    value: Memo<String>,
    /// The edit a typed text makes.
    edit: Callback<String, CaseEdit>,
    /// Rows, for a multi-line field.
    #[prop(optional)]
    multiline: Option<u32>,
    #[prop(optional)] maxlength: Option<u32>,
    /// Steer away from full names (the pupil reference).
    #[prop(optional)]
    check_name: bool,
    /// Ids of texts that describe the field, besides its message.
    #[prop(optional, into)]
    described_by: Option<String>,
) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let on_input = {
        let case_id = case_id.clone();
        move |ev| book.edit(&case_id, edit.run(event_target_value(&ev)))
    };
    // A long text waiting to be handed over: the field, and the pause timer.
    let waiting = StoredValue::new_local(None::<HtmlTextAreaElement>);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let hand_over = {
        let case_id = case_id.clone();
        move || {
            if let Some(handle) = timer.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            if let Some(area) = waiting.try_update_value(Option::take).flatten() {
                book.edit(&case_id, edit.run(area.value()));
            }
        }
    };
    let on_area_input = {
        let (case_id, hand_over) = (case_id.clone(), hand_over.clone());
        move |ev: leptos::ev::Event| {
            let area: HtmlTextAreaElement = event_target(&ev);
            if area.text_length() <= LONG_TEXT {
                waiting.set_value(None);
                return book.edit(&case_id, edit.run(area.value()));
            }
            waiting.set_value(Some(area));
            if let Some(handle) = timer.try_update_value(Option::take).flatten() {
                handle.clear();
            }
            let hand_over = hand_over.clone();
            timer.set_value(set_timeout_with_handle(hand_over, PAUSE).ok());
        }
    };
    // Before the page goes away, and before the book writes what is pending.
    let page_hide = StoredValue::new_local(Some(browser::on_page_hide({
        let hand_over = hand_over.clone();
        move || {
            hand_over();
            book.flush();
        }
    })));
    on_cleanup({
        let hand_over = hand_over.clone();
        move || {
            hand_over();
            if let Some(listeners) = page_hide.try_update_value(Option::take).flatten() {
                listeners.remove();
            }
        }
    });
    let problem_id = format!("{input_id}-problem");
    let described = match described_by {
        Some(other) => format!("{other} {problem_id}"),
        None => problem_id.clone(),
    };
    let message = move || {
        book.withheld(&case_id, &field)
            .map(|found| found.message())
            .or_else(|| {
                (check_name && value.with(|v| looks_like_full_name(v))).then_some(
                    "Dette ser ut som et fullt navn. Bruk heller initialer eller et kallenavn.",
                )
            })
    };
    let input = match multiline {
        Some(rows) => view! {
            <textarea id=input_id rows=rows aria-describedby=described
                prop:value=value on:input=on_area_input on:blur=move |_| hand_over()></textarea>
        }
        .into_any(),
        None => view! {
            <input id=input_id type="text" autocomplete="off" maxlength=maxlength
                aria-describedby=described prop:value=value on:input=on_input/>
        }
        .into_any(),
    };
    view! {
        {input}
        <p id=problem_id class="form-problem" role="alert">{message}</p>
    }
}
