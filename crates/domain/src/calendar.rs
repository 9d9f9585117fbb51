//! "Legg i kalender": one follow-up as an iCalendar file (RFC 5545) the
//! phone's calendar imports.
//!
//! Calendars sync to the cloud, so the file says nothing about the pupil or
//! the route: no reference, class, note, agreement or meeting participant,
//! not even the step's text (a step can show an answer, say the age group).
//! The title is the kind of entry and the situation's title from the plan.
//! Written by hand: a calendar crate would be the largest thing in this one
//! for some twenty lines of text.

use std::hash::{Hash, Hasher};

use crate::case::{Case, Millis};
use crate::follow_up::{FollowUp, What};
use crate::plan::Plan;
use crate::time::{civil, Date};

/// When the entry starts: a whole day, or a local time (floating: the
/// calendar reads it in its own time zone, as the staff member means it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Day(Date),
    At { date: Date, hour: u8, minute: u8 },
}

impl Start {
    /// From a date input (`YYYY-MM-DD`) and a time input (`HH:MM`, or empty
    /// for the whole day).
    pub fn from_inputs(date: &str, time: &str) -> Option<Start> {
        let date = Date::from_iso(date)?;
        let time = time.trim();
        if time.is_empty() {
            return Some(Start::Day(date));
        }
        let (h, m) = time.split_once(':')?;
        let (hour, minute) = (h.parse().ok()?, m.parse().ok()?);
        (h.len() == 2 && m.len() == 2 && hour < 24 && minute < 60).then_some(Start::At {
            date,
            hour,
            minute,
        })
    }

    fn date(self) -> Date {
        match self {
            Start::Day(date) | Start::At { date, .. } => date,
        }
    }
}

fn is_meeting(item: &FollowUp) -> bool {
    matches!(item.what, What::Meeting(_))
}

/// The entry's title: its kind, and the situation's title from the plan.
pub fn title(plan: &Plan, case: &Case, item: &FollowUp) -> String {
    let kind = if is_meeting(item) {
        "Møte"
    } else {
        "Oppfølging"
    };
    match case.situation.as_deref().and_then(|id| plan.situation(id)) {
        Some(situation) => format!("{kind} – {}", situation.title),
        None => kind.to_owned(),
    }
}

/// The `.ics` text for `item` of `case`, starting at `start`; `now` stamps it.
pub fn ics(plan: &Plan, case: &Case, item: &FollowUp, start: Start, now: Millis) -> String {
    // The same case and item give the same UID, so adding it again updates
    // the entry. The case id is random, never derived from the pupil. A
    // step's or question's id would tell the branch the case took (which
    // answer was given), so it goes in only as a digest.
    let digest = |id: &str| {
        let mut hasher = std::hash::DefaultHasher::new();
        (case.id.as_str(), id).hash(&mut hasher);
        format!("oppfolging-{:016x}", hasher.finish())
    };
    let key = match item.what {
        What::Step(step) => digest(&step.id),
        What::Meeting(_) => "mote".to_owned(),
        What::Agreements => "avtaler".to_owned(),
        What::Question(question) => digest(&question.id),
    };
    let (y, mo, d, h, mi) = civil(now, 0);
    let second = now.div_euclid(1_000).rem_euclid(60);
    let day = |date: Date| format!("{:04}{:02}{:02}", date.year, date.month, date.day);
    let dtstart = match start {
        Start::Day(date) => format!("DTSTART;VALUE=DATE:{}", day(date)),
        Start::At { date, hour, minute } => {
            format!("DTSTART:{}T{hour:02}{minute:02}00", day(date))
        }
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Rusplan//Rusplan//NB".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}", text(&format!("{}-{key}@rusplan", case.id))),
        format!("DTSTAMP:{y:04}{mo:02}{d:02}T{h:02}{mi:02}{second:02}Z"),
        dtstart,
        format!("SUMMARY:{}", text(&title(plan, case, item))),
        "DESCRIPTION:Detaljene står i saken i Rusplan på enheten.".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in &lines {
        fold(&mut out, line);
    }
    out
}

/// A file name with the kind and the day only.
pub fn file_name(item: &FollowUp, start: Start) -> String {
    let kind = if is_meeting(item) {
        "mote"
    } else {
        "oppfolging"
    };
    format!("rusplan-{kind}-{}.ics", start.date().iso())
}

/// A TEXT value: backslash, comma, semicolon and line breaks escaped, other
/// control characters dropped.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (never inside a character), CRLF-ended.
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}
