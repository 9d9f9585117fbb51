//! Traceability: every text a plan shows against the source lines it cites.
//!
//! One rule for the tests on the bundled plans (`tests/bundled_plans.rs`)
//! and for the studio: a text is word for word with its cited lines when,
//! both [`normalise`]d, the lines contain it; a line of a procedure is
//! covered when a step, an agenda item or an answer cites it, or it is a
//! heading (empty, ending in a colon, or part of the situation's title).

use crate::plan::{Node, Plan, Source};
use std::collections::BTreeMap;

/// A document's text as lines, by document id (line 1 at index 0).
pub type SourceLines = BTreeMap<String, Vec<String>>;

/// A source text as the lines citations count.
pub fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

/// Lower-cased, bullets dropped, white space folded: how two texts are
/// compared for "the same words".
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !matches!(*w, "-" | "•" | "✓"))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A text the plan shows, where it is in the file, and what it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited<'p> {
    /// A JSON path as the validator writes them.
    pub path: String,
    pub text: &'p str,
    pub source: &'p Source,
}

/// Every text the plan shows with the source it cites.
pub fn cited_texts(plan: &Plan) -> Vec<Cited<'_>> {
    let mut out: Vec<Cited<'_>> = Vec::new();
    macro_rules! add {
        ($path:expr, $text:expr, $source:expr) => {
            out.push(Cited {
                path: $path,
                text: $text,
                source: $source,
            })
        };
    }
    for (i, p) in plan.introduction.iter().enumerate() {
        add!(format!("$.introduction[{i}].text"), &p.text, &p.source);
    }
    for (i, g) in plan.goals.iter().enumerate() {
        add!(format!("$.goals[{i}].text"), &g.text, &g.source);
        if let Some(d) = &g.detail {
            add!(format!("$.goals[{i}].detail"), d, &g.source);
        }
    }
    for (i, r) in plan.roles.iter().enumerate() {
        if let Some(s) = &r.source {
            for (j, duty) in r.duties.iter().enumerate() {
                add!(format!("$.roles[{i}].duties[{j}]"), duty, s);
            }
        }
    }
    for (i, c) in plan.contacts.iter().enumerate() {
        add!(format!("$.contacts[{i}].name"), &c.name, &c.source);
        add!(format!("$.contacts[{i}].phone"), &c.phone, &c.source);
    }
    if let Some(checklist) = &plan.checklist {
        if let Some(g) = &checklist.gut_feeling {
            add!(
                "$.checklist.gut_feeling.text".to_owned(),
                &g.text,
                &g.source
            );
        }
        for (i, group) in checklist.groups.iter().enumerate() {
            for (j, sign) in group.signs.iter().enumerate() {
                let path = format!("$.checklist.groups[{i}].signs[{j}].text");
                add!(path, &sign.text, &sign.source);
            }
        }
    }
    if let Some(p) = &plan.prevention {
        for (i, t) in p.text.iter().enumerate() {
            add!(format!("$.prevention.text[{i}].text"), &t.text, &t.source);
        }
        for (i, g) in p.groups.iter().enumerate() {
            add!(
                format!("$.prevention.groups[{i}].title"),
                &g.title,
                &g.source
            );
            for (j, item) in g.items.iter().enumerate() {
                add!(
                    format!("$.prevention.groups[{i}].items[{j}]"),
                    item,
                    &g.source
                );
            }
        }
    }
    for (name, list) in [
        ("protective_factors", &plan.protective_factors),
        ("risk_factors", &plan.risk_factors),
    ] {
        if let Some(list) = list {
            for (j, item) in list.items.iter().enumerate() {
                add!(format!("$.{name}.items[{j}]"), item, &list.source);
            }
        }
    }
    if let Some(c) = &plan.confidentiality {
        for (i, t) in c.text.iter().enumerate() {
            add!(
                format!("$.confidentiality.text[{i}].text"),
                &t.text,
                &t.source
            );
        }
        for (i, n) in c.duty_to_inform.iter().enumerate() {
            let path = format!("$.confidentiality.duty_to_inform[{i}].text");
            add!(path, &n.text, &n.source);
        }
        for (i, a) in c.advice.iter().enumerate() {
            add!(
                format!("$.confidentiality.advice[{i}].text"),
                &a.text,
                &a.source
            );
        }
    }
    if let Some(d) = &plan.documentation {
        add!("$.documentation.text".to_owned(), &d.text, &d.source);
    }
    if let Some(a) = &plan.conversation_advice {
        for (j, item) in a.items.iter().enumerate() {
            add!(format!("$.conversation_advice.items[{j}]"), item, &a.source);
        }
    }
    for (s, situation) in plan.situations.iter().enumerate() {
        for (n, node) in situation.nodes.iter().enumerate() {
            let Node::Steps { steps, .. } = node else {
                continue;
            };
            for (k, step) in steps.iter().enumerate() {
                let at = format!("$.situations[{s}].nodes[{n}].steps[{k}]");
                add!(format!("{at}.text"), &step.text, &step.source);
                for (a, item) in step
                    .meeting
                    .iter()
                    .flat_map(|m| m.agenda.iter().enumerate())
                {
                    let path = format!("{at}.meeting.agenda[{a}].text");
                    add!(path, &item.text, &item.source);
                }
            }
        }
    }
    out
}

