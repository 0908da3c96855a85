//! The directory (contact list) of the demo working group: the pages and their
//! filters, the exports, and importing members from CSV and XLSX.

use crate::common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use common::{TestApp, Visitor, form_token, spawn_app};
use diesel_async::RunQueryDsl;
use scraper::{Html, Selector};

const PASSWORD: &str = "directory password 2014";

fn texts(html: &str, selector: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(selector).expect("valid selector");
    document
        .select(&selector)
        .map(|e| {
            e.text()
                .collect::<Vec<_>>()
                .join(" ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn attr(html: &str, selector: &str, name: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(selector).expect("valid selector");
    document
        .select(&selector)
        .filter_map(|e| e.value().attr(name).map(str::to_owned))
        .collect()
}

/// The directory table's rows, each cell's text.
fn table_rows(html: &str) -> Vec<Vec<String>> {
    let document = Html::parse_document(html);
    let rows = Selector::parse("table.directory tbody tr").unwrap();
    let cells = Selector::parse("td").unwrap();
    document
        .select(&rows)
        .map(|row| {
            row.select(&cells)
                .map(|c| {
                    c.text()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

async fn wg(app: &TestApp) -> i64 {
    app.id("SELECT id FROM groups WHERE short_name = 'CPiE WG'").await
}

async fn count(app: &TestApp, table: &str) -> i64 {
    app.id(&format!("SELECT count(*) AS id FROM {table}")).await
}

/// Rows in the tables an import writes to.
async fn counts(app: &TestApp) -> [i64; 3] {
    [
        count(app, "users").await,
        count(app, "organizations").await,
        count(app, "memberships").await,
    ]
}

async fn execute(app: &TestApp, sql: &str) {
    let mut conn = app.db.conn().await;
    diesel::sql_query(sql).execute(&mut conn).await.expect(sql);
}

/// The demo's IM officer, who has no password in the demo.
async fn im_officer(app: &TestApp) -> Visitor {
    let hash = convene::domain::passwords::hash(PASSWORD);
    execute(
        app,
        &format!("UPDATE users SET password_hash = '{hash}' WHERE email = 'hala.nasser@example.org'"),
    )
    .await;
    app.sign_in("hala.nasser@example.org", PASSWORD).await
}

/// Posts a file to the import form, with the given CSRF token (or none).
async fn upload(me: &Visitor, group: i64, file_name: &str, bytes: Vec<u8>, token: Option<&str>) -> reqwest::Response {
    let mut form = reqwest::multipart::Form::new();
    if let Some(token) = token {
        form = form.text("csrf_token", token.to_owned());
    }
    form = form.part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
    );
    me.client
        .post(me.url(&format!("/groups/{group}/directory/import")))
        .multipart(form)
        .send()
        .await
        .expect("request reaches the app")
}

/// Uploads through the import page, as a browser would.
async fn upload_file(me: &Visitor, group: i64, file_name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let token = form_token(&me.page(&format!("/groups/{group}/directory/import")).await);
    upload(me, group, file_name, bytes, Some(&token)).await
}

/// Presses "Confirm import" on a preview page.
async fn confirm(me: &Visitor, group: i64, preview: &str) -> reqwest::Response {
    let rows = attr(preview, "form input[name=rows]", "value");
    assert_eq!(rows.len(), 1, "a confirm form on the preview");
    let token = form_token(preview);
    me.post(
        &format!("/groups/{group}/directory/import/confirm"),
        &[("csrf_token", token.as_str()), ("rows", rows[0].as_str())],
    )
    .await
}

#[tokio::test]
async fn the_group_directory_lists_everyone_below_with_organisations_and_roles() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    let coordinator = app.sign_in_demo("coordinator").await;

    let group_page = coordinator.page(&format!("/groups/{group}")).await;
    assert!(texts(&group_page, "nav.tabs a").contains(&"Directory".to_owned()));
    assert!(attr(&group_page, "nav.tabs a", "href").contains(&format!("/groups/{group}/directory")));

    let page = coordinator.page(&format!("/groups/{group}/directory")).await;
    assert_eq!(texts(&page, "h1"), ["Directory of CPiE WG"]);
    assert_eq!(
        texts(&page, "table.directory thead th"),
        [
            "Name",
            "Organisation",
            "Kind",
            "Title",
            "Email",
            "Phone",
            "Group",
            "Role",
            "Term"
        ]
    );
    let rows = table_rows(&page);
    // Eleven in the working group and one coordinator in each of its seven sub-groups,
    // and Omar in CM TWG as well.
    assert_eq!(rows.len(), 19, "{rows:#?}");
    assert!(
        rows.contains(
            &[
                "Nadia Haddad",
                "UNICEF",
                "UN agency",
                "CPiE Working Group Coordinator",
                "coordinator@example.org",
                "",
                "CPiE WG",
                "Coordinator",
                "1 Jan 2014 –"
            ]
            .map(String::from)
            .to_vec()
        )
    );
    for expected in [
        ["Maya Khalil", "Tdh", "CM TWG", "Coordinator"],
        ["Omar Farah", "IRC", "CM TWG", "Member"],
        ["Hala Nasser", "UNHCR", "CPiE WG", "IM officer"],
        ["Joseph Karam", "MoSA", "CPiE WG", "Observer"],
        ["Karim Mansour", "SCI", "CPiE WG", "Co-chair"],
    ] {
        assert!(
            rows.iter()
                .any(|r| r[0] == expected[0] && r[1] == expected[1] && r[6] == expected[2] && r[7] == expected[3]),
            "{expected:?} in {rows:#?}"
        );
    }
    assert!(attr(&page, "table.directory a", "href").contains(&"mailto:coordinator@example.org".to_owned()));
    // The coordinator keeps the directory: the exports and the import are offered.
    assert_eq!(texts(&page, "a.export"), ["CSV", "Excel (.xlsx)"]);
    assert_eq!(
        attr(&page, "a.import", "href"),
        [format!("/groups/{group}/directory/import")]
    );

    // A member reads the directory, and is offered neither.
    let member = app.sign_in_demo("member").await;
    let page = member.page(&format!("/groups/{group}/directory")).await;
    assert_eq!(table_rows(&page).len(), 19);
    assert!(texts(&page, "a.export").is_empty());
    assert!(texts(&page, "a.import").is_empty());

    // A sub-group's directory holds its own members only.
    let cm = app.id("SELECT id FROM groups WHERE short_name = 'CM TWG'").await;
    let names: Vec<String> = table_rows(&member.page(&format!("/groups/{cm}/directory")).await)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(names, ["Omar Farah", "Maya Khalil"]);
}

#[tokio::test]
async fn filters_in_the_address_narrow_the_directory() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    let me = app.sign_in_demo("coordinator").await;
    let rows = |query: &str| {
        let me = &me;
        let path = format!("/groups/{group}/directory?{query}");
        async move { table_rows(&me.page(&path).await) }
    };

    let coordinators = rows("role=coordinator").await;
    assert_eq!(coordinators.len(), 8, "{coordinators:#?}");
    assert!(coordinators.iter().all(|r| r[7] == "Coordinator"));

    let ingos = rows("kind=ingo").await;
    let mut names: Vec<&str> = ingos.iter().map(|r| r[0].as_str()).collect();
    names.sort();
    // SCI, IRC and Tdh are the demo's international NGOs.
    assert_eq!(
        names,
        [
            "Karim Mansour",
            "Karim Mansour",
            "Maya Khalil",
            "Maya Khalil",
            "Maya Khalil",
            "Omar Farah",
            "Omar Farah"
        ]
    );
    assert!(ingos.iter().all(|r| r[2] == "International NGO"));

    let both = rows("kind=ingo&role=member").await;
    assert_eq!(
        both.iter().map(|r| (r[0].as_str(), r[6].as_str())).collect::<Vec<_>>(),
        [
            ("Omar Farah", "CM TWG"),
            ("Omar Farah", "CPiE WG"),
            ("Maya Khalil", "CPiE WG")
        ]
    );

    let tripoli = rows("location=Tripoli%2C+North+Lebanon").await;
    assert_eq!(tripoli.len(), 1);
    assert_eq!(
        (tripoli[0][0].as_str(), tripoli[0][6].as_str()),
        ("Ziad Omar", "Tripoli")
    );

    let unicef = app.id("SELECT id FROM organizations WHERE acronym = 'UNICEF'").await;
    let page = me
        .page(&format!("/groups/{group}/directory?organization={unicef}"))
        .await;
    assert_eq!(table_rows(&page).len(), 4, "Nadia, Aminata, and Layla twice");
    // The form shows the filter that is on, and the exports carry it.
    assert_eq!(texts(&page, "select[name=organization] option[selected]"), ["UNICEF"]);
    assert!(attr(&page, "a.export", "href").contains(&format!("/groups/{group}/directory.csv?organization={unicef}")));

    // Terms that ended are left out unless all terms are asked for.
    execute(
        &app,
        "UPDATE memberships SET until = '2014-12-31' WHERE role = 'observer' AND user_id = \
         (SELECT id FROM users WHERE email = 'joseph.karam@example.org')",
    )
    .await;
    assert!(!rows("").await.iter().any(|r| r[0] == "Joseph Karam"));
    let all = rows("terms=all").await;
    let joseph = all
        .iter()
        .find(|r| r[0] == "Joseph Karam")
        .expect("listed with all terms");
    assert_eq!(joseph[8], "1 Jan 2014 – 31 Dec 2014");

    // A value that names nothing is a clear 400, not a crash or an empty list.
    for query in ["role=chair", "kind=charity", "organization=UNICEF", "terms=old"] {
        let response = me.get(&format!("/groups/{group}/directory?{query}")).await;
        assert_eq!(response.status(), 400, "{query}");
        let body = response.text().await.unwrap();
        assert!(
            body.contains("There is no such") || body.contains("filter must"),
            "{query}: {body}"
        );
    }
}

/// A CSV export as rows of cells, the header first.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let bytes = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a byte-order mark for Excel");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn members_may_not_export_and_those_who_keep_the_directory_get_what_they_see() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;

    let member = app.sign_in_demo("member").await;
    for path in [
        format!("/groups/{group}/directory.csv"),
        format!("/groups/{group}/directory.xlsx"),
        format!("/groups/{group}/directory/import"),
        "/directory.csv".to_owned(),
    ] {
        assert_eq!(member.get(&path).await.status(), 403, "{path}");
    }

    let coordinator = app.sign_in_demo("coordinator").await;
    let response = coordinator
        .get(&format!("/groups/{group}/directory.csv?role=coordinator"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    let today = app
        .id("SELECT to_char(now() AT TIME ZONE 'Asia/Beirut', 'YYYYMMDD')::bigint AS id")
        .await
        .to_string();
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_owned();
    let today_iso = format!("{}-{}-{}", &today[..4], &today[4..6], &today[6..]);
    assert_eq!(
        disposition,
        format!("attachment; filename=\"directory-cpie-wg-{today_iso}.csv\"")
    );
    let rows = csv_rows(&response.bytes().await.unwrap());
    assert_eq!(
        rows[0],
        [
            "name",
            "email",
            "organisation",
            "organisation kind",
            "title",
            "phone",
            "group",
            "role",
            "since",
            "until"
        ]
    );
    // The same people as the page shows with the same filter, in the same order.
    let page = table_rows(
        &coordinator
            .page(&format!("/groups/{group}/directory?role=coordinator"))
            .await,
    );
    assert_eq!(rows.len() - 1, page.len());
    for (csv_row, page_row) in rows[1..].iter().zip(&page) {
        assert_eq!(
            (&csv_row[0], &csv_row[1], &csv_row[6], csv_row[7].as_str()),
            (&page_row[0], &page_row[4], &page_row[6], "coordinator")
        );
    }
    assert!(
        rows.contains(
            &[
                "Nadia Haddad",
                "coordinator@example.org",
                "UNICEF",
                "UN agency",
                "CPiE Working Group Coordinator",
                "",
                "CPiE WG",
                "coordinator",
                "2014-01-01",
                ""
            ]
            .map(String::from)
            .to_vec()
        )
    );

    // The IM officer keeps the directory too, of the working group (not of the
    // sub-groups, where her role there is all she has).
    let im = im_officer(&app).await;
    assert_eq!(im.get(&format!("/groups/{group}/directory.csv")).await.status(), 200);
    let all = im.get("/directory.csv").await;
    assert_eq!(all.status(), 200);
    let disposition = all.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"directory-20"),
        "{disposition}"
    );
    let groups: std::collections::BTreeSet<String> = csv_rows(&all.bytes().await.unwrap())[1..]
        .iter()
        .map(|r| r[6].clone())
        .collect();
    assert_eq!(
        groups.into_iter().collect::<Vec<_>>(),
        ["Assessment", "CPiE WG"],
        "her own groups only"
    );
    let everything = im.page("/directory").await;
    assert_eq!(table_rows(&everything).len(), 19, "she sees every group below");
    assert_eq!(
        texts(&everything, "p.actions .muted"),
        ["Exports hold only the groups whose directory you keep."]
    );
}

/// A cell of an XLSX export as the CSV export writes it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        other => panic!("unexpected cell {other:?}"),
    }
}

#[tokio::test]
async fn the_xlsx_export_reads_back_as_the_csv_rows() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    execute(
        &app,
        "UPDATE memberships SET until = '2015-06-30' WHERE role = 'co_chair'",
    )
    .await;
    execute(
        &app,
        "UPDATE users SET phone = '+961 3 123 456' WHERE email = 'coordinator@example.org'",
    )
    .await;
    let me = app.sign_in_demo("coordinator").await;
    let csv = csv_rows(
        &me.get(&format!("/groups/{group}/directory.csv?terms=all"))
            .await
            .bytes()
            .await
            .unwrap(),
    );

    let response = me.get(&format!("/groups/{group}/directory.xlsx?terms=all")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .ends_with(".xlsx\"")
    );
    let bytes = response.bytes().await.unwrap().to_vec();
    let mut workbook = Xlsx::new(Cursor::new(bytes)).expect("a workbook");
    assert_eq!(workbook.sheet_names(), ["Directory"]);
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    let xlsx: Vec<Vec<String>> = range
        .rows()
        .map(|row| {
            let mut cells: Vec<String> = row.iter().map(cell_text).collect();
            cells.resize(10, String::new());
            cells
        })
        .collect();
    assert_eq!(xlsx, csv);
    assert_eq!(xlsx.len(), 20);
    assert!(xlsx.iter().any(|r| r[0] == "Karim Mansour" && r[9] == "2015-06-30"));
    assert!(xlsx.iter().any(|r| r[0] == "Nadia Haddad" && r[5] == "+961 3 123 456"));
}

const BAD_CSV: &str = "\
Name,Email,Organisation,Organisation kind,Role,Group
Rima Saad,rima@kafa.org,KAFA,,member,
Sami Aziz,sami@nabaa.org,Nabaa,charity,member,CM TWG
Dana Issa,dana.example.org,IRC,,observer,
Rima Saad,RIMA@kafa.org,KAFA,,Member,cpie wg
Tala Ali,tala@x.org,,,chair,Beirut hub
";

#[tokio::test]
async fn a_sheet_with_bad_rows_writes_nothing_and_names_each_problem() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    let me = app.sign_in_demo("coordinator").await;
    let before = counts(&app).await;

    let response = upload_file(&me, group, "members.csv", BAD_CSV.as_bytes().to_vec()).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(texts(&page, "h1"), ["Check the import into CPiE WG"]);
    assert_eq!(
        texts(&page, "p.error"),
        ["4 of 5 rows have problems, so nothing can be imported. Correct them in the file and upload it again."]
    );
    assert_eq!(
        texts(&page, "ul.problems li"),
        [
            "Row 3, organisation kind: \"charity\" is not an organisation kind; use one of: \
             UN agency, INGO, NNGO, government, donor, other.",
            "Row 4, email: This is not an email address.",
            "Row 5, email: Duplicate of row 2: the same person, group and role.",
            "Row 6, role: \"chair\" is not a role; use one of: coordinator, co-chair, IM officer, member, observer.",
            "Row 6, group: There is no group \"Beirut hub\" here; use one of: CPiE WG, CM TWG, PSS TF, \
             Advocacy TF, Assessment, Mainstreaming, Tripoli, Akkar.",
        ]
    );
    let rows = texts(&page, "table.import tbody tr");
    assert_eq!(rows.len(), 5);
    assert!(
        rows[0].starts_with("2 Rima Saad rima@kafa.org New person KAFA CPiE WG Member"),
        "{rows:#?}"
    );
    assert!(
        attr(&page, "form input[name=rows]", "value").is_empty(),
        "no confirm button"
    );
    assert_eq!(counts(&app).await, before, "the preview writes nothing");

    // Posting the rows to the confirmation anyway checks them again and writes nothing.
    let rows = serde_json::json!([
        {"row": 2, "name": "Rima Saad", "email": "rima@kafa.org", "organization": "KAFA",
         "organization_kind": "", "role": "member", "group": ""},
        {"row": 3, "name": "Sami Aziz", "email": "sami@nabaa.org", "organization": "Nabaa",
         "organization_kind": "charity", "role": "member", "group": "CM TWG"},
    ]);
    let token = form_token(&page);
    let response = me
        .post(
            &format!("/groups/{group}/directory/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", &rows.to_string())],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(texts(&page, "ul.problems li").len(), 1, "{page}");
    assert_eq!(counts(&app).await, before, "nothing written unless every row is valid");

    // Damaged rows are refused plainly.
    let response = me
        .post(
            &format!("/groups/{group}/directory/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", "[{\"row\": 2")],
        )
        .await;
    assert_eq!(response.status(), 400);
    assert!(response.text().await.unwrap().contains("Upload the file again"));
    assert_eq!(counts(&app).await, before);
}

