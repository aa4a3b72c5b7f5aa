-- Sign-in throttling (issue 12): failed sign-ins in a row per username, kept across restarts so that a restart does
-- not reset an attacker's count. Keyed by the username as typed (normalised), whether or not such an account exists,
-- so that the answers do not tell which accounts exist. A success removes the row; so does an administrator's unlock.
CREATE TABLE sign_in_failure (
    username        text PRIMARY KEY,
    failures        integer NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz NOT NULL,
    locked_at       timestamptz
);
