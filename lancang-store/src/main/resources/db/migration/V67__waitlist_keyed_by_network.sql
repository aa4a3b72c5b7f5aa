-- The waitlist of a run is its network's, as its bookings are (V66, ADR 0027). Entries before this migration are the
-- home network's (china-laos).
ALTER TABLE waitlist_entry ADD COLUMN network text NOT NULL DEFAULT 'china-laos';
