//! Norwegian national identity numbers (fødselsnummer, D-nummer) in free
//! text. A draft must never hold one, whole or in part: the case book checks
//! every text before it is stored.
//!
//! An identity number is eleven digits: a birth date (`DDMMYY`, the day
//! plus 40 for a D-nummer, the month plus 40 or 80 for H- and synthetic
//! numbers), three personal digits and two control digits, written with or
//! without one space (or `.`/`-`) after the date.
//!
//! What is refused:
//! - eleven digits that start with such a date. Valid control digits make
//!   it certain ([`Found::IdentityNumber`]); without them it is still most
//!   of one, a digit mistyped ([`Found::LooksLikeIdentityNumber`]). Numbers
//!   that do not start with a date (org numbers, most account and phone
//!   numbers) pass;
//! - nine or ten digits that start with such a date, at the end of what is
//!   typed ([`Found::MaybeStartOfOne`]): typed key by key, the number would
//!   otherwise reach storage one digit short. Eight digits, a phone number,
//!   always pass.

/// What a text holds that must not be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// A fødselsnummer or D-nummer with valid control digits.
    IdentityNumber,
    /// Eleven digits starting with a birth date, control digits wrong.
    LooksLikeIdentityNumber,
    /// Nine or ten digits starting with a birth date: where an identity
    /// number typed key by key passes through.
    MaybeStartOfOne,
}

impl Found {
    /// What the screen says when a text is not stored for this reason.
    pub fn message(self) -> &'static str {
        match self {
            Found::IdentityNumber => {
                "Skriv aldri fødselsnummer eller D-nummer her. Det ble ikke lagret; det som var lagret fra før, står uendret."
            }
            Found::LooksLikeIdentityNumber => {
                "Dette ligner et fødselsnummer. Det ble ikke lagret; det som var lagret fra før, står uendret."
            }
            Found::MaybeStartOfOne => {
                "Ikke lagret ennå: lange tallrekker som kan være starten på et fødselsnummer, lagres ikke. \
                 Telefonnumre skrives med åtte sifre."
            }
        }
    }
}

/// The most serious thing found in `text`, if anything.
pub fn find(text: &str) -> Option<Found> {
    let mut worst = None;
    for run in digit_runs(text) {
        let found = check_run(&run.digits, run.at_end);
        worst = match (worst, found) {
            (None, f) | (f, None) => f,
            (Some(a), Some(b)) => Some(if rank(b) > rank(a) { b } else { a }),
        };
    }
    worst
}

fn rank(found: Found) -> u8 {
    match found {
        Found::MaybeStartOfOne => 0,
        Found::LooksLikeIdentityNumber => 1,
        Found::IdentityNumber => 2,
    }
}

struct Run {
    digits: Vec<u8>,
    /// Nothing but white space follows it: where typing goes on.
    at_end: bool,
}

/// Runs of ASCII digits; a run of exactly six (a birth date) joins the next
/// run across one space, non-breaking space, `.` or `-`. A run right after
/// `+` is a country code's, not a date's, and is not joined. Works on bytes:
/// it runs on every keystroke, over notes of any length.
fn digit_runs(text: &str) -> Vec<Run> {
    let bytes = text.as_bytes();
    let end = text.trim_end().len();
    let mut runs: Vec<Run> = Vec::new();
    let mut i = 0;
    let mut joinable = false;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let digits: Vec<u8> = bytes[start..i].iter().map(|b| b - b'0').collect();
        let at_end = i >= end;
        match runs.last_mut() {
            Some(last) if joinable && separated_by_one(bytes, start) => {
                last.digits.extend(digits);
                last.at_end = at_end;
                joinable = false;
            }
            _ => {
                joinable = digits.len() == 6 && !(start >= 1 && bytes[start - 1] == b'+');
                runs.push(Run { digits, at_end });
            }
        }
    }
    runs
}

/// One separator, and a digit before it, right before `start`.
fn separated_by_one(bytes: &[u8], start: usize) -> bool {
    let ascii = start >= 2 && matches!(bytes[start - 1], b' ' | b'.' | b'-');
    let no_break_space = start >= 3 && bytes[start - 2..start] == [0xC2, 0xA0];
    let sep_len = if ascii {
        1
    } else if no_break_space {
        2
    } else {
        return false;
    };
    bytes[start - sep_len - 1].is_ascii_digit()
}

