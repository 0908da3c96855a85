//! Who is asking, and may they: sessions, the CSRF defences, and the policy glue
//! every HTML and API handler goes through.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use chrono::Utc;
use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::AppState;
use super::error::{AppError, AppResult};
use crate::domain::policy::{self, Action, Standing};
use crate::domain::{secrets, validate};
use crate::i18n::Locale;
use crate::models::sessions::{self, Session};
use crate::models::users::User;
use crate::models::{groups, memberships};

pub const SESSION_COOKIE: &str = "convene_session";
/// Carries the CSRF token of forms shown before signing in (double-submit).
pub const FORM_COOKIE: &str = "convene_form";
pub const CSRF_FIELD: &str = "csrf_token";
pub const CSRF_HEADER: &str = "x-csrf-token";

type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

#[derive(Clone)]
struct CachedSession(Option<Session>);

/// The session behind the request's cookie, looked up once per request.
async fn session_of(req: &HttpRequest) -> AppResult<Option<Session>> {
    if let Some(cached) = req.extensions().get::<CachedSession>() {
        return Ok(cached.0.clone());
    }
    let session = match req.cookie(SESSION_COOKIE) {
        Some(cookie) => {
            let state = app_state(req)?;
            let mut conn = state.conn().await?;
            sessions::find(&mut conn, cookie.value(), Utc::now()).await?
        }
        None => None,
    };
    req.extensions_mut().insert(CachedSession(session.clone()));
    Ok(session)
}

fn app_state(req: &HttpRequest) -> AppResult<&web::Data<AppState>> {
    req.app_data::<web::Data<AppState>>()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("application state missing")))
}

/// Carries the language someone chose with the footer's switcher before signing in.
pub const LANGUAGE_COOKIE: &str = "convene_language";

/// What every page needs: the language, who is signed in, if anyone, and the CSRF
/// token of the forms every page has (the language switcher).
pub struct PageContext {
    pub locale: Locale,
    pub session: Option<Session>,
    pub form_token: String,
    /// Where the page was asked for, for forms that lead back to it.
    pub path: String,
}

impl PageContext {
    /// The context of a page rendered outside a handler (an error page), from what the
    /// request has shown so far.
    pub fn of_request(req: &HttpRequest, locale: Locale) -> Self {
        PageContext::new(req, locale, cached_session(req))
    }

    fn new(req: &HttpRequest, locale: Locale, session: Option<Session>) -> Self {
        let form_token = match &session {
            Some(session) => session.csrf_token.clone(),
            None => anonymous_form_token(req),
        };
        PageContext {
            locale,
            session,
            form_token,
            path: req.uri().path_and_query().map_or("/", |p| p.as_str()).to_owned(),
        }
    }

    pub fn user(&self) -> Option<&User> {
        self.session.as_ref().map(|s| &s.user)
    }
}

/// The language someone asked for: their account's, else the switcher's cookie, else
/// their browser's.
fn chosen_locale(req: &HttpRequest, session: Option<&Session>) -> Option<Locale> {
    let account = session
        .and_then(|s| s.user.locale.as_deref())
        .and_then(Locale::from_tag);
    account
        .or_else(|| req.cookie(LANGUAGE_COOKIE).and_then(|c| Locale::from_tag(c.value())))
        .or_else(|| Locale::accepted(req.headers().get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok())))
}

fn cached_session(req: &HttpRequest) -> Option<Session> {
    req.extensions().get::<CachedSession>().and_then(|c| c.0.clone())
}

/// The language asked for by a request, from what it has shown so far (an error
/// answer's), else English.
pub fn request_locale(req: &HttpRequest) -> Locale {
    chosen_locale(req, cached_session(req).as_ref()).unwrap_or_default()
}

/// The language of a page: the one asked for, else for someone signed in the default
/// of their (first) group, else English.
fn locale_of(req: &HttpRequest, session: Option<&Session>) -> Locale {
    chosen_locale(req, session)
        .or_else(|| session.map(|s| Locale::of(&s.language)))
        .unwrap_or_default()
}

