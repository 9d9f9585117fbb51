//! Norwegian national identity numbers (fødselsnummer, D-nummer) in free
//! text. A draft must never hold one, whole or in part: the case book checks
//! every text before it is stored.
//!
//! An identity number is eleven digits: a birth date (`DDMMYY`, the day
//! plus 40 for a D-nummer, the month plus 40 or 80 for H- and synthetic
//! numbers), three personal digits and two control digits. Digits are read
//! in any script (full-width, Arabic-Indic, mathematical), as a phone
//! keyboard may give them.
//!
//! What is refused:
//! - eleven digits that start with such a date, written together or with
//!   one space, `.` or `-` after the date (which may itself be written
//!   `DD.MM.YY`). Valid control digits make it certain
//!   ([`Found::IdentityNumber`]); without them it is still most of one, a
//!   digit mistyped ([`Found::LooksLikeIdentityNumber`]). Numbers that do not
//!   start with a date (org numbers, most account and phone numbers) pass;
//! - eleven digits split any other way (`010203 125 60`, `010203 - 12560`)
//!   when their control digits are valid: loose spacing alone is common in
//!   dates and times, the control digits tell an identity number apart;
//! - nine or ten digits written as above that start with such a date
//!   ([`Found::MaybeStartOfOne`]), wherever they stand: typed key by key,
//!   at the end or in the middle, the number would otherwise reach storage
//!   one digit short. Eight digits, a phone number, always pass.

/// What a text holds that must not be stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    /// Nine or ten digits starting with a birth date: where an identity
    /// number typed key by key passes through.
    MaybeStartOfOne,
    /// Eleven digits starting with a birth date, control digits wrong.
    LooksLikeIdentityNumber,
    /// A fødselsnummer or D-nummer with valid control digits.
    IdentityNumber,
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
    let groups = digit_groups(text);
    let strict = strict_runs(&groups).filter_map(|(run, after_plus)| {
        // After `+` comes a country code and a phone number, not a date:
        // only a whole identity number counts there.
        check_run(&run).filter(|found| !after_plus || *found == Found::IdentityNumber)
    });
    strict.chain(loose_find(&groups)).max()
}

/// A run of digits, and how it hangs on to the run before it.
struct Group {
    digits: Vec<u8>,
    /// The characters between the previous group and this one, when they
    /// are all separators (no letter, no line break): at most three.
    gap: Option<String>,
    after_plus: bool,
}

/// The decimal digit a character stands for, in the scripts a phone
/// keyboard may give (ASCII, full-width, Arabic-Indic, mathematical).
fn digit(c: char) -> Option<u8> {
    let code = c as u32;
    let from = |zero: u32| Some((code - zero) as u8);
    match code {
        0x30..=0x39 => from(0x30),
        0xFF10..=0xFF19 => from(0xFF10),
        0x0660..=0x0669 => from(0x0660),
        0x06F0..=0x06F9 => from(0x06F0),
        0x1D7CE..=0x1D7FF => Some(((code - 0x1D7CE) % 10) as u8),
        _ => None,
    }
}

fn digit_groups(text: &str) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut gap = Some(String::new());
    let mut previous = ' ';
    let mut in_digits = false;
    for c in text.chars() {
        match digit(c) {
            Some(d) if in_digits => groups.last_mut().expect("in a group").digits.push(d),
            Some(d) => {
                groups.push(Group {
                    digits: vec![d],
                    gap: gap
                        .take()
                        .filter(|g| !groups.is_empty() && g.chars().count() <= 3),
                    after_plus: previous == '+',
                });
                in_digits = true;
            }
            None => {
                if in_digits {
                    gap = Some(String::new());
                    in_digits = false;
                }
                let separator = !c.is_alphabetic() && c != '\n';
                match (&mut gap, separator) {
                    (Some(g), true) => g.push(c),
                    (g, _) => *g = None,
                }
            }
        }
        previous = c;
    }
    groups
}

/// One of the separators allowed between a date and the rest.
fn strict_gap(group: &Group, allowed: &[char]) -> bool {
    matches!(&group.gap, Some(g) if g.chars().count() == 1 && g.chars().all(|c| allowed.contains(&c)))
}

