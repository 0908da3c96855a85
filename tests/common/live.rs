//! Helpers for the meeting tests: a meeting to work on, and reading agenda ids back.

use super::TestApp;

/// The demo working group's id.
pub async fn working_group(app: &TestApp) -> i64 {
    app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await
}

/// A draft meeting of the demo working group on 9 July 2014, 2pm Beirut time.
/// Setup only: stands in for the schedule form until that is merged.
pub async fn draft_meeting(app: &TestApp) -> i64 {
    let group = working_group(app).await;
    app.id(&format!(
        "INSERT INTO meetings (group_id, title, starts_at, location, chair_id) \
         SELECT {group}, 'CPiE WG monthly meeting', '2014-07-09 11:00:00+00', 'UNHCR Lea, Beirut', \
                (SELECT id FROM users WHERE email = 'coordinator@example.org') \
         RETURNING id"
    ))
    .await
}

/// The id of the agenda item titled `title` in meeting `meeting`.
pub async fn item_id(app: &TestApp, meeting: i64, title: &str) -> i64 {
    app.id(&format!(
        "SELECT id FROM agenda_items WHERE meeting_id = {meeting} AND title = '{}'",
        title.replace('\'', "''")
    ))
    .await
}

/// The agenda's outline as "number title" lines, read from the page's list.
pub fn outline_lines(html: &str, list_selector: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let items = scraper::Selector::parse(&format!("{list_selector} li")).expect("selector");
    let part = |element: scraper::ElementRef<'_>, class: &str| {
        let selector = scraper::Selector::parse(class).expect("selector");
        element
            .select(&selector)
            .next()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default()
    };
    document
        .select(&items)
        .map(|li| format!("{} {}", part(li, ".num"), part(li, ".title")))
        .collect()
}

/// Someone signed in who belongs to no group.
pub async fn stranger(app: &TestApp) -> super::Visitor {
    let hash = convene::domain::passwords::hash("stranger password 1");
    app.id(&format!(
        "INSERT INTO users (email, name, password_hash) VALUES ('stranger@example.net', 'Sam Stranger', '{hash}') RETURNING id"
    ))
    .await;
    app.sign_in("stranger@example.net", "stranger password 1").await
}
