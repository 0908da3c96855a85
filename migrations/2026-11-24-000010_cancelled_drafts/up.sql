-- A draft may be cancelled without ever being published: it was never announced.
ALTER TABLE meetings DROP CONSTRAINT meetings_published_at_check;
ALTER TABLE meetings ADD CONSTRAINT meetings_published_at_check
    CHECK (status IN ('draft', 'cancelled') OR published_at IS NOT NULL);