/// The runs checked in full: digits written together, a date (`DDMMYY` or
/// `DD.MM.YY`) joined to the next run across one separator.
fn strict_runs(groups: &[Group]) -> impl Iterator<Item = (Vec<u8>, bool)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let first = groups.get(i)?;
        let dotted = groups.get(i..i + 3).is_some_and(|g| {
            g.iter().all(|g| g.digits.len() == 2)
                && g[1..].iter().all(|g| strict_gap(g, &['.', '-', '/']))
        });
        let (mut run, mut next) = if dotted {
            (
                groups[i..i + 3]
                    .iter()
                    .flat_map(|g| g.digits.clone())
                    .collect(),
                i + 3,
            )
        } else {
            (first.digits.clone(), i + 1)
        };
        if run.len() == 6 && !first.after_plus {
            if let Some(rest) = groups
                .get(next)
                .filter(|g| strict_gap(g, &[' ', '\u{a0}', '.', '-']))
            {
                run.extend(&rest.digits);
                next += 1;
            }
        }
        i = next;
        Some((run, first.after_plus))
    })
}

fn check_run(digits: &[u8]) -> Option<Found> {
    let mut found = None;
    for window in digits.windows(11) {
        if starts_with_birth_date(window) {
            if control_digits_valid(window) {
                return Some(Found::IdentityNumber);
            }
            found = Some(Found::LooksLikeIdentityNumber);
        }
    }
    // Nine or ten digits from a date on, one or two still to come.
    let unfinished = (0..digits.len().saturating_sub(8))
        .any(|at| digits.len() - at <= 10 && starts_with_birth_date(&digits[at..]));
    found.or(unfinished.then_some(Found::MaybeStartOfOne))
}

/// Eleven digits with valid control digits, starting where a group starts,
/// across groups joined by any short run of separators.
fn loose_find(groups: &[Group]) -> Option<Found> {
    let mut chain: Vec<u8> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 && group.gap.is_none() {
            chain.clear();
            starts.clear();
        }
        starts.push(chain.len());
        chain.extend(&group.digits);
        let found = starts.iter().any(|&at| {
            chain
                .get(at..at + 11)
                .is_some_and(|w| starts_with_birth_date(w) && control_digits_valid(w))
        });
        if found {
            return Some(Found::IdentityNumber);
        }
    }
    None
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
    fn finds_identity_numbers_however_they_are_written() {
        for text in [
            FNR,
            DNR,
            "010203 12560",
            "010203\u{a0}12560",
            "fnr 010203-12560 ringt",
            "x01020312560",
            "01.02.03 12560",
            "010203 125 60",
            "010203 - 12560",
            "010203\t12560",
            "(01020312560)",
            "０１０２０３１２５６０",
            "\u{0660}\u{0661}\u{0660}\u{0662}\u{0660}\u{0663}\u{0661}\u{0662}\u{0665}\u{0666}\u{0660}",
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
        for layout in [FNR, "010203 12560", "01.02.03 12560"] {
            let mut typed = String::new();
            for c in layout.chars() {
                typed.push(c);
                let digits = typed.chars().filter(char::is_ascii_digit).count();
                assert_eq!(find(&typed).is_none(), digits <= 8, "«{typed}»");
            }
        }
    }

    #[test]
    fn typed_into_the_middle_of_a_text_it_is_held_back_too() {
        let mut typed = String::new();
        for digit in FNR.chars() {
            typed.push(digit);
            let text = format!("{typed}Mor ringt.");
            let digits = typed.len();
            assert_eq!(find(&text).is_none(), digits <= 8, "«{text}»");
        }
    }

    #[test]
    fn other_numbers_pass() {
        for text in [
            "12345678",       // a phone number
            "+47 412 34 567", // with country code
            "22 33 44 55",    // a phone number in pairs
            "974760673",      // an org number (day 97)
            "1234.56.78903",  // an account number, written as usual
            "2STA",
            "Møte 12.03.2026 kl 10.15", // a date and a time
            "12.03.26 10.15",
            "12.03.2026 10:15",
            "",
        ] {
            assert_eq!(find(text), None, "{text}");
        }
    }

    #[test]
    fn after_plus_comes_a_phone_number_unless_it_is_a_whole_identity_number() {
        assert_eq!(find("+4741234567"), None);
        assert_eq!(find("+47 41234567"), None);
        assert_eq!(find("+010203 12560"), Some(Found::IdentityNumber));
    }

    #[test]
    fn eleven_digits_not_starting_with_a_date_pass_unless_a_date_starts_inside() {
        // Day 32, month 13, day 00: no birth date at the start, none inside.
        for text in ["32131399999", "01139999999", "00009999999"] {
            assert_eq!(find(text), None, "{text}");
        }
        // A date further in, with nine digits from it: held back.
        assert_eq!(find("32020312356"), Some(Found::MaybeStartOfOne));
    }
}
