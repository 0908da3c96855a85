//! Action points as a living list: owners, status with history, the lists and
//! filters, "my action points", and who may change what.

use crate::common;

use common::{TestApp, Visitor, spawn_app};
use diesel_async::RunQueryDsl;

async fn demo() -> (TestApp, i64) {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    (app, wg)
}

/// Creates an item through the form; returns the response.
async fn raise(visitor: &Visitor, group: i64, text: &str, owners: &[&str], due: &str) -> reqwest::Response {
    let mut fields: Vec<(&str, &str)> = vec![("topic", "Updates"), ("text", text), ("due_date", due), ("meeting", "")];
    fields.extend(owners.iter().map(|o| ("owners", *o)));
    visitor
        .submit(
            &format!("/groups/{group}/action-points/new"),
            &format!("/groups/{group}/action-points"),
            &fields,
        )
        .await
}

#[tokio::test]
async fn an_item_raised_at_one_meeting_and_updated_at_the_next_is_reviewed_with_that_note() {
    let (app, _) = demo().await;
    let me = app.sign_in_demo("member").await;
    // The third meeting (upcoming) reviews what was raised on 14 May and updated on 11 June.
    let upcoming = app.id("SELECT id FROM meetings WHERE status = 'scheduled'").await;
    let page = me.page(&format!("/meetings/{upcoming}")).await;
    let review = page.split("id=\"review\"").nth(1).unwrap();
    assert!(review.contains("IM to add &#39;high-risk cases&#39;") || review.contains("IM to add 'high-risk cases'"));
    assert!(review.contains("To be added for July"));
    assert!(
        review.contains("Share all key message resources"),
        "items of the previous meeting are reviewed too"
    );
}

#[tokio::test]
async fn my_action_points_include_my_organisation_and_my_subgroups_and_nothing_of_other_groups() {
    let (app, wg) = demo().await;
    let irc = app.id("SELECT id FROM organizations WHERE acronym = 'IRC'").await;
    let cm = app.id("SELECT id FROM groups WHERE short_name = 'CM TWG'").await;
    let other_person = app
        .id("SELECT id FROM users WHERE email = 'maya.khalil@example.org'")
        .await;
    let coordinator = app.sign_in_demo("coordinator").await;
    for (text, owner) in [
        ("IRC to map cash actors", format!("org:{irc}")),
        ("CM TWG to finalise SOPs", format!("group:{cm}")),
        ("Maya to share the CM forms", format!("user:{other_person}")),
    ] {
        assert_eq!(
            raise(&coordinator, wg, text, &[&owner], "2030-01-15").await.status(),
            303,
            "{text}"
        );
    }
    // An item of another working group owned by the member's organisation.
    let mut conn = app.db.conn().await;
    for sql in [
        "INSERT INTO groups (name, short_name, kind, time_zone) VALUES ('Other Working Group', 'Other WG', 'working_group', 'UTC')".to_owned(),
        "INSERT INTO action_points (group_id, number, topic, text) SELECT id, 1, 'Elsewhere', 'IRC elsewhere' FROM groups WHERE short_name = 'Other WG'".to_owned(),
        format!("INSERT INTO action_point_owners (action_point_id, organization_id) SELECT id, {irc} FROM action_points WHERE text = 'IRC elsewhere'"),
    ] {
        diesel::sql_query(sql).execute(&mut conn).await.unwrap();
    }

    let member = app.sign_in_demo("member").await;
    let home = member.page("/").await;
    let mine = home
        .split("class=\"mine\"")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert!(
        mine.contains("IRC to map cash actors"),
        "owned by the member's organisation"
    );
    assert!(
        mine.contains("CM TWG to finalise SOPs"),
        "owned by the member's sub-group"
    );
    assert!(mine.contains("Share all key message resources"), "owned by Members");
    assert!(!mine.contains("Maya to share the CM forms"), "owned by someone else");
    assert!(!mine.contains("IRC elsewhere"), "another group's item");
    assert!(!mine.contains("IM to add"), "owned by the IM officer");
    let all_mine = member.page("/action-points?owner=me&status=all").await;
    assert!(all_mine.contains("IRC to map cash actors") && !all_mine.contains("IRC elsewhere"));
}

