//! The studio's forms for what a plan already holds and no selection
//! makes: the plan's own details (school, version, revision date), and any
//! text with a citation, changed in place, e.g. cut down to the words
//! staff need. Each is one `plan_edit::Edit`, made by the same `Editor`
//! as the building forms.

use crate::pages::studio_build::{
    alert, change_button, departure, opt, remove_button, Change, Editor, TextField,
};
use leptos::prelude::*;
use rusplan_domain::plan::{Meta, Plan};
use rusplan_domain::plan_edit::{excerpt, removed_elsewhere, Edit};
use rusplan_domain::trace;

/// The plan's name, school, year, version, revision date and owner.
#[component]
pub(crate) fn MetaForm(editor: Editor, plan: Memo<Option<Plan>>) -> impl IntoView {
    let error = RwSignal::new(None);
    let fields: [RwSignal<String>; 8] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let [school, title, year, version, revision, revision_text, undated, responsible] = fields;
    // The fields follow the plan file: opened, typed in or changed here.
    let meta = Memo::new(move |_| plan.with(|p| p.as_ref().map(|p| p.meta.clone())));
    Effect::new(move |_| {
        let Some(m) = meta.get() else { return };
        let values = [
            Some(m.school),
            Some(m.title),
            m.school_year,
            m.version,
            m.next_revision,
            m.next_revision_text,
            m.undated_reason,
            m.responsible,
        ];
        for (field, value) in fields.iter().zip(values) {
            field.set(value.unwrap_or_default());
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let read = |field: RwSignal<String>| opt(&field.get_untracked());
        let meta = Meta {
            school: school.get_untracked(),
            title: title.get_untracked(),
            school_year: read(year),
            version: read(version),
            next_revision: read(revision),
            next_revision_text: read(revision_text),
            undated_reason: read(undated),
            responsible: read(responsible),
            // The plan's own citation stays (see `Edit::SetMeta`).
            source: None,
        };
        editor.run(
            error,
            "meta-error",
            |_| Ok(Edit::SetMeta(meta)),
            "build-status".to_owned(),
            "Planens opplysninger er lagret.".to_owned(),
        );
    };
    view! {
        <form class="studio-form" aria-labelledby="meta-title" on:submit=save>
            <h3 id="meta-title">"Om planen"</h3>
            <TextField id="meta-school" label="Skolen, slik planen skriver navnet" value=school/>
            <TextField id="meta-title-field" label="Tittelen på planen" value=title/>
            <TextField id="meta-year" label="Skoleår (valgfri, f.eks. 2026–2027)" value=year/>
            <TextField id="meta-version" label="Versjon, slik planen skriver den (valgfri)" value=version/>
            <TextField id="meta-revision" label="Neste revisjon (ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD)" value=revision/>
            <TextField id="meta-revision-text" label="Neste revisjon, slik planen skriver den (valgfri)" value=revision_text/>
            <TextField id="meta-undated" label="Hvorfor planen ikke har revisjonsdato (når den mangler)" value=undated/>
            <TextField id="meta-responsible" label="Hvem som har ansvar for planen (valgfri)" value=responsible/>
            {alert("meta-error", error)}
            <button type="submit" class="button">"Lagre opplysningene"</button>
        </form>
    }
}

/// A text's first words, enough to tell it from its neighbours.
fn opening(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 8 {
        words.join(" ")
    } else {
        format!("{} …", words[..8].join(" "))
    }
}

/// Every text with a citation, each openable to change its words; the
/// change is checked against the lines it cites as it is typed.
#[component]
pub(crate) fn CitedTexts(
    editor: Editor,
    plan: Memo<Option<Plan>>,
    lines: Memo<Vec<String>>,
    /// The document the open text is: only its lines can be compared.
    document: Signal<Option<String>>,
) -> impl IntoView {
    let error = RwSignal::new(None);
    let change = Change::new("cited-change-text");
    let (path, text, cited) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(None::<(String, [u32; 2])>),
    );
    let texts = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref().map_or_else(Vec::new, |p| {
                trace::cited_texts(p)
                    .iter()
                    .map(|c| {
                        let lines = (c.source.document.clone(), c.source.lines);
                        (c.path.clone(), c.text.to_owned(), lines)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let departure = move || {
        let (doc, [a, b]) = cited.get()?;
        if document.get().as_deref() != Some(doc.as_str()) {
            return Some(format!(
                "Teksten viser til dokumentet «{doc}», som ikke er åpent: den kan ikke sammenlignes her."
            ));
        }
        let Some(lines_text) = lines.with(|l| excerpt(l, a, b)) else {
            return Some(format!("Linje {a}–{b} finnes ikke i den åpne teksten."));
        };
        departure(&text.get(), &lines_text).map(|d| format!("{d} (linje {a}–{b})."))
    };
    // Removing from the list: its refusals are said above it.
    let list_error = RwSignal::new(None);
    let act = move |edit: Edit, focus: String, done: String| {
        editor.run(list_error, "cited-list-error", |_| Ok(edit), focus, done);
    };
    let clear = move || {
        path.set(String::new());
        text.set(String::new());
        cited.set(None);
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(entry) = change.entry.get_untracked() else {
            return;
        };
        let edit = Edit::ChangeCitedText {
            path: path.get_untracked(),
            text: text.get_untracked(),
        };
        if editor.run(
            error,
            "cited-change-error",
            |_| Ok(edit),
            entry,
            "Teksten er endret.".to_owned(),
        ) {
            change.entry.set(None);
            clear();
        }
    };
    view! {
        <section class="studio-form" aria-labelledby="cited-texts-title">
            <h3 id="cited-texts-title">"Tekster med henvisning"</h3>
            <p>"Endre ordene i en tekst som allerede er i planen, f.eks. for å korte den inn. Henvisningen blir stående; teksten må følge linjene ordrett."</p>
            {move || change.open_now().then(|| view! {
                <form aria-labelledby="cited-change-title" on:submit=save>
                    <h4 id="cited-change-title">{move || cited.get().map(|(_, [a, b])| format!("Endre teksten (linje {a}–{b})"))}</h4>
                    <div class="field">
                        <label for="cited-change-text">"Teksten"</label>
                        <textarea id="cited-change-text" rows="3" aria-describedby="cited-change-departure" prop:value=move || text.get()
                            on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                        <p id="cited-change-departure" class="studio-warning-text" aria-live="polite">{departure}</p>
                    </div>
                    {alert("cited-change-error", error)}
                    {change.buttons("Lagre endringen", clear)}
                </form>
            })}
            {alert("cited-list-error", list_error)}
            <details>
                <summary>{move || format!("Alle tekstene ({})", texts.with(Vec::len))}</summary>
                <ol class="studio-outline">
                    {move || texts.get().into_iter().enumerate().map(|(i, (p, t, (doc, [a, b])))| {
                        let entry = format!("made-cited-{i}");
                        // Named by its opening words: texts can share lines.
                        let what = format!("teksten «{}»", opening(&t));
                        // A contact's or a step's text goes with it, in its own list.
                        let remove = removed_elsewhere(&p).is_none()
                            .then(|| remove_button(what.clone(), Edit::RemoveCitedText(p.clone()), act));
                        let (held_path, held_text, held_doc) = (p, t.clone(), doc);
                        let open = move || {
                            error.set(None);
                            path.set(held_path.clone());
                            text.set(held_text.clone());
                            cited.set(Some((held_doc.clone(), [a, b])));
                            change.open(format!("made-cited-{i}"));
                        };
                        view! {
                            <li id=entry tabindex="-1">{format!("{t} (linje {a}–{b})")}
                                {change_button(what, open)}
                                {remove}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </details>
        </section>
    }
}
