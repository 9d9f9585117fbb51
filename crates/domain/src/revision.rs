//! Is the plan past its revision date? Staff must see when the guidance
//! they act on may be out of date.

/// A calendar date, as the shell reads it from the device clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

/// The last day a `YYYY-MM` or `YYYY-MM-DD` revision date still covers:
/// "juni 2026" is on time through 30 June.
fn due_by(next_revision: &str) -> Option<Date> {
    let mut parts = next_revision.split('-').map(|p| p.parse::<u32>().ok());
    let year = parts.next()??;
    let month = parts.next()??;
    let day = match parts.next() {
        Some(day) => day?,
        None => days_in_month(year, month)?,
    };
    Some(Date { year, month, day })
}

fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// True when `today` is after the plan's revision date. A plan without a
/// readable date is never called overdue here; validation catches that.
pub fn is_overdue(next_revision: Option<&str>, today: Date) -> bool {
    next_revision
        .and_then(due_by)
        .is_some_and(|due| today > due)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: u32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn a_month_is_on_time_through_its_last_day() {
        assert!(!is_overdue(Some("2026-06"), d(2026, 6, 30)));
        assert!(is_overdue(Some("2026-06"), d(2026, 7, 1)));
        assert!(is_overdue(Some("2026-06"), d(2026, 11, 23)));
        assert!(!is_overdue(Some("2026-06"), d(2025, 8, 15)));
    }

    #[test]
    fn an_exact_day_is_on_time_through_that_day() {
        assert!(!is_overdue(Some("2024-02-29"), d(2024, 2, 29)));
        assert!(is_overdue(Some("2024-02-29"), d(2024, 3, 1)));
        assert!(is_overdue(Some("2023-02"), d(2023, 3, 1)));
        assert!(!is_overdue(Some("2023-02"), d(2023, 2, 28)));
    }

    #[test]
    fn no_date_is_never_overdue() {
        assert!(!is_overdue(None, d(2030, 1, 1)));
        assert!(!is_overdue(Some("juni 2026"), d(2030, 1, 1)));
    }
}
