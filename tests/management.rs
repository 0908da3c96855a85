//! Running a group from the web: groups, sub-groups, members, organisations,
//! profiles and invitations, each refused to those the policy does not allow.

use crate::common;

use common::{TestApp, spawn_app};
use diesel::sql_types::Text;
use diesel_async::RunQueryDsl;

async fn text(app: &TestApp, sql: &str) -> String {
    #[derive(diesel::QueryableByName)]
    struct Value {
        #[diesel(sql_type = Text)]
        value: String,
    }
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql)
        .get_result::<Value>(&mut conn)
        .await
        .unwrap()
        .value
}

async fn demo() -> (TestApp, i64) {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    (app, wg)
}

fn group_fields<'a>(name: &'a str, short: &'a str, kind: &'a str, tz: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("short_name", short),
        ("kind", kind),
        ("location", "Zahle"),
        ("time_zone", tz),
        ("description", ""),
        ("meeting_reminder_days", "2"),
        ("update_request_days", "3"),
        ("action_due_days", "3"),
        ("task_ending_days", "7"),
    ]
}

#[tokio::test]
async fn the_coordinator_sees_the_controls_and_the_member_does_not() {
    let (app, wg) = demo().await;
    let coordinator = app
        .sign_in_demo("coordinator")
        .await
        .page(&format!("/groups/{wg}"))
        .await;
    assert!(coordinator.contains("nav class=\"controls\""));
    for control in ["Edit group", "Members", "Add a sub-group"] {
        assert!(coordinator.contains(control), "{control}");
    }
    let member = app.sign_in_demo("member").await.page(&format!("/groups/{wg}")).await;
    assert!(!member.contains("nav class=\"controls\""));
    assert!(!member.contains("Edit group"));
}

#[tokio::test]
async fn a_coordinator_creates_a_subgroup_and_a_member_cannot() {
    let (app, wg) = demo().await;
    let form = format!("/groups/{wg}/subgroups/new");
    let action = format!("/groups/{wg}/subgroups");
    let coordinator = app.sign_in_demo("coordinator").await;

    let bad = coordinator
        .submit(
            &form,
            &action,
            &group_fields("Bekaa", "Bekaa", "field_group", "Bekaa/Nowhere"),
        )
        .await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("This is not a time zone"));
    let top_kind = coordinator
        .submit(
            &form,
            &action,
            &group_fields("Bekaa", "Bekaa", "working_group", "Asia/Beirut"),
        )
        .await;
    assert_eq!(top_kind.status(), 422, "a working group cannot sit under another");
    assert_eq!(
        app.count("SELECT count(*) AS count FROM groups WHERE short_name = 'Bekaa'")
            .await,
        0
    );

    let created = coordinator
        .submit(
            &form,
            &action,
            &group_fields("Bekaa", "Bekaa", "field_group", "Asia/Beirut"),
        )
        .await;
    assert_eq!(created.status(), 303);
    assert!(
        coordinator
            .page(&format!("/groups/{wg}"))
            .await
            .contains("><bdi>Bekaa</bdi></a>")
    );
    let again = coordinator
        .submit(
            &form,
            &action,
            &group_fields("Bekaa again", "Bekaa", "field_group", "Asia/Beirut"),
        )
        .await;
    assert_eq!(again.status(), 409);

    let member = app.sign_in_demo("member").await;
    assert_eq!(member.get(&form).await.status(), 403);
    let token = common::form_token(&member.page("/").await);
    let mut fields = group_fields("Sidon", "Sidon", "field_group", "Asia/Beirut");
    fields.push(("csrf_token", &token));
    assert_eq!(member.post(&action, &fields).await.status(), 403);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM groups WHERE short_name = 'Sidon'")
            .await,
        0
    );
}

