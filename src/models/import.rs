//! What every spreadsheet import does with the database: its rows checked against
//! what the database holds, and, when every row is valid, their plans written, all
//! in one transaction.

use std::future::Future;

use chrono::{DateTime, Utc};
use diesel::QueryResult;
use diesel_async::{AsyncConnection, AsyncPgConnection};

use super::groups::Group;
use crate::domain::spreadsheet::{self, CheckedRow, RowError, SheetRecord};

/// An import's database half: how its rows are checked, and how their plans are written.
pub trait Import {
    /// A row as read from the sheet.
    type Row: SheetRecord + Send + Sync;
    /// What is wrong with one cell of a row.
    type Problem: Send + Sync;
    /// What writing a valid row does.
    type Plan: Send + Sync;
    /// What writing all the rows did.
    type Outcome: Send;
    /// What the database holds that a row may name, for the upload form to list.
    type Choices: Default;

    /// The choices the upload form lists; none, unless an import says otherwise.
    fn choices(_conn: &mut AsyncPgConnection, _group: &Group) -> impl Future<Output = QueryResult<Self::Choices>> {
        async { Ok(Self::Choices::default()) }
    }

    /// Every row checked against the database as it is now.
    fn check(
        conn: &mut AsyncPgConnection,
        group: &Group,
        rows: &[Self::Row],
    ) -> impl Future<Output = QueryResult<Vec<Checked<Self>>>> + Send;

    /// Writes the plans of rows that were all found valid.
    fn write(
        conn: &mut AsyncPgConnection,
        group: &Group,
        plans: &[&Self::Plan],
        by: &Importer,
    ) -> impl Future<Output = QueryResult<Self::Outcome>> + Send;
}

/// A row of import `I` with its plan or its problems.
pub type Checked<I> = CheckedRow<
    <I as Import>::Row,
    <I as Import>::Plan,
    RowError<<<I as Import>::Row as SheetRecord>::Column, <I as Import>::Problem>,
>;

/// Who imports, and when.
pub struct Importer {
    pub user_id: i64,
    pub at: DateTime<Utc>,
}

/// Checks the rows again, inside the transaction that writes them, and writes them
/// all; or, when any row is no longer valid, writes nothing and returns the check.
pub async fn apply<I: Import>(
    conn: &mut AsyncPgConnection,
    group: &Group,
    rows: &[I::Row],
    by: &Importer,
) -> QueryResult<Result<I::Outcome, Vec<Checked<I>>>> {
    conn.transaction(async |conn| {
        let checked = I::check(conn, group, rows).await?;
        let Some(plans) = spreadsheet::plans(&checked) else {
            return Ok(Err(checked));
        };
        I::write(conn, group, &plans, by).await.map(Ok)
    })
    .await
}
