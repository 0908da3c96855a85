//! User-facing strings, from Project Fluent files under `locales/`.

pub mod dates;

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The files of one language: one per part of the product, so that each part keeps its
/// own messages.
macro_rules! bundled {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/main.ftl")),
            include_str!(concat!("../locales/", $lang, "/meetings.ftl")),
            include_str!(concat!("../locales/", $lang, "/mail.ftl")),
            include_str!(concat!("../locales/", $lang, "/workplan.ftl")),
        ]
    };
}

/// The languages with a complete set of messages, their writing direction and files.
const LANGUAGES: &[(&str, &str, &[&str])] = &[
    ("en", "ltr", &bundled!("en")),
    ("fr", "ltr", &bundled!("fr")),
    ("es", "ltr", &bundled!("es")),
    ("ar", "rtl", &bundled!("ar")),
];

/// Fluent's numbers (`{ $count }`) in the digits of the language at `LANGUAGES[I]`; a
/// bundle's formatter is a plain function, hence one per language.
fn number_in<const I: usize, M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let (lang, dir, _) = LANGUAGES[I];
    // Fractions keep Fluent's own rendering; the messages only count whole things.
    (number.value.fract() == 0.0 && number.options.minimum_fraction_digits.is_none())
        .then(|| dates::number(&Locale { lang, dir }, number.value as i64))
}

/// The number formatter of the language at `LANGUAGES[index]`.
fn numbers_of<M>(index: usize) -> fn(&FluentValue<'_>, &M) -> Option<String> {
    const { assert!(LANGUAGES.len() == 4, "one formatter per language") };
    [
        number_in::<0, M>,
        number_in::<1, M>,
        number_in::<2, M>,
        number_in::<3, M>,
    ][index]
}

static BUNDLES: LazyLock<HashMap<&'static str, FluentBundle<FluentResource>>> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .enumerate()
        .map(|(index, (lang, _, sources))| {
            let id: LanguageIdentifier = lang.parse().expect("language tags in LANGUAGES are valid");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks would end up inside plain-text mail and CSV cells.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(numbers_of(index)));
            for source in *sources {
                let resource = FluentResource::try_new((*source).to_owned()).expect("bundled .ftl files parse");
                bundle
                    .add_resource(resource)
                    .expect("bundled .ftl files have no duplicate ids");
            }
            (*lang, bundle)
        })
        .collect()
});

/// A language to render in: its tag, writing direction and messages.
#[derive(Clone, Copy)]
pub struct Locale {
    pub lang: &'static str,
    pub dir: &'static str,
}

impl Default for Locale {
    fn default() -> Self {
        Locale { lang: "en", dir: "ltr" }
    }
}

impl Locale {
    /// Every bundled language, in the order a language menu lists them.
    pub fn all() -> impl Iterator<Item = Locale> {
        LANGUAGES.iter().map(|(lang, dir, _)| Locale { lang, dir })
    }

