pub mod create;
pub mod list;
pub mod merge;
pub mod update;

use crate::domain::OrganizationKind;
use crate::domain::validate;
use crate::models::organizations::NewOrganization;
use crate::web::views::forms::Problems;
use crate::web::views::organizations::OrganizationFields;

/// The organisation the form describes, or what is wrong with it.
fn parse(fields: &OrganizationFields) -> Result<(String, Option<String>, OrganizationKind), Problems> {
    let mut problems = Problems::default();
    let name = problems.check("field-name", validate::required(&fields.name, 200));
    let acronym = problems.check("field-acronym", validate::optional(&fields.acronym, 40));
    let kind = problems.check(
        "field-kind",
        fields.kind.parse::<OrganizationKind>().map_err(|_| "invalid-choice"),
    );
    match (name, acronym, kind) {
        (Some(name), Some(acronym), Some(kind)) => Ok((name, acronym, kind)),
        _ => Err(problems),
    }
}

fn as_new<'a>(parsed: &'a (String, Option<String>, OrganizationKind)) -> NewOrganization<'a> {
    NewOrganization {
        name: &parsed.0,
        acronym: parsed.1.as_deref(),
        kind: parsed.2,
    }
}