impl FromRequest for PageContext {
    type Error = AppError;
    type Future = LocalFuture<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let session = session_of(&req).await?;
            let locale = locale_of(&req, session.as_ref());
            Ok(PageContext::new(&req, locale, session))
        })
    }
}

/// A page or API call that needs someone signed in: anonymous HTML requests are sent
/// to the sign-in page, API calls get 401.
pub struct SignedIn {
    pub ctx: PageContext,
    pub session: Session,
}

impl SignedIn {
    pub fn user(&self) -> &User {
        &self.session.user
    }
}

impl FromRequest for SignedIn {
    type Error = AppError;
    type Future = LocalFuture<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let session = session_of(&req).await?.ok_or(AppError::Unauthenticated)?;
            let locale = locale_of(&req, Some(&session));
            Ok(SignedIn {
                ctx: PageContext::new(&req, locale, Some(session.clone())),
                session,
            })
        })
    }
}

/// The user's standing in a group. A group they may not see is reported as missing,
/// so ids of other groups' objects reveal nothing.
pub async fn authorize(
    conn: &mut AsyncPgConnection,
    user: &User,
    group_id: i64,
    action: Action,
) -> AppResult<Standing> {
    let standing = standing_in(conn, user, group_id).await?;
    if standing == Standing::Stranger {
        return Err(AppError::NotFound);
    }
    if !policy::allows(standing, action) {
        return Err(AppError::Forbidden);
    }
    Ok(standing)
}

/// The user's standing in a group, without deciding anything: a group that does not
/// exist is one they are a stranger to. For rules that weigh standing in two groups.
pub async fn standing_in(conn: &mut AsyncPgConnection, user: &User, group_id: i64) -> AppResult<Standing> {
    let chain = groups::chain_ids(conn, group_id).await?;
    if chain.is_empty() {
        return Ok(Standing::Stranger);
    }
    let roles = memberships::active_roles(conn, user.id, Utc::now().date_naive()).await?;
    Ok(policy::standing(user.is_admin, &roles, &chain))
}

/// The session cookie: HttpOnly, SameSite=Lax, Secure behind https.
pub fn session_cookie(key: String, secure: bool) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, key)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(time::Duration::days(sessions::ABSOLUTE_TIMEOUT.num_days()))
        .finish()
}

pub fn expired_cookie(name: &'static str) -> Cookie<'static> {
    let mut cookie = Cookie::build(name, "").path("/").finish();
    cookie.make_removal();
    cookie
}

/// A form token made for this request, whose cookie [`issue_form_cookie`] sets.
#[derive(Clone)]
struct NewFormToken(String);

/// The CSRF token of forms shown to someone not signed in: their form cookie's, else
/// one made for this request (the same for every form on the page), whose cookie
/// [`issue_form_cookie`] sets.
pub fn anonymous_form_token(req: &HttpRequest) -> String {
    if let Some(token) = req
        .cookie(FORM_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| v.len() == 64)
    {
        return token;
    }
    if let Some(NewFormToken(token)) = req.extensions().get::<NewFormToken>() {
        return token.clone();
    }
    let token = secrets::generate();
    req.extensions_mut().insert(NewFormToken(token.clone()));
    token
}

fn form_cookie(token: String, secure: bool) -> Cookie<'static> {
    Cookie::build(FORM_COOKIE, token)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .finish()
}

/// Sets the form cookie whose token a page was rendered with, when the request had none.
pub async fn issue_form_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut res = next.call(req).await?;
    let pending = res.request().extensions().get::<NewFormToken>().cloned();
    if let Some(NewFormToken(token)) = pending {
        let secure = res
            .request()
            .app_data::<web::Data<AppState>>()
            .is_some_and(|state| state.settings.base_url.scheme() == "https");
        res.response_mut().add_cookie(&form_cookie(token, secure))?;
    }
    Ok(res)
}

