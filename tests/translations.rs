//! The message catalogue under `locales/` is complete in every language: the files,
//! message ids, attributes and variables of English, every plural category CLDR gives
//! the language, no message the code never asks for, and every language served.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use convene::i18n::Locale;
use fluent_bundle::FluentValue;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The cardinal plural categories of each language in current CLDR (fr and es gained
/// `many`, for a million and up, in CLDR 38). A new language needs its line here.
const PLURAL_CATEGORIES: &[(&str, &[&str])] = &[
    ("en", &["one", "other"]),
    ("fr", &["one", "many", "other"]),
    ("es", &["one", "many", "other"]),
    ("ar", &["zero", "one", "two", "few", "many", "other"]),
];

const RIGHT_TO_LEFT: &[&str] = &["ar"];

/// What must agree between the languages of one message.
#[derive(Default)]
struct Shape {
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
    /// The variant keys of each select over a number.
    plural_selects: Vec<BTreeSet<String>>,
}

/// Language → file name → message id → shape.
type Catalogue = BTreeMap<String, BTreeMap<String, BTreeMap<String, Shape>>>;

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
}

fn name_of(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

fn catalogue() -> Catalogue {
    let mut catalogue = Catalogue::new();
    for lang_dir in entries(&Path::new(ROOT).join("locales")) {
        let files = catalogue.entry(name_of(&lang_dir)).or_default();
        for file in entries(&lang_dir) {
            let source = std::fs::read_to_string(&file).unwrap();
            let resource = fluent_syntax::parser::parse(source.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", file.display()));
            let messages = files.entry(name_of(&file)).or_default();
            for entry in &resource.body {
                let Entry::Message(message) = entry else { continue };
                let mut shape = Shape::default();
                if let Some(value) = &message.value {
                    walk_pattern(value, &mut shape);
                }
                for attribute in &message.attributes {
                    shape.attributes.insert(attribute.id.name.to_owned());
                    walk_pattern(&attribute.value, &mut shape);
                }
                let id = message.id.name.to_owned();
                assert!(
                    messages.insert(id.clone(), shape).is_none(),
                    "{} defines {id} twice",
                    file.display()
                );
            }
        }
    }
    catalogue
}

fn walk_pattern(pattern: &Pattern<&str>, shape: &mut Shape) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, shape);
        }
    }
}

fn walk_expression(expression: &Expression<&str>, shape: &mut Shape) {
    match expression {
        Expression::Select { selector, variants } => {
            walk_inline(selector, shape);
            let keys: BTreeSet<String> = variants
                .iter()
                .map(|variant| match &variant.key {
                    VariantKey::Identifier { name } => name.to_string(),
                    VariantKey::NumberLiteral { value } => value.to_string(),
                })
                .collect();
            if keys.iter().any(|key| is_plural_key(key)) {
                shape.plural_selects.push(keys);
            }
            for variant in variants {
                walk_pattern(&variant.value, shape);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, shape),
    }
}

fn walk_inline(inline: &InlineExpression<&str>, shape: &mut Shape) {
    match inline {
        InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, shape);
            }
            for argument in &arguments.named {
                walk_inline(&argument.value, shape);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, shape),
        _ => {}
    }
}

fn is_plural_key(key: &str) -> bool {
    ["zero", "one", "two", "few", "many", "other"].contains(&key) || key.parse::<f64>().is_ok()
}

fn required_categories(lang: &str) -> &'static [&'static str] {
    PLURAL_CATEGORIES
        .iter()
        .find(|(l, _)| *l == lang)
        .unwrap_or_else(|| panic!("PLURAL_CATEGORIES lacks {lang}"))
        .1
}

fn assert_none(problems: Vec<String>, what: &str) {
    assert!(problems.is_empty(), "{what}:\n{}", problems.join("\n"));
}