    /// The bundled language with this exact tag (`fr`), if any.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Locale::all().find(|locale| locale.lang == tag)
    }

    /// A language chosen in a form: one of the bundled ones by tag (`fr`), or empty
    /// for none chosen.
    pub fn chosen(value: &str) -> crate::domain::validate::Checked<Option<&'static str>> {
        match value.trim() {
            "" => Ok(None),
            tag => Locale::from_tag(tag)
                .map(|locale| Some(locale.lang))
                .ok_or("invalid-choice"),
        }
    }

    /// The language named by a stored tag, English for one no longer bundled.
    pub fn of(tag: &str) -> Self {
        Locale::from_tag(tag).unwrap_or_default()
    }

    /// The best supported match for an `Accept-Language` header, else English: the
    /// highest quality first, and among equal ones the header's order.
    pub fn negotiate(accept_language: Option<&str>) -> Self {
        Locale::accepted(accept_language).unwrap_or_default()
    }

    /// Like [`Locale::negotiate`], but `None` when no bundled language is accepted.
    pub fn accepted(accept_language: Option<&str>) -> Option<Self> {
        let mut ranges: Vec<(&str, f32)> = accept_language
            .into_iter()
            .flat_map(|header| header.split(','))
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let primary = pieces.next()?.trim().split('-').next()?;
                let quality = match pieces.find_map(|p| p.trim().strip_prefix("q=")) {
                    Some(q) => q.trim().parse().ok()?,
                    None => 1.0,
                };
                Some((primary, quality))
            })
            .filter(|(_, quality)| *quality > 0.0)
            .collect();
        ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
        ranges
            .iter()
            .find_map(|(primary, _)| Locale::all().find(|locale| locale.lang.eq_ignore_ascii_case(primary)))
    }

    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    pub fn t_args(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, Some(&fluent_args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = &BUNDLES[self.lang];
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(message_id = id, lang = self.lang, "missing translation");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(message_id = id, ?errors, "translation could not be formatted");
        }
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message id the code asks for exists in every bundled language.
    #[test]
    fn every_message_used_in_the_source_is_translated() {
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for call in [".t(\"", ".t_args(\""] {
                for (start, _) in source.match_indices(call) {
                    let rest = &source[start + call.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    for (lang, bundle) in BUNDLES.iter() {
                        if bundle.get_message(id).is_none() {
                            missing.push(format!("{lang}: {id} ({})", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing messages:\n{}", missing.join("\n"));
    }

    /// Enum values are turned into message ids at run time (`action-status-done`).
    #[test]
    fn every_enum_value_shown_to_people_is_translated() {
        use crate::domain::*;
        let ids = ActionStatus::ALL
            .iter()
            .map(|v| format!("action-status-{v}"))
            .chain(MeetingStatus::ALL.iter().map(|v| format!("meeting-status-{v}")))
            .chain(TaskStatus::ALL.iter().map(|v| format!("task-status-{v}")))
            .chain(OwnerRole::ALL.iter().map(|v| format!("owner-role-{v}")))
            .chain(GroupKind::ALL.iter().map(|v| format!("group-kind-{v}")))
            .chain(Role::ALL.iter().map(|v| format!("role-{v}")))
            .chain(OrganizationKind::ALL.iter().map(|v| format!("org-kind-{v}")))
            .chain(Role::ALL.iter().map(|v| format!("role-{v}")))
            .chain(UpdateVia::ALL.iter().map(|v| format!("via-{v}")))
            .chain(
                ["due", "number", "topic", "status"]
                    .iter()
                    .map(|v| format!("action-sort-{v}")),
            )
            .chain(std::iter::once("org-kind-none".to_owned()));
        // Message ids returned by checks and shown with `locale.t(problem)`.
        let problems = [
            "invalid-required",
            "invalid-too-long",
            "invalid-email",
            "invalid-time-zone",
            "invalid-date",
            "invalid-choice",
            "invalid-days",
            "invalid-term-order",
            "password-too-short",
            "password-too-long",
            "password-mismatch",
            "password-is-email",
        ];
        for id in ids.chain(problems.iter().map(|p| p.to_string())) {
            for (lang, bundle) in BUNDLES.iter() {
                assert!(bundle.get_message(&id).is_some(), "{lang} lacks {id}");
            }
        }
    }

    /// Rules in `domain` name their problems by message id, which views translate.
    #[test]
    fn every_message_id_a_rule_returns_is_translated() {
        use crate::domain::directory::{FilterQuery, Filters};
        use crate::domain::spreadsheet::SheetError;
        let sheet_errors = [
            SheetError::Empty,
            SheetError::NotUtf8 { row: 1 },
            SheetError::BadCsv { row: 1 },
            SheetError::BadXlsx,
            SheetError::Unsupported,
            SheetError::TooManyRows { max: 1 },
            SheetError::TooLargeUnpacked { max_mb: 1 },
        ];
        let bad_filters = [
            FilterQuery {
                organization: Some("x".into()),
                ..Default::default()
            },
            FilterQuery {
                kind: Some("x".into()),
                ..Default::default()
            },
            FilterQuery {
                role: Some("x".into()),
                ..Default::default()
            },
            FilterQuery {
                terms: Some("x".into()),
                ..Default::default()
            },
        ];
        let ids = sheet_errors
            .iter()
            .map(SheetError::message_id)
            .chain(bad_filters.iter().filter_map(|q| Filters::parse(q).err()))
            .chain(["invalid-required", "invalid-too-long", "invalid-email"]);
        for id in ids {
            for (lang, bundle) in BUNDLES.iter() {
                assert!(bundle.get_message(id).is_some(), "{lang} lacks {id}");
            }
        }
    }

    #[test]
    fn negotiates_supported_languages_and_falls_back_to_english() {
        assert_eq!(Locale::negotiate(Some("en-GB,en;q=0.9")).lang, "en");
        assert_eq!(Locale::negotiate(Some("fr-ML,fr;q=0.9,en;q=0.5")).lang, "fr");
        assert_eq!(Locale::negotiate(Some("es-CO")).lang, "es");
        assert_eq!(Locale::negotiate(Some("ar-SY,ar;q=0.9")).dir, "rtl");
        assert_eq!(Locale::negotiate(Some("xx")).lang, "en");
        assert_eq!(Locale::negotiate(Some("fr;q=0.2, es-MX")).lang, "es");
        assert_eq!(Locale::negotiate(Some("ar;q=0, xx")).lang, "en");
        assert_eq!(Locale::negotiate(None).dir, "ltr");
    }

    #[test]
    fn formats_arguments() {
        let en = Locale::default();
        assert_eq!(en.t_args("meeting-present", &[("count", 1.into())]), "Present (1)");
        assert_eq!(
            en.t_args("action-list-title", &[("group", "PSS TF".into())]),
            "Action points of PSS TF"
        );
    }
}
