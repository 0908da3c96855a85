//! Managing a group's members: coordinators and co-chairs of the group or above.

pub mod create;
pub mod list;
pub mod remove;
pub mod update;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chrono::{NaiveDate, Utc};

use crate::domain::policy::Action;
use crate::domain::{Role, terms, validate};
use crate::models::groups::{self, Group};
use crate::models::memberships::{self, DirectoryFilter};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::members::{MemberFields, MembersPage, page};
use crate::web::{AppState, html_page};

/// The group, once the user may manage it.
async fn managed_group(me: &SignedIn, state: &AppState, id: i64) -> AppResult<Group> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), id, Action::ManageGroup).await?;
    Ok(groups::find(&mut conn, id).await?)
}

/// The members page, with the add form holding `fields` and `problems`.
async fn render(
    me: &SignedIn,
    state: &AppState,
    group: &Group,
    fields: &MemberFields,
    problems: &Problems,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let members = memberships::directory(&mut conn, &[group.id], &DirectoryFilter::default()).await?;
    let view = MembersPage {
        group,
        ancestors: &ancestors,
        members: &members,
        fields,
        problems,
    };
    Ok(html_page(status, page(&me.ctx, &view)))
}

/// A role with its term, checked: start defaults to today, a co-chair's end to the rotation.
fn parse_terms(
    problems: &mut Problems,
    role: &str,
    since: &str,
    until: &str,
) -> Option<(Role, NaiveDate, Option<NaiveDate>)> {
    let role = problems.check("field-role", role.parse::<Role>().map_err(|_| "invalid-choice"));
    let since = problems
        .check("field-since", validate::optional_date(since))
        .map(|d| d.unwrap_or_else(|| Utc::now().date_naive()));
    let until = problems.check("field-until", validate::optional_date(until));
    let (role, since, until) = (role?, since?, until?);
    let until = problems.check("field-until", terms::end(role, since, until))?;
    Some((role, since, until))
}
