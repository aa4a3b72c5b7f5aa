-- A journey across two networks bought in one step (issue 19, item 4; ADR 0034). The two legs are ordinary bookings,
-- each in its own network's seats, written in the same transaction as this row; the journey is charged once for the
-- sum of its legs (payment.booking_id is the journey's id) and both legs carry that charge as their payment_id, so the
-- recovery after a stop finds the tickets issued with it. A leg is never paid, cancelled or changed alone: the sales
-- service looks a booking up here before it does (409, code journey-leg). Its state is its legs' state, so it is not
-- stored twice. No foreign keys to booking, as on the rest of the booking path (ADR 0004): the legs are only written
-- with this row and bookings are never deleted; the tests check every leg exists.
CREATE TABLE journey_booking (
    id          uuid PRIMARY KEY,
    owner       text NOT NULL,
    sold_by     text NOT NULL,
    first_leg   uuid NOT NULL UNIQUE,
    second_leg  uuid NOT NULL UNIQUE,
    currency    text NOT NULL,
    created_at  timestamptz NOT NULL,
    CHECK (first_leg <> second_leg)
);
CREATE INDEX journey_booking_owner ON journey_booking (owner, created_at);
