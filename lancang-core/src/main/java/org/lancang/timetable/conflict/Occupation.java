package org.lancang.timetable.conflict;

import java.time.Instant;
import java.util.Objects;

/**
 * A blocking time: {@code owner} (a train run or a possession) holds {@code resource} from {@code from} (inclusive)
 * to {@code to} (exclusive). Two occupations of one resource by different owners that overlap are a conflict.
 *
 * @param resource a block section, a single-track section between two stations, a station track, …
 * @param owner    who holds it: a train run such as {@code D887@2026-12-01}, or a possession id
 * @param possession whether the owner is a possession (maintenance window) rather than a train
 */
public record Occupation(String resource, String owner, boolean possession, Instant from, Instant to) {
    public Occupation {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("occupation of " + resource + " by " + owner + " ends before it starts");
        }
    }

    public boolean overlaps(Occupation other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }
}
