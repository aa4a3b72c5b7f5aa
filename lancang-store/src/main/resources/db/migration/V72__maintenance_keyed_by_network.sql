-- Maintenance on every network served (issue 19): each network keeps its own asset register, defects, work orders
-- and skylight windows, so each row names its network. Rows before this migration are the home network's: the
-- reference network is china-laos. Inspections and photos belong to an asset or a defect, and so to its network.
ALTER TABLE asset ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
ALTER TABLE defect ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
ALTER TABLE work_order ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
ALTER TABLE skylight_window ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
-- A window's points were checked against network_point, which holds the home network alone (the others are read
-- from their folders at every start): the service checks the points against the window's own network instead.
ALTER TABLE skylight_window DROP CONSTRAINT skylight_window_from_point_fkey;
ALTER TABLE skylight_window DROP CONSTRAINT skylight_window_to_point_fkey;
CREATE INDEX asset_network ON asset (network);
