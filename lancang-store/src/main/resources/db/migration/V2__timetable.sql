-- The timetable: train plans in priority order. Each row keeps the plan in the timetable file's CSV format
-- (the same text `lancang timetable build` writes), so the file and the database never disagree on a format.
CREATE TABLE train_plan (
    number     text PRIMARY KEY,
    seq        integer NOT NULL UNIQUE,
    plan_csv   text NOT NULL,
    added_by   text,
    added_at   timestamptz NOT NULL DEFAULT now()
);

-- Possessions (maintenance and construction windows) that hold resources against the timetable.
CREATE TABLE possession (
    id           text PRIMARY KEY,
    from_point   text NOT NULL REFERENCES network_point (code),
    to_point     text NOT NULL REFERENCES network_point (code),
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at),
    description  text NOT NULL DEFAULT ''
);
