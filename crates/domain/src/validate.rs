//! Reading and checking a plan file, with messages a school can act on.
//!
//! Every problem names where it is (a JSON path such as
//! `situations[2].nodes[1].steps[0].responsible`), what is wrong, and how to
//! fix it. Messages are in Norwegian: the people who write plans read them.

use crate::engine::{route, routes};
use crate::phone;
use crate::plan::{Condition, Node, Plan, Source, FORMAT_VERSION};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    /// Where in the file, as a JSON path (`$` for the whole file).
    pub path: String,
    pub problem: String,
    pub fix: String,
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}\n    Slik retter du det: {}",
            self.path, self.problem, self.fix
        )
    }
}

impl std::error::Error for PlanError {}

/// Reads a plan file's JSON into a [`Plan`], without the checks of [`validate`].
pub fn parse_plan(json: &str) -> Result<Plan, PlanError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = match err.path().to_string() {
            p if p == "." => "$".to_owned(),
            p => format!("$.{p}"),
        };
        let inner = err.into_inner();
        let fix = if inner.is_syntax() || inner.is_eof() {
            format!(
                "Rett JSON-syntaksen rundt linje {}, kolonne {} (manglende komma, klamme eller anførselstegn?).",
                inner.line(),
                inner.column()
            )
        } else {
            "Sammenlign feltet med docs/plan-format.md: navn, type og påkrevde felt.".to_owned()
        };
        PlanError {
            path,
            problem: format!("filen kan ikke leses som en plan: {inner}"),
            fix,
        }
    })
}

/// Parses and validates: the one way the app and the tools load a plan.
pub fn load_plan(json: &str) -> Result<Plan, Vec<PlanError>> {
    let plan = parse_plan(json).map_err(|e| vec![e])?;
    let errors = validate(&plan);
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

/// Every problem in the plan; empty when it is sound.
pub fn validate(plan: &Plan) -> Vec<PlanError> {
    let mut check = Checker {
        plan,
        errors: Vec::new(),
    };
    check.meta();
    check.ids();
    check.sources();
    check.contacts();
    check.links();
    check.questions();
    check.duty_notes();
    check.parents();
    check.translations();
    for (i, _) in plan.situations.iter().enumerate() {
        check.situation(i);
    }
    check.errors
}

struct Checker<'p> {
    plan: &'p Plan,
    errors: Vec<PlanError>,
}

impl<'p> Checker<'p> {
    fn error(
        &mut self,
        path: impl Into<String>,
        problem: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.errors.push(PlanError {
            path: path.into(),
            problem: problem.into(),
            fix: fix.into(),
        });
    }

    fn meta(&mut self) {
        let plan = self.plan;
        if plan.format_version != FORMAT_VERSION {
            self.error(
                "$.format_version",
                format!("formatversjon {} er ukjent", plan.format_version),
                format!("Skriv \"format_version\": {FORMAT_VERSION}."),
            );
        }
        if !is_id(&plan.id) {
            self.error(
                "$.id",
                format!("plan-id «{}» er ikke gyldig", plan.id),
                ID_FIX,
            );
        }
        match (&plan.meta.next_revision, &plan.meta.undated_reason) {
            (None, None) => self.error(
                "$.meta.next_revision",
                "planen mangler dato for neste revisjon",
                "Skriv når planen skal revideres som ÅÅÅÅ-MM, f.eks. \"next_revision\": \"2026-06\". \
                 Har kilden ingen dato, skriv hvorfor i \"undated_reason\".",
            ),
            (Some(date), _) if !is_year_month(date) => self.error(
                "$.meta.next_revision",
                format!("«{date}» er ikke en dato på formen ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"),
                "Skriv datoen som f.eks. \"2026-06\" eller \"2026-06-30\".",
            ),
            _ => {}
        }
        let optional = [
            ("version", plan.meta.version.as_ref()),
            ("responsible", plan.meta.responsible.as_ref()),
            ("undated_reason", plan.meta.undated_reason.as_ref()),
        ];
        let required = [
            ("school", Some(&plan.meta.school)),
            ("title", Some(&plan.meta.title)),
        ];
        for (field, value) in required.into_iter().chain(optional) {
            if value.is_some_and(|v| v.trim().is_empty()) {
                self.error(
                    format!("$.meta.{field}"),
                    "feltet er tomt",
                    "Fyll det inn slik planen sier det, eller ta feltet bort hvis det er valgfritt.",
                );
            }
        }
        if plan.situations.is_empty() {
            self.error(
                "$.situations",
                "planen har ingen situasjoner",
                "Legg inn minst én situasjon (planens «Alternativ») med fremgangsmåte.",
            );
        }
    }

