//! The OpenAPI document of the API, built from the handlers' annotations and served
//! at `/api/v1/openapi.json`.

use std::sync::LazyLock;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi, ToSchema};

use super::{
    action_points, agenda, attendance, groups, me, meeting_status, meetings, memberships, organizations, users,
    workplan,
};
use crate::web::auth::SESSION_COOKIE;

/// Every error, in the shape of RFC 9457 problem details.
#[derive(ToSchema)]
#[allow(dead_code)] // Only described, never built: `error::render` writes the JSON.
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    r#type: String,
    #[schema(example = "Unprocessable Entity")]
    title: String,
    #[schema(example = 422)]
    status: u16,
    /// What is wrong, for input problems naming the field first.
    #[schema(example = "time_zone: This is not a time zone; use a name such as Asia/Beirut.")]
    detail: Option<String>,
    /// The request's path.
    instance: String,
    /// The reference of the request in the server's log.
    request_id: Option<String>,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "convene API",
        description = "The JSON API of convene: people, organisations, groups, memberships, action points, the workplan, and meetings with their agendas, attendance and status.\n\n\
            Authenticate with a personal token (`Authorization: Bearer …`, created at `/account/tokens` \
            or with `convene token create`), or from a signed-in browser with the session cookie, in \
            which case every request other than GET must carry the session's CSRF token in \
            `X-CSRF-Token`. Errors are problem details (`application/problem+json`)."
    ),
    paths(
        openapi_json,
        me::show,
        users::list,
        users::show,
        users::create,
        users::update,
        organizations::list,
        organizations::show,
        organizations::create,
        organizations::update,
        organizations::merge,
        groups::list,
        groups::show,
        groups::create,
        groups::update,
        groups::archive,
        groups::unarchive,
        memberships::list,
        memberships::show,
        memberships::create,
        memberships::update,
        memberships::delete,
        action_points::list,
        action_points::show,
        action_points::history,
        action_points::create,
        action_points::update_status,
        meetings::list,
        meetings::show,
        meetings::create,
        meetings::update,
        workplan::show,
        workplan::show_area,
        workplan::create_area,
        workplan::update_area,
        workplan::delete_area,
        workplan::show_task,
        workplan::create_task,
        workplan::update_task,
        workplan::delete_task,
        meeting_status::change,
        agenda::list,
        agenda::create,
        agenda::update,
        agenda::delete,
        agenda::move_item,
        agenda::save_notes,
        attendance::show,
        attendance::mark,
        attendance::add_guest,
        attendance::remove_guest,
    ),
    components(schemas(Problem)),
    modifiers(&Conventions),
    security(("bearer" = []), ("session" = [])),
    tags(
        (name = "users", description = "Accounts"),
        (name = "organizations", description = "The shared list of organisations"),
        (name = "groups", description = "Working groups and the groups below them"),
        (name = "memberships", description = "Who belongs to a group, in which role, for which term"),
        (name = "action points", description = "A group's living list of action points, their owners and status history"),
        (name = "meetings", description = "A group's meetings: scheduling in the group's time zone, places and people, the agenda, notes, attendance and status steps"),
        (name = "workplan", description = "A group's workplan: areas and their tasks, with responsible parties, dates, status and links to action points and meetings"),
                (name = "meta", description = "This document"),
    )
)]
pub struct ApiDoc;

const DOCUMENT_PATH: &str = "/api/v1/openapi.json";

/// What the annotations leave out: the security schemes, and that every error is
/// problem details and every authenticated operation may answer 401.
struct Conventions;

impl Modify for Conventions {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("cvn_ followed by 64 hex digits")
                    .description(Some("A personal API token"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                SESSION_COOKIE,
                "The browser's session; changes need its CSRF token in X-CSRF-Token",
            ))),
        );
        for (path, item) in openapi.paths.paths.iter_mut() {
            let operations = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ];
            for operation in operations.into_iter().flatten() {
                if path != DOCUMENT_PATH {
                    add_unauthenticated(operation);
                }
                add_input_problems(operation);
                describe_problems(operation);
            }
        }
    }
}

