package org.lancang.store.changes;

import java.util.List;
import org.lancang.errors.NotFound;
import org.lancang.store.networks.PerNetwork;

/**
 * The timetable changes of every network served, one {@link TimetableChangeService} each (home's first): a request
 * goes to the network it names, or, for an existing change, to the network whose change it is (ids are unique across
 * networks: they are the primary key of one table).
 */
public final class NetworkChanges extends PerNetwork<TimetableChangeService> {
    private NetworkChanges(TimetableChangeService home, List<TimetableChangeService> others) {
        super(home, others, TimetableChangeService::network);
    }

    /** Home's changes first, then each other network's. */
    public static NetworkChanges of(TimetableChangeService home, List<TimetableChangeService> others) {
        return new NetworkChanges(home, others);
    }

    /** The service holding the change of this id, or {@link NotFound} naming {@code id}. */
    public TimetableChangeService holding(String id) {
        return first(s -> s.has(id))
                .orElseThrow(() -> new NotFound("id", "no timetable change '" + id + "'", "change-unknown"));
    }
}
