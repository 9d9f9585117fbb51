//! Building a plan without JSON: the studio's forms are edits applied here.
//!
//! A new plan starts as a [`skeleton`] from a few answers; every item made
//! from selected lines of the source text gets its text from [`excerpt`],
//! which reads the lines as `trace.rs` compares them, so such an item is
//! word for word with its citation by construction. Each form is one
//! [`Edit`], and [`apply`] either makes it or says in Norwegian why not
//! (an unknown role, an id taken twice), leaving the plan as it was.
//! Phone numbers and web addresses in the text are offered by
//! [`found_contacts`]. Nothing here knows a school: all words are data.

use crate::plan::{
    AgendaItem, Answer, Checklist, Condition, Contact, ConversationAdvice, Document, Documentation,
    DutyNote, FactorList, Goal, ItemGroup, Link, Meta, Node, Paragraph, ParentsPage, Participant,
    Plan, Question, Role, Sign, SignGroup, Situation, Source, Step, FORMAT_VERSION,
};
use std::collections::BTreeMap;

/// The answers a new plan starts from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Skeleton {
    pub id: String,
    pub school: String,
    pub title: String,
    /// The id citations name the source text by.
    pub document_id: String,
    pub document_title: String,
    /// The source text's file name.
    pub file: String,
}

/// A plan with its one document and nothing else yet. The validator then
/// says what is missing (a revision date, situations), in its own words.
pub fn skeleton(answers: &Skeleton) -> Result<Plan, EditError> {
    id(&answers.id, "Planens id")?;
    id(&answers.document_id, "Dokumentets id")?;
    text(&answers.school, "Skolens navn")?;
    text(&answers.title, "Planens tittel")?;
    text(&answers.file, "Filnavnet til teksten")?;
    let document_title = if answers.document_title.trim().is_empty() {
        answers.title.trim()
    } else {
        answers.document_title.trim()
    };
    Ok(Plan {
        format_version: FORMAT_VERSION,
        id: answers.id.clone(),
        meta: Meta {
            school: answers.school.trim().to_owned(),
            title: answers.title.trim().to_owned(),
            school_year: None,
            version: None,
            next_revision: None,
            next_revision_text: None,
            undated_reason: None,
            responsible: None,
            source: None,
        },
        documents: vec![Document {
            id: answers.document_id.clone(),
            title: document_title.to_owned(),
            file: Some(answers.file.trim().to_owned()),
        }],
        introduction: Vec::new(),
        goals: Vec::new(),
        roles: Vec::new(),
        contacts: Vec::new(),
        checklist: None,
        prevention: None,
        protective_factors: None,
        risk_factors: None,
        confidentiality: None,
        documentation: None,
        conversation_advice: None,
        laws: Vec::new(),
        resources: Vec::new(),
        questions: Vec::new(),
        pupil_questions: Vec::new(),
        situations: Vec::new(),
        parents: None,
        translations: BTreeMap::new(),
    })
}

/// The words of lines `first..=last` (1-based) as the trace rule reads
/// them: bullets dropped and white space folded, the case kept. `None`
/// when the lines are not all in the text or hold no words.
pub fn excerpt(lines: &[String], first: u32, last: u32) -> Option<String> {
    if first == 0 || first > last || last as usize > lines.len() {
        return None;
    }
    let words: Vec<&str> = lines[first as usize - 1..last as usize]
        .iter()
        .flat_map(|l| l.split_whitespace())
        .filter(|w| !matches!(*w, "-" | "•" | "✓"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// What kind of thing [`found_contacts`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    Phone,
    Web,
}

/// A phone number or web address in the source text, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// 1-based, as citations count.
    pub line: u32,
    pub kind: FoundKind,
    pub text: String,
}

/// Phone numbers (eight digits, in groups, optionally after +47; or a
/// lone 11x emergency or five-digit service number) and web addresses
/// (`http(s)://`, `www.`, or a name ending in a common top-level domain).
pub fn found_contacts(lines: &[String]) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let line_no = i as u32 + 1;
        let words: Vec<&str> = line.split_whitespace().collect();
        // Web addresses: one word each.
        for w in &words {
            let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | '«' | '»' | '"'));
            let w = w.trim_end_matches(['.', ':']);
            if is_web_address(w) {
                out.push(Found {
                    line: line_no,
                    kind: FoundKind::Web,
                    text: w.to_owned(),
                });
            }
        }
        // Phone numbers: runs of digit groups.
        let mut at = 0;
        while at < words.len() {
            let mut digits = 0;
            let mut end = at;
            let mut prefix = false;
            if words[at] == "+47" || words[at] == "(+47)" {
                prefix = true;
                end += 1;
            }
            while end < words.len() {
                let w = words[end].trim_end_matches([',', '.', ';', ')']);
                if !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) && digits + w.len() <= 8 {
                    digits += w.len();
                    end += 1;
                    if digits == 8 {
                        break;
                    }
                } else {
                    break;
                }
            }
            // A lone short number: 110, 112, 113, or a five-digit service
            // number (02800); other short numbers are counts and years.
            let lone = end == at + 1 && !prefix;
            let word = words[at].trim_end_matches([',', '.', ';', ')']);
            let short = lone
                && ((digits == 3 && word.starts_with("11"))
                    || (digits == 5 && word.starts_with('0')));
            if digits == 8 || short {
                let text = words[at..end]
                    .iter()
                    .map(|w| w.trim_end_matches([',', '.', ';', ')']))
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(Found {
                    line: line_no,
                    kind: FoundKind::Phone,
                    text,
                });
                at = end;
            } else {
                at += 1;
            }
        }
    }
    out
}

fn is_web_address(w: &str) -> bool {
    let lower = w.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return lower.len() > 8;
    }
    if lower.starts_with("www.") && lower.len() > 6 {
        return true;
    }
    let host = lower.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && matches!(
            *labels.last().unwrap(),
            "no" | "com" | "org" | "net" | "info"
        )
        && !w.contains('@')
}

/// Why an edit was not made, in Norwegian, for the person at the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub String);

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EditError {}

fn fail<T>(message: String) -> Result<T, EditError> {
    Err(EditError(message))
}

/// A new node of a situation.
#[derive(Debug, Clone, PartialEq)]
pub enum NewNode {
    Steps { id: String },
    Question { id: String, question: String },
    End { id: String },
}