fn add_unauthenticated(operation: &mut Operation) {
    operation.responses.responses.entry("401".into()).or_insert_with(|| {
        ResponseBuilder::new()
            .description("No valid token or session")
            .build()
            .into()
    });
}

/// What `ApiJson` and `query_string` answer for input they cannot read: a body that is
/// not JSON or a query string that does not fit is a 400, JSON of the wrong shape a 422.
fn add_input_problems(operation: &mut Operation) {
    let mut add = |status: &str, description: &str| {
        operation
            .responses
            .responses
            .entry(status.into())
            .or_insert_with(|| ResponseBuilder::new().description(description).build().into());
    };
    let has_query = (operation.parameters.iter().flatten())
        .any(|p| matches!(p, RefOr::T(p) if p.parameter_in == ParameterIn::Query));
    let has_body = operation.request_body.is_some();
    if has_body {
        add("400", "The body is not JSON, or not sent as JSON");
        add("422", "A field is missing, unknown, of the wrong type or not valid");
    }
    if has_query {
        add("400", "The query string does not fit");
    }
}

/// The pattern of every free text the API reads: no control characters but tabs and
/// line breaks (what `validate::has_control_character` refuses).
const TEXT_PATTERN: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";

/// Gives every string schema without an enum, format or pattern of its own the text
/// pattern, so that the document says which strings the API takes.
fn restrict_text(schema: &mut serde_json::Value) {
    use serde_json::Value;
    match schema {
        Value::Object(fields) => {
            let is_string = match fields.get("type") {
                Some(Value::String(kind)) => kind == "string",
                Some(Value::Array(kinds)) => kinds.iter().any(|k| k == "string"),
                _ => false,
            };
            let free = ["enum", "format", "pattern", "$ref"]
                .iter()
                .all(|k| !fields.contains_key(*k));
            if is_string && free {
                fields.insert("pattern".into(), Value::String(TEXT_PATTERN.into()));
            }
            fields.values_mut().for_each(restrict_text);
        }
        Value::Array(items) => items.iter_mut().for_each(restrict_text),
        _ => {}
    }
}

/// `query_string` refuses an empty value: a text parameter is given with one character
/// at least, or left out.
fn require_query_values(parameters: &mut serde_json::Value) {
    for parameter in parameters.as_array_mut().into_iter().flatten() {
        let in_query = parameter["in"] == "query";
        let schema = &mut parameter["schema"];
        let text =
            schema["type"] == "string" || schema["type"].as_array().is_some_and(|t| t.contains(&"string".into()));
        if in_query && text && schema["minLength"].is_null() {
            schema["minLength"] = 1.into();
        }
    }
}

/// Every response gets a description (the status's name unless one was given), and
/// every error response the problem details schema.
fn describe_problems(operation: &mut Operation) {
    for (status, response) in operation.responses.responses.iter_mut() {
        let RefOr::T(response) = response else { continue };
        if response.description.is_empty() {
            response.description = status
                .parse()
                .ok()
                .and_then(|code| StatusCode::from_u16(code).ok())
                .and_then(|code| code.canonical_reason())
                .unwrap_or("Answer")
                .to_owned();
        }
        if !status.starts_with('2') && response.content.is_empty() {
            response.content.insert(
                "application/problem+json".into(),
                RefOr::T(Content::new(Some(Ref::from_schema_name("Problem")))),
            );
        }
    }
}

static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    let mut document = serde_json::to_value(ApiDoc::openapi()).expect("the OpenAPI document serialises");
    // Problem details quote what was sent, control characters and all.
    for (name, schema) in document["components"]["schemas"].as_object_mut().expect("schemas") {
        if name != "Problem" {
            restrict_text(schema);
        }
    }
    for item in document["paths"].as_object_mut().expect("paths").values_mut() {
        for operation in item.as_object_mut().expect("a path item").values_mut() {
            if let Some(parameters) = operation.get_mut("parameters") {
                restrict_text(parameters);
                require_query_values(parameters);
            }
        }
    }
    document.to_string()
});

/// This OpenAPI document
#[utoipa::path(get, path = "/api/v1/openapi.json", operation_id = "get_openapi_document", tag = "meta", security(()),
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(DOCUMENT.as_str())
}

