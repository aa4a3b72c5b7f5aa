-- Maintenance km on a line (issue 19, ADR 0033 step 6): a defect's km and its speed restriction's km range are those
-- of one line of its network, so a defect on a branch is checked against the branch's extent and its restriction
-- slows only the trains running on the branch. Null is the network's main line: every row stored before this
-- migration keeps its meaning. Assets carry their line as the attribute `line` already; inspections and work orders
-- belong to an asset or a defect, and skylight windows run between points, so they need no column.
ALTER TABLE defect ADD COLUMN line text;
