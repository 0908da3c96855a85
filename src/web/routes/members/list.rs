use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use super::{managed_group, render};
use crate::web::AppState;
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::views::forms::Problems;
use crate::web::views::members::MemberFields;

pub async fn list(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let group = managed_group(&me, &state, *id).await?;
    let fields = MemberFields {
        role: "member".into(),
        ..Default::default()
    };
    render(&me, &state, &group, &fields, &Problems::default(), StatusCode::OK).await
}
