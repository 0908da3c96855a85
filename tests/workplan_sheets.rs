//! A group's workplan as CSV and XLSX, and importing it from such files.

use crate::common;

use common::{TestApp, Visitor, csv_rows, form_token, hidden_rows, spawn_app};
use diesel_async::RunQueryDsl;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const HEADER: [&str; 7] = [
    "Area",
    "Task",
    "Responsible",
    "Start Date",
    "End Date",
    "Status",
    "Comments",
];

/// The demo working group, its workplan removed.
pub(crate) async fn empty_group(app: &TestApp) -> i64 {
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    diesel::sql_query(format!("DELETE FROM workplan_areas WHERE group_id = {wg}"))
        .execute(&mut app.db.conn().await)
        .await
        .unwrap();
    wg
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    app.id(&format!("SELECT count(*) AS id FROM {sql}")).await
}

/// The reference workplan, as a cluster keeps it: a merged (blank) area cell on
/// the second task of an area, and dates as date cells, serial numbers and text.
pub(crate) fn reference_xlsx() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date = Format::new().set_num_format("d mmm yyyy");
    for (col, title) in HEADER.iter().enumerate() {
        sheet.write_string(0, col as u16, *title).unwrap();
    }
    let rows: [[&str; 7]; 4] = [
        [
            "Core Group",
            "Establish Core Group",
            "CM TWG; PSS TF; Advocacy TF",
            "",
            "31 May 2014",
            "Completed",
            "",
        ],
        [
            "",
            "Agree the terms of reference",
            "Coordinator",
            "",
            "2014-06-30",
            "on track",
            "Draft shared",
        ],
        [
            "Monitoring, Reporting and Assessment",
            "Establish Core Group",
            "Assessment",
            "01/05/2014",
            "31/05/2014",
            "Completed",
            "",
        ],
        [
            "Policy and Implementation",
            "Establish Core Group",
            "Mainstreaming",
            "1 May 2014",
            "31 May 2014",
            "Completed",
            "",
        ],
    ];
    for (index, cells) in rows.iter().enumerate() {
        let row = index as u32 + 1;
        for (col, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(row, col as u16, *text).unwrap();
            }
        }
    }
    let may_first = ExcelDateTime::from_ymd(2014, 5, 1).unwrap();
    sheet.write_datetime_with_format(1, 3, &may_first, &date).unwrap();
    // A bare serial number, as a date cell whose format was lost reads.
    sheet.write_number(2, 3, 41760.0).unwrap();
    workbook.save_to_buffer().unwrap()
}

pub(crate) fn expected() -> Vec<Vec<&'static str>> {
    let establish = |area, responsible| {
        vec![
            area,
            "Establish Core Group",
            responsible,
            "2014-05-01",
            "2014-05-31",
            "Completed",
            "",
        ]
    };
    vec![
        HEADER.to_vec(),
        establish("Core Group", "CM TWG; PSS TF; Advocacy TF"),
        vec![
            "Core Group",
            "Agree the terms of reference",
            "Coordinator",
            "2014-05-01",
            "2014-06-30",
            "On track",
            "Draft shared",
        ],
        establish("Monitoring, Reporting and Assessment", "Assessment"),
        establish("Policy and Implementation", "Mainstreaming"),
    ]
}

async fn upload(me: &Visitor, group: i64, file_name: &str, bytes: Vec<u8>) -> reqwest::Response {
    me.upload(&format!("/groups/{group}/workplan/import"), file_name, bytes)
        .await
}

