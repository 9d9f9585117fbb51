//! The studio's forms: building a plan by selecting lines of its text and
//! filling in what the text leaves to the school (ids, who, how soon).
//! Every form is one of the domain's `plan_edit::Edit`s, applied to the
//! plan file (the JSON field stays the one source of truth, written back
//! with `to_json`), so the checks, the coverage and the flowcharts follow
//! at once. A refused edit is said in an alert that takes the focus; a
//! made one moves the focus to it in the outline.

use crate::page::focus_by_id;
use crate::pages::studio_change::{CitedTexts, MetaForm};
use leptos::prelude::*;
use rusplan_domain::plan::{
    AgendaItem, Answer, Condition, Contact, Link, Node, Participant, Plan, Role, Source, Step,
};
use rusplan_domain::plan_edit::{
    apply, excerpt, found_contacts, skeleton, CitedKind, Edit, FoundKind, LinkList, NewNode,
    Skeleton,
};
use rusplan_domain::plan_file::to_json;
use rusplan_domain::{parse_plan, trace};

type Options = Signal<Vec<(String, String)>>;

/// The document a selection of the open text cites: the plan's only one,
/// or the one whose file the text is.
fn document_of(plan: &Plan, file: &str) -> Option<String> {
    if plan.documents.len() == 1 {
        return Some(plan.documents[0].id.clone());
    }
    plan.documents
        .iter()
        .find(|d| d.file.as_deref() == Some(file))
        .map(|d| d.id.clone())
}

/// Makes an edit on the plan file, or says why not in the form's alert.
#[derive(Clone, Copy)]
pub struct Editor {
    plan_text: RwSignal<String>,
    status: RwSignal<Option<String>>,
}

impl Editor {
    pub(crate) fn run(
        self,
        error: RwSignal<Option<String>>,
        error_id: &'static str,
        make: impl FnOnce(&Plan) -> Result<Edit, String>,
        focus: String,
        done: String,
    ) -> bool {
        let fail = |message: String| {
            error.set(Some(message));
            request_animation_frame(move || focus_by_id(error_id));
            false
        };
        let Ok(mut plan) = parse_plan(&self.plan_text.get_untracked()) else {
            return fail(
                "Planfilen kan ikke leses ennå: lag en ny plan, eller rett feilen under «Sjekk» først."
                    .to_owned(),
            );
        };
        let edit = match make(&plan) {
            Ok(edit) => edit,
            Err(message) => return fail(message),
        };
        match apply(&mut plan, edit) {
            Ok(()) => {
                self.plan_text.set(to_json(&plan));
                error.set(None);
                self.status.set(Some(done));
                request_animation_frame(move || focus_by_id(&focus));
                true
            }
            Err(e) => fail(e.0),
        }
    }
}

#[component]
pub(crate) fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] number: bool,
    /// Read-only, as an id is while its item is changed.
    #[prop(optional, into)]
    locked: MaybeProp<bool>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type=if number { "number" } else { "text" } min=number.then_some("1")
                readonly=move || locked.get().unwrap_or(false)
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

#[component]
fn Tick(id: &'static str, label: &'static str, value: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="field tick">
            <input id=id type="checkbox" prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))/>
            <label for=id>{label}</label>
        </div>
    }
}

