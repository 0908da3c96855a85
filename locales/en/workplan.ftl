## Messages of the workplan part; shared words stay in main.ftl.

workplan-action-point-number = AP #{ $number }
workplan-discussed-at = · discussed
workplan-linked-action-points = Action points it serves
workplan-linked-meetings = Meetings that discussed it
invalid-link-elsewhere = Choose among the action points and meetings offered for this group.
invalid-position = Give a place counted from 0: 0 is the first.
workplan-delete = Delete
workplan-keep = Keep it
workplan-delete-task = Delete this task
workplan-delete-task-title = Delete the task “{ $title }”?
workplan-delete-task-question = The task, its responsible parties and its links to action points and meetings will be removed. This cannot be undone.
workplan-delete-area-title = Delete the area “{ $name }”?
workplan-delete-area-question = { $count ->
    [0] The area has no tasks. It will be removed.
    [one] The area's one task will be deleted with it. This cannot be undone.
   *[other] The area's { $count } tasks will be deleted with it. This cannot be undone.
}
workplan-tasks-served = Workplan tasks
workplan-review-heading = Workplan: tasks ending since the last meeting or overdue
workplan-review-empty = No task ended since the last meeting, and none is overdue.
workplan-review-ended = Ended
workplan-review-overdue = Overdue
workplan-discussed-here = Tasks discussed at this meeting
workplan-open-table = Open the workplan
