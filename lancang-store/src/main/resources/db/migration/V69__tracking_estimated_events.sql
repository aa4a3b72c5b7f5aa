-- Estimated events (issue 18): when the live forecast moves a consignment's arrival by 5 minutes or more, an ARRIVED
-- event with classifier EST (DCSA eventClassifierCode) is stored for the consignment as a whole (unit '') and goes
-- to the webhooks through the same outbox. Reported and derived steps stay ACT.
ALTER TABLE tracking_event ADD COLUMN classifier text NOT NULL DEFAULT 'ACT' CHECK (classifier IN ('ACT', 'EST'));

-- The last estimate of a consignment, read on every batch of running events.
CREATE INDEX tracking_event_estimates ON tracking_event (booking_id, seq) WHERE classifier = 'EST';
