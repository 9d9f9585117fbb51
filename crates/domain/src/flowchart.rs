//! A situation as a flowchart: its questions as branches, its steps as
//! boxes, the answers and `when` conditions on the arrows, derived from the
//! plan data alone; and the chart as SVG.
//!
//! The SVG is plain text built here (no drawing library): every plan text
//! is escaped, text is wrapped to the boxes, and it carries no `style`
//! (presentation attributes only), so it passes a strict CSP both as a file
//! shown in `<img>` (the plan page) and inline (the studio). Each box is a
//! `<g class="flow-node" data-kind=… data-id=…>`, which the tests read.

use crate::plan::{Condition, Node, Plan, Situation};
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Question,
    Step,
    End,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Question => "question",
            Kind::Step => "step",
            Kind::End => "end",
        }
    }
}

/// One box: a question node, a step, or an end.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowNode {
    pub kind: Kind,
    /// The node's id (questions, ends) or the step's id.
    pub id: String,
    pub text: String,
    /// Who does a step and how soon, as the plan words them.
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// The answer, or the condition a step is taken on.
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Flowchart {
    pub title: String,
    pub nodes: Vec<FlowNode>,
    pub edges: Vec<Edge>,
    /// The box a route starts in, if the situation has any.
    pub start: Option<usize>,
}

/// "bare når: Under 18 år": a condition in the plan's own labels.
pub fn condition_text(plan: &Plan, condition: &Condition) -> String {
    let labels: Vec<&str> = match plan.question(&condition.question) {
        Some(q) => condition
            .answer_in
            .iter()
            .map(|a| {
                q.answers
                    .iter()
                    .find(|x| &x.id == a)
                    .map_or(a.as_str(), |x| x.label.as_str())
            })
            .collect(),
        None => condition.answer_in.iter().map(String::as_str).collect(),
    };
    format!("bare når: {}", labels.join(" eller "))
}

/// The situation's graph, in the plan's node order.
pub fn flowchart<'s>(plan: &Plan, situation: &'s Situation) -> Flowchart {
    let mut nodes = Vec::new();
    // Node id → (first box, last box); `None` for a node without steps.
    let mut span: BTreeMap<&'s str, Option<(usize, usize)>> = BTreeMap::new();
    let mut edges = Vec::new();
    for node in &situation.nodes {
        match node {
            Node::Question { id, question, .. } => {
                let text = plan
                    .question(question)
                    .map_or_else(|| question.clone(), |q| q.text.clone());
                span.insert(id, Some((nodes.len(), nodes.len())));
                nodes.push(FlowNode {
                    kind: Kind::Question,
                    id: id.clone(),
                    text,
                    detail: None,
                });
            }
            Node::Steps { id, steps, .. } => {
                let first = nodes.len();
                for (i, step) in steps.iter().enumerate() {
                    let who = step
                        .responsible
                        .as_deref()
                        .map(|r| plan.role(r).map_or(r, |role| role.name.as_str()));
                    let detail = match (who, step.urgency.as_deref()) {
                        (Some(who), Some(when)) => Some(format!("{who} · {when}")),
                        (Some(who), None) => Some(who.to_owned()),
                        (None, Some(when)) => Some(when.to_owned()),
                        (None, None) => None,
                    };
                    if i > 0 {
                        edges.push(Edge {
                            from: nodes.len() - 1,
                            to: nodes.len(),
                            label: step.when.as_ref().map(|c| condition_text(plan, c)),
                        });
                    }
                    nodes.push(FlowNode {
                        kind: Kind::Step,
                        id: step.id.clone(),
                        text: step.text.clone(),
                        detail,
                    });
                }
                span.insert(id, (!steps.is_empty()).then(|| (first, nodes.len() - 1)));
            }
            Node::End { id } => {
                span.insert(id, Some((nodes.len(), nodes.len())));
                nodes.push(FlowNode {
                    kind: Kind::End,
                    id: id.clone(),
                    text: "Slutt".to_owned(),
                    detail: None,
                });
            }
        }
    }
    // Where a route arriving at a node goes first: a node without steps
    // passes on to its `next` (bounded, in case the plan has a cycle).
    let entry = |mut id: &'s str| -> Option<usize> {
        for _ in 0..=situation.nodes.len() {
            match span.get(id)? {
                Some((first, _)) => return Some(*first),
                None => match situation.node(id)? {
                    Node::Steps {
                        next: Some(next), ..
                    } => id = next,
                    _ => return None,
                },
            }
        }
        None
    };
    let first_step_condition = |id: &str| -> Option<String> {
        let Some(Node::Steps { steps, .. }) = situation.node(id) else {
            return None;
        };
        steps
            .first()?
            .when
            .as_ref()
            .map(|c| condition_text(plan, c))
    };
    for node in &situation.nodes {
        match node {
            Node::Question {
                id, question, next, ..
            } => {
                let from = span[id.as_str()].expect("a question has a box").0;
                let answers = plan.question(question).map(|q| &q.answers);
                // In the question's answer order, then any the plan lacks.
                let mut order: Vec<(&str, String)> = answers
                    .into_iter()
                    .flatten()
                    .filter(|a| next.contains_key(&a.id))
                    .map(|a| (a.id.as_str(), a.label.clone()))
                    .collect();
                for answer in next.keys() {
                    if !order.iter().any(|(id, _)| id == answer) {
                        order.push((answer, answer.clone()));
                    }
                }
                // Answers that lead to the same place share one arrow.
                let mut arrows: Vec<(usize, &str, Vec<String>)> = Vec::new();
                for (answer, label) in order {
                    let target = next[answer].as_str();
                    let Some(to) = entry(target) else { continue };
                    match arrows.iter_mut().find(|(t, _, _)| *t == to) {
                        Some((_, _, labels)) => labels.push(label),
                        None => arrows.push((to, target, vec![label])),
                    }
                }
                for (to, target, labels) in arrows {
                    let mut label = labels.join(" / ");
                    if let Some(c) = first_step_condition(target) {
                        label = format!("{label}; {c}");
                    }
                    edges.push(Edge {
                        from,
                        to,
                        label: Some(label),
                    });
                }
            }
            Node::Steps {
                id,
                next: Some(next),
                ..
            } => {
                if let (Some((_, last)), Some(to)) = (span[id.as_str()], entry(next)) {
                    edges.push(Edge {
                        from: last,
                        to,
                        label: first_step_condition(next),
                    });
                }
            }
            _ => {}
        }
    }
    Flowchart {
        title: situation.title.clone(),
        start: entry(&situation.start),
        nodes,
        edges,
    }
}

