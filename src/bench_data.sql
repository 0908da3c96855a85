-- The benchmark's dataset, set-based. Run by bench_data.rs in one transaction on an empty
-- database after it has created `pg_temp.bench` (the sizes, `today`) and `pg_temp.pick(key,
-- salt, n)`, a seeded hash in 0..n-1, so every choice depends on the seed and the row alone,
-- never on the plan or the order rows come in. Ids are given explicitly, in a fixed order, and
-- the identity sequences are moved past them at the end. Each step starts with a `-- step:` line.

-- step: organisations
INSERT INTO organizations (id, name, acronym, kind)
SELECT o, 'Organisation ' || o || ' for ' || (ARRAY['Children', 'Refugees', 'Development', 'Relief', 'Health', 'Education'])[1 + o % 6],
       'ORG' || o,
       (ARRAY['un_agency', 'ingo', 'nngo', 'government', 'donor', 'other'])[1 + pg_temp.pick(o, 1, 6)]
  FROM pg_temp.bench, generate_series(1, organizations) AS o;

-- step: groups
-- A tree: `top` working groups (at least two), six groups below each, then the rest one
-- level further down.
INSERT INTO groups (id, parent_id, name, short_name, kind, location, time_zone, description)
SELECT g, parent,
       CASE WHEN parent IS NULL THEN 'Working group ' || g ELSE 'Group ' || g || ' below ' || parent END,
       CASE WHEN parent IS NULL THEN 'WG' || g ELSE 'G' || g END,
       CASE WHEN parent IS NULL THEN 'working_group'
            ELSE (ARRAY['sub_group', 'task_force', 'field_group'])[1 + g % 3] END,
       CASE WHEN g % 3 = 2 THEN 'Field office ' || g END,
       (ARRAY['Asia/Beirut', 'Africa/Nairobi', 'Europe/Zurich', 'America/Bogota'])[1 + pg_temp.pick(g, 2, 4)],
       'Coordinates the response of the members of group ' || g || '.'
  FROM pg_temp.bench,
       generate_series(1, groups) AS g,
       LATERAL (SELECT CASE
           WHEN g <= top THEN NULL
           WHEN g <= 7 * top THEN 1 + (g - top - 1) % top
           ELSE top + 1 + (g - 7 * top - 1) % (6 * top) END AS parent) AS p
 ORDER BY g;

-- step: people
-- Person 1 is a site administrator; 2 coordinates group 1, 3 is a member there (the bench logins).
INSERT INTO users (id, email, name, organization_id, title, locale, time_zone, is_admin, mail_delivery)
SELECT u, 'person' || u || '@bench.example.org',
       (ARRAY['Nadia', 'Omar', 'Karim', 'Hala', 'Maya', 'Rana', 'Joseph', 'Ziad', 'Layla', 'Amina',
              'Samuel', 'Grace', 'Pedro', 'Lucia', 'Ahmed', 'Fatima', 'Jean', 'Marie', 'Ivan', 'Sofia'])[1 + pg_temp.pick(u, 3, 20)]
       || ' ' ||
       (ARRAY['Haddad', 'Farah', 'Mansour', 'Nasser', 'Khalil', 'Aoun', 'Karam', 'Hamdan', 'Otieno', 'Mwangi',
              'Garcia', 'Lopez', 'Dubois', 'Martin', 'Ali', 'Hassan', 'Petrov', 'Rossi', 'Silva', 'Kim'])[1 + pg_temp.pick(u, 4, 20)]
       || ' ' || u,
       1 + pg_temp.pick(u, 5, organizations),
       (ARRAY['Coordinator', 'Programme Manager', 'Information Management Officer', 'Field Officer', 'Advisor'])[1 + u % 5],
       CASE WHEN u <= 3 THEN 'en' ELSE (ARRAY['en', 'en', 'fr', 'es', 'ar'])[1 + pg_temp.pick(u, 6, 5)] END,
       (ARRAY['UTC', 'Asia/Beirut', 'Africa/Nairobi', 'Europe/Zurich', 'America/Bogota'])[1 + pg_temp.pick(u, 7, 5)],
       u = 1,
       CASE WHEN pg_temp.pick(u, 8, 10) = 0 THEN 'daily_digest' ELSE 'immediate' END
  FROM pg_temp.bench, generate_series(1, people) AS u
 ORDER BY u;