/// The texts-with-a-citation one selection makes, with what each needs
/// beside its text.
#[derive(Debug, Clone, PartialEq)]
pub enum CitedKind {
    Introduction,
    Goal,
    /// A goal's detail: added to the last goal, whose citation grows to
    /// cover it.
    GoalDetail,
    /// What a role does; the role's citation grows to cover it.
    RoleDuty {
        role: String,
    },
    /// A sign of the checklist, in the group of that title (none: untitled).
    Sign {
        id: String,
        group: Option<String>,
    },
    GutFeeling,
    PreventionText,
    /// An item of the prevention group of that title (made if new).
    PreventionItem {
        group: String,
    },
    PreventionGroupTitle,
    ProtectiveFactor,
    RiskFactor,
    ConfidentialityText,
    DutyNote {
        id: String,
        when: Option<Condition>,
    },
    /// Advice shown beside the steps of these situations (all when empty).
    Advice {
        situations: Vec<String>,
    },
    Documentation {
        system: Option<String>,
    },
    /// An item of the conversation advice, titled so when it is new.
    ConversationAdvice {
        title: String,
    },
}

impl CitedKind {
    /// Every kind by its Norwegian name, as the studio offers them.
    pub const NAMES: [(&'static str, &'static str); 15] = [
        ("introduction", "Innledning"),
        ("goal", "Mål"),
        ("goal-detail", "Utdyping av siste mål"),
        ("role-duty", "Oppgave for en rolle"),
        ("sign", "Tegn i sjekklisten"),
        ("gut-feeling", "Magefølelsen (sjekklisten)"),
        ("prevention-text", "Forebygging: tekst"),
        ("prevention-item", "Forebygging: punkt i en gruppe"),
        ("protective-factor", "Beskyttelsesfaktor"),
        ("risk-factor", "Risikofaktor"),
        ("confidentiality-text", "Taushetsplikt: tekst"),
        ("duty-note", "Opplysningsplikt: merknad"),
        ("advice", "Råd ved trinnene"),
        ("documentation", "Regelen for dokumentasjon"),
        ("conversation-advice", "Råd for samtalen"),
    ];
}

/// The plan's two lists of links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkList {
    Laws,
    Resources,
}

/// One change a studio form makes.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddRole(Role),
    /// A role's name, description and tie to the pupil; its id, duties and
    /// citation stay (duties come from selections).
    ChangeRole {
        id: String,
        name: String,
        description: Option<String>,
        per_pupil: bool,
    },
    RemoveRole(String),
    MoveRole {
        id: String,
        up: bool,
    },
    AddQuestion {
        id: String,
        text: String,
    },
    ChangeQuestion {
        id: String,
        text: String,
    },
    RemoveQuestion(String),
    AddAnswer {
        question: String,
        answer: Answer,
    },
    /// The answer of that id: its label and citation.
    ChangeAnswer {
        question: String,
        answer: Answer,
    },
    RemoveAnswer {
        question: String,
        answer: String,
    },
    /// Whether every case records this question (the age group).
    SetPupilQuestion {
        question: String,
        on: bool,
    },
    AddSituation {
        id: String,
        title: String,
        label: String,
        acute: bool,
        source: Source,
    },
    /// A situation's title, button text, acuteness and the lines of its
    /// procedure; its nodes stay.
    ChangeSituation {
        id: String,
        title: String,
        label: String,
        acute: bool,
        source: Source,
    },
    RemoveSituation(String),
    MoveSituation {
        id: String,
        up: bool,
    },
    /// The situation's first node also becomes its start.
    AddNode {
        situation: String,
        node: NewNode,
    },
    RemoveNode {
        situation: String,
        node: String,
    },
    MoveNode {
        situation: String,
        node: String,
        up: bool,
    },
    SetStart {
        situation: String,
        node: String,
    },
    /// Where a steps node goes on to (`answer` none), or where an answer of
    /// a question node leads; `next` none ends the route there.
    SetNext {
        situation: String,
        node: String,
        answer: Option<String>,
        next: Option<String>,
    },
    AddStep {
        situation: String,
        node: String,
        step: Step,
    },
    /// The step of `step.id`: its text, citation, who, how soon, when and
    /// the documentation mark. Its meeting stays: it has edits of its own.
    ChangeStep {
        situation: String,
        step: Step,
    },
    RemoveStep {
        situation: String,
        step: String,
    },
    MoveStep {
        situation: String,
        step: String,
        up: bool,
    },
    AddParticipant {
        situation: String,
        step: String,
        participant: Participant,
    },
    RemoveParticipant {
        situation: String,
        step: String,
        role: String,
    },
    AddAgendaItem {
        situation: String,
        step: String,
        item: AgendaItem,
    },
    /// The agenda item at `at` (0 first); an emptied meeting goes.
    RemoveAgendaItem {
        situation: String,
        step: String,
        at: usize,
    },
    AddCited {
        kind: CitedKind,
        text: String,
        source: Source,
    },
    /// A text with a citation, changed in place: `path` is where
    /// [`trace::cited_texts`] finds it (e.g. `$.goals[0].text`), and only
    /// such texts can be changed this way. Its citation stays.
    ChangeCitedText {
        path: String,
        text: String,
    },
    /// A text with a citation removed with what it is the text of (a goal,
    /// a sign, a duty, a paragraph, a duty note, a prevention group with
    /// its items…), by its path; a list or group left empty goes too.
    /// Contacts and steps have removals of their own.
    RemoveCitedText(String),
    AddContact(Contact),
    /// The contact of `id`: every field.
    ChangeContact(Contact),
    RemoveContact(String),
    AddLink {
        list: LinkList,
        link: Link,
    },
    /// The link at `at` (0 first) of the list.
    ChangeLink {
        list: LinkList,
        at: usize,
        link: Link,
    },
    RemoveLink {
        list: LinkList,
        at: usize,
    },
    /// The plan's name, school, year, version, revision date and who owns
    /// it; its citation stays.
    SetMeta(Meta),
    SetChecklistTitle(String),
    SetParents(ParentsPage),
    AddTranslation {
        language: String,
        text: String,
        translated: String,
    },
    RemoveTranslation {
        language: String,
        text: String,
    },
}

