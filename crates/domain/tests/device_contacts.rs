//! Numbers staff add on the device are checked against the plan.

mod common;

use rusplan_domain::device_contact::{DeviceContact, DeviceContactError};

#[test]
fn a_number_for_a_role_without_one_is_accepted_and_trimmed() {
    let plan = common::plan("kjentmann-brosjyre");
    let c = DeviceContact::new(
        &plan,
        "1".into(),
        "kjentmann",
        "  Kari Nordmann ",
        " 412 34 567 ",
    )
    .unwrap();
    assert_eq!(
        (c.name.as_str(), c.phone.as_str(), c.role.as_str()),
        ("Kari Nordmann", "412 34 567", "kjentmann")
    );
}

#[test]
fn pupil_bound_roles_unknown_roles_bad_numbers_and_blank_names_are_refused() {
    let plan = common::plan("kjentmann-brosjyre");
    let new = |role: &str, name: &str, phone: &str| {
        DeviceContact::new(&plan, "1".into(), role, name, phone)
    };
    assert_eq!(
        new("foresatte", "Mor", "412 34 567"),
        Err(DeviceContactError::PupilRole("Foresatte".into()))
    );
    assert_eq!(
        new("rektor", "Rektor", "412 34 567"),
        Err(DeviceContactError::UnknownRole("rektor".into()))
    );
    assert_eq!(
        new("kjentmann", "  ", "412 34 567"),
        Err(DeviceContactError::MissingName)
    );
    assert!(matches!(
        new("kjentmann", "Kari", "41 23"),
        Err(DeviceContactError::Phone(_))
    ));
    assert!(new("kjentmann", "Kari", "abc")
        .unwrap_err()
        .to_string()
        .contains("kan ikke ringes"));
}

#[test]
fn no_identity_number_and_no_hidden_characters_reach_a_device_number() {
    let plan = common::plan("kjentmann-brosjyre");
    let new =
        |name: &str, phone: &str| DeviceContact::new(&plan, "1".into(), "kjentmann", name, phone);
    assert_eq!(
        new("Kari", "+01020312560"),
        Err(DeviceContactError::IdentityNumber)
    );
    assert_eq!(
        new("Mor 010203 12560", "412 34 567"),
        Err(DeviceContactError::IdentityNumber)
    );
    assert_eq!(new("Kari\u{202E}x", "412 34 567").unwrap().name, "Karix");
}
