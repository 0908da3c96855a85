//! Each person's language: chosen on the profile, in the footer or through the API,
//! given by the group at invitation, and followed by every mail they receive, with
//! Arabic mail laid out right to left.

use crate::common;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use common::api::{assert_problem, script_of};
use common::mail::{SmtpServer, deliver, to};
use common::meetings::{WG, created_meeting, group_id, schedule};
use common::{TestApp, Visitor, form_token, spawn_app_with};
use convene::jobs::planner;
use convene::mail::MailSettings;
use serde_json::json;

const FRENCH: &str = "aminata.traore@example.org";
const ARABIC: &str = "samira.khatib@example.org";

async fn app() -> TestApp {
    let app = spawn_app_with(&[("BASE_URL", "https://convene.example.org/")]).await;
    app.load_demo().await;
    app
}

async fn exec(app: &TestApp, sql: &str) {
    use diesel_async::RunQueryDsl;
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql).execute(&mut conn).await.unwrap();
}

/// The value of the page's `<html lang>`.
fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("an html element with lang") + "<html lang=\"".len();
    &page[start..start + page[start..].find('"').unwrap()]
}

/// The page as a browser asking for `accept_language` gets it.
/// The group's monthly coordination meeting of 16 January 2030, 14:00–16:00, scheduled as
/// a draft from the previous agenda; its id.
async fn monthly_coordination(coordinator: &Visitor, wg: i64) -> i64 {
    let fields = [
        ("title", "Monthly coordination"),
        ("date", "2030-01-16"),
        ("start_time", "14:00"),
        ("end_time", "16:00"),
        ("location", "UNHCR Lea, Beirut"),
        ("agenda", "previous"),
    ];
    created_meeting(&schedule(coordinator, wg, &fields).await)
}

async fn page_in_browser_language(visitor: &Visitor, path: &str, accept_language: &str) -> String {
    let response = visitor
        .client
        .get(visitor.url(path))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "GET {path}");
    response.text().await.unwrap()
}

/// Sends the footer's language switcher of `path` with `locale`, as a browser does.
async fn switch_language(visitor: &Visitor, path: &str, locale: &str) -> reqwest::Response {
    let page = visitor.page(path).await;
    assert!(page.contains("action=\"/language\""), "a language switcher on {path}");
    let token = form_token(&page);
    visitor
        .post(
            "/language",
            &[("csrf_token", &token), ("locale", locale), ("next", path)],
        )
        .await
}