#[tokio::test]
async fn editing_and_archiving_a_group() {
    let (app, wg) = demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let edit = format!("/groups/{wg}/edit");
    let mut fields = group_fields(
        "Child Protection Working Group",
        "CPiE WG",
        "working_group",
        "Asia/Beirut",
    );
    fields[6] = ("meeting_reminder_days", "45");
    let refused = coordinator.submit(&edit, &format!("/groups/{wg}"), &fields).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        text(&app, &format!("SELECT name AS value FROM groups WHERE id = {wg}")).await,
        "Child Protection in Emergencies Working Group"
    );
    fields[6] = ("meeting_reminder_days", "1");
    assert_eq!(
        coordinator
            .submit(&edit, &format!("/groups/{wg}"), &fields)
            .await
            .status(),
        303
    );
    assert_eq!(
        app.count(&format!(
            "SELECT meeting_reminder_days::bigint AS count FROM groups WHERE id = {wg}"
        ))
        .await,
        1
    );

    let akkar = app.id("SELECT id FROM groups WHERE short_name = 'Akkar'").await;
    let archived = coordinator
        .submit(&format!("/groups/{akkar}"), &format!("/groups/{akkar}/archive"), &[])
        .await;
    assert_eq!(archived.status(), 303);
    assert!(
        !coordinator
            .page(&format!("/groups/{wg}"))
            .await
            .contains("><bdi>Akkar</bdi></a>"),
        "archived groups leave the list"
    );
    assert!(
        coordinator
            .page(&format!("/groups/{akkar}"))
            .await
            .contains("This group is archived")
    );
    coordinator
        .submit(&format!("/groups/{akkar}"), &format!("/groups/{akkar}/restore"), &[])
        .await;
    assert!(
        coordinator
            .page(&format!("/groups/{wg}"))
            .await
            .contains("><bdi>Akkar</bdi></a>")
    );
}