#[cfg(test)]
mod tests {
    use actix_web::{HttpRequest, web};
    use utoipa::__dev::SchemaReferences;
    use utoipa::openapi::schema::Schema;

    use super::*;
    use crate::web::api::ApiUser;
    use crate::web::api::input::ApiJson;

    /// The JSON body a handler reads, found from the types of its arguments.
    trait Arguments {
        fn body() -> Option<NamedSchema>;
    }

    trait Argument {
        fn body() -> Option<NamedSchema> {
            None
        }
    }

    type NamedSchema = (String, RefOr<Schema>);

    impl<T: ToSchema> Argument for ApiJson<T> {
        fn body() -> Option<NamedSchema> {
            Some((T::name().into_owned(), T::schema()))
        }
    }
    impl Argument for HttpRequest {}
    impl Argument for ApiUser {}
    impl<T> Argument for web::Path<T> {}
    impl<T> Argument for web::Data<T> {}
    impl<T> Argument for web::Query<T> {}

    macro_rules! arguments {
        ($($argument:ident),*) => {
            impl<$($argument: Argument),*> Arguments for ($($argument,)*) {
                fn body() -> Option<NamedSchema> {
                    None$(.or_else(<$argument as Argument>::body))*
                }
            }
        };
    }
    arguments!();
    arguments!(A);
    arguments!(A, B);
    arguments!(A, B, C);
    arguments!(A, B, C, D);
    arguments!(A, B, C, D, E);
    arguments!(A, B, C, D, E, F);

    fn body_of<H: actix_web::Handler<Args>, Args: Arguments>(_handler: H) -> Option<NamedSchema> {
        Args::body()
    }

    /// A documented handler: its operation, the schemas its annotation names, and the
    /// body its arguments read.
    struct Handler {
        operation_id: String,
        schemas: Vec<NamedSchema>,
        body: Option<NamedSchema>,
    }

    fn handler<P: utoipa::Path + SchemaReferences>(body: Option<NamedSchema>) -> Handler {
        let mut schemas = Vec::new();
        P::schemas(&mut schemas);
        Handler {
            operation_id: P::operation().operation_id.expect("every operation has an id"),
            schemas,
            body,
        }
    }

    macro_rules! handlers {
        ($($handler:path => $annotation:path,)*) => {
            vec![$(handler::<$annotation>(body_of($handler))),*]
        };
    }

    /// A schema as the document shows it.
    fn json(schema: &RefOr<Schema>) -> serde_json::Value {
        let mut json = serde_json::to_value(schema).unwrap();
        restrict_text(&mut json);
        json
    }

