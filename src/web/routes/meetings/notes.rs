use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::domain::policy::Action;
use crate::domain::validate;
use crate::models::agenda::{self, ItemText};
use crate::models::meetings::EditError;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::views::live::{NotesForm, conflict};
use crate::web::{AppState, html_page};

/// Saves an item's notes and decisions against the version they were edited from.
/// When someone saved in between, nothing is written and the 409 page shows their
/// text next to the user's own.
pub async fn save(
    me: SignedIn,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
    form: CsrfForm<NotesForm>,
) -> AppResult<HttpResponse> {
    let (id, item_id) = path.into_inner();
    let locale = &me.ctx.locale;
    let CsrfForm(form) = form;
    let mut conn = state.conn().await?;
    let (meeting, _) = super::meeting_for(&mut conn, me.user(), id, Action::RunMeetings).await?;
    for (field, text) in [("live-notes", &form.notes), ("live-decisions", &form.decisions)] {
        validate::optional(text, crate::domain::agenda::MAX_NOTES)
            .map_err(|p| AppError::invalid_field(locale, field, p))?;
    }
    let text = ItemText {
        notes: form.notes.trim(),
        decisions: Some(form.decisions.trim()),
    };
    match agenda::save_text(&mut conn, meeting.id, item_id, form.version, &text).await {
        Ok(_) => Ok(super::see_other(format!("/meetings/{}/live", meeting.id))),
        Err(EditError::Stale(current)) => Ok(html_page(
            StatusCode::CONFLICT,
            conflict(&me.ctx, meeting.id, &current, &form),
        )),
        Err(e) => Err(AppError::from_edit(locale, e)),
    }
}