#[tokio::test]
async fn files_that_are_not_usable_tables_are_explained() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    let me = im_officer(&app).await;
    let before = counts(&app).await;
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "members.csv",
            b"Rima Saad,rima@kafa.org,member\n".to_vec(),
            422,
            "The first row must name the columns; it lacks: name, email, role.",
        ),
        (
            "members.csv",
            b"name,email,role\n".to_vec(),
            422,
            "The file has a header row but no rows under it.",
        ),
        (
            "members.csv",
            b"name,email,role\nJos\xe9,jose@x.org,member\n".to_vec(),
            422,
            "Row 2 is not UTF-8 text.",
        ),
        (
            "members.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old excel".to_vec(),
            422,
            "Save an older .xls file as .xlsx first.",
        ),
        (
            "members.xlsx",
            b"PK\x03\x04 not really a zip".to_vec(),
            422,
            "cannot be opened as an Excel workbook",
        ),
        ("members.csv", Vec::new(), 422, "Choose a file to upload."),
        (
            "members.csv",
            vec![b'a'; 6 * 1024 * 1024],
            413,
            "The file is larger than 5 MB.",
        ),
    ];
    for (name, bytes, status, message) in cases {
        let response = upload_file(&me, group, name, bytes).await;
        assert_eq!(response.status(), status, "{message}");
        let page = response.text().await.unwrap();
        let errors = texts(&page, "p.error");
        assert!(errors.iter().any(|e| e.contains(message)), "{message}: {errors:?}");
        // The form is there again, to try another file.
        assert_eq!(attr(&page, "form.upload input[type=file]", "name"), ["file"]);
    }
    assert_eq!(counts(&app).await, before);
}

