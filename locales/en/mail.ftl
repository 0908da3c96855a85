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
