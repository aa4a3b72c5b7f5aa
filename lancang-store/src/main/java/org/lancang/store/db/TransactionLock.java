package org.lancang.store.db;

import org.jdbi.v3.core.Handle;

/**
 * A PostgreSQL advisory lock held until the caller's transaction ends: writers that must see each other's committed
 * rows before they decide (numbering in commit order, a uniqueness no single row can enforce) take the same key.
 * The keys are kept here, so that no two features share one by accident.
 */
public final class TransactionLock {
    /** One writer of tracking_event at a time: events are numbered in the order they commit. */
    public static final long TRACKING_EVENTS = 0x1A4C_0018L;
    /** One writer of customs_message at a time: seq follows commit order. */
    public static final long CUSTOMS_MESSAGES = 0x1A4C_0019L;
    /** One publication of a timetable change at a time, across every network: train numbers stay unique. */
    public static final long TIMETABLE_PUBLICATIONS = 0x1A4C_001AL;

    private TransactionLock() {}

    /** Waits for the lock {@code key} and holds it until {@code h}'s transaction commits or rolls back. */
    public static void take(Handle h, long key) {
        h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:k)) AS locked")
                .bind("k", key)
                .mapTo(Integer.class)
                .one();
    }
}