#[tokio::test]
async fn a_meeting_published_to_members_of_three_languages_reaches_each_in_their_own() {
    let app = app().await;
    let smtp = SmtpServer::start().await;
    exec(
        &app,
        "UPDATE users SET locale = 'es' WHERE email = 'maya.khalil@example.org'",
    )
    .await;
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = monthly_coordination(&coordinator, wg).await;
    let page = format!("/meetings/{meeting}");
    let published = coordinator
        .submit(&page, &format!("{page}/status"), &[("step", "publish")])
        .await;
    assert_eq!(published.status(), 303);
    deliver(&app, &smtp, Utc.with_ymd_and_hms(2030, 1, 2, 8, 0, 0).unwrap()).await;
    let received = smtp.received();

    // The date is each reader's; the zone is the group's.
    let expected = [
        (
            "member@example.org",
            "Meeting: CPiE WG – Monthly coordination, Wednesday, 16 January 2030, 14:00 (Asia/Beirut)",
        ),
        (
            FRENCH,
            "Réunion\u{a0}: CPiE WG – Monthly coordination, mercredi 16 janvier 2030 à 14:00 (Asia/Beirut)",
        ),
        (
            "maya.khalil@example.org",
            "Reunión: CPiE WG – Monthly coordination, miércoles, 16 de enero de 2030, 14:00 (Asia/Beirut)",
        ),
        (
            ARABIC,
            "اجتماع: CPiE WG – Monthly coordination، الأربعاء، ١٦ يناير ٢٠٣٠، الساعة ٢:٠٠ م (Asia/Beirut)",
        ),
    ];
    for (address, subject) in &expected {
        let mine = to(&received, address);
        assert_eq!(mine.len(), 1, "one invitation for {address}");
        assert_eq!(mine[0].subject(), *subject, "{address}");
    }

    // The calendar's own words follow the reader; the title stays as written.
    let (_, french_ics) = to(&received, FRENCH)[0].calendar().expect("an .ics");
    assert!(french_ics.contains("SUMMARY:Monthly coordination\r\n"), "{french_ics}");
    assert!(
        french_ics.contains("DESCRIPTION:Réunion du groupe CPiE WG"),
        "{french_ics}"
    );
    let french = to(&received, FRENCH)[0];
    assert!(french.text().starts_with("Bonjour Aminata Traoré"), "{}", french.text());
    assert!(french.html().contains("<html lang=\"fr\" dir=\"ltr\">"));
    let arabic = to(&received, ARABIC)[0];
    assert!(
        arabic.html().contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        arabic.html()
    );
    let (_, english_ics) = to(&received, "member@example.org")[0].calendar().unwrap();
    assert!(english_ics.contains("DESCRIPTION:Meeting of CPiE WG"), "{english_ics}");

    // The minutes, fixed words and all, are written out in each reader's language.
    for step in ["start", "close"] {
        let done = coordinator
            .submit(&page, &format!("{page}/status"), &[("step", step)])
            .await;
        assert_eq!(done.status(), 303, "{step}");
    }
    deliver(&app, &smtp, Utc.with_ymd_and_hms(2030, 1, 16, 17, 0, 0).unwrap()).await;
    let received = smtp.received();
    let minutes = |address: &str| to(&received, address).last().unwrap().text();
    assert!(
        minutes(FRENCH).contains("Compte rendu — Child Protection"),
        "{}",
        minutes(FRENCH)
    );
    assert!(minutes("maya.khalil@example.org").contains("Acta — Child Protection"));
    assert!(minutes(ARABIC).contains("محضر الاجتماع — Child Protection"));
    assert!(minutes("member@example.org").contains("Minutes — Child Protection"));
}

fn beirut(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    let tz: Tz = "Asia/Beirut".parse().unwrap();
    tz.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
}

/// An open action point of the working group owned by the person with `email`.
async fn owned_action_point(app: &TestApp, wg: i64, number: i32, text: &str, email: &str) {
    owned_item(app, wg, number, text, "2030-01-31", email).await;
}

/// An open action point of the working group due on `due`, owned by the person with `email`.
async fn owned_item(app: &TestApp, wg: i64, number: i32, text: &str, due: &str, email: &str) {
    let id = app
        .id(&format!(
            "INSERT INTO action_points (group_id, number, topic, text, due_date) \
             VALUES ({wg}, {number}, 'Referrals', '{text}', '{due}') RETURNING id"
        ))
        .await;
    exec(
        app,
        &format!(
            "INSERT INTO action_point_owners (action_point_id, user_id) \
             SELECT {id}, id FROM users WHERE email = '{email}'"
        ),
    )
    .await;
}

