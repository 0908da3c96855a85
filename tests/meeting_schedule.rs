//! Scheduling meetings through the pages: the form in the group's time zone, its
//! checks, editing and who may, recurring series, the lists, `.ics` files and the
//! secret calendar feeds.

use crate::common;

use chrono_tz::Asia::Beirut;
use common::meetings::{WG, created_meeting, events, group_id, ics, local_start, other_group, property, schedule};
use common::{TestApp, spawn_app};

async fn demo() -> TestApp {
    let app = spawn_app().await;
    app.load_demo().await;
    app
}

const MARCH: &[(&str, &str)] = &[
    ("title", "CPiE WG March meeting"),
    ("date", "2027-03-17"),
    ("start_time", "14:00"),
    ("end_time", "16:00"),
    ("location", "UNHCR Lea, Beirut"),
    ("online_url", "https://meet.example.org/cpie"),
    ("agenda", "previous"),
];

fn with<'a>(base: &[(&'a str, &'a str)], changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&str, &str)> = base
        .iter()
        .filter(|(k, _)| !changes.iter().any(|(c, _)| c == k))
        .copied()
        .collect();
    fields.extend_from_slice(changes);
    fields
}

/// The titles of a meeting's agenda as its page lists them, indented by depth.
async fn agenda_outline(app: &TestApp, meeting: i64) -> Vec<String> {
    let page = app
        .sign_in_demo("coordinator")
        .await
        .page(&format!("/meetings/{meeting}"))
        .await;
    let document = scraper::Html::parse_document(&page);
    let items = scraper::Selector::parse("ol.agenda li").unwrap();
    let title = scraper::Selector::parse(".title").unwrap();
    document
        .select(&items)
        .map(|li| {
            let depth = li
                .value()
                .classes()
                .find_map(|c| c.strip_prefix("depth-"))
                .and_then(|d| d.parse().ok())
                .unwrap_or(0);
            let text: String = li.select(&title).flat_map(|t| t.text()).collect();
            format!("{}{}", "  ".repeat(depth), text.trim())
        })
        .collect()
}

#[tokio::test]
async fn a_meeting_scheduled_in_beirut_shows_its_local_time_and_starts_from_the_last_agenda() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let form = coordinator.page(&format!("/groups/{wg}/meetings/new")).await;
    assert!(form.contains("Asia/Beirut"), "the form names the zone");
    let meeting = created_meeting(&schedule(&coordinator, wg, MARCH).await);

    // Stored in UTC: 14:00 in Beirut in March (UTC+2) is 12:00 UTC.
    let stored = app
        .count(&format!(
            "SELECT count(*) AS count FROM meetings WHERE id = {meeting} AND status = 'draft' \
             AND starts_at = '2027-03-17 12:00:00+00' AND duration_minutes = 120"
        ))
        .await;
    assert_eq!(stored, 1);
    let page = coordinator.page(&format!("/meetings/{meeting}")).await;
    assert!(page.contains("14:00–16:00"), "local time shown");
    assert!(page.contains("Asia/Beirut"));

    // The upcoming demo meeting's agenda, nesting and all, with the review first.
    let sources = app
        .count(&format!(
            "SELECT count(*) AS count FROM agenda_items a JOIN agenda_items p ON p.id = a.parent_id \
             WHERE a.meeting_id = {meeting} AND p.title = 'Updates' AND a.title IN ('Field', 'Sub-groups', 'Other sectors')"
        ))
        .await;
    assert_eq!(sources, 3, "sub-items copied under their parent");
    let first = app
        .count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting} AND parent_id IS NULL \
             AND position = 0 AND title = 'Review of action points'"
        ))
        .await;
    assert_eq!(first, 1);
    let notes = app
        .count(&format!(
            "SELECT count(*) AS count FROM agenda_items WHERE meeting_id = {meeting} AND (notes <> '' OR decisions <> '')"
        ))
        .await;
    assert_eq!(notes, 0, "notes are never copied");
}

