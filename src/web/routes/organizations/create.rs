use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{as_new, parse};
use crate::web::auth::{CsrfForm, SignedIn, may_add_organizations};
use crate::web::error::{AppError, AppResult};
use crate::web::views::forms::Problems;
use crate::web::views::organizations::{OrganizationFields, form};
use crate::web::{AppState, html_page};

pub async fn new(me: SignedIn, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    if !may_add_organizations(&mut conn, me.user()).await? {
        return Err(AppError::Forbidden);
    }
    let fields = OrganizationFields {
        kind: "ingo".into(),
        ..Default::default()
    };
    Ok(html_page(
        StatusCode::OK,
        form(&me.ctx, None, &fields, &Problems::default(), &[]),
    ))
}

pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    fields: CsrfForm<OrganizationFields>,
) -> AppResult<HttpResponse> {
    let CsrfForm(fields) = fields;
    let mut conn = state.conn().await?;
    if !may_add_organizations(&mut conn, me.user()).await? {
        return Err(AppError::Forbidden);
    }
    let parsed = match parse(&fields) {
        Ok(parsed) => parsed,
        Err(problems) => {
            return Ok(html_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                form(&me.ctx, None, &fields, &problems, &[]),
            ));
        }
    };
    if as_new(&parsed).insert(&mut conn).await?.is_none() {
        let problems = Problems(vec![("field-name", "organizations-name-taken")]);
        return Ok(html_page(
            StatusCode::CONFLICT,
            form(&me.ctx, None, &fields, &problems, &[]),
        ));
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, "/organizations"))
        .finish())
}