fn id(value: &str, what: &str) -> Result<(), EditError> {
    let ok = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        fail(format!(
            "{what} må være små bokstaver a–z, sifre og bindestrek, uten mellomrom (f.eks. «alternativ-3»)."
        ))
    }
}

fn text(value: &str, what: &str) -> Result<(), EditError> {
    if value.trim().is_empty() {
        fail(format!("{what} mangler."))
    } else {
        Ok(())
    }
}

fn role(plan: &Plan, id: &str) -> Result<(), EditError> {
    if plan.role(id).is_some() {
        Ok(())
    } else {
        fail(format!(
            "Rollen «{id}» finnes ikke i planen: legg den til først."
        ))
    }
}

fn condition(plan: &Plan, c: &Condition) -> Result<(), EditError> {
    let Some(q) = plan.question(&c.question) else {
        return fail(format!("Spørsmålet «{}» finnes ikke i planen.", c.question));
    };
    if c.answer_in.is_empty() {
        return fail("Velg minst ett svar for vilkåret.".to_owned());
    }
    for a in &c.answer_in {
        if !q.answers.iter().any(|x| &x.id == a) {
            return fail(format!("Spørsmålet «{}» har ikke svaret «{a}».", q.id));
        }
    }
    Ok(())
}

fn source(plan: &Plan, s: &Source) -> Result<(), EditError> {
    if !plan.documents.iter().any(|d| d.id == s.document) {
        return fail(format!("Dokumentet «{}» finnes ikke i planen.", s.document));
    }
    let [first, last] = s.lines;
    if first == 0 || first > last {
        return fail(format!("Linje {first}–{last} er ikke et utvalg: «Fra linje» må være 1 eller mer og ikke etter «Til linje»."));
    }
    text(&s.section, "Delen av planen (seksjon)")
}

/// The hull of two citations of the same document: a list whose items come
/// from several selections cites them all.
fn widen(held: &mut Source, more: &Source) -> Result<(), EditError> {
    if held.document != more.document {
        return fail(format!(
            "Listen viser allerede til dokumentet «{}»: velg linjer der.",
            held.document
        ));
    }
    held.lines = [
        held.lines[0].min(more.lines[0]),
        held.lines[1].max(more.lines[1]),
    ];
    Ok(())
}

fn situation_mut<'p>(plan: &'p mut Plan, id: &str) -> Result<&'p mut Situation, EditError> {
    match plan.situations.iter_mut().find(|s| s.id == id) {
        Some(s) => Ok(s),
        None => fail(format!("Situasjonen «{id}» finnes ikke.")),
    }
}

fn question_mut<'p>(plan: &'p mut Plan, id: &str) -> Result<&'p mut Question, EditError> {
    match plan.questions.iter_mut().find(|q| q.id == id) {
        Some(q) => Ok(q),
        None => fail(format!("Spørsmålet «{id}» finnes ikke.")),
    }
}

fn check_answer(plan: &Plan, answer: &Answer) -> Result<(), EditError> {
    text(&answer.label, "Svaret")?;
    match &answer.source {
        Some(s) => source(plan, s),
        None => Ok(()),
    }
}

fn step_mut<'s>(situation: &'s mut Situation, id: &str) -> Result<&'s mut Step, EditError> {
    let sid = situation.id.clone();
    situation
        .nodes
        .iter_mut()
        .flat_map(|n| match n {
            Node::Steps { steps, .. } => steps.iter_mut(),
            _ => [].iter_mut(),
        })
        .find(|s| s.id == id)
        .ok_or_else(|| EditError(format!("Situasjonen «{sid}» har ikke trinnet «{id}».")))
}

fn shift<T>(list: &mut [T], at: Option<usize>, up: bool, what: &str) -> Result<(), EditError> {
    let Some(i) = at else {
        return fail(format!("{what} finnes ikke."));
    };
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    match j {
        Some(j) if j < list.len() => {
            list.swap(i, j);
            Ok(())
        }
        _ => fail(format!(
            "{what} står allerede {}.",
            if up { "først" } else { "sist" }
        )),
    }
}

fn new_id<'a>(
    taken: impl IntoIterator<Item = &'a str>,
    id: &str,
    what: &str,
) -> Result<(), EditError> {
    self::id(id, what)?;
    if taken.into_iter().any(|t| t == id) {
        fail(format!("{what} «{id}» er allerede i bruk: velg en annen."))
    } else {
        Ok(())
    }
}

/// Makes `edit` on `plan`, or leaves the plan as it was and says why not.
pub fn apply(plan: &mut Plan, edit: Edit) -> Result<(), EditError> {
    let mut draft = plan.clone();
    make(&mut draft, edit)?;
    *plan = draft;
    Ok(())
}

