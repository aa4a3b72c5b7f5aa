/**
 * Freight tracking over HTTP (issue 18): box events in (JSON and CSV) and out in the shape of DCSA Track & Trace
 * events, consignments with their ETA, webhook subscriptions and their signed deliveries, UN/EDIFACT IFTSTA status
 * messages checked against their StAEDI schema, and the CSV export.
 */
package org.lancang.web.tracking;
