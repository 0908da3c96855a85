//! The scheduling form, for a new meeting of a group or to change one before it
//! closes: title, time, place and people (and, when new, where its agenda starts).

use diesel_async::AsyncPgConnection;
use maud::Markup;

use super::schedule::{ScheduleForm, runnable_group, today};
use crate::domain::meeting_flow::is_editable;
use crate::i18n::Locale;
use crate::mail::MailSettings;
use crate::models::groups::Group;
use crate::models::meeting_schedule::{self, Updated};
use crate::models::meetings::{self, Meeting};
use crate::models::users;
use crate::web::AppState;
use crate::web::auth::{PageContext, SignedIn};
use crate::web::error::{AppError, AppResult};
use crate::web::routes::form::FormPage;
use crate::web::views::forms::Problems;
use crate::web::views::groups::crumbs_to;
use crate::web::views::meeting_form::{SchedulePage, schedule_form};

pub struct ScheduleEditor {
    /// `None` for a new meeting.
    meeting: Option<Meeting>,
    group: Group,
    ancestors: Vec<Group>,
    /// Current members, by id and name, for chair and note taker.
    people: Vec<(i64, String)>,
    /// A published meeting that moves tells its members.
    mail: MailSettings,
}

/// 409: closed and cancelled meetings change only after an explicit re-open.
fn not_editable(locale: &Locale) -> AppError {
    AppError::Conflict(locale.t("schedule-not-editable"))
}

impl ScheduleEditor {
    pub async fn new_in(
        conn: &mut AsyncPgConnection,
        me: &SignedIn,
        state: &AppState,
        group_id: i64,
    ) -> AppResult<ScheduleEditor> {
        let (group, ancestors) = runnable_group(conn, me.user(), group_id).await?;
        let people = meeting_schedule::member_choices(conn, group.id, today()).await?;
        Ok(ScheduleEditor {
            meeting: None,
            group,
            ancestors,
            people,
            mail: state.mail(),
        })
    }

    /// The meeting, checked against its own group (never one named in the request);
    /// a closed or cancelled one is a 409.
    pub async fn of(
        conn: &mut AsyncPgConnection,
        me: &SignedIn,
        state: &AppState,
        meeting_id: i64,
    ) -> AppResult<ScheduleEditor> {
        let meeting = meetings::find(conn, meeting_id).await?;
        let (group, ancestors) = runnable_group(conn, me.user(), meeting.group_id).await?;
        if !is_editable(meeting.status) {
            return Err(not_editable(&me.ctx.locale));
        }
        let mut people = meeting_schedule::member_choices(conn, group.id, today()).await?;
        // A chair or note taker who has left the group stays choosable for their meeting.
        for id in [meeting.chair_id, meeting.note_taker_id].into_iter().flatten() {
            if !people.iter().any(|(p, _)| *p == id) {
                people.push((id, users::find(conn, id).await?.name));
            }
        }
        Ok(ScheduleEditor {
            meeting: Some(meeting),
            group,
            ancestors,
            people,
            mail: state.mail(),
        })
    }
}

impl FormPage for ScheduleEditor {
    type Fields = ScheduleForm;

    async fn stored(&self, _: &mut AsyncPgConnection) -> AppResult<ScheduleForm> {
        Ok(match &self.meeting {
            Some(meeting) => ScheduleForm::of(meeting, self.group.tz()),
            None => ScheduleForm::blank(&self.group),
        })
    }

    fn render(&self, ctx: &PageContext, fields: &ScheduleForm, problems: &Problems) -> Markup {
        let locale = &ctx.locale;
        let (title, action) = match &self.meeting {
            None => (
                locale.t_args(
                    "schedule-new-title",
                    &[("group", self.group.short_name.as_str().into())],
                ),
                format!("/groups/{}/meetings", self.group.id),
            ),
            Some(meeting) => (locale.t("schedule-edit-title"), format!("/meetings/{}", meeting.id)),
        };
        let page = SchedulePage {
            title,
            crumbs: crumbs_to(&self.ancestors, &self.group),
            action,
            group: &self.group,
            fields,
            problems,
            people: &self.people,
            new_meeting: self.meeting.is_none(),
        };
        schedule_form(ctx, &page)
    }

    /// A new meeting is a draft with its starting agenda; a change bumps the calendar
    /// sequence when a published meeting moves.
    async fn save(
        &self,
        me: &SignedIn,
        conn: &mut AsyncPgConnection,
        fields: &ScheduleForm,
        problems: &mut Problems,
    ) -> AppResult<Option<String>> {
        let checked = fields.check(self.group.tz(), &self.people, problems);
        let id = match &self.meeting {
            None => {
                let source = fields.agenda_source(problems);
                let (Some(meeting), Some(source)) = (checked, source) else {
                    return Ok(None);
                };
                let review = me.ctx.locale.t("schedule-review-item");
                meeting_schedule::create(conn, self.group.id, &meeting, source, &review).await?
            }
            Some(meeting) => {
                let Some(changes) = checked else {
                    return Ok(None);
                };
                match crate::flows::meetings::update(conn, &self.mail, self.group.id, meeting.id, &changes).await? {
                    Updated::Saved { .. } => meeting.id,
                    Updated::NotEditable(_) => return Err(not_editable(&me.ctx.locale)),
                }
            }
        };
        Ok(Some(format!("/meetings/{id}")))
    }
}
