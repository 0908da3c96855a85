-- Mail preferences, and what the reminder planner and the daily digest need of the outbox.

-- The kinds of mail a person has turned off; every other kind reaches them.
-- Account mail (invitations, password resets) cannot be turned off.
CREATE TABLE mail_opt_outs (
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN (
        'meeting_published', 'meeting_reminder', 'update_request', 'minutes',
        'action_point_due', 'workplan_task_ending')),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, kind)
);

-- What a planned mail is about, and the instant or date it is for, so the planner
-- can cancel a reminder whose meeting moved or whose item was closed.
ALTER TABLE outbox
    ADD COLUMN meeting_id bigint REFERENCES meetings (id) ON DELETE CASCADE,
    ADD COLUMN action_point_id bigint REFERENCES action_points (id) ON DELETE CASCADE,
    ADD COLUMN task_id bigint REFERENCES workplan_tasks (id) ON DELETE CASCADE,
    ADD COLUMN due_for timestamptz,
    -- Held for the recipient's daily digest instead of going out on its own; once the
    -- digest is made the mail counts as sent, as part of it.
    ADD COLUMN held_for_digest boolean NOT NULL DEFAULT false,
    ADD COLUMN digest_id bigint REFERENCES outbox (id) ON DELETE SET NULL,
    -- The one-click unsubscribe address sent in List-Unsubscribe (RFC 8058).
    ADD COLUMN unsubscribe_url text CHECK (unsubscribe_url IS NULL OR unsubscribe_url ~ '^https?://'),
    ADD CONSTRAINT outbox_about_check CHECK (
        num_nonnulls(meeting_id, action_point_id, task_id) <= 1
        AND (due_for IS NULL OR num_nonnulls(meeting_id, action_point_id, task_id) = 1));

CREATE INDEX outbox_held_idx ON outbox (user_id)
    WHERE held_for_digest AND sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX outbox_pending_meeting_idx ON outbox (meeting_id)
    WHERE meeting_id IS NOT NULL AND sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX outbox_pending_action_point_idx ON outbox (action_point_id)
    WHERE action_point_id IS NOT NULL AND sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX outbox_pending_task_idx ON outbox (task_id)
    WHERE task_id IS NOT NULL AND sent_at IS NULL AND dead_at IS NULL AND cancelled_at IS NULL;
-- Meetings, action points and tasks are read by their due instants through the
-- indexes on meetings (starts_at), action_points (due_date, status) and
-- workplan_tasks (end_date, status) that exist already.