/// Whether an account has this address.
async fn user_exists(app: &TestApp, email: &str) -> bool {
    app.id(&format!(
        "SELECT count(*) AS id FROM users WHERE lower(email) = lower('{email}')"
    ))
    .await
        == 1
}

#[tokio::test]
async fn a_good_csv_is_previewed_then_imported_in_full() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    let me = app.sign_in_demo("coordinator").await;
    let [users, organizations, memberships] = counts(&app).await;

    let file = "\u{feff}email;name;role;group;organization;organization kind\r\n\
                rima@kafa.org;Rima Saad;member;;KAFA;\r\n\
                sami@nabaa.org;Sami Aziz;co-chair;PSS TF;Nabaa;NNGO\r\n\
                sami@nabaa.org;Sami Aziz;Member;;nabaa;\r\n\
                member@example.org;Omar Farah;observer;Tripoli;IRC;\r\n\
                MEMBER@example.org;Omar F.;member;CM TWG;;\r\n";
    let response = upload_file(&me, group, "members.csv", file.as_bytes().to_vec()).await;
    assert_eq!(response.status(), 200);
    let preview = response.text().await.unwrap();
    assert_eq!(
        texts(&preview, "p.notice"),
        ["All 5 rows can be imported. Check what will happen, then confirm."]
    );
    assert_eq!(
        texts(&preview, "dl.counts dd"),
        ["2", "1", "4", "1"],
        "people, organisations, memberships, already there"
    );
    assert_eq!(
        texts(&preview, "table.import tbody tr"),
        [
            "2 Rima Saad rima@kafa.org New person KAFA CPiE WG Member Will be added",
            "3 Sami Aziz sami@nabaa.org New person New: Nabaa (NNGO) PSS TF Co-chair Will be added",
            "4 Sami Aziz sami@nabaa.org New person New: Nabaa (NNGO) CPiE WG Member Will be added",
            "5 Omar Farah member@example.org Existing: Omar Farah IRC Tripoli Observer Will be added",
            "6 Omar F. MEMBER@example.org Existing: Omar Farah CM TWG Member Already a member; left as it is",
        ]
    );
    assert_eq!(
        counts(&app).await,
        [users, organizations, memberships],
        "not before confirming"
    );

    let response = confirm(&me, group, &preview).await;
    assert_eq!(response.status(), 200);
    let done = response.text().await.unwrap();
    assert_eq!(texts(&done, "p.notice"), ["The import is done."]);
    assert_eq!(texts(&done, "dl.counts dd"), ["2", "1", "4", "1"]);
    assert_eq!(counts(&app).await, [users + 2, organizations + 1, memberships + 4]);
    assert!(user_exists(&app, "rima@kafa.org").await && user_exists(&app, "sami@nabaa.org").await);
    assert_eq!(
        app.id(
            "SELECT count(*) AS id FROM users u JOIN organizations o ON o.id = u.organization_id \
             WHERE u.email = 'sami@nabaa.org' AND u.password_hash IS NULL AND u.time_zone = 'Asia/Beirut' \
             AND o.name = 'Nabaa' AND o.kind = 'nngo'"
        )
        .await,
        1,
        "a new person without a password, in the new organisation"
    );
    assert_eq!(
        app.id(
            "SELECT count(*) AS id FROM memberships WHERE since = (now() AT TIME ZONE 'Asia/Beirut')::date \
             AND created_at > now() - interval '5 minutes'"
        )
        .await,
        4,
        "memberships start today"
    );
    // Omar's profile was kept as it was.
    assert_eq!(
        app.id("SELECT count(*) AS id FROM users WHERE name = 'Omar Farah'")
            .await,
        1
    );

    let page = me.page(&format!("/groups/{group}/directory")).await;
    let rows = table_rows(&page);
    for (name, organisation, kind, group_name, role) in [
        ("Rima Saad", "KAFA", "National NGO", "CPiE WG", "Member"),
        ("Sami Aziz", "Nabaa", "National NGO", "PSS TF", "Co-chair"),
        ("Sami Aziz", "Nabaa", "National NGO", "CPiE WG", "Member"),
        ("Omar Farah", "IRC", "International NGO", "Tripoli", "Observer"),
    ] {
        assert!(
            rows.iter().any(|r| r[0] == name
                && r[1] == organisation
                && r[2] == kind
                && r[6] == group_name
                && r[7] == role),
            "{name} in {group_name} in {rows:#?}"
        );
    }

    // Confirming the same rows again adds nothing.
    let again = confirm(&me, group, &preview).await;
    assert_eq!(again.status(), 200);
    assert_eq!(
        texts(&again.text().await.unwrap(), "dl.counts dd"),
        ["0", "0", "0", "5"]
    );
    assert_eq!(counts(&app).await, [users + 2, organizations + 1, memberships + 4]);
}

