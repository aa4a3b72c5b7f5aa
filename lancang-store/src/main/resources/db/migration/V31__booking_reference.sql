-- The short reference a person reads out at a ticket window (issue 15, item 1): 7 characters from an alphabet without
-- 0/O and 1/I/L, unique. References are numbered (the number put through a fixed permutation, see the core's
-- BookingReference); the server takes numbers in blocks of 1000 from booking_reference_block, so a rush of bookings
-- does not ask the database for each one. Bookings made before this migration get the first numbers, by age; the
-- arithmetic below is BookingReference.numbered(n) written in SQL.
ALTER TABLE booking ADD COLUMN reference text;

WITH numbered AS (
    SELECT id, (row_number() OVER (ORDER BY created_at, id) - 1)::numeric AS n FROM booking
), scrambled AS (
    SELECT id, mod(n * 16180339887 + 9876543210, 27512614111) AS x FROM numbered
)
UPDATE booking b
SET reference = (
    SELECT string_agg(
               substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (mod(trunc(s.x / power(31::numeric, 6 - p)), 31))::int + 1, 1),
               '' ORDER BY p)
    FROM generate_series(0, 6) AS p)
FROM scrambled s
WHERE b.id = s.id;

ALTER TABLE booking ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX booking_reference ON booking (reference);

-- Block k holds reference numbers 1000·k … 1000·k + 999; the first free block follows the bookings numbered above.
CREATE SEQUENCE booking_reference_block MINVALUE 0 START WITH 0;
SELECT setval('booking_reference_block', (SELECT ceil(count(*) / 1000.0)::bigint FROM booking), false);
