//! The plan model: one school's *handlingsplan mot rus* as data.
//!
//! Everything a plan says lives here as plain, serde-readable structs. The
//! shape is documented for schools in `docs/plan-format.md`; keep the two in
//! step. Nothing here knows about the browser or about any one school.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Leaves `false` out when a plan is written, as plan files do.
fn is_false(value: &bool) -> bool {
    !*value
}

/// The plan file format this crate reads. Bump when the shape changes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    /// Short, stable id used for storage keys and links (the file name).
    pub id: String,
    pub meta: Meta,
    /// The documents this plan was written from; every [`Source`] names one.
    pub documents: Vec<Document>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub introduction: Vec<Paragraph>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checklist: Option<Checklist>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prevention: Option<Prevention>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protective_factors: Option<FactorList>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_factors: Option<FactorList>,
    /// Confidentiality (taushetsplikt) and the duty to inform (opplysningsplikt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<Confidentiality>,
    /// The plan's rule for written records, and the system they go into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation: Option<Documentation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_advice: Option<ConversationAdvice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub laws: Vec<Link>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Link>,
    /// Questions the situations branch on (age group, outcome of the talk, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Questions about the pupil that every case records (the age group),
    /// also when a case starts from the checklist or blank.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pupil_questions: Vec<String>,
    pub situations: Vec<Situation>,
    /// What the parents' information page shows beyond what it derives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parents: Option<ParentsPage>,
    /// Translations of the plan's texts: language code → bokmål text →
    /// translated text. A text without a translation is shown in bokmål.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
}

/// The parents' (foresatte) information page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParentsPage {
    /// The role that stands for the pupil's parents in the procedures; the
    /// steps and meetings naming it are what the page tells parents.
    pub role: String,
    /// Roles parents may contact; their people are listed with numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact_roles: Vec<String>,
    /// Duty-to-inform notes that concern parents (informing them, consent).
    /// Written even when empty: plan files say so explicitly.
    #[serde(default)]
    pub duty_notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub school: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_year: Option<String>,
    /// The version as the plan words it, e.g. "august 2025".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// When the plan must be revised, as `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_revision: Option<String>,
    /// The revision date as the plan words it, e.g. "juni 2026".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_revision_text: Option<String>,
    /// Why the plan has no revision date (its source gives none). A plan
    /// must have either this or `next_revision`, so a date is never just
    /// forgotten.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undated_reason: Option<String>,
    /// Who is responsible for the plan, when the plan says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// File name of the plain-text copy under `assets/plans/sources/`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// Where a piece of a plan comes from: document, section and line range of
