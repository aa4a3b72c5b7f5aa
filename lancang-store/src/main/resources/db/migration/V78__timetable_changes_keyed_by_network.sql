-- Timetable changes on every network (issue 19): each change names the network whose timetable it changes, so each
-- network's change service reads back its own drafts and published changes over its own base plan. Changes made
-- before this migration are the home network's: the reference network is china-laos. The publication order
-- (published_seq) stays one sequence for all networks: only the order within a network matters.
ALTER TABLE timetable_change ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
CREATE INDEX timetable_change_network ON timetable_change (network);
