-- Timetable changes (issue 15): the one way the plan changes after it is built. A change is a list of edits with a
-- scope of service dates; it is a DRAFT until it is PUBLISHED (then in force on its dates, in the order of
-- published_seq), and a published change can be UNDONE; a draft can be DISCARDED. Rows are never deleted: the record
-- of who changed the timetable, and when, stays.
CREATE TABLE timetable_change (
    id             text PRIMARY KEY,
    title          text NOT NULL,
    origin         text NOT NULL CHECK (origin IN ('PLANNER', 'DISPATCH', 'FREIGHT')),
    scope_from     date NOT NULL,
    scope_to       date NOT NULL CHECK (scope_to >= scope_from),
    scope_days     text NOT NULL,
    status         text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'UNDONE', 'DISCARDED')),
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL,
    published_seq  bigint UNIQUE,
    published_by   text,
    published_at   timestamptz,
    notified       integer,
    undone_by      text,
    undone_at      timestamptz,
    CHECK ((status IN ('PUBLISHED', 'UNDONE')) = (published_seq IS NOT NULL))
);
CREATE SEQUENCE timetable_change_publication;

-- The edits of a change, in the order they apply. A MOVE has the new departure; an ADD the whole plan of the train in
-- the timetable file's CSV format (its calendar is replaced by the change's scope); a REPLACE_STOPS the stops and
-- meets as the timetable file writes them ("LPB 3; VVG 2").
CREATE TABLE timetable_change_edit (
    change_id   text NOT NULL REFERENCES timetable_change (id),
    idx         integer NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('MOVE', 'ADD', 'CANCEL', 'REPLACE_STOPS')),
    train       text NOT NULL,
    departure   time,
    plan_csv    text,
    stops       text,
    meets       text,
    PRIMARY KEY (change_id, idx)
);

-- A booking whose train a published change cancelled or moved by at least the operator's threshold: its refund fee is
-- waived and it may be changed free of fee. The first change to touch a booking gives the waiver; it is kept if that
-- change is undone (the passenger was told).
CREATE TABLE booking_fee_waiver (
    booking_id               uuid PRIMARY KEY REFERENCES booking (id),
    change_id                text NOT NULL REFERENCES timetable_change (id),
    reason                   text NOT NULL CHECK (reason IN ('CANCELLED', 'MOVED')),
    departure_shift_minutes  integer,
    arrival_shift_minutes    integer,
    created_at               timestamptz NOT NULL
);
