DROP TRIGGER workplan_task_action_points_tree_check ON workplan_task_action_points;
DROP FUNCTION workplan_task_action_points_in_tree();
DROP INDEX workplan_task_action_points_action_point_idx;
DROP INDEX workplan_task_meetings_meeting_idx;
ALTER TABLE workplan_task_meetings
    DROP CONSTRAINT workplan_task_meetings_meeting_group_fkey,
    DROP CONSTRAINT workplan_task_meetings_area_group_fkey,
    DROP CONSTRAINT workplan_task_meetings_task_area_fkey,
    DROP COLUMN group_id,
    DROP COLUMN area_id;
ALTER TABLE workplan_tasks DROP CONSTRAINT workplan_tasks_area_id_id_key;
ALTER TABLE workplan_areas DROP CONSTRAINT workplan_areas_group_id_id_key;
