DROP INDEX tokens_calendar_feed_idx;
ALTER TABLE tokens DROP CONSTRAINT tokens_group_check;
ALTER TABLE tokens DROP COLUMN group_id;
ALTER TABLE groups DROP COLUMN agenda_template;
ALTER TABLE meetings DROP CONSTRAINT meetings_series_starts_at_key;
ALTER TABLE meetings DROP CONSTRAINT meetings_series_fkey;
ALTER TABLE meetings DROP COLUMN series_id;
DROP TABLE meeting_series;
