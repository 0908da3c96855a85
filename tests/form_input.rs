//! Every HTML form a signed-in administrator reaches, sent values no form should take:
//! overlong, empty, with control characters, of the wrong type, in mixed scripts. Each
//! is saved or refused with a clear 4xx that names the field; never a 500, and a
//! refused form changes nothing in the database.

use crate::common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use common::{TestApp, Visitor, spawn_app};
use diesel::sql_types::Text;
use diesel_async::RunQueryDsl;
use scraper::{ElementRef, Html, Selector};

/// How many pages the crawl reads, at most.
const MAX_PAGES: usize = 150;

/// Forms whose fields would lock the test out (sign-in, passwords) or that upload files.
fn skipped(action: &str) -> bool {
    ["/login", "/logout", "password", "/import"]
        .iter()
        .any(|part| action.contains(part))
}

/// `/groups/3/meetings/12` → `/groups/N/meetings/N`: one form of each kind is enough.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|part| {
            if part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() {
                "N"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[derive(Debug, Clone)]
struct Field {
    name: String,
    kind: String,
    label: String,
}

#[derive(Debug, Clone)]
struct Form {
    page: String,
    action: String,
    values: Vec<(String, String)>,
    fields: Vec<Field>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// The text of the label around `element`, without its options.
fn label_of(element: ElementRef<'_>) -> String {
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .find(|a| a.value().name() == "label")
        .map(|label| {
            let own: String = label
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            own.trim().to_owned()
        })
        .unwrap_or_default()
}

fn forms_of(page: &str, html: &Html) -> Vec<Form> {
    let mut forms = Vec::new();
    for form in html.select(&selector("form[method=post]")) {
        if form.value().attr("enctype") == Some("multipart/form-data") {
            continue;
        }
        let action = form.value().attr("action").unwrap_or(page).to_owned();
        let mut values = Vec::new();
        let mut fields = Vec::new();
        for element in form.select(&selector("input[name], select[name], textarea[name]")) {
            let name = element.value().attr("name").unwrap().to_owned();
            let tag = element.value().name();
            let kind = match tag {
                "input" => element.value().attr("type").unwrap_or("text").to_owned(),
                other => other.to_owned(),
            };
            let value = match (tag, kind.as_str()) {
                ("textarea", _) => element.text().collect(),
                ("select", _) => element
                    .select(&selector("option[selected]"))
                    .chain(element.select(&selector("option")))
                    .next()
                    .and_then(|o| o.value().attr("value"))
                    .unwrap_or_default()
                    .to_owned(),
                (_, "checkbox" | "radio") if element.value().attr("checked").is_none() => continue,
                (_, "submit" | "button" | "file") => continue,
                _ => element.value().attr("value").unwrap_or_default().to_owned(),
            };
            values.push((name.clone(), value));
            if !matches!(kind.as_str(), "hidden" | "checkbox" | "radio") {
                fields.push(Field {
                    name,
                    kind,
                    label: label_of(element),
                });
            }
        }
        if !fields.is_empty() {
            forms.push(Form {
                page: page.to_owned(),
                action,
                values,
                fields,
            });
        }
    }
    forms
}

/// One form of each kind on the pages reachable from `/`.
async fn crawl(me: &Visitor) -> Vec<Form> {
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from(["/".to_owned()]);
    let mut forms: BTreeMap<String, Form> = BTreeMap::new();
    let mut read = 0;
    while let Some(path) = queue.pop_front() {
        if read == MAX_PAGES {
            break;
        }
        let response = me.get(&path).await;
        let is_html = response
            .headers()
            .get("content-type")
            .is_some_and(|v| v.to_str().unwrap().starts_with("text/html"));
        if response.status() != 200 || !is_html {
            continue;
        }
        read += 1;
        let html = Html::parse_document(&response.text().await.unwrap());
        for form in forms_of(&path, &html) {
            if !skipped(&form.action) {
                forms.entry(shape(&form.action)).or_insert(form);
            }
        }
        for link in html.select(&selector("a[href^='/']")) {
            let href = link.value().attr("href").unwrap().split('#').next().unwrap().to_owned();
            let file = [".csv", ".xlsx", ".ics", "/feed", "/logout"]
                .iter()
                .any(|e| href.contains(e));
            if !file && seen.insert(shape(href.split('?').next().unwrap())) {
                queue.push_back(href);
            }
        }
    }
    forms.into_values().collect()
}

#[derive(diesel::QueryableByName)]
struct Digest {
    #[diesel(sql_type = Text)]
    digest: String,
}

/// A digest of every row the app keeps, but the sessions and sign-in attempts that
/// every request touches.
async fn snapshot(app: &TestApp) -> String {
    let mut conn = app.db.conn().await;
    let sql = "SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM (\
        SELECT c.relname || ':' || md5(xmlagg(query_to_xml('SELECT * FROM ' || quote_ident(c.relname), false, false, ''))::text) AS t \
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace \
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('sessions', 'login_attempts') \
        GROUP BY c.relname) AS tables";
    diesel::sql_query(sql)
        .get_result::<Digest>(&mut conn)
        .await
        .expect("the snapshot query runs")
        .digest
}

/// Whether a problem reads "Field: what is wrong".
fn names_a_field(problem: &str) -> bool {
    problem.split_once(": ").is_some_and(|(field, _)| {
        !field.is_empty() && field.chars().count() <= 40 && field.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The values to try in a field of this kind.
fn bad_values(kind: &str) -> Vec<(&'static str, String)> {
    let mut values = vec![
        ("overlong", "Nadia Haddad ".repeat(400)),
        ("empty", String::new()),
        ("a NUL", "Nadia\u{0}Haddad".into()),
        ("an escape", "\u{1b}[31mred".into()),
        ("mixed scripts", "Nadia نادية Надя 娜迪亚 ✓".into()),
    ];
    if matches!(
        kind,
        "number" | "date" | "time" | "datetime-local" | "email" | "url" | "select"
    ) {
        values.push(("the wrong type", "twelve o'clock".into()));
    }
    values
}

#[tokio::test]
async fn every_form_refuses_bad_values_clearly_and_saves_nothing_half() {
    let app = spawn_app().await;
    app.load_demo().await;
    let me = app.sign_in_demo("admin").await;
    let forms = crawl(&me).await;
    assert!(forms.len() >= 20, "the crawl reaches the forms: {}", forms.len());
    let mut problems = Vec::new();
    let mut tried = 0;
    for original in &forms {
        let mut form = original.clone();
        for field in &original.fields {
            for (what, value) in bad_values(&field.kind) {
                let fields: Vec<(&str, &str)> = form
                    .values
                    .iter()
                    .map(|(n, v)| (n.as_str(), if *n == field.name { value.as_str() } else { v.as_str() }))
                    .collect();
                let before = snapshot(&app).await;
                let response = me.post(&form.action, &fields).await;
                tried += 1;
                let status = response.status().as_u16();
                let body = response.text().await.unwrap();
                let case = format!("{} {} = {what}: {status}", form.action, field.name);
                match status {
                    200..=399 => {
                        // Saved: the form's hidden fields (versions, tokens) start again.
                        let page = Html::parse_document(&me.page(&form.page).await);
                        if let Some(again) = forms_of(&form.page, &page)
                            .into_iter()
                            .find(|f| f.action == form.action)
                        {
                            form = again;
                        }
                    }
                    400 | 409 | 413 | 422 => {
                        let html = Html::parse_document(&body);
                        // The form's problems, or the error page's detail.
                        let alert: String = html
                            .select(&selector("[role=alert]"))
                            .chain(html.select(&selector("main p")))
                            .next()
                            .map(|e| e.text().collect())
                            .unwrap_or_default();
                        // The base values may leave a required field empty, which is then
                        // the one named: a problem that names a field of the form, or an
                        // error page whose detail starts with a field's name, will do.
                        let lower = alert.to_lowercase();
                        let named = form.fields.iter().any(|f| {
                            let label = f
                                .label
                                .split(['(', '\n'])
                                .next()
                                .unwrap_or_default()
                                .trim()
                                .to_lowercase();
                            lower.contains(&format!("{}:", f.name))
                                || (!label.is_empty() && lower.contains(&format!("{label}:")))
                        }) || names_a_field(&alert);
                        if status != 409 && !named {
                            problems.push(format!("{case} does not name a field: {}", alert.trim()));
                        }
                        if snapshot(&app).await != before {
                            problems.push(format!("{case} was refused but changed the database"));
                        }
                    }
                    _ => problems.push(format!("{case}: {}", body.chars().take(300).collect::<String>())),
                }
            }
        }
    }
    println!(
        "{} forms, {tried} submissions, {} problems",
        forms.len(),
        problems.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