    /// Ids must be well-formed and unique where they are looked up.
    fn ids(&mut self) {
        let plan = self.plan;
        let lists: Vec<(&str, Vec<&str>)> = vec![
            (
                "documents",
                plan.documents.iter().map(|d| d.id.as_str()).collect(),
            ),
            ("roles", plan.roles.iter().map(|r| r.id.as_str()).collect()),
            (
                "contacts",
                plan.contacts.iter().map(|c| c.id.as_str()).collect(),
            ),
            (
                "questions",
                plan.questions.iter().map(|q| q.id.as_str()).collect(),
            ),
            (
                "situations",
                plan.situations.iter().map(|s| s.id.as_str()).collect(),
            ),
        ];
        for (list, ids) in &lists {
            self.unique(&format!("$.{list}"), ids);
        }
        if let Some(checklist) = &plan.checklist {
            let signs: Vec<&str> = checklist
                .groups
                .iter()
                .flat_map(|g| g.signs.iter().map(|s| s.id.as_str()))
                .collect();
            self.unique("$.checklist.groups[*].signs", &signs);
        }
        for (q, question) in plan.questions.iter().enumerate() {
            let answers: Vec<&str> = question.answers.iter().map(|a| a.id.as_str()).collect();
            self.unique(&format!("$.questions[{q}].answers"), &answers);
        }
        for (s, situation) in plan.situations.iter().enumerate() {
            let nodes: Vec<&str> = situation.nodes.iter().map(|n| n.id()).collect();
            self.unique(&format!("$.situations[{s}].nodes"), &nodes);
            let steps: Vec<&str> = situation.all_steps().map(|st| st.id.as_str()).collect();
            self.unique(&format!("$.situations[{s}].nodes[*].steps"), &steps);
        }
    }

    fn unique(&mut self, path: &str, ids: &[&str]) {
        let mut seen = BTreeSet::new();
        for (i, id) in ids.iter().enumerate() {
            if !is_id(id) {
                self.error(
                    format!("{path}[{i}].id"),
                    format!("id «{id}» er ikke gyldig"),
                    ID_FIX,
                );
            } else if !seen.insert(*id) {
                self.error(
                    format!("{path}[{i}].id"),
                    format!("id «{id}» er brukt mer enn én gang"),
                    "Gi hvert element en egen id.",
                );
            }
        }
    }

    fn sources(&mut self) {
        let documents: BTreeSet<&str> = self.plan.documents.iter().map(|d| d.id.as_str()).collect();
        let mut found = Vec::new();
        collect_sources(self.plan, &mut found);
        for (path, source) in found {
            if !documents.contains(source.document.as_str()) {
                self.error(
                    format!("{path}.document"),
                    format!(
                        "kilden viser til dokumentet «{}», som ikke står i \"documents\"",
                        source.document
                    ),
                    "Bruk id-en til et dokument i \"documents\", eller legg dokumentet til der.",
                );
            }
            let [first, last] = source.lines;
            if first == 0 || last < first {
                self.error(
                    format!("{path}.lines"),
                    format!("linjene [{first}, {last}] er ikke et gyldig område"),
                    "Skriv første og siste linje i kildeteksten, talt fra 1: [første, siste].",
                );
            }
        }
    }

