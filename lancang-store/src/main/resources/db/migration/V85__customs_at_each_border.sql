-- Customs at every border a train crosses (issue 19): a train through three countries is declared, decided and
-- released at each border's controls on its own, so a consignment's state, its history and a train's sent data are
-- kept per border (the border's point code in the network's borders.csv).
--
-- Rows written before this migration have border '' (empty): they were made at the train's FIRST border, the only
-- one customs knew then, and are read as that border's. The service renames such a row to the first border's code
-- the next time it writes one there, so a border never has two rows.
ALTER TABLE customs_release ADD COLUMN border text NOT NULL DEFAULT '';
ALTER TABLE customs_release DROP CONSTRAINT customs_release_pkey;
ALTER TABLE customs_release ADD PRIMARY KEY (booking_id, border);

ALTER TABLE customs_decision ADD COLUMN border text NOT NULL DEFAULT '';

ALTER TABLE customs_manifest ADD COLUMN border text NOT NULL DEFAULT '';
ALTER TABLE customs_manifest DROP CONSTRAINT customs_manifest_pkey;
ALTER TABLE customs_manifest ADD PRIMARY KEY (train, service_date, border);
