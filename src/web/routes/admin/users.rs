use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::domain::validate;
use crate::flows::accounts;
use crate::models::users;
use crate::web::auth::{CsrfForm, SignedIn, require_admin};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::people::{InviteFields, users as users_page};
use crate::web::{AppState, html_page};

async fn page(
    me: &SignedIn,
    state: &AppState,
    fields: &InviteFields,
    problems: &Problems,
    invited: Option<&str>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let all = users::list(&mut conn).await?;
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(html_page(status, users_page(&me.ctx, &all, fields, problems, invited)))
}

pub async fn list(me: SignedIn, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    page(&me, &state, &InviteFields::default(), &Problems::default(), None).await
}

/// Invites someone by email: an account without a password, and a mailed link to choose one.
pub async fn invite(
    me: SignedIn,
    state: web::Data<AppState>,
    fields: CsrfForm<InviteFields>,
) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let CsrfForm(fields) = fields;
    let mut problems = Problems::default();
    let email = problems.check("field-email", validate::email(&fields.email));
    let name = problems.check("field-name", validate::required(&fields.name, 200));
    let (Some(email), Some(name)) = (email, name) else {
        return page(&me, &state, &fields, &problems, None).await;
    };
    let mut conn = state.conn().await?;
    if users::find_id_by_email(&mut conn, &email).await?.is_some() {
        return page(
            &me,
            &state,
            &fields,
            &Problems(vec![("field-email", "users-email-taken")]),
            None,
        )
        .await;
    }
    accounts::add_user(
        &mut conn,
        &state.settings.base_url,
        &email,
        &name,
        fields.admin.is_some(),
    )
    .await?;
    page(
        &me,
        &state,
        &InviteFields::default(),
        &Problems::default(),
        Some(&email),
    )
    .await
}
