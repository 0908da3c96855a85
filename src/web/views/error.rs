use actix_web::http::StatusCode;
use maud::{Markup, html};

use super::layout;
use crate::web::auth::PageContext;

/// The page shown for any error: what happened in plain words, what to do next,
/// and a reference an operator can find in the logs.
pub fn page(ctx: &PageContext, status: StatusCode, detail: Option<&str>, request_id: Option<&str>) -> Markup {
    let locale = &ctx.locale;
    let (title, advice) = match status {
        StatusCode::NOT_FOUND => (locale.t("error-not-found"), locale.t("error-not-found-advice")),
        StatusCode::FORBIDDEN => (locale.t("error-forbidden"), locale.t("error-forbidden-advice")),
        s if s.is_client_error() => (locale.t("error-bad-request"), locale.t("error-bad-request-advice")),
        StatusCode::SERVICE_UNAVAILABLE => (locale.t("error-unavailable"), locale.t("error-unavailable-advice")),
        _ => (locale.t("error-internal"), locale.t("error-internal-advice")),
    };
    layout(
        ctx,
        &title,
        &[],
        html! {
            section.error {
                @if let Some(detail) = detail {
                    p.detail { (detail) }
                }
                p { (advice) }
                p { a href="/" { (locale.t("error-home-link")) } }
                @if let Some(id) = request_id {
                    p.reference { (locale.t("error-reference")) " " code { (id) } }
                }
            }
        },
    )
}