-- step: memberships
-- Every group has a coordinator and an IM officer; everyone else joins three groups, and a
-- fifth of the people join group 1 too, which makes it the big one.
CREATE TEMP TABLE planned_memberships AS
SELECT g AS group_id, 2 + ((g - 1) * 7) % (people - 3) AS user_id, 'coordinator' AS role, 0 AS k
  FROM pg_temp.bench, generate_series(1, groups) AS g
UNION ALL
SELECT g, 2 + ((g - 1) * 7 + 3) % (people - 3), 'im_officer', 1
  FROM pg_temp.bench, generate_series(1, groups) AS g
UNION ALL
SELECT 1 + pg_temp.pick(u, 10 + k, groups), u,
       CASE WHEN pg_temp.pick(u, 20 + k, 10) = 0 THEN 'observer' ELSE 'member' END, 2 + k
  FROM pg_temp.bench, generate_series(4, people) AS u, generate_series(1, 3) AS k
UNION ALL
SELECT 1, u, 'member', 5
  FROM pg_temp.bench, generate_series(3, people) AS u
 WHERE u = 3 OR u % 5 = 0;

INSERT INTO memberships (id, group_id, user_id, role, since, until)
SELECT row_number() OVER (ORDER BY group_id, user_id, role), group_id, user_id, role, since,
       CASE WHEN k >= 2 AND user_id > 3 AND pg_temp.pick(user_id * 10 + k, 31, 20) = 0 THEN since + 400 END
  FROM (SELECT DISTINCT ON (group_id, user_id, role) *,
               DATE '2018-01-01' + pg_temp.pick(user_id * 10 + k, 30, 1500)::integer AS since
          FROM planned_memberships
         ORDER BY group_id, user_id, role, k) AS m;

-- Who may be named owner or take part: current members (not observers), numbered per group.
CREATE TEMP TABLE group_members AS
SELECT group_id, user_id, row_number() OVER (PARTITION BY group_id ORDER BY user_id) AS rn,
       count(*) OVER (PARTITION BY group_id) AS n
  FROM (SELECT DISTINCT group_id, user_id FROM memberships WHERE role <> 'observer' AND until IS NULL) AS m;
CREATE INDEX ON group_members (group_id, rn);

CREATE TEMP TABLE child_groups AS
SELECT parent_id, id, short_name, row_number() OVER (PARTITION BY parent_id ORDER BY id) AS rn,
       count(*) OVER (PARTITION BY parent_id) AS n
  FROM groups WHERE parent_id IS NOT NULL;
CREATE INDEX ON child_groups (parent_id, rn);

