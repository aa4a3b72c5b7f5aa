-- Customs at the border (issue 18). Rows are never deleted: every decision stays with who took it and when.

-- Where each consignment (a freight booking with its note) stands with the customs of its train's crossing. A booking
-- without a row is a DRAFT: its advance data has not been sent. released_at is set exactly when it is RELEASED.
CREATE TABLE customs_release (
    booking_id   text PRIMARY KEY,
    state        text NOT NULL CHECK (state IN ('SUBMITTED', 'ACCEPTED', 'SELECTED_FOR_INSPECTION', 'RELEASED', 'HELD')),
    reason       text,
    decided_by   text NOT NULL,
    decided_at   timestamptz NOT NULL,
    released_at  timestamptz,
    CHECK ((state = 'RELEASED') = (released_at IS NOT NULL)),
    CHECK (state <> 'HELD' OR reason IS NOT NULL)
);

-- Every change of a consignment's state: the railway's submission, each customs decision (by hand or imported).
CREATE TABLE customs_decision (
    id          bigserial PRIMARY KEY,
    booking_id  text NOT NULL,
    state       text NOT NULL,
    reason      text,
    decided_by  text NOT NULL,
    decided_at  timestamptz NOT NULL,
    source      text NOT NULL CHECK (source IN ('RAILWAY', 'CUSTOMS', 'IMPORT'))
);
CREATE INDEX customs_decision_booking ON customs_decision (booking_id, id);

-- When the railway last sent a train's advance cargo data (manifest and summary transport data) to customs.
CREATE TABLE customs_manifest (
    train         text NOT NULL,
    service_date  date NOT NULL,
    submitted_by  text NOT NULL,
    submitted_at  timestamptz NOT NULL,
    PRIMARY KEY (train, service_date)
);

-- The country whose customs a CUSTOMS user works for: they read and decide at that country's control stations only.
CREATE TABLE customs_officer (
    username     text PRIMARY KEY REFERENCES app_user (username),
    country      text NOT NULL,
    assigned_by  text NOT NULL,
    assigned_at  timestamptz NOT NULL
);
