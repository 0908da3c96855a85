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

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let area = workplan::find_area(&mut conn, *id).await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), area.group_id).await?;
    let page = AreaPage {
        title: me.ctx.locale.t("workplan-rename-area"),
        crumbs: crumbs_to(&ancestors, &group),
        action: format!("/workplan/areas/{}", area.id),
        fields: &AreaFields {
            name: area.name.clone(),
        },
        problems: &Problems::default(),
    };
    Ok(html_page(StatusCode::OK, area_form(&me.ctx, &page)))
}

/// Renames the area; an empty name or one another area has shows the form again.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<AreaFields>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let area = workplan::find_area(&mut conn, *id).await?;
    let (group, ancestors) = editable_group(&mut conn, me.user(), area.group_id).await?;
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    let name = problems.check(
        "column-area",
        check_area_name(&mut conn, group.id, &fields.name, Some(area.id)).await?,
    );
    match name {
        Some(name) if problems.is_empty() => {
            workplan::rename_area(&mut conn, area.id, &name).await?;
            Ok(HttpResponse::SeeOther()
                .insert_header((LOCATION, format!("/groups/{}/workplan", group.id)))
                .finish())
        }
        _ => {
            let page = AreaPage {
                title: me.ctx.locale.t("workplan-rename-area"),
                crumbs: crumbs_to(&ancestors, &group),
                action: format!("/workplan/areas/{}", area.id),
                fields: &fields,
                problems: &problems,
            };
            Ok(html_page(StatusCode::UNPROCESSABLE_ENTITY, area_form(&me.ctx, &page)))
        }
    }
}