#[tokio::test]
async fn an_arabic_members_meeting_reminder_is_arabic_right_to_left_with_their_own_action_points() {
    let app = app().await;
    let smtp = SmtpServer::start().await;
    let wg = group_id(&app, WG).await;
    exec(
        &app,
        &format!(
            "INSERT INTO meetings (group_id, title, starts_at, location, status, published_at) \
             VALUES ({wg}, 'Monthly coordination', '{}', 'UNICEF office, Beirut', 'scheduled', now())",
            beirut(2030, 1, 16, 14).to_rfc3339()
        ),
    )
    .await;
    owned_action_point(&app, wg, 9001, "Share the referral pathway with Akkar partners", ARABIC).await;
    owned_action_point(&app, wg, 9002, "Update the service mapping", "member@example.org").await;

    let settings = MailSettings {
        base_url: url::Url::parse("https://convene.example.org/").unwrap(),
    };
    let mut conn = app.db.conn().await;
    planner::run_once(&mut conn, &settings, beirut(2030, 1, 14, 9))
        .await
        .unwrap();
    deliver(&app, &smtp, beirut(2030, 1, 14, 9)).await;
    let received = smtp.received();
    let mine = to(&received, ARABIC);
    assert_eq!(mine.len(), 1);
    let mail = mine[0];
    assert_eq!(
        mail.subject(),
        "تذكير: CPiE WG – Monthly coordination، الأربعاء، ١٦ يناير ٢٠٣٠، الساعة ٢:٠٠ م (Asia/Beirut)"
    );
    let text = mail.text();
    assert!(text.contains("هذا تذكير بالاجتماع القادم."), "{text}");
    assert!(text.contains("نقاط العمل المفتوحة المسندة إليك"), "{text}");
    assert!(
        text.contains("Share the referral pathway with Akkar partners"),
        "{text}"
    );
    assert!(!text.contains("Update the service mapping"), "only their own: {text}");
    let html = mail.html();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "{html}");
    assert!(html.contains("هذا تذكير بالاجتماع القادم."), "{html}");
    assert!(
        html.contains("Share the referral pathway with Akkar partners"),
        "{html}"
    );
    // The English member's reminder stays English.
    let english = to(&received, "member@example.org")[0];
    assert!(
        english.subject().starts_with("Reminder: CPiE WG"),
        "{}",
        english.subject()
    );
    assert!(english.html().contains("<html lang=\"en\" dir=\"ltr\">"));
}

#[tokio::test]
async fn the_footer_switcher_sets_the_next_pages_language_with_or_without_an_account() {
    let app = app().await;

    // Before signing in, the choice is kept in a cookie, ahead of Accept-Language.
    let anonymous = app.visitor();
    assert_eq!(html_lang(&anonymous.page("/login").await), "en");
    let switched = switch_language(&anonymous, "/login", "fr").await;
    assert_eq!(switched.status(), 303);
    assert_eq!(switched.headers()["location"], "/login");
    let login = anonymous.page("/login").await;
    assert_eq!(html_lang(&login), "fr");
    assert!(login.contains("<h1>Connexion</h1>"), "{login}");
    let with_header = page_in_browser_language(&anonymous, "/login", "es").await;
    assert_eq!(html_lang(&with_header), "fr", "the cookie goes before Accept-Language");

    // Signed in, the choice is saved to the account, so it holds on another device.
    let member = app.sign_in_demo("member").await;
    assert_eq!(html_lang(&member.page("/").await), "en");
    assert_eq!(switch_language(&member, "/", "ar").await.status(), 303);
    let home = member.page("/").await;
    assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"), "{home}");
    assert!(home.contains("مجموعات العمل"));
    let elsewhere = app.sign_in_demo("member").await;
    assert_eq!(html_lang(&elsewhere.page("/action-points").await), "ar");

    // A language that is not offered is refused and changes nothing.
    let refused = switch_language(&member, "/", "de").await;
    assert_eq!(refused.status(), 422);
    assert_eq!(html_lang(&member.page("/").await), "ar");
    // Without the form's token nothing is saved.
    let forged = member
        .post("/language", &[("csrf_token", "forged"), ("locale", "es")])
        .await;
    assert_eq!(forged.status(), 403);
    assert_eq!(html_lang(&member.page("/").await), "ar");
}

#[tokio::test]
async fn without_a_choice_pages_follow_the_browser_then_the_groups_default() {
    let app = app().await;
    exec(
        &app,
        "UPDATE groups SET default_locale = 'es' WHERE short_name = 'CPiE WG'",
    )
    .await;
    let coordinator = app.sign_in_demo("coordinator").await;
    // No Accept-Language: the default of the group they belong to.
    assert_eq!(html_lang(&coordinator.page("/").await), "es");
    let french_browser = page_in_browser_language(&coordinator, "/", "fr-ML,fr;q=0.9").await;
    assert_eq!(html_lang(&french_browser), "fr");
    // Their own choice goes before both.
    assert_eq!(
        html_lang(&app.sign_in(ARABIC, "demo-arabic").await.page("/").await),
        "ar"
    );
}

