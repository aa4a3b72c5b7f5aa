-- Maintenance (issue 6): the asset register, inspections, defects with their temporary speed restrictions and photos,
-- work orders with their history, and the recurring skylight windows. The rules live in the core
-- (org.lancang.maintenance); these tables only keep what it decided, so every CHECK here is a last line of defence.

CREATE TABLE asset (
    id          text PRIMARY KEY,
    type        text NOT NULL,
    name        text NOT NULL,
    from_km     double precision NOT NULL,
    to_km       double precision NOT NULL CHECK (to_km >= from_km),
    country     text NOT NULL,
    operator    text NOT NULL,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX asset_km ON asset (from_km, to_km);

CREATE TABLE asset_attribute (
    asset_id  text NOT NULL REFERENCES asset (id) ON DELETE CASCADE,
    key       text NOT NULL,
    value     text NOT NULL,
    PRIMARY KEY (asset_id, key)
);

CREATE TABLE inspection (
    id           bigserial PRIMARY KEY,
    asset_id     text NOT NULL REFERENCES asset (id),
    inspected_on date NOT NULL,
    inspector    text NOT NULL,
    outcome      text NOT NULL CHECK (outcome IN ('OK', 'DEFECTS_FOUND')),
    notes        text NOT NULL DEFAULT '',
    recorded_by  text NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX inspection_asset ON inspection (asset_id, inspected_on);

-- A defect and its optional restriction (the r_ columns are all null or all set, lifting aside).
CREATE TABLE defect (
    id             text PRIMARY KEY,
    asset_id       text NOT NULL REFERENCES asset (id),
    km             double precision NOT NULL,
    severity       text NOT NULL,
    description    text NOT NULL,
    reported_by    text NOT NULL,
    reported_at    timestamptz NOT NULL,
    status         text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    r_from_km      double precision,
    r_to_km        double precision,
    r_speed_kmh    integer CHECK (r_speed_kmh > 0),
    r_valid_from   timestamptz,
    r_valid_to     timestamptz,
    r_lifted_at    timestamptz,
    r_lifted_by    text,
    CHECK ((r_speed_kmh IS NULL) = (r_valid_from IS NULL) AND (r_speed_kmh IS NULL) = (r_to_km IS NULL))
);

CREATE TABLE defect_photo (
    id            uuid PRIMARY KEY,
    defect_id     text NOT NULL REFERENCES defect (id),
    media_type    text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp')),
    bytes         bytea NOT NULL,
    uploaded_by   text NOT NULL,
    uploaded_at   timestamptz NOT NULL
);
CREATE INDEX defect_photo_defect ON defect_photo (defect_id);

CREATE TABLE work_order (
    id                  text PRIMARY KEY,
    origin              text NOT NULL CHECK (origin IN ('DEFECT', 'PLANNED')),
    asset_id            text NOT NULL REFERENCES asset (id),
    defect_id           text REFERENCES defect (id),
    title               text NOT NULL,
    status              text NOT NULL CHECK (status IN ('OPEN', 'PLANNED', 'IN_PROGRESS', 'DONE', 'VERIFIED')),
    crew                text,
    window_id           text,
    window_from         text,
    window_to           text,
    window_start        timestamptz,
    window_end          timestamptz,
    window_description  text
);

CREATE TABLE work_order_step (
    work_order_id  text NOT NULL REFERENCES work_order (id),
    seq            integer NOT NULL,
    from_status    text,
    to_status      text NOT NULL,
    by_user        text NOT NULL,
    at             timestamptz NOT NULL,
    detail         text NOT NULL,
    PRIMARY KEY (work_order_id, seq)
);

CREATE TABLE skylight_window (
    id               text PRIMARY KEY,
    from_point       text NOT NULL REFERENCES network_point (code),
    to_point         text NOT NULL REFERENCES network_point (code),
    days             text NOT NULL,
    start_time       time NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
    kind             text NOT NULL,
    purpose          text NOT NULL,
    description      text NOT NULL DEFAULT '',
    created_by       text NOT NULL,
    created_at       timestamptz NOT NULL
);

-- Numbers for defect (DEF-n) and work-order (WO-n) ids, taken only inside the transaction that stores the record.
CREATE SEQUENCE maintenance_number;
