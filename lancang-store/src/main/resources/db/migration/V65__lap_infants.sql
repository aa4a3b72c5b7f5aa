-- Lap infants (issue 15, item 5): China Railway carries one child under 6 per adult free when the child shares the
-- adult's seat. Such an infant is no booked passenger (no seat, no fare line): they are named on the carrying
-- passenger's row, with a document where the journey crosses a border. All columns are empty for a passenger
-- travelling alone, and for every booking made before this migration.
ALTER TABLE booking_passenger
    ADD COLUMN infant_name text,
    ADD COLUMN infant_date_of_birth date,
    ADD COLUMN infant_document_type text,
    ADD COLUMN infant_document_number text,
    ADD COLUMN infant_nationality text,
    ADD COLUMN infant_document_expiry date,
    ADD CONSTRAINT booking_passenger_infant_named CHECK ((infant_name IS NULL) = (infant_date_of_birth IS NULL));
ALTER TABLE waitlist_passenger
    ADD COLUMN infant_name text,
    ADD COLUMN infant_date_of_birth date,
    ADD COLUMN infant_document_type text,
    ADD COLUMN infant_document_number text,
    ADD COLUMN infant_nationality text,
    ADD COLUMN infant_document_expiry date,
    ADD CONSTRAINT waitlist_passenger_infant_named CHECK ((infant_name IS NULL) = (infant_date_of_birth IS NULL));
