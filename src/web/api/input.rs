//! Reading and checking what API callers send: JSON bodies whose errors name the
//! field, the shared field checks, and the answers for created things.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::domain::validate::{Checked, has_control_character};
use crate::i18n::Locale;
use crate::web::error::{AppError, AppResult};

/// Bodies larger than this are refused; every resource here is a few fields.
const BODY_LIMIT: usize = 64 * 1024;

/// A JSON request body, judged only for someone the API lets in. Malformed JSON is a
/// 400; JSON of the wrong shape (a missing field, an unknown one, a value of the wrong
/// type or outside an enum) is a 422 whose detail starts with the field's path.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for ApiJson<T> {
    type Error = AppError;
    type Future = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
        let body = web::Bytes::from_request(req, payload);
        let req = req.clone();
        let read = async move {
            if let Some(kind) = json
                && kind != "application/json"
                && !kind.ends_with("+json")
            {
                return Err(AppError::BadRequest(
                    "send the body as JSON, with Content-Type: application/json".into(),
                ));
            }
            let body = body.await.map_err(|e| AppError::BadRequest(e.to_string()))?;
            if body.len() > BODY_LIMIT {
                return Err(AppError::BadRequest(format!(
                    "the body is larger than {BODY_LIMIT} bytes"
                )));
            }
            parse(&body).map(ApiJson)
        };
        Box::pin(async move {
            // Extractors run side by side: a caller who is not signed in, or a browser
            // call without its CSRF token, hears that rather than what is wrong with the body.
            let read = read.await;
            if read.is_err() {
                super::ApiUser::from_request(&req, &mut Payload::None).await?;
            }
            read
        })
    }
}

/// The request's query string as `T`. Read by hand rather than by the `Query` extractor,
/// so that a malformed value is problem details like every other error.
pub fn query_string<T: DeserializeOwned>(req: &HttpRequest) -> AppResult<T> {
    for (name, value) in url::form_urlencoded::parse(req.query_string().as_bytes()) {
        if value.is_empty() {
            return Err(AppError::BadRequest(format!(
                "{name}: give a value, or leave the parameter out"
            )));
        }
        if has_control_character(&value) {
            let problem = Locale::default().t("invalid-control-character");
            return Err(AppError::BadRequest(format!("{name}: {problem}")));
        }
    }
    web::Query::<T>::from_query(req.query_string())
        .map(web::Query::into_inner)
        .map_err(|e| AppError::BadRequest(format!("the query string does not fit: {e}")))
}

/// The last page a list is read to: past it, the offset would no longer be a number.
pub const MAX_PAGE: i64 = 1_000_000;

/// A list's `page` parameter, from 1 (the default) to `MAX_PAGE`.
pub fn page_number(page: Option<i64>) -> AppResult<i64> {
    match page.unwrap_or(1) {
        page @ 1..=MAX_PAGE => Ok(page),
        _ => Err(AppError::BadRequest(format!("page: from 1 to {MAX_PAGE}"))),
    }
}

/// Deserialises `body`, naming the path of the value that did not fit.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> AppResult<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data if path != "." => AppError::Invalid(format!("{path}: {inner}")),
            serde_json::error::Category::Data => AppError::Invalid(inner.to_string()),
            _ => AppError::BadRequest(format!("the body is not valid JSON: {inner}")),
        }
    })?;
    deserializer
        .end()
        .map_err(|e| AppError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    let whole: serde_json::Value = serde_json::from_slice(body).map_err(anyhow::Error::from)?;
    // Serde would take a list for a struct, field by field in order.
    if !whole.is_object() {
        return Err(AppError::Invalid("the body must be a JSON object".into()));
    }
    if let Some(path) = control_character_at(&whole, String::new()) {
        return Err(invalid(&path, &Locale::default().t("invalid-control-character")));
    }
    Ok(value)
}

/// The path of the first string in `value` that holds a control character, named as
/// shape errors name a field (`members[1].name`).
fn control_character_at(value: &serde_json::Value, path: String) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(text) if has_control_character(text) => Some(if path.is_empty() { ".".into() } else { path }),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| control_character_at(item, format!("{path}[{i}]"))),
        Value::Object(fields) => fields.iter().find_map(|(name, item)| {
            let inner = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            control_character_at(item, inner)
        }),
        _ => None,
    }
}