/// A select over `options` (value, text); without `none`, the value follows
/// the first option when its own is not among them.
#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    options: Options,
    #[prop(optional)] none: Option<&'static str>,
    /// Fixed, as where an item belongs is while it is changed.
    #[prop(optional, into)]
    locked: MaybeProp<bool>,
) -> impl IntoView {
    if none.is_none() {
        Effect::new(move |_| {
            let options = options.get();
            let current = value.get();
            let follow = options.first().map(|(v, _)| v.clone()).unwrap_or_default();
            // Only a change: setting the same value would run this again.
            if !options.iter().any(|(v, _)| *v == current) && follow != current {
                value.set(follow);
            }
        });
    }
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id disabled=move || locked.get().unwrap_or(false) on:change=move |ev| value.set(event_target_value(&ev))>
                {none.map(|text| view! { <option value="" prop:selected=move || value.get().is_empty()>{text}</option> })}
                {move || options.get().into_iter().map(|(v, text)| {
                    let this = v.clone();
                    view! { <option value=v prop:selected=move || value.get() == this>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Checkboxes over `options`, the ticked values in `chosen`.
#[component]
fn Ticks(
    id: &'static str,
    legend: &'static str,
    options: Options,
    chosen: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <fieldset class="field ticks">
            <legend>{legend}</legend>
            {move || options.get().into_iter().map(|(v, text)| {
                let box_id = format!("{id}-{v}");
                let (here, this) = (v.clone(), v.clone());
                view! {
                    <div class="tick">
                        <input id=box_id.clone() type="checkbox" prop:checked=move || chosen.with(|c| c.contains(&here))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|c| {
                                    c.retain(|x| *x != this);
                                    if on { c.push(this.clone()); }
                                });
                            }/>
                        <label for=box_id>{text}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// A form's alert: said when it changes, and focused on a refusal.
pub(crate) fn alert(id: &'static str, error: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p id=id class="studio-alert" role="alert" tabindex="-1">{move || error.get()}</p> }
}

/// Move up, move down and remove, for one item of the outline; `what`
/// names it for a screen reader ("trinnet «kontakt»").
fn tools(
    what: String,
    id: String,
    [up, down, remove]: [Edit; 3],
    act: impl Fn(Edit, String, String) + Copy + 'static,
) -> impl IntoView {
    let (id_up, id_down) = (id.clone(), id);
    let (what_up, what_down, what_remove) = (what.clone(), what.clone(), what.clone());
    view! {
        <span class="studio-tools">
            <button type="button" class="button secondary" on:click=move |_| act(up.clone(), id_up.clone(), format!("Flyttet {what_up} opp."))>
                "Opp"<span class="visually-hidden">{format!(": flytt {what}")}</span>
            </button>
            <button type="button" class="button secondary" on:click=move |_| act(down.clone(), id_down.clone(), format!("Flyttet {what_down} ned."))>
                "Ned"<span class="visually-hidden">{format!(": flytt {what_down}")}</span>
            </button>
            {remove_button(what_remove, remove, act)}
        </span>
    }
}

/// Removes one item of the outline.
pub(crate) fn remove_button(
    what: String,
    remove: Edit,
    act: impl Fn(Edit, String, String) + Copy + 'static,
) -> impl IntoView {
    let hidden = format!(" {what}");
    view! {
        <button type="button" class="button secondary" on:click=move |_| act(remove.clone(), "build-status".to_owned(), format!("Fjernet {what}."))>
            "Fjern"<span class="visually-hidden">{hidden}</span>
        </button>
    }
}

/// Opens one item of the outline in its form, to change it.
pub(crate) fn change_button(what: String, open: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="button secondary" on:click=move |_| open()>
            "Endre"<span class="visually-hidden">{format!(" {what}")}</span>
        </button>
    }
}

/// A form that makes an item, or changes one opened from the outline: the
/// id of the outline's entry while it changes one (its own id is then
/// fixed; ids are what the rest of the plan points by).
#[derive(Clone, Copy)]
pub(crate) struct Change {
    pub(crate) entry: RwSignal<Option<String>>,
    /// The field focus goes to when an item is opened.
    field: &'static str,
}

impl Change {
    pub(crate) fn new(field: &'static str) -> Self {
        Change {
            entry: RwSignal::new(None),
            field,
        }
    }

    pub(crate) fn open(self, entry: String) {
        self.entry.set(Some(entry));
        let field = self.field;
        request_animation_frame(move || focus_by_id(field));
    }

    fn is_open(self) -> bool {
        self.entry.get_untracked().is_some()
    }

    /// Whether the form changes an item, for the view.
    pub(crate) fn open_now(self) -> bool {
        self.entry.with(Option::is_some)
    }

    /// After a save or a cancel: `clear` empties the form, and focus goes
    /// back to the entry.
    pub(crate) fn close(self, clear: impl Fn()) {
        clear();
        if let Some(entry) = self.entry.get_untracked() {
            self.entry.set(None);
            request_animation_frame(move || focus_by_id(&entry));
        }
    }

    /// The form's submit button, and its cancel while it changes an item.
    pub(crate) fn buttons(
        self,
        make: &'static str,
        clear: impl Fn() + Copy + Send + Sync + 'static,
    ) -> impl IntoView {
        view! {
            <div class="studio-buttons">
                <button type="submit" class="button">{move || if self.open_now() { "Lagre endringen" } else { make }}</button>
                {move || self.open_now().then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| self.close(clear)>"Avbryt endringen"</button>
                })}
            </div>
        }
    }

    /// Whether the form's id (and place) are fixed now.
    fn locked(self) -> Signal<bool> {
        Signal::derive(move || self.open_now())
    }

    /// The form's heading: `title`, or what it changes, named by `id`.
    fn heading(
        self,
        title: &'static str,
        changing: &'static str,
        id: RwSignal<String>,
    ) -> impl Fn() -> String {
        move || match self.entry.get() {
            Some(_) => format!("{changing} «{}»", id.get()),
            None => title.to_owned(),
        }
    }
}

/// Where a text being typed leaves the words of the lines it cites (an
/// [`excerpt`]), said for the form; the trace check's own rule.
pub(crate) fn departure(text: &str, lines: &str) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    let at = trace::departs_at(text, &trace::normalise(lines))?;
    let normalised = trace::normalise(text);
    let word = normalised.split(' ').nth(at).unwrap_or("");
    Some(format!(
        "Teksten følger ikke linjene ordrett fra «{word}»: bruk linjenes ord"
    ))
}

pub(crate) fn opt(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

#[component]
pub fn StudioBuild(
    plan_text: RwSignal<String>,
    source: RwSignal<String>,
    source_name: RwSignal<String>,
    first: RwSignal<String>,
    last: RwSignal<String>,
    /// Keeps what a new plan replaces, so it can be fetched back.
    on_replace: Callback<()>,
) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let editor = Editor { plan_text, status };
    let plan = Memo::new(move |_| parse_plan(&plan_text.get()).ok());
    let lines = Memo::new(move |_| source.with(|t| trace::lines(t)));
    let range = Memo::new(move |_| {
        let a = first.get().trim().parse::<u32>().ok()?;
        let b = last.get().trim().parse::<u32>().ok().unwrap_or(a);
        Some([a, b])
    });
    let selected = Memo::new(move |_| {
        let [a, b] = range.get()?;
        lines.with(|l| excerpt(l, a, b))
    });
    let section = RwSignal::new(String::new());
    // The citation of the selection, or why there is none.
    let cite = move |plan: &Plan| -> Result<(Source, String), String> {
        let Some([a, b]) = range.get_untracked() else {
            return Err(
                "Velg linjer først: skriv «Fra linje» og «Til linje», eller klikk på linjene."
                    .to_owned(),
            );
        };
        let Some(text) = selected.get_untracked() else {
            return Err(format!(
                "Linje {a}–{b} finnes ikke i teksten eller har ingen ord."
            ));
        };
        let document = document_of(plan, &source_name.get_untracked()).ok_or_else(|| {
            "Planen har ikke teksten som dokument: gi dokumentet samme filnavn.".to_owned()
        })?;
        Ok((
            Source {
                document,
                section: section.get_untracked().trim().to_owned(),
                lines: [a, b],
            },
            text,
        ))
    };

    // Opening an item to change it selects the lines it cites.
    let select = move |cited: &Source| {
        first.set(cited.lines[0].to_string());
        last.set(cited.lines[1].to_string());
        section.set(cited.section.clone());
    };

    let open_document = Signal::derive(move || {
        plan.with(|p| p.as_ref().and_then(|p| document_of(p, &source_name.get())))
    });

    let roles: Options = Signal::derive(move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| &p.roles)
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect()
        })
    });
    let questions: Options = Signal::derive(move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| &p.questions)
                .map(|q| (q.id.clone(), q.text.clone()))
                .collect()
        })
    });
    let answers_of = move |question: String| -> Vec<(String, String)> {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.question(&question))
                .map(|q| {
                    q.answers
                        .iter()
                        .map(|a| (a.id.clone(), a.label.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let situations: Options = Signal::derive(move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| &p.situations)
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect()
        })
    });
    let situation = RwSignal::new(String::new());
    let nodes_of = move |steps_only: bool| -> Vec<(String, String)> {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.situation(&situation.get()))
                .map(|s| {
                    s.nodes
                        .iter()
                        .filter(|n| !steps_only || matches!(n, Node::Steps { .. }))
                        .map(|n| (n.id().to_owned(), n.id().to_owned()))
                        .collect()
                })
                .unwrap_or_default()
        })
    };
    let step_nodes: Options = Signal::derive(move || nodes_of(true));
    let steps: Options = Signal::derive(move || {
        plan.with(|p| {
            p.as_ref()
                .and_then(|p| p.situation(&situation.get()))
                .map(|s| {
                    s.all_steps()
                        .map(|st| (st.id.clone(), st.id.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    });

    // New plan.
    let new_error = RwSignal::new(None);
    let (plan_id, school, title, document) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let make_plan = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = Skeleton {
            id: plan_id.get_untracked().trim().to_owned(),
            school: school.get_untracked(),
            title: title.get_untracked(),
            document_id: document.get_untracked().trim().to_owned(),
            document_title: String::new(),
            file: source_name.get_untracked(),
        };
        match skeleton(&answers) {
            Ok(plan) => {
                on_replace.run(());
                plan_text.set(to_json(&plan));
                new_error.set(None);
                status.set(Some(format!("Ny plan «{}» er laget.", plan.id)));
                request_animation_frame(|| focus_by_id("build-title"));
            }
            Err(e) => {
                new_error.set(Some(e.0));
                request_animation_frame(|| focus_by_id("new-error"));
            }
        }
    };

    // Roles.
    let role_error = RwSignal::new(None);
    let (role_id, role_name, role_description, role_per_pupil) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(false),
    );
    let role_change = Change::new("role-name");
    let clear_role = move || {
        role_id.set(String::new());
        role_name.set(String::new());
        role_description.set(String::new());
        role_per_pupil.set(false);
    };
    let add_role = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = role_id.get_untracked().trim().to_owned();
        let name = role_name.get_untracked().trim().to_owned();
        let (description, per_pupil) = (
            opt(&role_description.get_untracked()),
            role_per_pupil.get_untracked(),
        );
        let (edit, done) = if role_change.is_open() {
            let edit = Edit::ChangeRole {
                id: id.clone(),
                name: name.clone(),
                description,
                per_pupil,
            };
            (edit, format!("Rollen «{name}» er endret."))
        } else {
            let role = Role {
                id: id.clone(),
                name: name.clone(),
                description,
                duties: Vec::new(),
                per_pupil,
                source: None,
            };
            (Edit::AddRole(role), format!("Rollen «{name}» er lagt til."))
        };
        let focus = format!("made-role-{id}");
        if editor.run(role_error, "role-error", |_| Ok(edit), focus, done) {
            role_change.entry.set(None);
            clear_role();
        }
    };
    let open_role = move |r: Role| {
        role_error.set(None);
        role_id.set(r.id.clone());
        role_name.set(r.name);
        role_description.set(r.description.unwrap_or_default());
        role_per_pupil.set(r.per_pupil);
        role_change.open(format!("made-role-{}", r.id));
    };

    // Questions and answers.
    let question_error = RwSignal::new(None);
    let (question_id, question_text, question_pupil) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(false),
    );
    let question_change = Change::new("question-text");
    let clear_question = move || {
        question_id.set(String::new());
        question_text.set(String::new());
        question_pupil.set(false);
    };
    let add_question = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = question_id.get_untracked().trim().to_owned();
        let text = question_text.get_untracked();
        let changing = question_change.is_open();
        let (edit, done) = if changing {
            let edit = Edit::ChangeQuestion {
                id: id.clone(),
                text,
            };
            (edit, format!("Spørsmålet «{id}» er endret."))
        } else {
            let edit = Edit::AddQuestion {
                id: id.clone(),
                text,
            };
            (edit, format!("Spørsmålet «{id}» er lagt til."))
        };
        let focus = format!("made-question-{id}");
        let made = editor.run(
            question_error,
            "question-error",
            |_| Ok(edit),
            focus.clone(),
            done,
        );
        let pupil = question_pupil.get_untracked();
        // A new question is asked in every case only when ticked; a changed
        // one follows its tick either way.
        if made && (pupil || changing) {
            let on = Edit::SetPupilQuestion {
                question: id.clone(),
                on: pupil,
            };
            let done = match (changing, pupil) {
                (false, _) => format!("Spørsmålet «{id}» er lagt til, og spørres i hver sak."),
                (true, true) => format!("Spørsmålet «{id}» er endret, og spørres i hver sak."),
                (true, false) => format!("Spørsmålet «{id}» er endret."),
            };
            editor.run(question_error, "question-error", |_| Ok(on), focus, done);
        }
        if made {
            question_change.entry.set(None);
            clear_question();
        }
    };
    let open_question = move |id: String, text: String, pupil: bool| {
        question_error.set(None);
        question_id.set(id.clone());
        question_text.set(text);
        question_pupil.set(pupil);
        question_change.open(format!("made-question-{id}"));
    };
    let answer_error = RwSignal::new(None);
    let (answer_question, answer_id, answer_label, answer_cites) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(false),
    );
    let answer_change = Change::new("answer-label");
    let clear_answer = move || {
        answer_id.set(String::new());
        answer_label.set(String::new());
        answer_cites.set(false);
    };
    let add_answer = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let question = answer_question.get_untracked();
        let answer_id_now = answer_id.get_untracked().trim().to_owned();
        let label = answer_label.get_untracked().trim().to_owned();
        let cites = answer_cites.get_untracked();
        let focus = format!("made-answer-{question}-{answer_id_now}");
        let changing = answer_change.is_open();
        let done = if changing {
            format!("Svaret «{label}» er endret.")
        } else {
            format!("Svaret «{label}» er lagt til.")
        };
        if editor.run(
            answer_error,
            "answer-error",
            |p| {
                let source = if cites { Some(cite(p)?.0) } else { None };
                let answer = Answer {
                    id: answer_id_now,
                    label,
                    source,
                };
                let question = question.clone();
                Ok(if changing {
                    Edit::ChangeAnswer { question, answer }
                } else {
                    Edit::AddAnswer { question, answer }
                })
            },
            focus,
            done,
        ) {
            answer_change.entry.set(None);
            clear_answer();
        }
    };

    let open_answer = move |question: String, a: Answer| {
        answer_error.set(None);
        answer_question.set(question.clone());
        answer_id.set(a.id.clone());
        answer_label.set(a.label);
        answer_cites.set(a.source.is_some());
        if let Some(cited) = &a.source {
            select(cited);
        }
        answer_change.open(format!("made-answer-{question}-{}", a.id));
    };

    // Situations.
    let situation_error = RwSignal::new(None);
    let (situation_id, situation_title, situation_label, situation_acute) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(false),
    );
    let situation_change = Change::new("situation-heading");
    let clear_situation = move || {
        situation_id.set(String::new());
        situation_title.set(String::new());
        situation_label.set(String::new());
        situation_acute.set(false);
    };
    let add_situation = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = situation_id.get_untracked().trim().to_owned();
        let (title, label, acute) = (
            situation_title.get_untracked(),
            situation_label.get_untracked(),
            situation_acute.get_untracked(),
        );
        let changing = situation_change.is_open();
        let done = if changing {
            format!("Situasjonen «{id}» er endret.")
        } else {
            format!("Situasjonen «{id}» er laget av linjene. Legg til nodene.")
        };
        let made_id = id.clone();
        if editor.run(
            situation_error,
            "situation-error",
            |p| {
                let (source, _) = cite(p)?;
                Ok(if changing {
                    Edit::ChangeSituation {
                        id,
                        title,
                        label,
                        acute,
                        source,
                    }
                } else {
                    Edit::AddSituation {
                        id,
                        title,
                        label,
                        acute,
                        source,
                    }
                })
            },
            format!("made-situation-{made_id}"),
            done,
        ) {
            situation.set(made_id);
            situation_change.entry.set(None);
            clear_situation();
        }
    };

    let open_situation = move |s: &rusplan_domain::plan::Situation| {
        situation_error.set(None);
        situation_id.set(s.id.clone());
        situation_title.set(s.title.clone());
        situation_label.set(s.label.clone());
        situation_acute.set(s.acute);
        select(&s.source);
        situation_change.open(format!("made-situation-{}", s.id));
    };

    // Nodes.
    let node_error = RwSignal::new(None);
    let (node_id, node_kind, node_question) = (
        RwSignal::new(String::new()),
        RwSignal::new("steps".to_owned()),
        RwSignal::new(String::new()),
    );
    let add_node = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = situation.get_untracked();
        let id = node_id.get_untracked().trim().to_owned();
        let node = match node_kind.get_untracked().as_str() {
            "question" => NewNode::Question {
                id: id.clone(),
                question: node_question.get_untracked(),
            },
            "end" => NewNode::End { id: id.clone() },
            _ => NewNode::Steps { id: id.clone() },
        };
        let done = format!("Noden «{id}» er lagt til i «{s}».");
        if editor.run(
            node_error,
            "node-error",
            |_| {
                Ok(Edit::AddNode {
                    situation: s.clone(),
                    node,
                })
            },
            format!("made-node-{id}"),
            done,
        ) {
            node_id.set(String::new());
        }
    };
    let next_error = RwSignal::new(None);
    let set_next = move |node: String, answer: Option<String>, next: String| {
        let s = situation.get_untracked();
        let focus = format!("next-{node}-{}", answer.clone().unwrap_or_default());
        let done = format!("Neste etter «{node}» er endret.");
        editor.run(
            next_error,
            "next-error",
            |_| {
                Ok(Edit::SetNext {
                    situation: s,
                    node,
                    answer,
                    next: opt(&next),
                })
            },
            focus,
            done,
        );
    };

    // Steps.
    let step_error = RwSignal::new(None);
    let (step_node, step_id, step_text, step_responsible, step_urgency) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (step_contacts, step_when, step_answers, step_documents) = (
        RwSignal::new(Vec::<String>::new()),
        RwSignal::new(String::new()),
        RwSignal::new(Vec::<String>::new()),
        RwSignal::new(false),
    );
    // A new selection fills the text in again: the plan's words, to cut;
    // but a step opened to change keeps its own (cut) text.
    let kept_text = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let fresh = selected.get().unwrap_or_default();
        let mut kept = None;
        kept_text.update_value(|k| kept = k.take());
        step_text.set(kept.unwrap_or(fresh));
    });
    let step_departure = move || {
        departure(&step_text.get(), &selected.get()?)
            .map(|d| format!("{d}, eller velg andre linjer."))
    };
    let step_change = Change::new("step-text");
    let clear_step = move || {
        step_id.set(String::new());
        step_responsible.set(String::new());
        step_urgency.set(String::new());
        step_contacts.set(Vec::new());
        step_when.set(String::new());
        step_answers.set(Vec::new());
        step_documents.set(false);
    };
    let add_step = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let s = situation.get_untracked();
        let node = step_node.get_untracked();
        let id = step_id.get_untracked().trim().to_owned();
        let text = step_text.get_untracked().trim().to_owned();
        let when_question = step_when.get_untracked();
        let when = (!when_question.is_empty()).then(|| Condition {
            question: when_question.clone(),
            answer_in: step_answers.get_untracked(),
        });
        let step = move |source: Source| Step {
            id: id.clone(),
            text,
            responsible: opt(&step_responsible.get_untracked()),
            contact: step_contacts.get_untracked(),
            urgency: opt(&step_urgency.get_untracked()),
            when,
            meeting: None,
            documents: step_documents.get_untracked(),
            source,
        };
        let made_id = step_id.get_untracked().trim().to_owned();
        let changing = step_change.is_open();
        let done = if changing {
            format!("Trinnet «{made_id}» er endret.")
        } else {
            format!("Trinnet «{made_id}» er lagt til.")
        };
        if editor.run(
            step_error,
            "step-error",
            |p| {
                let (source, _) = cite(p)?;
                let step = step(source);
                Ok(if changing {
                    Edit::ChangeStep { situation: s, step }
                } else {
                    Edit::AddStep {
                        situation: s,
                        node,
                        step,
                    }
                })
            },
            format!("made-step-{made_id}"),
            done,
        ) {
            step_change.entry.set(None);
            clear_step();
        }
    };
    let open_step = move |node: String, st: Step| {
        step_error.set(None);
        step_node.set(node);
        step_id.set(st.id.clone());
        let [a, b] = st.source.lines;
        // Only a selection that changes runs the effect that fills the text.
        if lines.with_untracked(|l| excerpt(l, a, b)) != selected.get_untracked() {
            kept_text.set_value(Some(st.text.clone()));
        }
        select(&st.source);
        step_text.set(st.text);
        step_responsible.set(st.responsible.unwrap_or_default());
        step_contacts.set(st.contact);
        step_urgency.set(st.urgency.unwrap_or_default());
        let (question, answers) = st
            .when
            .map(|c| (c.question, c.answer_in))
            .unwrap_or_default();
        step_when.set(question);
        step_answers.set(answers);
        step_documents.set(st.documents);
        step_change.open(format!("made-step-{}", st.id));
    };

    // Meetings.
    let meeting_error = RwSignal::new(None);
    let (meeting_step, meeting_role) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (meeting_when, meeting_answers) = (
        RwSignal::new(String::new()),
        RwSignal::new(Vec::<String>::new()),
    );
    let add_participant = move |_| {
        let s = situation.get_untracked();
        let step = meeting_step.get_untracked();
        let role = meeting_role.get_untracked();
        let question = meeting_when.get_untracked();
        let when = (!question.is_empty()).then(|| Condition {
            question,
            answer_in: meeting_answers.get_untracked(),
        });
        let done = format!("Rollen «{role}» er med i møtet i trinnet «{step}».");
        editor.run(
            meeting_error,
            "meeting-error",
            |_| {
                Ok(Edit::AddParticipant {
                    situation: s,
                    step: step.clone(),
                    participant: Participant { role, when },
                })
            },
            format!("made-step-{step}"),
            done,
        );
    };
    let add_agenda = move |_| {
        let s = situation.get_untracked();
        let step = meeting_step.get_untracked();
        let done = format!("Punktet er lagt til møtet i trinnet «{step}».");
        editor.run(
            meeting_error,
            "meeting-error",
            |p| {
                let (source, text) = cite(p)?;
                Ok(Edit::AddAgendaItem {
                    situation: s,
                    step: step.clone(),
                    item: AgendaItem { text, source },
                })
            },
            format!("made-step-{step}"),
            done,
        );
    };

    // Any other text with a citation.
    let cited_error = RwSignal::new(None);
    let kinds: Options = Signal::derive(|| {
        CitedKind::NAMES
            .iter()
            .map(|(k, n)| ((*k).to_owned(), (*n).to_owned()))
            .collect()
    });
    let (cited_kind, cited_id, cited_group, cited_role, cited_system) = (
        RwSignal::new("goal".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (cited_when, cited_answers, cited_situations) = (
        RwSignal::new(String::new()),
        RwSignal::new(Vec::<String>::new()),
        RwSignal::new(Vec::<String>::new()),
    );
    let checklist_title = RwSignal::new(String::new());
    let add_cited = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind_name = cited_kind.get_untracked();
        let id = cited_id.get_untracked().trim().to_owned();
        let group = cited_group.get_untracked().trim().to_owned();
        let when_question = cited_when.get_untracked();
        let kind = match kind_name.as_str() {
            "introduction" => CitedKind::Introduction,
            "goal-detail" => CitedKind::GoalDetail,
            "role-duty" => CitedKind::RoleDuty {
                role: cited_role.get_untracked(),
            },
            "sign" => CitedKind::Sign {
                id,
                group: opt(&group),
            },
            "gut-feeling" => CitedKind::GutFeeling,
            "prevention-text" => CitedKind::PreventionText,
            "prevention-item" => CitedKind::PreventionItem { group },
            "protective-factor" => CitedKind::ProtectiveFactor,
            "risk-factor" => CitedKind::RiskFactor,
            "confidentiality-text" => CitedKind::ConfidentialityText,
            "duty-note" => CitedKind::DutyNote {
                id,
                when: (!when_question.is_empty()).then(|| Condition {
                    question: when_question,
                    answer_in: cited_answers.get_untracked(),
                }),
            },
            "advice" => CitedKind::Advice {
                situations: cited_situations.get_untracked(),
            },
            "documentation" => CitedKind::Documentation {
                system: opt(&cited_system.get_untracked()),
            },
            "conversation-advice" => CitedKind::ConversationAdvice { title: group },
            _ => CitedKind::Goal,
        };
        let name = CitedKind::NAMES
            .iter()
            .find(|(k, _)| *k == kind_name)
            .map_or("", |(_, n)| n);
        let done = format!("{name}: lagt til av utvalget.");
        let new_checklist = opt(&checklist_title.get_untracked());
        if let Some(title) = new_checklist {
            if !editor.run(
                cited_error,
                "cited-error",
                |_| Ok(Edit::SetChecklistTitle(title)),
                "cited-kind".to_owned(),
                "Sjekklistens tittel er satt.".to_owned(),
            ) {
                return;
            }
            checklist_title.set(String::new());
        }
        editor.run(
            cited_error,
            "cited-error",
            |p| {
                let (source, text) = cite(p)?;
                Ok(Edit::AddCited { kind, text, source })
            },
            "build-status".to_owned(),
            done,
        );
    };

    // Contacts and links found in the text.
    let found = Memo::new(move |_| lines.with(|l| found_contacts(l)));
    let found_error = RwSignal::new(None);
    let (link_list, link_title, link_url, link_note) = (
        RwSignal::new("resources".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (contact_id, contact_name, contact_phone, contact_roles) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(Vec::<String>::new()),
    );
    let (contact_title, contact_group) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()));
    // A link has no id: the one changed is known by its list and place.
    let link_at = RwSignal::new(0_usize);
    let (link_change, contact_change) = (Change::new("link-title"), Change::new("contact-name"));
    let list_of = |name: &str| {
        if name == "laws" {
            LinkList::Laws
        } else {
            LinkList::Resources
        }
    };
    let clear_link = move || {
        link_title.set(String::new());
        link_url.set(String::new());
        link_note.set(String::new());
    };
    let clear_contact = move || {
        contact_id.set(String::new());
        contact_name.set(String::new());
        contact_phone.set(String::new());
        contact_roles.set(Vec::new());
        contact_title.set(String::new());
        contact_group.set(String::new());
    };
    let use_found = move |line: u32, kind: FoundKind, text: String| {
        first.set(line.to_string());
        last.set(line.to_string());
        match kind {
            FoundKind::Web => {
                link_url.set(text);
                request_animation_frame(|| focus_by_id("link-title"));
            }
            FoundKind::Phone => {
                contact_phone.set(text);
                request_animation_frame(|| focus_by_id("contact-id"));
            }
        }
    };
    let add_link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let list = list_of(&link_list.get_untracked());
        let (title, url) = (link_title.get_untracked(), link_url.get_untracked());
        let note = opt(&link_note.get_untracked());
        let changing = link_change.is_open();
        let done = if changing {
            format!("Lenken «{}» er endret.", title.trim())
        } else {
            format!("Lenken «{}» er lagt til.", title.trim())
        };
        let at = link_at.get_untracked();
        let focus = if changing {
            format!("made-link-{}-{at}", link_list.get_untracked())
        } else {
            "build-status".to_owned()
        };
        if editor.run(
            found_error,
            "found-error",
            |p| {
                let (source, _) = cite(p)?;
                let link = Link {
                    title: title.trim().to_owned(),
                    url: url.trim().to_owned(),
                    note,
                    source,
                };
                Ok(if changing {
                    Edit::ChangeLink { list, at, link }
                } else {
                    Edit::AddLink { list, link }
                })
            },
            focus,
            done,
        ) {
            link_change.entry.set(None);
            clear_link();
        }
    };
    let open_link = move |list: &'static str, at: usize, link: Link| {
        found_error.set(None);
        link_list.set(list.to_owned());
        link_at.set(at);
        link_title.set(link.title);
        link_url.set(link.url);
        link_note.set(link.note.unwrap_or_default());
        select(&link.source);
        link_change.open(format!("made-link-{list}-{at}"));
    };
    let open_contact = move |c: Contact| {
        found_error.set(None);
        contact_id.set(c.id.clone());
        contact_name.set(c.name);
        contact_title.set(c.title.unwrap_or_default());
        contact_phone.set(c.phone);
        contact_roles.set(c.roles);
        contact_group.set(c.group.unwrap_or_default());
        select(&c.source);
        contact_change.open(format!("made-contact-{}", c.id));
    };
    let add_contact = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = contact_id.get_untracked().trim().to_owned();
        let (name, phone, roles) = (
            contact_name.get_untracked().trim().to_owned(),
            contact_phone.get_untracked().trim().to_owned(),
            contact_roles.get_untracked(),
        );
        let (title, group) = (
            opt(&contact_title.get_untracked()),
            opt(&contact_group.get_untracked()),
        );
        let changing = contact_change.is_open();
        let done = if changing {
            format!("Kontakten «{name}» er endret.")
        } else {
            format!("Kontakten «{name}» er lagt til.")
        };
        let focus = format!("made-contact-{id}");
        if editor.run(
            found_error,
            "found-error",
            |p| {
                let (source, _) = cite(p)?;
                let contact = Contact {
                    id,
                    name,
                    title,
                    phone,
                    roles,
                    group,
                    source,
                };
                Ok(if changing {
                    Edit::ChangeContact(contact)
                } else {
                    Edit::AddContact(contact)
                })
            },
            focus,
            done,
        ) {
            contact_change.entry.set(None);
            clear_contact();
        }
    };

    // The outline's move and remove buttons.
    let outline_error = RwSignal::new(None);
    let act = move |edit: Edit, focus: String, done: String| {
        editor.run(outline_error, "outline-error", |_| Ok(edit), focus, done);
    };

    // The parents' page and translations.
    let parents_error = RwSignal::new(None);
    let (parents_role, parents_contacts, parents_notes) = (
        RwSignal::new(String::new()),
        RwSignal::new(Vec::<String>::new()),
        RwSignal::new(Vec::<String>::new()),
    );
    let duty_notes: Options = Signal::derive(move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| p.confidentiality.iter().flat_map(|c| &c.duty_to_inform))
                .map(|n| (n.id.clone(), n.text.clone()))
                .collect()
        })
    });
    let set_parents = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let page = rusplan_domain::plan::ParentsPage {
            role: parents_role.get_untracked(),
            contact_roles: parents_contacts.get_untracked(),
            duty_notes: parents_notes.get_untracked(),
        };
        editor.run(
            parents_error,
            "parents-error",
            |_| Ok(Edit::SetParents(page)),
            "build-status".to_owned(),
            "Foresattesiden er satt.".to_owned(),
        );
    };
    let translation_error = RwSignal::new(None);
    let (translation_language, translation_text, translation_to) = (
        RwSignal::new("en".to_owned()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    // Every text the plan shows: what a translation can be of.
    let plan_texts: Options = Signal::derive(move || {
        plan.with(|p| {
            p.iter()
                .flat_map(|p| rusplan_domain::parents::translatable_texts(p))
                .map(|t| (t.to_owned(), t.to_owned()))
                .collect()
        })
    });
    let add_translation = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let edit = Edit::AddTranslation {
            language: translation_language.get_untracked().trim().to_owned(),
            text: translation_text.get_untracked(),
            translated: translation_to.get_untracked(),
        };
        if editor.run(
            translation_error,
            "translation-error",
            |_| Ok(edit),
            "build-status".to_owned(),
            "Oversettelsen er lagt til.".to_owned(),
        ) {
            translation_to.set(String::new());
        }
    };
    // Opening a translation fills the form: saving it again replaces it.
    let open_translation = move |language: String, text: String, translated: String| {
        translation_error.set(None);
        translation_language.set(language);
        translation_text.set(text);
        translation_to.set(translated);
        request_animation_frame(|| focus_by_id("translation-to"));
    };

    let node_kinds: Options = Signal::derive(|| {
        [
            ("steps", "Trinn"),
            ("question", "Spørsmål"),
            ("end", "Slutt"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .to_vec()
    });
    let link_lists: Options = Signal::derive(|| {
        [("resources", "Ressurser"), ("laws", "Lover og regler")]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
            .to_vec()
    });
    let step_answer_options: Options = Signal::derive(move || answers_of(step_when.get()));
    let meeting_answer_options: Options = Signal::derive(move || answers_of(meeting_when.get()));
    let cited_answer_options: Options = Signal::derive(move || answers_of(cited_when.get()));
    let shows =
        move |kinds: &'static [&'static str]| move || kinds.contains(&cited_kind.get().as_str());

    view! {
        <section aria-labelledby="build-title" class="studio-build">
            <h2 id="build-title" tabindex="-1">"Bygg planen"</h2>
            <p>"Velg linjer i teksten, og lag trinn, tegn og merknader av dem: teksten og henvisningen kommer fra linjene. Skjemaene skriver i planfilen."</p>
            <p id="build-status" role="status" tabindex="-1" class="studio-status">{move || status.get()}</p>
            {alert("outline-error", outline_error)}

            <form class="studio-form" aria-labelledby="new-title" on:submit=make_plan>
                <h3 id="new-title">"Ny plan"</h3>
                <TextField id="new-id" label="Planens id (små bokstaver og bindestrek)" value=plan_id/>
                <TextField id="new-school" label="Skolens navn" value=school/>
                <TextField id="new-plan-title" label="Planens tittel" value=title/>
                <TextField id="new-document" label="Kort id for teksten (dokumentet)" value=document/>
                <p>{move || format!("Teksten: {}", source_name.get())}</p>
                {alert("new-error", new_error)}
                <button type="submit" class="button">"Lag ny plan"</button>
            </form>

            <MetaForm editor plan/>

            <section class="studio-form studio-selection" aria-labelledby="selection-title">
                <h3 id="selection-title">"Utvalget"</h3>
                <div class="row">
                    <TextField id="from-line" label="Fra linje" value=first number=true/>
                    <TextField id="to-line" label="Til linje" value=last number=true/>
                </div>
                <TextField id="section" label="Del av planen (f.eks. «Alternativ 3»)" value=section/>
                <p class="studio-excerpt" aria-live="polite">{move || match selected.get() {
                    Some(text) => format!("Utvalget: «{text}»"),
                    None => "Ingen linjer valgt: skriv linjenumrene, eller klikk på en linje og shift-klikk på den siste.".to_owned(),
                }}</p>
            </section>

            <form class="studio-form" aria-labelledby="role-title" on:submit=add_role>
                <h3 id="role-title">{role_change.heading("Roller", "Endre rollen", role_id)}</h3>
                <TextField id="role-id" label="Rollens id" value=role_id locked=role_change.locked()/>
                <TextField id="role-name" label="Rollens navn" value=role_name/>
                <TextField id="role-description" label="Beskrivelse (valgfri)" value=role_description/>
                <Tick id="role-per-pupil" label="Knyttet til eleven (ingen fast person, f.eks. foresatte)" value=role_per_pupil/>
                {alert("role-error", role_error)}
                {role_change.buttons("Legg til rollen", clear_role)}
            </form>

            <form class="studio-form" aria-labelledby="question-title" on:submit=add_question>
                <h3 id="question-title">{question_change.heading("Spørsmål", "Endre spørsmålet", question_id)}</h3>
                <TextField id="question-id" label="Spørsmålets id" value=question_id locked=question_change.locked()/>
                <TextField id="question-text" label="Spørsmålet slik appen stiller det" value=question_text/>
                <Tick id="question-pupil" label="Spørres i hver sak (som alder)" value=question_pupil/>
                {alert("question-error", question_error)}
                {question_change.buttons("Legg til spørsmålet", clear_question)}
            </form>
            <form class="studio-form" aria-labelledby="answer-title" on:submit=add_answer>
                <h3 id="answer-title">{answer_change.heading("Svar", "Endre svaret", answer_id)}</h3>
                <Choice id="answer-question" label="Svar på spørsmålet" value=answer_question options=questions locked=answer_change.locked()/>
                <TextField id="answer-id" label="Svarets id" value=answer_id locked=answer_change.locked()/>
                <TextField id="answer-label" label="Svaret slik appen viser det" value=answer_label/>
                <Tick id="answer-cites" label="Svaret viser til utvalget" value=answer_cites/>
                {alert("answer-error", answer_error)}
                {answer_change.buttons("Legg til svaret", clear_answer)}
            </form>

            <form class="studio-form" aria-labelledby="situation-title" on:submit=add_situation>
                <h3 id="situation-title">{situation_change.heading("Ny situasjon av utvalget", "Endre situasjonen", situation_id)}</h3>
                <p>"Velg alle linjene i fremgangsmåten: dekningen regnes over dem."</p>
                <TextField id="situation-id" label="Situasjonens id" value=situation_id locked=situation_change.locked()/>
                <TextField id="situation-heading" label="Situasjonens tittel" value=situation_title/>
                <button type="button" class="button secondary" on:click=move |_| situation_title.set(selected.get_untracked().unwrap_or_default())>"Bruk utvalget som tittel"</button>
                <TextField id="situation-label" label="Teksten på knappen" value=situation_label/>
                <Tick id="situation-acute" label="Akutt (vises først)" value=situation_acute/>
                {alert("situation-error", situation_error)}
                {situation_change.buttons("Lag situasjonen av utvalget", clear_situation)}
            </form>

            <section class="studio-form" aria-labelledby="procedure-title">
                <h3 id="procedure-title">"Fremgangsmåten"</h3>
                <Choice id="current-situation" label="Situasjon du bygger" value=situation options=situations/>
                <form aria-labelledby="node-title" on:submit=add_node>
                    <h4 id="node-title">"Ny node"</h4>
                    <TextField id="node-id" label="Nodens id" value=node_id/>
                    <Choice id="node-kind" label="Slags node" value=node_kind options=node_kinds/>
                    {move || (node_kind.get() == "question").then(|| view! {
                        <Choice id="node-question" label="Spørsmålet noden stiller" value=node_question options=questions/>
                    })}
                    {alert("node-error", node_error)}
                    <button type="submit" class="button">"Legg til noden"</button>
                </form>
                <h4 id="nodes-title">"Nodene i rekkefølge"</h4>
                {alert("next-error", next_error)}
                <ol class="studio-outline" aria-labelledby="nodes-title">
                    {move || plan.with(|p| {
                        let Some(s) = p.as_ref().and_then(|p| p.situation(&situation.get())) else {
                            return Vec::new();
                        };
                        let ids: Vec<String> = s.nodes.iter().map(|n| n.id().to_owned()).collect();
                        s.nodes.iter().map(|n| {
                            let id = n.id().to_owned();
                            let others: Vec<String> = ids.iter().filter(|x| **x != id).cloned().collect();
                            let choices = move |current: Option<String>, label: String, answer: Option<String>| {
                                let select_id = format!("next-{id}-{}", answer.clone().unwrap_or_default());
                                let node = id.clone();
                                view! {
                                    <div class="field">
                                        <label for=select_id.clone()>{label}</label>
                                        <select id=select_id on:change=move |ev| set_next(node.clone(), answer.clone(), event_target_value(&ev))>
                                            <option value="" selected=current.is_none()>"Slutt her"</option>
                                            {others.iter().map(|o| view! { <option value=o.clone() selected=current.as_deref() == Some(o.as_str())>{o.clone()}</option> }).collect_view()}
                                        </select>
                                    </div>
                                }
                            };
                            let body = match n {
                                Node::Steps { steps, next, .. } => {
                                    let list = steps.iter().map(|st| {
                                        let edits = [true, false].map(|up| Edit::MoveStep { situation: s.id.clone(), step: st.id.clone(), up });
                                        let [up, down] = edits;
                                        let remove = Edit::RemoveStep { situation: s.id.clone(), step: st.id.clone() };
                                        let (node, held) = (n.id().to_owned(), st.clone());
                                        let meeting = st.meeting.as_ref().map(|m| {
                                            let (situation, step) = (s.id.clone(), st.id.clone());
                                            let people = m.participants.iter().map(|p| {
                                                let remove = Edit::RemoveParticipant { situation: situation.clone(), step: step.clone(), role: p.role.clone() };
                                                view! {
                                                    <li>{format!("Deltaker: {}", p.role)}
                                                        {remove_button(format!("deltakeren «{}» i møtet i «{step}»", p.role), remove, act)}
                                                    </li>
                                                }
                                            }).collect_view();
                                            let items = m.agenda.iter().enumerate().map(|(at, item)| {
                                                let remove = Edit::RemoveAgendaItem { situation: situation.clone(), step: step.clone(), at };
                                                view! {
                                                    <li>{format!("Punkt: {}", item.text)}
                                                        {remove_button(format!("punkt {} i møtet i «{step}»", at + 1), remove, act)}
                                                    </li>
                                                }
                                            }).collect_view();
                                            view! { <ul class="studio-meeting">{people}{items}</ul> }
                                        });
                                        view! {
                                            <li id=format!("made-step-{}", st.id) tabindex="-1">
                                                <strong>{st.id.clone()}</strong>{format!(": {} (linje {}–{})", st.text, st.source.lines[0], st.source.lines[1])}
                                                {change_button(format!("trinnet «{}»", st.id), move || open_step(node.clone(), held.clone()))}
                                                {tools(format!("trinnet «{}»", st.id), format!("made-step-{}", st.id), [up, down, remove], act)}
                                                {meeting}
                                            </li>
                                        }
                                    }).collect_view();
                                    view! {
                                        <p>{format!("Trinn ({} stk.)", steps.len())}</p>
                                        <ol>{list}</ol>
                                        {choices.clone()(next.clone(), format!("Neste etter «{}»", n.id()), None)}
                                    }.into_any()
                                }
                                Node::Question { question, next, .. } => {
                                    let answers = answers_of(question.clone());
                                    view! {
                                        <p>{format!("Spørsmål: {question}")}</p>
                                        {answers.into_iter().map(|(a, label)| {
                                            choices.clone()(next.get(&a).cloned(), format!("«{label}» leder til"), Some(a))
                                        }).collect_view()}
                                    }.into_any()
                                }
                                Node::End { .. } => view! { <p>"Slutt"</p> }.into_any(),
                            };
                            view! {
                                <li id=format!("made-node-{}", n.id()) tabindex="-1">
                                    <strong>{n.id().to_owned()}</strong>
                                    {(s.start == n.id()).then_some(" (start)")}
                                    {tools(
                                        format!("noden «{}»", n.id()),
                                        format!("made-node-{}", n.id()),
                                        [
                                            Edit::MoveNode { situation: s.id.clone(), node: n.id().to_owned(), up: true },
                                            Edit::MoveNode { situation: s.id.clone(), node: n.id().to_owned(), up: false },
                                            Edit::RemoveNode { situation: s.id.clone(), node: n.id().to_owned() },
                                        ],
                                        act,
                                    )}
                                    {body}
                                </li>
                            }
                        }).collect::<Vec<_>>()
                    })}
                </ol>

                <form aria-labelledby="step-title" on:submit=add_step>
                    <h4 id="step-title">{step_change.heading("Nytt trinn av utvalget", "Endre trinnet", step_id)}</h4>
                    <Choice id="step-node" label="I noden" value=step_node options=step_nodes locked=step_change.locked()/>
                    <TextField id="step-id" label="Trinnets id" value=step_id locked=step_change.locked()/>
                    <div class="field">
                        <label for="step-text">"Trinnets tekst (linjenes ord; du kan korte inn)"</label>
                        <textarea id="step-text" rows="3" aria-describedby="step-departure" prop:value=move || step_text.get()
                            on:input=move |ev| step_text.set(event_target_value(&ev))></textarea>
                        <p id="step-departure" class="studio-warning-text" aria-live="polite">{step_departure}</p>
                    </div>
                    <Choice id="step-responsible" label="Ansvarlig" value=step_responsible options=roles none="Ingen"/>
                    <Ticks id="step-contact" legend="Kontakt" options=roles chosen=step_contacts/>
                    <TextField id="step-urgency" label="Hvor raskt (planens ord, valgfri)" value=step_urgency/>
                    <Choice id="step-when" label="Bare når spørsmålet" value=step_when options=questions none="Alltid"/>
                    {move || (!step_when.get().is_empty()).then(|| view! {
                        <Ticks id="step-answers" legend="er besvart med" options=step_answer_options chosen=step_answers/>
                    })}
                    <Tick id="step-documents" label="Trinnet er planens krav om dokumentasjon (referat)" value=step_documents/>
                    {alert("step-error", step_error)}
                    {step_change.buttons("Lag trinnet av utvalget", clear_step)}
                </form>

                <div role="group" aria-labelledby="meeting-title">
                    <h4 id="meeting-title">"Møte i et trinn"</h4>
                    <Choice id="meeting-step" label="Trinnet med møtet" value=meeting_step options=steps/>
                    <Choice id="meeting-role" label="Deltaker" value=meeting_role options=roles/>
                    <Choice id="meeting-when" label="Deltar bare når spørsmålet" value=meeting_when options=questions none="Alltid"/>
                    {move || (!meeting_when.get().is_empty()).then(|| view! {
                        <Ticks id="meeting-answers" legend="er besvart med (deltaker)" options=meeting_answer_options chosen=meeting_answers/>
                    })}
                    <button type="button" class="button secondary" on:click=add_participant>"Legg til deltakeren"</button>
                    <button type="button" class="button secondary" on:click=add_agenda>"Legg til punkt av utvalget"</button>
                    {alert("meeting-error", meeting_error)}
                </div>
            </section>

            <form class="studio-form" aria-labelledby="cited-title" on:submit=add_cited>
                <h3 id="cited-title">"Annet av utvalget"</h3>
                <Choice id="cited-kind" label="Lag av utvalget" value=cited_kind options=kinds/>
                <Show when=shows(&["sign", "duty-note"])>
                    <TextField id="cited-id" label="Id (tegn eller merknad)" value=cited_id/>
                </Show>
                <Show when=shows(&["sign", "prevention-item", "conversation-advice"])>
                    <TextField id="cited-group" label="Gruppe eller tittel" value=cited_group/>
                </Show>
                <Show when=shows(&["sign", "gut-feeling"])>
                    <TextField id="checklist-title" label="Sjekklistens tittel (når den er ny)" value=checklist_title/>
                </Show>
                <Show when=shows(&["role-duty"])>
                    <Choice id="cited-role" label="Rollen" value=cited_role options=roles/>
                </Show>
                <Show when=shows(&["documentation"])>
                    <TextField id="cited-system" label="Systemet referat skal inn i (valgfri)" value=cited_system/>
                </Show>
                <Show when=shows(&["duty-note"])>
                    <Choice id="cited-when" label="Gjelder når spørsmålet" value=cited_when options=questions none="Alltid"/>
                    <Ticks id="cited-answers" legend="er besvart med" options=cited_answer_options chosen=cited_answers/>
                </Show>
                <Show when=shows(&["advice"])>
                    <Ticks id="cited-situations" legend="Vises i situasjonene (ingen: alle)" options=situations chosen=cited_situations/>
                </Show>
                {alert("cited-error", cited_error)}
                <button type="submit" class="button">"Lag av utvalget"</button>
            </form>
            <CitedTexts editor plan lines document=open_document/>

            <section class="studio-form" aria-labelledby="found-title">
                <h3 id="found-title">"Telefonnumre og nettadresser i teksten"</h3>
                <ul class="studio-found">
                    {move || found.get().into_iter().map(|f| {
                        let (line, kind, text) = (f.line, f.kind, f.text.clone());
                        let what = if kind == FoundKind::Web { "adresse" } else { "nummer" };
                        view! {
                            <li>
                                <button type="button" class="button secondary" on:click=move |_| use_found(line, kind, text.clone())>
                                    {format!("Bruk {what} {} (linje {line})", f.text)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <form aria-labelledby="link-title-heading" on:submit=add_link>
                    <h4 id="link-title-heading">{link_change.heading("Lenke", "Endre lenken", link_title)}</h4>
                    <Choice id="link-list" label="Liste" value=link_list options=link_lists locked=link_change.locked()/>
                    <TextField id="link-title" label="Lenkens tittel" value=link_title/>
                    <TextField id="link-url" label="Adressen" value=link_url/>
                    <TextField id="link-note" label="Merknad (valgfri, planens ord)" value=link_note/>
                    {link_change.buttons("Legg til lenken (viser til utvalget)", clear_link)}
                </form>
                <form aria-labelledby="contact-title" on:submit=add_contact>
                    <h4 id="contact-title">{contact_change.heading("Kontaktperson", "Endre kontakten", contact_id)}</h4>
                    <TextField id="contact-id" label="Kontaktens id" value=contact_id locked=contact_change.locked()/>
                    <TextField id="contact-name" label="Navn (som i teksten)" value=contact_name/>
                    <TextField id="contact-job" label="Stilling (valgfri, som i teksten)" value=contact_title/>
                    <TextField id="contact-phone" label="Telefon (som i teksten)" value=contact_phone/>
                    <Ticks id="contact-roles" legend="Rollene personen fyller" options=roles chosen=contact_roles/>
                    <TextField id="contact-group" label="Overskriften personen står under (valgfri)" value=contact_group/>
                    {contact_change.buttons("Legg til kontakten (viser til utvalget)", clear_contact)}
                </form>
                <h4 id="made-contacts-title">"Kontakter og lenker i planen"</h4>
                <ul class="studio-outline" aria-labelledby="made-contacts-title">
                    {move || plan.with(|p| p.iter().flat_map(|p| &p.contacts).map(|c| {
                        let held = c.clone();
                        view! {
                            <li id=format!("made-contact-{}", c.id) tabindex="-1">
                                {format!("Kontakt {}: {}, {} (linje {}–{})", c.id, c.name, c.phone, c.source.lines[0], c.source.lines[1])}
                                <span class="studio-tools">
                                    {change_button(format!("kontakten «{}»", c.id), move || open_contact(held.clone()))}
                                    {remove_button(format!("kontakten «{}»", c.id), Edit::RemoveContact(c.id.clone()), act)}
                                </span>
                            </li>
                        }
                    }).collect_view())}
                    {move || plan.with(|p| {
                        let Some(p) = p else { return Vec::new() };
                        [("laws", LinkList::Laws, &p.laws), ("resources", LinkList::Resources, &p.resources)]
                            .into_iter()
                            .flat_map(|(name, list, links)| links.iter().enumerate().map(move |(at, l)| {
                                let held = l.clone();
                                let what = format!("lenken «{}»", l.title);
                                view! {
                                    <li id=format!("made-link-{name}-{at}") tabindex="-1">
                                        {format!("Lenke: {} ({}, linje {}–{})", l.title, l.url, l.source.lines[0], l.source.lines[1])}
                                        <span class="studio-tools">
                                            {change_button(what.clone(), move || open_link(name, at, held.clone()))}
                                            {remove_button(what, Edit::RemoveLink { list, at }, act)}
                                        </span>
                                    </li>
                                }
                            }))
                            .collect::<Vec<_>>()
                    })}
                </ul>
                {alert("found-error", found_error)}
            </section>

            <form class="studio-form" aria-labelledby="parents-title" on:submit=set_parents>
                <h3 id="parents-title">"Foresattesiden"</h3>
                <Choice id="parents-role" label="Rollen som er foresatte i fremgangsmåtene" value=parents_role options=roles/>
                <Ticks id="parents-contacts" legend="Roller foresatte kan kontakte" options=roles chosen=parents_contacts/>
                <Ticks id="parents-notes" legend="Merknader om opplysningsplikt som gjelder foresatte" options=duty_notes chosen=parents_notes/>
                {alert("parents-error", parents_error)}
                <button type="submit" class="button">"Sett foresattesiden"</button>
            </form>
            <form class="studio-form" aria-labelledby="translation-title" on:submit=add_translation>
                <h3 id="translation-title">"Oversettelser"</h3>
                <TextField id="translation-language" label="Språkkode (f.eks. en)" value=translation_language/>
                <Choice id="translation-text" label="Teksten på bokmål" value=translation_text options=plan_texts/>
                <TextField id="translation-to" label="Oversettelsen" value=translation_to/>
                {alert("translation-error", translation_error)}
                <button type="submit" class="button">"Legg til oversettelsen"</button>
                <h4 id="made-translations-title">"Oversettelser i planen"</h4>
                <ul class="studio-outline" aria-labelledby="made-translations-title">
                    {move || plan.with(|p| {
                        let Some(p) = p else { return Vec::new() };
                        let shown = rusplan_domain::parents::translatable_texts(p);
                        p.translations.iter().flat_map(|(language, map)| map.iter().map(move |(text, translated)| (language, text, translated)))
                            .map(|(language, text, translated)| {
                                // A translation of a text the plan no longer has (see the checks).
                                let stale = !shown.contains(&text.as_str());
                                let what = format!("oversettelsen av «{text}»");
                                let remove = Edit::RemoveTranslation { language: language.clone(), text: text.clone() };
                                let held = (language.clone(), text.clone(), translated.clone());
                                view! {
                                    <li>{format!("{language}: «{text}» → «{translated}»")}
                                        {stale.then_some(" (teksten finnes ikke lenger i planen)")}
                                        <span class="studio-tools">
                                            // A stale one is only removed: its text is not there to choose.
                                            {(!stale).then(|| change_button(what.clone(), move || open_translation(held.0.clone(), held.1.clone(), held.2.clone())))}
                                            {remove_button(what, remove, act)}
                                        </span>
                                    </li>
                                }
                            })
                            .collect::<Vec<_>>()
                    })}
                </ul>
            </form>

            <section class="studio-form" aria-labelledby="outline-title">
                <h3 id="outline-title">"Roller og spørsmål i planen"</h3>
                <ul class="studio-outline">
                    {move || plan.with(|p| p.iter().flat_map(|p| &p.roles).map(|r| view! {
                        <li id=format!("made-role-{}", r.id) tabindex="-1">{format!("Rolle {}: {}", r.id, r.name)}
                            {let held = r.clone(); change_button(format!("rollen «{}»", r.id), move || open_role(held.clone()))}
                            {tools(
                                format!("rollen «{}»", r.id),
                                format!("made-role-{}", r.id),
                                [
                                    Edit::MoveRole { id: r.id.clone(), up: true },
                                    Edit::MoveRole { id: r.id.clone(), up: false },
                                    Edit::RemoveRole(r.id.clone()),
                                ],
                                act,
                            )}
                        </li>
                    }).collect_view())}
                    {move || plan.with(|p| p.iter().flat_map(|plan| plan.questions.iter().map(move |q| (plan, q))).map(|(plan, q)| {
                        let (id, text, pupil) = (q.id.clone(), q.text.clone(), plan.pupil_questions.contains(&q.id));
                        view! {
                            <li id=format!("made-question-{}", q.id) tabindex="-1">{format!("Spørsmål {}: {}", q.id, q.text)}
                                <span class="studio-tools">
                                    {change_button(format!("spørsmålet «{}»", q.id), move || open_question(id.clone(), text.clone(), pupil))}
                                    {remove_button(format!("spørsmålet «{}»", q.id), Edit::RemoveQuestion(q.id.clone()), act)}
                                </span>
                                <ul>{q.answers.iter().map(|a| {
                                    let (question, held) = (q.id.clone(), a.clone());
                                    let what = format!("svaret «{}» på «{}»", a.id, q.id);
                                    let remove = Edit::RemoveAnswer { question: q.id.clone(), answer: a.id.clone() };
                                    view! {
                                        <li id=format!("made-answer-{}-{}", q.id, a.id) tabindex="-1">{format!("Svar {}: {}", a.id, a.label)}
                                            <span class="studio-tools">
                                                {change_button(what.clone(), move || open_answer(question.clone(), held.clone()))}
                                                {remove_button(what, remove, act)}
                                            </span>
                                        </li>
                                    }
                                }).collect_view()}</ul>
                            </li>
                        }
                    }).collect_view())}
                    {move || plan.with(|p| p.iter().flat_map(|p| &p.situations).map(|s| {
                        let held = s.clone();
                        view! {
                            <li id=format!("made-situation-{}", s.id) tabindex="-1">{format!("Situasjon {}: {} (linje {}–{})", s.id, s.title, s.source.lines[0], s.source.lines[1])}
                                {change_button(format!("situasjonen «{}»", s.id), move || open_situation(&held))}
                                {tools(
                                    format!("situasjonen «{}»", s.id),
                                    format!("made-situation-{}", s.id),
                                    [
                                        Edit::MoveSituation { id: s.id.clone(), up: true },
                                        Edit::MoveSituation { id: s.id.clone(), up: false },
                                        Edit::RemoveSituation(s.id.clone()),
                                    ],
                                    act,
                                )}
                            </li>
                        }
                    }).collect_view())}
                </ul>
            </section>
        </section>
    }
}