#[tokio::test]
async fn the_profile_offers_every_language_and_the_group_gives_its_own_to_those_it_invites() {
    let app = app().await;
    let smtp = SmtpServer::start().await;
    let member = app.sign_in_demo("member").await;
    let profile = |locale: &'static str| {
        vec![
            ("name", "Omar Farah"),
            ("organization_id", ""),
            ("title", "CP Manager"),
            ("phone", ""),
            ("locale", locale),
            ("time_zone", "Asia/Beirut"),
        ]
    };
    let bad = member
        .submit("/account/profile", "/account/profile", &profile("xx"))
        .await;
    assert_eq!(bad.status(), 422);
    let saved = member
        .submit("/account/profile", "/account/profile", &profile("es"))
        .await;
    assert_eq!(saved.status(), 200);
    let page = saved.text().await.unwrap();
    assert_eq!(html_lang(&page), "es", "the confirmation speaks the new language");
    assert!(page.contains("<option value=\"ar\">العربية</option>"), "{page}");
    // Back to following the browser.
    member
        .submit("/account/profile", "/account/profile", &profile(""))
        .await;
    assert_eq!(html_lang(&member.page("/account/profile").await), "en");

    // The coordinator makes French the group's language; whoever it invites gets it.
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let edit = format!("/groups/{wg}/edit");
    let form = coordinator.page(&edit).await;
    assert!(form.contains("name=\"default_locale\""), "{form}");
    let group = [
        ("name", "Child Protection in Emergencies Working Group"),
        ("short_name", "CPiE WG"),
        ("kind", "working_group"),
        ("location", "Beirut, Lebanon"),
        ("time_zone", "Asia/Beirut"),
        ("description", ""),
        ("default_locale", "fr"),
        ("meeting_reminder_days", "2"),
        ("update_request_days", "3"),
        ("action_due_days", "3"),
        ("task_ending_days", "7"),
    ];
    let updated = coordinator.submit(&edit, &format!("/groups/{wg}"), &group).await;
    assert_eq!(updated.status(), 303, "{}", updated.text().await.unwrap());
    let form = coordinator.page(&edit).await;
    assert!(
        form.contains("<option value=\"fr\" selected>Français</option>"),
        "{form}"
    );
    let members = format!("/groups/{wg}/members");
    let invited = coordinator
        .submit(
            &members,
            &members,
            &[
                ("email", "moussa.diallo@example.org"),
                ("name", "Moussa Diallo"),
                ("role", "member"),
            ],
        )
        .await;
    assert_eq!(invited.status(), 303);
    let locale = app
        .count("SELECT count(*) AS count FROM users WHERE email = 'moussa.diallo@example.org' AND locale = 'fr'")
        .await;
    assert_eq!(locale, 1);
    deliver(&app, &smtp, Utc::now()).await;
    let received = smtp.received();
    let invitation = to(&received, "moussa.diallo@example.org");
    assert_eq!(invitation.len(), 1);
    assert_eq!(
        invitation[0].subject(),
        "Votre compte convene\u{a0}: choisissez un mot de passe"
    );
}

#[tokio::test]
async fn the_api_reads_and_writes_a_persons_language_and_refuses_others() {
    let app = app().await;
    let me = script_of(&app, "member@example.org").await;
    let mine = me.get("/api/v1/me").await;
    assert_eq!(mine.body["locale"], serde_json::Value::Null);
    let id = mine.body["id"].as_i64().unwrap();
    let path = format!("/api/v1/users/{id}");

    for bad in ["de", "FR", "", " fr"] {
        let refused = me.patch(&path, json!({"locale": bad})).await;
        assert_problem(&refused, 422, "locale: ");
    }
    let refused = me.patch(&path, json!({"locale": 7})).await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(me.get("/api/v1/me").await.body["locale"], serde_json::Value::Null);

    let saved = me.patch(&path, json!({"locale": "fr"})).await;
    assert_eq!(saved.status, 200, "{}", saved.body);
    assert_eq!(saved.body["locale"], "fr");
    assert_eq!(me.get("/api/v1/me").await.body["locale"], "fr");
    let cleared = me.patch(&path, json!({"locale": null})).await;
    assert_eq!(cleared.body["locale"], serde_json::Value::Null);

    // Someone else's account is theirs, or an administrator's, to change.
    let other = app.id(&format!("SELECT id FROM users WHERE email = '{ARABIC}'")).await;
    let forbidden = me
        .patch(&format!("/api/v1/users/{other}"), json!({"locale": "en"}))
        .await;
    assert_eq!(forbidden.status, 403);
    let admin = script_of(&app, "admin@example.org").await;
    let by_admin = admin
        .patch(&format!("/api/v1/users/{other}"), json!({"locale": "es"}))
        .await;
    assert_eq!(by_admin.body["locale"], "es");
}