    #[test]
    fn every_schema_name_is_one_type_and_every_body_the_one_its_handler_reads() {
        let handlers = handlers![
            openapi_json => __path_openapi_json,
            me::show => me::__path_show,
            users::list => users::__path_list,
            users::show => users::__path_show,
            users::create => users::__path_create,
            users::update => users::__path_update,
            organizations::list => organizations::__path_list,
            organizations::show => organizations::__path_show,
            organizations::create => organizations::__path_create,
            organizations::update => organizations::__path_update,
            organizations::merge => organizations::__path_merge,
            groups::list => groups::__path_list,
            groups::show => groups::__path_show,
            groups::create => groups::__path_create,
            groups::update => groups::__path_update,
            groups::archive => groups::__path_archive,
            groups::unarchive => groups::__path_unarchive,
            memberships::list => memberships::__path_list,
            memberships::show => memberships::__path_show,
            memberships::create => memberships::__path_create,
            memberships::update => memberships::__path_update,
            memberships::delete => memberships::__path_delete,
            action_points::list => action_points::__path_list,
            action_points::show => action_points::__path_show,
            action_points::history => action_points::__path_history,
            action_points::create => action_points::__path_create,
            action_points::update_status => action_points::__path_update_status,
            meetings::list => meetings::__path_list,
            meetings::show => meetings::__path_show,
            meetings::create => meetings::__path_create,
            meetings::update => meetings::__path_update,
            workplan::show => workplan::__path_show,
            workplan::show_area => workplan::__path_show_area,
            workplan::create_area => workplan::__path_create_area,
            workplan::update_area => workplan::__path_update_area,
            workplan::delete_area => workplan::__path_delete_area,
            workplan::show_task => workplan::__path_show_task,
            workplan::create_task => workplan::__path_create_task,
            workplan::update_task => workplan::__path_update_task,
            workplan::delete_task => workplan::__path_delete_task,
            meeting_status::change => meeting_status::__path_change,
            agenda::list => agenda::__path_list,
            agenda::create => agenda::__path_create,
            agenda::update => agenda::__path_update,
            agenda::delete => agenda::__path_delete,
            agenda::move_item => agenda::__path_move_item,
            agenda::save_notes => agenda::__path_save_notes,
            attendance::show => attendance::__path_show,
            attendance::mark => attendance::__path_mark,
            attendance::add_guest => attendance::__path_add_guest,
            attendance::remove_guest => attendance::__path_remove_guest,
        ];
        let document: serde_json::Value = serde_json::from_str(&DOCUMENT).unwrap();
        let mut documented = std::collections::BTreeMap::new();
        for item in document["paths"].as_object().unwrap().values() {
            for operation in item.as_object().unwrap().values() {
                documented.insert(operation["operationId"].as_str().unwrap().to_owned(), operation);
            }
        }
        let listed: std::collections::BTreeSet<_> = handlers.iter().map(|h| h.operation_id.clone()).collect();
        assert_eq!(
            listed,
            documented.keys().cloned().collect(),
            "this test lists every documented handler"
        );
        let components = &document["components"]["schemas"];
        let mut by_name: std::collections::BTreeMap<String, serde_json::Value> = Default::default();
        for (name, schema) in handlers.iter().flat_map(|h| &h.schemas) {
            let schema = json(schema);
            let first = by_name.entry(name.clone()).or_insert_with(|| schema.clone());
            assert_eq!(*first, schema, "two types are named {name}");
        }
        for (name, schema) in &by_name {
            assert_eq!(components[name], *schema, "{name} is documented as its type");
        }
        for handler in &handlers {
            let operation = documented[&handler.operation_id];
            let documented_body = &operation["requestBody"]["content"]["application/json"]["schema"];
            match &handler.body {
                Some((name, schema)) => {
                    assert_eq!(
                        documented_body["$ref"],
                        format!("#/components/schemas/{name}"),
                        "{} documents the body it reads",
                        handler.operation_id
                    );
                    assert_eq!(components[name], json(schema), "{name}");
                }
                None => assert!(
                    operation["requestBody"].is_null(),
                    "{} reads no body",
                    handler.operation_id
                ),
            }
        }
    }

    #[test]
    fn the_document_describes_security_and_problems() {
        let document: serde_json::Value = serde_json::from_str(&DOCUMENT).unwrap();
        assert!(document["openapi"].as_str().unwrap().starts_with("3."));
        assert_eq!(document["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
        let create = &document["paths"]["/api/v1/groups"]["post"]["responses"];
        assert_eq!(
            create["422"]["content"]["application/problem+json"]["schema"]["$ref"],
            "#/components/schemas/Problem"
        );
        assert!(create["401"].is_object());
        assert!(document["paths"][DOCUMENT_PATH]["get"]["responses"]["401"].is_null());
        let mut operation_ids = std::collections::BTreeSet::new();
        for (path, item) in document["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let id = operation["operationId"].as_str().unwrap();
                assert!(
                    operation_ids.insert(id.to_owned()),
                    "{method} {path}: {id} is not unique"
                );
                assert!(
                    operation.get("parameters").is_none_or(|p| p.is_array()),
                    "{method} {path}: parameters are a list"
                );
                for (status, response) in operation["responses"].as_object().unwrap() {
                    let described = response["description"].as_str().is_some_and(|d| !d.is_empty());
                    assert!(described, "{method} {path} {status} has a description");
                }
            }
        }
        assert_eq!(document["components"]["schemas"]["Role"]["enum"][0], "coordinator");
    }
}
