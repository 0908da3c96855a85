//! Accounts: administrators list and invite people; everyone sees themselves.

use actix_web::{HttpResponse, web};
use serde::Deserialize;
use utoipa::ToSchema;

use super::ApiUser;
use super::input::{ApiJson, created, field, nullable};
use crate::domain::validate;
use crate::flows::accounts;
use crate::i18n::Locale;
use crate::models::users::{self, User};
use crate::web::AppState;
use crate::web::auth::require_admin;
use crate::web::error::{AppError, AppResult};

/// Every account (administrators only)
#[utoipa::path(get, path = "/api/v1/users", operation_id = "list_users", tag = "users",
    responses((status = 200, body = [User]), (status = 403, description = "Not an administrator")))]
pub async fn list(me: ApiUser, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    require_admin(&me.user)?;
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(users::list(&mut conn).await?))
}

/// One account (administrators, or the account's owner)
#[utoipa::path(get, path = "/api/v1/users/{id}", operation_id = "get_user", tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, body = User),
        (status = 403, description = "Neither an administrator nor this user"),
        (status = 404, description = "No such user"),
    ))]
pub async fn show(me: ApiUser, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    if me.user.id != *id {
        require_admin(&me.user)?;
    }
    let mut conn = state.conn().await?;
    Ok(HttpResponse::Ok().json(users::find(&mut conn, *id).await?))
}

/// An account to create: it gets no password; its owner is mailed a link to choose one.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserBody {
    #[schema(example = "nadia@unicef.org")]
    email: String,
    #[schema(example = "Nadia Haddad")]
    name: String,
    /// Make the account a site administrator.
    #[serde(default)]
    admin: bool,
}

/// Invite someone (administrators only)
///
/// Creates the account without a password and queues the invitation mail with a
/// link to choose one.
#[utoipa::path(post, path = "/api/v1/users", operation_id = "create_user", tag = "users", request_body = NewUserBody,
    responses(
        (status = 201, body = User, description = "Created; `Location` names it"),
        (status = 403, description = "Not an administrator"),
        (status = 409, description = "An account uses that email already"),
        (status = 422, description = "A field is missing or malformed"),
    ))]
pub async fn create(me: ApiUser, state: web::Data<AppState>, body: ApiJson<NewUserBody>) -> AppResult<HttpResponse> {
    require_admin(&me.user)?;
    let ApiJson(body) = body;
    let email = field("email", validate::email(&body.email))?;
    let name = field("name", validate::required(&body.name, 200))?;
    let mut conn = state.conn().await?;
    if users::find_id_by_email(&mut conn, &email).await?.is_some() {
        return Err(AppError::Conflict(format!("email: an account uses {email} already")));
    }
    accounts::add_user(&mut conn, &state.settings.base_url, &email, &name, body.admin).await?;
    let id = users::find_id_by_email(&mut conn, &email)
        .await?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the new account is missing")))?;
    let user = users::find(&mut conn, id).await?;
    Ok(created(&format!("/api/v1/users/{id}"), &user))
}

/// Changes to an account: absent fields stay, a `null` language is cleared (pages then
/// follow the browser, mail the group's default).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    /// The account's language: `en`, `fr`, `es` or `ar`.
    #[serde(default, deserialize_with = "nullable")]
    #[schema(value_type = Option<String>, example = "fr")]
    locale: Option<Option<String>>,
}

/// Change an account (administrators, or the account's owner)
#[utoipa::path(patch, path = "/api/v1/users/{id}", operation_id = "update_user", tag = "users", request_body = UserPatch,
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, body = User),
        (status = 403, description = "Neither an administrator nor this user"),
        (status = 404, description = "No such user"),
        (status = 422, description = "A field is malformed, such as a language that is not offered"),
    ))]
pub async fn update(
    me: ApiUser,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    patch: ApiJson<UserPatch>,
) -> AppResult<HttpResponse> {
    if me.user.id != *id {
        require_admin(&me.user)?;
    }
    let ApiJson(patch) = patch;
    let mut conn = state.conn().await?;
    let user = users::find(&mut conn, *id).await?;
    if let Some(locale) = patch.locale {
        let chosen = match locale {
            Some(tag) => Some(field(
                "locale",
                Locale::from_tag(&tag).map(|l| l.lang).ok_or("invalid-choice"),
            )?),
            None => None,
        };
        users::set_locale(&mut conn, user.id, chosen).await?;
    }
    Ok(HttpResponse::Ok().json(users::find(&mut conn, user.id).await?))
}
