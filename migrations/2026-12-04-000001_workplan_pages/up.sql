-- The workplan table and timeline read a page of tasks, not the whole tree's.

-- Each responsible party carries its task's area, kept by the task's composite key (a
-- task moved to another area carries its owners along) and filled in on insert, so
-- that the filter's choices come from one index of owners by area alone.
ALTER TABLE workplan_task_owners ADD COLUMN area_id bigint;
UPDATE workplan_task_owners o SET area_id = t.area_id FROM workplan_tasks t WHERE t.id = o.task_id;
ALTER TABLE workplan_task_owners
    ALTER COLUMN area_id SET NOT NULL,
    ADD CONSTRAINT workplan_task_owners_task_area_fkey FOREIGN KEY (area_id, task_id)
        REFERENCES workplan_tasks (area_id, id) ON UPDATE CASCADE ON DELETE CASCADE;

-- A task deleted meanwhile is the foreign key's violation, as it was before the column.
CREATE FUNCTION workplan_task_owners_area() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT area_id INTO NEW.area_id FROM workplan_tasks WHERE id = NEW.task_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'task % is not present', NEW.task_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'workplan_task_owners_task_id_fkey';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER workplan_task_owners_area
    BEFORE INSERT ON workplan_task_owners
    FOR EACH ROW EXECUTE FUNCTION workplan_task_owners_area();

CREATE INDEX workplan_task_owners_area_idx ON workplan_task_owners (area_id, user_id, organization_id, group_id, role)
    INCLUDE (task_id);

-- A filter on the responsible party: its tasks found from the party, one index per kind.
CREATE INDEX workplan_task_owners_user_idx ON workplan_task_owners (user_id, task_id) WHERE user_id IS NOT NULL;
CREATE INDEX workplan_task_owners_organization_idx ON workplan_task_owners (organization_id, task_id)
    WHERE organization_id IS NOT NULL;
CREATE INDEX workplan_task_owners_group_idx ON workplan_task_owners (group_id, task_id) WHERE group_id IS NOT NULL;
CREATE INDEX workplan_task_owners_role_idx ON workplan_task_owners (role, task_id) WHERE role IS NOT NULL;

-- The count of matching tasks by area, whatever the status or period asked, read from
-- the index alone.
CREATE INDEX workplan_tasks_area_filter_idx ON workplan_tasks (area_id, position)
    INCLUDE (id, status, start_date, end_date);
