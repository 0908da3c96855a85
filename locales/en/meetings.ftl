## Messages of the meetings part; shared words stay in main.ftl.

## Agenda editor
agenda-editor-title = Agenda editor
agenda-add = Add item
agenda-edit = Edit
agenda-edit-title = Edit “{ $title }”
agenda-save = Save
agenda-back = Back to the agenda
agenda-delete = Delete
agenda-delete-title = Delete “{ $title }”?
agenda-delete-question = { $count ->
    [0] The item will be deleted, with its notes and decisions.
    [one] The item will be deleted with its sub-item, and their notes and decisions.
   *[other] The item will be deleted with its { $count } sub-items, and their notes and decisions.
}
agenda-top-level = At the top level
agenda-field-title = Title
agenda-field-presenter = Presenter
agenda-field-minutes = Minutes allotted
agenda-field-reporting-group = Reporting sub-group
agenda-field-parent = Under
agenda-field-move = Move
agenda-no-reporting-group = None
agenda-minutes-value = { $minutes } min
agenda-reported-by = reported by { $group }
agenda-move-up = Move up
agenda-move-down = Move down
agenda-move-indent = Make it a sub-item of the item above
agenda-move-outdent = Move it out of its parent item
agenda-cannot-move = The item cannot move that way.
agenda-item-missing = This item is not on the agenda.
agenda-invalid-minutes = Enter whole minutes from 1 to 600.

## Status steps
meeting-flow-step = Step
meeting-flow-publish = Publish
meeting-flow-start = Start the meeting
meeting-flow-close = Close the meeting
meeting-flow-cancel = Cancel the meeting
meeting-flow-reopen = Re-open the meeting
meeting-flow-refused = Not done: the meeting is { $status }. A closed meeting is changed only after it is re-opened.

## Live mode
live-title = Live
live-previous = ← Previous item
live-next = Next item →
live-no-current = Choose “Next item” to begin with the first item.
live-notes = Notes (Markdown)
live-decisions = Decisions
live-save-notes = Save notes
live-new-action-point = New action point
live-add-action-point = Add action point
live-changed-elsewhere = Someone else changed this meeting.
live-reload = Show the changes
live-notes-conflict = Not saved: someone else saved this item's notes while you were editing. Their text is shown below, and yours is kept in the form: merge them and save again.
live-conflict-title = Notes changed meanwhile
live-conflict-theirs = Saved by someone else
live-conflict-mine = Your text, not yet saved

## Attendance
attendance-title = Attendance
attendance-edit = Edit attendance
attendance-members = Members
attendance-present = Present
attendance-apologies = Apologies
attendance-unknown = Not recorded
attendance-save = Save attendance
attendance-guests = Guests
attendance-guest-name = Guest's name
attendance-guest-organization = Guest's organisation
attendance-add-guest = Add guest
attendance-remove-guest = Remove

## Minutes
minutes-title = Minutes
minutes-text = Plain text