const SPANISH: &str = "maya.khalil@example.org";

/// The lines of a mail's text part, trimmed of their line ends.
fn lines(text: &str) -> Vec<&str> {
    text.lines().map(str::trim_end).collect()
}

#[tokio::test]
async fn a_meetings_mail_gives_its_date_as_a_french_and_a_spanish_reader_write_it() {
    let app = app().await;
    let smtp = SmtpServer::start().await;
    exec(
        &app,
        &format!("UPDATE users SET locale = 'es' WHERE email = '{SPANISH}'"),
    )
    .await;
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = monthly_coordination(&coordinator, wg).await;
    let page = format!("/meetings/{meeting}");
    for step in ["publish", "start", "close"] {
        let done = coordinator
            .submit(&page, &format!("{page}/status"), &[("step", step)])
            .await;
        assert_eq!(done.status(), 303, "{step}");
    }
    deliver(&app, &smtp, Utc.with_ymd_and_hms(2030, 1, 16, 17, 0, 0).unwrap()).await;
    let received = smtp.received();
    let link = format!("https://convene.example.org/meetings/{meeting}");

    let french = to(&received, FRENCH);
    assert_eq!(french.len(), 2, "the invitation and the minutes");
    assert_eq!(
        french[0].subject(),
        "Réunion\u{a0}: CPiE WG – Monthly coordination, mercredi 16 janvier 2030 à 14:00 (Asia/Beirut)"
    );
    let text = french[0].text();
    assert_eq!(
        lines(&text)[4..8],
        [
            "Monthly coordination",
            "Quand\u{a0}: mercredi 16 janvier 2030 à 14:00 (Asia/Beirut)",
            "Où\u{a0}: UNHCR Lea, Beirut",
            link.as_str(),
        ],
        "{text}"
    );
    assert!(
        french[0]
            .html()
            .contains("Quand\u{a0}: mercredi 16 janvier 2030 à 14:00 (Asia/Beirut)"),
        "{}",
        french[0].html()
    );
    assert_eq!(
        french[1].subject(),
        "Compte rendu\u{a0}: CPiE WG – Monthly coordination du mercredi 16 janvier 2030"
    );

    let spanish = to(&received, SPANISH);
    assert_eq!(spanish.len(), 2, "the invitation and the minutes");
    assert_eq!(
        spanish[0].subject(),
        "Reunión: CPiE WG – Monthly coordination, miércoles, 16 de enero de 2030, 14:00 (Asia/Beirut)"
    );
    let text = spanish[0].text();
    assert_eq!(
        lines(&text)[4..8],
        [
            "Monthly coordination",
            "Cuándo: miércoles, 16 de enero de 2030, 14:00 (Asia/Beirut)",
            "Dónde: UNHCR Lea, Beirut",
            link.as_str(),
        ],
        "{text}"
    );
    assert_eq!(
        spanish[1].subject(),
        "Acta: CPiE WG – Monthly coordination del miércoles, 16 de enero de 2030"
    );
}

/// A meeting of the working group, published, at 14:00 Beirut time on a day of January 2030.
async fn published_meeting(app: &TestApp, wg: i64, day: u32) {
    exec(
        app,
        &format!(
            "INSERT INTO meetings (group_id, title, starts_at, location, status, published_at) \
             VALUES ({wg}, 'Monthly coordination', '{}', 'UNICEF office, Beirut', 'scheduled', now())",
            beirut(2030, 1, day, 14).to_rfc3339()
        ),
    )
    .await;
}

