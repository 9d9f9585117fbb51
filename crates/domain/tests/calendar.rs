//! "Legg i kalender": the .ics text's structure (RFC 5545: CRLF, folding at
//! 75 octets, escaping, the required properties), and that nothing about
//! the pupil reaches a calendar that syncs to the cloud.

mod common;

use rusplan_domain::calendar::{file_name, ics, title, Start};
use rusplan_domain::case::{Call, Case, CaseEdit};
use rusplan_domain::follow_up::{follow_ups, FollowUp, What};
use rusplan_domain::time::Date;

/// 2026-11-23 10:00:07 in Norway (09:00:07 UTC).
const T0: i64 = 1_795_424_407_000;

fn day(iso: &str) -> Date {
    Date::from_iso(iso).unwrap()
}

fn unfold(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_owned)
        .collect()
}

fn value<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines.iter().filter_map(|l| l.strip_prefix(name)).collect()
}

/// A case whose every typed field holds a distinctive word.
fn case_full_of_pupil_text() -> Case {
    let mut case = Case::new("c0ffee".into(), "halden-vgs", T0);
    let edits = [
        CaseEdit::PupilRef("Qwzx Elevnavn".into()),
        CaseEdit::Class("3KLASSEQ".into()),
        CaseEdit::Situation(Some("alternativ-3".into())),
        CaseEdit::Answer {
            question: "alder".into(),
            answer: "under-18".into(),
        },
        CaseEdit::Notes("Notatord hemmelig".into()),
        CaseEdit::FollowUp("Avtaleord med mor".into()),
        CaseEdit::MeetingDate("2026-11-30".into()),
        CaseEdit::MeetingParticipants("Deltakerord Farsnavn".into()),
        CaseEdit::DutyDecision {
            note: "foresatte-under-18".into(),
            text: "Vurderingsord".into(),
        },
        CaseEdit::Called(Call {
            at: T0,
            role: "ledelse".into(),
            name: "Ringtnavn".into(),
            phone: "412 34 567".into(),
        }),
    ];
    for edit in edits {
        case.apply(edit, T0);
    }
    case
}

#[test]
fn the_file_is_rfc_5545_text() {
    let plan = common::plan("halden-vgs");
    let case = case_full_of_pupil_text();
    let items = follow_ups(&plan, &case, day("2026-11-23"));
    let meeting = items
        .iter()
        .find(|f| matches!(f.what, What::Meeting(_)))
        .unwrap();
    let text = ics(&plan, &case, meeting, Start::Day(day("2026-11-30")), T0);

    assert!(text.ends_with("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains(['\r', '\n']),
        "CRLF only"
    );
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
    }
    let lines = unfold(&text);
    assert_eq!(lines[..2], ["BEGIN:VCALENDAR", "VERSION:2.0"]);
    assert_eq!(
        lines[lines.len() - 3..],
        ["END:VEVENT", "END:VCALENDAR", ""]
    );
    assert_eq!(value(&lines, "PRODID:"), ["-//Rusplan//Rusplan//NB"]);
    assert_eq!(value(&lines, "UID:"), ["c0ffee-mote@rusplan"]);
    assert_eq!(value(&lines, "DTSTAMP:"), ["20261123T090007Z"]);
    assert_eq!(value(&lines, "DTSTART;VALUE=DATE:"), ["20261130"]);
    assert_eq!(
        value(&lines, "SUMMARY:"),
        ["Møte – Alternativ 3: eleven opptrer ruset på skolen"]
    );
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);

    // A local time is floating: no Z, no time zone.
    let at = Start::from_inputs("2026-11-30", "14:15").unwrap();
    let lines = unfold(&ics(&plan, &case, meeting, at, T0));
    assert_eq!(value(&lines, "DTSTART:"), ["20261130T141500"]);
    // The same entry added again keeps its UID, so the calendar updates it.
    assert_eq!(value(&lines, "UID:"), ["c0ffee-mote@rusplan"]);
    let step = items
        .iter()
        .find(|f| matches!(f.what, What::Step(_)))
        .unwrap();
    let lines = unfold(&ics(&plan, &case, step, at, T0));
    // A step's id would tell the branch (the answer given): a digest only,
    // the same each time, and not another step's.
    let uid_of = |item| value(&unfold(&ics(&plan, &case, item, at, T0)), "UID:").concat();
    let uid = uid_of(step);
    assert!(
        uid.starts_with("c0ffee-oppfolging-") && !uid.contains("undervisningen"),
        "{uid}"
    );
    assert_eq!(uid_of(step), uid);
    let mut other_case = case.clone();
    other_case.id = "beef".into();
    let other = value(&unfold(&ics(&plan, &other_case, step, at, T0)), "UID:").concat();
    assert!(
        other.starts_with("beef-oppfolging-") && other[4..] != uid[6..],
        "{other}"
    );
    assert!(value(&lines, "UID:").concat() == uid);
    assert_eq!(
        value(&lines, "SUMMARY:"),
        ["Oppfølging – Alternativ 3: eleven opptrer ruset på skolen"]
    );
}