#[tokio::test]
async fn a_good_xlsx_is_imported_too() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    let me = im_officer(&app).await;
    let [users, organizations, memberships] = counts(&app).await;

    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (col, title) in [
        "NAME",
        "E-mail",
        "Organisation",
        "Organisation Kind",
        "Role",
        "Group",
        "Phone",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string_with_format(0, col as u16, *title, &bold).unwrap();
    }
    let rows: [[&str; 6]; 3] = [
        ["Lina Haddad", "lina@himaya.org", "Himaya", "", "IM officer", "Akkar"],
        [
            "Fadi Nassar",
            "fadi@warchild.nl",
            "War Child Holland",
            "INGO",
            "member",
            "",
        ],
        [
            "Maya Khalil",
            "maya.khalil@example.org",
            "Tdh",
            "",
            "observer",
            "Tripoli",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, *text).unwrap();
            }
        }
        sheet
            .write_number(r as u32 + 1, 6, 96_170_000_000.0 + r as f64)
            .unwrap();
    }
    let bytes = workbook.save_to_buffer().unwrap();

    let response = upload_file(&me, group, "members.xlsx", bytes).await;
    assert_eq!(response.status(), 200);
    let preview = response.text().await.unwrap();
    assert_eq!(texts(&preview, "dl.counts dd"), ["2", "1", "3", "0"]);
    let response = confirm(&me, group, &preview).await;
    assert_eq!(response.status(), 200);
    assert_eq!(counts(&app).await, [users + 2, organizations + 1, memberships + 3]);
    let rows = table_rows(&me.page(&format!("/groups/{group}/directory")).await);
    for (name, organisation, group_name, role) in [
        ("Lina Haddad", "Himaya", "Akkar", "IM officer"),
        ("Fadi Nassar", "War Child Holland", "CPiE WG", "Member"),
        ("Maya Khalil", "Tdh", "Tripoli", "Observer"),
    ] {
        assert!(
            rows.iter()
                .any(|r| r[0] == name && r[1] == organisation && r[6] == group_name && r[7] == role),
            "{name} in {group_name} in {rows:#?}"
        );
    }
}

