//! The area form, for a new area of a group or to rename one.

use diesel_async::AsyncPgConnection;
use maud::Markup;

use super::{check_area_name, editable_group};
use crate::models::groups::Group;
use crate::models::workplan::{self, Area};
use crate::web::auth::{PageContext, SignedIn};
use crate::web::error::AppResult;
use crate::web::routes::form::FormPage;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::workplan::{AreaFields, AreaPage, area_form};

pub struct AreaForm {
    /// `None` for a new area.
    area: Option<Area>,
    group: Group,
    ancestors: Vec<Group>,
}

impl AreaForm {
    pub async fn new_in(conn: &mut AsyncPgConnection, me: &SignedIn, group_id: i64) -> AppResult<AreaForm> {
        let (group, ancestors) = editable_group(conn, me.user(), group_id).await?;
        Ok(AreaForm {
            area: None,
            group,
            ancestors,
        })
    }

    /// The area, checked against its own group.
    pub async fn of(conn: &mut AsyncPgConnection, me: &SignedIn, area_id: i64) -> AppResult<AreaForm> {
        let area = workplan::find_area(conn, area_id).await?;
        let (group, ancestors) = editable_group(conn, me.user(), area.group_id).await?;
        Ok(AreaForm {
            area: Some(area),
            group,
            ancestors,
        })
    }
}

impl FormPage for AreaForm {
    type Fields = AreaFields;

    async fn stored(&self, _: &mut AsyncPgConnection) -> AppResult<AreaFields> {
        let name = self.area.as_ref().map(|a| a.name.clone()).unwrap_or_default();
        Ok(AreaFields { name })
    }

    fn render(&self, ctx: &PageContext, fields: &AreaFields, problems: &Problems) -> Markup {
        let (title, action) = match &self.area {
            None => ("workplan-add-area", format!("/groups/{}/workplan/areas", self.group.id)),
            Some(area) => ("workplan-rename-area", format!("/workplan/areas/{}", area.id)),
        };
        let page = AreaPage {
            title: ctx.locale.t(title),
            crumbs: crumbs_to(&self.ancestors, &self.group),
            action,
            fields,
            problems,
        };
        area_form(ctx, &page)
    }

    /// Adds the area after the last, or renames it; an empty name or one another
    /// area of the group has is a problem.
    async fn save(
        &self,
        _: &SignedIn,
        conn: &mut AsyncPgConnection,
        fields: &AreaFields,
        problems: &mut Problems,
    ) -> AppResult<Option<String>> {
        let except = self.area.as_ref().map(|a| a.id);
        let checked = check_area_name(conn, self.group.id, &fields.name, except).await?;
        let Some(name) = problems.check("column-area", checked) else {
            return Ok(None);
        };
        match &self.area {
            None => {
                workplan::create_area(conn, self.group.id, &name).await?;
            }
            Some(area) => workplan::rename_area(conn, area.id, &name).await?,
        }
        Ok(Some(format!("/groups/{}/workplan", self.group.id)))
    }
}
