-- Changes (exchanges) and the waitlist.
-- A changed booking is CHANGED and points to the booking that replaced it; the replacement points back. The change's
-- client key makes a retried change return the same replacement (and never charge the difference twice).
ALTER TABLE booking DROP CONSTRAINT booking_status_check;
ALTER TABLE booking ADD CONSTRAINT booking_status_check
    CHECK (status IN ('HELD', 'TICKETED', 'CANCELLED', 'EXPIRED', 'CHANGED'));
ALTER TABLE booking ADD COLUMN changed_to uuid REFERENCES booking (id);
ALTER TABLE booking ADD COLUMN changed_from uuid REFERENCES booking (id);
ALTER TABLE booking ADD COLUMN change_key text UNIQUE;
-- What the change charged (positive) or refunded (negative) on top of what the old booking had cost.
ALTER TABLE booking ADD COLUMN change_difference_minor bigint;

-- Passengers waiting for a sold-out class on a journey, served in the order they joined (seq).
CREATE TABLE waitlist_entry (
    id               uuid PRIMARY KEY,
    seq              bigserial UNIQUE,
    train            text NOT NULL,
    service_date     date NOT NULL,
    from_code        text NOT NULL,
    to_code          text NOT NULL,
    from_stop        integer NOT NULL,
    to_stop          integer NOT NULL CHECK (to_stop > from_stop),
    seat_class       text NOT NULL,
    currency         text NOT NULL,
    owner            text NOT NULL REFERENCES app_user (username),
    created_at       timestamptz NOT NULL,
    departs_at       timestamptz NOT NULL,
    status           text NOT NULL CHECK (status IN ('WAITING', 'OFFERED', 'FULFILLED', 'EXPIRED', 'CANCELLED')),
    booking_id       uuid REFERENCES booking (id),
    offered_at       timestamptz
);
CREATE INDEX waitlist_run ON waitlist_entry (train, service_date, seq) WHERE status = 'WAITING';
CREATE INDEX waitlist_owner ON waitlist_entry (owner);
CREATE INDEX waitlist_booking ON waitlist_entry (booking_id);

CREATE TABLE waitlist_passenger (
    entry_id         uuid NOT NULL REFERENCES waitlist_entry (id),
    idx              integer NOT NULL,
    name             text NOT NULL,
    document_type    text NOT NULL,
    document_number  text NOT NULL,
    nationality      text NOT NULL,
    date_of_birth    date NOT NULL,
    document_expiry  date,
    PRIMARY KEY (entry_id, idx)
);

-- What a passenger is told: a waitlisted seat held for them, and until when.
CREATE TABLE notification (
    id               bigserial PRIMARY KEY,
    owner            text NOT NULL REFERENCES app_user (username),
    created_at       timestamptz NOT NULL,
    kind             text NOT NULL,
    booking_id       uuid REFERENCES booking (id),
    message          text NOT NULL
);
CREATE INDEX notification_owner ON notification (owner, id);