#[tokio::test]
async fn a_forged_or_missing_token_on_the_import_is_refused_and_writes_nothing() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    let me = app.sign_in_demo("coordinator").await;
    let before = counts(&app).await;
    let good = b"name,email,role\nRima Saad,rima@kafa.org,member\n".to_vec();

    for token in [None, Some("0".repeat(64))] {
        let response = upload(&me, group, "members.csv", good.clone(), token.as_deref()).await;
        assert_eq!(response.status(), 403, "{token:?}");
        assert!(response.text().await.unwrap().contains("nothing was changed"));
    }
    // Not even a multipart form.
    let response = me
        .post(&format!("/groups/{group}/directory/import"), &[("file", "x")])
        .await;
    assert_eq!(response.status(), 403);

    let rows = r#"[{"row":2,"name":"Rima Saad","email":"rima@kafa.org","organization":"","organization_kind":"","role":"member","group":""}]"#;
    for fields in [vec![("rows", rows)], vec![("csrf_token", "0000"), ("rows", rows)]] {
        let response = me
            .post(&format!("/groups/{group}/directory/import/confirm"), &fields)
            .await;
        assert_eq!(response.status(), 403);
    }
    assert_eq!(counts(&app).await, before);
    assert!(!user_exists(&app, "rima@kafa.org").await);

    // With the token the same rows go in: the refusals above were the token's doing.
    let token = form_token(&me.page(&format!("/groups/{group}/directory/import")).await);
    let response = me
        .post(
            &format!("/groups/{group}/directory/import/confirm"),
            &[("csrf_token", token.as_str()), ("rows", rows)],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert!(user_exists(&app, "rima@kafa.org").await);
}

