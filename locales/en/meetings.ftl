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
live-projector = Projector mode (large type)
live-normal = Normal view
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
## Scheduling meetings
schedule-new-title = Schedule a meeting of { $group }
schedule-edit-title = Edit the meeting
schedule-new-link = Schedule a meeting
schedule-edit-link = Edit time, place and people
schedule-field-title = Title
schedule-field-date = Date
schedule-field-start = Starts at
schedule-field-end = Ends at
schedule-field-location = Location
schedule-field-online = Online meeting link
schedule-field-chair = Chair
schedule-field-note-taker = Note taker
schedule-field-agenda = Agenda
schedule-agenda-previous = Start from the previous meeting's agenda
schedule-agenda-template = Start from the group's agenda template
schedule-agenda-empty = Start empty
schedule-agenda-note = The agenda always opens with the review of action points; notes and minutes are never copied.
schedule-review-item = Review of action points
schedule-nobody = (nobody yet)
schedule-zone-note = Times are in { $zone }, the group's time zone. A time that a clock change skips moves forward by the gap (00:30 on a night that jumps to 01:00 becomes 01:30); a time that happens twice is the first one.
schedule-save = Save the meeting
schedule-not-editable = This meeting is closed or cancelled: it can be changed only after a coordinator re-opens it.
schedule-invalid-time = This is not a time; use hours and minutes such as 14:00.
schedule-invalid-end-before-start = The end must come after the start.
schedule-invalid-duration = A meeting lasts from 5 minutes to 24 hours.
schedule-invalid-online-link = Give a full web address starting with https:// (or http://).

## Recurring series
series-new-link = Schedule a series
series-new-title = Schedule a series of meetings of { $group }
series-field-first-date = First meeting on
series-field-repeat = Repeats
series-repeat-weeks = Every few weeks, on the same weekday
series-repeat-monthly = Monthly, on the same weekday of the month
series-field-every-weeks = Every how many weeks
series-monthly-note = Monthly meetings fall on the first date's place in its month: a first meeting on the second Wednesday repeats on every second Wednesday; one in the month's last week, on every last one.
series-field-ends = Ends
series-ends-until = On a date
series-ends-count = After a number of meetings
series-field-until = Last date
series-field-count = Number of meetings
series-field-publish = Publish the meetings now (otherwise they are drafts)
series-save = Create the meetings
series-invalid-interval = Choose from every week to every 12 weeks.
series-invalid-count = Choose from 1 to 104 meetings.
series-invalid-until-before-first = The last date must not come before the first.
series-invalid-too-long = A series reaches at most two years ahead and 104 meetings.

## Meetings lists
meetings-list-nav = Meetings
meetings-list-link = All meetings
meetings-list-group-title = Meetings of { $group }
meetings-list-mine-title = Meetings of my groups
meetings-list-newer = Newer
meetings-list-older = Older
meetings-list-page = Page { $page } of { $pages }
meetings-list-template = Agenda template
meetings-list-template-note = One item per line; indent by two spaces to make a sub-item. New meetings can start from it.
meetings-list-template-save = Save the template

## Calendar files and feeds
calendar-ics = .ics
calendar-subscribe-link = Subscribe in your calendar
calendar-title = Calendar feeds
calendar-intro = Subscribe to these addresses in your calendar application to see the published meetings of your groups. Anyone with an address can read the feed: keep it private, and get a new one if it leaks (the old one stops working).
calendar-feed = Feed
calendar-address = Address
calendar-all-my-groups = All my groups
calendar-copy-now = Copy this address now: it is shown only once.
calendar-active-since = In use since { $date }; get a new address to see it again.
calendar-none = No address yet.
calendar-get = Get an address
calendar-reset = Get a new address
calendar-revoke = Turn off

## A reporting group's update under an agenda item
reporting-update-from = Update from { $group }
reporting-update-for = Update for “{ $item }”
reporting-update-item = Agenda item “{ $item }” of { $meeting }
reporting-update-posted = As posted
reporting-update-label = Update (Markdown)
reporting-update-hint = Write it before or during the meeting: it appears under the item on the meeting page and in the minutes.
reporting-update-save = Save the update
reporting-update-write = Write the update
reporting-conflict = Someone saved this update after you opened it, so yours was not saved. Their text is below, and yours is in the form again: merge the two and save.
reporting-conflict-theirs = Saved meanwhile
reporting-conflict-mine = Your text
