-- Pages bounded by what they show, not by history.

-- A closed meeting's review as it stood when it closed, written in the closing
-- transaction: its page reads these rows instead of replaying every item's history.
CREATE TABLE meeting_reviews (
    meeting_id bigint PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
    stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE meeting_review_rows (
    meeting_id bigint NOT NULL REFERENCES meeting_reviews (meeting_id) ON DELETE CASCADE,
    -- The order the review lists its items in (raised first, first).
    position integer NOT NULL CHECK (position >= 0),
    action_point_id bigint NOT NULL REFERENCES action_points (id) ON DELETE CASCADE,
    topic text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    note text NOT NULL,
    noted_by text,
    noted_at timestamptz,
    meetings_open integer NOT NULL CHECK (meetings_open >= 0),
    PRIMARY KEY (meeting_id, position)
);
CREATE INDEX meeting_review_rows_action_point_idx ON meeting_review_rows (action_point_id);

-- Open items by group: the review's items still open, open and overdue counts read
-- from the index alone.
CREATE INDEX action_points_open_idx ON action_points (group_id, due_date)
    WHERE status IN ('open', 'in_progress');
-- Items whose status changed since a meeting: the others closed then are still closed.
CREATE INDEX action_points_status_changed_idx ON action_points (group_id, status_changed_at);
-- The filter's topics: one index entry per group and topic (a loose index scan).
CREATE INDEX action_points_group_topic_idx ON action_points (group_id, topic);
