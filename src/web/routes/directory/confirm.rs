use actix_web::{HttpResponse, web};

use super::preview::render_check;
use super::today_in;
use crate::domain::directory_import::ImportRow;
use crate::domain::policy::Action;
use crate::models::directory_import as import;
use crate::models::groups;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::sheets::{ConfirmForm, allowed_group, decode_rows};
use crate::web::views::{self, groups::crumbs_to};

/// Writes the previewed rows, checked once more inside the transaction that writes
/// them: all of them, or, when any is no longer valid, none (and the preview again).
pub async fn confirm(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<ConfirmForm>,
) -> AppResult<HttpResponse> {
    let CsrfForm(form) = form;
    let (mut conn, group) = allowed_group(&state, &me, *id, Action::KeepDirectory).await?;
    let rows: Vec<ImportRow> = decode_rows(&form.rows, &me.ctx.locale)?;
    match import::apply(&mut conn, &group, &rows, today_in(&group)).await? {
        Ok(counts) => {
            let ancestors = groups::ancestors(&mut conn, group.id).await?;
            let page = views::directory::imported(
                &me.ctx,
                &group.short_name,
                &crumbs_to(&ancestors, &group),
                &format!("/groups/{}/directory", group.id),
                &counts,
            );
            Ok(HttpResponse::Ok()
                .content_type("text/html; charset=utf-8")
                .body(page.into_string()))
        }
        Err(check) => render_check(&me, &mut conn, &group, &check).await,
    }
}
