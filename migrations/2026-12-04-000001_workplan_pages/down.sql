DROP INDEX workplan_tasks_area_filter_idx;
DROP INDEX workplan_task_owners_role_idx;
DROP INDEX workplan_task_owners_group_idx;
DROP INDEX workplan_task_owners_organization_idx;
DROP INDEX workplan_task_owners_user_idx;
DROP TRIGGER workplan_task_owners_area ON workplan_task_owners;
DROP FUNCTION workplan_task_owners_area();
ALTER TABLE workplan_task_owners DROP COLUMN area_id;
