-- Through consignments (issue 19): a freight booking on the home network that ends at a transshipment yard may go on
-- to a point of another network (Kunming → Vientiane South, across the break of gauge to Thanaleng, → Bangkok). The
-- booking keeps its own leg; this row names where the boxes go beyond the yard. Quotes and the consignment note read
-- the rest (tariffs, the yard's tracks and batch size) from the networks' data files.
CREATE TABLE freight_through (
    booking_id     text PRIMARY KEY REFERENCES freight_booking (id),
    onward_network text NOT NULL,
    onward_to      text NOT NULL,
    created_at     timestamptz NOT NULL
);
