package org.lancang.freight;

import java.util.List;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathRequest;

/**
 * The answer to a {@link PathAsk}: a conflict-free path, or the constraint that binds and the earliest feasible
 * alternative (when there is one). {@code notes} say what the path assumes or what the train will do on it (the speed
 * it holds on the ruling gradient, the border stops).
 *
 * @param request     the path request the ask became (the train's number, its stops at the border)
 * @param path        the path found, or null when the ask cannot be met as asked
 * @param binding     why there is no path as asked, or null when there is one
 * @param alternative the earliest feasible path outside what was asked, or null
 */
public record PathAnswer(
        PathRequest request,
        InsertedPath path,
        Constraint binding,
        InsertedPath alternative,
        double balancingSpeedKmh,
        List<String> notes) {
    public PathAnswer {
        notes = List.copyOf(notes);
    }

    public boolean feasible() {
        return path != null;
    }

    /** What stops a path: its kind, where on the line, what holds it (a train, a possession) and in words. */
    public record Constraint(Kind kind, String where, String heldBy, String message) {}

    public enum Kind {
        /** A station or loop whose tracks are shorter than the train, where it must start, end or wait. */
        LOOP_LENGTH,
        /** The ruling gradient: the train is too heavy to start on it. */
        GRADIENT,
        /** Another train holds the line, a block or a station track in the way. */
        TRAIN,
        /** A possession (a maintenance skylight) closes the line in the way. */
        POSSESSION,
        /** The path found arrives after the latest arrival asked for. */
        LATEST_ARRIVAL,
        /** The path would keep a road shut on a shared road–rail bridge longer than the network allows. */
        ROAD_CLOSURE_LIMIT
    }
}
