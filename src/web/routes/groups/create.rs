use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};

use super::{DEFAULT_SETTINGS, SUBGROUP_KINDS, fields_with, parse};
use crate::domain::GroupKind;
use crate::domain::policy::Action;
use crate::models::groups::{self, Group};
use crate::web::auth::{CsrfForm, SignedIn, authorize, require_admin};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::{GroupFields, crumbs_to, form};
use crate::web::{AppState, PageContext, html_page};

/// The form for a new group under `parent`, or a new working group.
fn page(
    ctx: &PageContext,
    parent: Option<(&Group, &[Group])>,
    fields: &GroupFields,
    problems: &Problems,
    status: StatusCode,
) -> HttpResponse {
    let (trail, title, action, kinds) = match parent {
        Some((parent, ancestors)) => (
            crumbs_to(ancestors, parent),
            ctx.locale.t_args(
                "group-new-subgroup-title",
                &[("parent", parent.short_name.as_str().into())],
            ),
            format!("/groups/{}/subgroups", parent.id),
            SUBGROUP_KINDS,
        ),
        None => (
            vec![],
            ctx.locale.t("group-new-title"),
            "/groups".to_owned(),
            &[GroupKind::WorkingGroup][..],
        ),
    };
    html_page(status, form(ctx, trail, &title, &action, kinds, fields, problems))
}

/// Saves a new group, or shows the form again with what is wrong.
async fn save(
    me: &SignedIn,
    state: &AppState,
    parent: Option<(&Group, &[Group])>,
    fields: &GroupFields,
) -> AppResult<HttpResponse> {
    let kinds = if parent.is_some() {
        SUBGROUP_KINDS
    } else {
        &[GroupKind::WorkingGroup][..]
    };
    let valid = match parse(fields, kinds) {
        Ok(valid) => valid,
        Err(problems) => {
            return Ok(page(
                &me.ctx,
                parent,
                fields,
                &problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let mut conn = state.conn().await?;
    match groups::create(&mut conn, parent.map(|(p, _)| p.id), &valid.changes()).await? {
        Some(id) => Ok(HttpResponse::SeeOther()
            .insert_header((LOCATION, format!("/groups/{id}")))
            .finish()),
        None => {
            let problems = Problems(vec![("field-short-name", "group-short-name-taken")]);
            Ok(page(&me.ctx, parent, fields, &problems, StatusCode::CONFLICT))
        }
    }
}

pub async fn new_working_group(me: SignedIn) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let fields = fields_with(GroupKind::WorkingGroup, "UTC", "en", &DEFAULT_SETTINGS);
    Ok(page(&me.ctx, None, &fields, &Problems::default(), StatusCode::OK))
}

pub async fn create_working_group(
    me: SignedIn,
    state: web::Data<AppState>,
    fields: CsrfForm<GroupFields>,
) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    save(&me, &state, None, &fields.0).await
}

/// The parent a sub-group is added to, with its breadcrumbs, once allowed.
async fn parent(me: &SignedIn, state: &AppState, id: i64) -> AppResult<(Group, Vec<Group>)> {
    let mut conn = state.conn().await?;
    authorize(&mut conn, me.user(), id, Action::ManageGroup).await?;
    let group = groups::find(&mut conn, id).await?;
    let ancestors = groups::ancestors(&mut conn, id).await?;
    Ok((group, ancestors))
}

pub async fn new_subgroup(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let (parent, ancestors) = parent(&me, &state, *id).await?;
    let fields = fields_with(
        GroupKind::SubGroup,
        &parent.time_zone,
        &parent.default_locale,
        &DEFAULT_SETTINGS,
    );
    Ok(page(
        &me.ctx,
        Some((&parent, &ancestors)),
        &fields,
        &Problems::default(),
        StatusCode::OK,
    ))
}

pub async fn create_subgroup(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    fields: CsrfForm<GroupFields>,
) -> AppResult<HttpResponse> {
    let (parent, ancestors) = parent(&me, &state, *id).await?;
    save(&me, &state, Some((&parent, &ancestors)), &fields.0).await
}
