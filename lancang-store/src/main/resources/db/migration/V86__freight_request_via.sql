-- A freight path request may name the junctions its train runs through (its via, ADR 0033), where two ways join its
-- two stations: kept with the request, so that the approval searches the same way again and a booking on a request
-- not yet approved is charged along it. Empty for the shortest way, as every request before this one was.
ALTER TABLE freight_request ADD COLUMN via text[] NOT NULL DEFAULT '{}';
