-- The first handler hears of every warning of a case they are responsible for (issue 11, item 3): the warning last
-- told, so that a case turning yellow, then red, is told once each, and again when a later stage turns yellow.
ALTER TABLE supervision_case ADD COLUMN alerted_warning VARCHAR(8) DEFAULT 'NONE' NOT NULL;