#[tokio::test]
async fn strangers_get_404_on_another_groups_directory() {
    let app = spawn_app().await;
    app.load_demo().await;
    let hash = convene::domain::passwords::hash(PASSWORD);
    for sql in [
        "INSERT INTO groups (name, short_name, kind, time_zone, location) \
         VALUES ('Other Working Group', 'Other WG', 'working_group', 'Africa/Nairobi', 'Nairobi')"
            .to_owned(),
        format!(
            "INSERT INTO users (email, name, password_hash) VALUES ('other@test.org', 'Other Coordinator', '{hash}')"
        ),
        "INSERT INTO memberships (group_id, user_id, role) \
         SELECT g.id, u.id, 'coordinator' FROM groups g, users u \
         WHERE g.short_name = 'Other WG' AND u.email = 'other@test.org'"
            .to_owned(),
    ] {
        execute(&app, &sql).await;
    }
    let other = app.id("SELECT id FROM groups WHERE short_name = 'Other WG'").await;
    let group = wg(&app).await;

    let member = app.sign_in_demo("member").await;
    let stranger = app.sign_in("other@test.org", PASSWORD).await;
    for (who, foreign) in [(&member, other), (&stranger, group)] {
        for path in [
            format!("/groups/{foreign}/directory"),
            format!("/groups/{foreign}/directory.csv"),
            format!("/groups/{foreign}/directory.xlsx"),
            format!("/groups/{foreign}/directory/import"),
        ] {
            let response = who.get(&path).await;
            assert_eq!(response.status(), 404, "{path}");
            assert!(!response.text().await.unwrap().contains("@"), "no addresses leak");
        }
        let token = form_token(&who.page("/").await);
        let response = upload(who, foreign, "m.csv", b"name,email,role\n".to_vec(), Some(&token)).await;
        assert_eq!(response.status(), 404);
    }

    // The directory of everything one can see leaves other working groups out.
    let names: Vec<String> = table_rows(&member.page("/directory").await)
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(names.len(), 19);
    assert!(!names.contains(&"Other Coordinator".to_owned()));
    let theirs = table_rows(&stranger.page("/directory").await);
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0][0], "Other Coordinator");
    // The coordinator exports everything they keep, and only that.
    let csv = stranger.get("/directory.csv").await;
    assert_eq!(csv.status(), 200);
    assert_eq!(csv_rows(&csv.bytes().await.unwrap()).len(), 2);
    // An administrator sees every group: the other one's coordinator and the four
    // members of the demo's group in Mopti too.
    let admin = app.sign_in_demo("admin").await;
    let everyone = table_rows(&admin.page("/directory").await);
    assert_eq!(everyone.len(), 24);
    let locations = texts(&admin.page("/directory").await, "select[name=location] option");
    assert_eq!(
        locations,
        [
            "Any",
            "Beirut, Lebanon",
            "Halba, Akkar",
            "Mopti, Mali",
            "Nairobi",
            "Tripoli, North Lebanon"
        ]
    );
}

