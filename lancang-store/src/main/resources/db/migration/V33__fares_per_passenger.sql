-- Child and infant fares (issue 15, item 5): each passenger's fare category and fare are kept with the passenger, so a
-- ticket shows what each person paid even after the fare files change. The date of birth is asked only when the fare
-- needs it (a child or an infant), so it may be empty. Bookings made before this migration keep null fares: their
-- total is still on the booking.
ALTER TABLE booking_passenger
    ALTER COLUMN date_of_birth DROP NOT NULL,
    ADD COLUMN fare_category text CHECK (fare_category IN ('ADULT', 'CHILD', 'INFANT')),
    ADD COLUMN fare_minor bigint CHECK (fare_minor >= 0);
ALTER TABLE waitlist_passenger ALTER COLUMN date_of_birth DROP NOT NULL;
