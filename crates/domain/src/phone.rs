//! Phone numbers as plans print them ("970 83 705", "02800") and as `tel:`
//! links need them.

/// Why a printed number is not one a phone can dial.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    BadCharacter(char),
    WrongLength(usize),
}

impl std::fmt::Display for PhoneError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhoneError::Empty => write!(f, "nummeret er tomt"),
            PhoneError::BadCharacter(c) => write!(f, "tegnet «{c}» hører ikke hjemme i et telefonnummer"),
            PhoneError::WrongLength(n) => write!(
                f,
                "{n} sifre: et norsk nummer har 8 sifre (eller 3–5 for korte nummer som 113 og 1881, 6 for 116-nummer som 116 117)"
            ),
        }
    }
}

/// The number as a `tel:` link target: digits only, with `+47` in front of
/// ordinary 8-digit Norwegian numbers so they also dial from abroad.
///
/// Accepts spaces, dots and dashes between digits and an optional `+47` or
/// other `+` country code. Short Norwegian numbers (113, 02800) stay as they
/// are: they only work without a country code.
pub fn tel_target(printed: &str) -> Result<String, PhoneError> {
    let trimmed = printed.trim();
    if trimmed.is_empty() {
        return Err(PhoneError::Empty);
    }
    let (international, rest) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '\u{a0}' => {}
            other => return Err(PhoneError::BadCharacter(other)),
        }
    }
    if international {
        if let Some(national) = digits.strip_prefix("47") {
            return match national.len() {
                8 => Ok(format!("+47{national}")),
                n => Err(PhoneError::WrongLength(n)),
            };
        }
        return match digits.len() {
            7..=15 => Ok(format!("+{digits}")),
            n => Err(PhoneError::WrongLength(n)),
        };
    }
    match digits.len() {
        8 => Ok(format!("+47{digits}")),
        // Norwegian short numbers start with 0 or 1 (113, 1881, 02800).
        3..=5 if digits.starts_with(['0', '1']) => Ok(digits),
        // The European 116 numbers (116 117 legevakt, 116 111 for
        // children and young people) are six digits.
        6 if digits.starts_with("116") => Ok(digits),
        n => Err(PhoneError::WrongLength(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_mobile_numbers_get_the_country_code() {
        assert_eq!(tel_target("970 83 705").unwrap(), "+4797083705");
        assert_eq!(tel_target("+47 458 78 021").unwrap(), "+4745878021");
    }

    #[test]
    fn short_numbers_stay_short() {
        assert_eq!(tel_target("02800").unwrap(), "02800");
        assert_eq!(tel_target("113").unwrap(), "113");
        assert_eq!(tel_target("116 117").unwrap(), "116117");
    }

    #[test]
    fn malformed_numbers_are_rejected() {
        assert_eq!(tel_target(""), Err(PhoneError::Empty));
        assert_eq!(tel_target("970 83 7O5"), Err(PhoneError::BadCharacter('O')));
        assert_eq!(tel_target("970 83 70"), Err(PhoneError::WrongLength(7)));
        assert_eq!(tel_target("900 00"), Err(PhoneError::WrongLength(5)));
        assert_eq!(tel_target("117 116"), Err(PhoneError::WrongLength(6)));
        assert_eq!(tel_target("+47 970"), Err(PhoneError::WrongLength(3)));
    }
}