#[tokio::test]
async fn a_status_change_writes_its_history_and_bad_input_changes_nothing() {
    let (app, wg) = demo().await;
    let item = app
        .id("SELECT id FROM action_points WHERE text LIKE 'Share all key message%'")
        .await;
    let member = app.sign_in_demo("member").await;
    let detail = format!("/action-points/{item}");
    let action = format!("{detail}/status");
    let history_before = app
        .count(&format!(
            "SELECT count(*) AS count FROM action_point_updates WHERE action_point_id = {item}"
        ))
        .await;

    let unknown = member
        .submit(&detail, &action, &[("status", "finished"), ("note", "x")])
        .await;
    assert_eq!(unknown.status(), 400);
    assert!(unknown.text().await.unwrap().contains("Choose one of the options"));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM action_point_updates WHERE action_point_id = {item}"
        ))
        .await,
        history_before
    );

    let done = member
        .submit(
            &detail,
            &action,
            &[("status", "in_progress"), ("note", "Collected from 4 partners")],
        )
        .await;
    assert_eq!(done.status(), 303);
    let page = member.page(&detail).await;
    assert!(page.contains("Collected from 4 partners"));
    assert!(page.contains("Open → In progress") && page.contains("on the web") && page.contains("Omar Farah"));
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM action_point_updates WHERE action_point_id = {item}"
        ))
        .await,
        history_before + 1
    );

    // In the background, the answer is the updated row.
    let token = common::form_token(&member.page(&format!("/groups/{wg}/action-points")).await);
    let row = member
        .client
        .post(member.url(&action))
        .header("x-partial", "row")
        .form(&[
            ("csrf_token", token.as_str()),
            ("status", "done"),
            ("note", "Shared on Dropbox"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(row.status(), 200);
    let html = row.text().await.unwrap();
    assert!(html.starts_with("<tr id=\"action-point-"), "{html}");
    assert!(html.contains("Shared on Dropbox") && html.contains("Done"));

    let coordinator = app.sign_in_demo("coordinator").await;
    let new = format!("/groups/{wg}/action-points");
    let bad_date = raise(&coordinator, wg, "Check dates", &["role:member"], "2014-06-31").await;
    assert_eq!(bad_date.status(), 422);
    assert!(bad_date.text().await.unwrap().contains("This is not a date"));
    let other_wg_member = app.id("SELECT id FROM users WHERE email = 'admin@example.org'").await;
    let elsewhere = raise(
        &coordinator,
        wg,
        "Check owners",
        &[&format!("user:{other_wg_member}")],
        "",
    )
    .await;
    assert_eq!(elsewhere.status(), 422);
    assert!(elsewhere.text().await.unwrap().contains("Choose owners of this group"));
    assert_eq!(
        app.count("SELECT count(*) AS count FROM action_points WHERE text LIKE 'Check %'")
            .await,
        0
    );
    assert!(coordinator.page(&new).await.contains("action points"));
}

#[tokio::test]
async fn observers_read_members_update_their_own_and_coordinators_any() {
    let (app, wg) = demo().await;
    let mine = app
        .id("SELECT id FROM action_points WHERE text LIKE 'Share all data%'")
        .await;
    let not_mine = app
        .id("SELECT id FROM action_points WHERE text LIKE 'IM to circulate%'")
        .await;
    let mut conn = app.db.conn().await;
    let hash = convene::domain::passwords::hash("observer password 1");
    diesel::sql_query(format!(
        "UPDATE users SET password_hash = '{hash}' WHERE email = 'joseph.karam@example.org'"
    ))
    .execute(&mut conn)
    .await
    .unwrap();
    let observer = app.sign_in("joseph.karam@example.org", "observer password 1").await;
    assert!(
        observer
            .page(&format!("/action-points/{mine}"))
            .await
            .contains("Share all data")
    );
    let refused = observer
        .submit(
            &format!("/action-points/{mine}"),
            &format!("/action-points/{mine}/status"),
            &[("status", "done")],
        )
        .await;
    assert_eq!(refused.status(), 403);
    assert_eq!(
        observer.get(&format!("/groups/{wg}/action-points/new")).await.status(),
        403
    );

    let member = app.sign_in_demo("member").await;
    let own = member
        .submit(
            &format!("/action-points/{mine}"),
            &format!("/action-points/{mine}/status"),
            &[("status", "in_progress")],
        )
        .await;
    assert_eq!(own.status(), 303);
    let other = member
        .submit(
            &format!("/action-points/{mine}"),
            &format!("/action-points/{not_mine}/status"),
            &[("status", "done")],
        )
        .await;
    assert_eq!(other.status(), 403);
    assert_eq!(
        member.get(&format!("/groups/{wg}/action-points/new")).await.status(),
        403
    );

    let coordinator = app.sign_in_demo("coordinator").await;
    let any = coordinator
        .submit(
            &format!("/action-points/{not_mine}"),
            &format!("/action-points/{not_mine}/status"),
            &[("status", "done")],
        )
        .await;
    assert_eq!(any.status(), 303);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) AS count FROM action_points WHERE id = {not_mine} AND status = 'done'"
        ))
        .await,
        1
    );
}