#[derive(Deserialize)]
struct CsrfField {
    csrf_token: Option<String>,
}

/// A urlencoded form whose CSRF token matched; refused with 403 otherwise, before
/// anything is read from it.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = LocalFuture<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let body = body.await.map_err(|e| AppError::BadRequest(e.to_string()))?;
            let submitted = serde_html_form::from_bytes::<CsrfField>(&body)
                .ok()
                .and_then(|f| f.csrf_token);
            verify_csrf(&req, submitted.as_deref()).await?;
            read_form(&body).map(CsrfForm)
        })
    }
}

/// A form's fields as `T`. A value no one types (a control character) or of the wrong
/// type for its field is refused naming the field, before anything reads it.
fn read_form<T: DeserializeOwned>(body: &[u8]) -> AppResult<T> {
    let locale = Locale::default();
    let controlled = url::form_urlencoded::parse(body).find(|(_, value)| validate::has_control_character(value));
    if let Some((name, _)) = controlled {
        return Err(AppError::Invalid(format!(
            "{name}: {}",
            locale.t("invalid-control-character")
        )));
    }
    let deserializer = serde_html_form::Deserializer::from_bytes(body);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        AppError::BadRequest(format!("{path}: {}", e.into_inner()))
    })
}

/// Checks a submitted CSRF token (from a form field, or else the `X-CSRF-Token`
/// header) against the session's, or before sign-in against the form cookie. For
/// handlers that read their body themselves (multipart uploads, JSON).
pub async fn verify_csrf(req: &HttpRequest, submitted: Option<&str>) -> AppResult<()> {
    let submitted = submitted.map(str::to_owned).or_else(|| {
        req.headers()
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    });
    let expected = match session_of(req).await? {
        Some(session) => Some(session.csrf_token),
        None => req.cookie(FORM_COOKIE).map(|c| c.value().to_owned()),
    };
    match (submitted, expected) {
        (Some(submitted), Some(expected)) if secrets::equal(&submitted, &expected) => Ok(()),
        _ => Err(AppError::CsrfRejected),
    }
}

/// Site administration: administrators only.
pub fn require_admin(user: &User) -> AppResult<()> {
    if user.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Adding an organisation to the shared list: administrators, and coordinators or
/// co-chairs of any group (they add their members' organisations).
pub async fn may_add_organizations(conn: &mut AsyncPgConnection, user: &User) -> AppResult<bool> {
    if user.is_admin {
        return Ok(true);
    }
    let roles = memberships::active_roles(conn, user.id, Utc::now().date_naive()).await?;
    Ok(roles
        .iter()
        .any(|(_, role)| matches!(role, crate::domain::Role::Coordinator | crate::domain::Role::CoChair)))
}

/// Refuses state-changing requests sent from another site, by `Sec-Fetch-Site` and
/// `Origin`, before any handler runs.
pub async fn same_origin_only(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !is_same_origin(req.request()) {
        // A response carrying the error, so the error pages render it like any other.
        return Ok(req.error_response(AppError::CsrfRejected).map_into_right_body());
    }
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}

fn is_same_origin(req: &HttpRequest) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site != "same-origin"
        && site != "none"
    {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Browsers that send neither header are left to the token check.
        return true;
    };
    let own = format!("{}://{}", super::client::of(req).scheme, req.connection_info().host());
    let configured = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.settings.base_url.origin().ascii_serialization());
    origin == own || Some(origin.to_owned()) == configured
}

/// Keeps a redirect target on this site: a path, never another host.
pub fn local_path(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => path.to_owned(),
        _ => "/".to_owned(),
    }
}

/// The address a sign-in attempt comes from: the TCP peer, or the client a trusted
/// proxy forwards for. Forwarded headers from any other peer are ignored, since anyone
/// could send them to dodge the per-address limit.
pub fn client_address(req: &HttpRequest) -> String {
    super::client::of(req)
        .ip
        .map_or_else(|| "unknown".into(), |ip| ip.to_string())
}
