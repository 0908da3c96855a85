DROP INDEX action_points_group_topic_idx;
DROP INDEX action_points_status_changed_idx;
DROP INDEX action_points_open_idx;
DROP TABLE meeting_review_rows;
DROP TABLE meeting_reviews;
