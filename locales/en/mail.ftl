## Messages of the mail part; shared words stay in main.ftl.

## The admin's outbox.
outbox-title = Outbox
outbox-not-sending = No SMTP server is configured (SMTP_URL): mail is kept here and not sent.
outbox-filter-state = State
outbox-unknown-state = Choose queued, failed, sent, dead or cancelled.
outbox-state-all = All
outbox-state-queued = Queued
outbox-state-failed = Failed, will retry
outbox-state-sent = Sent
outbox-state-dead = Dead
outbox-state-cancelled = Cancelled
outbox-empty = No mail here.
outbox-column-created = Queued at
outbox-column-recipient = To
outbox-column-subject = Subject
outbox-column-state = State
outbox-column-attempts = Tries
outbox-column-error = Last error
outbox-column-kind = Kind
outbox-column-outcome = Since
outbox-column-next = Next try
outbox-column-message-id = Message-ID
outbox-body = Text
outbox-attachment = Attachment { $name }
outbox-retry = Send again now
outbox-cancel = Cancel this mail
outbox-retry-sent = This mail was sent already; it is not sent twice.
outbox-cancel-done = Only mail that has not gone out yet can be cancelled.

## Reminders.
mail-when = When:
mail-where = Where:
mail-online = Online:
mail-agenda = Agenda
mail-your-open-items = Your open action points
mail-more-open-items = { $count ->
        [one] …and one more. All your action points:
       *[other] …and { $count } more. All your action points:
    }
mail-overdue-count = { $count ->
        [one] { $count } action point overdue
       *[other] { $count } action points overdue
    }
mail-update-here = Update its status:
mail-due-on = due { $date }
mail-meeting-reminder-subject = Reminder: { $group } – { $title }, { $when }
mail-meeting-reminder-intro = This is a reminder of the coming meeting.
mail-update-request-subject = Your update for { $title }, { $when }
mail-update-request-intro = { $group } reports on "{ $item }" at the coming meeting. Please post your update before the meeting:
mail-due-soon-subject = { $group }: action point #{ $number } is due { $date }
mail-due-soon-intro = An action point you stand for is due { $date }.
mail-due-today-subject = { $group }: action point #{ $number } is due today
mail-due-today-intro = An action point you stand for is due today, { $date }.
mail-overdue-subject = { $group }: action point #{ $number } is overdue (due { $date })
mail-overdue-intro = An action point you stand for was due { $date } and is still open.
mail-task-ending-subject = { $group }: workplan task "{ $title }" ends { $date }
mail-task-ending-intro = A workplan task you are responsible for, "{ $title }", ends { $date }. Update its status or its end date:

## The update page of an action point, opened from a mail.
action-link-title = Action point #{ $number }: { $topic }
action-link-due = Due
action-link-save = Save the update
action-link-saved = Thank you: the status is saved, with a note in the item's history that it came by email link.
action-link-explain = This page came from a link in your mail. It only updates this action point's status and note; sign in for anything else.
mail-unsubscribe = To stop mails like this one, open:

## Notification preferences and unsubscribing.
notifications-title = Notifications
notifications-kinds = Mail I want
notifications-delivery = When
notifications-immediate = Each mail as it comes
notifications-daily-digest = One digest a day, at 08:00 in my time zone (invitations to meetings still come at once)
notifications-kind-meeting_published = Meetings published, moved or cancelled
notifications-kind-meeting_reminder = Meeting reminders
notifications-kind-update_request = Requests for my group's update before a meeting
notifications-kind-minutes = Minutes
notifications-kind-action_point_due = Action points coming due and overdue
notifications-kind-workplan_task_ending = Workplan tasks ending
notifications-account-mail = Mail about your account (invitations, password resets) always reaches you.
notifications-save = Save
notifications-saved = Saved.
unsubscribe-title = Unsubscribe
unsubscribe-confirm = Stop sending these mails to { $email }?
unsubscribe-button = Unsubscribe
unsubscribe-done = { $email } no longer gets these mails:
unsubscribe-manage = Sign in to choose which mail you get

## Meeting notices.
mail-minutes = Minutes
mail-meeting-published-subject = Meeting: { $group } – { $title }, { $when }
mail-meeting-published-intro = A meeting of your group is scheduled. The attached invitation adds it to your calendar.
mail-meeting-rescheduled-subject = Moved: { $group } – { $title }, now { $when }
mail-meeting-rescheduled-intro = A meeting of your group has a new time or place. The attached invitation updates your calendar.
mail-meeting-cancelled-subject = Cancelled: { $group } – { $title }, { $when }
mail-meeting-cancelled-intro = This meeting of your group is cancelled. The attachment removes it from your calendar.
mail-minutes-subject = Minutes: { $group } – { $title } of { $when }
mail-minutes-corrected-subject = Corrected minutes: { $group } – { $title } of { $when }
mail-minutes-intro = The meeting is closed. Its minutes follow.

## The daily digest.
mail-digest-subject = Your convene digest for { $date }: { $count ->
        [one] one update
       *[other] { $count } updates
    }
mail-digest-intro = Here is what came for you since your last digest.

## Calendar invitations
ics-meeting-description = Meeting of { $group }. Agenda and papers: { $link }
ics-meeting-cancelled-description = This meeting of { $group } is cancelled: { $link }
