//! The app's own route table, its patterns turned into paths to real objects of the
//! demo's working group, and the forms its pages offer for each of them.

use std::collections::HashMap;

use actix_web::http::Method;
use scraper::{Html, Selector};

use super::TestApp;

/// Every route the app serves, as (method, path pattern), read from the app itself.
pub fn table() -> Vec<(Method, String)> {
    convene::web::app_routes().table()
}

/// One object of each kind in the demo's working group, for the ids in patterns.
pub struct Objects {
    ids: HashMap<&'static str, i64>,
}

/// A secret no link was ever made with.
pub const UNKNOWN_SECRET: &str = "5ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2e75ec2";

impl Objects {
    /// The working group's objects, making an outbox mail, a guest, an action point and an admin's token.
    pub async fn of_working_group(app: &TestApp) -> Objects {
        let group = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
        let meeting = app
            .id(&format!(
                "SELECT id FROM meetings WHERE group_id = {group} AND starts_at > now() ORDER BY starts_at LIMIT 1"
            ))
            .await;
        let mut conn = app.db.conn().await;
        for sql in [
            format!(
                "INSERT INTO attendance (meeting_id, guest_name, guest_organization, status) \
                 VALUES ({meeting}, 'Visiting guest', 'Guest NGO', 'present')"
            ),
            // Owned by an organisation no test person belongs to, so only those who run the group may change it.
            format!(
                "INSERT INTO action_points (group_id, number, topic, text) \
                 SELECT {group}, max(number) + 1, 'Routes', 'Share the 5W data' FROM action_points WHERE group_id = {group}"
            ),
            format!(
                "INSERT INTO action_point_owners (action_point_id, organization_id) \
                 SELECT ap.id, (SELECT min(id) FROM organizations) FROM action_points ap \
                 WHERE ap.group_id = {group} AND ap.topic = 'Routes'"
            ),
            "INSERT INTO outbox (kind, dedupe_key, recipient, subject, body_text, message_id, not_before) \
             VALUES ('invitation', 'routes', 'someone@test.org', 'Invitation', 'x', 'routes@test', now() + interval '1 day')"
                .to_owned(),
        ] {
            diesel_async::RunQueryDsl::execute(diesel::sql_query(sql), &mut conn)
                .await
                .expect("fixture row");
        }
        convene::flows::accounts::issue_api_token(&mut conn, "admin@example.org", Some("the admin's"))
            .await
            .expect("a token");
        let queries = [
            ("group", format!("SELECT {group}::bigint AS id")),
            ("meeting", format!("SELECT {meeting}::bigint AS id")),
            (
                "item",
                format!("SELECT id FROM agenda_items WHERE meeting_id = {meeting} ORDER BY position LIMIT 1"),
            ),
            (
                "guest",
                format!("SELECT id FROM attendance WHERE meeting_id = {meeting} AND guest_name IS NOT NULL LIMIT 1"),
            ),
            (
                "action_point",
                format!("SELECT id FROM action_points WHERE group_id = {group} AND topic = 'Routes'"),
            ),
            (
                "area",
                format!("SELECT id FROM workplan_areas WHERE group_id = {group} ORDER BY position DESC LIMIT 1"),
            ),
            (
                "task",
                format!(
                    "SELECT t.id FROM workplan_tasks t JOIN workplan_areas a ON a.id = t.area_id \
                     WHERE a.group_id = {group} ORDER BY a.position, t.id LIMIT 1"
                ),
            ),
            (
                "organization",
                "SELECT id FROM organizations ORDER BY id DESC LIMIT 1".to_owned(),
            ),
            (
                "membership",
                format!(
                    "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id \
                     WHERE m.group_id = {group} AND u.email NOT LIKE '%@test.org' AND m.role = 'member' ORDER BY m.id DESC LIMIT 1"
                ),
            ),
            (
                "another_organization",
                "SELECT id FROM organizations ORDER BY id LIMIT 1".to_owned(),
            ),
            ("outbox", "SELECT id FROM outbox ORDER BY id DESC LIMIT 1".to_owned()),
            (
                "token",
                "SELECT t.id FROM tokens t JOIN users u ON u.id = t.user_id \
                 WHERE u.email = 'admin@example.org' AND t.purpose = 'api' ORDER BY t.id LIMIT 1"
                    .to_owned(),
            ),
            (
                "user",
                "SELECT id FROM users WHERE email = 'member@example.org'".to_owned(),
            ),
        ];
        let mut ids = HashMap::new();
        for (name, sql) in queries {
            ids.insert(name, app.id(&sql).await);
        }
        Objects { ids }
    }

