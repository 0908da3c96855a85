use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::domain::agenda::{self as agenda_rules};
use crate::domain::meeting_flow;
use crate::domain::policy::Action;
use crate::domain::validate;
use crate::models::agenda::ItemFields;
use crate::models::groups::{self, Group};
use crate::models::meetings::{self, AgendaItem, Meeting};
use crate::web::auth::SignedIn;
use crate::web::error::AppResult;
use crate::web::views::agenda_editor::{EditorPage, ItemForm, editor};
use crate::web::views::forms::Problems;
use crate::web::{AppState, html_page};

/// What the editor's pages show: the meeting, its tree, and the sub-groups that may report.
pub struct EditorContext {
    pub group: Group,
    pub ancestors: Vec<Group>,
    pub meeting: Meeting,
    pub agenda: Vec<AgendaItem>,
    pub reporting_groups: Vec<(i64, String)>,
}

impl EditorContext {
    /// Loads the editor of meeting `id` for someone who runs the group's meetings.
    pub async fn load(me: &SignedIn, state: &AppState, id: i64) -> AppResult<Self> {
        let mut conn = state.conn().await?;
        let (meeting, _) = super::meeting_for(&mut conn, me.user(), id, Action::RunMeetings).await?;
        let group = groups::find(&mut conn, meeting.group_id).await?;
        let ancestors = groups::ancestors(&mut conn, group.id).await?;
        let agenda = meetings::agenda(&mut conn, meeting.id).await?;
        let reporting_groups = groups::children(&mut conn, group.id)
            .await?
            .into_iter()
            .map(|g| (g.id, g.name))
            .collect();
        Ok(EditorContext {
            group,
            ancestors,
            meeting,
            agenda,
            reporting_groups,
        })
    }

    pub fn page(&self) -> EditorPage<'_> {
        EditorPage {
            group: &self.group,
            ancestors: &self.ancestors,
            meeting: &self.meeting,
            agenda: &self.agenda,
            reporting_groups: &self.reporting_groups,
            editable: meeting_flow::is_editable(self.meeting.status),
        }
    }

    /// The item `item_id` of this meeting; any other id is not found.
    pub fn item(&self, item_id: i64) -> AppResult<&AgendaItem> {
        self.agenda
            .iter()
            .find(|i| i.id == item_id)
            .ok_or(crate::web::error::AppError::NotFound)
    }
}

/// An item's fields once checked.
pub struct CheckedItem {
    pub title: String,
    pub presenter: Option<String>,
    pub minutes_allotted: Option<i32>,
    pub reporting_group_id: Option<i64>,
    pub parent_id: Option<i64>,
}

impl CheckedItem {
    pub fn fields(&self) -> ItemFields<'_> {
        ItemFields {
            title: &self.title,
            presenter: self.presenter.as_deref(),
            minutes_allotted: self.minutes_allotted,
            reporting_group_id: self.reporting_group_id,
        }
    }
}

/// Checks the form against the meeting: the reporting group among the group's
/// sub-groups, the parent among this agenda's items.
pub fn check(context: &EditorContext, form: &ItemForm) -> Result<CheckedItem, Problems> {
    let mut problems = Problems::default();
    let title = problems.check("agenda-field-title", validate::required(&form.title, 300));
    let presenter = problems.check("agenda-field-presenter", validate::optional(&form.presenter, 200));
    let minutes = problems.check(
        "agenda-field-minutes",
        agenda_rules::minutes_allotted(&form.minutes_allotted),
    );
    let choice = |value: &str, ids: &[i64]| -> Result<Option<i64>, &'static str> {
        match value.trim() {
            "" => Ok(None),
            v => v
                .parse::<i64>()
                .ok()
                .filter(|id| ids.contains(id))
                .map(Some)
                .ok_or("invalid-choice"),
        }
    };
    let reporting_ids: Vec<i64> = context.reporting_groups.iter().map(|(id, _)| *id).collect();
    let item_ids: Vec<i64> = context.agenda.iter().map(|i| i.id).collect();
    let reporting = problems.check(
        "agenda-field-reporting-group",
        choice(&form.reporting_group, &reporting_ids),
    );
    let parent = problems.check("agenda-field-parent", choice(&form.parent, &item_ids));
    match (title, presenter, minutes, reporting, parent) {
        (Some(title), Some(presenter), Some(minutes_allotted), Some(reporting_group_id), Some(parent_id)) => {
            Ok(CheckedItem {
                title,
                presenter,
                minutes_allotted,
                reporting_group_id,
                parent_id,
            })
        }
        _ => Err(problems),
    }
}

pub async fn show(me: SignedIn, state: web::Data<AppState>, id: web::Path<i64>) -> AppResult<HttpResponse> {
    let context = EditorContext::load(&me, &state, *id).await?;
    Ok(html_page(
        StatusCode::OK,
        editor(&me.ctx, &context.page(), &ItemForm::default(), &Problems::default()),
    ))
}
