//! The referat: a case written out as plain text, laid out for pasting into
//! the school's records (or printing): when, who, the situation, what was done and when,
//! the meeting, the duty-to-inform decisions, agreements and notes.

use crate::case::{Case, Millis};
use crate::engine::{route, Facts};
use crate::plan::Plan;
use crate::time::{clock, date_time, iso_date_for_people, OffsetAt};

/// What was done in the case, oldest first: the steps ticked (with the
/// plan's wording) and the calls made. The case page shows the same list.
pub fn done_in_time_order(plan: &Plan, case: &Case) -> Vec<(Millis, String)> {
    let situation = case.situation.as_deref().and_then(|id| plan.situation(id));
    let steps = situation.into_iter().flat_map(|s| s.all_steps());
    let mut done: Vec<(Millis, String)> = steps
        .filter_map(|step| Some((*case.steps_done.get(&step.id)?, step.text.clone())))
        .collect();
    for call in &case.calls {
        let role = plan
            .role(&call.role)
            .map(|r| r.name.as_str())
            .unwrap_or(&call.role);
        done.push((
            call.at,
            format!("Ringte {} ({role}), {}", call.name, call.phone),
        ));
    }
    done.sort_by_key(|(at, _)| *at);
    done
}

/// The referat for `case`. `offset` gives the local UTC offset at a moment.
pub fn referat(plan: &Plan, case: &Case, offset: OffsetAt) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line("REFERAT – bekymring knyttet til rus");
    let version = plan
        .meta
        .version
        .as_deref()
        .map(|v| format!(" ({v})"))
        .unwrap_or_default();
    line(&format!(
        "Skole: {} – {}{version}",
        plan.meta.school, plan.meta.title
    ));
    let class = if case.class.trim().is_empty() {
        String::new()
    } else {
        format!(" · Klasse: {}", case.class.trim())
    };
    line(&format!("Elev: {}{class}", case.title()));
    line(&format!(
        "Opprettet: {} · Sist endret: {}",
        date_time(case.created_at, offset),
        date_time(case.updated_at, offset)
    ));
    line(&format!(
        "Status: {}",
        case.status.label(plan.records_system())
    ));

    let situation = case.situation.as_deref().and_then(|id| plan.situation(id));
    let guidance = situation.and_then(|s| route(plan, &s.id, &case.facts).ok());

    line("");
    line("SITUASJON");
    match situation {
        Some(s) => line(&s.title),
        None => line("Ingen situasjon valgt."),
    }
    for (question, answer) in answered(plan, &case.facts) {
        line(&format!("{question} {answer}"));
    }

    if let Some(checklist) = &plan.checklist {
        let signs: Vec<&str> = checklist
            .groups
            .iter()
            .flat_map(|g| &g.signs)
            .filter(|s| case.signs.contains(&s.id))
            .map(|s| s.text.as_str())
            .collect();
        if !signs.is_empty() {
            line("");
            line("TEGN SOM ER OBSERVERT");
            for sign in signs {
                line(&format!("- {sign}"));
            }
        }
    }

    line("");
    line("HVA SOM BLE GJORT");
    let done = done_in_time_order(plan, case);
    if done.is_empty() {
        line("Ingenting er krysset av ennå.");
    }
    for (at, text) in &done {
        line(&format!("{}  {text}", clock(*at, offset)));
    }
    if let Some(g) = &guidance {
        let open: Vec<&str> = g
            .steps
            .iter()
            .filter(|s| !case.steps_done.contains_key(&s.step.id))
            .map(|s| s.step.text.as_str())
            .collect();
        if !open.is_empty() {
            line("Ikke krysset av:");
            for text in open {
                line(&format!("- {text}"));
            }
        }
    }

    let planned_meeting = guidance
        .as_ref()
        .and_then(|g| g.meetings().next().map(|(_, m)| m.clone()));
    if planned_meeting.is_some()
        || !case.meeting.date.is_empty()
        || !case.meeting.participants.is_empty()
    {
        line("");
        line("MØTE");
        if !case.meeting.date.is_empty() {
            line(&format!(
                "Dato: {}",
                iso_date_for_people(&case.meeting.date)
            ));
        }
        if !case.meeting.participants.trim().is_empty() {
            line(&format!("Deltakere: {}", case.meeting.participants.trim()));
        } else if let Some(m) = &planned_meeting {
            let names: Vec<&str> = m.participants.iter().map(|r| r.name.as_str()).collect();
            line(&format!("Deltakere etter planen: {}", names.join(", ")));
        }
        if let Some(m) = &planned_meeting {
            line("I møtet skal følgende skje (fra planen):");
            for item in m.agenda {
                line(&format!("- {}", item.text));
            }
        }
    }

    let notes = guidance
        .as_ref()
        .map(|g| g.duty_to_inform.clone())
        .unwrap_or_default();
    if !notes.is_empty() || !case.duty_decisions.is_empty() {
        line("");
        line("TAUSHETSPLIKT OG OPPLYSNINGSPLIKT");
        for note in &notes {
            line(&format!("- {}", note.text));
            if let Some(decision) = case.duty_decisions.get(&note.id) {
                line(&format!("  Vurdering: {}", decision.trim()));
            }
        }
        // Decisions recorded under notes that no longer apply (answers changed).
        for (id, decision) in &case.duty_decisions {
            if !notes.iter().any(|n| &n.id == id) {
                line(&format!("- Vurdering: {}", decision.trim()));
            }
        }
    }

    for (title, text) in [
        ("AVTALER OG OPPFØLGING", &case.follow_up),
        ("NOTATER", &case.notes),
    ] {
        if !text.trim().is_empty() {
            line("");
            line(title);
            line(text.trim());
        }
    }

    if let Some(doc) = &plan.documentation {
        line("");
        line("DOKUMENTASJON (fra planen)");
        line(&doc.text);
    }
    line("");
    line("Skrevet ut fra Rusplan. Slett utkastet på enheten når referatet er ført.");
    out
}

/// The case's answers as (question text, answer label), in the plan's order.
fn answered<'p>(plan: &'p Plan, facts: &Facts) -> Vec<(&'p str, &'p str)> {
    plan.questions
        .iter()
        .filter_map(|q| {
            let given = facts.get(&q.id)?;
            let answer = q.answers.iter().find(|a| a.id == given)?;
            Some((q.text.as_str(), answer.label.as_str()))
        })
        .collect()
}
