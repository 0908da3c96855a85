//! One error type for every handler, rendered as an HTML page for people or as
//! RFC 9457 problem details for `/api`.

use actix_web::body::{BodySize, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpMessage, HttpResponse, ResponseError};
use diesel_async::pooled_connection::deadpool::PoolError;
use tracing_actix_web::RequestId;

use crate::i18n::Locale;
use crate::web::auth::PageContext;
use crate::web::views;

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// The path exists, but not for this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Nobody is signed in: pages send people to sign in, the API answers 401.
    #[error("sign-in required")]
    Unauthenticated,
    /// Signed in, and the group is visible, but this is not theirs to do.
    #[error("forbidden")]
    Forbidden,
    /// A state-changing request without this site's CSRF token or from another origin.
    #[error("cross-site request refused")]
    CsrfRejected,
    /// A one-time link that is unknown, used or out of date.
    #[error("link expired")]
    LinkExpired,
    /// Input that cannot be used; the message is shown to the user as it is.
    #[error("{0}")]
    BadRequest(String),
    /// Well-formed input that breaks a rule (a field's value, a date order); the
    /// message names the field and the problem.
    #[error("{0}")]
    Invalid(String),
    /// The change clashes with what exists (a taken name or email).
    #[error("{0}")]
    Conflict(String),
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("database unavailable: {0}")]
    Pool(#[from] PoolError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// Input refused for one field: "Status: Choose one of the options." in the
    /// person's language, from the field's label id and the problem's message id.
    pub fn field(locale: &Locale, field: &str, problem: &str) -> Self {
        AppError::BadRequest(format!("{}: {}", locale.t(field), locale.t(problem)))
    }

    /// Like `field`, for a well-formed value that breaks a rule (a 422): text too long
    /// or missing, an owner not on offer.
    pub fn invalid_field(locale: &Locale, field: &str, problem: &str) -> Self {
        AppError::Invalid(format!("{}: {}", locale.t(field), locale.t(problem)))
    }

    /// A refused change to a meeting: a closed meeting or a step that does not apply
    /// is a 409 saying the meeting's status, a rule's refusal a 422.
    pub fn from_edit(locale: &Locale, error: crate::models::meetings::EditError) -> Self {
        use crate::models::meetings::EditError;
        match error {
            EditError::NotFound => AppError::NotFound,
            EditError::NotAllowed(status) => AppError::Conflict(locale.t_args(
                "meeting-flow-refused",
                &[("status", locale.t(&format!("meeting-status-{status}")).into())],
            )),
            EditError::Stale(_) => AppError::Conflict(locale.t("live-notes-conflict")),
            EditError::Refused(problem) => AppError::Invalid(locale.t(problem)),
            EditError::Database(e) => AppError::Database(e),
        }
    }
}

/// How long a client is asked to wait before trying a 503 again.
const RETRY_AFTER_SECONDS: &str = "5";

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound | AppError::Database(diesel::result::Error::NotFound) => StatusCode::NOT_FOUND,
            AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            AppError::LinkExpired => StatusCode::GONE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::Pool(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Database(e) if crate::db::is_disconnect(e) || crate::db::is_timeout(e) => {
                StatusCode::SERVICE_UNAVAILABLE
            }
            // What a change refers to was checked before it was written; when the row is
            // gone by then, someone deleted it meanwhile (a task's area, a merged
            // organisation), and the transaction wrote nothing.
            AppError::Database(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::ForeignKeyViolation,
                _,
            )) => StatusCode::NOT_FOUND,
            AppError::Database(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    // The body is written by `render`, which knows whether the caller wants HTML or JSON.
    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let mut response = HttpResponse::new(status);
        if status == StatusCode::SERVICE_UNAVAILABLE {
            // No connection came free within the pool's wait, or the database is away:
            // clients may try again shortly rather than at once.
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
        }
        if let AppError::Unauthenticated = self {
            // API clients learn how to authenticate; pages redirect to sign in instead.
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// What the person may be told: input errors in full, server faults never.
fn public_detail(locale: &Locale, status: StatusCode, error: Option<&actix_web::Error>) -> Option<String> {
    if status.is_server_error() {
        return None;
    }
    let error = error?;
    match error.as_error::<AppError>() {
        Some(AppError::BadRequest(message) | AppError::Invalid(message) | AppError::Conflict(message)) => {
            Some(message.clone())
        }
        Some(AppError::CsrfRejected) => Some(locale.t("error-csrf")),
        Some(AppError::Unauthenticated) => Some(locale.t("error-unauthenticated")),
        Some(AppError::LinkExpired) => Some(locale.t("error-link-expired")),
        Some(_) => None,
        None => Some(error.to_string()),
    }
}

/// An API error answer that actix-web wrote without a body, such as the 405 of a
/// resource asked for a method it lacks: it gets a problem document like every other.
fn is_bare_api_error<B: MessageBody>(res: &ServiceResponse<B>) -> bool {
    let status = res.status();
    (status.is_client_error() || status.is_server_error())
        && res.request().path().starts_with("/api/")
        && matches!(res.response().body().size(), BodySize::None | BodySize::Sized(0))
}

/// Error-handler middleware body: rewrites every response that carries an error
/// into a page or a problem document, keeping its status and headers.
pub fn render<B: MessageBody>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if res.response().error().is_none() && !is_bare_api_error(&res) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let status = res.status();
    let request = res.request();
    let request_id = request.extensions().get::<RequestId>().map(|id| id.to_string());
    let locale = crate::web::auth::request_locale(request);
    let detail = public_detail(&locale, status, res.response().error());
    let is_api = request.path().starts_with("/api/");
    if status == StatusCode::UNAUTHORIZED && !is_api {
        let next = request.uri().path_and_query().map_or("/", |p| p.as_str());
        let login = format!(
            "/login?next={}",
            url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        );
        let response = HttpResponse::SeeOther()
            .insert_header((header::LOCATION, login))
            .finish();
        let (request, _) = res.into_parts();
        return Ok(ErrorHandlerResponse::Response(
            ServiceResponse::new(request, response).map_into_right_body(),
        ));
    }

    let mut response = HttpResponse::build(status);
    for (name, value) in res.response().headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            response.insert_header((name.clone(), value.clone()));
        }
    }
    let response = if is_api {
        let problem = serde_json::json!({
            "type": "about:blank",
            "title": status.canonical_reason().unwrap_or("Error"),
            "status": status.as_u16(),
            "detail": detail,
            "instance": request.path(),
            "request_id": request_id,
        });
        response
            .insert_header((
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/problem+json"),
            ))
            .body(problem.to_string())
    } else {
        let page = views::error::page(
            &PageContext::of_request(request, locale),
            status,
            detail.as_deref(),
            request_id.as_deref(),
        );
        response
            .insert_header((
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ))
            .body(page.into_string())
    };
    let (request, _) = res.into_parts();
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(request, response).map_into_right_body(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::result::{DatabaseErrorKind, Error};

    #[test]
    fn a_row_deleted_meanwhile_is_not_found_and_other_database_errors_are_faults() {
        let gone = Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, Box::new(String::from("fk")));
        assert_eq!(AppError::Database(gone).status_code(), StatusCode::NOT_FOUND);
        let clash = Error::DatabaseError(DatabaseErrorKind::UniqueViolation, Box::new(String::from("key")));
        assert_eq!(
            AppError::Database(clash).status_code(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }
}