fn make(plan: &mut Plan, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddRole(r) => {
            new_id(
                plan.roles.iter().map(|r| r.id.as_str()),
                &r.id,
                "Rollens id",
            )?;
            text(&r.name, "Rollens navn")?;
            if let Some(s) = &r.source {
                source(plan, s)?;
            }
            plan.roles.push(r);
        }
        Edit::RemoveRole(id) => {
            let used = plan.situations.iter().flat_map(|s| s.all_steps()).any(|s| {
                s.responsible.as_deref() == Some(id.as_str())
                    || s.contact.contains(&id)
                    || s.meeting
                        .as_ref()
                        .is_some_and(|m| m.participants.iter().any(|p| p.role == id))
            }) || plan.contacts.iter().any(|c| c.roles.contains(&id));
            if used {
                return fail(format!(
                    "Rollen «{id}» er i bruk i trinn eller kontakter: fjern den der først."
                ));
            }
            let at = plan.roles.iter().position(|r| r.id == id);
            let Some(at) = at else {
                return fail(format!("Rollen «{id}» finnes ikke."));
            };
            plan.roles.remove(at);
        }
        Edit::MoveRole { id, up } => {
            let at = plan.roles.iter().position(|r| r.id == id);
            shift(&mut plan.roles, at, up, &format!("Rollen «{id}»"))?;
        }
        Edit::AddQuestion { id, text: t } => {
            new_id(
                plan.questions.iter().map(|q| q.id.as_str()),
                &id,
                "Spørsmålets id",
            )?;
            text(&t, "Spørsmålet")?;
            plan.questions.push(Question {
                id,
                text: t.trim().to_owned(),
                answers: Vec::new(),
            });
        }
        Edit::RemoveQuestion(id) => {
            let used = plan.situations.iter().any(|s| {
                s.nodes
                    .iter()
                    .any(|n| matches!(n, Node::Question { question, .. } if *question == id))
                    || s.all_steps().any(|st| {
                        st.when.as_ref().is_some_and(|c| c.question == id)
                            || st.meeting.as_ref().is_some_and(|m| {
                                m.participants
                                    .iter()
                                    .any(|p| p.when.as_ref().is_some_and(|c| c.question == id))
                            })
                    })
            });
            if used {
                return fail(format!(
                    "Spørsmålet «{id}» er i bruk i en situasjon: fjern det der først."
                ));
            }
            let Some(at) = plan.questions.iter().position(|q| q.id == id) else {
                return fail(format!("Spørsmålet «{id}» finnes ikke."));
            };
            plan.questions.remove(at);
            plan.pupil_questions.retain(|q| *q != id);
        }
        Edit::AddAnswer { question, answer } => {
            check_answer(plan, &answer)?;
            let q = question_mut(plan, &question)?;
            new_id(
                q.answers.iter().map(|a| a.id.as_str()),
                &answer.id,
                "Svarets id",
            )?;
            q.answers.push(answer);
        }
        Edit::RemoveAnswer { question, answer } => {
            let q = question_mut(plan, &question)?;
            let Some(at) = q.answers.iter().position(|a| a.id == answer) else {
                return fail(format!(
                    "Spørsmålet «{question}» har ikke svaret «{answer}»."
                ));
            };
            q.answers.remove(at);
            for s in &mut plan.situations {
                for n in &mut s.nodes {
                    if let Node::Question {
                        question: q, next, ..
                    } = n
                    {
                        if *q == question {
                            next.remove(&answer);
                        }
                    }
                }
            }
        }
        Edit::SetPupilQuestion { question, on } => {
            if plan.question(&question).is_none() {
                return fail(format!("Spørsmålet «{question}» finnes ikke."));
            }
            plan.pupil_questions.retain(|q| *q != question);
            if on {
                plan.pupil_questions.push(question);
            }
        }
        Edit::AddSituation {
            id,
            title,
            label,
            acute,
            source: s,
        } => {
            new_id(
                plan.situations.iter().map(|s| s.id.as_str()),
                &id,
                "Situasjonens id",
            )?;
            text(&title, "Situasjonens tittel")?;
            text(&label, "Teksten på knappen")?;
            source(plan, &s)?;
            plan.situations.push(Situation {
                id,
                title: title.trim().to_owned(),
                label: label.trim().to_owned(),
                acute,
                start: String::new(),
                nodes: Vec::new(),
                source: s,
            });
        }
        Edit::RemoveSituation(id) => {
            let Some(at) = plan.situations.iter().position(|s| s.id == id) else {
                return fail(format!("Situasjonen «{id}» finnes ikke."));
            };
            plan.situations.remove(at);
            if let Some(c) = &mut plan.confidentiality {
                for a in &mut c.advice {
                    a.situations.retain(|s| *s != id);
                }
            }
        }
        Edit::MoveSituation { id, up } => {
            let at = plan.situations.iter().position(|s| s.id == id);
            shift(&mut plan.situations, at, up, &format!("Situasjonen «{id}»"))?;
        }
        Edit::AddNode { situation, node } => {
            if let NewNode::Question { question, .. } = &node {
                if plan.question(question).is_none() {
                    return fail(format!(
                        "Spørsmålet «{question}» finnes ikke: lag det først."
                    ));
                }
            }
            let s = situation_mut(plan, &situation)?;
            let node = match node {
                NewNode::Steps { id } => Node::Steps {
                    id,
                    steps: Vec::new(),
                    next: None,
                },
                NewNode::Question { id, question } => Node::Question {
                    id,
                    question,
                    next: BTreeMap::new(),
                },
                NewNode::End { id } => Node::End { id },
            };
            new_id(s.nodes.iter().map(Node::id), node.id(), "Nodens id")?;
            if s.nodes.is_empty() {
                s.start = node.id().to_owned();
            }
            s.nodes.push(node);
        }
        Edit::RemoveNode { situation, node } => {
            let s = situation_mut(plan, &situation)?;
            let Some(at) = s.nodes.iter().position(|n| n.id() == node) else {
                return fail(format!(
                    "Situasjonen «{situation}» har ikke noden «{node}»."
                ));
            };
            let pointed = s.start == node
                || s.nodes.iter().any(|n| match n {
                    Node::Steps { next, .. } => next.as_deref() == Some(node.as_str()),
                    Node::Question { next, .. } => next.values().any(|v| *v == node),
                    Node::End { .. } => false,
                });
            if pointed && s.nodes.len() > 1 {
                return fail(format!(
                    "Noden «{node}» er start eller neste for en annen node: endre det først."
                ));
            }
            s.nodes.remove(at);
            if s.nodes.is_empty() {
                s.start.clear();
            }
        }
        Edit::MoveNode {
            situation,
            node,
            up,
        } => {
            let s = situation_mut(plan, &situation)?;
            let at = s.nodes.iter().position(|n| n.id() == node);
            shift(&mut s.nodes, at, up, &format!("Noden «{node}»"))?;
        }
        Edit::SetStart { situation, node } => {
            let s = situation_mut(plan, &situation)?;
            if s.node(&node).is_none() {
                return fail(format!(
                    "Situasjonen «{situation}» har ikke noden «{node}»."
                ));
            }
            s.start = node;
        }
        Edit::SetNext {
            situation,
            node,
            answer,
            next,
        } => {
            let question_answers: BTreeMap<String, Vec<String>> = plan
                .questions
                .iter()
                .map(|q| {
                    (
                        q.id.clone(),
                        q.answers.iter().map(|a| a.id.clone()).collect(),
                    )
                })
                .collect();
            let s = situation_mut(plan, &situation)?;
            if let Some(n) = &next {
                if s.node(n).is_none() {
                    return fail(format!("Situasjonen «{situation}» har ikke noden «{n}»."));
                }
                if *n == node {
                    return fail(format!("Noden «{node}» kan ikke lede til seg selv."));
                }
            }
            let Some(target) = s.nodes.iter_mut().find(|n| n.id() == node) else {
                return fail(format!(
                    "Situasjonen «{situation}» har ikke noden «{node}»."
                ));
            };
            match (target, answer) {
                (Node::Steps { next: to, .. }, None) => *to = next,
                (
                    Node::Question {
                        question, next: to, ..
                    },
                    Some(answer),
                ) => {
                    let known = question_answers
                        .get(question)
                        .is_some_and(|a| a.contains(&answer));
                    if !known {
                        return fail(format!(
                            "Spørsmålet «{question}» har ikke svaret «{answer}»."
                        ));
                    }
                    match next {
                        Some(n) => {
                            to.insert(answer, n);
                        }
                        None => {
                            to.remove(&answer);
                        }
                    }
                }
                (Node::Question { .. }, None) => {
                    return fail("Velg hvilket svar som skal lede videre.".to_owned())
                }
                (Node::Steps { .. }, Some(_)) => {
                    return fail(format!("Noden «{node}» er trinn, ikke et spørsmål."))
                }
                (Node::End { .. }, _) => {
                    return fail(format!(
                        "Noden «{node}» er en slutt: den leder ikke videre."
                    ))
                }
            }
        }
        Edit::AddStep {
            situation,
            node,
            step,
        } => {
            check_step(plan, &step)?;
            let s = situation_mut(plan, &situation)?;
            new_id(
                s.all_steps().map(|s| s.id.as_str()),
                &step.id,
                "Trinnets id",
            )?;
            match s.nodes.iter_mut().find(|n| n.id() == node) {
                Some(Node::Steps { steps, .. }) => steps.push(step),
                Some(_) => return fail(format!("Noden «{node}» er ikke en trinn-node.")),
                None => {
                    return fail(format!(
                        "Situasjonen «{situation}» har ikke noden «{node}»."
                    ))
                }
            }
        }
        Edit::RemoveStep { situation, step } => {
            let s = situation_mut(plan, &situation)?;
            let mut found = false;
            for n in &mut s.nodes {
                if let Node::Steps { steps, .. } = n {
                    let before = steps.len();
                    steps.retain(|x| x.id != step);
                    found |= steps.len() != before;
                }
            }
            if !found {
                return fail(format!(
                    "Situasjonen «{situation}» har ikke trinnet «{step}»."
                ));
            }
        }
        Edit::MoveStep {
            situation,
            step,
            up,
        } => {
            let s = situation_mut(plan, &situation)?;
            let what = format!("Trinnet «{step}»");
            let holder = s.nodes.iter_mut().find_map(|n| match n {
                Node::Steps { steps, .. } if steps.iter().any(|x| x.id == step) => Some(steps),
                _ => None,
            });
            let Some(steps) = holder else {
                return fail(format!("{what} finnes ikke."));
            };
            let at = steps.iter().position(|x| x.id == step);
            shift(steps, at, up, &what)?;
        }
        Edit::AddParticipant {
            situation,
            step,
            participant,
        } => {
            role(plan, &participant.role)?;
            if let Some(c) = &participant.when {
                condition(plan, c)?;
            }
            let s = situation_mut(plan, &situation)?;
            let st = step_mut(s, &step)?;
            let meeting = st.meeting.get_or_insert_with(Default::default);
            if meeting
                .participants
                .iter()
                .any(|p| p.role == participant.role)
            {
                return fail(format!(
                    "Rollen «{}» er allerede med i møtet.",
                    participant.role
                ));
            }
            meeting.participants.push(participant);
        }
        Edit::AddAgendaItem {
            situation,
            step,
            item,
        } => {
            text(&item.text, "Punktet")?;
            source(plan, &item.source)?;
            let s = situation_mut(plan, &situation)?;
            let st = step_mut(s, &step)?;
            st.meeting
                .get_or_insert_with(Default::default)
                .agenda
                .push(item);
        }
        Edit::AddCited {
            kind,
            text: t,
            source: s,
        } => {
            text(&t, "Teksten")?;
            source(plan, &s)?;
            add_cited(plan, kind, t.trim().to_owned(), s)?;
        }
        Edit::AddContact(c) => {
            new_id(
                plan.contacts.iter().map(|c| c.id.as_str()),
                &c.id,
                "Kontaktens id",
            )?;
            check_contact(plan, &c)?;
            plan.contacts.push(c);
        }
        Edit::AddLink { list, link } => {
            check_link(plan, &link)?;
            links_mut(plan, list).push(link);
        }
        Edit::ChangeRole {
            id,
            name,
            description,
            per_pupil,
        } => {
            text(&name, "Rollens navn")?;
            let Some(r) = plan.roles.iter_mut().find(|r| r.id == id) else {
                return fail(format!("Rollen «{id}» finnes ikke."));
            };
            r.name = name.trim().to_owned();
            r.description = description
                .map(|d| d.trim().to_owned())
                .filter(|d| !d.is_empty());
            r.per_pupil = per_pupil;
        }
        Edit::ChangeQuestion { id, text: t } => {
            text(&t, "Spørsmålet")?;
            let q = question_mut(plan, &id)?;
            q.text = t.trim().to_owned();
        }
        Edit::ChangeAnswer { question, answer } => {
            check_answer(plan, &answer)?;
            let q = question_mut(plan, &question)?;
            let Some(held) = q.answers.iter_mut().find(|a| a.id == answer.id) else {
                return fail(format!(
                    "Spørsmålet «{question}» har ikke svaret «{}».",
                    answer.id
                ));
            };
            *held = Answer {
                label: answer.label.trim().to_owned(),
                ..answer
            };
        }
        Edit::ChangeSituation {
            id,
            title,
            label,
            acute,
            source: s,
        } => {
            text(&title, "Situasjonens tittel")?;
            text(&label, "Teksten på knappen")?;
            source(plan, &s)?;
            let held = situation_mut(plan, &id)?;
            held.title = title.trim().to_owned();
            held.label = label.trim().to_owned();
            held.acute = acute;
            held.source = s;
        }
        Edit::ChangeStep { situation, step } => {
            check_step(plan, &step)?;
            let s = situation_mut(plan, &situation)?;
            let held = step_mut(s, &step.id)?;
            *held = Step {
                meeting: held.meeting.take(),
                ..step
            };
        }
        Edit::RemoveParticipant {
            situation,
            step,
            role,
        } => {
            let s = situation_mut(plan, &situation)?;
            let st = step_mut(s, &step)?;
            let meeting = st.meeting.as_mut();
            let at = meeting
                .as_ref()
                .and_then(|m| m.participants.iter().position(|p| p.role == role));
            let (Some(m), Some(at)) = (meeting, at) else {
                return fail(format!(
                    "Rollen «{role}» er ikke med i møtet i trinnet «{step}»."
                ));
            };
            m.participants.remove(at);
            if m.participants.is_empty() && m.agenda.is_empty() {
                st.meeting = None;
            }
        }
        Edit::RemoveAgendaItem {
            situation,
            step,
            at,
        } => {
            let s = situation_mut(plan, &situation)?;
            let st = step_mut(s, &step)?;
            let Some(m) = st.meeting.as_mut().filter(|m| at < m.agenda.len()) else {
                return fail(format!(
                    "Møtet i trinnet «{step}» har ikke punkt {}.",
                    at + 1
                ));
            };
            m.agenda.remove(at);
            if m.participants.is_empty() && m.agenda.is_empty() {
                st.meeting = None;
            }
        }
        Edit::ChangeCitedText { path, text: t } => {
            text(&t, "Teksten")?;
            let cited = crate::trace::cited_texts(plan)
                .iter()
                .any(|c| c.path == path);
            if !cited {
                return fail(format!(
                    "«{path}» er ikke en tekst med henvisning i planen."
                ));
            }
            *plan = with_text_at(plan, &path, t.trim())?;
        }
        Edit::RemoveCitedText(path) => {
            let cited = crate::trace::cited_texts(plan)
                .iter()
                .any(|c| c.path == path);
            if !cited {
                return fail(format!(
                    "«{path}» er ikke en tekst med henvisning i planen."
                ));
            }
            if let Some(reason) = removed_elsewhere(&path) {
                return fail(reason.to_owned());
            }
            let notes = plan.confidentiality.iter().flat_map(|c| &c.duty_to_inform);
            let at = |n: usize| format!("$.confidentiality.duty_to_inform[{n}].text");
            if let Some((_, note)) = notes.enumerate().find(|(n, _)| at(*n) == path) {
                let used = plan
                    .parents
                    .as_ref()
                    .is_some_and(|p| p.duty_notes.contains(&note.id));
                if used {
                    return fail(format!(
                        "Merknaden «{}» vises på foresattesiden: ta den bort der først.",
                        note.id
                    ));
                }
            }
            let before = std::mem::replace(plan, without_text_at(plan, &path)?);
            tidy(plan, &before);
        }
        Edit::ChangeContact(c) => {
            check_contact(plan, &c)?;
            let Some(held) = plan.contacts.iter_mut().find(|x| x.id == c.id) else {
                return fail(format!("Kontakten «{}» finnes ikke.", c.id));
            };
            *held = c;
        }
        Edit::RemoveContact(id) => {
            let Some(at) = plan.contacts.iter().position(|c| c.id == id) else {
                return fail(format!("Kontakten «{id}» finnes ikke."));
            };
            plan.contacts.remove(at);
        }
        Edit::ChangeLink { list, at, link } => {
            check_link(plan, &link)?;
            let Some(held) = links_mut(plan, list).get_mut(at) else {
                return fail(format!("Lenke nummer {} finnes ikke.", at + 1));
            };
            *held = link;
        }
        Edit::RemoveLink { list, at } => {
            let links = links_mut(plan, list);
            if at >= links.len() {
                return fail(format!("Lenke nummer {} finnes ikke.", at + 1));
            }
            links.remove(at);
        }
        Edit::SetMeta(meta) => {
            text(&meta.school, "Skolens navn")?;
            text(&meta.title, "Planens tittel")?;
            let trimmed =
                |o: Option<String>| o.map(|x| x.trim().to_owned()).filter(|x| !x.is_empty());
            let meta = Meta {
                school: meta.school.trim().to_owned(),
                title: meta.title.trim().to_owned(),
                school_year: trimmed(meta.school_year),
                version: trimmed(meta.version),
                next_revision: trimmed(meta.next_revision),
                next_revision_text: trimmed(meta.next_revision_text),
                undated_reason: trimmed(meta.undated_reason),
                responsible: trimmed(meta.responsible),
                source: plan.meta.source.take(),
            };
            match (&meta.next_revision, &meta.undated_reason) {
                (None, None) => {
                    return fail(
                        "Skriv når planen skal revideres (ÅÅÅÅ-MM), eller hvorfor kilden ikke har noen dato."
                            .to_owned(),
                    )
                }
                (Some(date), _) if !crate::validate::is_year_month(date) => {
                    return fail(format!(
                        "«{date}» er ikke en dato på formen ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD (f.eks. 2026-06)."
                    ))
                }
                _ => {}
            }
            plan.meta = meta;
        }
        Edit::RemoveTranslation { language, text } => {
            let map = plan.translations.get_mut(&language);
            if map.and_then(|m| m.remove(&text)).is_none() {
                return fail(format!("«{text}» har ingen oversettelse til «{language}»."));
            }
            plan.translations.retain(|_, m| !m.is_empty());
        }
        Edit::SetChecklistTitle(title) => {
            text(&title, "Sjekklistens tittel")?;
            match &mut plan.checklist {
                Some(c) => c.title = title.trim().to_owned(),
                None => {
                    plan.checklist = Some(Checklist {
                        title: title.trim().to_owned(),
                        gut_feeling: None,
                        groups: Vec::new(),
                    })
                }
            }
        }
        Edit::SetParents(page) => {
            role(plan, &page.role)?;
            for r in &page.contact_roles {
                role(plan, r)?;
            }
            let notes: Vec<&str> = plan
                .confidentiality
                .iter()
                .flat_map(|c| c.duty_to_inform.iter().map(|n| n.id.as_str()))
                .collect();
            for n in &page.duty_notes {
                if !notes.contains(&n.as_str()) {
                    return fail(format!("Opplysningsplikt-merknaden «{n}» finnes ikke."));
                }
            }
            plan.parents = Some(page);
        }
        Edit::AddTranslation {
            language,
            text: t,
            translated,
        } => {
            id(&language, "Språkkoden")?;
            text(&t, "Teksten på bokmål")?;
            text(&translated, "Oversettelsen")?;
            plan.translations
                .entry(language)
                .or_default()
                .insert(t, translated.trim().to_owned());
        }
    }
    Ok(())
}

