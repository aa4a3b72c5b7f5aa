/**
 * Freight tracking as the platform keeps it (issue 18): box events stored in PostgreSQL (reported by terminals, or
 * derived from running events in the same transaction as they are stored), consignments with their ETA from the live
 * forecast, and webhook subscriptions fed through a transactional outbox ({@code tracking_delivery}) that survives a
 * restart (ADR 0023).
 */
package org.lancang.store.tracking;
