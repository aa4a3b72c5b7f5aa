-- Freight tracking (issue 18). Rows are never deleted: what happened to a box stays, and so does what was sent.

-- A step of a unit (box or wagon) of a consignment (freight_booking). event_id is a name-based UUID of consignment,
-- unit, step and place, so a fact reported twice (or derived again from a repeated running event) is refused by the
-- unique index and is the same event for every receiver. seq numbers the events in commit order: every writer takes
-- one transaction-scoped advisory lock first (TrackingService), so a reader polling "after seq N" misses none.
-- No foreign key to freight_booking: the insert joins it (an unknown booking writes nothing), as ADR 0004 argues.
CREATE TABLE tracking_event (
    seq           bigserial PRIMARY KEY,
    event_id      uuid NOT NULL UNIQUE,
    booking_id    text NOT NULL,
    shipper       text NOT NULL,
    unit          text NOT NULL,
    type          text NOT NULL CHECK (type IN ('GATE_IN', 'LOADED', 'DEPARTED', 'PASSED', 'BORDER_EXIT',
                      'BORDER_ENTRY', 'CUSTOMS_RELEASE', 'ARRIVED', 'TRANSSHIPPED', 'DELIVERED', 'EMPTY_RETURNED')),
    location      text NOT NULL,
    at            timestamptz NOT NULL,
    train         text,
    service_date  date,
    source        text NOT NULL,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX tracking_event_booking ON tracking_event (booking_id, unit, at);
CREATE INDEX tracking_event_shipper ON tracking_event (shipper, seq);

-- A webhook subscription: a shipper's own consignments (or one of them), or every consignment for the railway.
-- The secret signs each delivery (HMAC-SHA256); it must be kept to sign, so it is stored as it is.
CREATE TABLE tracking_subscription (
    id                 uuid PRIMARY KEY,
    owner              text NOT NULL,
    every_consignment  boolean NOT NULL,
    booking_id         text,
    callback_url       text NOT NULL,
    secret             text NOT NULL,
    created_at         timestamptz NOT NULL,
    cancelled_at       timestamptz
);

-- The outbox: one row per event and subscription, written in the event's own transaction, so a committed event is
-- delivered whatever stops (ADR 0023). Delivered rows stay as the record of what was sent and when.
CREATE TABLE tracking_delivery (
    subscription_id  uuid NOT NULL,
    seq              bigint NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_error       text,
    PRIMARY KEY (subscription_id, seq)
);
CREATE INDEX tracking_delivery_due ON tracking_delivery (subscription_id, next_attempt_at) WHERE delivered_at IS NULL;