/// Every situation's chart of the plan, by situation id.
pub fn flowcharts(plan: &Plan) -> Vec<(String, Flowchart)> {
    plan.situations
        .iter()
        .map(|s| (s.id.clone(), flowchart(plan, s)))
        .collect()
}

/// Text for SVG and HTML: the five characters that could end a text or an
/// attribute, escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` in lines of at most `width` characters, broken at spaces (a word
/// longer than a line is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

const BOX_WIDTH: u32 = 260;
const GAP_X: u32 = 40;
const MARGIN: u32 = 16;
const LINE: u32 = 18;
const PAD: u32 = 10;
/// Characters per line at 14 px in a box: a wide glyph is about 8 px.
const CHARS: usize = 29;
const LABEL_CHARS: usize = 32;
const LABEL_LINE: u32 = 15;

/// Each box's row: the longest path to it from the start (or from the
/// first box when nothing leads to it). Bounded, so a cycle ends.
fn rows(chart: &Flowchart) -> Vec<usize> {
    let n = chart.nodes.len();
    let mut row = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for e in &chart.edges {
            if e.from != e.to && row[e.to] < row[e.from] + 1 && row[e.from] + 1 < n {
                row[e.to] = row[e.from] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    row
}

/// The chart as an SVG document. `prefix` keeps its ids unique when
/// several charts are in one page.
pub fn to_svg(chart: &Flowchart, prefix: &str) -> String {
    let prefix = &escape(prefix);
    let rows_of = rows(chart);
    let row_count = rows_of.iter().max().map_or(0, |m| m + 1);
    let lines: Vec<(Vec<String>, Vec<String>)> = chart
        .nodes
        .iter()
        .map(|n| {
            let detail = n
                .detail
                .as_deref()
                .map_or_else(Vec::new, |d| wrap(d, CHARS));
            (wrap(&n.text, CHARS), detail)
        })
        .collect();
    let height_of = |i: usize| PAD * 2 + LINE * (lines[i].0.len() + lines[i].1.len()).max(1) as u32;
    let label_lines: Vec<Vec<String>> = chart
        .edges
        .iter()
        .map(|e| {
            e.label
                .as_deref()
                .map_or_else(Vec::new, |l| wrap(l, LABEL_CHARS))
        })
        .collect();
    // Each row's boxes, the row's height, and the room above it for labels.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); row_count];
    for (i, r) in rows_of.iter().enumerate() {
        members[*r].push(i);
    }
    let columns = members.iter().map(Vec::len).max().unwrap_or(1).max(1) as u32;
    let width = MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * GAP_X;
    let mut top = vec![0u32; chart.nodes.len()];
    let mut left = vec![0u32; chart.nodes.len()];
    let mut y = MARGIN;
    for (r, row) in members.iter().enumerate() {
        let label_room = chart
            .edges
            .iter()
            .zip(&label_lines)
            .filter(|(e, _)| rows_of[e.to] == r)
            .map(|(_, l)| l.len() as u32 * LABEL_LINE + 8)
            .max()
            .unwrap_or(0);
        if r > 0 {
            y += 28 + label_room;
        }
        let used = row.len() as u32 * BOX_WIDTH + (row.len() as u32).saturating_sub(1) * GAP_X;
        let mut x = (width - used) / 2;
        for &i in row {
            top[i] = y;
            left[i] = x;
            x += BOX_WIDTH + GAP_X;
        }
        y += row.iter().map(|&i| height_of(i)).max().unwrap_or(0);
    }
    let height = y + MARGIN;

    let mut svg = String::new();
    let title = escape(&chart.title);
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flowchart\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{prefix}-title\" \
         font-family=\"system-ui, sans-serif\" font-size=\"14\">\
         <title id=\"{prefix}-title\">Flytskjema: {title}</title>\
         <defs><marker id=\"{prefix}-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
         markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">\
         <path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333333\"/></marker></defs>\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    for (e, label) in chart.edges.iter().zip(&label_lines) {
        let (x1, y1) = (
            left[e.from] + BOX_WIDTH / 2,
            top[e.from] + height_of(e.from),
        );
        let (x2, y2) = (left[e.to] + BOX_WIDTH / 2, top[e.to]);
        let _ = write!(
            svg,
            "<g class=\"flow-edge\"><line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" \
             stroke=\"#333333\" stroke-width=\"1.5\" marker-end=\"url(#{prefix}-arrow)\"/>"
        );
        if !label.is_empty() {
            // Just above the box the arrow enters, inside its column, on a
            // white ground so a crossing arrow does not strike it through.
            let x = left[e.to] + 4;
            let first = y2 - 8 - (label.len() as u32 - 1) * LABEL_LINE - 4;
            let widest = label.iter().map(|l| l.chars().count()).max().unwrap_or(0) as u32;
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\
                 <text x=\"{x}\" y=\"{first}\" font-size=\"13\" fill=\"#5a3a00\">",
                x - 2,
                first - 12,
                (widest * 7 + 4).min(BOX_WIDTH),
                label.len() as u32 * LABEL_LINE + 2
            );
            for (i, l) in label.iter().enumerate() {
                let dy = if i == 0 { 0 } else { LABEL_LINE };
                let _ = write!(svg, "<tspan x=\"{x}\" dy=\"{dy}\">{}</tspan>", escape(l));
            }
            svg.push_str("</text>");
        }
        svg.push_str("</g>");
    }
    for (i, node) in chart.nodes.iter().enumerate() {
        let (fill, stroke, rx) = match node.kind {
            Kind::Question => ("#fff4d6", "#8a5a00", 18),
            Kind::Step => ("#eef4ff", "#1f4e99", 4),
            Kind::End => ("#eeeeee", "#555555", 20),
        };
        let (x, y, h) = (left[i], top[i], height_of(i));
        let _ = write!(
            svg,
            "<g class=\"flow-node\" data-kind=\"{}\" data-id=\"{}\">\
             <rect x=\"{x}\" y=\"{y}\" width=\"{BOX_WIDTH}\" height=\"{h}\" rx=\"{rx}\" \
             fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"#111111\">",
            node.kind.name(),
            escape(&node.id),
            x + PAD,
            y + PAD + 13
        );
        for (j, l) in lines[i].0.iter().enumerate() {
            let dy = if j == 0 { 0 } else { LINE };
            let weight = if node.kind == Kind::Question {
                " font-weight=\"bold\""
            } else {
                ""
            };
            let _ = write!(
                svg,
                "<tspan x=\"{}\" dy=\"{dy}\"{weight}>{}</tspan>",
                x + PAD,
                escape(l)
            );
        }
        for l in &lines[i].1 {
            let _ = write!(
                svg,
                "<tspan x=\"{}\" dy=\"{LINE}\" fill=\"#333333\" font-style=\"italic\">{}</tspan>",
                x + PAD,
                escape(l)
            );
        }
        svg.push_str("</text></g>");
    }
    svg.push_str("</svg>\n");
    svg
}