    fn contacts(&mut self) {
        let plan = self.plan;
        for (i, contact) in plan.contacts.iter().enumerate() {
            let path = format!("$.contacts[{i}]");
            if let Err(err) = phone::tel_target(&contact.phone) {
                self.error(
                    format!("{path}.phone"),
                    format!(
                        "telefonnummeret «{}» til {} kan ikke ringes: {err}",
                        contact.phone, contact.name
                    ),
                    "Skriv nummeret med sifre, f.eks. \"900 00 000\" eller \"113\".",
                );
            }
            if contact.roles.is_empty() {
                self.error(
                    format!("{path}.roles"),
                    format!("{} har ingen rolle", contact.name),
                    "Knytt kontakten til minst én rolle fra \"roles\".",
                );
            }
            for (r, role) in contact.roles.iter().enumerate() {
                self.role_ref(&format!("{path}.roles[{r}]"), role);
            }
        }
    }

    fn links(&mut self) {
        let plan = self.plan;
        for (list, links) in [("laws", &plan.laws), ("resources", &plan.resources)] {
            for (i, link) in links.iter().enumerate() {
                if !(link.url.starts_with("https://") || link.url.starts_with("http://")) {
                    self.error(
                        format!("$.{list}[{i}].url"),
                        format!("«{}» er ikke en nettadresse", link.url),
                        "Skriv hele adressen, med https:// foran.",
                    );
                }
            }
        }
    }

    fn questions(&mut self) {
        for (i, id) in self.plan.pupil_questions.iter().enumerate() {
            if self.plan.question(id).is_none() {
                self.error(
                    format!("$.pupil_questions[{i}]"),
                    format!("spørsmålet «{id}» finnes ikke"),
                    "Bruk id-en til et spørsmål i \"questions\".",
                );
            }
        }
        for (q, question) in self.plan.questions.iter().enumerate() {
            if question.answers.len() < 2 {
                self.error(
                    format!("$.questions[{q}].answers"),
                    format!("spørsmålet «{}» har færre enn to svar", question.text),
                    "Et spørsmål må ha minst to svar å velge mellom.",
                );
            }
        }
    }

    fn duty_notes(&mut self) {
        let Some(confidentiality) = &self.plan.confidentiality else {
            return;
        };
        for (i, note) in confidentiality.duty_to_inform.iter().enumerate() {
            if let Some(when) = &note.when {
                self.condition(&format!("$.confidentiality.duty_to_inform[{i}].when"), when);
            }
        }
        for (i, advice) in confidentiality.advice.iter().enumerate() {
            for (j, id) in advice.situations.iter().enumerate() {
                if self.plan.situation(id).is_none() {
                    self.error(
                        format!("$.confidentiality.advice[{i}].situations[{j}]"),
                        format!("situasjonen «{id}» finnes ikke"),
                        "Bruk id-en til en situasjon i \"situations\", eller ta bort listen så rådet vises i alle.",
                    );
                }
            }
        }
    }

    fn parents(&mut self) {
        let Some(parents) = &self.plan.parents else {
            return;
        };
        self.role_ref("$.parents.role", &parents.role);
        for (i, role) in parents.contact_roles.iter().enumerate() {
            self.role_ref(&format!("$.parents.contact_roles[{i}]"), role);
        }
        let notes: Vec<&str> = self
            .plan
            .confidentiality
            .iter()
            .flat_map(|c| c.duty_to_inform.iter().map(|n| n.id.as_str()))
            .collect();
        for (i, note) in parents.duty_notes.iter().enumerate() {
            if !notes.contains(&note.as_str()) {
                self.error(
                    format!("$.parents.duty_notes[{i}]"),
                    format!("merknaden «{note}» finnes ikke"),
                    "Bruk id-en til en merknad i \"confidentiality.duty_to_inform\".",
                );
            }
        }
    }

    /// A translation of a text the plan no longer has: the text was changed
    /// or removed, so the page shows it in bokmål until it is translated
    /// again, and the old translation is dead weight.
    fn translations(&mut self) {
        let texts: std::collections::BTreeSet<&str> = crate::parents::translatable_texts(self.plan)
            .into_iter()
            .collect();
        for (language, map) in &self.plan.translations {
            for text in map.keys().filter(|t| !texts.contains(t.as_str())) {
                self.error(
                    format!("$.translations.{language}"),
                    format!("oversettelsen av «{text}» hører ikke til noen tekst i planen"),
                    "Teksten er endret eller fjernet: oversett den nye teksten, og fjern denne \
                     (i studioet under «Oversettelser»).",
                );
            }
        }
    }