/// Uploads and confirms a sheet; the page saying what was done.
async fn import(me: &Visitor, group: i64, file_name: &str, bytes: Vec<u8>) -> String {
    let response = upload(me, group, file_name, bytes).await;
    let page = response.text().await.unwrap();
    let token = form_token(&page);
    let rows = hidden_rows(&page);
    let response = me
        .post(
            &format!("/groups/{group}/workplan/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows.as_str())],
        )
        .await;
    assert_eq!(response.status(), 200);
    response.text().await.unwrap()
}

async fn export_csv(me: &Visitor, group: i64) -> Vec<Vec<String>> {
    let response = me.get(&format!("/groups/{group}/workplan.csv")).await;
    assert_eq!(response.status(), 200);
    csv_rows(&response.bytes().await.unwrap())
}

#[tokio::test]
async fn the_reference_workplan_round_trips_through_xlsx_unchanged() {
    let app = spawn_app().await;
    let wg = empty_group(&app).await;
    let me = app.sign_in_demo("coordinator").await;

    let done = import(&me, wg, "workplan.xlsx", reference_xlsx()).await;
    assert!(done.contains("Tasks added: 4; updated: 0; unchanged: 0."), "{done}");
    let exported = export_csv(&me, wg).await;
    assert_eq!(exported, expected());
    let tables = [
        format!("workplan_areas WHERE group_id = {wg}"),
        "workplan_tasks".to_owned(),
        "workplan_task_owners".to_owned(),
    ];
    let mut before = Vec::new();
    for table in &tables {
        before.push(count(&app, table).await);
    }
    assert_eq!(before[0], 3);

    let page = me.page(&format!("/groups/{wg}/workplan")).await;
    assert!(page.contains(&format!("/groups/{wg}/workplan.xlsx")), "export links");
    assert!(page.contains(&format!("/groups/{wg}/workplan/import")), "import link");

    let response = me.get(&format!("/groups/{wg}/workplan.xlsx")).await;
    assert_eq!(response.status(), 200);
    let xlsx = response.bytes().await.unwrap().to_vec();
    let done = import(&me, wg, "workplan.xlsx", xlsx).await;
    assert!(done.contains("Tasks added: 0; updated: 0; unchanged: 4."), "{done}");
    let csv = me
        .get(&format!("/groups/{wg}/workplan.csv"))
        .await
        .bytes()
        .await
        .unwrap();
    let done = import(&me, wg, "workplan.csv", csv.to_vec()).await;
    assert!(done.contains("Tasks added: 0; updated: 0; unchanged: 4."), "{done}");
    assert_eq!(export_csv(&me, wg).await, exported);
    for (table, was) in tables.iter().zip(before) {
        assert_eq!(count(&app, table).await, was, "{table}");
    }
}

#[tokio::test]
async fn a_sheet_with_bad_rows_is_refused_row_by_row_and_writes_nothing() {
    let app = spawn_app().await;
    let wg = empty_group(&app).await;
    let me = app.sign_in_demo("coordinator").await;
    let file = "area,task,responsible,start date,end date,status\n\
                ,Orphan task,,,,\n\
                Core Group,Backwards,CM TWG,2014-06-01,2014-05-01,\n\
                ,Nobody's,Nobody at all,,,\n\
                ,Someday,IM,soon,,maybe\n";
    let response = upload(&me, wg, "workplan.csv", file.as_bytes().to_vec()).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    for expected in [
        "Row 2, Area: The first row needs an area.",
        "Row 3, End Date: The task ends before it starts.",
        "Row 4, Responsible: &quot;Nobody at all&quot; is no member",
        "Row 5, Start Date: &quot;soon&quot; is not a date",
        "Row 5, Status: &quot;maybe&quot; is not a status",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    assert!(!page.contains("name=\"rows\""), "no confirm button");

    // Rows sent to the confirmation anyway are checked again, and refused.
    let token = form_token(&page);
    let rows = r#"[{"row":2,"area":"A","task":"T","responsible":"","start":"2014-06-01","end":"2014-05-01","status":"","comments":""}]"#;
    let response = me
        .post(
            &format!("/groups/{wg}/workplan/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows)],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(count(&app, &format!("workplan_areas WHERE group_id = {wg}")).await, 0);
}

#[tokio::test]
async fn members_may_neither_export_nor_import() {
    let app = spawn_app().await;
    app.load_demo().await;
    let wg = app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await;
    let me = app.sign_in_demo("member").await;
    let page = me.page(&format!("/groups/{wg}/workplan")).await;
    assert!(!page.contains("workplan.csv"), "no export link");
    for path in ["workplan.csv", "workplan.xlsx", "workplan/import"] {
        assert_eq!(me.get(&format!("/groups/{wg}/{path}")).await.status(), 403, "{path}");
    }
    let token = form_token(&page);
    let rows = r#"[{"row":2,"area":"A","task":"T","responsible":"","start":"","end":"","status":"","comments":""}]"#;
    let response = me
        .post(
            &format!("/groups/{wg}/workplan/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows)],
        )
        .await;
    assert_eq!(response.status(), 403);
}
