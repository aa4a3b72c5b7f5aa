-- Operations on every network served (issue 19): each running event and dispatching order names the network whose
-- train it is, so each network's forecast is rebuilt from its own events and orders only. Train numbers are unique
-- across the networks served, so the unique key of an event stays as it was. Rows before this migration are the home
-- network's: the reference network is china-laos.
ALTER TABLE running_event ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
ALTER TABLE dispatching_order ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
DROP INDEX dispatching_order_date;
CREATE INDEX dispatching_order_date ON dispatching_order (network, service_date, id);
