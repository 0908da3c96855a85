# convene — English messages.

tagline = coordination working groups
breadcrumbs = Breadcrumbs

## Dates: how a date and a time join (the parts come from CLDR)
date-at-time = { $date }, { $time }
date-and-hours = { $date }, { $start }–{ $end }

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
group-directory-link = Directory
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

## Roles
role-coordinator = Coordinator
role-co_chair = Co-chair
role-im_officer = IM officer
role-member = Member
role-observer = Observer

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
review-empty = No action points to review.
review-more = The review lists the first { $count } items; see all of them in the list of action points.
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

## Directory
directory-title = Directory
directory-group-title = Directory of { $group }
directory-intro-group = Members of { $group } and of every group below it.
directory-intro-all = Members of every group you can see.
directory-people = People
directory-filter-organization = Organisation
directory-filter-kind = Organisation kind
directory-filter-location = Location
directory-filter-role = Role
directory-filter-terms = Terms
directory-filter-any = Any
directory-terms-current = Current terms only
directory-terms-all = All terms, past and future too
directory-filter-submit = Filter
directory-filter-clear = Clear filters
directory-empty = No one matches these filters.
directory-export = Export:
directory-export-csv = CSV
directory-export-xlsx = Excel (.xlsx)
directory-export-partial = Exports hold only the groups whose directory you keep.
directory-import-link = Import members
directory-bad-query = The filters in the address cannot be read.
directory-bad-organization = The organisation filter must be an organisation's number.
directory-bad-kind = There is no such organisation kind.
directory-bad-role = There is no such role.
directory-bad-terms = The terms filter must be "current" or "all".
column-name = Name
column-organization = Organisation
column-kind = Kind
column-title = Title
column-email = Email
column-phone = Phone
column-group = Group
column-role = Role
column-term = Term
column-row = Row
column-person = Person
column-check = Check

## Import
import-title = Import members into { $group }
import-explain = Upload a CSV file (UTF-8) or an Excel workbook (.xlsx) whose first row names the columns; of a workbook, the first sheet is read. Nothing is saved until you have checked the rows and confirmed.
import-columns = Columns
import-column-name = The person's full name. Required.
import-column-email = Their email address. Required. Someone already on convene is recognised by it, and their profile is kept as it is.
import-column-organisation = The acronym or name of their organisation, as on the list of organisations. An organisation not on the list is added when its kind is given.
import-column-organisation-kind = Only for an organisation not on the list yet: { $choices }.
import-column-role = Required: { $choices }.
import-column-group = The short name of { $group } or of a group below it ({ $choices }); empty means { $group }.
import-other-columns = Other columns, such as the title, phone, since and until of an export, are left alone.
import-file = File
import-check = Check the file
import-upload-broken = The upload was cut off or is not a form upload. Try again.
import-file-missing = Choose a file to upload.
import-file-too-large = The file is larger than { $max } MB. Split it into smaller files.
import-file-empty = The file is empty.
import-file-not-utf8 = Row { $row } is not UTF-8 text. Save the file as "CSV UTF-8", or as an Excel workbook (.xlsx).
import-file-bad-csv = Row { $row } breaks the CSV format (perhaps a quote is not closed).
import-file-bad-xlsx = The file cannot be opened as an Excel workbook (.xlsx).
import-file-unsupported = Only CSV files and Excel workbooks (.xlsx) can be imported. Save an older .xls file as .xlsx first.
import-file-too-many-rows = The file has more than { $max } rows. Split it into smaller files.
import-file-too-large-unpacked = This workbook unpacks to more than { $max } MB, far more than a table of people or tasks needs. Nothing was imported; save the sheet again as a new file, or as CSV.
import-header-missing = The first row must name the columns; it lacks: { $columns }.
import-header-repeated = The column "{ $column }" appears twice in the first row.
import-header-no-rows = The file has a header row but no rows under it.
import-preview-title = Check the import into { $group }
import-preview-valid = All { $rows } rows can be imported. Check what will happen, then confirm.
import-preview-invalid = { $invalid } of { $rows } rows have problems, so nothing can be imported. Correct them in the file and upload it again.
import-problem = Row { $row }, { $column }: { $reason }
import-rows = Rows
import-upload-again = Upload a corrected file
import-confirm = Confirm import
import-person-new = New person
import-person-existing = Existing: { $name }
import-organization-new = New: { $name } ({ $kind })
import-ok = Will be added
import-unchanged = Already a member; left as it is
import-count-people = New people
import-count-organizations = New organisations
import-count-memberships = New memberships
import-count-unchanged = Memberships already there
import-error-unknown-kind = "{ $value }" is not an organisation kind; use one of: { $choices }.
import-error-kind-needed = { $organization } is not on the list of organisations; give its kind ({ $choices }) to add it.
import-error-kind-conflict = Row { $row } gives this organisation another kind.
import-error-unknown-role = "{ $value }" is not a role; use one of: { $choices }.
import-error-unknown-group = There is no group "{ $value }" here; use one of: { $choices }.
import-error-ambiguous-group = Several groups here are called "{ $value }".
import-error-duplicate = Duplicate of row { $row }: the same person, group and role.
import-error-other-name = Row { $row } gives this email address the name { $name }.
import-error-other-organization = Row { $row } gives this person another organisation.
import-bad-rows = The rows to import were damaged on the way. Upload the file again.
import-done-title = Imported into { $group }
import-done = The import is done.
import-back = Back to the directory

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
nav-menu = Menu
skip-to-content = Skip to the content
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
invalid-control-character = This holds a control character (such as a NUL or an escape); remove it.
invalid-email = This is not an email address.
invalid-time-zone = This is not a time zone; use a name such as Asia/Beirut.
invalid-date = This is not a date.

