//! Dates, times and numbers as each language writes them, from CLDR through ICU4X: month
//! and weekday names, the order of the parts, 12 or 24 hours, and the digits. Pages and
//! mails both format through here, always in the time zone they are given (the group's).

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use icu_calendar::Gregorian;
use icu_datetime::fieldsets::{T, YM, YMD, YMDE};
use icu_datetime::input::{Date, Time};
use icu_datetime::{DateTimeFormatterPreferences, FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};

use super::Locale;

/// The CLDR locale a language formats with. English is British (day before month, 24
/// hours); Arabic writes Arabic-Indic digits, which CLDR's `ar` no longer defaults to.
fn cldr(locale: &Locale) -> icu_locale_core::Locale {
    let tag = match locale.lang {
        "en" => "en-GB",
        "ar" => "ar-u-nu-arab",
        other => other,
    };
    tag.parse().unwrap_or(icu_locale_core::Locale::UNKNOWN)
}

fn prefs(locale: &Locale) -> DateTimeFormatterPreferences {
    (&cldr(locale)).into()
}

fn gregorian(date: NaiveDate) -> Option<Date<Gregorian>> {
    let (month, day) = (u8::try_from(date.month()).ok()?, u8::try_from(date.day()).ok()?);
    Date::try_new_gregorian(date.year(), month, day).ok()
}

fn clock(time: NaiveTime) -> Option<Time> {
    let (hour, minute) = (u8::try_from(time.hour()).ok()?, u8::try_from(time.minute()).ok()?);
    Time::try_new(hour, minute, 0, 0).ok()
}

/// "Wednesday, 11 June 2014", "mercredi 11 juin 2014", "الأربعاء، ١١ يونيو ٢٠١٤".
pub fn long_date(locale: &Locale, date: NaiveDate) -> String {
    gregorian(date)
        .and_then(|d| {
            FixedCalendarDateTimeFormatter::try_new(prefs(locale), YMDE::long())
                .ok()
                .map(|f| f.format(&d).to_string())
        })
        .unwrap_or_else(|| date.to_string())
}

/// "11 Jun 2014", compact enough for table cells.
pub fn short_date(locale: &Locale, date: NaiveDate) -> String {
    gregorian(date)
        .and_then(|d| {
            FixedCalendarDateTimeFormatter::try_new(prefs(locale), YMD::medium())
                .ok()
                .map(|f| f.format(&d).to_string())
        })
        .unwrap_or_else(|| date.to_string())
}

/// "Jun 2014", the timeline's month labels.
pub fn month_year(locale: &Locale, date: NaiveDate) -> String {
    gregorian(date)
        .and_then(|d| {
            FixedCalendarDateTimeFormatter::try_new(prefs(locale), YM::medium())
                .ok()
                .map(|f| f.format(&d).to_string())
        })
        .unwrap_or_else(|| date.format("%Y-%m").to_string())
}

/// The long date of an instant in the zone `tz`.
pub fn local_date(locale: &Locale, at: DateTime<Utc>, tz: Tz) -> String {
    long_date(locale, at.with_timezone(&tz).date_naive())
}

/// "14:00", or "٢:٠٠ م" where the language counts 12 hours.
pub fn local_time(locale: &Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    let fallback = || local.format("%H:%M").to_string();
    let Some(time) = clock(local.time()) else {
        return fallback();
    };
    NoCalendarFormatter::try_new(prefs(locale), T::hm())
        .map(|f| f.format(&time).to_string())
        .unwrap_or_else(|_| fallback())
}

/// "mercredi 11 juin 2014 à 14:00": the long date and the time, joined as the language
/// joins them (a translation, since CLDR's own joins differ in length and style).
pub fn date_at_time(locale: &Locale, at: DateTime<Utc>, tz: Tz) -> String {
    locale.t_args(
        "date-at-time",
        &[
            ("date", local_date(locale, at, tz).into()),
            ("time", local_time(locale, at, tz).into()),
        ],
    )
}

/// A meeting's time as mails give it, the zone named: "mercredi 11 juin 2014 à 14:00
/// (Africa/Bamako)".
pub fn meeting_time(locale: &Locale, at: DateTime<Utc>, tz: Tz) -> String {
    format!("{} ({})", date_at_time(locale, at, tz), tz.name())
}

/// "Wednesday, 11 June 2014, 14:00–16:00": a meeting's day and hours.
pub fn date_and_hours(locale: &Locale, starts: DateTime<Utc>, ends: DateTime<Utc>, tz: Tz) -> String {
    locale.t_args(
        "date-and-hours",
        &[
            ("date", local_date(locale, starts, tz).into()),
            ("start", local_time(locale, starts, tz).into()),
            ("end", local_time(locale, ends, tz).into()),
        ],
    )
}

