//! Excel's numbers for times and dates: a time as a fraction of a day, a date-time as days since
//! 1900 (with Excel's phantom 1900-02-29).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// An Excel time: the fraction of a day in `[0, 1)`, rounded to the second.
pub(crate) fn day_fraction(v: f64) -> Option<NaiveTime> {
    if !(0.0..1.0).contains(&v) {
        return None;
    }
    let secs = ((v * 86_400.0).round() as u32).min(86_399);
    NaiveTime::from_num_seconds_from_midnight_opt(secs, 0)
}

/// An Excel serial date-time (1900 date system), rounded to the second.
pub(crate) fn serial(v: f64) -> Option<NaiveDateTime> {
    if !(1.0..2_958_466.0).contains(&v) {
        return None;
    }
    // Excel counts 1900-02-29, which did not exist: serials from 61 on are 1899-12-30 based.
    let epoch = if v >= 61.0 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    let secs = (v * 86_400.0).round() as i64;
    let at = epoch.and_time(NaiveTime::MIN) + chrono::Duration::seconds(secs);
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> Option<NaiveTime> {
        NaiveTime::from_hms_opt(h, m, 0)
    }

    #[test]
    fn excel_serials() {
        assert_eq!(day_fraction(0.375), t(9, 0));
        assert_eq!(day_fraction(0.40625), t(9, 45));
        let at = serial(46492.5625).unwrap();
        assert_eq!(at.to_string(), "2027-04-15 13:30:00");
    }
}
