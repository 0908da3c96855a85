-- The database session (its backend pid) that claimed a mail: when that session is gone, its worker
-- died, and another worker takes the mail over at once instead of waiting for the lease to run out.
ALTER TABLE outbox ADD COLUMN claimed_by integer;
