-- Freight on every network served (issue 19): each path request and booking names the network whose trains carry it,
-- so each network's freight service lists, fills and reports its own. Rows made before this migration are the home
-- network's: the reference network is china-laos. Units need no network: their stations are unique across networks.
ALTER TABLE freight_request ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
ALTER TABLE freight_booking ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
CREATE INDEX freight_request_network ON freight_request (network, created_at);
CREATE INDEX freight_booking_network ON freight_booking (network, service_date);

-- A network other than home keeps no timetable changes (its plans are its folder's): the train an approval added is
-- kept here, as the timetable file's line of its plan, and laid on its date again at every start. Home's approved
-- trains stay in timetable_change (change_id), so this is null for them.
ALTER TABLE freight_request ADD COLUMN plan_csv text;
