DROP TABLE action_point_updates;
DROP TABLE action_point_owners;
DROP TABLE action_points;