## Forms
form-not-saved = Nothing was saved. Please correct:
invalid-choice = Choose one of the options.
action-save = Save
action-edit = Edit
action-remove = Remove
column-actions = Actions

## Organisations
organizations-title = Organisations
organizations-add = Add an organisation
organizations-edit-title = Edit { $name }
organizations-name-taken = An organisation of that name exists already.
organizations-merge-title = Merge a duplicate
organizations-merge-explain = If { $name } is a duplicate, merge it into the right organisation: its people, guests and ownerships move over, and { $name } is deleted.
organizations-merge-into = Merge into
organizations-merge-submit = Merge
field-name = Name
field-acronym = Acronym
field-kind = Kind

## Navigation
nav-organizations = Organisations
nav-users = Users

## Group editing
group-new-title = New working group
group-new-subgroup-title = New group under { $parent }
group-edit-title = Edit { $group }
group-edit = Edit group
group-add-subgroup = Add a sub-group
group-members-manage = Members
group-archive = Archive
group-restore = Restore
group-archived = This group is archived: it keeps its history but no longer appears in lists.
group-controls = Group controls
group-reminders = Reminder lead times (days)
group-short-name-taken = A group with that short name exists at this level already.
field-short-name = Short name
field-location = Location
field-time-zone = Time zone
field-description = Description
field-meeting-reminder-days = Meeting reminder, days before
field-update-request-days = Update request to sub-groups, days before
field-action-due-days = Action point due reminder, days before
field-task-ending-days = Workplan task ending reminder, days before
invalid-days = Enter a whole number of days within the allowed range.

## Members
members-title = Members of { $group }
members-add = Add a member
members-add-submit = Add member
members-name-if-new = Name (for someone new to convene)
members-co-chair-term = A co-chair's term ends after 4 months unless you set another end date.
members-current = Members
members-terms = Role and term
members-already = This person already holds that role in the group.
members-name-needed = Nobody has this email yet: give their name to invite them.
invalid-term-order = The term cannot end before it starts.
field-role = Role
field-since = From
field-until = Until

## Profile and users
profile-title = Your profile
profile-saved = Your profile is saved.
field-title = Title
field-phone = Phone
field-language = Language
users-title = Users
users-invite = Invite someone
users-invite-submit = Send invitation
users-invited = { $email } is invited: a link to choose a password is on its way.
users-make-admin = Site administrator
users-all = All accounts
users-status = Status
users-admin = Administrator
users-deactivated = Deactivated
users-email-taken = An account with this email exists already.

## Action point lists
home-heading = Your work
nav-action-points = Action points
action-all-title = Action points of your groups
action-mine-title = Your action points
action-mine-none = Nothing is waiting for you.
action-mine-all = All your action points
action-filter-mine = Yours (you, your organisation, your groups)
action-filter-not-closed = Open or in progress
action-filter-all = Any status
action-filter-any = Any
action-filter-meeting = Raised at
action-filter-due-after = Due from
action-filter-due-before = Due until
action-filter-search = Words
action-filter-apply = Show
action-sort = Order
action-sort-due = Overdue first, then by due date
action-sort-number = Number
action-sort-topic = Topic
action-sort-status = Status
action-count = { $count ->
    [one] One action point
   *[other] { $count } action points
}
action-overdue = overdue
action-select = Select action point { $number }
action-select-column = Selection
action-bulk-status = New status for the selected
action-bulk-owner = New owner for the selected
action-bulk-apply = Apply to the selected
action-bulk-none = Select at least one action point.
action-bulk-nothing = Choose a new status or a new owner.
action-update = Update
action-update-title = Update the status
action-history = History
action-new = New action point
action-new-title = New action point for { $group }
action-no-meeting = Not raised at a meeting
action-restricted = Restricted: visible to the coordinators and the owners only
field-note = Note
history-when = When
history-who = Who
history-via = How
via-web = on the web
via-email_link = by email link
via-api = through the API
via-import = by import
via-meeting = at the meeting
invalid-owner = This is not an owner.
invalid-owner-elsewhere = Choose owners of this group: its members, an organisation, one of its sub-groups or a role.
invalid-owner-missing = Choose at least one owner.
pagination = Pages
page-previous = Previous
page-next = Next
page-of = Page { $page } of { $pages }
invalid-kind-top-level = A group at the top must be a working group.
invalid-kind-below = Only a group at the top can be a working group.
review-stuck = open through { $count } meetings
nav-directory = Directory
action-reached = Reminders reach

