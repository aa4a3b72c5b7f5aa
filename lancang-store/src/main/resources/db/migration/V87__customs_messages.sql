-- The advance cargo data as sent to each border's customs (issue 19, the manifest delivered): one row per message,
-- written in the same transaction as the submission that it reports, so a submission acknowledged has its message
-- and a submission refused or lost has none. Rows are never updated or deleted: an amendment is a new row with the
-- next version that names the first message (original), so what went out stays as it went out.
--
-- Customs' systems take their messages by polling "after seq N" for their country (receiver); every writer takes one
-- transaction-scoped advisory lock first (CustomsService), so seq follows commit order and a poller misses none.
CREATE TABLE customs_message (
    seq           bigserial PRIMARY KEY,
    network       text NOT NULL,
    train         text NOT NULL,
    service_date  date NOT NULL,
    border        text NOT NULL,
    control       text NOT NULL,
    receiver      text NOT NULL,
    version       integer NOT NULL CHECK (version >= 1),
    reference     text NOT NULL UNIQUE,
    original      text,
    consignments  text[] NOT NULL,
    body          text NOT NULL,
    sent_by       text NOT NULL,
    created_at    timestamptz NOT NULL,
    UNIQUE (network, train, service_date, border, version),
    CHECK ((version = 1) = (original IS NULL))
);
CREATE INDEX customs_message_receiver ON customs_message (receiver, seq);
