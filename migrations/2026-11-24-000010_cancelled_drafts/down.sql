-- Cancelled drafts count as published at their cancellation to meet the older rule.
UPDATE meetings SET published_at = cancelled_at WHERE status = 'cancelled' AND published_at IS NULL;
ALTER TABLE meetings DROP CONSTRAINT meetings_published_at_check;
ALTER TABLE meetings ADD CONSTRAINT meetings_published_at_check CHECK (status = 'draft' OR published_at IS NOT NULL);
