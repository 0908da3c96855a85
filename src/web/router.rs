//! Every route of the app is declared through a [`Router`], which keeps the table of
//! them: so a page answers `HEAD` as it answers `GET`, a known path asked with another
//! method answers 405 with `Allow`, and the tests can sweep every route there is.

use actix_web::http::{Method, header};
use actix_web::{FromRequest, Handler, HttpResponse, Responder, Route, guard, web};

use super::error::AppError;

struct Entry {
    method: Method,
    path: String,
    route: Route,
}

/// Routes collected in order of declaration, registered one resource per path.
#[derive(Default)]
pub struct Router {
    prefix: String,
    entries: Vec<Entry>,
    /// Paths whose requests may carry more than a form's default limit, and how much.
    body_limits: Vec<(String, usize)>,
}

/// The declaring methods, one per HTTP method: `get` also answers `HEAD`, with the
/// same answer less its body.
macro_rules! declare_methods {
    ($($name:ident => $method:ident),*) => {
        $(
            pub fn $name<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
            where
                F: Handler<Args>,
                Args: FromRequest + 'static,
                F::Output: Responder + 'static,
            {
                self.add(Method::$method, path, handler)
            }
        )*
    };
}

impl Router {
    declare_methods!(get => GET, post => POST, put => PUT, patch => PATCH, delete => DELETE);

    fn add<F, Args>(&mut self, method: Method, path: &str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        let route = if method == Method::GET {
            web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
        } else {
            web::route().method(method.clone())
        };
        self.entries.push(Entry {
            method,
            path: format!("{}{path}", self.prefix),
            route: route.to(handler),
        });
        self
    }

    /// Requests to `path` may carry up to `bytes`.
    pub fn body_limit(&mut self, path: &str, bytes: usize) -> &mut Self {
        self.body_limits.push((format!("{}{path}", self.prefix), bytes));
        self
    }

    /// Routes declared by `declare` with paths under `prefix`.
    pub fn scope(&mut self, prefix: &str, declare: impl FnOnce(&mut Router)) -> &mut Self {
        let inner = format!("{}{prefix}", self.prefix);
        let outer = std::mem::replace(&mut self.prefix, inner);
        declare(self);
        self.prefix = outer;
        self
    }

    pub fn configure(&mut self, declare: impl FnOnce(&mut Router)) -> &mut Self {
        declare(self);
        self
    }

    /// Every route as (method, path pattern), in the order declared.
    pub fn table(&self) -> Vec<(Method, String)> {
        self.entries
            .iter()
            .map(|e| (e.method.clone(), e.path.clone()))
            .collect()
    }

    /// One resource per path, at the place its first route was declared (an earlier
    /// pattern such as `/meetings/{id}.ics` keeps its precedence over `/meetings/{id}`).
    pub fn register(self, cfg: &mut web::ServiceConfig) {
        let mut paths: Vec<String> = Vec::new();
        for entry in &self.entries {
            if !paths.contains(&entry.path) {
                paths.push(entry.path.clone());
            }
        }
        let mut entries = self.entries;
        for path in paths {
            let (mine, rest): (Vec<Entry>, Vec<Entry>) = entries.into_iter().partition(|e| e.path == path);
            entries = rest;
            let allow = allowed_methods(&mine);
            let mut resource = web::resource(path.as_str()).default_service(web::to(move || {
                let allow = allow.clone();
                async move { method_not_allowed(&allow) }
            }));
            if let Some((_, bytes)) = self.body_limits.iter().find(|(p, _)| *p == path) {
                resource = resource.app_data(web::PayloadConfig::new(*bytes));
            }
            for entry in mine {
                resource = resource.route(entry.route);
            }
            cfg.service(resource);
        }
    }
}

/// The `Allow` header's value for a path's routes.
fn allowed_methods(entries: &[Entry]) -> String {
    let mut methods: Vec<&str> = Vec::new();
    for entry in entries {
        if entry.method == Method::GET {
            methods.extend(["GET", "HEAD"]);
        } else {
            methods.push(entry.method.as_str());
        }
    }
    methods.join(", ")
}

fn method_not_allowed(allow: &str) -> HttpResponse {
    let mut response = HttpResponse::from_error(AppError::MethodNotAllowed);
    if let Ok(value) = header::HeaderValue::from_str(allow) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}
