/**
 * Freight over HTTP (issue 17) under {@code /api/freight}: the slot catalogue, ad-hoc path requests and the freight
 * office's decision, bookings with their boxes and wagons, the consignment note (JSON and PDF), quotes, the day's
 * freight trains and the empty boxes' imbalance. A shipper sees only their own requests and bookings; the freight
 * office sees all.
 */
package org.lancang.web.freight;
