-- A task's links stay within its group: a meeting of the task's own group (composite
-- keys through the task's area), an action point of that group or a group below it
-- (a trigger, since "below" is a walk up the tree).

ALTER TABLE workplan_areas ADD CONSTRAINT workplan_areas_group_id_id_key UNIQUE (group_id, id);
ALTER TABLE workplan_tasks ADD CONSTRAINT workplan_tasks_area_id_id_key UNIQUE (area_id, id);

ALTER TABLE workplan_task_meetings ADD COLUMN area_id bigint, ADD COLUMN group_id bigint;
UPDATE workplan_task_meetings l
   SET area_id = t.area_id, group_id = a.group_id
  FROM workplan_tasks t JOIN workplan_areas a ON a.id = t.area_id
 WHERE t.id = l.task_id;
ALTER TABLE workplan_task_meetings
    ALTER COLUMN area_id SET NOT NULL,
    ALTER COLUMN group_id SET NOT NULL,
    -- A task moved to another area of its group carries its links along.
    ADD CONSTRAINT workplan_task_meetings_task_area_fkey FOREIGN KEY (area_id, task_id)
        REFERENCES workplan_tasks (area_id, id) ON UPDATE CASCADE ON DELETE CASCADE,
    ADD CONSTRAINT workplan_task_meetings_area_group_fkey FOREIGN KEY (group_id, area_id)
        REFERENCES workplan_areas (group_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT workplan_task_meetings_meeting_group_fkey FOREIGN KEY (group_id, meeting_id)
        REFERENCES meetings (group_id, id) ON DELETE CASCADE;
CREATE INDEX workplan_task_meetings_meeting_idx ON workplan_task_meetings (meeting_id);
CREATE INDEX workplan_task_action_points_action_point_idx ON workplan_task_action_points (action_point_id);

CREATE FUNCTION workplan_task_action_points_in_tree() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (
        WITH RECURSIVE above AS (
            SELECT g.id, g.parent_id FROM groups g
              JOIN action_points ap ON ap.group_id = g.id
             WHERE ap.id = NEW.action_point_id
            UNION
            SELECT g.id, g.parent_id FROM groups g JOIN above ON g.id = above.parent_id
        )
        SELECT 1 FROM above
          JOIN workplan_areas a ON a.group_id = above.id
          JOIN workplan_tasks t ON t.area_id = a.id
         WHERE t.id = NEW.task_id
    ) THEN
        RAISE EXCEPTION 'action point % is not of the group of task % or a group below it',
            NEW.action_point_id, NEW.task_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'workplan_task_action_points_tree_check';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER workplan_task_action_points_tree_check
    BEFORE INSERT OR UPDATE ON workplan_task_action_points
    FOR EACH ROW EXECUTE FUNCTION workplan_task_action_points_in_tree();
