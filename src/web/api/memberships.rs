//! Who belongs to a group, in which role, for which term.

use actix_web::{HttpResponse, web};
use chrono::{NaiveDate, Utc};
use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use utoipa::ToSchema;

use super::ApiUser;
use super::input::{ApiJson, created, field, invalid, nullable, unique};
use crate::domain::policy::Action;
use crate::domain::terms;
use crate::domain::{Role, validate};
use crate::models::memberships::{self, DirectoryEntry, DirectoryFilter, Membership, NewTerm, Terms};
use crate::models::users;
use crate::web::AppState;
use crate::web::auth::authorize;
use crate::web::error::{AppError, AppResult};

/// A membership to add: the person by `user_id` or by `email` (one of the two), the
/// role, and the term (`since` defaults to today, `until` to open-ended).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMembershipBody {
    user_id: Option<i64>,
    #[schema(example = "member@example.org")]
    email: Option<String>,
    role: Role,
    #[schema(example = "2014-06-11")]
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

/// Changes to a membership: absent fields stay, a `null` `until` makes it open-ended.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MembershipPatch {
    role: Option<Role>,
    since: Option<NaiveDate>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<NaiveDate>)]
    until: Option<Option<NaiveDate>>,
}

/// Role and term, checked: a term may not end before it starts, and a co-chair's
/// ends with the rotation unless given.
fn terms(role: Role, since: NaiveDate, until: Option<NaiveDate>) -> AppResult<Terms> {
    let until = field("until", terms::end(role, since, until))?;
    Ok(Terms { role, since, until })
}

const ROLE_HELD: &str = "role: the person holds this role in the group already";

/// The account a new membership is for, by id or by email.
async fn person(conn: &mut AsyncPgConnection, body: &NewMembershipBody) -> AppResult<i64> {
    match (body.user_id, body.email.as_deref()) {
        (Some(id), None) => match users::find(conn, id).await {
            Ok(user) => Ok(user.id),
            Err(diesel::result::Error::NotFound) => Err(invalid("user_id", "there is no user with this id")),
            Err(e) => Err(e.into()),
        },
        (None, Some(email)) => {
            let email = field("email", validate::email(email))?;
            users::find_id_by_email(conn, &email).await?.ok_or_else(|| {
                invalid(
                    "email",
                    "no account uses this address; an administrator can invite them",
                )
            })
        }
        _ => Err(invalid("user_id", "give either user_id or email, not both nor neither")),
    }
}

async fn found(conn: &mut AsyncPgConnection, group_id: i64, id: i64) -> AppResult<Membership> {
    memberships::find(conn, group_id, id).await?.ok_or(AppError::NotFound)
}

/// The group's members, with their names, organisations and terms
///
/// Everyone who may see the group may see this list, as on its directory page.
#[utoipa::path(get, path = "/api/v1/groups/{id}/memberships", operation_id = "list_memberships", tag = "memberships",
    params(("id" = i64, Path, description = "The group's id")),
    responses((status = 200, body = [DirectoryEntry]), (status = 404, description = "No such group, or not visible to the caller")))]
pub async fn list(me: ApiUser, state: web::Data<AppState>, group: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, *group, Action::View).await?;
    let entries = memberships::directory(&mut conn, &[*group], &DirectoryFilter::default()).await?;
    Ok(HttpResponse::Ok().json(entries))
}

/// One membership of the group
#[utoipa::path(get, path = "/api/v1/groups/{id}/memberships/{membership_id}", operation_id = "get_membership", tag = "memberships",
    params(("id" = i64, Path, description = "The group's id"), ("membership_id" = i64, Path, description = "The membership's id")),
    responses((status = 200, body = Membership), (status = 404, description = "No such membership in this group, or the group is not visible")))]
pub async fn show(me: ApiUser, state: web::Data<AppState>, path: web::Path<(i64, i64)>) -> AppResult<HttpResponse> {
    let (group, id) = *path;
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, group, Action::View).await?;
    Ok(HttpResponse::Ok().json(found(&mut conn, group, id).await?))
}

