//! Dates and times for people: "23.11.2026 kl. 14:05", in the device's
//! local time. The shell supplies the UTC offset for each moment, so summer
//! and winter time come out right for old entries too.

use crate::case::Millis;

/// Minutes east of UTC at a given moment (60 in Norwegian winter, 120 in summer).
pub type OffsetAt<'a> = &'a dyn Fn(Millis) -> i32;

/// (year, month, day, hour, minute) of a moment in local time.
pub(crate) fn civil(ms: Millis, offset_minutes: i32) -> (i64, u32, u32, u32, u32) {
    let minutes = ms.div_euclid(60_000) + i64::from(offset_minutes);
    let days = minutes.div_euclid(1_440);
    let minute_of_day = minutes.rem_euclid(1_440);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        month,
        day,
        (minute_of_day / 60) as u32,
        (minute_of_day % 60) as u32,
    )
}

pub fn date_time(ms: Millis, offset: OffsetAt) -> String {
    let (y, mo, d, h, mi) = civil(ms, offset(ms));
    format!("{d:02}.{mo:02}.{y} kl. {h:02}:{mi:02}")
}

pub fn date(ms: Millis, offset: OffsetAt) -> String {
    let (y, mo, d, _, _) = civil(ms, offset(ms));
    format!("{d:02}.{mo:02}.{y}")
}

pub fn clock(ms: Millis, offset: OffsetAt) -> String {
    let (_, _, _, h, mi) = civil(ms, offset(ms));
    format!("{h:02}:{mi:02}")
}

/// `YYYY-MM-DD` (as a date input gives it) written the Norwegian way.
pub fn iso_date_for_people(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

/// A calendar day: as a date input gives it (`YYYY-MM-DD`), or the local
/// day a moment falls on. Ordered by time (the fields' order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD`, a day that exists; `None` for anything else.
    pub fn from_iso(text: &str) -> Option<Date> {
        let mut parts = text.trim().split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y) && digits(m) && digits(d)) {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        (1..=days_in_month(date.year, date.month)?)
            .contains(&date.day)
            .then_some(date)
    }

    /// The local day `ms` falls on.
    pub fn of(ms: Millis, offset: OffsetAt) -> Date {
        let (year, month, day, _, _) = civil(ms, offset(ms));
        Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The day before.
    pub fn previous(self) -> Date {
        match (self.month, self.day) {
            (1, 1) => Date {
                year: self.year - 1,
                month: 12,
                day: 31,
            },
            (m, 1) => Date {
                month: m - 1,
                day: days_in_month(self.year, m - 1).unwrap_or(28),
                ..self
            },
            (_, d) => Date { day: d - 1, ..self },
        }
    }

    /// The day after.
    pub fn next(self) -> Date {
        let last = days_in_month(self.year, self.month).unwrap_or(28);
        match (self.month, self.day) {
            (12, 31) => Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            },
            (m, d) if d >= last => Date {
                month: m + 1,
                day: 1,
                ..self
            },
            (_, d) => Date { day: d + 1, ..self },
        }
    }
}

/// The days in `month` (1–12) of `year`; `None` for a month that does not exist.
pub(crate) fn days_in_month(year: i32, month: u8) -> Option<u8> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CET: OffsetAt = &|_| 60;

    #[test]
    fn formats_local_time() {
        // 2026-11-23T13:05:00Z is 14:05 in Norway (winter time).
        let ms = 1_795_439_100_000;
        assert_eq!(date_time(ms, CET), "23.11.2026 kl. 14:05");
        assert_eq!(clock(ms, CET), "14:05");
        assert_eq!(date(ms, CET), "23.11.2026");
    }

    #[test]
    fn crosses_midnight_and_leap_days() {
        // 2024-02-28T23:30:00Z + 1 h = 29 Feb 00:30.
        assert_eq!(date_time(1_709_163_000_000, CET), "29.02.2024 kl. 00:30");
        assert_eq!(date_time(0, &|_| 0), "01.01.1970 kl. 00:00");
        assert_eq!(iso_date_for_people("2026-11-30"), "30.11.2026");
    }

    #[test]
    fn the_day_before_and_after_cross_months_years_and_leap_days() {
        let d = |iso| Date::from_iso(iso).unwrap();
        for (day, next) in [
            ("2024-02-28", "2024-02-29"),
            ("2024-02-29", "2024-03-01"),
            ("2025-02-28", "2025-03-01"),
            ("2026-04-30", "2026-05-01"),
            ("2026-11-23", "2026-11-24"),
            ("2026-12-31", "2027-01-01"),
        ] {
            assert_eq!(d(day).next(), d(next), "{day}");
            assert_eq!(d(next).previous(), d(day), "{next}");
        }
    }

    #[test]
    fn dates_are_read_strictly_and_ordered() {
        let d = Date::from_iso("2024-02-29").unwrap();
        assert_eq!((d.year, d.month, d.day), (2024, 2, 29));
        assert_eq!(d.iso(), "2024-02-29");
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-05",
            "",
            "2026-01-0x",
        ] {
            assert_eq!(Date::from_iso(bad), None, "{bad}");
        }
        assert!(Date::from_iso("2026-11-30") < Date::from_iso("2027-01-01"));
        // 23:30 UTC on 28 Feb is 29 Feb in Norway.
        assert_eq!(Date::of(1_709_163_000_000, CET), d);
    }
}
