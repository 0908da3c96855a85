use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use diesel_async::AsyncConnection;

use super::{managed_group, parse_terms, render};
use crate::domain::validate;
use crate::flows::accounts;
use crate::mail::PasswordLink;
use crate::models::memberships::NewMembership;
use crate::models::users;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::forms::Problems;
use crate::web::views::members::MemberFields;

/// What adding a member came to.
enum Outcome {
    Added,
    AlreadyMember,
    NameNeeded,
}

/// Adds a member by email; someone without an account gets one, and an invitation
/// to choose a password, in the same transaction.
pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    fields: CsrfForm<MemberFields>,
) -> AppResult<HttpResponse> {
    let group = managed_group(&me, &state, *id).await?;
    let CsrfForm(fields) = fields;
    let mut problems = Problems::default();
    let email = problems.check("field-email", validate::email(&fields.email));
    let name = problems.check("field-name", validate::optional(&fields.name, 200));
    let terms = parse_terms(&mut problems, &fields.role, &fields.since, &fields.until);
    let (Some(email), Some(name), Some((role, since, until))) = (email, name, terms) else {
        return render(
            &me,
            &state,
            &group,
            &fields,
            &problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let base_url = state.settings.base_url.clone();
    let mut conn = state.conn().await?;
    let outcome = conn
        .transaction::<_, AppError, _>(async |conn| {
            let user_id = match users::find_id_by_email(conn, &email).await? {
                Some(id) => id,
                None => {
                    let Some(name) = name.as_deref() else {
                        return Ok(Outcome::NameNeeded);
                    };
                    let new = users::NewUser {
                        email: &email,
                        name,
                        organization_id: None,
                        title: None,
                        // Speaks the group's language from the invitation on.
                        locale: Some(&group.default_locale),
                        time_zone: &group.time_zone,
                        password_hash: None,
                        is_admin: false,
                    };
                    let id = new.find_or_create(conn).await?;
                    let user = users::find(conn, id).await?;
                    accounts::send_password_link(conn, &base_url, &user, PasswordLink::Invitation, Utc::now()).await?;
                    id
                }
            };
            let added = NewMembership {
                group_id: group.id,
                user_id,
                role,
                since,
                until,
            }
            .insert_if_missing(conn)
            .await?;
            Ok(if added { Outcome::Added } else { Outcome::AlreadyMember })
        })
        .await?;
    let problem = match outcome {
        Outcome::Added => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, format!("/groups/{}/members", group.id)))
                .finish());
        }
        Outcome::AlreadyMember => ("field-role", "members-already"),
        Outcome::NameNeeded => ("field-name", "members-name-needed"),
    };
    render(
        &me,
        &state,
        &group,
        &fields,
        &Problems(vec![problem]),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
