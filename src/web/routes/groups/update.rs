use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{SUBGROUP_KINDS, fields_with, parse};
use crate::domain::GroupKind;
use crate::domain::policy::Action;
use crate::models::groups::{self, Group};
use crate::web::auth::{CsrfForm, SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::{GroupFields, crumbs_to, form};
use crate::web::{AppState, html_page};

fn kinds(group: &Group) -> &'static [GroupKind] {
    if group.parent_id.is_some() {
        SUBGROUP_KINDS
    } else {
        &[GroupKind::WorkingGroup]
    }
}

async fn page(
    me: &SignedIn,
    state: &AppState,
    group: &Group,
    fields: &GroupFields,
    problems: &Problems,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let title = me
        .ctx
        .locale
        .t_args("group-edit-title", &[("group", group.short_name.as_str().into())]);
    let action = format!("/groups/{}", group.id);
    Ok(html_page(
        status,
        form(
            &me.ctx,
            crumbs_to(&ancestors, group),
            &title,
            &action,
            kinds(group),
            fields,
            problems,
        ),
    ))
}

async fn allowed_group(me: &SignedIn, state: &AppState, id: i64) -> AppResult<Group> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), id, Action::ManageGroup).await?;
    Ok(groups::find(&mut conn, id).await?)
}

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let group = allowed_group(&me, &state, *id).await?;
    let mut conn = state.conn().await?;
    let settings = groups::settings(&mut conn, group.id).await?;
    let fields = GroupFields {
        name: group.name.clone(),
        short_name: group.short_name.clone(),
        location: group.location.clone().unwrap_or_default(),
        description: group.description.clone(),
        ..fields_with(group.kind, &group.time_zone, &group.default_locale, &settings)
    };
    page(&me, &state, &group, &fields, &Problems::default(), StatusCode::OK).await
}

pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    fields: CsrfForm<GroupFields>,
) -> AppResult<HttpResponse> {
    let group = allowed_group(&me, &state, *id).await?;
    let CsrfForm(fields) = fields;
    let problems = match parse(&fields, kinds(&group)) {
        Ok(valid) => {
            let mut conn = state.conn().await?;
            if groups::update(&mut conn, group.id, &valid.changes()).await?.is_some() {
                return Ok(HttpResponse::SeeOther()
                    .insert_header((LOCATION, format!("/groups/{}", group.id)))
                    .finish());
            }
            Problems(vec![("field-short-name", "group-short-name-taken")])
        }
        Err(problems) => problems,
    };
    page(
        &me,
        &state,
        &group,
        &fields,
        &problems,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
