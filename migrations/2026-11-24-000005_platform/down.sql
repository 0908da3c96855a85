DROP TABLE audit_log;
DROP TABLE tokens;
DROP TABLE sessions;
DROP TABLE outbox;