fn check_contact(plan: &Plan, c: &Contact) -> Result<(), EditError> {
    text(&c.name, "Navnet")?;
    text(&c.phone, "Telefonnummeret")?;
    if c.roles.is_empty() {
        return fail("Velg minst én rolle kontakten fyller.".to_owned());
    }
    for r in &c.roles {
        role(plan, r)?;
    }
    source(plan, &c.source)
}

fn check_link(plan: &Plan, link: &Link) -> Result<(), EditError> {
    text(&link.title, "Tittelen")?;
    text(&link.url, "Adressen")?;
    source(plan, &link.source)
}

fn links_mut(plan: &mut Plan, list: LinkList) -> &mut Vec<Link> {
    match list {
        LinkList::Laws => &mut plan.laws,
        LinkList::Resources => &mut plan.resources,
    }
}

/// Where the text at a cited path is removed instead, when not by
/// [`Edit::RemoveCitedText`]: a contact's name and number, and a step's
/// text, go with the contact or the step.
pub fn removed_elsewhere(path: &str) -> Option<&'static str> {
    if path.starts_with("$.contacts[") {
        Some("Fjern kontakten i listen over kontakter og lenker.")
    } else if path.starts_with("$.situations[") && !path.contains(".meeting.") {
        Some("Fjern trinnet i oversikten over nodene.")
    } else {
        None
    }
}

