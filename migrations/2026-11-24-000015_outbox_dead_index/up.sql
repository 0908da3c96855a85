-- Dead mail is counted at every /metrics scrape and on the outbox page: through this
-- index the count reads the dead rows alone, not every mail ever sent.
CREATE INDEX outbox_dead_idx ON outbox (dead_at) WHERE dead_at IS NOT NULL;
