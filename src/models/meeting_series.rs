//! Recurring series of meetings, created ahead as drafts or published.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use diesel::prelude::*;
use diesel::upsert::{excluded, on_constraint};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use super::meeting_schedule::{AgendaSource, MeetingFields, seed_agenda};
use super::meetings::NewMeeting;
use crate::schema::{meeting_series, meetings};

#[derive(Debug, Insertable)]
#[diesel(table_name = meeting_series)]
pub struct NewSeries<'a> {
    pub group_id: i64,
    pub title: &'a str,
    pub first_date: NaiveDate,
    pub local_time: NaiveTime,
    pub duration_minutes: i32,
    pub location: Option<&'a str>,
    pub online_url: Option<&'a str>,
    /// `weekly` or `monthly`.
    pub frequency: &'a str,
    pub interval_weeks: Option<i32>,
    pub until_date: Option<NaiveDate>,
    pub occurrences: Option<i32>,
}

#[derive(Insertable)]
#[diesel(table_name = meetings)]
struct NewSeriesMeeting<'a> {
    #[diesel(embed)]
    meeting: NewMeeting<'a>,
    series_id: i64,
}

/// What creating a series did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Created {
    pub series_id: i64,
    /// Meetings added now; those the series had already are left as they are.
    pub meetings: usize,
}

/// Records the series (or finds the same one submitted before) and adds its meetings
/// at `starts`, each with a starting agenda, skipping those it has already, all in
/// one transaction. `template` carries everything but the start of each meeting.
pub async fn create(
    conn: &mut AsyncPgConnection,
    series: &NewSeries<'_>,
    template: &MeetingFields,
    starts: &[DateTime<Utc>],
    published_at: Option<DateTime<Utc>>,
    source: AgendaSource,
    review_title: &str,
) -> QueryResult<Created> {
    conn.transaction(async |conn| {
        let series_id: i64 = diesel::insert_into(meeting_series::table)
            .values(series)
            .on_conflict(on_constraint("meeting_series_natural_key"))
            .do_update()
            .set(meeting_series::duration_minutes.eq(excluded(meeting_series::duration_minutes)))
            .returning(meeting_series::id)
            .get_result(conn)
            .await?;
        let mut added = 0;
        for starts_at in starts {
            let fields = MeetingFields {
                starts_at: *starts_at,
                ..template.clone()
            };
            let id: Option<i64> = diesel::insert_into(meetings::table)
                .values(NewSeriesMeeting {
                    meeting: fields.new_meeting(series.group_id, published_at),
                    series_id,
                })
                .on_conflict((meetings::series_id, meetings::starts_at))
                .do_nothing()
                .returning(meetings::id)
                .get_result(conn)
                .await
                .optional()?;
            if let Some(id) = id {
                seed_agenda(conn, series.group_id, id, *starts_at, source, review_title).await?;
                added += 1;
            }
        }
        Ok(Created {
            series_id,
            meetings: added,
        })
    })
    .await
}
