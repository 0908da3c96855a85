//! Sign-in attempts, counted to slow down password guessing.

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::lower;
use crate::schema::login_attempts;

/// Failures are counted over this window.
pub const WINDOW: Duration = Duration::minutes(15);
/// Failures for one account since its last success before it is refused for a while.
pub const MAX_ACCOUNT_FAILURES: i64 = 5;
/// Failures from one address, over all accounts.
pub const MAX_ADDRESS_FAILURES: i64 = 20;

#[derive(Insertable)]
#[diesel(table_name = login_attempts)]
struct NewAttempt<'a> {
    email: &'a str,
    client_ip: &'a str,
    succeeded: bool,
    at: DateTime<Utc>,
}

pub async fn record(
    conn: &mut AsyncPgConnection,
    email: &str,
    client_ip: &str,
    succeeded: bool,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(login_attempts::table)
        .values(NewAttempt {
            email,
            client_ip,
            succeeded,
            at,
        })
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether sign-in for this account or from this address is paused for now.
pub async fn throttled(
    conn: &mut AsyncPgConnection,
    email: &str,
    client_ip: &str,
    now: DateTime<Utc>,
) -> QueryResult<bool> {
    let since = now - WINDOW;
    let last_success: Option<DateTime<Utc>> = login_attempts::table
        .filter(lower(login_attempts::email).eq(lower(email)))
        .filter(login_attempts::succeeded)
        .filter(login_attempts::at.gt(since))
        .select(diesel::dsl::max(login_attempts::at))
        .first(conn)
        .await?;
    let account_failures: i64 = login_attempts::table
        .filter(lower(login_attempts::email).eq(lower(email)))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(last_success.unwrap_or(since)))
        .count()
        .get_result(conn)
        .await?;
    if account_failures >= MAX_ACCOUNT_FAILURES {
        return Ok(true);
    }
    let address_failures: i64 = login_attempts::table
        .filter(login_attempts::client_ip.eq(client_ip))
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(since))
        .count()
        .get_result(conn)
        .await?;
    Ok(address_failures >= MAX_ADDRESS_FAILURES)
}