    fn role_ref(&mut self, path: &str, role: &str) {
        if self.plan.role(role).is_none() {
            self.error(
                path,
                format!("rollen «{role}» finnes ikke"),
                "Bruk id-en til en rolle i \"roles\", eller legg rollen til der.",
            );
        }
    }

    fn condition(&mut self, path: &str, condition: &Condition) {
        let Some(question) = self.plan.question(&condition.question) else {
            self.error(
                format!("{path}.question"),
                format!(
                    "vilkåret viser til spørsmålet «{}», som ikke finnes",
                    condition.question
                ),
                "Bruk id-en til et spørsmål i \"questions\".",
            );
            return;
        };
        if condition.answer_in.is_empty() {
            self.error(
                format!("{path}.answer_in"),
                "vilkåret lister ingen svar, så det kan aldri slå til",
                "List svarene vilkåret gjelder for.",
            );
        }
        for (a, answer) in condition.answer_in.iter().enumerate() {
            if !question.answers.iter().any(|x| x.id == *answer) {
                self.error(
                    format!("{path}.answer_in[{a}]"),
                    format!("spørsmålet «{}» har ikke svaret «{answer}»", question.id),
                    format!(
                        "Bruk et av svarene: {}.",
                        question
                            .answers
                            .iter()
                            .map(|x| x.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
        }
    }

    fn situation(&mut self, s: usize) {
        let plan = self.plan;
        let situation = &plan.situations[s];
        let base = format!("$.situations[{s}]");
        let node_index: BTreeMap<&str, usize> = situation
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id(), i))
            .collect();
        let target = |checker: &mut Self, path: String, id: &str| {
            if !node_index.contains_key(id) {
                checker.error(
                    path,
                    format!(
                        "«{}» viser videre til «{id}», som ikke finnes i situasjonen",
                        situation.id
                    ),
                    "Bruk id-en til et av situasjonens steg-punkter (\"nodes\").",
                );
            }
        };
        target(self, format!("{base}.start"), &situation.start);

        for (n, node) in situation.nodes.iter().enumerate() {
            let path = format!("{base}.nodes[{n}]");
            match node {
                Node::Question { question, next, .. } => {
                    let Some(q) = plan.question(question) else {
                        self.error(
                            format!("{path}.question"),
                            format!("spørsmålet «{question}» finnes ikke"),
                            "Bruk id-en til et spørsmål i \"questions\".",
                        );
                        continue;
                    };
                    for answer in &q.answers {
                        match next.get(&answer.id) {
                            Some(to) => target(self, format!("{path}.next.{}", answer.id), to),
                            None => self.error(
                                format!("{path}.next"),
                                format!(
                                    "svaret «{}» på «{}» fører ingen steder",
                                    answer.label, q.text
                                ),
                                format!("Legg til \"{}\": \"<neste node>\" i \"next\".", answer.id),
                            ),
                        }
                    }
                    for key in next.keys() {
                        if !q.answers.iter().any(|a| a.id == *key) {
                            self.error(
                                format!("{path}.next.{key}"),
                                format!("spørsmålet «{}» har ikke svaret «{key}»", q.id),
                                "Fjern linjen, eller bruk et svar spørsmålet har.",
                            );
                        }
                    }
                }
                Node::Steps { steps, next, .. } => {
                    if let Some(to) = next {
                        target(self, format!("{path}.next"), to);
                    }
                    for (i, step) in steps.iter().enumerate() {
                        let path = format!("{path}.steps[{i}]");
                        if step.text.trim().is_empty() {
                            self.error(
                                format!("{path}.text"),
                                "steget har ingen tekst",
                                "Skriv steget med planens ord.",
                            );
                        }
                        if let Some(role) = &step.responsible {
                            self.role_ref(&format!("{path}.responsible"), role);
                        }
                        for (c, role) in step.contact.iter().enumerate() {
                            self.role_ref(&format!("{path}.contact[{c}]"), role);
                        }
                        if let Some(when) = &step.when {
                            self.condition(&format!("{path}.when"), when);
                        }
                        if let Some(meeting) = &step.meeting {
                            for (p, participant) in meeting.participants.iter().enumerate() {
                                let ppath = format!("{path}.meeting.participants[{p}]");
                                self.role_ref(&format!("{ppath}.role"), &participant.role);
                                if let Some(when) = &participant.when {
                                    self.condition(&format!("{ppath}.when"), when);
                                }
                            }
                        }
                    }
                }
                Node::End { .. } => {}
            }
        }
        self.reachability(s, &node_index);
        self.routes(s);
    }

    /// Every node can be reached from `start`, and no walk comes back round.
    fn reachability(&mut self, s: usize, index: &BTreeMap<&str, usize>) {
        let situation = &self.plan.situations[s];
        let successors = |node: &'p Node| -> Vec<&'p str> {
            match node {
                Node::Question { next, .. } => next.values().map(String::as_str).collect(),
                Node::Steps { next, .. } => next.as_deref().into_iter().collect(),
                Node::End { .. } => Vec::new(),
            }
        };
        // Depth-first with colours: grey = on the current path (a back edge is a cycle).
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            White,
            Grey,
            Black,
        }
        let mut mark = vec![Mark::White; situation.nodes.len()];
        let Some(&start) = index.get(situation.start.as_str()) else {
            return;
        };
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        mark[start] = Mark::Grey;
        let mut cycle_at = None;
        while let Some((node, child)) = stack.pop() {
            let next = successors(&situation.nodes[node]);
            if let Some(to) = next.get(child) {
                stack.push((node, child + 1));
                if let Some(&to) = index.get(to) {
                    match mark[to] {
                        Mark::White => {
                            mark[to] = Mark::Grey;
                            stack.push((to, 0));
                        }
                        Mark::Grey => cycle_at = cycle_at.or(Some(node)),
                        Mark::Black => {}
                    }
                }
            } else {
                mark[node] = Mark::Black;
            }
        }
        if let Some(node) = cycle_at {
            self.error(
                format!("$.situations[{s}].nodes[{node}]"),
                format!(
                    "«{}» fører tilbake til et tidligere punkt, så fremgangsmåten kan gå i ring",
                    situation.nodes[node].id()
                ),
                "Hver vei gjennom situasjonen må ende: fjern pilen som peker bakover.",
            );
        }
        for (n, node) in situation.nodes.iter().enumerate() {
            if mark[n] == Mark::White {
                self.error(
                    format!("$.situations[{s}].nodes[{n}]"),
                    format!(
                        "«{}» kan ikke nås fra start («{}»)",
                        node.id(),
                        situation.start
                    ),
                    "Pek på punktet fra et annet punkt (\"next\"), eller fjern det.",
                );
            }
        }
    }

    /// Each complete route must carry the plan's documentation step.
    fn routes(&mut self, s: usize) {
        let plan = self.plan;
        if plan.documentation.is_none() || !self.errors.is_empty() {
            // Without a documentation rule there is nothing to require, and a
            // plan with broken references cannot be walked meaningfully.
            return;
        }
        let situation = &plan.situations[s];
        let Ok(all) = routes(plan, &situation.id) else {
            return;
        };
        for facts in all {
            let Ok(guidance) = route(plan, &situation.id, &facts) else {
                continue;
            };
            if !guidance.steps.iter().any(|g| g.step.documents) {
                let answers: Vec<String> = guidance
                    .answered
                    .iter()
                    .map(|(q, a)| format!("{} = {}", q.id, a.id))
                    .collect();
                self.error(
                    format!("$.situations[{s}]"),
                    format!(
                        "veien [{}] i «{}» ender uten dokumentasjonssteget planen krever",
                        answers.join(", "),
                        situation.title
                    ),
                    "Legg til et steg med \"documents\": true (f.eks. «skriver referat») på denne veien.",
                );
            }
        }
    }
}

const ID_FIX: &str = "Bruk bare små bokstaver a–z, sifre, - og _ (f.eks. \"alternativ-3\").";

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub(crate) fn is_year_month(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y, m] | [y, m, _] if !number(y, 4) || !number(m, 2) => false,
        [_, m] => (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [_, m, d] => {
            (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && number(d, 2)
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

/// Every `source` in the plan with its JSON path.
fn collect_sources<'p>(plan: &'p Plan, out: &mut Vec<(String, &'p Source)>) {
    let mut add = |path: String, source: &'p Source| out.push((path, source));
    if let Some(s) = &plan.meta.source {
        add("$.meta.source".into(), s);
    }
    for (i, p) in plan.introduction.iter().enumerate() {
        add(format!("$.introduction[{i}].source"), &p.source);
    }
    for (i, g) in plan.goals.iter().enumerate() {
        add(format!("$.goals[{i}].source"), &g.source);
    }
    for (i, r) in plan.roles.iter().enumerate() {
        if let Some(s) = &r.source {
            add(format!("$.roles[{i}].source"), s);
        }
    }
    for (i, c) in plan.contacts.iter().enumerate() {
        add(format!("$.contacts[{i}].source"), &c.source);
    }
    if let Some(checklist) = &plan.checklist {
        if let Some(g) = &checklist.gut_feeling {
            add("$.checklist.gut_feeling.source".into(), &g.source);
        }
        for (g, group) in checklist.groups.iter().enumerate() {
            for (i, sign) in group.signs.iter().enumerate() {
                add(
                    format!("$.checklist.groups[{g}].signs[{i}].source"),
                    &sign.source,
                );
            }
        }
    }
    if let Some(prevention) = &plan.prevention {
        for (i, p) in prevention.text.iter().enumerate() {
            add(format!("$.prevention.text[{i}].source"), &p.source);
        }
        for (i, g) in prevention.groups.iter().enumerate() {
            add(format!("$.prevention.groups[{i}].source"), &g.source);
        }
    }
    if let Some(f) = &plan.protective_factors {
        add("$.protective_factors.source".into(), &f.source);
    }
    if let Some(f) = &plan.risk_factors {
        add("$.risk_factors.source".into(), &f.source);
    }
    if let Some(c) = &plan.confidentiality {
        for (i, p) in c.text.iter().enumerate() {
            add(format!("$.confidentiality.text[{i}].source"), &p.source);
        }
        for (i, n) in c.duty_to_inform.iter().enumerate() {
            add(
                format!("$.confidentiality.duty_to_inform[{i}].source"),
                &n.source,
            );
        }
        for (i, a) in c.advice.iter().enumerate() {
            add(format!("$.confidentiality.advice[{i}].source"), &a.source);
        }
    }
    if let Some(d) = &plan.documentation {
        add("$.documentation.source".into(), &d.source);
    }
    if let Some(a) = &plan.conversation_advice {
        add("$.conversation_advice.source".into(), &a.source);
    }
    for (i, l) in plan.laws.iter().enumerate() {
        add(format!("$.laws[{i}].source"), &l.source);
    }
    for (i, l) in plan.resources.iter().enumerate() {
        add(format!("$.resources[{i}].source"), &l.source);
    }
    for (q, question) in plan.questions.iter().enumerate() {
        for (a, answer) in question.answers.iter().enumerate() {
            if let Some(s) = &answer.source {
                add(format!("$.questions[{q}].answers[{a}].source"), s);
            }
        }
    }
    for (s, situation) in plan.situations.iter().enumerate() {
        add(format!("$.situations[{s}].source"), &situation.source);
        for (n, node) in situation.nodes.iter().enumerate() {
            let Node::Steps { steps, .. } = node else {
                continue;
            };
            for (i, step) in steps.iter().enumerate() {
                let path = format!("$.situations[{s}].nodes[{n}].steps[{i}]");
                add(format!("{path}.source"), &step.source);
                if let Some(meeting) = &step.meeting {
                    for (a, item) in meeting.agenda.iter().enumerate() {
                        add(format!("{path}.meeting.agenda[{a}].source"), &item.source);
                    }
                }
            }
        }
    }
}