/// The parts of a `$.a[0].b` path: keys and indices.
enum Part<'a> {
    Key(&'a str),
    Index(usize),
}

fn parts(path: &str) -> Option<Vec<Part<'_>>> {
    let mut out = Vec::new();
    for part in path.strip_prefix('$')?.split('.').skip(1) {
        let (key, indices) = part.split_once('[').unwrap_or((part, ""));
        out.push(Part::Key(key));
        for index in indices.split('[').filter(|i| !i.is_empty()) {
            out.push(Part::Index(index.trim_end_matches(']').parse().ok()?));
        }
    }
    Some(out)
}

fn walk<'v>(
    mut here: &'v mut serde_json::Value,
    parts: &[Part<'_>],
) -> Option<&'v mut serde_json::Value> {
    for part in parts {
        here = match part {
            Part::Key(k) => here.get_mut(*k)?,
            Part::Index(i) => here.get_mut(*i)?,
        };
    }
    Some(here)
}

/// The plan with the string at `path` (`$.a[0].b`, as
/// [`crate::trace::cited_texts`] names it) replaced: through the plan
/// file's own JSON form, so no second walk over the plan is kept in step.
fn with_text_at(plan: &Plan, path: &str, new: &str) -> Result<Plan, EditError> {
    let missing = || EditError(format!("«{path}» finnes ikke i planen."));
    let mut value = serde_json::to_value(plan).map_err(|_| missing())?;
    let parts = parts(path).ok_or_else(missing)?;
    let here = walk(&mut value, &parts)
        .filter(|h| h.is_string())
        .ok_or_else(missing)?;
    *here = serde_json::Value::String(new.to_owned());
    serde_json::from_value(value).map_err(|_| missing())
}