/// the plain-text source, so a reviewer can check every step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub document: String,
    pub section: String,
    /// First and last line (1-based, inclusive) in the document's text file.
    pub lines: [u32; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub text: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    /// How the plan names the role, e.g. "Rektor/ledelse".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the role does, when the plan says so (the kjentmann's duties).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duties: Vec<String>,
    /// Someone tied to the pupil (foresatte, kontaktlærer) whose number no
    /// plan can hold; the app says so instead of showing an empty list.
    #[serde(default, skip_serializing_if = "is_false")]
    pub per_pupil: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

impl Role {
    /// The name inside a sentence ("Rollen til kjentmann"): the first letter
    /// in lower case, unless the name starts with an abbreviation
    /// ("NAV-veileder" stays). Knows the capitals of Norwegian only: the
    /// full Unicode case tables would cost 11 kB of wasm, and a name that
    /// starts with another letter is merely left capitalised.
    pub fn name_in_sentence(&self) -> String {
        let mut chars = self.name.chars();
        let (Some(first), second) = (chars.next(), chars.next()) else {
            return String::new();
        };
        let lower = match first {
            'A'..='Z' => first.to_ascii_lowercase(),
            'Æ' => 'æ',
            'Ø' => 'ø',
            'Å' => 'å',
            _ => first,
        };
        let abbreviation = second.is_some_and(|c| c.is_ascii_uppercase() || "ÆØÅ".contains(c));
        if abbreviation {
            self.name.clone()
        } else {
            let mut out = String::with_capacity(self.name.len());
            out.push(lower);
            out.push_str(&self.name[first.len_utf8()..]);
            out
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub id: String,
    pub name: String,
    /// Title as the plan gives it, e.g. "Assisterende rektor".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// As printed in the plan, e.g. "970 83 705"; see [`crate::phone`].
    pub phone: String,
    /// Roles this person fills; call buttons for a role list these people.
    pub roles: Vec<String>,
    /// Heading the plan lists the person under, e.g. "Rådgivere".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub title: String,
    /// The "magefølelse" line: trust the feeling that something is wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gut_feeling: Option<Paragraph>,
    pub groups: Vec<SignGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignGroup {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub signs: Vec<Sign>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    pub id: String,
    pub text: String,
    pub source: Source,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prevention {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<Paragraph>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ItemGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemGroup {
    pub title: String,
    pub items: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactorList {
    pub items: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confidentiality {
    pub text: Vec<Paragraph>,
    /// Notes on informing others that apply depending on the facts (age).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duty_to_inform: Vec<DutyNote>,
    /// The plan's own advice shown with the steps of the procedures it
    /// names ("ask when in doubt", "don't handle this alone").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub advice: Vec<Advice>,
}

/// A confidentiality text a procedure shows beside its steps. Which
/// procedures show it is the plan's choice, never the app's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub text: String,
    /// The situations whose procedure shows it; every situation when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub situations: Vec<String>,
    pub source: Source,
}

impl Advice {
    pub fn applies_to(&self, situation: &str) -> bool {
        self.situations.is_empty() || self.situations.iter().any(|s| s == situation)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyNote {
    pub id: String,
    pub text: String,
    /// Shown only when this holds; always shown when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Documentation {
    pub text: String,
    /// The system records go into, named as the plan names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConversationAdvice {
    pub title: String,
    pub items: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub title: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The question as the app asks it.
    pub text: String,
    pub answers: Vec<Answer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub id: String,
    pub label: String,
    /// The plan's own words for this branch, when it has them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// One of the plan's "Alternativ": a situation and its procedure, as a small
/// graph of nodes starting at `start`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Situation {
    pub id: String,
    /// The plan's heading, e.g. "Alternativ 3: eleven opptrer ruset på skolen".
    pub title: String,
    /// The words on the home screen button.
    pub label: String,
    /// The acute situation comes first and is drawn most prominently.
    #[serde(default, skip_serializing_if = "is_false")]
    pub acute: bool,
    pub start: String,
    pub nodes: Vec<Node>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Node {
    /// Ask a question; each answer names the node that follows.
    Question {
        id: String,
        question: String,
        next: BTreeMap<String, String>,
    },
    /// Steps to take in order, then go on to `next` (or end).
    Steps {
        id: String,
        steps: Vec<Step>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        next: Option<String>,
    },
    /// The plan says no more for this route.
    End { id: String },
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Question { id, .. } | Node::Steps { id, .. } | Node::End { id } => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the situation; the case log refers to it.
    pub id: String,
    /// The plan's wording.
    pub text: String,
    /// The role that carries the step out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsible: Option<String>,
    /// Roles to contact in this step: the app shows call buttons for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contact: Vec<String>,
    /// How soon, in the plan's words: "umiddelbart", "raskt", …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    /// Only part of the route when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<Meeting>,
    /// This step is the plan's documentation requirement (e.g. referat).
    #[serde(default, skip_serializing_if = "is_false")]
    pub documents: bool,
    pub source: Source,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub participants: Vec<Participant>,
    /// What the meeting must cover ("I møtet skal følgende skje").
    pub agenda: Vec<AgendaItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub text: String,
    pub source: Source,
}

/// "This question was answered with one of these answers."
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub question: String,
    pub answer_in: Vec<String>,
}

/// The plan an app shows until the user picks another: the least plan id,
/// which is the first plan file by name (a file is named by its plan's id). One rule for the
/// app (`build.rs`) and its prerendered home (`scripts/postbuild.mjs`), so a
/// build with one school's plan starts on, and stamps cases with, that plan.
pub fn default_plan_id<'a>(ids: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    ids.into_iter().min()
}

impl Plan {
    /// The system the plan says records go into, if it names one.
    pub fn records_system(&self) -> Option<&str> {
        self.documentation.as_ref()?.system.as_deref()
    }

    /// The confidentiality advice this situation's procedure shows.
    pub fn advice_for<'p>(&'p self, situation: &'p str) -> impl Iterator<Item = &'p Advice> + 'p {
        self.confidentiality
            .iter()
            .flat_map(|c| &c.advice)
            .filter(move |a| a.applies_to(situation))
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn situation(&self, id: &str) -> Option<&Situation> {
        self.situations.iter().find(|s| s.id == id)
    }

    /// Everyone the plan lists for a role, in the plan's order.
    pub fn contacts_for<'p>(&'p self, role: &'p str) -> impl Iterator<Item = &'p Contact> + 'p {
        self.contacts
            .iter()
            .filter(move |c| c.roles.iter().any(|r| r == role))
    }

    /// Roles someone may need to phone: those a step says to contact or the
    /// plan lists people for, less the pupil-bound ones (foresatte).
    pub fn callable_roles(&self) -> Vec<&Role> {
        let named_in_steps = |id: &str| {
            self.situations
                .iter()
                .flat_map(|s| s.all_steps())
                .any(|step| step.contact.iter().any(|c| c == id))
        };
        self.roles
            .iter()
            .filter(|r| {
                !r.per_pupil && (self.contacts_for(&r.id).next().is_some() || named_in_steps(&r.id))
            })
            .collect()
    }

    /// `text` in `language`; `None` when it has no translation (show bokmål).
    pub fn translation(&self, language: &str, text: &str) -> Option<&str> {
        self.translations
            .get(language)?
            .get(text)
            .map(String::as_str)
    }

    /// Situations in the order the home screen shows them: acute first.
    pub fn situations_by_urgency(&self) -> Vec<&Situation> {
        // Two passes, not a sort: keeps plan order within each group, and
        // one stable sort less in the wasm.
        let (acute, other): (Vec<&Situation>, Vec<&Situation>) =
            self.situations.iter().partition(|s| s.acute);
        acute.into_iter().chain(other).collect()
    }
}

impl Situation {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id() == id)
    }

    /// Every step of the situation, on whichever route.
    pub fn all_steps(&self) -> impl Iterator<Item = &Step> {
        self.nodes.iter().flat_map(|n| match n {
            Node::Steps { steps, .. } => steps.as_slice(),
            _ => &[],
        })
    }
}
