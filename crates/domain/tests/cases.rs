//! Cases: storage envelope and migration (from saved fixtures), and the
//! referat written from a case run through a real plan.

mod common;

use rusplan_domain::case::{Call, Case, CaseEdit, Status};
use rusplan_domain::referat::referat;
use rusplan_domain::store::{decode, encode, DecodeError, SCHEMA_VERSION};

const CET: &dyn Fn(i64) -> i32 = &|_| 60;
/// 2026-11-23 10:00 in Norway.
const T0: i64 = 1_795_424_400_000;
const MINUTE: i64 = 60_000;

#[test]
fn a_case_round_trips_through_the_current_schema() {
    let mut case = Case::new("k1".into(), "halden-vgs", T0);
    case.apply(CaseEdit::PupilRef("AB".into()), T0);
    case.apply(
        CaseEdit::Step {
            step: "kontakt-ledelse".into(),
            done: true,
        },
        T0 + MINUTE,
    );
    let text = encode(&case);
    assert!(text.starts_with(&format!("{{\"schema\":{SCHEMA_VERSION},")));
    assert_eq!(decode(&text).unwrap(), case);
}

#[test]
fn schema_1_drafts_are_migrated() {
    let case = decode(include_str!("fixtures/case-schema-1.json")).unwrap();
    assert_eq!(case.pupil_ref, "AB");
    assert_eq!(case.class, "2STA");
    assert_eq!(case.notes, "Skrevet i første versjon.");
    assert_eq!(case.status, Status::Transferred);
    assert_eq!(case.revision, 0);
    assert_eq!(case.steps_done["kontakt-ledelse"], 1_795_430_100_000);
}

#[test]
fn schema_2_fixture_reads_as_is() {
    let case = decode(include_str!("fixtures/case-schema-2.json")).unwrap();
    assert_eq!(
        (case.pupil_ref.as_str(), case.revision, case.status),
        ("Elev 3", 7, Status::Open)
    );
    assert_eq!(case.facts.get("samtale"), Some("innrommer"));
}

#[test]
fn damaged_and_newer_entries_are_refused_not_guessed() {
    assert!(matches!(
        decode("{\"schema\":2,\"case\":{\"id\":"),
        Err(DecodeError::Unreadable(_))
    ));
    assert!(matches!(
        decode("not json"),
        Err(DecodeError::Unreadable(_))
    ));
    assert_eq!(
        decode("{\"schema\":9,\"case\":{}}"),
        Err(DecodeError::NewerSchema(9))
    );
    let bad_status = include_str!("fixtures/case-schema-1.json").replace("overfort", "borte");
    assert!(matches!(decode(&bad_status), Err(DecodeError::Unreadable(m)) if m.contains("borte")));
}

fn halden_case() -> Case {
    let mut case = Case::new("k1".into(), "halden-vgs", T0);
    let edits = [
        CaseEdit::PupilRef("AB".into()),
        CaseEdit::Class("2STA".into()),
        CaseEdit::Situation(Some("alternativ-3".into())),
        CaseEdit::Answer {
            question: "alder".into(),
            answer: "under-18".into(),
        },
        CaseEdit::Sign {
            sign: "humorsvingninger".into(),
            ticked: true,
        },
        CaseEdit::Step {
            step: "kontakt-ledelse".into(),
            done: true,
        },
        CaseEdit::Called(Call {
            at: 0,
            role: "ledelse".into(),
            name: "Kristin Støten".into(),
            phone: "970 83 705".into(),
        }),
        CaseEdit::Step {
            step: "ut-av-undervisningen".into(),
            done: true,
        },
        CaseEdit::DutyDecision {
            note: "foresatte-under-18".into(),
            text: "Mor ringt kl. 10.20.".into(),
        },
        CaseEdit::MeetingDate("2026-11-30".into()),
        CaseEdit::FollowUp("Oppfølgingssamtale med miljøveileder.".into()),
        CaseEdit::Notes("<img src=x onerror=alert(1)>".into()),
    ];
    for (i, edit) in edits.into_iter().enumerate() {
        let at = T0 + i as i64 * MINUTE;
        let edit = match edit {
            CaseEdit::Called(call) => CaseEdit::Called(Call { at, ..call }),
            other => other,
        };
        case.apply(edit, at);
    }
    case
}

