-- Freight for shippers (issue 17). Rows are never deleted: what was asked, decided, booked and noted stays.

-- An ad-hoc path request: what the shipper asked, the answer (the path found, or the binding constraint and the
-- earliest alternative) and the freight office's decision. An approved request's train was added to its service date
-- by the timetable change change_id (origin FREIGHT).
CREATE TABLE freight_request (
    id                  text PRIMARY KEY,
    shipper             text NOT NULL,
    train               text NOT NULL UNIQUE,
    from_point          text NOT NULL,
    to_point            text NOT NULL,
    earliest_departure  timestamptz,
    latest_arrival      timestamptz,
    trailing_mass_t     double precision NOT NULL CHECK (trailing_mass_t > 0),
    length_m            double precision NOT NULL CHECK (length_m > 0),
    dangerous_goods     boolean NOT NULL,
    service_date        date NOT NULL,
    departure           timestamptz,
    arrival             timestamptz,
    binding_kind        text,
    binding             text,
    alternative_departure timestamptz,
    status              text NOT NULL CHECK (status IN ('PROPOSED', 'NO_PATH', 'APPROVED', 'REFUSED')),
    created_at          timestamptz NOT NULL,
    decided_by          text,
    decided_at          timestamptz,
    reason              text,
    change_id           text,
    CHECK ((status = 'NO_PATH') = (departure IS NULL))
);
CREATE SEQUENCE freight_train_number START 90001;

-- A unit of a pool: a box or a wagon, with its number (ISO 6346 or UIC), where it is kept and who owns it.
CREATE TABLE freight_unit (
    unit     text PRIMARY KEY,
    station  text NOT NULL,
    kind     text NOT NULL,
    owner    text NOT NULL
);

-- A booking: room on a catalogue slot's train or an approved request's train on one date, with its equipment.
CREATE TABLE freight_booking (
    id               text PRIMARY KEY,
    shipper          text NOT NULL,
    slot_id          text,
    request_id       text,
    train            text NOT NULL,
    service_date     date NOT NULL,
    from_point       text NOT NULL,
    to_point         text NOT NULL,
    wagons           integer NOT NULL CHECK (wagons >= 0),
    teu              integer NOT NULL CHECK (teu >= 0),
    created_at       timestamptz NOT NULL,
    CHECK ((slot_id IS NULL) <> (request_id IS NULL))
);
CREATE INDEX freight_booking_train ON freight_booking (train, service_date);
CREATE INDEX freight_booking_shipper ON freight_booking (shipper);

-- Which unit a booking was given. A unit is allocated to one booking at a time: the partial unique index refuses a
-- second live allocation whatever the application does.
CREATE TABLE freight_allocation (
    booking_id  text NOT NULL,
    unit        text NOT NULL REFERENCES freight_unit (unit),
    kind        text NOT NULL,
    released_at timestamptz,
    PRIMARY KEY (booking_id, unit)
);
CREATE UNIQUE INDEX freight_allocation_live ON freight_allocation (unit) WHERE released_at IS NULL;

-- The consignment note of a booking (SMGS fields); its items (wagons, boxes with seals, goods) in freight_note_item.
CREATE TABLE freight_note (
    booking_id          text PRIMARY KEY,
    consignment_number  text NOT NULL UNIQUE,
    consignor_name      text NOT NULL,
    consignor_address   text NOT NULL,
    consignee_name      text NOT NULL,
    consignee_address   text NOT NULL,
    un_number           text,
    reefer_temperature_c double precision,
    declared_value      numeric NOT NULL,
    declared_currency   text NOT NULL,
    payers              text NOT NULL,
    documents           text NOT NULL,
    accepted_on         date NOT NULL,
    created_at          timestamptz NOT NULL
);
CREATE SEQUENCE freight_consignment_number;

CREATE TABLE freight_note_item (
    booking_id     text NOT NULL REFERENCES freight_note (booking_id),
    idx            integer NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('WAGON', 'BOX', 'GOODS')),
    number         text,
    seal           text,
    description    text,
    hs_code        text,
    packages       integer,
    gross_mass_kg  double precision,
    PRIMARY KEY (booking_id, idx)
);
