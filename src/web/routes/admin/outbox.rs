//! `/admin/outbox`: the mail queue for site administrators — what waits, what was
//! sent, what failed and why — with retry and cancel.

use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::{HttpResponse, web};
use chrono::Utc;
use serde::Deserialize;

use crate::models::outbox::{self, MailState};
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn, require_admin};
use crate::web::error::{AppError, AppResult};
use crate::web::router::Router;
use crate::web::views::outbox as views;

pub fn configure(cfg: &mut Router) {
    cfg.get("/admin/outbox", list)
        .get("/admin/outbox/{id}", show)
        .post("/admin/outbox/{id}/retry", retry)
        .post("/admin/outbox/{id}/cancel", cancel);
}

/// How many mails the list shows; the filters narrow it down.
const LIST_LIMIT: i64 = 200;

#[derive(Deserialize)]
pub struct Filter {
    state: Option<String>,
}

/// Mail bodies carry one-time links: no cache may keep these pages.
fn private(page: maud::Markup) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(CacheControl(vec![CacheDirective::NoStore]))
        .body(page.into_string())
}

pub async fn list(me: SignedIn, state: web::Data<AppState>, filter: web::Query<Filter>) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let selected = match filter.state.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => Some(
            raw.parse::<MailState>()
                .map_err(|_| AppError::field(&me.ctx.locale, "outbox-filter-state", "outbox-unknown-state"))?,
        ),
        None => None,
    };
    let mut conn = state.conn().await?;
    let mails = outbox::list(&mut conn, selected, LIST_LIMIT).await?;
    let counts = outbox::count_by_state(&mut conn).await?;
    let page = views::list(
        &me.ctx,
        &views::ListPage {
            mails: &mails,
            counts: &counts,
            selected,
            sending: state.settings.smtp_url.is_some(),
        },
    );
    Ok(private(page))
}

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let mut conn = state.conn().await?;
    let mail = outbox::find(&mut conn, *id).await?.ok_or(AppError::NotFound)?;
    Ok(private(views::show(&me.ctx, &me.session.csrf_token, &mail)))
}

fn back_to(id: i64) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, format!("/admin/outbox/{id}")))
        .finish()
}

#[derive(Deserialize)]
pub struct NoFields {}

/// What an administrator may do to one mail from its page.
#[derive(Clone, Copy)]
enum Step {
    Retry,
    Cancel,
}

/// Queues a failed, dead or cancelled mail again for a try now.
pub async fn retry(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    take_step(me, state, *id, Step::Retry).await
}

/// Stops a mail that has not gone out yet.
pub async fn cancel(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> AppResult<HttpResponse> {
    take_step(me, state, *id, Step::Cancel).await
}

/// Both steps answer alike: 404 for no such mail, 409 when the mail's state no longer
/// allows the step, else back to the mail's page.
async fn take_step(me: SignedIn, state: web::Data<AppState>, id: i64, step: Step) -> AppResult<HttpResponse> {
    require_admin(me.user())?;
    let mut conn = state.conn().await?;
    outbox::find(&mut conn, id).await?.ok_or(AppError::NotFound)?;
    let now = Utc::now();
    let (taken, refusal, done) = match step {
        Step::Retry => (
            outbox::retry(&mut conn, id, now).await?,
            "outbox-retry-sent",
            "outbox mail queued again",
        ),
        Step::Cancel => (
            outbox::cancel(&mut conn, id, now).await?,
            "outbox-cancel-done",
            "outbox mail cancelled",
        ),
    };
    if !taken {
        return Err(AppError::Conflict(me.ctx.locale.t(refusal)));
    }
    tracing::info!(admin = me.user().id, mail = id, "{done}");
    Ok(back_to(id))
}
