-- First handlers per department and window (issue 11, item 3): the window a clerk sits at, and a department's rule
-- may send its online and agent cases to the clerks on duty at one of the windows that serve it. Without a window
-- (or with nobody on duty there) the rule chooses among all the department's clerks on duty, as before.
ALTER TABLE directory_account ADD COLUMN window_id BIGINT REFERENCES directory_service_window (id);
ALTER TABLE directory_routing_rule ADD COLUMN window_id BIGINT REFERENCES directory_service_window (id);
