/**
 * Freight tracking as the platform keeps it (issue 18): box events stored in PostgreSQL (reported by terminals, or
 * derived from running events in the same transaction as they are stored), consignments with their ETA from the live
 * forecast, and webhook subscriptions fed through a transactional outbox ({@code tracking_delivery}) that survives a
 * restart (ADR 0023).
 *
 * <p>Issue 19: every network that runs is followed through its own operations' hook, and each event names its network,
 * the carrier there, its point's zone and what happened in words. A <em>through consignment</em> (a home booking to a
 * transshipment yard that goes on to another network) has an <em>onward leg</em>: its boxes ride a train of the other
 * network (booked as that network's wagons), their steps come from that train's running events, the transshipment is
 * recorded as the boxes unloaded at the yard and loaded on that train, and its ETA comes from that train's forecast.
 */
package org.lancang.store.tracking;
