DROP FUNCTION person_language(bigint);
ALTER TABLE groups DROP COLUMN default_locale;
UPDATE users SET locale = 'en' WHERE locale IS NULL;
ALTER TABLE users ALTER COLUMN locale SET DEFAULT 'en', ALTER COLUMN locale SET NOT NULL;