#[tokio::test]
async fn bulk_changes_apply_to_all_or_none_and_filters_narrow_the_list() {
    let (app, wg) = demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let list = format!("/groups/{wg}/action-points");
    let a = app
        .id("SELECT id FROM action_points WHERE text LIKE 'Share all data%'")
        .await
        .to_string();
    let b = app
        .id("SELECT id FROM action_points WHERE text LIKE 'Share all key%'")
        .await
        .to_string();
    let bulk = format!("/groups/{wg}/action-points/bulk");

    let mut conn = app.db.conn().await;
    diesel::sql_query("INSERT INTO groups (name, short_name, kind, time_zone) VALUES ('Other Working Group', 'Other WG', 'working_group', 'UTC')").execute(&mut conn).await.unwrap();
    diesel::sql_query("INSERT INTO action_points (group_id, number, topic, text) SELECT id, 1, 'Elsewhere', 'Not yours' FROM groups WHERE short_name = 'Other WG'").execute(&mut conn).await.unwrap();
    let foreign = app
        .id("SELECT id FROM action_points WHERE text = 'Not yours'")
        .await
        .to_string();
    let refused = coordinator
        .submit(
            &list,
            &bulk,
            &[("ids", &a), ("ids", &foreign), ("status", "done"), ("note", "Received")],
        )
        .await;
    assert_eq!(refused.status(), 404);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM action_points WHERE status = 'done' AND text LIKE 'Share all%'")
            .await,
        0
    );

    let applied = coordinator
        .submit(
            &list,
            &bulk,
            &[("ids", &a), ("ids", &b), ("status", "done"), ("note", "Received")],
        )
        .await;
    assert_eq!(applied.status(), 303);
    assert_eq!(
        app.count("SELECT count(*) AS count FROM action_points WHERE status = 'done' AND status_note = 'Received'")
            .await,
        2
    );
    assert_eq!(
        app.count("SELECT count(*) AS count FROM action_point_updates WHERE note = 'Received'")
            .await,
        2
    );

    let found = coordinator.page(&format!("{list}?status=all&q=logo")).await;
    assert!(found.contains("Coordinator to share logo") && found.contains("One action point"));
    let due = coordinator
        .page(&format!("{list}?status=all&due_before=2014-06-19"))
        .await;
    assert!(due.contains("IM to circulate") && !due.contains("Share all data"));
    let bad = coordinator.get(&format!("{list}?due_before=31+June")).await;
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap().contains("due_before: This is not a date."));
    assert_eq!(
        app.sign_in_demo("member")
            .await
            .get(&format!("/groups/{wg}/action-points?status=nonsense"))
            .await
            .status(),
        400
    );
}