/// A country's directory runs to thousands: a page shows a hundred people, says how
/// many there are in all, and its next link keeps the filter; the export keeps them all.
#[tokio::test]
async fn a_long_directory_comes_a_hundred_a_page_and_exports_whole() {
    let app = spawn_app().await;
    app.load_demo().await;
    let group = wg(&app).await;
    execute(
        &app,
        &format!(
            "WITH people AS (
               INSERT INTO users (email, name)
               SELECT 'volunteer' || n || '@example.org', 'Volunteer ' || lpad(n::text, 3, '0')
                 FROM generate_series(1, 150) n RETURNING id)
             INSERT INTO memberships (group_id, user_id, role, since)
             SELECT {group}, id, 'member', current_date - 30 FROM people"
        ),
    )
    .await;
    let coordinator = app.sign_in_demo("coordinator").await;
    let csv = coordinator
        .get(&format!("/groups/{group}/directory.csv?role=member"))
        .await
        .bytes()
        .await
        .unwrap();
    // The header, then one row per member of the group and of the groups below.
    let members = csv_rows(&csv).len() as i64 - 1;
    assert!(members > 150, "{members}");

    let first = coordinator
        .page(&format!("/groups/{group}/directory?role=member"))
        .await;
    assert_eq!(table_rows(&first).len(), 100);
    assert_eq!(texts(&first, "h2 .count"), [members.to_string()]);
    let pages = (members + 99) / 100;
    assert_eq!(texts(&first, "nav.pages span"), [format!("Page 1 of {pages}")]);
    let next = attr(&first, "nav.pages a[rel=next]", "href");
    assert_eq!(next, [format!("/groups/{group}/directory?role=member&page=2")]);

    let second = coordinator.page(&next[0]).await;
    let rows = table_rows(&second);
    assert_eq!(rows.len() as i64, members - 100);
    assert!(
        rows.iter().all(|row| row.iter().any(|cell| cell == "Member")),
        "{rows:?}"
    );
    assert_eq!(attr(&second, "nav.pages a[rel=prev]", "href").len(), 1);
    let names = |rows: &[Vec<String>]| {
        rows.iter()
            .map(|row| row[0].clone())
            .collect::<std::collections::HashSet<_>>()
    };
    assert!(
        names(&table_rows(&first)).is_disjoint(&names(&rows)),
        "no one on both pages"
    );

    assert_eq!(
        coordinator
            .get(&format!("/groups/{group}/directory?page=two"))
            .await
            .status(),
        400
    );
}
