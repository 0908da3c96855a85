# convene — English messages.

tagline = coordination working groups
breadcrumbs = Breadcrumbs

## Home
home-title = Working groups
home-no-groups = There are no working groups yet.

## Groups
group-kind-working_group = Working group
group-kind-sub_group = Sub-group
group-kind-task_force = Task force
group-kind-field_group = Field group
group-action-points-link = Action points
group-workplan-link = Workplan
group-upcoming-meetings = Upcoming meetings
group-past-meetings = Past meetings
group-no-meetings = No meetings.
group-subgroups = Sub-groups, task forces and field groups

## Organisations
org-kind-un_agency = UN agency
org-kind-ingo = International NGO
org-kind-nngo = National NGO
org-kind-government = Government
org-kind-donor = Donor
org-kind-other = Other
org-kind-none = No organisation

## Meetings
meeting-status-draft = Draft
meeting-status-scheduled = Scheduled
meeting-status-in_progress = In progress
meeting-status-closed = Closed
meeting-status-cancelled = Cancelled
meeting-when = When
meeting-where = Where
meeting-online = Online
meeting-status = Status
meeting-chair = Chair
meeting-note-taker = Note taker
meeting-agenda = Agenda
meeting-agenda-empty = The agenda is empty.
meeting-review = Review of action points
meeting-minutes = Minutes
meeting-decisions = Decisions
meeting-new-action-points = New action points
meeting-present = Present ({ $count })
meeting-apologies = Apologies

## Action points
action-status-open = Open
action-status-in_progress = In progress
action-status-done = Done
action-status-dropped = Dropped
action-no-due-date = open-ended
action-none = No action points.
action-list-title = Action points of { $group }
action-list-open = Open
action-list-closed = Done or dropped
review-empty = No action points to review.
owner-role-coordinator = Coordinator
owner-role-co_chair = Co-chair
owner-role-im_officer = IM
owner-role-member = Members

column-topic = Topic
column-action = Action
column-owners = Owner(s)
column-due = Due
column-status = Status
column-raised-at = Raised at

## Workplan
workplan-title = Workplan of { $group }
workplan-empty = The workplan is empty.
workplan-area-empty = No tasks in this area.
task-status-not_started = Not started
task-status-on_track = On track
task-status-delayed = Delayed
task-status-completed = Completed
task-status-cancelled = Cancelled
column-area = Area
column-task = Task
column-responsible = Responsible
column-start-date = Start Date
column-end-date = End Date
column-comments = Comments

## Errors
error-not-found = Page not found
error-not-found-advice = The address may be mistyped, or the item was removed.
error-forbidden = Not allowed
error-forbidden-advice = Your account may not see or change this. Ask a coordinator of the group if you need access.
error-bad-request = That could not be used
error-bad-request-advice = Check what you entered and try again; nothing was changed.
error-unavailable = Temporarily unavailable
error-unavailable-advice = The database is not answering. Try again in a minute.
error-internal = Something went wrong
error-internal-advice = The error was logged. Try again; if it keeps happening, tell your administrator and quote the reference below.
error-home-link = Go to the start page
error-reference = Reference:

## Accounts
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-password = Password
nav-tokens = API tokens
field-email = Email
field-password = Password
field-current-password = Current password
field-new-password = New password
field-confirm-password = New password, again
login-title = Sign in
login-submit = Sign in
login-forgot = Forgot your password?
login-failed = The email or the password is wrong.
login-throttled = Too many failed sign-ins for this account or from this address. Wait 15 minutes, or ask for a password reset link.
password-change-title = Change your password
password-change-submit = Change password
password-changed = Your password is changed. Every other session of your account was signed out.
password-current-wrong = The current password is wrong; nothing was changed.
password-too-short = The new password must have at least 10 characters.
password-too-long = The new password may have at most 1024 characters.
password-mismatch = The two new passwords differ.
password-is-email = The password may not be your email address.
password-reset-title = Reset your password
password-reset-explain = Enter the email address of your account and we will send you a link to choose a new password.
password-reset-submit = Send the link
password-reset-sent = If an account uses that address, a link to choose a new password is on its way. It works for 3 days.
password-set-title = Choose your password
password-set-submit = Save password
password-set-done = Your password is saved. Sign in with it now.
tokens-title = API tokens
tokens-explain = A personal API token lets a script use the API as you, with everything your account may see and do. Send it in the header
tokens-docs = What the API offers is described in its OpenAPI document.
tokens-new-label = Label (what the token is for)
tokens-create = Create a token
tokens-created = Here is your new token. Copy it now: it is shown only this once, and anyone who has it can act as you until you revoke it.
tokens-yours = Your tokens
tokens-none = You have no API tokens.
tokens-column-label = Label
tokens-column-created = Created
tokens-column-last-used = Last used
tokens-column-status = Status
tokens-column-actions = Actions
tokens-never-used = Never
tokens-active = Active
tokens-expired = Expired
tokens-revoked = Revoked { $date }
tokens-revoke = Revoke
error-csrf = The form has expired or came from another site. Reload the page and try again; nothing was changed.
error-unauthenticated = Sign in, or send a live personal API token in the header Authorization: Bearer followed by the token.
error-link-expired = This link has expired or was already used. Ask for a new one from the sign-in page.

## Mail
mail-greeting = Hello { $name },
mail-invitation-subject = Your convene account: choose a password
mail-invitation-intro = An account on convene was made for you. Choose your password with this link:
mail-reset-subject = Reset your convene password
mail-reset-intro = Someone asked to reset the password of your convene account. Choose a new one with this link:
mail-link-validity = The link works once, for { $days } days.
mail-ignore = If you did not expect this mail, ignore it; nothing changes.

## Input problems
invalid-required = This is required.
invalid-too-long = This is too long.
invalid-email = This is not an email address.
invalid-time-zone = This is not a time zone; use a name such as Asia/Beirut.
invalid-date = This is not a date.
invalid-term-order = The end date is before the start date.
invalid-kind-top-level = A group at the top must be a working group.
invalid-kind-below = Only a group at the top can be a working group.
invalid-days = This number of days is out of the allowed range.