#[tokio::test]
async fn the_agenda_template_nests_by_indentation_and_gets_the_review_first() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let list = format!("/groups/{wg}/meetings");
    let saved = coordinator
        .submit(
            &list,
            &format!("/groups/{wg}/agenda-template"),
            &[("template", "Welcome\r\nUpdates\r\n  Field hubs\r\n  Sub-groups\r\nAOB")],
        )
        .await;
    assert_eq!(saved.status(), 303);
    assert!(
        coordinator.page(&list).await.contains("  Field hubs"),
        "the template is shown for editing"
    );
    let meeting = created_meeting(&schedule(&coordinator, wg, &with(MARCH, &[("agenda", "template")])).await);
    assert_eq!(
        agenda_outline(&app, meeting).await,
        vec![
            "Review of action points",
            "Welcome",
            "Updates",
            "  Field hubs",
            "  Sub-groups",
            "AOB"
        ]
    );
    let empty = created_meeting(
        &schedule(
            &coordinator,
            wg,
            &with(MARCH, &[("agenda", "empty"), ("date", "2027-03-18")]),
        )
        .await,
    );
    assert_eq!(agenda_outline(&app, empty).await, vec!["Review of action points"]);
}

#[tokio::test]
async fn bad_times_and_links_are_refused_naming_the_field_and_nothing_is_saved() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let before = app.count("SELECT count(*) AS count FROM meetings").await;

    let response = schedule(&coordinator, wg, &with(MARCH, &[("end_time", "13:00")])).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Ends at"), "names the field");
    assert!(page.contains("The end must come after the start."));
    assert!(
        page.contains("value=\"CPiE WG March meeting\""),
        "what was typed comes back"
    );
    assert!(page.contains("value=\"https://meet.example.org/cpie\""));

    let response = schedule(
        &coordinator,
        wg,
        &with(MARCH, &[("online_url", "javascript:alert(document.cookie)")]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Online meeting link"));
    assert!(page.contains("https://"));

    let response = schedule(
        &coordinator,
        wg,
        &with(MARCH, &[("start_time", "2pm"), ("date", "2027-02-30")]),
    )
    .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Starts at") && page.contains("Date"));

    assert_eq!(app.count("SELECT count(*) AS count FROM meetings").await, before);
}

async fn upcoming_demo_meeting(app: &TestApp) -> i64 {
    app.id(&format!(
        "SELECT id FROM meetings WHERE status = 'scheduled' AND group_id = {} ORDER BY starts_at LIMIT 1",
        group_id(app, WG).await
    ))
    .await
}

#[tokio::test]
async fn moving_a_published_meeting_bumps_its_calendar_sequence() {
    let app = demo().await;
    let meeting = upcoming_demo_meeting(&app).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let path = format!("/meetings/{meeting}.ics");
    let calendar = ics(&coordinator, &path).await;
    let event = &events(&calendar)[0];
    assert_eq!(property(event, "SEQUENCE").as_deref(), Some("0"));
    assert_eq!(property(event, "METHOD"), None);
    assert!(calendar.contains("METHOD:PUBLISH"));
    let uid = property(event, "UID").unwrap();
    assert!(uid.starts_with(&format!("meeting-{meeting}@")), "{uid}");
    assert!(local_start(event, Beirut).ends_with("14:00"));

    let edit = format!("/meetings/{meeting}/edit");
    let page = coordinator.page(&format!("/meetings/{meeting}")).await;
    assert!(page.contains(&format!("href=\"{edit}\"")) && page.contains(&format!("href=\"{path}\"")));
    let form = coordinator.page(&edit).await;
    assert!(form.contains("value=\"14:00\""), "the form shows the local time");
    let date = local_start(event, Beirut)[..10].to_owned();
    let fields = [
        ("title", "CPiE WG (renamed)"),
        ("date", date.as_str()),
        ("start_time", "14:00"),
        ("end_time", "17:00"),
        ("location", "UNHCR Lea, Beirut"),
    ];
    let renamed = coordinator
        .submit(&edit, &format!("/meetings/{meeting}"), &fields)
        .await;
    assert_eq!(renamed.status(), 303);
    let longer = events(&ics(&coordinator, &path).await).remove(0);
    assert_eq!(
        property(&longer, "SEQUENCE").as_deref(),
        Some("1"),
        "a longer meeting is news"
    );
    assert_eq!(
        property(&longer, "UID").as_deref(),
        Some(uid.as_str()),
        "the UID is stable"
    );

    let title_only = [
        ("title", "CPiE WG (renamed again)"),
        ("date", date.as_str()),
        ("start_time", "14:00"),
        ("end_time", "17:00"),
        ("location", "UNHCR Lea, Beirut"),
    ];
    coordinator
        .submit(&edit, &format!("/meetings/{meeting}"), &title_only)
        .await;
    let renamed = events(&ics(&coordinator, &path).await).remove(0);
    assert_eq!(
        property(&renamed, "SEQUENCE").as_deref(),
        Some("1"),
        "a new title is not"
    );
    assert_eq!(
        property(&renamed, "SUMMARY").as_deref(),
        Some("CPiE WG (renamed again)")
    );

    let moved = [
        ("title", "CPiE WG"),
        ("date", date.as_str()),
        ("start_time", "15:00"),
        ("end_time", "17:00"),
        ("location", "UNICEF, Beirut"),
    ];
    coordinator.submit(&edit, &format!("/meetings/{meeting}"), &moved).await;
    let moved = events(&ics(&coordinator, &path).await).remove(0);
    assert_eq!(property(&moved, "SEQUENCE").as_deref(), Some("2"));
    assert!(local_start(&moved, Beirut).ends_with("15:00"));
    assert_eq!(property(&moved, "LOCATION").as_deref(), Some("UNICEF, Beirut"));
    assert_eq!(property(&moved, "STATUS").as_deref(), Some("CONFIRMED"));

    // Cancelled (by the status flow), it stays in calendars as cancelled, and is no longer editable.
    app.count(&format!(
        "WITH done AS (UPDATE meetings SET status = 'cancelled', cancelled_at = now() WHERE id = {meeting} RETURNING 1) \
         SELECT count(*) AS count FROM done"
    ))
    .await;
    let cancelled = events(&ics(&coordinator, &path).await).remove(0);
    assert_eq!(property(&cancelled, "STATUS").as_deref(), Some("CANCELLED"));
    assert_eq!(coordinator.get(&edit).await.status(), 409);
}

#[tokio::test]
async fn closed_meetings_cannot_be_edited() {
    let app = demo().await;
    let closed = app
        .id("SELECT id FROM meetings WHERE status = 'closed' ORDER BY starts_at DESC LIMIT 1")
        .await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let edit = coordinator.get(&format!("/meetings/{closed}/edit")).await;
    assert_eq!(edit.status(), 409);
    assert!(edit.text().await.unwrap().contains("re-opens"));
    // A form sent anyway (with a token from another page) changes nothing.
    let response = coordinator
        .submit(
            "/account/calendar",
            &format!("/meetings/{closed}"),
            &[
                ("title", "Rewritten"),
                ("date", "2014-06-11"),
                ("start_time", "09:00"),
                ("end_time", "10:00"),
            ],
        )
        .await;
    assert_eq!(response.status(), 409);
    let unchanged = app
        .count(&format!(
            "SELECT count(*) AS count FROM meetings WHERE id = {closed} AND title <> 'Rewritten'"
        ))
        .await;
    assert_eq!(unchanged, 1);
    assert!(
        !coordinator
            .page(&format!("/meetings/{closed}"))
            .await
            .contains(&format!("/meetings/{closed}/edit"))
    );
}

#[tokio::test]
async fn a_group_id_in_the_form_does_not_move_a_meeting() {
    let app = demo().await;
    let meeting = upcoming_demo_meeting(&app).await;
    let wg = group_id(&app, WG).await;
    let (other, _) = other_group(&app).await;
    let sub = group_id(&app, "CM TWG").await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let edit = format!("/meetings/{meeting}/edit");
    for tampered in [other.to_string(), sub.to_string()] {
        let response = coordinator
            .submit(
                &edit,
                &format!("/meetings/{meeting}"),
                &[
                    ("group_id", tampered.as_str()),
                    ("title", "Moved?"),
                    ("date", "2027-05-05"),
                    ("start_time", "14:00"),
                    ("end_time", "16:00"),
                ],
            )
            .await;
        assert_eq!(response.status(), 303);
    }
    let group_of = app
        .id(&format!("SELECT group_id AS id FROM meetings WHERE id = {meeting}"))
        .await;
    assert_eq!(group_of, wg);
}

#[tokio::test]
async fn members_may_not_schedule_and_strangers_see_nothing() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let meeting = upcoming_demo_meeting(&app).await;
    let (other, other_meeting) = other_group(&app).await;
    let member = app.sign_in_demo("member").await;
    assert_eq!(member.get(&format!("/groups/{wg}/meetings/new")).await.status(), 403);
    assert_eq!(
        member.get(&format!("/groups/{wg}/meetings/series/new")).await.status(),
        403
    );
    assert_eq!(member.get(&format!("/meetings/{meeting}/edit")).await.status(), 403);
    let posted = member
        .submit(
            &format!("/groups/{wg}/meetings"),
            &format!("/groups/{wg}/meetings"),
            MARCH,
        )
        .await;
    assert_eq!(posted.status(), 403);
    let edited = member
        .submit(
            &format!("/groups/{wg}/meetings"),
            &format!("/meetings/{meeting}"),
            MARCH,
        )
        .await;
    assert_eq!(edited.status(), 403);
    assert!(
        !member.page(&format!("/meetings/{meeting}")).await.contains("/edit\""),
        "no edit link for members"
    );
    // The member reads the group's published meetings and their .ics.
    assert_eq!(
        events(&ics(&member, &format!("/meetings/{meeting}.ics")).await).len(),
        1
    );

    for path in [
        format!("/meetings/{other_meeting}"),
        format!("/meetings/{other_meeting}.ics"),
        format!("/meetings/{other_meeting}/edit"),
        format!("/groups/{other}/meetings"),
        format!("/groups/{other}/meetings/new"),
    ] {
        assert_eq!(member.get(&path).await.status(), 404, "{path}");
    }
    let coordinator = app.sign_in_demo("coordinator").await;
    let response = coordinator
        .submit(
            &format!("/groups/{wg}/meetings"),
            &format!("/groups/{other}/meetings"),
            MARCH,
        )
        .await;
    assert_eq!(response.status(), 404);
}

