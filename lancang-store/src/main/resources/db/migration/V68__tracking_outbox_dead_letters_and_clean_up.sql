-- The tracking outbox (V54) is cleaned up and gives up: a delivered row older than the retention (7 days by
-- default) is deleted by a periodic task, since the event itself stays in tracking_event; an event still not delivered
-- after the retry limit becomes a dead letter (dead_at set): kept, no longer tried, listed for administrators.
ALTER TABLE tracking_delivery ADD COLUMN dead_at timestamptz;

-- The clean-up's scan: delivered rows by age.
CREATE INDEX tracking_delivery_delivered ON tracking_delivery (delivered_at) WHERE delivered_at IS NOT NULL;
