-- The reference network: points in km order, sections between consecutive points, named structures.
CREATE TABLE network_point (
    seq              integer PRIMARY KEY,
    code             text NOT NULL UNIQUE,
    name_en          text NOT NULL,
    name_zh          text NOT NULL DEFAULT '',
    name_lo          text NOT NULL DEFAULT '',
    country          text NOT NULL CHECK (country IN ('CN', 'LA', 'CN/LA')),
    km               double precision NOT NULL,
    km_quality       text NOT NULL,
    kind             text NOT NULL,
    time_zone        text NOT NULL,
    station_tracks   integer NOT NULL CHECK (station_tracks >= 0),
    useful_length_m  integer NOT NULL CHECK (useful_length_m >= 0),
    tracks_basis     text NOT NULL DEFAULT '',
    elevation_m      double precision NOT NULL,
    elevation_basis  text NOT NULL DEFAULT '',
    source           text NOT NULL DEFAULT '',
    assumed          boolean NOT NULL DEFAULT false
);

CREATE TABLE network_section (
    seq                    integer PRIMARY KEY,
    from_code              text NOT NULL REFERENCES network_point (code),
    to_code                text NOT NULL REFERENCES network_point (code),
    tracks                 integer NOT NULL CHECK (tracks BETWEEN 1 AND 4),
    line_speed_kmh         integer NOT NULL,
    loco_hauled_speed_kmh  integer NOT NULL,
    block                  text NOT NULL,
    gradient_permille      double precision NOT NULL,
    gradient_basis         text NOT NULL DEFAULT '',
    source                 text NOT NULL DEFAULT ''
);

CREATE TABLE network_structure (
    seq         integer PRIMARY KEY,
    name_en     text NOT NULL,
    name_zh     text NOT NULL DEFAULT '',
    name_lo     text NOT NULL DEFAULT '',
    kind        text NOT NULL,
    km_from     double precision NOT NULL,
    km_to       double precision NOT NULL,
    length_m    double precision NOT NULL,
    country     text NOT NULL,
    km_quality  text NOT NULL,
    source      text NOT NULL DEFAULT ''
);

-- Rolling stock: train types, their traction curves, and their formations with every seat.
CREATE TABLE train_type (
    seq                    integer PRIMARY KEY,
    code                   text NOT NULL UNIQUE,
    name                   text NOT NULL,
    category               text NOT NULL,
    consist                text NOT NULL DEFAULT '',
    mass_t                 double precision NOT NULL,
    rotating_mass_factor   double precision NOT NULL,
    length_m               double precision NOT NULL,
    max_speed_kmh          integer NOT NULL,
    davis_a_kn             double precision NOT NULL,
    davis_b_kn_per_kmh     double precision NOT NULL,
    davis_c_kn_per_kmh2    double precision NOT NULL,
    braking_mps2           double precision NOT NULL,
    max_power_kw           double precision NOT NULL,
    source                 text NOT NULL DEFAULT '',
    assumptions            text NOT NULL DEFAULT ''
);

CREATE TABLE traction_point (
    train_type  text NOT NULL REFERENCES train_type (code),
    seq         integer NOT NULL,
    speed_kmh   double precision NOT NULL,
    effort_kn   double precision NOT NULL,
    PRIMARY KEY (train_type, seq)
);

CREATE TABLE train_car (
    train_type  text NOT NULL REFERENCES train_type (code),
    car         integer NOT NULL,
    kind        text NOT NULL,
    seat_class  text,
    source      text NOT NULL DEFAULT '',
    PRIMARY KEY (train_type, car)
);

CREATE TABLE train_seat (
    train_type  text NOT NULL,
    car         integer NOT NULL,
    seq         integer NOT NULL,
    number      text NOT NULL,
    seat_class  text NOT NULL,
    position    text NOT NULL,
    PRIMARY KEY (train_type, car, seq),
    UNIQUE (train_type, car, number),
    FOREIGN KEY (train_type, car) REFERENCES train_car (train_type, car)
);

-- People who sign in. Passwords are Argon2id hashes (PHC string); tokens are stored as SHA-256 digests only.
CREATE TABLE app_user (
    username       text PRIMARY KEY,
    display_name   text NOT NULL,
    password_hash  text NOT NULL,
    roles          text[] NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE auth_token (
    token_sha256  bytea PRIMARY KEY,
    username      text NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('SESSION', 'API')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL
);
CREATE INDEX auth_token_username ON auth_token (username);