/// The line under "your open action points" of the reminder `address` got about the
/// meeting on `day`, with the subject.
fn overdue_line(received: &[common::mail::Received], address: &str, day: &str) -> String {
    let mine: Vec<_> = to(received, address)
        .into_iter()
        .filter(|mail| mail.subject().contains(day))
        .collect();
    assert_eq!(mine.len(), 1, "one reminder for {address} about {day}");
    let text = mine[0].text();
    let lines = lines(&text);
    let heading = lines
        .iter()
        .position(|line| ["Vos points d'action ouverts", "Sus puntos de acción abiertos"].contains(line))
        .unwrap_or_else(|| panic!("a list of open action points: {text}"));
    assert!(
        mine[0]
            .html()
            .contains(&format!("<strong>{}</strong>", lines[heading + 1]))
    );
    lines[heading + 1].to_owned()
}

#[tokio::test]
async fn a_meeting_reminder_counts_the_readers_overdue_action_points_in_their_language() {
    let app = app().await;
    let smtp = SmtpServer::start().await;
    exec(
        &app,
        &format!("UPDATE users SET locale = 'es' WHERE email = '{SPANISH}'"),
    )
    .await;
    let wg = group_id(&app, WG).await;
    // Only the action points below are open, so the counts are theirs.
    exec(
        &app,
        &format!("UPDATE action_points SET status = 'done' WHERE group_id = {wg}"),
    )
    .await;
    published_meeting(&app, wg, 16).await;
    published_meeting(&app, wg, 17).await;
    let overdue =
        |number: i32, text: &'static str, email: &'static str| owned_item(&app, wg, number, text, "2030-01-10", email);
    overdue(9001, "Share the referral pathway with partners", FRENCH).await;
    owned_item(&app, wg, 9002, "Map the services of the south", "2030-01-31", FRENCH).await;
    overdue(9003, "Train the case workers", SPANISH).await;
    overdue(9004, "Update the case management forms", SPANISH).await;
    // Samira takes her mail as a daily digest, which carries the reminders' counts.
    overdue(9005, "Brief the Akkar outreach volunteers", ARABIC).await;
    overdue(9006, "Translate the referral form", ARABIC).await;
    let samira = app.sign_in(ARABIC, "demo-arabic").await;
    let digest_only = [("on", "meeting_reminder"), ("delivery", "daily_digest")];
    let saved = samira
        .submit("/account/notifications", "/account/notifications", &digest_only)
        .await;
    assert_eq!(saved.status(), 200);
    let settings = MailSettings {
        base_url: url::Url::parse("https://convene.example.org/").unwrap(),
    };
    let mut conn = app.db.conn().await;
    // Monday's reminder of Wednesday's meeting.
    planner::run_once(&mut conn, &settings, beirut(2030, 1, 14, 9))
        .await
        .unwrap();

    // By Tuesday's reminder of Thursday's meeting, one more of Aminata's is overdue and
    // one of Maya's is done.
    exec(
        &app,
        "UPDATE action_points SET due_date = '2030-01-11' WHERE number = 9002",
    )
    .await;
    exec(&app, "UPDATE action_points SET status = 'done' WHERE number = 9004").await;
    planner::run_once(&mut conn, &settings, beirut(2030, 1, 15, 9))
        .await
        .unwrap();
    deliver(&app, &smtp, beirut(2030, 1, 15, 9)).await;
    let received = smtp.received();

    let wednesday_fr = "mercredi 16 janvier 2030";
    let thursday_fr = "jeudi 17 janvier 2030";
    assert_eq!(
        overdue_line(&received, FRENCH, wednesday_fr),
        "1 point d'action en retard"
    );
    assert_eq!(
        overdue_line(&received, FRENCH, thursday_fr),
        "2 points d'action en retard"
    );
    let wednesday_es = "miércoles, 16 de enero de 2030";
    let thursday_es = "jueves, 17 de enero de 2030";
    assert_eq!(
        overdue_line(&received, SPANISH, wednesday_es),
        "2 puntos de acción vencidos"
    );
    assert_eq!(
        overdue_line(&received, SPANISH, thursday_es),
        "1 punto de acción vencido"
    );
    // Each morning's digest holds that day's reminder.
    let digests = to(&received, ARABIC);
    assert_eq!(digests.len(), 2, "a digest on Monday and one on Tuesday");
    for digest in digests {
        assert!(digest.subject().starts_with("ملخص"), "{}", digest.subject());
        let text = digest.text();
        let counted = lines(&text).into_iter().filter(|line| *line == "نقطتا عمل متأخرتان");
        assert_eq!(counted.count(), 1, "{text}");
    }
    // Someone with nothing overdue is told nothing about it.
    for mail in to(&received, "member@example.org") {
        assert!(!mail.text().contains("overdue"), "{}", mail.text());
    }
}