/// The plan without the text at `path` and what it is the text of: an
/// item of a list (`…items[2]`), the element whose text or title it is
/// (`…signs[1].text`, `…groups[0].title`), or the part whose only text it
/// is (`$.documentation.text`, `…gut_feeling.text`, a goal's `detail`).
fn without_text_at(plan: &Plan, path: &str) -> Result<Plan, EditError> {
    let missing = || EditError(format!("«{path}» finnes ikke i planen."));
    let mut value = serde_json::to_value(plan).map_err(|_| missing())?;
    let parts = parts(path).ok_or_else(missing)?;
    let n = parts.len();
    // Where the removal is made, and what goes.
    let (container, gone) = match parts.as_slice() {
        [.., Part::Index(i)] => (&parts[..n - 1], Part::Index(*i)),
        [.., Part::Index(i), Part::Key("text" | "title")] => (&parts[..n - 2], Part::Index(*i)),
        [.., Part::Key(k), Part::Key("text")] => (&parts[..n - 2], Part::Key(k)),
        [.., Part::Key("detail")] => (&parts[..n - 1], Part::Key("detail")),
        _ => return Err(missing()),
    };
    let holder = walk(&mut value, container).ok_or_else(missing)?;
    let removed = match gone {
        Part::Index(i) => holder
            .as_array_mut()
            .filter(|a| i < a.len())
            .map(|a| a.remove(i)),
        Part::Key(k) => holder.as_object_mut().and_then(|o| o.remove(k)),
    };
    removed.ok_or_else(missing)?;
    serde_json::from_value(value).map_err(|_| missing())
}

/// Drops what the removal of one text left empty (and only that): a sign
/// group with no signs, a factor list or the conversation advice with no
/// items, a role's citation with no duties left to cite.
fn tidy(plan: &mut Plan, before: &Plan) {
    if let (Some(c), Some(b)) = (&mut plan.checklist, &before.checklist) {
        // A sign's removal leaves the groups where they were.
        let mut was = b.groups.iter().map(|g| g.signs.len());
        c.groups
            .retain(|g| !g.signs.is_empty() || was.next() == Some(0));
    }
    let emptied = |list: &Option<FactorList>, was: &Option<FactorList>| {
        list.as_ref().is_some_and(|l| l.items.is_empty())
            && was.as_ref().is_some_and(|l| !l.items.is_empty())
    };
    if emptied(&plan.protective_factors, &before.protective_factors) {
        plan.protective_factors = None;
    }
    if emptied(&plan.risk_factors, &before.risk_factors) {
        plan.risk_factors = None;
    }
    let advice_items = |p: &Plan| p.conversation_advice.as_ref().map(|a| a.items.len());
    if advice_items(plan) == Some(0) && advice_items(before) != Some(0) {
        plan.conversation_advice = None;
    }
    for (r, b) in plan.roles.iter_mut().zip(&before.roles) {
        if r.duties.is_empty() && !b.duties.is_empty() {
            r.source = None;
        }
    }
}