/// A 422 naming `field` and what is wrong with it.
pub fn invalid(field: &str, problem: &str) -> AppError {
    AppError::Invalid(format!("{field}: {problem}"))
}

/// The outcome of one of `domain::validate`'s checks on `field`, its message in words.
pub fn field<T>(field: &str, checked: Checked<T>) -> AppResult<T> {
    checked.map_err(|id| invalid(field, &Locale::default().t(id)))
}

/// A unique key that the change ran into becomes a 409 saying `message`.
pub fn unique<T>(result: diesel::QueryResult<T>, message: &str) -> AppResult<T> {
    use diesel::result::{DatabaseErrorKind, Error};
    result.map_err(|e| match e {
        Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => AppError::Conflict(message.to_owned()),
        e => e.into(),
    })
}

/// 201 Created with the new thing's address and its JSON.
pub fn created(location: &str, body: &impl Serialize) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .json(body)
}

/// For a field of a PATCH body that may be absent (keep), `null` (clear) or a value.
pub fn nullable<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Body {
        #[allow(dead_code)]
        role: Role,
        #[serde(default, deserialize_with = "nullable")]
        until: Option<Option<String>>,
    }

    fn detail(result: AppResult<Body>) -> (u16, String) {
        let error = result.unwrap_err();
        let status = actix_web::ResponseError::status_code(&error).as_u16();
        (status, error.to_string())
    }

    #[test]
    fn shape_errors_name_the_field_and_syntax_errors_are_bad_requests() {
        let (status, message) = detail(parse(br#"{"role": "chair"}"#));
        assert_eq!(status, 422);
        assert!(message.starts_with("role: \"chair\" is not a valid Role"), "{message}");
        let (status, message) = detail(parse(br#"{"role": "member", "colour": 1}"#));
        assert_eq!(status, 422);
        assert!(message.contains("unknown field `colour`"), "{message}");
        let (status, message) = detail(parse(br#"{}"#));
        assert_eq!(status, 422);
        assert!(message.contains("missing field `role`"), "{message}");
        assert_eq!(detail(parse(br#"{"role": "#)).0, 400);
        assert_eq!(
            detail(parse(br#"["member", null]"#)),
            (422, "the body must be a JSON object".into())
        );
        assert_eq!(detail(parse(br#"{"role": "member"} x"#)).0, 400);
    }

    #[test]
    fn control_characters_in_any_string_are_refused_naming_the_field() {
        #[derive(Debug, Deserialize)]
        struct Marks {
            #[allow(dead_code)]
            members: Vec<serde_json::Value>,
        }
        let error = parse::<Marks>(br#"{"members": [{"name": "ok"}, {"name": "Nadia\u0000"}]}"#).unwrap_err();
        assert_eq!(actix_web::ResponseError::status_code(&error).as_u16(), 422);
        assert!(error.to_string().starts_with("members[1].name: "), "{error}");
        let (status, message) = detail(parse(br#"{"role": "member", "until": "\u001b[2J"}"#));
        assert_eq!(status, 422);
        assert!(message.starts_with("until: "), "{message}");
        assert!(parse::<Body>(b"{\"role\": \"member\", \"until\": \"two\\nlines\\tand a tab\"}").is_ok());
    }

    #[test]
    fn patch_fields_tell_absent_from_null() {
        let absent: Body = parse(br#"{"role": "member"}"#).unwrap();
        assert_eq!(absent.until, None);
        let cleared: Body = parse(br#"{"role": "member", "until": null}"#).unwrap();
        assert_eq!(cleared.until, Some(None));
        let set: Body = parse(br#"{"role": "member", "until": "2014-06-20"}"#).unwrap();
        assert_eq!(set.until, Some(Some("2014-06-20".into())));
    }

    #[test]
    fn field_checks_read_as_words() {
        let error = field("time_zone", crate::domain::validate::time_zone("Beirut")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "time_zone: This is not a time zone; use a name such as Asia/Beirut."
        );
    }
}
