//! Is the plan past its revision date? Staff must see when the guidance
//! they act on may be out of date.

use crate::time::days_in_month;
pub use crate::time::Date;

/// The last day a `YYYY-MM` or `YYYY-MM-DD` revision date still covers:
/// "juni 2026" is on time through 30 June.
fn due_by(next_revision: &str) -> Option<Date> {
    let mut parts = next_revision.split('-').map(|p| p.parse().ok());
    let year: i32 = parts.next()??;
    let month: u8 = u8::try_from(parts.next()??).ok()?;
    let day = match parts.next() {
        Some(day) => u8::try_from(day?).ok()?,
        None => days_in_month(year, month)?,
    };
    Some(Date { year, month, day })
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

    fn d(year: i32, month: u8, day: u8) -> Date {
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