fn check_run(digits: &[u8], at_end: bool) -> Option<Found> {
    let mut found = None;
    for window in digits.windows(11) {
        if starts_with_birth_date(window) {
            if control_digits_valid(window) {
                return Some(Found::IdentityNumber);
            }
            found = Some(Found::LooksLikeIdentityNumber);
        }
    }
    if found.is_none() && at_end {
        // The last nine or ten digits, with one or two still to come.
        let unfinished = [9, 10].into_iter().any(|len| {
            digits.len() >= len && starts_with_birth_date(&digits[digits.len() - len..])
        });
        if unfinished {
            found = Some(Found::MaybeStartOfOne);
        }
    }
    found
}

fn starts_with_birth_date(d: &[u8]) -> bool {
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    let day = if day > 40 { day - 40 } else { day }; // D-nummer
    let month = match month {
        81..=92 => month - 80, // synthetic (test) numbers
        41..=52 => month - 40, // H-nummer
        m => m,
    };
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

/// The two mod-11 control digits of a fødselsnummer or D-nummer.
fn control_digits_valid(d: &[u8]) -> bool {
    fn control(digits: &[u8], weights: &[u32]) -> Option<u8> {
        let sum: u32 = digits
            .iter()
            .zip(weights)
            .map(|(d, w)| u32::from(*d) * w)
            .sum();
        match 11 - sum % 11 {
            11 => Some(0),
            10 => None,
            k => Some(k as u8),
        }
    }
    let k1 = control(&d[..9], &[3, 7, 6, 1, 8, 9, 4, 5, 2]);
    let k2 = control(&d[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    k1 == Some(d[9]) && k2 == Some(d[10])
}

#[cfg(test)]
mod tests {
    use super::*;

    // Valid control digits, computed by hand: a fødselsnummer for 1 Feb
    // 2003 and a D-nummer (day + 40).
    const FNR: &str = "01020312560";
    const DNR: &str = "41020312392";

    #[test]
    fn the_test_numbers_have_valid_control_digits() {
        for n in [FNR, DNR] {
            let digits: Vec<u8> = n.bytes().map(|b| b - b'0').collect();
            assert!(control_digits_valid(&digits), "{n}");
        }
    }

    #[test]
    fn finds_identity_numbers_with_or_without_a_space() {
        for text in [
            FNR,
            DNR,
            "010203 12560",
            "010203\u{a0}12560",
            "fnr 010203-12560 ringt",
            "x01020312560",
        ] {
            assert_eq!(find(text), Some(Found::IdentityNumber), "{text}");
        }
    }

    #[test]
    fn a_mistyped_number_is_still_most_of_one() {
        assert_eq!(find("01020312345"), Some(Found::LooksLikeIdentityNumber));
    }

    #[test]
    fn typed_key_by_key_nothing_longer_than_a_phone_number_passes() {
        let mut typed = String::new();
        for digit in FNR.chars() {
            typed.push(digit);
            let passes = find(&typed).is_none();
            assert_eq!(passes, typed.len() <= 8, "«{typed}»");
        }
        // With the space, the same.
        let mut typed = String::new();
        for c in "010203 12560".chars() {
            typed.push(c);
            let digits = typed.chars().filter(char::is_ascii_digit).count();
            assert_eq!(find(&typed).is_none(), digits <= 8, "«{typed}»");
        }
    }

    #[test]
    fn other_numbers_pass() {
        for text in [
            "12345678",       // a phone number
            "+47 412 34 567", // with country code
            "974760673",      // an org number (day 97)
            "1234.56.78903",  // an account number, written as usual
            "2STA",
            "Møte 12.03.2026 kl 1015",
            "",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn ten_digits_that_start_with_a_date_wait_only_while_being_typed() {
        assert_eq!(find("4741234567"), Some(Found::MaybeStartOfOne));
        assert_eq!(find("4741234567 "), Some(Found::MaybeStartOfOne));
        assert_eq!(find("4741234567 er feil"), None);
    }

    #[test]
    fn a_date_run_after_plus_is_a_country_code_and_not_joined() {
        assert_eq!(find("+010203 12560 x"), None);
    }

    #[test]
    fn eleven_digits_not_starting_with_a_date_pass() {
        // Day 32 / month 13 / day 00: no birth date.
        for text in ["32020312356 kr", "01130312356 kr", "00020312356 kr"] {
            assert_eq!(find(text), None, "{text}");
        }
        // At the end of what is typed, the last nine digits could still
        // become one ("020312356" + two more).
        assert_eq!(find("32020312356"), Some(Found::MaybeStartOfOne));
    }
}