#[test]
fn every_language_has_the_files_and_messages_of_english() {
    let catalogue = catalogue();
    let english = &catalogue["en"];
    assert!(catalogue.len() >= 4, "languages: {:?}", catalogue.keys());
    let mut problems = Vec::new();
    for (lang, files) in &catalogue {
        let names = |f: &BTreeMap<String, BTreeMap<String, Shape>>| f.keys().cloned().collect::<BTreeSet<_>>();
        if names(files) != names(english) {
            problems.push(format!(
                "{lang} has the files {:?}, English {:?}",
                names(files),
                names(english)
            ));
        }
        for (file, messages) in english {
            let theirs = files.get(file);
            for id in messages
                .keys()
                .filter(|id| !theirs.is_some_and(|t| t.contains_key(*id)))
            {
                problems.push(format!("{lang}/{file} lacks {id}"));
            }
            for id in theirs
                .into_iter()
                .flat_map(|t| t.keys())
                .filter(|id| !messages.contains_key(*id))
            {
                problems.push(format!("{lang}/{file} has {id}, which English has not"));
            }
        }
    }
    assert_none(problems, "messages missing or extra");
}

#[test]
fn every_message_has_the_attributes_and_variables_of_english() {
    let catalogue = catalogue();
    let mut problems = Vec::new();
    for (lang, files) in &catalogue {
        for (file, messages) in files {
            for (id, shape) in messages {
                let Some(english) = catalogue["en"].get(file).and_then(|m| m.get(id)) else {
                    continue;
                };
                if shape.variables != english.variables {
                    problems.push(format!(
                        "{lang} {id}: variables {:?}, English {:?}",
                        shape.variables, english.variables
                    ));
                }
                if shape.attributes != english.attributes {
                    problems.push(format!(
                        "{lang} {id}: attributes {:?}, English {:?}",
                        shape.attributes, english.attributes
                    ));
                }
                if shape.plural_selects.len() < english.plural_selects.len() {
                    problems.push(format!("{lang} {id}: English chooses by a number here, this does not"));
                }
            }
        }
    }
    assert_none(problems, "messages that differ from English");
}

#[test]
fn every_plural_select_has_the_categories_of_its_language() {
    let mut problems = Vec::new();
    for (lang, files) in &catalogue() {
        let required = required_categories(lang);
        for (id, shape) in files.values().flatten() {
            for keys in &shape.plural_selects {
                let missing: Vec<_> = required.iter().filter(|c| !keys.contains(**c)).collect();
                if !missing.is_empty() {
                    problems.push(format!("{lang} {id} lacks {missing:?}"));
                }
            }
        }
    }
    assert_none(problems, "plural selects missing categories");
}

/// The table above holds every category Fluent's plural rules pick for a count.
#[test]
fn plural_table_covers_the_rules_fluent_selects_by() {
    for (lang, required) in PLURAL_CATEGORIES {
        let id: LanguageIdentifier = lang.parse().unwrap();
        let rules = PluralRules::create(id, PluralRuleType::CARDINAL).unwrap();
        for n in (0..=1100).chain([1_000_000, 2_000_000]) {
            let name = match rules.select(n as u64).unwrap() {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            };
            assert!(required.contains(&name), "{lang}: {n} is {name}, not in {required:?}");
        }
    }
}

