DROP TABLE audit_log;
DROP TABLE tokens;
DROP TABLE login_attempts;
DROP TABLE sessions;
DROP TABLE outbox;