#[tokio::test]
async fn the_demos_field_group_in_mopti_works_in_french_in_malis_time() {
    let app = app().await;
    let mopti = app
        .id("SELECT id FROM groups WHERE name = 'Sous-cluster Protection de l''enfance – Mopti' AND default_locale = 'fr' AND time_zone = 'Africa/Bamako'")
        .await;
    // Loading the demo again adds nothing.
    app.load_demo().await;
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM meetings WHERE group_id = {mopti}"
        ))
        .await,
        2,
        "a closed meeting and an upcoming one"
    );
    // Its members who chose no language are written to in the group's.
    assert_eq!(
        app.count("SELECT count(*) AS count FROM users WHERE email = 'ibrahim.maiga@example.org' AND person_language(id) = 'fr'")
            .await,
        1
    );

    let aminata = app.sign_in_demo("francophone").await;
    let home = aminata.page("/").await;
    assert!(home.contains("Sous-cluster Protection de l'enfance – Mopti"), "{home}");
    let group = aminata.page(&format!("/groups/{mopti}")).await;
    assert!(group.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(
        group.contains("Réunion mensuelle du sous-cluster Protection de l'enfance"),
        "{group}"
    );
    assert!(group.contains("10:00"), "at ten in Bamako: {group}");
    let items = aminata.page(&format!("/groups/{mopti}/action-points")).await;
    for text in [
        "Compiler les signalements d'enfants non accompagnés de Sévaré et de Konna pour le rapport mensuel.",
        "Membres à proposer des points focaux pour la formation sur les standards minimums.",
    ] {
        assert!(items.contains(text), "{text}: {items}");
    }
    assert!(items.contains("Samira Khatib"), "an owner by name: {items}");
    // Samira belongs to it too, and reads it in Arabic.
    let samira = app.sign_in(ARABIC, "demo-arabic").await;
    let page = samira.page(&format!("/groups/{mopti}")).await;
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{page}");
}

/// English labels of the interface, none of which an Arabic page may show as the whole
/// text of an element (data such as "Save the Children" may contain the words).
const ENGLISH_LABELS: &[&str] = &[
    "Skip to content",
    "Sign out",
    "Working groups",
    "Meetings",
    "Action points",
    "Directory",
    "Organizations",
    "Notifications",
    "Password",
    "Profile",
    "Your work",
    "Status",
    "Due",
    "Owners",
    "Save",
    "Filter",
    "Agenda",
    "Attendance",
    "Minutes",
    "Edit",
    "Language",
    "Time zone",
    "Next item",
    "Page not found",
    "Not allowed",
];

/// The texts a reader sees, one per text node of the body outside scripts and styles,
/// trimmed.
fn visible_texts(document: &scraper::Html) -> Vec<String> {
    let body = scraper::Selector::parse("body").unwrap();
    document
        .select(&body)
        .flat_map(|b| b.descendants())
        .filter_map(|node| {
            let text = node.value().as_text()?;
            let parent = node.parent()?.value().as_element()?.name();
            (!["script", "style"].contains(&parent) && !text.trim().is_empty()).then(|| text.trim().to_owned())
        })
        .collect()
}

/// Whether every text node holding `text` sits inside a `<bdi>` or an element with
/// `dir="auto"`, so that English runs keep their order inside Arabic; and whether
/// there is one at all.
fn isolated_everywhere(document: &scraper::Html, text: &str) -> Option<bool> {
    let nodes: Vec<_> = document
        .tree
        .nodes()
        .filter(|node| node.value().as_text().is_some_and(|t| t.contains(text)))
        .collect();
    (!nodes.is_empty()).then(|| {
        nodes.iter().all(|node| {
            node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "bdi" || e.attr("dir") == Some("auto"))
            })
        })
    })
}

