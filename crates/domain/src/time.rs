//! Dates and times for people: "23.11.2026 kl. 14:05", in the device's
//! local time. The shell supplies the UTC offset for each moment, so summer
//! and winter time come out right for old entries too.

use crate::case::Millis;

/// Minutes east of UTC at a given moment (60 in Norwegian winter, 120 in summer).
pub type OffsetAt<'a> = &'a dyn Fn(Millis) -> i32;

/// (year, month, day, hour, minute) of a moment in local time.
fn civil(ms: Millis, offset_minutes: i32) -> (i64, u32, u32, u32, u32) {
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
}
