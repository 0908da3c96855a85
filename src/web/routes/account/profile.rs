use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::domain::validate;
use crate::i18n::Locale;
use crate::models::{organizations, users};
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::people::{ProfileFields, profile};
use crate::web::{AppState, html_page};

async fn page(
    me: &SignedIn,
    state: &AppState,
    fields: &ProfileFields,
    problems: &Problems,
    saved: bool,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let orgs = organizations::list(&mut conn).await?;
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok(html_page(status, profile(&me.ctx, fields, &orgs, problems, saved)))
}

pub async fn show(me: SignedIn, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let user = me.user();
    let fields = ProfileFields {
        name: user.name.clone(),
        organization_id: user.organization_id.map(|id| id.to_string()).unwrap_or_default(),
        title: user.title.clone().unwrap_or_default(),
        phone: user.phone.clone().unwrap_or_default(),
        locale: user.locale.clone().unwrap_or_default(),
        time_zone: user.time_zone.clone(),
    };
    page(&me, &state, &fields, &Problems::default(), false).await
}

/// Saves the person's own name, organisation, title, phone, language and time zone.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    fields: CsrfForm<ProfileFields>,
) -> AppResult<HttpResponse> {
    let CsrfForm(fields) = fields;
    let mut problems = Problems::default();
    let name = problems.check("field-name", validate::required(&fields.name, 200));
    let title = problems.check("field-title", validate::optional(&fields.title, 200));
    let phone = problems.check("field-phone", validate::optional(&fields.phone, 50));
    let time_zone = problems.check("field-time-zone", validate::time_zone(&fields.time_zone));
    let locale = problems.check("field-language", crate::i18n::Locale::chosen(&fields.locale));
    let mut conn = state.conn().await?;
    let organization_id = match fields.organization_id.trim() {
        "" => Some(None),
        raw => match raw.parse::<i64>() {
            Ok(id) if organizations::find(&mut conn, id).await.is_ok() => Some(Some(id)),
            _ => problems.check("column-organization", Err("invalid-choice")),
        },
    };
    let (Some(name), Some(title), Some(phone), Some(time_zone), Some(locale), Some(organization_id)) =
        (name, title, phone, time_zone, locale, organization_id)
    else {
        return page(&me, &state, &fields, &problems, false).await;
    };
    let profile = users::Profile {
        name: &name,
        organization_id,
        title: title.as_deref(),
        phone: phone.as_deref(),
        locale,
        time_zone: &time_zone,
    };
    users::update_profile(&mut conn, me.user().id, &profile).await?;
    let mut me = me;
    if let Some(chosen) = locale.and_then(Locale::from_tag) {
        // The confirmation already speaks the language just chosen.
        me.ctx.locale = chosen;
    }
    page(&me, &state, &fields, &Problems::default(), true).await
}