action-export-csv = Export CSV
action-export-xlsx = Export XLSX
action-import = Import action points
ap-import-title = Import action points into { $group }
ap-import-explain = Upload a CSV file (UTF-8) or an Excel workbook (.xlsx) whose first row names the columns; of a workbook, the first sheet is read. Nothing is saved unless every row is valid and you have confirmed.
ap-import-column-topic = The topic the item comes under. Required.
ap-import-column-action = What is to be done. Required.
ap-import-column-owners = Required; several separated by ";". Each is a member's email address, an organisation's acronym or name, a sub-group's short name, or a role: coordinator, co-chair, IM, members.
ap-import-column-due = The due date as 2014-06-20 or 20/6/2014; empty means open-ended.
ap-import-column-status = open, in progress, done or dropped; empty means open.
ap-import-column-status-note = A note on the status, kept in the item's history.
ap-import-other-columns = Other columns, such as "#" and "Raised at meeting" of an export, are left alone.
ap-import-error-unknown-owner = "{ $value }" is no member's email address, organisation, sub-group or role.
ap-import-error-owner-elsewhere = "{ $value }" is not of this group.
ap-import-error-bad-date = "{ $value }" is not a date; write it as 2014-06-20 or 20/6/2014.
ap-import-error-unknown-status = "{ $value }" is not a status; use open, in progress, done or dropped.
ap-import-preview-title = Check the import of action points into { $group }
ap-import-done-title = Action points imported into { $group }
ap-import-done = { $count ->
    [one] One action point was added.
   *[other] { $count } action points were added.
}
ap-import-back = Back to the action points

wp-import-link = Import from a spreadsheet
wp-import-title = Import a workplan into { $group }
wp-import-preview-title = Check the import of the workplan of { $group }
wp-import-done-title = Workplan imported into { $group }
wp-import-done = Tasks added: { $added }; updated: { $updated }; unchanged: { $unchanged }.
wp-import-back = Back to the workplan
wp-import-column-area = The area the task comes under; an empty cell (or a merged one) means the area of the row above. Areas not in the workplan yet are added.
wp-import-column-task = The task. Required. A task already under that area is updated rather than added again.
wp-import-column-responsible = Several separated by ";". Each is a member's email address or name, an organisation's acronym or name, a sub-group's short name, or a role: coordinator, co-chair, IM, members. They replace those the task had.
wp-import-column-start-date = A date cell, or 2014-05-01, 1 May 2014, or 01/05/2014 read in the group's date order.
wp-import-column-end-date = As the start date; not before it.
wp-import-column-status = Not started, on track, delayed, completed or cancelled; empty means not started.
wp-import-column-comments = Comments on the task.
wp-import-error-no-area = The first row needs an area.
wp-import-error-end-before-start = The task ends before it starts.
wp-import-error-repeated = The same task is already on an earlier row under this area.
wp-import-error-bad-date = "{ $value }" is not a date; write it as 2014-05-01, 1 May 2014 or 01/05/2014.
wp-import-error-unknown-status = "{ $value }" is not a status; use not started, on track, delayed, completed or cancelled.
## Workplan editing and timeline
workplan-edit-task = Edit
workplan-add-area = Add an area
workplan-rename-area = Rename
workplan-add-task = Add a task
workplan-move-up = Move up
workplan-move-down = Move down
workplan-save = Save
workplan-progress-note = Progress note
workplan-overdue = Overdue
workplan-filter-from = From
workplan-filter-to = To
workplan-filter-overdue = Overdue only
workplan-filter-apply = Filter
workplan-new-task-title = New task for { $group }
workplan-timeline-link = Timeline
workplan-table-link = Table
workplan-timeline-svg = SVG image
workplan-timeline-heading = Timeline of the workplan of { $group }
workplan-timeline-title = Workplan timeline
workplan-timeline-empty = No task has dates yet.
workplan-today = Today
invalid-task-order = The task cannot end before it starts.
invalid-task-taken = This area already has a task with this title.
invalid-area-taken = The workplan already has an area with this name.

## Languages
# Each language's own name for itself, as the language menus list it.
language-name = English
language-switch-submit = Change language
language-automatic = My browser's language
field-default-language = Default language of new members
