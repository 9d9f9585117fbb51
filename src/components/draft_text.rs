//! A text field of a draft. What is typed goes to the case book, which may
//! refuse it (an identity number): then the field keeps what was typed, the
//! draft keeps what it had, and the message below says so.
//!
//! The field follows only its own value: another tab's change to another
//! field does not touch it, and setting the value it already has (the echo
//! of a keystroke) does not move the caret.

use crate::case_book::CaseBook;
use leptos::prelude::*;
use rusplan_domain::case::{looks_like_full_name, CaseEdit, Field};

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
    #[prop(optional)]
    described_by: Option<&'static str>,
) -> impl IntoView {
    let book = expect_context::<CaseBook>();
    let on_input = {
        let case_id = case_id.clone();
        move |ev| book.edit(&case_id, edit.run(event_target_value(&ev)))
    };
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
                prop:value=value on:input=on_input></textarea>
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
