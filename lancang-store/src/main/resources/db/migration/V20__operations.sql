-- Live operations (issue 14). Running events are stored before they are acknowledged; one row per train run, point
-- and kind, so a repeated report is recognised and changes nothing.
CREATE TABLE running_event (
    id            bigserial PRIMARY KEY,
    train         text NOT NULL,
    service_date  date NOT NULL,
    point         text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('ARRIVAL', 'DEPARTURE', 'PASS')),
    at            timestamptz NOT NULL,
    source        text NOT NULL,
    received_by   text NOT NULL,
    received_at   timestamptz NOT NULL,
    -- date first: the same index finds a repeat and reads a day's events back (one index to update per event)
    UNIQUE (service_date, train, point, kind)
);

-- What the dispatcher ordered when applying a re-planning: who, when, what (a train held at a point until a time,
-- or the new order of trains on a single-track line).
CREATE TABLE dispatching_order (
    id            bigserial PRIMARY KEY,
    service_date  date NOT NULL,
    issued_by     text NOT NULL,
    issued_at     timestamptz NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('HOLD', 'LINE_ORDER')),
    train         text,
    train_date    date,
    point         text,
    hold_until    timestamptz,
    waits_for     text,
    line          text,
    line_order    text[],
    text          text NOT NULL
);
CREATE INDEX dispatching_order_date ON dispatching_order (service_date, id);

-- Which forecast thresholds (every 15 minutes of delay at the passenger's arrival stop) a booking was told about.
CREATE TABLE forecast_notice (
    booking_id    uuid NOT NULL,
    threshold     integer NOT NULL,
    notified_at   timestamptz NOT NULL,
    PRIMARY KEY (booking_id, threshold)
);
