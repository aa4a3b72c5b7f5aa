-- Freight on every network served (issue 19): each path request and booking names the network whose trains carry it,
-- so each network's freight service lists, fills and reports its own. Rows made before this migration are the home
-- network's: the reference network is china-laos. Units need no network: their stations are unique across networks.
ALTER TABLE freight_request ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
ALTER TABLE freight_booking ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
CREATE INDEX freight_request_network ON freight_request (network, created_at);
CREATE INDEX freight_booking_network ON freight_booking (network, service_date);

-- The train an approval added, as the timetable file's line of its plan: a record kept with the request on every
-- network (the train itself joins the plan as a published timetable change of origin FREIGHT, change_id).
ALTER TABLE freight_request ADD COLUMN plan_csv text;
