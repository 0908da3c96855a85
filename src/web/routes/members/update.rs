use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::{managed_group, parse_terms, render};
use crate::models::memberships::{self, Terms};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::forms::Problems;
use crate::web::views::members::MemberFields;

#[derive(Deserialize)]
pub struct TermsForm {
    role: String,
    since: String,
    #[serde(default)]
    until: String,
}

/// Changes a member's role or term; ids of another group's memberships are not found.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<TermsForm>,
) -> AppResult<HttpResponse> {
    let (group_id, membership_id) = path.into_inner();
    let group = managed_group(&me, &state, group_id).await?;
    let CsrfForm(form) = form;
    let mut problems = Problems::default();
    let Some((role, since, until)) = parse_terms(&mut problems, &form.role, &form.since, &form.until) else {
        let fields = MemberFields {
            role: "member".into(),
            ..Default::default()
        };
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
    let mut conn = state.conn().await?;
    match memberships::update(&mut conn, group.id, membership_id, &Terms { role, since, until }).await {
        Ok(true) => Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, format!("/groups/{group_id}/members")))
            .finish()),
        Ok(false) => Err(AppError::NotFound),
        // The person already holds the role this membership would change to.
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            let fields = MemberFields {
                role: "member".into(),
                ..Default::default()
            };
            render(
                &me,
                &state,
                &group,
                &fields,
                &Problems(vec![("field-role", "members-already")]),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