fn check_step(plan: &Plan, step: &Step) -> Result<(), EditError> {
    text(&step.text, "Trinnets tekst")?;
    source(plan, &step.source)?;
    if let Some(r) = &step.responsible {
        role(plan, r)?;
    }
    for r in &step.contact {
        role(plan, r)?;
    }
    if let Some(c) = &step.when {
        condition(plan, c)?;
    }
    if let Some(m) = &step.meeting {
        for p in &m.participants {
            role(plan, &p.role)?;
        }
        for a in &m.agenda {
            source(plan, &a.source)?;
        }
    }
    Ok(())
}

fn add_cited(plan: &mut Plan, kind: CitedKind, t: String, s: Source) -> Result<(), EditError> {
    let paragraph = |t: String, s: Source| Paragraph { text: t, source: s };
    match kind {
        CitedKind::Introduction => plan.introduction.push(paragraph(t, s)),
        CitedKind::Goal => plan.goals.push(Goal {
            text: t,
            detail: None,
            source: s,
        }),
        CitedKind::GoalDetail => {
            let Some(goal) = plan.goals.last_mut() else {
                return fail("Lag målet først: utdypingen hører til det siste målet.".to_owned());
            };
            widen(&mut goal.source, &s)?;
            goal.detail = Some(t);
        }
        CitedKind::RoleDuty { role: r } => {
            let Some(held) = plan.roles.iter_mut().find(|x| x.id == r) else {
                return fail(format!(
                    "Rollen «{r}» finnes ikke i planen: legg den til først."
                ));
            };
            match &mut held.source {
                Some(src) => widen(src, &s)?,
                None => held.source = Some(s),
            }
            held.duties.push(t);
        }
        CitedKind::Sign { id: sign, group } => {
            let taken = plan.checklist.iter().flat_map(|c| {
                c.groups
                    .iter()
                    .flat_map(|g| g.signs.iter().map(|x| x.id.as_str()))
            });
            new_id(taken, &sign, "Tegnets id")?;
            let Some(checklist) = &mut plan.checklist else {
                return fail("Gi sjekklisten en tittel først.".to_owned());
            };
            let group = group.map(|g| g.trim().to_owned()).filter(|g| !g.is_empty());
            let at = match checklist.groups.iter().position(|g| g.title == group) {
                Some(at) => at,
                None => {
                    checklist.groups.push(SignGroup {
                        title: group,
                        signs: Vec::new(),
                    });
                    checklist.groups.len() - 1
                }
            };
            checklist.groups[at].signs.push(Sign {
                id: sign,
                text: t,
                source: s,
            });
        }
        CitedKind::GutFeeling => {
            let Some(checklist) = &mut plan.checklist else {
                return fail("Gi sjekklisten en tittel først.".to_owned());
            };
            checklist.gut_feeling = Some(paragraph(t, s));
        }
        CitedKind::PreventionText => plan
            .prevention
            .get_or_insert_with(Default::default)
            .text
            .push(paragraph(t, s)),
        CitedKind::PreventionGroupTitle => {
            let prevention = plan.prevention.get_or_insert_with(Default::default);
            if prevention.groups.iter().any(|g| g.title == t) {
                return fail(format!("Gruppen «{t}» finnes allerede."));
            }
            prevention.groups.push(ItemGroup {
                title: t,
                items: Vec::new(),
                source: s,
            });
        }
        CitedKind::PreventionItem { group } => {
            let prevention = plan.prevention.get_or_insert_with(Default::default);
            let Some(g) = prevention.groups.iter_mut().find(|g| g.title == group) else {
                return fail(format!(
                    "Gruppen «{group}» finnes ikke: lag den av linjen med tittelen først."
                ));
            };
            widen(&mut g.source, &s)?;
            g.items.push(t);
        }
        CitedKind::ProtectiveFactor | CitedKind::RiskFactor => {
            let list = if kind == CitedKind::ProtectiveFactor {
                &mut plan.protective_factors
            } else {
                &mut plan.risk_factors
            };
            match list {
                Some(l) => {
                    widen(&mut l.source, &s)?;
                    l.items.push(t);
                }
                None => {
                    *list = Some(FactorList {
                        items: vec![t],
                        source: s,
                    })
                }
            }
        }
        CitedKind::ConfidentialityText => plan
            .confidentiality
            .get_or_insert_with(empty_confidentiality)
            .text
            .push(paragraph(t, s)),
        CitedKind::DutyNote { id: note, when } => {
            if let Some(c) = &when {
                condition(plan, c)?;
            }
            let c = plan
                .confidentiality
                .get_or_insert_with(empty_confidentiality);
            new_id(
                c.duty_to_inform.iter().map(|n| n.id.as_str()),
                &note,
                "Merknadens id",
            )?;
            c.duty_to_inform.push(DutyNote {
                id: note,
                text: t,
                when,
                source: s,
            });
        }
        CitedKind::Advice { situations } => {
            for id in &situations {
                if plan.situation(id).is_none() {
                    return fail(format!("Situasjonen «{id}» finnes ikke."));
                }
            }
            plan.confidentiality
                .get_or_insert_with(empty_confidentiality)
                .advice
                .push(crate::plan::Advice {
                    text: t,
                    situations,
                    source: s,
                });
        }
        CitedKind::Documentation { system } => {
            plan.documentation = Some(Documentation {
                text: t,
                system: system
                    .map(|x| x.trim().to_owned())
                    .filter(|x| !x.is_empty()),
                source: s,
            });
        }
        CitedKind::ConversationAdvice { title } => match &mut plan.conversation_advice {
            Some(a) => {
                widen(&mut a.source, &s)?;
                a.items.push(t);
            }
            None => {
                self::text(&title, "Tittelen på rådene")?;
                plan.conversation_advice = Some(ConversationAdvice {
                    title: title.trim().to_owned(),
                    items: vec![t],
                    source: s,
                });
            }
        },
    }
    Ok(())
}

fn empty_confidentiality() -> crate::plan::Confidentiality {
    crate::plan::Confidentiality {
        text: Vec::new(),
        duty_to_inform: Vec::new(),
        advice: Vec::new(),
    }
}