/// A text that is not word for word in the lines it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct Departure {
    pub path: String,
    pub text: String,
    pub lines: [u32; 2],
    /// The text's first word (0-based, of its normalised words) from which
    /// it no longer follows the cited lines; `None` when the lines are not
    /// in the document at all.
    pub from_word: Option<usize>,
    /// The cited lines, normalised.
    pub cited: String,
}

impl std::fmt::Display for Departure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [first, last] = self.lines;
        match self.from_word {
            None => write!(
                f,
                "{}: linje {first}–{last} finnes ikke i kildeteksten",
                self.path
            ),
            Some(word) => {
                let text = normalise(&self.text);
                let from = text.split(' ').nth(word).unwrap_or("");
                write!(
                    f,
                    "{}: teksten følger ikke linje {first}–{last} ordrett fra «{from}»",
                    self.path
                )
            }
        }
    }
}

/// Texts that depart from the lines they cite. Texts citing a document the
/// caller has no text for are left out (there is nothing to compare).
pub fn departures(plan: &Plan, sources: &SourceLines) -> Vec<Departure> {
    let mut out = Vec::new();
    for item in cited_texts(plan) {
        let Some(lines) = sources.get(&item.source.document) else {
            continue;
        };
        let [first, last] = item.source.lines;
        let in_document = first >= 1 && first <= last && last as usize <= lines.len();
        if !in_document {
            out.push(Departure {
                path: item.path,
                text: item.text.to_owned(),
                lines: item.source.lines,
                from_word: None,
                cited: String::new(),
            });
            continue;
        }
        let cited = normalise(&lines[first as usize - 1..last as usize].join(" "));
        let Some(kept) = departs_at(item.text, &cited) else {
            continue;
        };
        out.push(Departure {
            path: item.path,
            text: item.text.to_owned(),
            lines: item.source.lines,
            from_word: Some(kept),
            cited,
        });
    }
    out
}

/// Where `text` stops following `cited` (already [`normalise`]d): the
/// first of its normalised words (0-based) after the longest opening the
/// lines contain; `None` when the lines contain it all. The studio's
/// live check of a text being edited, and [`departures`]' rule.
pub fn departs_at(text: &str, cited: &str) -> Option<usize> {
    let text = normalise(text);
    if cited.contains(&text) {
        return None;
    }
    let words: Vec<&str> = text.split(' ').collect();
    // The longest opening of the text found in the lines: it departs
    // at the word after it.
    let kept = (0..words.len())
        .rev()
        .find(|&n| cited.contains(&words[..n].join(" ")))
        .unwrap_or(0);
    Some(kept)
}

/// A line of a procedure no step cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncovered {
    pub situation: String,
    /// 1-based, as citations count.
    pub line: u32,
    pub text: String,
}

/// The lines of each situation's source range that no step, agenda item
/// or answer cites, headings and list intros aside. Situations whose
/// document the caller has no text for are left out.
pub fn uncovered_lines(plan: &Plan, sources: &SourceLines) -> Vec<Uncovered> {
    let mut out = Vec::new();
    for situation in &plan.situations {
        let Some(lines) = sources.get(&situation.source.document) else {
            continue;
        };
        let mut ranges: Vec<[u32; 2]> = Vec::new();
        for step in situation.all_steps() {
            ranges.push(step.source.lines);
            ranges.extend(
                step.meeting
                    .iter()
                    .flat_map(|m| m.agenda.iter().map(|a| a.source.lines)),
            );
        }
        for question in &plan.questions {
            ranges.extend(
                question
                    .answers
                    .iter()
                    .filter_map(|a| a.source.as_ref())
                    .map(|s| s.lines),
            );
        }
        let [first, last] = situation.source.lines;
        let title = normalise(&situation.title);
        for n in first.max(1)..=last.min(lines.len() as u32) {
            let text = lines[n as usize - 1].trim();
            // Headings and list intros ("Rektor/ledelse sørger for at:") carry no step.
            let is_heading =
                text.is_empty() || text.ends_with(':') || title.contains(&normalise(text));
            let covered = ranges.iter().any(|[a, b]| (*a..=*b).contains(&n));
            if !covered && !is_heading {
                out.push(Uncovered {
                    situation: situation.id.clone(),
                    line: n,
                    text: text.to_owned(),
                });
            }
        }
    }
    out
}