/// Add someone to the group (its coordinators and co-chairs, and those above)
#[utoipa::path(post, path = "/api/v1/groups/{id}/memberships", operation_id = "create_membership", tag = "memberships", request_body = NewMembershipBody,
    params(("id" = i64, Path, description = "The group's id")),
    responses(
        (status = 201, body = Membership, description = "Created; `Location` names it"),
        (status = 403, description = "The caller may not manage this group"),
        (status = 404, description = "No such group, or not visible to the caller"),
        (status = 409, description = "The person holds this role in the group already"),
        (status = 422, description = "A field is missing or malformed, or the term ends before it starts"),
    ))]
pub async fn create(
    me: ApiUser,
    state: web::Data<AppState>,
    group: web::Path<i64>,
    body: ApiJson<NewMembershipBody>,
) -> AppResult<HttpResponse> {
    let group = *group;
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, group, Action::ManageGroup).await?;
    let ApiJson(body) = body;
    let user_id = person(&mut conn, &body).await?;
    let terms = terms(
        body.role,
        body.since.unwrap_or_else(|| Utc::now().date_naive()),
        body.until,
    )?;
    let row = NewTerm {
        group_id: group,
        user_id,
        role: terms.role,
        since: terms.since,
        until: terms.until,
    };
    let id = row
        .insert(&mut conn)
        .await?
        .ok_or_else(|| AppError::Conflict(ROLE_HELD.into()))?;
    let membership = found(&mut conn, group, id).await?;
    Ok(created(
        &format!("/api/v1/groups/{group}/memberships/{id}"),
        &membership,
    ))
}

/// Change a membership's role or term
#[utoipa::path(patch, path = "/api/v1/groups/{id}/memberships/{membership_id}", operation_id = "update_membership", tag = "memberships", request_body = MembershipPatch,
    params(("id" = i64, Path, description = "The group's id"), ("membership_id" = i64, Path, description = "The membership's id")),
    responses(
        (status = 200, body = Membership),
        (status = 403, description = "The caller may not manage this group"),
        (status = 404, description = "No such membership in this group, or the group is not visible"),
        (status = 409, description = "The person holds the new role in the group already"),
        (status = 422, description = "A field is malformed, or the term ends before it starts"),
    ))]
pub async fn update(
    me: ApiUser,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    patch: ApiJson<MembershipPatch>,
) -> AppResult<HttpResponse> {
    let (group, id) = *path;
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, group, Action::ManageGroup).await?;
    let current = found(&mut conn, group, id).await?;
    let ApiJson(patch) = patch;
    let terms = terms(
        patch.role.unwrap_or(current.role),
        patch.since.unwrap_or(current.since),
        patch.until.unwrap_or(current.until),
    )?;
    if !unique(memberships::update(&mut conn, group, id, &terms).await, ROLE_HELD)? {
        return Err(AppError::NotFound);
    }
    Ok(HttpResponse::Ok().json(found(&mut conn, group, id).await?))
}

/// End a membership by removing it
#[utoipa::path(delete, path = "/api/v1/groups/{id}/memberships/{membership_id}", operation_id = "delete_membership", tag = "memberships",
    params(("id" = i64, Path, description = "The group's id"), ("membership_id" = i64, Path, description = "The membership's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, description = "The caller may not manage this group"),
        (status = 404, description = "No such membership in this group, or the group is not visible"),
    ))]
pub async fn delete(me: ApiUser, state: web::Data<AppState>, path: web::Path<(i64, i64)>) -> AppResult<HttpResponse> {
    let (group, id) = *path;
    let mut conn = state.conn().await?;
    authorize(&mut conn, &me.user, group, Action::ManageGroup).await?;
    if !memberships::remove(&mut conn, group, id).await? {
        return Err(AppError::NotFound);
    }
    Ok(HttpResponse::NoContent().finish())
}