#[tokio::test]
async fn restricted_items_show_only_to_coordinators_and_their_owners() {
    let (app, wg) = demo().await;
    let maya = app
        .id("SELECT id FROM users WHERE email = 'maya.khalil@example.org'")
        .await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let fields = [
        ("topic", "Case referrals"),
        ("text", "Maya to follow up the sensitive referral"),
        ("owners", &format!("user:{maya}")),
        ("due_date", ""),
        ("meeting", ""),
        ("restricted", "on"),
    ];
    let created = coordinator
        .submit(
            &format!("/groups/{wg}/action-points/new"),
            &format!("/groups/{wg}/action-points"),
            &fields,
        )
        .await;
    assert_eq!(created.status(), 303);
    let item = app.id("SELECT id FROM action_points WHERE restricted").await;
    assert!(
        coordinator
            .page(&format!("/groups/{wg}/action-points"))
            .await
            .contains("sensitive referral")
    );

    let member = app.sign_in_demo("member").await;
    assert!(
        !member
            .page(&format!("/groups/{wg}/action-points"))
            .await
            .contains("sensitive referral")
    );
    assert!(
        !member
            .page("/action-points?status=all")
            .await
            .contains("sensitive referral")
    );
    assert_eq!(member.get(&format!("/action-points/{item}")).await.status(), 404);
    // The API decides the same way.
    assert_eq!(member.get(&format!("/api/v1/action-points/{item}")).await.status(), 404);
    let listed = member
        .page(&format!("/api/v1/groups/{wg}/action-points?status=all"))
        .await;
    assert!(!listed.contains("sensitive referral"));
    assert!(
        coordinator
            .page(&format!("/api/v1/groups/{wg}/action-points?status=all"))
            .await
            .contains("sensitive referral")
    );
}

#[tokio::test]
async fn reminders_reach_the_people_who_stand_for_each_owner() {
    let (app, wg) = demo().await;
    let irc = app.id("SELECT id FROM organizations WHERE acronym = 'IRC'").await;
    let cm = app.id("SELECT id FROM groups WHERE short_name = 'CM TWG'").await;
    let coordinator = app.sign_in_demo("coordinator").await;
    for (text, owner) in [
        ("Organisation item", format!("org:{irc}")),
        ("Sub-group item", format!("group:{cm}")),
    ] {
        assert_eq!(raise(&coordinator, wg, text, &[&owner], "").await.status(), 303);
    }
    let reached = |text: &'static str| {
        let app = &app;
        let coordinator = &coordinator;
        async move {
            let id = app
                .id(&format!("SELECT id FROM action_points WHERE text = '{text}'"))
                .await;
            let page = coordinator.page(&format!("/action-points/{id}")).await;
            let start = page.find("<dd class=\"reached\">").expect("the reached list") + "<dd class=\"reached\">".len();
            page[start..start + page[start..].find("</dd>").unwrap()].to_owned()
        }
    };
    // IRC's focal point in the working group.
    assert_eq!(reached("Organisation item").await, "Omar Farah");
    // The sub-group's coordinator, not its members.
    assert_eq!(reached("Sub-group item").await, "Maya Khalil");
    // The IM officer for "IM"; everyone but the observer for "Members".
    assert_eq!(
        reached("IM to circulate the revised indicator guidance to all reporting partners.").await,
        "Hala Nasser"
    );
    let members = reached("Share all key message resources").await;
    assert!(members.contains("Omar Farah") && members.contains("Nadia Haddad") && members.contains("Hala Nasser"));
    assert!(
        !members.contains("Joseph Karam"),
        "observers are not reached: {members}"
    );
}
