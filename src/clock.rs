//! Today's date from the device clock (browser glue for the pure
//! `rusplan_domain::revision`).

use rusplan_domain::revision::Date;

pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date {
        year: now.get_full_year(),
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}