    pub fn id(&self, name: &str) -> i64 {
        self.ids[name]
    }

    /// `pattern` with each parameter replaced by the object it names.
    pub fn path(&self, pattern: &str) -> String {
        let mut previous = "";
        let mut segments = Vec::new();
        for segment in pattern.split('/') {
            let mut out = segment.to_owned();
            while let Some(start) = out.find('{') {
                let end = out[start..].find('}').expect("a closed parameter") + start;
                let value = self.value(&out[start + 1..end], previous);
                out.replace_range(start..=end, &value);
            }
            previous = segment;
            segments.push(out);
        }
        segments.join("/")
    }

    fn value(&self, parameter: &str, previous: &str) -> String {
        let object = match (parameter, previous) {
            ("format", _) => return "csv".into(),
            ("secret", _) => return UNKNOWN_SECRET.into(),
            ("file", _) => {
                return convene::web::routes::assets::script_path()
                    .trim_start_matches("/static/")
                    .into();
            }
            ("membership" | "membership_id", _) => "membership",
            ("item", _) => "item",
            ("guest", _) => "guest",
            ("id", "groups") => "group",
            ("id", "meetings") => "meeting",
            ("id", "action-points") => "action_point",
            ("id", "areas") => "area",
            ("id", "tasks") => "task",
            ("id", "organizations") => "organization",
            ("id", "outbox") => "outbox",
            ("id", "tokens") => "token",
            ("id", "users") => "user",
            other => panic!("no object for the parameter {other:?}: name one in tests/common/routes.rs"),
        };
        self.id(object).to_string()
    }
}

/// A post form a page offers: where it posts, its fields with the values the page fills
/// in (a select's chosen option, else its first), and whether it uploads a file.
#[derive(Clone, Default)]
pub struct Form {
    pub action: String,
    pub fields: Vec<(String, String)>,
    pub upload: bool,
}

pub fn forms(html: &str) -> Vec<Form> {
    let document = Html::parse_document(html);
    let form = Selector::parse("form[method=post]").unwrap();
    let field = Selector::parse("input[name], select[name], textarea[name], button[name]").unwrap();
    let option = Selector::parse("option").unwrap();
    let mut found = Vec::new();
    for f in document.select(&form) {
        let Some(action) = f.value().attr("action") else {
            continue;
        };
        let mut fields = Vec::new();
        for element in f.select(&field) {
            let e = element.value();
            let name = e.attr("name").unwrap_or_default().to_owned();
            if fields.iter().any(|(n, _): &(String, String)| *n == name) && e.name() != "input" {
                continue;
            }
            let value = match e.name() {
                "select" => {
                    let options: Vec<_> = element.select(&option).collect();
                    options
                        .iter()
                        .find(|o| o.value().attr("selected").is_some())
                        .or(options.first())
                        .map(|o| {
                            o.value()
                                .attr("value")
                                .map_or_else(|| o.text().collect(), str::to_owned)
                        })
                        .unwrap_or_default()
                }
                "textarea" => element.text().collect(),
                _ => {
                    let kind = e.attr("type").unwrap_or("text");
                    if matches!(kind, "checkbox" | "radio") && e.attr("checked").is_none() {
                        continue;
                    }
                    if kind == "file" {
                        continue;
                    }
                    e.attr("value").unwrap_or_default().to_owned()
                }
            };
            fields.push((name, value));
        }
        found.push(Form {
            action: action.to_owned(),
            fields,
            upload: f.value().attr("enctype") == Some("multipart/form-data"),
        });
    }
    found
}