#[tokio::test]
async fn drafts_are_listed_only_for_those_who_run_the_meetings() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let draft = created_meeting(&schedule(&coordinator, wg, MARCH).await);
    let list = format!("/groups/{wg}/meetings");

    let page = coordinator.page(&list).await;
    let upcoming = page
        .find("CPiE WG March meeting")
        .expect("the draft is listed for the coordinator");
    let past = page.find("Past meetings").unwrap();
    assert!(upcoming < past, "upcoming first");
    // Soonest first: the demo's meeting two weeks ahead comes before March 2027.
    let demo_meeting = upcoming_demo_meeting(&app).await;
    assert!(page.find(&format!("id=\"meeting-{demo_meeting}\"")).unwrap() < upcoming);
    // Past meetings, most recent first, link their minutes.
    let june = page.find("Wednesday, 11 June 2014").unwrap();
    let may = page.find("Wednesday, 14 May 2014").unwrap();
    assert!(past < june && june < may);
    assert!(page.contains("/minutes\""));

    let member = app.sign_in_demo("member").await;
    for path in [list.as_str(), "/meetings", &format!("/groups/{wg}")] {
        let page = member.page(path).await;
        assert!(!page.contains("CPiE WG March meeting"), "{path} hides the draft");
        assert!(page.contains("11 June 2014"), "{path} lists the past meetings");
    }
    assert_eq!(member.get(&format!("/meetings/{draft}")).await.status(), 404);
    assert!(coordinator.page("/meetings").await.contains("CPiE WG March meeting"));
    assert!(
        member.page("/").await.contains("href=\"/meetings\""),
        "the nav links the list"
    );
}

