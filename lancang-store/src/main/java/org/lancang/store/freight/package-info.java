/**
 * Freight for shippers (issue 17), the application layer: a shipper's ad-hoc path request answered and kept, the
 * freight office's approval turned into a timetable change (origin FREIGHT, on one service date) through the
 * timetable change service, bookings on a slot's or an approved request's train with boxes and wagons allocated from
 * the pools, the consignment note kept, quotes and the empty boxes the day's imbalance leaves.
 *
 * <p>Nothing is allocated twice: a booking is decided and written under one lock, and the database refuses a unit with
 * two live allocations (a partial unique index, migration V40) whatever happens. A booking is acknowledged only once
 * its transaction has committed.
 */
package org.lancang.store.freight;
