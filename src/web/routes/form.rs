//! One way for every create/edit pair: the form drawn blank or as stored; what was
//! sent checked and saved, then a 303 to where it shows; or, with any problem, the
//! form drawn again as sent with its problems (422) and nothing written.

use std::future::Future;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::LOCATION;
use diesel_async::AsyncPgConnection;
use maud::Markup;

use crate::web::auth::{CsrfForm, PageContext, SignedIn};
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::{AppState, html_page};

/// A form page: what it needs besides its fields (the thing created or edited, its
/// group, its choices), loaded once per request and already authorised.
pub trait FormPage {
    type Fields;

    /// The fields as stored (a new thing's defaults), for the form before any change.
    fn stored(&self, conn: &mut AsyncPgConnection) -> impl Future<Output = AppResult<Self::Fields>>;

    fn render(&self, ctx: &PageContext, fields: &Self::Fields, problems: &Problems) -> Markup;

    /// Checks `fields`, noting each problem, and saves them when there is none:
    /// the address that shows the result, or `None` when nothing was saved.
    fn save(
        &self,
        me: &SignedIn,
        conn: &mut AsyncPgConnection,
        fields: &Self::Fields,
        problems: &mut Problems,
    ) -> impl Future<Output = AppResult<Option<String>>>;
}

/// GET: the form as `load` finds it (authorised), filled in as stored: 200.
pub async fn show<P: FormPage>(
    me: &SignedIn,
    state: &AppState,
    load: impl AsyncFnOnce(&mut AsyncPgConnection) -> AppResult<P>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let page = load(&mut conn).await?;
    let fields = page.stored(&mut conn).await?;
    Ok(html_page(
        StatusCode::OK,
        page.render(&me.ctx, &fields, &Problems::default()),
    ))
}

/// POST: what was sent, saved (303 to where it shows) or refused (422, the form again).
pub async fn submit<P: FormPage>(
    me: &SignedIn,
    state: &AppState,
    load: impl AsyncFnOnce(&mut AsyncPgConnection) -> AppResult<P>,
    form: CsrfForm<P::Fields>,
) -> AppResult<HttpResponse> {
    let mut conn = state.conn().await?;
    let page = load(&mut conn).await?;
    let CsrfForm(fields) = form;
    let mut problems = Problems::default();
    match page.save(me, &mut conn, &fields, &mut problems).await? {
        Some(location) if problems.is_empty() => {
            Ok(HttpResponse::SeeOther().insert_header((LOCATION, location)).finish())
        }
        _ => Ok(html_page(
            StatusCode::UNPROCESSABLE_ENTITY,
            page.render(&me.ctx, &fields, &problems),
        )),
    }
}