#[tokio::test]
async fn a_series_every_second_week_stays_at_14_00_in_beirut_across_the_clock_change() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let form = format!("/groups/{wg}/meetings/series/new");
    let fields = [
        ("title", "Case management TWG"),
        ("first_date", "2027-03-10"),
        ("start_time", "14:00"),
        ("end_time", "15:30"),
        ("location", "UNICEF, Beirut"),
        ("repeat", "weeks"),
        ("every_weeks", "2"),
        ("ends", "until"),
        ("until", "2027-04-21"),
        ("agenda", "previous"),
        ("publish", "1"),
    ];
    for _ in 0..2 {
        let response = coordinator
            .submit(&form, &format!("/groups/{wg}/meetings/series"), &fields)
            .await;
        assert_eq!(response.status(), 303);
    }
    let ids: Vec<i64> = {
        let count = app
            .count(
                "SELECT count(*) AS count FROM meetings WHERE title = 'Case management TWG' AND series_id IS NOT NULL",
            )
            .await;
        assert_eq!(count, 4, "sending the series again adds nothing");
        let mut ids = Vec::new();
        for n in 0..4 {
            ids.push(
                app.id(&format!(
                    "SELECT id FROM meetings WHERE title = 'Case management TWG' ORDER BY starts_at OFFSET {n} LIMIT 1"
                ))
                .await,
            );
        }
        ids
    };
    let mut starts = Vec::new();
    let mut utc_hours = Vec::new();
    for id in &ids {
        let event = events(&ics(&coordinator, &format!("/meetings/{id}.ics")).await).remove(0);
        starts.push(local_start(&event, Beirut));
        utc_hours.push(property(&event, "DTSTART").unwrap()[9..11].to_owned());
        let end = property(&event, "DTEND").unwrap();
        assert!(end.ends_with("T133000Z") || end.ends_with("T123000Z"), "{end}");
    }
    assert_eq!(
        starts,
        [
            "2027-03-10 14:00",
            "2027-03-24 14:00",
            "2027-04-07 14:00",
            "2027-04-21 14:00"
        ]
    );
    // Before the change on 28 March Beirut is UTC+2, after it UTC+3.
    assert_eq!(utc_hours, ["12", "12", "11", "11"]);
    // Each meeting of the series has its agenda, opening with the review.
    let reviews = app
        .count(
            "SELECT count(*) AS count FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id \
                WHERE m.title = 'Case management TWG' AND a.parent_id IS NULL AND a.position = 0 \
                AND a.title = 'Review of action points'",
        )
        .await;
    assert_eq!(reviews, 4);

    let monthly = [
        ("title", "Field hubs monthly"),
        ("first_date", "2027-03-10"),
        ("start_time", "10:00"),
        ("end_time", "11:00"),
        ("repeat", "monthly"),
        ("ends", "count"),
        ("count", "3"),
        ("agenda", "empty"),
    ];
    coordinator
        .submit(&form, &format!("/groups/{wg}/meetings/series"), &monthly)
        .await;
    let list = coordinator.page(&format!("/groups/{wg}/meetings")).await;
    for day in [
        "Wednesday, 10 March 2027",
        "Wednesday, 14 April 2027",
        "Wednesday, 12 May 2027",
    ] {
        assert!(list.contains(day), "second Wednesdays: {day}");
    }

    let too_long = coordinator
        .submit(
            &form,
            &format!("/groups/{wg}/meetings/series"),
            &with(&fields, &[("until", "2030-01-01")]),
        )
        .await;
    assert_eq!(too_long.status(), 422);
    assert!(too_long.text().await.unwrap().contains("two years"));
}

