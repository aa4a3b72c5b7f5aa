-- Issue 16: what a timetable adds to the bare physics, kept with the reference data it belongs to.
-- Points: the usual dwell of a passenger train calling there, and the border formalities at a border control station
-- (first and second station of a cross-border journey). Sections: a permanent speed limit below the line speed (0 is
-- none). Train types: the start and stop supplements at each stop and the running-time allowance.
ALTER TABLE network_point
    ADD COLUMN usual_dwell_ms         bigint NOT NULL DEFAULT 0 CHECK (usual_dwell_ms >= 0),
    ADD COLUMN border_first_dwell_ms  bigint NOT NULL DEFAULT 0 CHECK (border_first_dwell_ms >= 0),
    ADD COLUMN border_second_dwell_ms bigint NOT NULL DEFAULT 0 CHECK (border_second_dwell_ms >= 0),
    ADD COLUMN dwell_basis            text NOT NULL DEFAULT '';

ALTER TABLE network_section
    ADD COLUMN speed_limit_kmh   integer NOT NULL DEFAULT 0 CHECK (speed_limit_kmh >= 0),
    ADD COLUMN speed_limit_basis text NOT NULL DEFAULT '';

ALTER TABLE train_type
    ADD COLUMN start_supplement_s  integer NOT NULL DEFAULT 0 CHECK (start_supplement_s >= 0),
    ADD COLUMN stop_supplement_s   integer NOT NULL DEFAULT 0 CHECK (stop_supplement_s >= 0),
    ADD COLUMN allowance_percent   double precision NOT NULL DEFAULT 0 CHECK (allowance_percent >= 0),
    ADD COLUMN running_time_basis  text NOT NULL DEFAULT '';
