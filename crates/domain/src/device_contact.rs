//! Numbers staff add on their own device for a role the plan names but
//! gives no number for (the kjentmann brochure has roles only).

use crate::identity_number;
use crate::phone::{tel_target, PhoneError};
use crate::plan::Plan;
use crate::text::neutralise;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceContact {
    pub id: String,
    pub role: String,
    pub name: String,
    pub phone: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceContactError {
    UnknownRole(String),
    /// Pupil-bound roles (foresatte, the pupil) would put pupil data on the
    /// device outside a case; they are not offered.
    PupilRole(String),
    MissingName,
    Phone(PhoneError),
    /// A name or number that holds an identity number is never stored.
    IdentityNumber,
}

impl std::fmt::Display for DeviceContactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::UnknownRole(role) => write!(f, "Planen har ingen rolle «{role}»."),
            Self::PupilRole(role) => write!(
                f,
                "Nummer for «{role}» lagres ikke her: det hører til den enkelte elev."
            ),
            Self::MissingName => write!(f, "Skriv navnet (eller tittelen) til personen."),
            Self::Phone(err) => write!(f, "Telefonnummeret kan ikke ringes: {err}."),
            Self::IdentityNumber => write!(
                f,
                "Dette ligner et fødselsnummer. Det lagres ikke; skriv et telefonnummer og et navn eller en tittel."
            ),
        }
    }
}

impl DeviceContact {
    /// Checks a contact typed in by staff against the plan.
    pub fn new(
        plan: &Plan,
        id: String,
        role: &str,
        name: &str,
        phone: &str,
    ) -> Result<Self, DeviceContactError> {
        let Some(found) = plan.role(role) else {
            return Err(DeviceContactError::UnknownRole(role.to_owned()));
        };
        if found.per_pupil {
            return Err(DeviceContactError::PupilRole(found.name.clone()));
        }
        let name = neutralise(name);
        let name = name.trim();
        if name.is_empty() {
            return Err(DeviceContactError::MissingName);
        }
        if identity_number::find(name).is_some() || identity_number::find(phone).is_some() {
            return Err(DeviceContactError::IdentityNumber);
        }
        tel_target(phone).map_err(DeviceContactError::Phone)?;
        Ok(Self {
            id,
            role: role.to_owned(),
            name: name.to_owned(),
            phone: phone.trim().to_owned(),
        })
    }
}