#[tokio::test]
async fn every_main_page_reads_right_to_left_in_arabic_with_english_data_isolated() {
    let app = app().await;
    let wg = group_id(&app, WG).await;
    let upcoming = app
        .id(&format!(
            "SELECT id FROM meetings WHERE group_id = {wg} AND starts_at > now() ORDER BY starts_at LIMIT 1"
        ))
        .await;
    let closed = app
        .id(&format!(
            "SELECT id FROM meetings WHERE group_id = {wg} AND status = 'closed' ORDER BY starts_at DESC LIMIT 1"
        ))
        .await;
    let item = app
        .id("SELECT id FROM action_points WHERE text = 'Share all key message resources'")
        .await;
    let english_item = "Share all key message resources";
    let samira = app.sign_in(ARABIC, "demo-arabic").await;

    // Each page, the status it answers with, and an Arabic label it must carry.
    let pages = [
        ("/".to_owned(), 200, "مجموعات العمل"),
        (format!("/groups/{wg}"), 200, "نقاط العمل"),
        (format!("/meetings/{upcoming}"), 200, "جدول الأعمال"),
        (format!("/meetings/{upcoming}/live"), 200, "وضع العرض (خط كبير)"),
        (format!("/meetings/{closed}/minutes"), 200, "محضر الاجتماع"),
        ("/meetings".to_owned(), 200, "اجتماعات مجموعاتي"),
        (format!("/groups/{wg}/meetings"), 200, "اجتماعات"),
        ("/action-points".to_owned(), 200, "نقاط العمل"),
        (format!("/groups/{wg}/action-points"), 200, "نقاط عمل"),
        (format!("/action-points/{item}"), 200, "نقاط العمل"),
        (format!("/groups/{wg}/workplan"), 200, "خطة عمل"),
        (format!("/groups/{wg}/workplan/timeline"), 200, "الجدول الزمني لخطة عمل"),
        ("/directory".to_owned(), 200, "الدليل"),
        (format!("/groups/{wg}/directory"), 200, "دليل"),
        ("/account/profile".to_owned(), 200, "ملفك الشخصي"),
        ("/account/notifications".to_owned(), 200, "الإشعارات"),
        ("/account/password".to_owned(), 200, "تغيير كلمة المرور"),
        ("/account/tokens".to_owned(), 200, "رموز الوصول إلى واجهة البرمجة"),
        ("/account/calendar".to_owned(), 200, "خلاصات التقويم"),
        ("/groups/987654321".to_owned(), 404, "الصفحة غير موجودة"),
        (format!("/groups/{wg}/edit"), 403, "غير مسموح"),
    ];
    let mut isolated_on = Vec::new();
    for (path, status, label) in &pages {
        let response = samira.get(path).await;
        assert_eq!(response.status(), *status, "GET {path}");
        let page = response.text().await.unwrap();
        assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"), "{path}: {page}");
        let document = scraper::Html::parse_document(&page);
        let texts = visible_texts(&document);
        assert!(
            texts.iter().any(|t| t.contains(label)),
            "{path} says {label}: {texts:?}"
        );
        for english in ENGLISH_LABELS {
            assert!(
                !texts.iter().any(|t| t == english),
                "{path} shows \"{english}\": {texts:?}"
            );
        }
        match isolated_everywhere(&document, english_item) {
            Some(true) => isolated_on.push(path.as_str()),
            Some(false) => panic!("{path} shows \"{english_item}\" outside <bdi> or dir=\"auto\": {page}"),
            None => {}
        }
    }
    // The English action point is among the data of the lists and its own page.
    for path in [
        "/action-points".to_owned(),
        format!("/groups/{wg}/action-points"),
        format!("/action-points/{item}"),
    ] {
        assert!(isolated_on.contains(&path.as_str()), "{path} lists it: {isolated_on:?}");
    }
}
