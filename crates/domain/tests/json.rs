//! `json` and `store` hold the device's stored format without serde in the
//! wasm, so they are checked against serde_json here: any JSON reads the
//! same, any case and any device contact list is written in exactly the
//! shape serde derives for the types, and reads back from it.

use proptest::prelude::*;
use rusplan_domain::case::{Call, Case, MeetingRecord, Status};
use rusplan_domain::device_contact::DeviceContact;
use rusplan_domain::json::{self, Value};
use rusplan_domain::store::{
    decode, decode_device_contacts, encode, encode_device_contacts, DecodeError, SCHEMA_VERSION,
};
use rusplan_domain::Facts;
use serde::{Deserialize, Serialize};

/// The stored envelope as serde would derive it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Envelope {
    schema: u32,
    case: Case,
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        (-1e300..1e300f64).prop_map(serde_json::Value::from),
        ".*".prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(".*", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn any_case() -> impl Strategy<Value = Case> {
    let text = || ".{0,12}";
    let call = (any::<i64>(), text(), text(), text()).prop_map(|(at, role, name, phone)| Call {
        at,
        role,
        name,
        phone,
    });
    (
        (text(), text(), any::<i64>(), any::<i64>(), any::<u64>()),
        (text(), text(), prop::option::of(text())),
        prop::collection::btree_map(text(), text(), 0..4),
        prop::collection::btree_set(text(), 0..4),
        prop::collection::btree_map(text(), any::<i64>(), 0..4),
        prop::collection::vec(call, 0..3),
        (text(), text(), text(), text()),
        prop::collection::btree_map(text(), text(), 0..3),
        (
            prop::sample::select(Status::ALL.to_vec()),
            prop::option::of(text()),
        ),
    )
        .prop_map(
            |(
                (id, plan_id, created_at, updated_at, revision),
                (pupil_ref, class, situation),
                answers,
                signs,
                steps_done,
                calls,
                (notes, follow_up, date, participants),
                duty_decisions,
                (status, continues),
            )| Case {
                id,
                plan_id,
                created_at,
                updated_at,
                revision,
                pupil_ref,
                class,
                situation,
                facts: answers.iter().fold(Facts::new(), |f, (q, a)| f.with(q, a)),
                signs,
                steps_done,
                calls,
                notes,
                follow_up,
                meeting: MeetingRecord { date, participants },
                duty_decisions,
                status,
                continues,
            },
        )
}

fn any_device_contacts() -> impl Strategy<Value = Vec<DeviceContact>> {
    let contact = (".{0,8}", ".{0,8}", ".{0,8}", ".{0,8}").prop_map(|(id, role, name, phone)| {
        DeviceContact {
            id,
            role,
            name,
            phone,
        }
    });
    prop::collection::vec(contact, 0..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_json_reads_and_writes_as_serde_json_does(value in any_json()) {
        for text in [serde_json::to_string(&value).unwrap(), serde_json::to_string_pretty(&value).unwrap()] {
            // Compared through serde_json's reading of the same text: its
            // own float printing does not always read back bit for bit.
            let ours = json::parse(&text).unwrap();
            let back: serde_json::Value = serde_json::from_str(&ours.to_text()).unwrap();
            prop_assert_eq!(back, serde_json::from_str::<serde_json::Value>(&text).unwrap());
        }
    }

    #[test]
    fn a_case_is_stored_in_serdes_shape_and_read_back_from_it(case in any_case()) {
        let ours = encode(&case);
        let read_by_serde: Envelope = serde_json::from_str(&ours).unwrap();
        prop_assert_eq!(&read_by_serde, &Envelope { schema: SCHEMA_VERSION, case: case.clone() });

        let written_by_serde = serde_json::to_string(&read_by_serde).unwrap();
        prop_assert_eq!(decode(&written_by_serde).unwrap(), case.clone());
        prop_assert_eq!(decode(&ours).unwrap(), case);
    }

    #[test]
    fn device_contacts_are_stored_in_serdes_shape(contacts in any_device_contacts()) {
        let ours = encode_device_contacts(&contacts);
        let read_by_serde: Vec<DeviceContact> = serde_json::from_str(&ours).unwrap();
        prop_assert_eq!(&read_by_serde, &contacts);
        let written_by_serde = serde_json::to_string(&contacts).unwrap();
        prop_assert_eq!(decode_device_contacts(&written_by_serde).unwrap(), contacts);
    }

    /// A stored case damaged in up to three places is read or refused
    /// exactly when serde_json would, and never panics.
    #[test]
    fn damaged_text_is_refused_exactly_when_serde_json_refuses_it(
        case in any_case(),
        damage in prop::collection::vec((any::<prop::sample::Index>(), any::<bool>(), "[\\[\\]{}\",:\\\\/ ntrufals0-9.-]"), 1..4),
    ) {
        let mut text = encode(&case);
        for (at, delete, junk) in damage {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if delete && i < text.len() {
                text.remove(i);
            } else {
                text.insert_str(i, &junk);
            }
        }
        let ours = json::parse(&text);
        let serdes = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), serdes.is_ok(), "{}", text);
        if let (Ok(ours), Ok(serdes)) = (ours, serdes) {
            let back: serde_json::Value = serde_json::from_str(&ours.to_text()).unwrap();
            prop_assert_eq!(back, serdes);
        }
        // And the case reader agrees with serde's derive on what it can
        // read; damage that changed the schema number is migrated or
        // refused instead, which serde knows nothing of.
        let ours = decode(&text);
        match serde_json::from_str::<Envelope>(&text) {
            Ok(e) if e.schema > SCHEMA_VERSION => prop_assert_eq!(ours, Err(DecodeError::NewerSchema(e.schema))),
            Ok(e) if e.schema < SCHEMA_VERSION => {}
            serdes => prop_assert_eq!(ours.ok(), serdes.ok().map(|e| e.case), "{}", text),
        }
    }
}

