//! The minutes as plain text: what the minutes mail will carry.

use crate::common;

use common::live::draft_meeting;
use common::spawn_app;

#[tokio::test]
async fn plain_text_minutes_carry_header_agenda_notes_and_attendance() {
    let app = spawn_app().await;
    app.load_demo().await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let meeting = draft_meeting(&app).await;
    let editor = format!("/meetings/{meeting}/agenda");
    coordinator.submit(&editor, &editor, &[("title", "Updates")]).await;
    let updates = common::live::item_id(&app, meeting, "Updates").await;
    coordinator
        .submit(
            &editor,
            &editor,
            &[("title", "Field"), ("parent", &updates.to_string())],
        )
        .await;
    let field = common::live::item_id(&app, meeting, "Field").await;
    let show = format!("/meetings/{meeting}");
    for step in ["publish", "start"] {
        coordinator
            .submit(&show, &format!("{show}/status"), &[("step", step)])
            .await;
    }
    coordinator
        .submit(
            &format!("{show}/live"),
            &format!("{show}/agenda/{field}/notes"),
            &[
                ("version", "0"),
                ("notes", "Bekaa hub: 40 new cases"),
                ("decisions", ""),
            ],
        )
        .await;
    coordinator
        .submit(
            &format!("{show}/attendance"),
            &format!("{show}/guests"),
            &[("name", "Rana K."), ("organization", "Zahle")],
        )
        .await;
    coordinator
        .submit(&show, &format!("{show}/status"), &[("step", "close")])
        .await;

    let response = coordinator.get(&format!("{show}/minutes.txt")).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    let text = response.text().await.unwrap();
    assert!(text.contains("Child Protection in Emergencies Working Group"), "{text}");
    assert!(
        text.contains("Wednesday, 9 July 2014, 14:00–16:00 (Asia/Beirut)"),
        "{text}"
    );
    assert!(text.contains("Where: UNHCR Lea, Beirut"));
    assert!(text.contains("Present (1): Rana K. (Zahle)"), "{text}");
    let updates_at = text.find("\n1 Updates").expect("item 1");
    let field_at = text.find("\n  1.1 Field").expect("item 1.1, indented");
    let notes_at = text
        .find("      Bekaa hub: 40 new cases")
        .expect("notes under their item");
    assert!(updates_at < field_at && field_at < notes_at);
}

#[tokio::test]
async fn the_demo_minutes_list_the_review_as_it_stood_and_the_new_action_points() {
    let app = spawn_app().await;
    app.load_demo().await;
    let member = app.sign_in_demo("member").await;
    let june = app
        .id("SELECT id FROM meetings WHERE starts_at::date = '2014-06-11'")
        .await;
    let text = member.page(&format!("/meetings/{june}/minutes.txt")).await;
    let review = text.find("REVIEW OF ACTION POINTS").expect("the review");
    let new = text.find("NEW ACTION POINTS").expect("the new action points");
    assert!(review < new);
    assert!(
        text[review..new].contains("- #1 Coordinator to share logo with group members and field coordinators. — Coordinator — Done: Shared with coordinators"),
        "{text}"
    );
    assert!(
        text[new..].contains("Share all key message resources — Members — 20 Jun 2014"),
        "{text}"
    );

    let page = member.page(&format!("/meetings/{june}/minutes")).await;
    assert!(
        page.contains("International NGO: 3 · National NGO: 3 · UN agency: 3"),
        "counts per organisation kind"
    );
    assert!(
        page.contains(r#"<article class="minute depth-2"><h3><span class="num">2.2.1</span> <bdi>CM TWG</bdi></h3>"#)
    );
}
