//! A group's action points as CSV and XLSX, and importing them from such files.

use crate::common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::{TestApp, Visitor, csv_rows, form_token, hidden_rows, spawn_app};

const HEADER: [&str; 8] = [
    "#",
    "Topic",
    "Action",
    "Owner(s)",
    "Due",
    "Status",
    "Status note",
    "Raised at meeting",
];

async fn group(app: &TestApp, short_name: &str) -> i64 {
    app.id(&format!("SELECT id FROM groups WHERE short_name = '{short_name}'"))
        .await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.id(&format!("SELECT count(*) AS id FROM {sql}")).await
}

fn xlsx_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut workbook = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::DateTime(dt) => {
                        let (y, m, d, ..) = dt.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{d:02}")
                    }
                    Data::Float(f) => format!("{f}"),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

async fn upload(me: &Visitor, group: i64, file_name: &str, bytes: Vec<u8>) -> reqwest::Response {
    me.upload(&format!("/groups/{group}/action-points/import"), file_name, bytes)
        .await
}

#[tokio::test]
async fn the_export_has_the_cluster_columns_and_reads_back_from_xlsx() {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = group(&app, "CPiE WG").await;
    let me = app.sign_in_demo("coordinator").await;

    let list = me.page(&format!("/groups/{wg}/action-points")).await;
    assert!(
        list.contains(&format!("/groups/{wg}/action-points.csv?")),
        "export links"
    );
    assert!(
        list.contains(&format!("/groups/{wg}/action-points/import")),
        "import link"
    );

    let response = me.get(&format!("/groups/{wg}/action-points.csv")).await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = csv_rows(&response.bytes().await.unwrap());
    assert_eq!(csv[0], HEADER);
    let row = csv
        .iter()
        .find(|r| r[2] == "Share all key message resources")
        .expect("the demo item");
    assert_eq!(row[1], "Updates");
    assert_eq!(row[3], "Members");
    assert_eq!(row[4], "2014-06-20");
    assert_eq!(row[5], "Open");
    assert!(!row[7].is_empty(), "raised at a meeting: {row:?}");

    let response = me.get(&format!("/groups/{wg}/action-points.xlsx")).await;
    assert_eq!(response.status(), 200);
    let xlsx = xlsx_rows(&response.bytes().await.unwrap());
    assert_eq!(xlsx.len(), csv.len());
    for (from_xlsx, from_csv) in xlsx.iter().zip(&csv) {
        let padded: Vec<String> = (0..HEADER.len())
            .map(|i| from_xlsx.get(i).cloned().unwrap_or_default())
            .collect();
        assert_eq!(&padded, from_csv);
    }

    // The list's filter applies to the export too.
    let done = csv_rows(
        &me.get(&format!("/groups/{wg}/action-points.csv?status=done"))
            .await
            .bytes()
            .await
            .unwrap(),
    );
    assert!(done[1..].iter().all(|r| r[5] == "Done"), "{done:?}");
    assert_eq!(me.get(&format!("/groups/{wg}/action-points.pdf")).await.status(), 404);
}

