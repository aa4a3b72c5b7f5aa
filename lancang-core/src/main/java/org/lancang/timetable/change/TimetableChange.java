package org.lancang.timetable.change;

import java.util.List;
import java.util.Objects;

/**
 * What a change says, whoever made it: its edits, in the order they apply, and the dates they hold for.
 *
 * @param origin who asked for it: a planner's edit, a dispatcher's order, a freight path for a shipper
 */
public record TimetableChange(String title, ChangeOrigin origin, ChangeScope scope, List<Edit> edits) {
    public TimetableChange {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(scope, "scope");
        title = title == null ? "" : title.strip();
        edits = List.copyOf(edits);
    }

    /** The numbers of the trains the change touches. */
    public List<String> trains() {
        return edits.stream().map(Edit::train).distinct().toList();
    }
}