-- step: meetings
-- Group 1 and the groups below it hold a tenth of the meetings (half of that group 1's own),
-- as a big working group's tree of a country-wide cluster does; the other groups share the
-- rest. Each group meets at even intervals over eight years (at most every two weeks), its
-- last meeting ahead, the one before it today at 09:00 UTC: running in group 1 (the live
-- screen), scheduled elsewhere. The past ones are closed, one in 29 cancelled.
CREATE TEMP TABLE big_tree AS
WITH RECURSIVE below AS (
    SELECT 1::bigint AS id
    UNION ALL
    SELECT g.id FROM groups g JOIN below ON g.parent_id = below.id
)
SELECT id FROM below;

CREATE TEMP TABLE meeting_counts AS
WITH tree AS (
    SELECT g.id, g.id = 1 AS big, t.id IS NOT NULL AS in_tree,
           count(t.id) OVER () - 1 AS below_big, count(*) FILTER (WHERE t.id IS NULL) OVER () AS outside,
           row_number() OVER (PARTITION BY t.id IS NULL ORDER BY g.id) AS rn
      FROM groups g LEFT JOIN big_tree t ON t.id = g.id
), inside AS (
    SELECT id, CASE WHEN big THEN greatest(5, meetings / 20)
                    ELSE greatest(3, meetings / 20 / below_big) END AS n
      FROM tree, pg_temp.bench WHERE in_tree
)
SELECT id AS group_id, n FROM inside
UNION ALL
SELECT t.id, r.rest / t.outside + CASE WHEN t.rn <= r.rest % t.outside THEN 1 ELSE 0 END
  FROM tree t, (SELECT meetings - (SELECT sum(n) FROM inside) AS rest FROM pg_temp.bench) AS r
 WHERE NOT t.in_tree;

CREATE TEMP TABLE planned_meetings AS
SELECT row_number() OVER (ORDER BY c.group_id, j) AS id, c.group_id, j AS idx, c.n,
       (today + time '09:00') AT TIME ZONE 'UTC'
           + (j - c.n + 1) * least(interval '14 days', interval '8 years' / c.n) AS starts_at,
       CASE WHEN j = c.n THEN CASE WHEN c.group_id % 3 = 0 THEN 'draft' ELSE 'scheduled' END
            WHEN j = c.n - 1 THEN CASE WHEN c.group_id = 1 THEN 'in_progress' ELSE 'scheduled' END
            WHEN j % 29 = 0 THEN 'cancelled'
            ELSE 'closed' END AS status
  FROM pg_temp.bench, meeting_counts c, generate_series(1, c.n) AS j;
CREATE UNIQUE INDEX ON planned_meetings (group_id, idx);

INSERT INTO meetings (id, group_id, title, starts_at, duration_minutes, location, online_url, chair_id,
                      note_taker_id, status, published_at, closed_at, cancelled_at, created_at, updated_at)
SELECT m.id, m.group_id, 'Meeting ' || m.idx || ' of ' || g.short_name, m.starts_at, 120,
       CASE WHEN m.id % 4 <> 0 THEN 'Meeting room ' || (1 + m.id % 7) END,
       CASE WHEN m.id % 2 = 0 THEN 'https://meet.example.org/' || g.short_name END,
       c.user_id, i.user_id, m.status,
       CASE WHEN m.status <> 'draft' THEN m.starts_at - interval '7 days' END,
       CASE WHEN m.status = 'closed' THEN m.starts_at + interval '150 minutes' END,
       CASE WHEN m.status = 'cancelled' THEN m.starts_at - interval '1 day' END,
       m.starts_at - interval '10 days', m.starts_at - interval '1 day'
  FROM planned_meetings m
  JOIN groups g ON g.id = m.group_id
  JOIN memberships c ON c.group_id = m.group_id AND c.role = 'coordinator'
  JOIN memberships i ON i.group_id = m.group_id AND i.role = 'im_officer'
 ORDER BY m.id;

-- step: agenda
-- Eight items a meeting: the review, updates (with two reports under it, by groups below
-- when there are), three topics, any other business. Minutes for the meetings held.
CREATE TEMP TABLE topics AS
SELECT t, topic FROM unnest(ARRAY[
    'Coordination', 'Workplan', 'Activity Info', 'Case management', 'Psychosocial support',
    'Advocacy', 'Assessment', 'Mainstreaming', 'Capacity building', 'Funding', 'Reporting',
    'Referral pathways', 'Unaccompanied children', 'Child labour', 'Gender-based violence',
    'Education', 'Health', 'Cash assistance', 'Registration', 'Information sharing',
    'Field updates', 'Standards', 'Safe spaces', 'Winterisation', 'Contingency planning',
    'Monitoring', 'Training', 'Data protection', 'Community engagement', 'Focal points',
    'Mapping', 'Guidance notes', 'Case conferences', 'Detention', 'Documentation',
    'Alternative care', 'Family tracing', 'Legal aid', 'Outreach', 'Youth']) WITH ORDINALITY AS topics (topic, t);

INSERT INTO agenda_items (id, meeting_id, parent_id, position, title, presenter, minutes_allotted,
                          reporting_group_id, notes, decisions, updated_at)
SELECT (m.id - 1) * 8 + k, m.id,
       CASE WHEN k >= 7 THEN (m.id - 1) * 8 + 2 END,
       CASE WHEN k >= 7 THEN k - 7 ELSE k - 1 END,
       CASE k WHEN 1 THEN 'Review action points' WHEN 2 THEN 'Updates' WHEN 6 THEN 'AOB'
              WHEN 7 THEN coalesce('Report of ' || rg.short_name, 'Field update')
              WHEN 8 THEN coalesce('Report of ' || rg.short_name, 'Other sectors')
              ELSE t.topic END,
       CASE WHEN k BETWEEN 3 AND 5 THEN 'Presenter ' || (1 + pg_temp.pick(m.id * 8 + k, 40, 30)) END,
       CASE WHEN k BETWEEN 3 AND 5 THEN 15 END,
       rg.id,
       CASE WHEN m.status IN ('closed', 'in_progress') AND (m.status = 'closed' OR k <= 2)
            THEN 'The group discussed item ' || k || ' of meeting ' || m.idx || '. Partners shared '
                 || (1 + pg_temp.pick(m.id * 8 + k, 41, 12)) || ' updates; follow-up is listed below.'
            ELSE '' END,
       CASE WHEN m.status = 'closed' AND pg_temp.pick(m.id * 8 + k, 42, 4) = 0
            THEN 'Agreed to continue as proposed.' ELSE '' END,
       m.starts_at
  FROM planned_meetings m
       CROSS JOIN generate_series(1, 8) AS k
       LEFT JOIN topics t ON t.t = 1 + pg_temp.pick(m.id * 8 + k, 43, 40)
       LEFT JOIN child_groups rg ON k >= 7 AND rg.parent_id = m.group_id
                                AND rg.rn = 1 + pg_temp.pick(m.id * 8 + k, 44, rg.n)
 ORDER BY 1;

UPDATE meetings SET current_agenda_item_id = (id - 1) * 8 + 2 WHERE status = 'in_progress';

-- step: attendance
-- Up to twelve of the group's members are asked; about three in four come or send apologies.
-- A guest at every fourth meeting.
INSERT INTO attendance (meeting_id, user_id, guest_name, guest_organization, organization_id, status, created_at)
SELECT m.id, gm.user_id, NULL, NULL, NULL,
       CASE WHEN pg_temp.pick(m.id * 100 + gm.rn, 51, 6) = 0 THEN 'apologies' ELSE 'present' END,
       m.starts_at
  FROM planned_meetings m
  JOIN group_members gm ON gm.group_id = m.group_id AND gm.rn <= 12
 WHERE m.status IN ('closed', 'in_progress') AND pg_temp.pick(m.id * 100 + gm.rn, 50, 4) <> 0
UNION ALL
SELECT m.id, NULL, 'Guest ' || m.id, 'Partner organisation', 1 + pg_temp.pick(m.id, 52, organizations), 'present',
       m.starts_at
  FROM planned_meetings m, pg_temp.bench
 WHERE m.status = 'closed' AND m.id % 4 = 0
 ORDER BY 1, 2;

-- step: action points
-- Raised at the meetings held, under one of their topics; each then gets 0 to 3 status
-- updates (1.75 on average, by its number modulo 8), given at the group's following
-- meetings while there are any, on the web otherwise.
CREATE TEMP TABLE held AS
SELECT row_number() OVER (ORDER BY id) AS rn, count(*) OVER () AS n, id, group_id, idx, starts_at
  FROM planned_meetings WHERE status = 'closed';
CREATE UNIQUE INDEX ON held (rn);

CREATE TEMP TABLE planned_points AS
SELECT a AS id, h.id AS meeting_id, h.group_id, h.idx,
       (h.id - 1) * 8 + 3 + pg_temp.pick(a, 60, 3) AS agenda_item_id,
       h.starts_at + interval '60 minutes' + (a % 50) * interval '1 minute' AS created_at,
       (ARRAY[0, 1, 1, 2, 2, 2, 3, 3])[1 + a % 8] AS changes
  FROM pg_temp.bench, generate_series(1, action_points) AS a
  JOIN held h ON h.rn = 1 + pg_temp.pick(a, 61, (SELECT n FROM held LIMIT 1));

-- A change given at a meeting the group held (or cancelled) takes that meeting's time; one
-- after the group's last past meeting follows it by a few hours, so each history stays in order.
CREATE TEMP TABLE planned_updates AS
SELECT p.id AS action_point_id, j,
       CASE WHEN r.starts_at < last_past.starts_at + interval '1 minute'
            THEN r.starts_at + interval '10 minutes' + (p.id % 50) * interval '1 second'
            ELSE last_past.starts_at + interval '3 hours' + j * interval '1 minute' END AS created_at,
       CASE WHEN r.status = 'closed' THEN r.id END AS meeting_id,
       s.new_status,
       CASE s.new_status WHEN 'done' THEN 'Done and shared' WHEN 'dropped' THEN 'No longer needed'
                         WHEN 'open' THEN 'Reopened: not started yet' ELSE 'Under way, update ' || j END AS note,
       CASE WHEN r.status = 'closed' THEN 'meeting' ELSE (ARRAY['web', 'email_link', 'api'])[1 + p.id % 3] END AS via
  FROM planned_points p
       CROSS JOIN LATERAL generate_series(1, p.changes) AS j
       JOIN planned_meetings last_past ON last_past.group_id = p.group_id AND last_past.idx = last_past.n - 2
       LEFT JOIN planned_meetings r ON r.group_id = p.group_id AND r.idx = p.idx + j
       CROSS JOIN LATERAL (SELECT CASE WHEN j < p.changes THEN 'in_progress' ELSE
           (ARRAY['done', 'done', 'done', 'done', 'done', 'in_progress', 'in_progress', 'in_progress', 'dropped', 'open'])
               [1 + pg_temp.pick(p.id, 62, 10)] END AS new_status) AS s;

INSERT INTO action_points (id, group_id, number, meeting_id, agenda_item_id, topic, text, due_date, status,
                           status_note, status_changed_at, restricted, created_by, created_at, updated_at)
SELECT p.id, p.group_id, row_number() OVER (PARTITION BY p.group_id ORDER BY p.created_at, p.id),
       p.meeting_id, p.agenda_item_id, i.title,
       (ARRAY['Share', 'Circulate', 'Update', 'Review', 'Draft', 'Follow up on', 'Map', 'Report on'])[1 + pg_temp.pick(p.id, 63, 8)]
           || ' the ' || lower(i.title) || ' '
           || (ARRAY['guidance', 'figures', 'mapping', 'key messages', 'presentation', 'terms of reference'])[1 + pg_temp.pick(p.id, 64, 6)]
           || ' with the members (point ' || p.id || ').',
       CASE WHEN pg_temp.pick(p.id, 65, 5) <> 0 THEN p.created_at::date + 7 + pg_temp.pick(p.id, 66, 54)::integer END,
       coalesce(last.new_status, 'open'),
       coalesce(last.note, ''),
       last.created_at,
       pg_temp.pick(p.id, 67, 20) = 0,
       mt.note_taker_id, p.created_at, coalesce(last.created_at, p.created_at)
  FROM planned_points p
  JOIN agenda_items i ON i.id = p.agenda_item_id
  JOIN meetings mt ON mt.id = p.meeting_id
  LEFT JOIN planned_updates last ON last.action_point_id = p.id AND last.j = p.changes
 ORDER BY p.id;

-- The first row of every history, then the changes, each from the status before it.
INSERT INTO action_point_updates (id, action_point_id, user_id, meeting_id, old_status, new_status, note, via, created_at)
SELECT row_number() OVER (ORDER BY action_point_id, j), action_point_id, user_id, meeting_id,
       lag(new_status) OVER (PARTITION BY action_point_id ORDER BY j), new_status, note, via, created_at
  FROM (SELECT p.id AS action_point_id, 0 AS j, mt.note_taker_id AS user_id, p.meeting_id, 'open' AS new_status,
               '' AS note, 'meeting' AS via, p.created_at
          FROM planned_points p JOIN meetings mt ON mt.id = p.meeting_id
        UNION ALL
        SELECT u.action_point_id, u.j, gm.user_id, u.meeting_id, u.new_status, u.note, u.via, u.created_at
          FROM planned_updates u
          JOIN planned_points p ON p.id = u.action_point_id
          LEFT JOIN group_members gm ON gm.group_id = p.group_id
                                    AND gm.rn = 1 + pg_temp.pick(u.action_point_id * 4 + u.j, 68, gm.n)) AS h;

-- step: owners
-- One owner each (a role, a member, an organisation, or a group below), a member beside it
-- for every third.
CREATE TEMP TABLE ap_owner_kinds AS
SELECT p.id, p.group_id, pg_temp.pick(p.id, 70, 10) AS kind FROM planned_points p;

INSERT INTO action_point_owners (action_point_id, user_id, organization_id, group_id, role)
SELECT action_point_id, user_id, organization_id, group_id, role FROM (
    SELECT o.id AS action_point_id, 0 AS k,
           CASE WHEN o.kind BETWEEN 4 AND 6 THEN gm.user_id END AS user_id,
           CASE WHEN o.kind IN (7, 8) THEN 1 + pg_temp.pick(o.id, 71, b.organizations) END AS organization_id,
           CASE WHEN o.kind = 9 THEN cg.id END AS group_id,
           CASE WHEN o.kind IN (0, 1) THEN 'coordinator' WHEN o.kind = 2 THEN 'im_officer'
                WHEN o.kind = 3 OR (o.kind = 9 AND cg.id IS NULL) THEN 'member' END AS role
      FROM ap_owner_kinds o
           CROSS JOIN pg_temp.bench b
           LEFT JOIN group_members gm ON gm.group_id = o.group_id AND gm.rn = 1 + pg_temp.pick(o.id, 72, gm.n)
           LEFT JOIN child_groups cg ON cg.parent_id = o.group_id AND cg.rn = 1 + pg_temp.pick(o.id, 73, cg.n)
    UNION ALL
    SELECT o.id, 1, gm.user_id, NULL, NULL, NULL
      FROM ap_owner_kinds o
      JOIN group_members gm ON gm.group_id = o.group_id AND gm.rn = 1 + pg_temp.pick(o.id, 74, gm.n)
     WHERE o.id % 3 = 0) AS owners
 ORDER BY action_point_id, k
ON CONFLICT DO NOTHING;

-- step: workplan
-- Five areas a group; a tenth of the tasks are group 1's, the rest shared out evenly.
INSERT INTO workplan_areas (id, group_id, name, position)
SELECT (g - 1) * 5 + p + 1, g,
       (ARRAY['Coordination', 'Monitoring, Reporting and Assessment', 'Policy and Implementation',
              'Capacity Building', 'Advocacy'])[p + 1], p
  FROM pg_temp.bench, generate_series(1, groups) AS g, generate_series(0, 4) AS p
 ORDER BY 1;

CREATE TEMP TABLE planned_tasks AS
SELECT row_number() OVER (ORDER BY g, j) AS id, g AS group_id, (g - 1) * 5 + 1 + j % 5 AS area_id, j,
       today - 365 + pg_temp.pick(g * 100000 + j, 80, 600)::integer AS start_date,
       14 + pg_temp.pick(g * 100000 + j, 82, 170)::integer AS days
  FROM pg_temp.bench,
       generate_series(1, groups) AS g,
       LATERAL (SELECT CASE WHEN g = 1 THEN greatest(1, tasks / 10)
                            ELSE (tasks - greatest(1, tasks / 10)) / (groups - 1)
                                 + CASE WHEN g - 1 <= (tasks - greatest(1, tasks / 10)) % (groups - 1) THEN 1 ELSE 0 END
                       END AS n) AS counts,
       generate_series(1, n) AS j;

INSERT INTO workplan_tasks (id, area_id, position, title, start_date, end_date, status, progress_note, comments)
SELECT t.id, t.area_id, row_number() OVER (PARTITION BY t.area_id ORDER BY t.j) - 1,
       'Task ' || t.j || ': ' || (ARRAY['Establish', 'Review', 'Roll out', 'Train partners on', 'Update', 'Map'])[1 + pg_temp.pick(t.id, 81, 6)]
           || ' ' || lower(tp.topic),
       t.start_date, t.start_date + t.days,
       CASE WHEN t.start_date > b.today THEN 'not_started'
            WHEN t.start_date + t.days < b.today
                 THEN (ARRAY['completed', 'completed', 'completed', 'cancelled', 'delayed'])[1 + pg_temp.pick(t.id, 83, 5)]
            ELSE (ARRAY['on_track', 'on_track', 'delayed'])[1 + pg_temp.pick(t.id, 84, 3)] END,
       CASE WHEN t.start_date <= b.today THEN 'Progress reported at the last meeting.' ELSE '' END,
       CASE WHEN t.id % 4 = 0 THEN 'Shared with the members.' ELSE '' END
  FROM planned_tasks t
  CROSS JOIN pg_temp.bench b
  JOIN topics tp ON tp.t = 1 + pg_temp.pick(t.id, 85, 40)
 ORDER BY t.id;

INSERT INTO workplan_task_owners (task_id, user_id, organization_id, group_id, role)
SELECT t.id,
       NULL,
       CASE WHEN pg_temp.pick(t.id, 86, 3) = 1 THEN 1 + pg_temp.pick(t.id, 87, b.organizations) END,
       CASE WHEN pg_temp.pick(t.id, 86, 3) = 0 THEN cg.id END,
       CASE WHEN pg_temp.pick(t.id, 86, 3) = 2 OR (pg_temp.pick(t.id, 86, 3) = 0 AND cg.id IS NULL) THEN 'coordinator' END
  FROM planned_tasks t
  CROSS JOIN pg_temp.bench b
  LEFT JOIN child_groups cg ON cg.parent_id = t.group_id AND cg.rn = 1 + pg_temp.pick(t.id, 88, cg.n)
 ORDER BY t.id;

-- A tenth of the tasks follow up an action point of their group, another tenth a meeting.
CREATE TEMP TABLE linkable AS
SELECT kind, group_id, id, row_number() OVER (PARTITION BY kind, group_id ORDER BY id) AS rn,
       count(*) OVER (PARTITION BY kind, group_id) AS n
  FROM (SELECT 'point' AS kind, group_id, id FROM planned_points
        UNION ALL
        SELECT 'meeting', group_id, id FROM held) AS candidates;
CREATE INDEX ON linkable (kind, group_id, rn);

INSERT INTO workplan_task_action_points (task_id, action_point_id)
SELECT t.id, gp.id
  FROM planned_tasks t
  JOIN linkable gp ON gp.kind = 'point' AND gp.group_id = t.group_id AND gp.rn = 1 + pg_temp.pick(t.id, 89, gp.n)
 WHERE t.id % 10 = 0
 ORDER BY t.id;

INSERT INTO workplan_task_meetings (task_id, meeting_id, area_id, group_id)
SELECT t.id, gh.id, t.area_id, t.group_id
  FROM planned_tasks t
  JOIN linkable gh ON gh.kind = 'meeting' AND gh.group_id = t.group_id AND gh.rn = 1 + pg_temp.pick(t.id, 90, gh.n)
 WHERE t.id % 10 = 5
 ORDER BY t.id;

-- step: sequences
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['organizations', 'groups', 'users', 'memberships', 'meetings', 'agenda_items',
                                'attendance', 'action_points', 'action_point_owners', 'action_point_updates',
                                'workplan_areas', 'workplan_tasks', 'workplan_task_owners'] LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), greatest(1, (SELECT max(id) FROM %I)))',
                       name, name);
    END LOOP;
END
$$;
