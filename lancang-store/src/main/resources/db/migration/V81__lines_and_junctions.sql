-- A home network of several lines (ADR 0033 step 6, issue 19): the store kept the network as one chain of points, so
-- a network with a branch could not be saved and read back. Each line is a row of network_line; each point, section
-- and structure names its line (rows stored before this migration are the one line of the reference network,
-- china-laos); a junction is stored once in network_point on its home line and once more in network_junction for
-- every other line it lies on, with its km there. A network stored with no network_line rows is read as one line, as
-- before. The timetable's via needs no column: train_plan keeps each plan as its timetable.csv row, via included.
CREATE TABLE network_line (
    seq          integer PRIMARY KEY,
    code         text NOT NULL UNIQUE,
    name_en      text NOT NULL,
    name_zh      text NOT NULL DEFAULT '',
    name_lo      text NOT NULL DEFAULT '',
    name_pinyin  text NOT NULL DEFAULT '',
    names_more   text NOT NULL DEFAULT '',
    rising_name  text NOT NULL,
    falling_name text NOT NULL,
    source       text NOT NULL DEFAULT ''
);

ALTER TABLE network_point ADD COLUMN line text NOT NULL DEFAULT 'china-laos';
ALTER TABLE network_section ADD COLUMN line text NOT NULL DEFAULT 'china-laos';
ALTER TABLE network_structure ADD COLUMN line text NOT NULL DEFAULT 'china-laos';

CREATE TABLE network_junction (
    point      text NOT NULL REFERENCES network_point (code),
    line       text NOT NULL,
    km         double precision NOT NULL,
    km_quality text NOT NULL,
    source     text NOT NULL DEFAULT '',
    PRIMARY KEY (point, line)
);
