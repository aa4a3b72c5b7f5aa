-- Freight tracking on every network served and past the Vientiane South transshipment (issue 19).

-- Each event says on which network it happened, which carrier (operator) had the unit there, the time zone of its
-- point (so a page shows each time in its own zone) and what happened in words (the train, the gauge). Rows made
-- before this migration are the home network's; their carrier and zone are left empty rather than guessed.
ALTER TABLE tracking_event ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
ALTER TABLE tracking_event ADD COLUMN carrier text;
ALTER TABLE tracking_event ADD COLUMN zone text;
ALTER TABLE tracking_event ADD COLUMN detail text;

-- The onward leg of a through consignment: the train of the second network that takes its boxes on from the
-- transshipment point, and the booking of that network's wagons made for them (a freight_booking of that network,
-- so its capacity is counted with every other booking of the train). Set once per consignment.
ALTER TABLE freight_through ADD COLUMN onward_booking text UNIQUE;
ALTER TABLE freight_through ADD COLUMN onward_train text;
ALTER TABLE freight_through ADD COLUMN onward_date date;
CREATE INDEX freight_through_onward ON freight_through (onward_train, onward_date) WHERE onward_train IS NOT NULL;
