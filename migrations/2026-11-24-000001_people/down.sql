DROP TABLE memberships;
DROP TABLE groups;
DROP TABLE users;
DROP TABLE organizations;
DROP FUNCTION is_time_zone(text);
