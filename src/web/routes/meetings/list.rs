use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::domain::policy::{self, Action};
use crate::models::meeting_schedule::{self, Scope, When};
use crate::models::meetings::Meeting;
use crate::models::{groups, memberships};
use crate::web::auth::{SignedIn, authorize};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::meeting_lists::{ListPage, TemplateForm, list_page};
use crate::web::{AppState, html_page};

/// Upcoming meetings shown at most; a group rarely plans further ahead.
const UPCOMING_LIMIT: i64 = 50;
const PAST_PER_PAGE: i64 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Page of past meetings, from 1.
    page: Option<u32>,
}

impl ListQuery {
    fn page(&self) -> i64 {
        i64::from(self.page.unwrap_or(1).max(1))
    }
}

/// The upcoming meetings, one page of past ones, and how many past ones there are.
async fn lists(
    conn: &mut diesel_async::AsyncPgConnection,
    scope: &Scope<'_>,
    now: chrono::DateTime<Utc>,
    page: i64,
) -> AppResult<(Vec<Meeting>, Vec<Meeting>, i64)> {
    let (upcoming, _) = meeting_schedule::listed(conn, scope, When::Upcoming, now, 0, UPCOMING_LIMIT).await?;
    let offset = (page - 1) * PAST_PER_PAGE;
    let (past, total) = meeting_schedule::listed(conn, scope, When::Past, now, offset, PAST_PER_PAGE).await?;
    Ok((upcoming, past, total))
}

/// A group's meetings, and for those who run them the agenda template's form
/// (`template` holds what was typed when it could not be saved).
pub async fn group_page(
    me: &SignedIn,
    state: &AppState,
    group_id: i64,
    page: i64,
    template: Option<(String, Problems)>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let standing = authorize(&mut conn, me.user(), group_id, Action::View).await?;
    let group = groups::find(&mut conn, group_id).await?;
    let ancestors = groups::ancestors(&mut conn, group.id).await?;
    let may_run = policy::allows(standing, Action::RunMeetings);
    let ids = [group.id];
    let scope = Scope {
        groups: &ids,
        drafts_of: if may_run { &ids } else { &[] },
    };
    let now = Utc::now();
    let (upcoming, past, total) = lists(&mut conn, &scope, now, page).await?;
    let (status, template) = match template {
        Some((typed, problems)) => (StatusCode::UNPROCESSABLE_ENTITY, Some((typed, problems))),
        None if may_run => (
            StatusCode::OK,
            Some((
                meeting_schedule::agenda_template(&mut conn, group.id).await?,
                Problems::default(),
            )),
        ),
        None => (StatusCode::OK, None),
    };
    let view = ListPage {
        title: me.ctx.locale.t_args(
            "meetings-list-group-title",
            &[("group", group.short_name.as_str().into())],
        ),
        crumbs: crumbs_to(&ancestors, &group),
        path: format!("/groups/{}/meetings", group.id),
        groups: std::slice::from_ref(&group),
        upcoming: &upcoming,
        past: &past,
        past_total: total,
        page,
        pages: (total + PAST_PER_PAGE - 1) / PAST_PER_PAGE,
        runs: may_run.then_some(&group),
        template: template
            .as_ref()
            .map(|(text, problems)| TemplateForm { text, problems }),
    };
    Ok(html_page(status, list_page(&me.ctx, &view)))
}

pub async fn group(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    group_page(&me, &state, *id, query.page(), None).await
}

/// The meetings of every group the person belongs to (and the groups below them);
/// drafts only of the groups whose meetings they run.
pub async fn mine(me: SignedIn, state: web::Data<AppState>, query: web::Query<ListQuery>) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let user = me.user();
    let visible = groups::visible_ids(&mut conn, user.id, user.is_admin).await?;
    let roles = memberships::active_roles(&mut conn, user.id, Utc::now().date_naive()).await?;
    let tree = groups::tree(&mut conn).await?;
    let runs = policy::groups_allowing(user.is_admin, &roles, &tree, Action::RunMeetings);
    let scope = Scope {
        groups: &visible,
        drafts_of: &runs,
    };
    let now = Utc::now();
    let page = query.page();
    let (upcoming, past, total) = lists(&mut conn, &scope, now, page).await?;
    let mut shown: Vec<i64> = upcoming.iter().chain(&past).map(|m| m.group_id).collect();
    shown.sort_unstable();
    shown.dedup();
    let groups = groups::by_ids(&mut conn, &shown).await?;
    let view = ListPage {
        title: me.ctx.locale.t("meetings-list-mine-title"),
        crumbs: Vec::new(),
        path: "/meetings".into(),
        groups: &groups,
        upcoming: &upcoming,
        past: &past,
        past_total: total,
        page,
        pages: (total + PAST_PER_PAGE - 1) / PAST_PER_PAGE,
        runs: None,
        template: None,
    };
    Ok(html_page(StatusCode::OK, list_page(&me.ctx, &view)))
}
