use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{check_area_name, editable_group};
use crate::models::workplan;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{AreaFields, AreaPage, area_form};
use crate::web::{AppState, html_page};

pub async fn new(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), *id).await?;
    let page = AreaPage {
        title: me.ctx.locale.t("workplan-add-area"),
        crumbs: crumbs_to(&ancestors, &group),
        action: format!("/groups/{}/workplan/areas", group.id),
        fields: &AreaFields::default(),
        problems: &Problems::default(),
    };
    Ok(html_page(StatusCode::OK, area_form(&me.ctx, &page)))
}

/// Adds an area after the last; an empty or repeated name shows the form again.
pub async fn create(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<AreaFields>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), *id).await?;
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    let name = problems.check(
        "column-area",
        check_area_name(&mut conn, group.id, &fields.name, None).await?,
    );
    match name {
        Some(name) if problems.is_empty() => {
            workplan::create_area(&mut conn, group.id, &name).await?;
            Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, format!("/groups/{}/workplan", group.id)))
                .finish())
        }
        _ => {
            let page = AreaPage {
                title: me.ctx.locale.t("workplan-add-area"),
                crumbs: crumbs_to(&ancestors, &group),
                action: format!("/groups/{}/workplan/areas", group.id),
                fields: &fields,
                problems: &problems,
            };
            Ok(html_page(StatusCode::UNPROCESSABLE_ENTITY, area_form(&me.ctx, &page)))
        }
    }
}
