//! The direction of imports between the top-level parts of `src/` (docs/ARCHITECTURE.md):
//! `web` and `jobs` call `flows`, which call `models` (SQL only), which call `db`;
//! `mail` is pure templates; `domain` is pure and imported by all.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The parts each part must not import.
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("models", &["web", "mail", "flows", "jobs", "startup"]),
    ("mail", &["models", "db", "web", "flows", "jobs", "startup"]),
    ("flows", &["web", "jobs", "startup"]),
];

/// Every `crate::<part>` a source text names, in `use` lines, paths in code and doc links
/// alike, `use crate::{a, b::c}` groups included.
fn parts_named(source: &str) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let mut rest = source;
    while let Some(at) = rest.find("crate::") {
        let preceded_by_word = rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[at + "crate::".len()..];
        if preceded_by_word {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut segment_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => segment_start = true,
                    c if segment_start && (c.is_alphabetic() || c == '_') => {
                        named.insert(identifier(&group[i..]).to_owned());
                        segment_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            named.insert(identifier(rest).to_owned());
        }
    }
    named.remove("");
    named
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// For each top-level part of `src/` (`src/<part>.rs` and `src/<part>/`), the other parts it
/// names. The crate root and the binary are entry points, not parts.
fn import_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("under src/");
        let first = relative
            .components()
            .next()
            .expect("a path")
            .as_os_str()
            .to_string_lossy();
        let part = first.trim_end_matches(".rs").to_owned();
        if part == "lib" || part == "main" {
            continue;
        }
        let source = std::fs::read_to_string(&file).expect("a readable source file");
        let named = graph.entry(part.clone()).or_default();
        named.extend(parts_named(&source).into_iter().filter(|p| *p != part));
    }
    graph
}

/// The forbidden imports in `graph`, as "part imports other".
fn violations(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut found = Vec::new();
    for (part, imports) in graph {
        let forbidden: Vec<&str> = if part == "domain" {
            // Pure: nothing of the app's.
            imports.iter().map(String::as_str).collect()
        } else {
            FORBIDDEN
                .iter()
                .filter(|(p, _)| p == part)
                .flat_map(|(_, f)| f.iter().copied())
                .filter(|f| imports.contains(*f))
                .collect()
        };
        found.extend(forbidden.into_iter().map(|other| format!("{part} imports {other}")));
    }
    found
}

/// A circle of parts each importing the next, if any.
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        part: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|p| p == part) {
            let mut found = path[start..].to_vec();
            found.push(part.to_owned());
            return Some(found);
        }
        if !done.insert(part.to_owned()) {
            return None;
        }
        path.push(part.to_owned());
        for next in graph.get(part).into_iter().flatten() {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|part| visit(part, graph, &mut Vec::new(), &mut done))
}

#[test]
fn imports_run_one_way_between_the_parts_of_src() {
    let graph = import_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    for part in ["web", "jobs", "flows", "models", "db", "mail", "domain"] {
        assert!(graph.contains_key(part), "src/{part} is one of the parts");
    }
    assert_eq!(violations(&graph), Vec::<String>::new(), "imports against the rule");
    assert_eq!(circle(&graph), None, "parts importing each other in a circle");
}

#[test]
fn the_rule_sees_grouped_imports_paths_in_code_and_circles() {
    let named = parts_named("use crate::{models::x, mail};\nlet a = crate::web::views::f(); // not notcrate::db\n");
    assert_eq!(named, ["mail", "models", "web"].map(String::from).into_iter().collect());
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("models", vec!["mail", "db"]),
        ("mail", vec!["models"]),
        ("domain", vec!["i18n"]),
        ("db", vec![]),
    ]
    .into_iter()
    .map(|(p, i)| (p.to_owned(), i.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(
        violations(&graph),
        ["domain imports i18n", "mail imports models", "models imports mail"]
    );
    assert_eq!(
        circle(&graph),
        Some(["mail", "models", "mail"].map(String::from).to_vec())
    );
}