/// Ids are asked for as string literals, or built from a literal prefix and an enum's
/// value (`locale.t(&format!("task-status-{}", …))`).
#[test]
fn every_message_is_used_by_the_code() {
    let mut sources = String::new();
    let mut stack = vec![Path::new(ROOT).join("src")];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(entries(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            sources.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    let call = "t(&format!(\"";
    let prefixes: Vec<&str> = sources
        .match_indices(call)
        .filter_map(|(start, _)| {
            let rest = &sources[start + call.len()..];
            let prefix = &rest[..rest.find(['{', '"']).unwrap()];
            rest[prefix.len()..].starts_with('{').then_some(prefix)
        })
        .collect();
    let mut unused = Vec::new();
    for (lang, files) in &catalogue() {
        for id in files.values().flat_map(|m| m.keys()) {
            if !sources.contains(&format!("\"{id}\"")) && !prefixes.iter().any(|p| id.starts_with(p)) {
                unused.push(format!("{lang}: {id}"));
            }
        }
    }
    assert_none(unused, "messages no code asks for");
}

#[test]
fn every_language_is_served_in_its_direction() {
    for lang in catalogue().keys() {
        let locale = Locale::negotiate(Some(&format!("{lang}-XX,{lang};q=0.9")));
        assert_eq!(locale.lang, lang, "Accept-Language: {lang} is not served");
        let dir = if RIGHT_TO_LEFT.contains(&lang.as_str()) {
            "rtl"
        } else {
            "ltr"
        };
        assert_eq!(locale.dir, dir, "{lang}");
    }
}

fn count(lang: &str, id: &str, n: i64) -> String {
    Locale::negotiate(Some(lang)).t_args(id, &[("count", FluentValue::from(n))])
}

#[test]
fn french_counts_use_the_singular_for_zero_and_one() {
    assert_eq!(count("fr", "action-count", 0), "0 point d'action");
    assert_eq!(count("fr", "action-count", 1), "1 point d'action");
    assert_eq!(count("fr", "action-count", 2), "2 points d'action");
    assert_eq!(count("fr", "review-stuck", 1), "ouvert depuis 1 réunion");
    assert_eq!(count("fr", "review-stuck", 3), "ouvert depuis 3 réunions");
    assert_eq!(count("fr", "mail-overdue-count", 1), "1 point d'action en retard");
    assert_eq!(count("fr", "mail-overdue-count", 2), "2 points d'action en retard");
}

#[test]
fn spanish_counts_use_the_singular_for_one_only() {
    assert_eq!(count("es", "action-count", 0), "0 puntos de acción");
    assert_eq!(count("es", "action-count", 1), "1 punto de acción");
    assert_eq!(count("es", "action-count", 2), "2 puntos de acción");
    assert_eq!(count("es", "review-stuck", 1), "abierto desde hace 1 reunión");
    assert_eq!(count("es", "mail-overdue-count", 1), "1 punto de acción vencido");
    assert_eq!(count("es", "mail-overdue-count", 2), "2 puntos de acción vencidos");
}

/// Arabic has six plural forms: 0, 1, 2, 3–10, 11–99, and 100–102 again as `other`;
/// the counts are written in Arabic-Indic digits.
#[test]
fn arabic_counts_take_all_six_forms() {
    let forms: Vec<_> = [0, 1, 2, 3, 11, 100].map(|n| count("ar", "action-count", n)).into();
    assert_eq!(
        forms,
        [
            "لا توجد نقاط عمل",
            "نقطة عمل واحدة",
            "نقطتا عمل",
            "٣ نقاط عمل",
            "١١ نقطة عمل",
            "١٠٠ نقطة عمل",
        ]
    );
    assert_eq!(count("ar", "review-stuck", 2), "مفتوحة منذ اجتماعين");
    assert_eq!(count("ar", "review-stuck", 11), "مفتوحة منذ ١١ اجتماعًا");
    let overdue: Vec<_> = [0, 1, 2, 3, 11, 100]
        .map(|n| count("ar", "mail-overdue-count", n))
        .into();
    assert_eq!(
        overdue,
        [
            "لا توجد نقاط عمل متأخرة",
            "نقطة عمل واحدة متأخرة",
            "نقطتا عمل متأخرتان",
            "٣ نقاط عمل متأخرة",
            "١١ نقطة عمل متأخرة",
            "١٠٠ نقطة عمل متأخرة",
        ]
    );
}

/// A number that English picks exactly (`[0]`) wins over the category in any language.
#[test]
fn exact_number_variants_come_before_categories() {
    assert_eq!(
        count("fr", "workplan-delete-area-question", 0),
        "Le domaine n'a aucune tâche. Il sera supprimé."
    );
    assert_eq!(
        count("fr", "workplan-delete-area-question", 1),
        "La tâche du domaine sera supprimée avec lui. Cette action est irréversible."
    );
}

/// Text a maud `html!` block writes as it stands, which no translation can reach: its
/// string literals with a letter in them, outside attribute values (`href="…"`,
/// `class={ "badge " … }`) and Rust expressions (`(locale.t("…"))`). Each comes with its
/// line.
fn literal_texts(source: &str) -> Vec<(usize, String)> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    for (start, _) in source.match_indices("html!") {
        let Some(open) = source[start..].find('{').map(|o| start + o) else {
            continue;
        };
        // Per open brace: whether it holds an attribute's value.
        let mut braces = vec![false];
        let mut parens = 0usize;
        let mut i = open + 1;
        while i < bytes.len() && !braces.is_empty() {
            // Only sliced at ASCII bytes, which are always character boundaries.
            let before = || source[..i].trim_end();
            match bytes[i] {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
                    continue;
                }
                b'\'' if bytes.get(i + 2) == Some(&b'\'') || bytes.get(i + 1) == Some(&b'\\') => {
                    i += source[i + 1..].find('\'').map_or(1, |n| n + 2);
                    continue;
                }
                b'"' => {
                    let mut end = i + 1;
                    while end < bytes.len() && bytes[end] != b'"' {
                        end += if bytes[end] == b'\\' { 2 } else { 1 };
                    }
                    let literal = &source[i + 1..end.min(bytes.len())];
                    let in_attribute = braces.last() == Some(&true);
                    let after_operator = before().ends_with(['=', '(', ',', '[']) || before().ends_with("=>");
                    if parens == 0 && !in_attribute && !after_operator && literal.chars().any(char::is_alphabetic) {
                        found.push((source[..i].lines().count(), literal.to_owned()));
                    }
                    i = end + 1;
                    continue;
                }
                b'{' => braces.push(before().ends_with('=') || braces.last() == Some(&true)),
                b'}' => {
                    braces.pop();
                }
                b'(' | b'[' => parens += 1,
                b')' | b']' => parens = parens.saturating_sub(1),
                _ => {}
            }
            i += 1;
        }
    }
    found
}