/// The feed address shown once on the calendar page after asking for one.
fn feed_address(page: &str) -> String {
    let marker = "class=\"feed-address\">";
    let start = page.find(marker).expect("a new feed address") + marker.len();
    page[start..start + page[start..].find('<').unwrap()].to_owned()
}

#[tokio::test]
async fn secret_feeds_work_without_signing_in_show_only_my_groups_and_stop_after_a_reset() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    let (_, other_meeting) = other_group(&app).await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let draft = created_meeting(&schedule(&coordinator, wg, MARCH).await);
    let published = upcoming_demo_meeting(&app).await;

    let member = app.sign_in_demo("member").await;
    let page = member
        .submit(
            "/account/calendar",
            "/account/calendar",
            &[("group", ""), ("action", "reset")],
        )
        .await
        .text()
        .await
        .unwrap();
    let address = feed_address(&page);
    let path = address
        .split_once("/calendar/")
        .map(|(_, s)| format!("/calendar/{s}"))
        .unwrap();
    assert_eq!(
        app.count("SELECT count(*) AS count FROM tokens WHERE purpose = 'calendar_feed' AND length(token_hash) = 32")
            .await,
        1,
        "only the hash is kept"
    );

    let anonymous = app.visitor();
    let feed = ics(&anonymous, &path).await;
    let uids: Vec<String> = events(&feed).iter().filter_map(|e| property(e, "UID")).collect();
    assert!(
        uids.iter().any(|u| u.starts_with(&format!("meeting-{published}@"))),
        "{uids:?}"
    );
    assert!(
        !uids.iter().any(|u| u.starts_with(&format!("meeting-{draft}@"))),
        "no drafts"
    );
    assert!(
        !uids.iter().any(|u| u.starts_with(&format!("meeting-{other_meeting}@"))),
        "not another group's"
    );

    // A group's own feed.
    let page = member
        .submit(
            "/account/calendar",
            "/account/calendar",
            &[("group", &wg.to_string()), ("action", "reset")],
        )
        .await
        .text()
        .await
        .unwrap();
    let group_address = feed_address(&page);
    let group_path = format!("/calendar/{}", group_address.split_once("/calendar/").unwrap().1);
    assert_eq!(events(&ics(&anonymous, &group_path).await).len(), events(&feed).len());

    // A reset stops the old address.
    let page = member
        .submit(
            "/account/calendar",
            "/account/calendar",
            &[("group", ""), ("action", "reset")],
        )
        .await
        .text()
        .await
        .unwrap();
    let renewed = feed_address(&page);
    assert_ne!(renewed, address);
    assert_eq!(anonymous.get(&path).await.status(), 404);
    let renewed_path = format!("/calendar/{}", renewed.split_once("/calendar/").unwrap().1);
    assert!(!events(&ics(&anonymous, &renewed_path).await).is_empty());

    // Leaving the group drops its meetings from the feeds.
    let member_id = app.id("SELECT id FROM users WHERE email = 'member@example.org'").await;
    app.count(&format!(
        "WITH gone AS (DELETE FROM memberships WHERE user_id = {member_id} RETURNING 1) SELECT count(*) AS count FROM gone"
    ))
    .await;
    assert!(events(&ics(&anonymous, &renewed_path).await).is_empty());
    assert_eq!(anonymous.get(&group_path).await.status(), 404);
    assert_eq!(anonymous.get("/calendar/not-a-secret.ics").await.status(), 404);
}

#[tokio::test]
async fn past_meetings_come_in_pages_of_twenty() {
    let app = demo().await;
    let wg = group_id(&app, WG).await;
    app.count(&format!(
        "WITH added AS (INSERT INTO meetings (group_id, title, starts_at, status, published_at) \
         SELECT {wg}, 'Weekly call ' || n, timestamptz '2013-01-02 10:00+02' + n * interval '7 days', 'scheduled', now() \
         FROM generate_series(0, 24) AS n RETURNING 1) SELECT count(*) AS count FROM added"
    ))
    .await;
    let member = app.sign_in_demo("member").await;
    let first = member.page(&format!("/groups/{wg}/meetings")).await;
    assert!(first.contains("Page 1 of 2"));
    assert!(first.contains("11 June 2014") && !first.contains(">Weekly call 0<"));
    assert!(first.contains(&format!("href=\"/groups/{wg}/meetings?page=2\"")));
    let second = member.page(&format!("/groups/{wg}/meetings?page=2")).await;
    assert!(second.contains("Page 2 of 2"));
    assert!(second.contains(">Weekly call 0<") && !second.contains("11 June 2014"));
}