#[tokio::test]
async fn managing_members_and_their_terms() {
    let (app, wg) = demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let page = format!("/groups/{wg}/members");

    // Someone new to convene: an account, an invitation mail and the membership, together.
    let added = coordinator
        .submit(
            &page,
            &page,
            &[
                ("email", "layal@ngo.example"),
                ("name", "Layal Saad"),
                ("role", "co_chair"),
                ("since", "2014-06-11"),
                ("until", ""),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM outbox WHERE kind = 'invitation' AND recipient = 'layal@ngo.example'")
            .await,
        1
    );
    // A co-chair's rotation ends by itself after four months.
    assert_eq!(
        text(&app, "SELECT until::text AS value FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'layal@ngo.example'").await,
        "2014-10-11"
    );
    let listing = coordinator.page(&page).await;
    assert!(listing.contains("Layal Saad"));

    let twice = coordinator
        .submit(
            &page,
            &page,
            &[
                ("email", "layal@ngo.example"),
                ("name", ""),
                ("role", "co_chair"),
                ("since", ""),
                ("until", ""),
            ],
        )
        .await;
    assert_eq!(twice.status(), 422);
    assert!(twice.text().await.unwrap().contains("already holds that role"));
    let unknown = coordinator
        .submit(
            &page,
            &page,
            &[("email", "nobody@ngo.example"), ("name", ""), ("role", "member")],
        )
        .await;
    assert_eq!(unknown.status(), 422, "a new person needs a name");
    let backwards = coordinator
        .submit(
            &page,
            &page,
            &[
                ("email", "member@example.org"),
                ("role", "observer"),
                ("since", "2014-06-11"),
                ("until", "2014-06-01"),
            ],
        )
        .await;
    assert_eq!(backwards.status(), 422);
    assert!(backwards.text().await.unwrap().contains("cannot end before it starts"));

    // A membership of another group cannot be reached through this one.
    let cm = app.id("SELECT id FROM groups WHERE short_name = 'CM TWG'").await;
    let other_membership = app
        .id(&format!("SELECT id FROM memberships WHERE group_id = {cm} LIMIT 1"))
        .await;
    let moved = coordinator
        .submit(
            &page,
            &format!("{page}/{other_membership}"),
            &[("role", "observer"), ("since", "2014-01-01"), ("until", "")],
        )
        .await;
    assert_eq!(moved.status(), 404);
    assert_eq!(
        coordinator
            .submit(&page, &format!("{page}/{other_membership}/remove"), &[])
            .await
            .status(),
        404
    );

    let layal = app
        .id("SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'layal@ngo.example'")
        .await;
    assert_eq!(
        coordinator
            .submit(&page, &format!("{page}/{layal}/remove"), &[])
            .await
            .status(),
        303
    );
    assert!(!coordinator.page(&page).await.contains("Layal Saad"));

    let member = app.sign_in_demo("member").await;
    assert_eq!(member.get(&page).await.status(), 403);
}

#[tokio::test]
async fn organisations_are_added_by_coordinators_and_merged_by_administrators() {
    let (app, _) = demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let fields = [("name", "War Child Holland"), ("acronym", "WCH"), ("kind", "ingo")];
    assert_eq!(
        coordinator
            .submit("/organizations/new", "/organizations", &fields)
            .await
            .status(),
        303
    );
    let duplicate = coordinator
        .submit(
            "/organizations/new",
            "/organizations",
            &[("name", "war child holland"), ("acronym", ""), ("kind", "ingo")],
        )
        .await;
    assert_eq!(duplicate.status(), 409);
    let bad_kind = coordinator
        .submit(
            "/organizations/new",
            "/organizations",
            &[("name", "Someone"), ("acronym", ""), ("kind", "company")],
        )
        .await;
    assert_eq!(bad_kind.status(), 422);
    assert!(coordinator.page("/organizations").await.contains("War Child Holland"));

    let member = app.sign_in_demo("member").await;
    assert_eq!(member.get("/organizations/new").await.status(), 403);
    assert!(member.page("/organizations").await.contains("War Child Holland"));

    // An administrator folds a duplicate into the right one; its people move over.
    let admin = app.sign_in_demo("admin").await;
    let dup = app.id("SELECT id FROM organizations WHERE acronym = 'WCH'").await;
    let irc = app.id("SELECT id FROM organizations WHERE acronym = 'IRC'").await;
    let mut conn = app.db.conn().await;
    diesel::sql_query(format!(
        "UPDATE users SET organization_id = {dup} WHERE email = 'member@example.org'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let edit = format!("/organizations/{dup}/edit");
    let irc_text = irc.to_string();
    assert_eq!(coordinator.get(&edit).await.status(), 403);
    assert_eq!(
        admin
            .submit(&edit, &format!("/organizations/{dup}/merge"), &[("into", &irc_text)])
            .await
            .status(),
        303
    );
    assert_eq!(
        app.count(&format!("SELECT count(*) AS count FROM organizations WHERE id = {dup}"))
            .await,
        0
    );
    assert_eq!(
        text(
            &app,
            "SELECT organization_id::text AS value FROM users WHERE email = 'member@example.org'"
        )
        .await,
        irc_text
    );
}

#[tokio::test]
async fn people_edit_their_profile_and_administrators_invite() {
    let (app, _) = demo().await;
    let member = app.sign_in_demo("member").await;
    let fields = |tz: &'static str| {
        vec![
            ("name", "Omar Farah"),
            ("organization_id", ""),
            ("title", "CP Manager"),
            ("phone", "+961 1 234 567"),
            ("locale", "en"),
            ("time_zone", tz),
        ]
    };
    let bad = member
        .submit("/account/profile", "/account/profile", &fields("Mars/Olympus"))
        .await;
    assert_eq!(bad.status(), 422);
    let saved = member
        .submit("/account/profile", "/account/profile", &fields("Asia/Beirut"))
        .await;
    assert_eq!(saved.status(), 200);
    assert!(saved.text().await.unwrap().contains("Your profile is saved."));
    assert_eq!(
        text(
            &app,
            "SELECT phone AS value FROM users WHERE email = 'member@example.org'"
        )
        .await,
        "+961 1 234 567"
    );

    assert_eq!(member.get("/admin/users").await.status(), 403);
    let admin = app.sign_in_demo("admin").await;
    let invited = admin
        .submit(
            "/admin/users",
            "/admin/users",
            &[("email", "new.im@unhcr.example"), ("name", "New IM")],
        )
        .await;
    assert_eq!(invited.status(), 200);
    assert!(
        invited
            .text()
            .await
            .unwrap()
            .contains("new.im@unhcr.example is invited")
    );
    assert_eq!(
        app.count(
            "SELECT count(*) AS count FROM outbox WHERE kind = 'invitation' AND recipient = 'new.im@unhcr.example'"
        )
        .await,
        1
    );
    let taken = admin
        .submit(
            "/admin/users",
            "/admin/users",
            &[("email", "NEW.IM@unhcr.example"), ("name", "Again")],
        )
        .await;
    assert_eq!(taken.status(), 422);
}
