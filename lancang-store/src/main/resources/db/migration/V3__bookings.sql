-- Passenger bookings. A booking holds seats on one train run (train + service date) from one stop to another; it is
-- HELD until paid (or it expires), then TICKETED; CANCELLED and EXPIRED bookings hold nothing.
CREATE TABLE booking (
    id               uuid PRIMARY KEY,
    train            text NOT NULL,
    service_date     date NOT NULL,
    from_code        text NOT NULL,
    to_code          text NOT NULL,
    from_stop        integer NOT NULL,
    to_stop          integer NOT NULL CHECK (to_stop > from_stop),
    seat_class       text NOT NULL,
    status           text NOT NULL CHECK (status IN ('HELD', 'TICKETED', 'CANCELLED', 'EXPIRED')),
    owner            text NOT NULL REFERENCES app_user (username),
    sold_by          text NOT NULL REFERENCES app_user (username),
    created_at       timestamptz NOT NULL,
    hold_expires_at  timestamptz NOT NULL,
    currency         text NOT NULL,
    total_minor      bigint NOT NULL CHECK (total_minor >= 0),
    payment_key      text UNIQUE,
    paid_at          timestamptz,
    cancelled_at     timestamptz,
    fee_minor        bigint,
    refund_minor     bigint
);
CREATE INDEX booking_run ON booking (train, service_date) WHERE status IN ('HELD', 'TICKETED');
CREATE INDEX booking_owner ON booking (owner);
CREATE INDEX booking_expiry ON booking (hold_expires_at) WHERE status = 'HELD';

CREATE TABLE booking_passenger (
    booking_id       uuid NOT NULL REFERENCES booking (id),
    idx              integer NOT NULL,
    name             text NOT NULL,
    document_type    text NOT NULL,
    document_number  text NOT NULL,
    document_key     text NOT NULL,
    nationality      text NOT NULL,
    date_of_birth    date NOT NULL,
    document_expiry  date,
    seat_index       integer NOT NULL,
    car              integer NOT NULL,
    seat             text NOT NULL,
    ticket_number    text UNIQUE,
    PRIMARY KEY (booking_id, idx)
);
CREATE INDEX booking_passenger_document ON booking_passenger (document_key);