/// Literal text allowed on pages and in mails: the product's name, and an HTTP header
/// shown as code.
const UNTRANSLATED: &[&str] = &["convene", " · convene", "Authorization: Bearer …"];

#[test]
fn the_scanner_finds_text_written_past_fluent() {
    let source =
        r#"html! { p.note title=(x) { "Meeting moved" (locale.t("ok")) a href={ "/groups/" (id) } { "·" } } }"#;
    assert_eq!(literal_texts(source), [(1, "Meeting moved".to_owned())]);
}

/// Every text of pages and mails goes through Fluent, so that every language has it.
#[test]
fn no_page_or_mail_writes_text_past_fluent() {
    let mut problems = Vec::new();
    for dir in ["src/web/views", "src/mail"] {
        for path in entries(&Path::new(ROOT).join(dir)) {
            let source = std::fs::read_to_string(&path).unwrap();
            for (line, text) in literal_texts(&source) {
                if !UNTRANSLATED.contains(&text.as_str()) {
                    problems.push(format!("{dir}/{}:{line}: {text:?}", name_of(&path)));
                }
            }
        }
    }
    assert_none(problems, "literal texts that bypass Fluent");
}

/// French sets a no-break space before `:` and a narrow one before `;`, `?` and `!`,
/// so that the mark never starts a line; a plain space there breaks badly.
#[test]
fn french_punctuation_keeps_its_no_break_spaces() {
    let mut problems = Vec::new();
    for file in entries(&Path::new(ROOT).join("locales/fr")) {
        let source = std::fs::read_to_string(&file).unwrap();
        for (number, line) in source
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim_start().starts_with('#'))
        {
            let text = line.split_once(" = ").map_or(line, |(_, text)| text);
            let chars: Vec<char> = text.chars().collect();
            for pair in chars.windows(2) {
                let wanted = match pair[1] {
                    ':' => '\u{a0}',
                    ';' | '?' | '!' => '\u{202f}',
                    _ => continue,
                };
                if pair[0].is_whitespace() && pair[0] != wanted {
                    problems.push(format!("{}:{}: {line}", name_of(&file), number + 1));
                }
            }
        }
    }
    assert_none(problems, "French punctuation after a breaking or wrong space");
}