#[tokio::test]
async fn a_member_may_neither_export_nor_import() {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = group(&app, "CPiE WG").await;
    let me = app.sign_in_demo("member").await;
    let list = me.page(&format!("/groups/{wg}/action-points")).await;
    assert!(!list.contains("action-points.csv"));
    assert!(!list.contains("action-points/import"));
    for path in ["action-points.csv", "action-points.xlsx", "action-points/import"] {
        assert_eq!(me.get(&format!("/groups/{wg}/{path}")).await.status(), 403, "{path}");
    }
    let token = form_token(&me.page(&format!("/groups/{wg}/action-points")).await);
    let rows = r#"[{"row":2,"topic":"T","action":"A","owners":"members","due":"","status":"","status_note":""}]"#;
    let response = me
        .post(
            &format!("/groups/{wg}/action-points/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows)],
        )
        .await;
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn one_bad_row_writes_nothing_and_the_preview_names_each_problem() {
    let app = spawn_app().await;
    app.load_demo().await;
    let cm = group(&app, "CM TWG").await;
    let me = app.sign_in_demo("admin").await;
    let before = count(&app, "action_points").await;
    let file = "topic,action,owners,due,status,status note\n\
                Case management,Share the SOPs,maya.khalil@example.org,2014-06-20,,\n\
                Case management,Train caseworkers,karim.mansour@example.org; Coordinator,2014-06-31,finished,\n";
    let response = upload(&me, cm, "items.csv", file.as_bytes().to_vec()).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("Row 3, owners: &quot;karim.mansour@example.org&quot; is not of this group."),
        "{page}"
    );
    assert!(
        page.contains("Row 3, due: &quot;2014-06-31&quot; is not a date"),
        "{page}"
    );
    assert!(
        page.contains("Row 3, status: &quot;finished&quot; is not a status"),
        "{page}"
    );
    assert!(!page.contains("Row 2,"), "{page}");
    assert!(!page.contains("name=\"rows\""), "no confirm button");
    assert_eq!(count(&app, "action_points").await, before);

    // Rows sent to the confirmation anyway are checked again, and refused.
    let token = form_token(&page);
    let rows = r#"[{"row":2,"topic":"T","action":"A","owners":"karim.mansour@example.org","due":"","status":"","status_note":""}]"#;
    let response = me
        .post(
            &format!("/groups/{cm}/action-points/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows)],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(count(&app, "action_points").await, before);
}

#[tokio::test]
async fn a_good_sheet_writes_every_row_with_its_status_and_history() {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = group(&app, "CPiE WG").await;
    let me = app.sign_in_demo("coordinator").await;
    let before = count(&app, "action_points").await;
    let file = "Topic,Action,Owners,Due,Status,Status note\n\
                Imported,Map the referral pathways,\"member@example.org; IRC; CM TWG\",20/6/2014,in progress,Under way\n\
                Imported,Close the old tracker,Coordinator,2014-07-01,Done,Closed in June\n\
                Imported,Draft the ToR,IM; members,,,\n";
    let response = upload(&me, wg, "items.csv", file.as_bytes().to_vec()).await;
    let page = response.text().await.unwrap();
    assert!(page.contains("name=\"rows\""), "{page}");
    let token = form_token(&page);
    let rows = hidden_rows(&page);
    let response = me
        .post(
            &format!("/groups/{wg}/action-points/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows.as_str())],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(response.text().await.unwrap().contains("3 action points were added"));
    assert_eq!(count(&app, "action_points").await, before + 3);
    let imported = "action_points WHERE topic = 'Imported'";
    assert_eq!(
        count(
            &app,
            &format!("{imported} AND status = 'in_progress' AND status_note = 'Under way'")
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &app,
            &format!("{imported} AND status = 'done' AND due_date = '2014-07-01'")
        )
        .await,
        1
    );
    assert_eq!(
        count(&app, &format!("{imported} AND status = 'open' AND due_date IS NULL")).await,
        1
    );
    assert_eq!(
        count(
            &app,
            "action_point_owners o JOIN action_points a ON a.id = o.action_point_id WHERE a.topic = 'Imported'"
        )
        .await,
        6
    );
    // One "created" row each, and one for each status that is not open.
    assert_eq!(count(&app, "action_point_updates WHERE via = 'import'").await, 5);
}

/// A workbook of a few hundred kilobytes whose one sheet unpacks to about 80 MiB.
fn zip_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    zip.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<worksheet><sheetData><row r=\"1\">").unwrap();
    let cells = "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(1024);
    for _ in 0..2300 {
        zip.write_all(cells.as_bytes()).unwrap();
    }
    zip.write_all(b"</row></sheetData></worksheet>").unwrap();
    zip.finish().unwrap().into_inner()
}

#[tokio::test]
async fn a_zip_bomb_is_refused_with_a_clear_message_and_nothing_saved() {
    // Packed before the app starts: packing holds this test's thread for a while.
    let bomb = zip_bomb();
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = group(&app, "CPiE WG").await;
    let me = app.sign_in_demo("coordinator").await;
    let before = count(&app, "action_points").await;
    assert!(bomb.len() < 1024 * 1024);
    let response = upload(&me, wg, "items.xlsx", bomb).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("This workbook unpacks to more than 64 MB"), "{page}");
    assert!(!page.contains("name=\"rows\""), "no confirm button");
    assert_eq!(count(&app, "action_points").await, before);
}

#[tokio::test]
async fn formula_text_is_imported_as_typed_and_exported_defused() {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = group(&app, "CPiE WG").await;
    let me = app.sign_in_demo("coordinator").await;
    let formula = "=HYPERLINK(\"http://evil.example\",\"Open\")";
    let file = format!(
        "Topic,Action,Owners\nInjected,\"{}\",Coordinator\nInjected,'@SUM(A1),Coordinator\n",
        formula.replace('"', "\"\"")
    );
    let page = upload(&me, wg, "items.csv", file.into_bytes())
        .await
        .text()
        .await
        .unwrap();
    let (token, rows) = (form_token(&page), hidden_rows(&page));
    let response = me
        .post(
            &format!("/groups/{wg}/action-points/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows.as_str())],
        )
        .await;
    assert_eq!(response.status(), 200);
    // Saved as the text it was, the defusing apostrophe of an earlier export dropped.
    assert_eq!(
        count(
            &app,
            &format!("action_points WHERE text = '{}'", formula.replace('\'', "''"))
        )
        .await,
        1
    );
    assert_eq!(count(&app, "action_points WHERE text = '@SUM(A1)'").await, 1);

    let csv = me
        .get(&format!("/groups/{wg}/action-points.csv?q=Injected&status=all"))
        .await;
    let rows = csv_rows(&csv.bytes().await.unwrap());
    let actions: Vec<&str> = rows[1..].iter().map(|r| r[2].as_str()).collect();
    assert!(actions.contains(&format!("'{formula}").as_str()), "{actions:?}");
    assert!(actions.contains(&"'@SUM(A1)"), "{actions:?}");
    let xlsx = me
        .get(&format!("/groups/{wg}/action-points.xlsx?q=Injected&status=all"))
        .await;
    let bytes = xlsx.bytes().await.unwrap().to_vec();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("quotePrefix=\"1\""), "{styles}");
    let cells: Vec<Vec<String>> = xlsx_rows(&bytes);
    assert!(cells.iter().any(|r| r[2] == formula), "{cells:?}");
}
