-- A passenger row is written only in the same write as its booking (SalesRows.insert: the booking's row, then its
-- passengers', one transaction), and bookings are never deleted (a cancelled or changed booking keeps its row). The
-- foreign key from passenger to booking therefore never refused anything, yet PostgreSQL checked it row by row under a
-- rush: an index probe and a KEY SHARE lock on the booking just inserted (a second WAL record) for every passenger
-- (`lancang bench sales` prints PostgreSQL's CPU time per booking). What it guarded is now asserted by
-- the tests instead: after the seeded rush (SalesRushTest) and after the SIGKILL crash (ServeCrashIT), every passenger
-- row has its booking and every booking its passengers, numbered from 0.
ALTER TABLE booking_passenger DROP CONSTRAINT booking_passenger_booking_id_fkey;
