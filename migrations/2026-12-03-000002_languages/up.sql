-- A person's language is theirs to choose: until they do (NULL), pages follow their
-- browser and mail their group's default language.
ALTER TABLE users ALTER COLUMN locale DROP NOT NULL, ALTER COLUMN locale DROP DEFAULT;
-- Nobody could choose another language before, so 'en' was never a choice.
UPDATE users SET locale = NULL WHERE locale = 'en';

ALTER TABLE groups ADD COLUMN default_locale text NOT NULL DEFAULT 'en'
    CHECK (default_locale IN ('en', 'fr', 'es', 'ar'));

-- The language to write to a person in: their own, else the default of the group
-- they joined first, else English.
CREATE FUNCTION person_language(person bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT u.locale FROM users u WHERE u.id = person),
        (SELECT g.default_locale FROM memberships m JOIN groups g ON g.id = m.group_id
          WHERE m.user_id = person ORDER BY m.since, m.id LIMIT 1),
        'en')
$$;
