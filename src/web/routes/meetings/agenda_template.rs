use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use super::list::group_page;
use super::schedule::runnable_group;
use crate::models::meeting_schedule;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;

/// The database's limit on a template.
const MAX_TEMPLATE_CHARS: usize = 10_000;

#[derive(Deserialize)]
pub struct TemplateFields {
    #[serde(default)]
    template: String,
}

/// Saves the group's agenda template, edited on its meetings page; too long a
/// template comes back in the form, unsaved.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    form: CsrfForm<TemplateFields>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let (group, _) = runnable_group(&mut conn, me.user(), *id).await?;
    let CsrfForm(TemplateFields { template }) = form;
    // Browsers send CRLF line breaks; the template keeps plain ones.
    let template = template.replace("\r\n", "\n");
    if template.chars().count() > MAX_TEMPLATE_CHARS {
        let mut problems = Problems::default();
        problems.add("meetings-list-template", "invalid-too-long");
        drop(conn);
        return group_page(&me, &state, group.id, 1, Some((template, problems))).await;
    }
    meeting_schedule::set_agenda_template(&mut conn, group.id, template.trim_end()).await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((LOCATION, format!("/groups/{}/meetings#agenda-template", group.id)))
        .finish())
}
