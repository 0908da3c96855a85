use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{as_new, parse};
use crate::models::organizations::{self, Organization};
use crate::web::auth::{CsrfForm, SignedIn, require_admin};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::organizations::{OrganizationFields, form};
use crate::web::{AppState, html_page};

/// The other organisations, as merge targets.
async fn others(conn: &mut diesel_async::AsyncPgConnection, id: i64) -> AppResult<Vec<Organization>> {
    Ok(organizations::list(conn)
        .await?
        .into_iter()
        .filter(|o| o.id != id)
        .collect())
}

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let mut conn = state.conn().await?;
    let org = organizations::find(&mut conn, *id).await?;
    let fields = OrganizationFields {
        name: org.name.clone(),
        acronym: org.acronym.clone().unwrap_or_default(),
        kind: org.kind.to_string(),
    };
    let targets = others(&mut conn, org.id).await?;
    Ok(html_page(
        StatusCode::OK,
        form(&me.ctx, Some(&org), &fields, &Problems::default(), &targets),
    ))
}

pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    fields: CsrfForm<OrganizationFields>,
) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let CsrfForm(fields) = fields;
    let mut conn = state.conn().await?;
    let org = organizations::find(&mut conn, *id).await?;
    let problems = match parse(&fields) {
        Ok(parsed) if organizations::update(&mut conn, org.id, &as_new(&parsed)).await? => {
            return Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, "/organizations"))
                .finish());
        }
        Ok(_) => Problems(vec![("field-name", "organizations-name-taken")]),
        Err(problems) => problems,
    };
    let targets = others(&mut conn, org.id).await?;
    Ok(html_page(
        StatusCode::UNPROCESSABLE_ENTITY,
        form(&me.ctx, Some(&org), &fields, &problems, &targets),
    ))
}
