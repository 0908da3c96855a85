//! Form building blocks: labelled fields that keep what was typed, and the list of
//! problems shown above a form that could not be saved.

use maud::{Markup, html};

use crate::i18n::Locale;

/// Problems found in a submitted form, as (field label id, message id).
#[derive(Debug, Default)]
pub struct Problems(pub Vec<(&'static str, &'static str)>);

impl Problems {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps the value of a check, or notes its problem against `field`.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, &'static str>) -> Option<T> {
        result.map_err(|problem| self.0.push((field, problem))).ok()
    }

    pub fn add(&mut self, field: &'static str, problem: &'static str) {
        self.0.push((field, problem));
    }
}

pub fn problems(locale: &Locale, problems: &Problems) -> Markup {
    html! {
        @if !problems.is_empty() {
            div.error role="alert" {
                p { (locale.t("form-not-saved")) }
                ul {
                    @for (field, problem) in &problems.0 {
                        li { strong { (locale.t(field)) } ": " (locale.t(problem)) }
                    }
                }
            }
        }
    }
}

pub fn text(label: &str, name: &str, value: &str, required: bool) -> Markup {
    html! { label { (label) input type="text" name=(name) value=(value) required[required]; } }
}

pub fn email(label: &str, name: &str, value: &str) -> Markup {
    html! { label { (label) input type="email" name=(name) value=(value) required; } }
}

pub fn number(label: &str, name: &str, value: i32, min: i32, max: i32) -> Markup {
    html! { label { (label) input type="number" name=(name) value=(value) min=(min) max=(max) required; } }
}

pub fn date(label: &str, name: &str, value: &str, required: bool) -> Markup {
    html! { label { (label) input type="date" name=(name) value=(value) required[required]; } }
}

pub fn textarea(label: &str, name: &str, value: &str) -> Markup {
    html! { label { (label) textarea name=(name) rows="3" { (value) } } }
}

/// A select of (value, label) options with `selected` chosen.
pub fn select(label: &str, name: &str, options: &[(String, String)], selected: &str) -> Markup {
    html! {
        label {
            (label)
            select name=(name) {
                @for (value, text) in options {
                    option value=(value) selected[value == selected] { (text) }
                }
            }
        }
    }
}

/// The options of a language menu: `none` first (an empty value) if given, then each
/// language by its own name.
pub fn language_options(none: Option<&str>) -> Vec<(String, String)> {
    none.map(|label| (String::new(), label.to_owned()))
        .into_iter()
        .chain(crate::i18n::Locale::all().map(|l| (l.lang.to_owned(), l.t("language-name"))))
        .collect()
}
