package org.lancang.store.changes;

import java.time.Instant;
import org.lancang.timetable.change.TimetableChange;

/**
 * A change as it is kept: the network whose timetable it changes, what it says, where it is in its life, and who moved
 * it there when.
 */
public record ChangeRecord(
        String id,
        String network,
        TimetableChange change,
        ChangeStatus status,
        String createdBy,
        Instant createdAt,
        String publishedBy,
        Instant publishedAt,
        Integer notified,
        String undoneBy,
        Instant undoneAt) {}
