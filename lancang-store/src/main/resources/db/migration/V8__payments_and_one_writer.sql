-- Payments as a state of their own against the booking (issue 12).
-- Every charge and refund is recorded here before the payment provider is asked, so that a payment left half-way (the
-- server stopped between asking the provider and recording its answer) is found and settled at the next start: a
-- charge is captured only for the ticket issued with it (booking.payment_id), and voided otherwise; a refund owed is
-- asked for until the provider has made it. provider_key is the idempotency key sent to the provider: the client's key
-- with a prefix per purpose ("pay:", "change:"), or one Lancang derives for a refund it owes.
CREATE TABLE payment (
    id                  bigserial PRIMARY KEY,
    provider_key        text NOT NULL UNIQUE,
    client_key          text,
    requested_on        uuid NOT NULL,
    booking_id          uuid NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
    purpose             text NOT NULL CHECK (purpose IN ('PAYMENT', 'CHANGE', 'CANCELLATION')),
    status              text NOT NULL CHECK (status IN ('PENDING', 'AUTHORIZED', 'CAPTURED', 'VOIDED', 'FAILED', 'REFUNDED')),
    amount_minor        bigint NOT NULL CHECK (amount_minor > 0),
    currency            text NOT NULL,
    provider_reference  text,
    note                text,
    created_at          timestamptz NOT NULL,
    settled_at          timestamptz
);
CREATE INDEX payment_booking ON payment (booking_id);
CREATE INDEX payment_unsettled ON payment (created_at) WHERE status IN ('PENDING', 'AUTHORIZED');

-- The charge a booking's tickets were issued with: the one charge of the booking that may be captured.
ALTER TABLE booking ADD COLUMN payment_id bigint;

-- The simulated payment provider's own books. A real provider keeps these on its side; the simulation keeps them in
-- a table of their own, written only by the provider, so that tests and `lancang sales reconcile` can hold Lancang's
-- bookings against what the provider says it reserved, took and gave back. One row per idempotency key.
CREATE TABLE simulated_provider_ledger (
    key                 text PRIMARY KEY,
    reference           text NOT NULL,
    kind                text NOT NULL CHECK (kind IN ('CHARGE', 'REFUND')),
    status              text NOT NULL CHECK (status IN ('AUTHORIZED', 'CAPTURED', 'VOIDED', 'REFUNDED')),
    amount_minor        bigint NOT NULL CHECK (amount_minor > 0),
    currency            text NOT NULL,
    provider_reference  text NOT NULL UNIQUE,
    description         text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX simulated_provider_ledger_reference ON simulated_provider_ledger (reference);

-- One database serves exactly one Lancang server: the server holds a PostgreSQL advisory lock for its whole life (on a
-- connection of its own) and writes who it is here, so that a second server is refused with a message naming the
-- first. The row is removed when the server stops cleanly; a killed server's row is overwritten by the next one.
CREATE TABLE lancang_server (
    id          integer PRIMARY KEY CHECK (id = 1),
    host        text NOT NULL,
    pid         bigint NOT NULL,
    started_at  timestamptz NOT NULL,
    version     text
);
