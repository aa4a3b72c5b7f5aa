-- Countries are data (issue 19, ADR 0016): a point's country is any code of its network's countries.csv, checked when
-- the network is read, so the list of the reference line's countries leaves the table.
ALTER TABLE network_point DROP CONSTRAINT IF EXISTS network_point_country_check;

-- A point's names in languages beyond English, Chinese and Lao (issue 19: names in any set of languages, such as the
-- Thai names of the Bangkok line), one "language<TAB>name" per line, from the network's name_xx columns. Filled when
-- the network is loaded or its names refreshed.
ALTER TABLE network_point ADD COLUMN names_more text NOT NULL DEFAULT '';
