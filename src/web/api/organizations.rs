//! The shared list of organisations.

use actix_web::{HttpResponse, web};
use diesel::OptionalExtension;
use serde::Deserialize;
use utoipa::ToSchema;

use super::ApiUser;
use super::input::{ApiJson, created, field, invalid, nullable};
use crate::domain::{OrganizationKind, validate};
use crate::models::organizations::{self, NewOrganization, Organization};
use crate::web::AppState;
use crate::web::auth::{may_add_organizations, require_admin};
use crate::web::error::{AppError, AppResult};

/// An organisation's fields, as sent to create one.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationBody {
    #[schema(example = "United Nations Children's Fund")]
    name: String,
    #[schema(example = "UNICEF")]
    acronym: Option<String>,
    kind: OrganizationKind,
}

impl OrganizationBody {
    /// The fields trimmed and checked, each problem naming its field.
    fn checked(&self) -> AppResult<OrganizationBody> {
        Ok(OrganizationBody {
            name: field("name", validate::required(&self.name, 200))?,
            acronym: field("acronym", validate::optional(self.acronym.as_deref().unwrap_or(""), 40))?,
            kind: self.kind,
        })
    }

    fn row(&self) -> NewOrganization<'_> {
        NewOrganization {
            name: &self.name,
            acronym: self.acronym.as_deref(),
            kind: self.kind,
        }
    }
}

/// Changes to an organisation: absent fields stay, a `null` acronym is removed.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationPatch {
    name: Option<String>,
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>)]
    acronym: Option<Option<String>>,
    kind: Option<OrganizationKind>,
}

impl OrganizationPatch {
    fn apply(self, current: Organization) -> OrganizationBody {
        OrganizationBody {
            name: self.name.unwrap_or(current.name),
            acronym: self.acronym.unwrap_or(current.acronym),
            kind: self.kind.unwrap_or(current.kind),
        }
    }
}

fn name_taken(name: &str) -> AppError {
    AppError::Conflict(format!("name: an organisation named {name:?} exists already"))
}

/// Every organisation, by name
#[utoipa::path(get, path = "/api/v1/organizations", operation_id = "list_organizations", tag = "organizations",
    responses((status = 200, body = [Organization])))]
pub async fn list(_me: ApiUser, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(organizations::list(&mut conn).await?))
}

/// One organisation
#[utoipa::path(get, path = "/api/v1/organizations/{id}", operation_id = "get_organization", tag = "organizations",
    params(("id" = i64, Path, description = "The organisation's id")),
    responses((status = 200, body = Organization), (status = 404, description = "No such organisation")))]
pub async fn show(_me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(organizations::find(&mut conn, *id).await?))
}

/// Add an organisation (administrators, coordinators and co-chairs)
#[utoipa::path(post, path = "/api/v1/organizations", operation_id = "create_organization", tag = "organizations", request_body = OrganizationBody,
    responses(
        (status = 201, body = Organization, description = "Created; `Location` names it"),
        (status = 403, description = "Neither an administrator nor a coordinator or co-chair"),
        (status = 409, description = "An organisation of that name (in any case) exists"),
        (status = 422, description = "A field is missing or malformed"),
    ))]
pub async fn create(
    me: ApiUser,
    state: web::Data<AppState>,
    body: ApiJson<OrganizationBody>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    if !may_add_organizations(&mut conn, &me.user).await? {
        return Err(AppError::Forbidden);
    }
    let body = body.0.checked()?;
    let id = body
        .row()
        .insert(&mut conn)
        .await?
        .ok_or_else(|| name_taken(&body.name))?;
    let organization = organizations::find(&mut conn, id).await?;
    Ok(created(&format!("/api/v1/organizations/{id}"), &organization))
}

/// Rename or re-classify an organisation (administrators only)
#[utoipa::path(patch, path = "/api/v1/organizations/{id}", operation_id = "update_organization", tag = "organizations", request_body = OrganizationPatch,
    params(("id" = i64, Path, description = "The organisation's id")),
    responses(
        (status = 200, body = Organization),
        (status = 403, description = "Not an administrator"),
        (status = 404, description = "No such organisation"),
        (status = 409, description = "Another organisation has that name"),
        (status = 422, description = "A field is malformed"),
    ))]
pub async fn update(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    patch: ApiJson<OrganizationPatch>,
) -> AppResult<HttpResponse> {
    require_admin(&me.user)?;
    let mut conn = state.conn().await?;
    let current = organizations::find(&mut conn, *id).await?;
    let body = patch.0.apply(current).checked()?;
    if !organizations::update(&mut conn, *id, &body.row()).await? {
        return Err(name_taken(&body.name));
    }
    Ok(HttpResponse::Ok().json(organizations::find(&mut conn, *id).await?))
}

/// Which organisation a duplicate is folded into.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    /// The organisation that stays.
    into: i64,
}

/// Fold a duplicate into another organisation (administrators only)
///
/// Its people, guests and ownerships move to `into`; then it is deleted. Answers
/// with the organisation that stays.
#[utoipa::path(post, path = "/api/v1/organizations/{id}/merge", operation_id = "merge_organization", tag = "organizations", request_body = MergeBody,
    params(("id" = i64, Path, description = "The duplicate, which is deleted")),
    responses(
        (status = 200, body = Organization, description = "The organisation that stays"),
        (status = 403, description = "Not an administrator"),
        (status = 404, description = "No such organisation"),
        (status = 422, description = "`into` is the same organisation, or none"),
    ))]
pub async fn merge(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    body: ApiJson<MergeBody>,
) -> AppResult<HttpResponse> {
    require_admin(&me.user)?;
    let (from, into) = (*id, body.0.into);
    let mut conn = state.conn().await?;
    organizations::find(&mut conn, from).await?;
    if from == into {
        return Err(invalid("into", "an organisation cannot be merged into itself"));
    }
    let kept = organizations::find(&mut conn, into)
        .await
        .optional()?
        .ok_or_else(|| invalid("into", "there is no organisation with this id"))?;
    organizations::merge(&mut conn, from, into).await?;
    Ok(HttpResponse::Ok().json(kept))
}