#[test]
fn text_is_escaped_and_long_lines_fold_between_characters() {
    let mut plan = rusplan_domain::load_plan(include_str!("plans/fjord-skole.json")).unwrap();
    let situation = &mut plan.situations[0];
    // The fixture's title has ';' and ','; add a backslash, a line break
    // and enough æøå to fold inside two-octet characters.
    situation.title = format!("{}\\ny linje\nøæå{}", situation.title, "ø".repeat(60));
    let mut case = Case::new("k1".into(), "fjord-skole", T0);
    case.apply(CaseEdit::Situation(Some("funn".into())), T0);
    let item = FollowUp {
        what: What::Agreements,
        urgency: None,
        due: None,
    };
    let text = ics(&plan, &case, &item, Start::Day(day("2026-12-01")), T0);
    let summary_lines: Vec<&str> = text
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| !l.starts_with("DESCRIPTION:"))
        .collect();
    assert!(summary_lines.len() >= 3, "{summary_lines:?}");
    for line in &summary_lines {
        assert!(line.len() <= 75);
    }
    assert!(summary_lines[1..].iter().all(|l| l.starts_with(' ')));
    let lines = unfold(&text);
    assert_eq!(
        value(&lines, "SUMMARY:"),
        [format!(
            "Oppfølging – Funn av rusmidler\\; i sekk\\, skap eller klasserom\\\\ny linje\\nøæå{}",
            "ø".repeat(60)
        )
        .as_str()]
    );
    assert_eq!(
        title(&plan, &case, &item),
        format!("Oppfølging – {}", plan.situations[0].title)
    );
}

#[test]
fn nothing_about_the_pupil_or_the_route_reaches_the_calendar() {
    let plan = common::plan("halden-vgs");
    let case = case_full_of_pupil_text();
    let typed = [
        "Qwzx",
        "Elevnavn",
        "3KLASSEQ",
        "Notatord",
        "Avtaleord",
        "Deltakerord",
        "Farsnavn",
        "Vurderingsord",
        "Ringtnavn",
        "412 34 567",
    ];
    // Route-dependent plan text would tell the age group or the outcome.
    let route_words = [
        "Under 18",
        "under 18",
        "Foresatte",
        "foresatte",
        "Kontaktlærer",
    ];
    let items = follow_ups(&plan, &case, day("2026-11-23"));
    let agreements = FollowUp {
        what: What::Agreements,
        urgency: None,
        due: None,
    };
    assert!(items.len() >= 2);
    for item in items.iter().chain([&agreements]) {
        let start = Start::from_inputs("2026-11-30", "08:00").unwrap();
        let text = ics(&plan, &case, item, start, T0);
        let name = file_name(item, start);
        for word in typed.iter().chain(&route_words) {
            assert!(!text.contains(word), "{word} in {text}");
            assert!(!name.contains(word), "{word} in {name}");
        }
        assert!(
            name.is_ascii() && name.ends_with("-2026-11-30.ics"),
            "{name}"
        );
    }
    let meeting = items
        .iter()
        .find(|f| matches!(f.what, What::Meeting(_)))
        .unwrap();
    assert_eq!(
        file_name(meeting, Start::Day(day("2026-11-30"))),
        "rusplan-mote-2026-11-30.ics"
    );
    assert_eq!(
        file_name(&agreements, Start::Day(day("2026-11-30"))),
        "rusplan-oppfolging-2026-11-30.ics"
    );
}

#[test]
fn start_comes_from_the_date_and_time_inputs() {
    let d = day("2026-11-30");
    assert_eq!(Start::from_inputs("2026-11-30", ""), Some(Start::Day(d)));
    assert_eq!(
        Start::from_inputs("2026-11-30", "09:05"),
        Some(Start::At {
            date: d,
            hour: 9,
            minute: 5
        })
    );
    for (date, time) in [
        ("", ""),
        ("2026-11-31", ""),
        ("2026-11-30", "24:00"),
        ("2026-11-30", "9:05"),
        ("2026-11-30", "09:60"),
    ] {
        assert_eq!(Start::from_inputs(date, time), None, "{date} {time}");
    }
}