#[test]
fn escapes_and_surrogate_pairs_are_read() {
    assert_eq!(
        json::parse(r#""a\"\\\/\b\f\n\r\t\u00e6\ud83d\ude00""#),
        Ok(Value::String("a\"\\/\u{8}\u{c}\n\r\tæ😀".into()))
    );
}

#[test]
fn what_json_forbids_is_refused_with_a_reason_in_norwegian() {
    for (text, reason) in [
        ("", "slutter for tidlig"),
        ("{\"a\":1", "slutter for tidlig"),
        ("\"abc", "slutter inne i en streng"),
        ("[1,]", "uventet tegn «]»"),
        ("01", "ugyldig tall"),
        ("-", "ugyldig tall"),
        ("1.", "ugyldig tall"),
        ("1e", "ugyldig tall"),
        ("\"\u{1}\"", "kontrolltegn"),
        (r#""\ud800""#, "ugyldig escape"),
        (r#""\udc00""#, "ugyldig escape"),
        (r#""\x""#, "ugyldig escape"),
        ("{} {}", "uventet tegn «{»"),
        ("tru", "uventet tegn «t»"),
        ("{1:2}", "uventet tegn «1»"),
    ] {
        let err = json::parse(text).expect_err(text);
        assert!(err.contains(reason), "{text:?}: {err}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "{text:?}"
        );
    }
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert!(json::parse(&deep).unwrap_err().contains("nivåer"));
    let fine = "[".repeat(100) + &"]".repeat(100);
    assert!(json::parse(&fine).is_ok());
}

#[test]
fn a_missing_member_with_a_default_takes_it_a_wrong_type_is_refused() {
    let minimal = r#"{"schema":2,"case":{"id":"k","plan_id":"p","created_at":1,"updated_at":2,"revision":3}}"#;
    let case = decode(minimal).unwrap();
    assert_eq!(
        (case.pupil_ref.as_str(), case.status, case.situation),
        ("", Status::Open, None)
    );
    let wrong = minimal.replace("\"revision\":3", "\"revision\":\"3\"");
    assert!(decode(&wrong)
        .unwrap_err()
        .to_string()
        .contains("«revision» har feil type"));
    let missing = minimal.replace(",\"revision\":3", "");
    assert!(decode(&missing)
        .unwrap_err()
        .to_string()
        .contains("«revision» mangler"));
}

#[test]
fn positions_in_messages_count_characters_not_bytes() {
    assert_eq!(
        json::parse("\"æøå\" x").unwrap_err(),
        "uventet tegn «x» ved tegn 7"
    );
    assert_eq!(
        json::parse("[\"ø\\q\"]").unwrap_err(),
        "ugyldig escape ved tegn 4"
    );
}
