DROP TABLE workplan_task_meetings;
DROP TABLE workplan_task_action_points;
DROP TABLE workplan_task_owners;
DROP TABLE workplan_tasks;
DROP TABLE workplan_areas;
