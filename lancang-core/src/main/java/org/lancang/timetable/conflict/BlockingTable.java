package org.lancang.timetable.conflict;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Blocking times as primitive columns: a resource and an owner number, a possession flag, and the interval in
 * nanoseconds from a base instant. A 10,000-train day lays about seven million blocking times; as {@link Occupation}
 * records (each with two {@link Instant}s) building and sorting them was most of the day's time and memory. The
 * nanoseconds keep every instant exact, so the records read back ({@link #occupations()}) equal those put in.
 */
public final class BlockingTable {
    private final Instant base;
    private final Map<String, Integer> resourceNumbers = new HashMap<>();
    private final List<String> resourceIds = new ArrayList<>();
    private final Map<String, Integer> ownerNumbers = new HashMap<>();
    private final List<String> ownerIds = new ArrayList<>();
    private int size;
    private int[] resource;
    private int[] owner;
    private boolean[] possession;
    private long[] from;
    private long[] to;

    /** An empty table whose times count from {@code base} (any instant near them: within ±292 years). */
    public BlockingTable(Instant base) {
        this(base, 1024);
    }

    /** The same, with room for {@code capacity} blocking times before it grows. */
    public BlockingTable(Instant base, int capacity) {
        this.base = base;
        int room = Math.max(16, capacity);
        resource = new int[room];
        owner = new int[room];
        possession = new boolean[room];
        from = new long[room];
        to = new long[room];
    }

    /** The table of these occupations, in their order. */
    public static BlockingTable of(Iterable<Occupation> occupations) {
        BlockingTable table = null;
        for (Occupation o : occupations) {
            if (table == null) {
                table = new BlockingTable(o.from());
            }
            table.add(o);
        }
        return table != null ? table : new BlockingTable(Instant.EPOCH);
    }

    /** The number of a resource id in this table (numbered as first seen). */
    public int resource(String id) {
        return number(resourceNumbers, resourceIds, id);
    }

    /** The number of an owner (a train run or a possession id) in this table. */
    public int owner(String id) {
        return number(ownerNumbers, ownerIds, id);
    }

    private static int number(Map<String, Integer> numbers, List<String> ids, String id) {
        Integer n = numbers.get(id);
        if (n == null) {
            n = ids.size();
            numbers.put(id, n);
            ids.add(id);
        }
        return n;
    }

    /** Nanoseconds from the table's base to {@code t}. */
    public long nanos(Instant t) {
        return Duration.between(base, t).toNanos();
    }

    public void add(Occupation o) {
        add(resource(o.resource()), owner(o.owner()), o.possession(), nanos(o.from()), nanos(o.to()));
    }

    /** Adds a blocking time; as an {@link Occupation}, it must end after it starts. */
    public void add(int resourceNumber, int ownerNumber, boolean isPossession, long fromNanos, long toNanos) {
        if (toNanos <= fromNanos) {
            throw new IllegalArgumentException("occupation of " + resourceIds.get(resourceNumber) + " by "
                    + ownerIds.get(ownerNumber) + " ends before it starts");
        }
        if (size == resource.length) {
            int grown = size * 2;
            resource = Arrays.copyOf(resource, grown);
            owner = Arrays.copyOf(owner, grown);
            possession = Arrays.copyOf(possession, grown);
            from = Arrays.copyOf(from, grown);
            to = Arrays.copyOf(to, grown);
        }
        resource[size] = resourceNumber;
        owner[size] = ownerNumber;
        possession[size] = isPossession;
        from[size] = fromNanos;
        to[size] = toNanos;
        size++;
    }

    public int size() {
        return size;
    }

    Instant instant(long nanos) {
        return base.plusNanos(nanos);
    }

    int resourceAt(int i) {
        return resource[i];
    }

    int ownerAt(int i) {
        return owner[i];
    }

    boolean possessionAt(int i) {
        return possession[i];
    }

    long fromAt(int i) {
        return from[i];
    }

    long toAt(int i) {
        return to[i];
    }

    int resources() {
        return resourceIds.size();
    }

    String resourceId(int n) {
        return resourceIds.get(n);
    }

    List<String> ownerIds() {
        return ownerIds;
    }

    List<String> resourceIds() {
        return resourceIds;
    }

    /** The blocking times as records, made when read: a read-only view of what was added so far. */
    public List<Occupation> occupations() {
        return new Occupations(this, size);
    }

    /** A read-only list view of a table: each element is made when read. */
    public static final class Occupations extends AbstractList<Occupation> implements RandomAccess {
        private final BlockingTable table;
        private final int size;

        private Occupations(BlockingTable table, int size) {
            this.table = table;
            this.size = size;
        }

        @Override
        public Occupation get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException(i);
            }
            BlockingTable t = table;
            return new Occupation(
                    t.resourceIds.get(t.resource[i]),
                    t.ownerIds.get(t.owner[i]),
                    t.possession[i],
                    t.instant(t.from[i]),
                    t.instant(t.to[i]));
        }

        @Override
        public int size() {
            return size;
        }

        /** The table behind the view, so that a detector given the view need not copy it. */
        BlockingTable table() {
            return table;
        }
    }
}