/// "11 Jun 2014, 14:00": an instant in a list (tokens used, mails sent).
pub fn stamp(locale: &Locale, at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    let fallback = || local.format("%Y-%m-%d %H:%M").to_string();
    let (Some(date), Some(time)) = (gregorian(local.date_naive()), clock(local.time())) else {
        return fallback();
    };
    FixedCalendarDateTimeFormatter::try_new(prefs(locale), YMD::medium().with_time_hm())
        .map(|f| f.format(&icu_datetime::input::DateTime { date, time }).to_string())
        .unwrap_or_else(|_| fallback())
}

/// An integer in the language's digits, ungrouped: counts, and numbers that name things
/// ("#9001") where a thousands separator would mislead.
pub fn number(locale: &Locale, n: i64) -> String {
    let mut options = DecimalFormatterOptions::default();
    options.grouping_strategy = Some(GroupingStrategy::Never);
    DecimalFormatter::try_new((&cldr(locale)).into(), options)
        .map(|f| f.format(&Decimal::from(n)).to_string())
        .unwrap_or_else(|_| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    fn in_lang(lang: &str) -> Locale {
        Locale::negotiate(Some(lang))
    }

    /// 14:00 in Beirut (UTC+3 in summer) on Wednesday 11 June 2014.
    fn meeting() -> (DateTime<Utc>, DateTime<Utc>, Tz) {
        let starts = "2014-06-11T11:00:00Z".parse().unwrap();
        let ends = "2014-06-11T13:00:00Z".parse().unwrap();
        (starts, ends, chrono_tz::Asia::Beirut)
    }

    #[test]
    fn a_meeting_time_reads_as_each_language_writes_it() {
        let (starts, _, tz) = meeting();
        let expected = [
            ("en", "Wednesday, 11 June 2014, 14:00"),
            ("fr", "mercredi 11 juin 2014 à 14:00"),
            ("es", "miércoles, 11 de junio de 2014, 14:00"),
            ("ar", "الأربعاء، ١١ يونيو ٢٠١٤، الساعة ٢:٠٠ م"),
        ];
        for (lang, when) in expected {
            assert_eq!(date_at_time(&in_lang(lang), starts, tz), when, "{lang}");
        }
        assert_eq!(
            meeting_time(&in_lang("fr"), starts, tz),
            "mercredi 11 juin 2014 à 14:00 (Asia/Beirut)"
        );
    }

    #[test]
    fn a_meetings_day_and_hours_stay_in_the_groups_zone() {
        let (starts, ends, tz) = meeting();
        let expected = [
            ("en", "Wednesday, 11 June 2014, 14:00–16:00"),
            ("fr", "mercredi 11 juin 2014, de 14:00 à 16:00"),
            ("es", "miércoles, 11 de junio de 2014, de 14:00 a 16:00"),
            ("ar", "الأربعاء، ١١ يونيو ٢٠١٤، من ٢:٠٠ م إلى ٤:٠٠ م"),
        ];
        for (lang, when) in expected {
            assert_eq!(date_and_hours(&in_lang(lang), starts, ends, tz), when, "{lang}");
        }
        // Just before midnight UTC it is already the next day in Beirut.
        let late = "2014-06-11T22:30:00Z".parse().unwrap();
        assert_eq!(local_date(&in_lang("en"), late, tz), "Thursday, 12 June 2014");
    }

    #[test]
    fn short_dates_months_and_stamps_per_language() {
        let day = NaiveDate::from_ymd_opt(2014, 6, 20).unwrap();
        let expected = [
            ("en", "20 Jun 2014", "Jun 2014"),
            ("fr", "20 juin 2014", "juin 2014"),
            ("es", "20 jun 2014", "jun 2014"),
            ("ar", "٢٠\u{200f}/٠٦\u{200f}/٢٠١٤", "٠٦\u{200f}/٢٠١٤"),
        ];
        for (lang, short, month) in expected {
            assert_eq!(short_date(&in_lang(lang), day), short, "{lang}");
            assert_eq!(month_year(&in_lang(lang), day), month, "{lang}");
        }
        let (starts, _, tz) = meeting();
        assert_eq!(stamp(&in_lang("fr"), starts, tz), "11 juin 2014, 14:00");
    }

    #[test]
    fn numbers_take_the_languages_digits_without_grouping() {
        assert_eq!(number(&in_lang("ar"), 9001), "٩٠٠١");
        assert_eq!(number(&in_lang("fr"), 9001), "9001");
    }
}
