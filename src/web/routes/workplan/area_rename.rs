use actix_web::{HttpResponse, web};

use super::area_form::AreaForm;
use crate::web::AppState;
use crate::web::auth::{CsrfForm, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::form;
use crate::web::views::workplan::AreaFields;

pub async fn edit(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    form::show(&me, &state, async |conn| AreaForm::of(conn, &me, *id).await).await
}

/// Renames the area; an empty name or one another area has shows the form again.
pub async fn update(
    me: SignedIn,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    sent: CsrfForm<AreaFields>,
) -> AppResult<HttpResponse> {
    form::submit(&me, &state, async |conn| AreaForm::of(conn, &me, *id).await, sent).await
}
