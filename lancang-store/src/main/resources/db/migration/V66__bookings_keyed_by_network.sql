-- Sales on a network other than home (issue 19, ADR 0027): every booking names the network whose train it is sold
-- on, so each network's seat inventory is rebuilt from its own bookings and each network's holds expire through its
-- own timetable. Bookings made before this migration are the home network's: the reference network is china-laos.
ALTER TABLE booking ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
DROP INDEX booking_run;
CREATE INDEX booking_run ON booking (network, train, service_date) WHERE status IN ('HELD', 'TICKETED');