#[test]
fn the_referat_lays_out_who_what_and_when() {
    let plan = common::plan("halden-vgs");
    let text = referat(&plan, &halden_case(), CET);
    let expected_in_order = [
        "REFERAT – bekymring knyttet til rus",
        "Skole: Halden videregående skole – Handlingsplan mot rus (august 2025)",
        "Elev: AB · Klasse: 2STA",
        "Opprettet: 23.11.2026 kl. 10:00 · Sist endret: 23.11.2026 kl. 10:11",
        "Status: Åpen",
        "SITUASJON\nAlternativ 3: eleven opptrer ruset på skolen\nEr eleven under 18 år? Under 18 år",
        "TEGN SOM ER OBSERVERT\n- Viser eleven humørsvingninger (sløv, frustrert, aggressiv)?",
        "HVA SOM BLE GJORT\n10:05  Rektor/ledelse kontaktes.\n10:06  Ringte Kristin Støten (Rektor/ledelse), 970 83 705\n10:07  Eleven tas umiddelbart ut av undervisningen",
        "Ikke krysset av:\n- Samtale med eleven hvor eleven bortvises for resten av dagen",
        "MØTE\nDato: 30.11.2026\nDeltakere etter planen: Eleven, Kontaktlærer, Miljøveileder med ansvar for rusrelaterte saker, Foresatte",
        "- Gjennomgå situasjonen og planlegge videre oppfølging av eleven",
        "TAUSHETSPLIKT OG OPPLYSNINGSPLIKT",
        "- Dersom eleven er under 18 år skal alltid foresatte informeres om bekymringen",
        "  Vurdering: Mor ringt kl. 10.20.",
        "AVTALER OG OPPFØLGING\nOppfølgingssamtale med miljøveileder.",
        "NOTATER\n<img src=x onerror=alert(1)>",
        "DOKUMENTASJON (fra planen)\nDet vil i etterkant være både nyttig og nødvendig",
    ];
    let mut from = 0;
    for part in expected_in_order {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("«{part}» missing after byte {from}:\n{text}"));
        from += at + part.len();
    }
    assert!(
        !text.contains("samtykke"),
        "no over-18 consent note for a pupil under 18"
    );
}

#[test]
fn a_blank_case_still_makes_a_referat() {
    let plan = common::plan("kjentmann-brosjyre");
    let case = Case::new("k2".into(), "kjentmann-brosjyre", T0);
    let text = referat(&plan, &case, CET);
    assert!(text.contains("Elev: Uten elevreferanse"));
    assert!(text.contains("Ingen situasjon valgt."));
    assert!(text.contains("Ingenting er krysset av ennå."));
    assert!(
        !text.contains("DOKUMENTASJON"),
        "the brochure has no documentation rule"
    );
}

#[test]
fn edits_from_two_tabs_both_land_when_applied_to_the_stored_copy() {
    // Each tab applies its edit to what is stored now, never to its own
    // stale copy: that is the rule the browser store follows.
    let mut stored = encode(&Case::new("k1".into(), "halden-vgs", T0));
    for (at, edit) in [
        (
            1,
            CaseEdit::Step {
                step: "a".into(),
                done: true,
            },
        ),
        (2, CaseEdit::Notes("fra fane B".into())),
        (
            3,
            CaseEdit::Step {
                step: "b".into(),
                done: true,
            },
        ),
    ] {
        let mut case = decode(&stored).unwrap();
        case.apply(edit, T0 + at);
        stored = encode(&case);
    }
    let case = decode(&stored).unwrap();
    assert_eq!(case.steps_done.len(), 2);
    assert_eq!(case.notes, "fra fane B");
    assert_eq!(case.revision, 3);
}

#[test]
fn a_transferred_draft_stored_before_the_rename_still_reads() {
    let stored = include_str!("fixtures/case-schema-2.json").replace(
        "\"status\":\"open\"",
        "\"status\":\"transferred_to_elements\"",
    );
    let case = decode(&stored).unwrap();
    assert_eq!(case.status, Status::Transferred);
    assert!(encode(&case).contains("\"status\":\"transferred_to_elements\""));
}

#[test]
fn the_status_and_the_referat_name_the_plans_system_or_none() {
    let halden = common::plan("halden-vgs");
    let system = halden.records_system();
    assert_eq!(system, Some("Elements"));
    assert_eq!(Status::Transferred.label(system), "Overført til Elements");

    let brochure = common::plan("kjentmann-brosjyre");
    assert_eq!(brochure.records_system(), None);
    let mut case = decode(include_str!("fixtures/case-schema-2.json")).unwrap();
    case.apply(CaseEdit::Status(Status::Transferred), T0);
    let text = referat(&brochure, &case, CET);
    assert!(
        text.contains("Status: Overført til skolens arkiv"),
        "{text}"
    );
    for status in Status::ALL {
        assert!(!status.label(None).contains("Elements"));
    }
    assert!(!text.contains("Elements"), "{text}");
}

#[test]
fn the_default_plan_is_the_first_file_so_a_one_plan_build_uses_its_own() {
    use rusplan_domain::plan::default_plan_id;
    assert_eq!(default_plan_id(common::BUNDLED), Some("halden-vgs"));
    assert_eq!(
        default_plan_id(["kjentmann-brosjyre"]),
        Some("kjentmann-brosjyre")
    );
    assert_eq!(default_plan_id(["b", "a-b", "a"]), Some("a"));
    assert_eq!(default_plan_id([]), None);
}
