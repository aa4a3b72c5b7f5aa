package org.lancang.timetable.diagram;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a dispatcher's diagram draws over the plan: lines of the day as it runs ({@link Kind#ACTUAL} thick, through the
 * reported times), as it is forecast ({@link Kind#FORECAST} dashed) and as a re-planning proposes it ({@link
 * Kind#PROPOSAL} dotted), a delay badge per late train and a marker per train held at a border. The diagram package knows nothing of how they are
 * computed: the caller turns its forecast into these plain values. {@link #NONE} draws the planner's diagram unchanged,
 * to the byte.
 */
public record RunningLines(List<Line> lines, List<DelayBadge> badges, List<HoldMarker> holds) {
    /** Nothing over the plan. */
    public static final RunningLines NONE = new RunningLines(List.of(), List.of(), List.of());

    public RunningLines {
        lines = List.copyOf(lines);
        badges = List.copyOf(badges);
        holds = List.copyOf(holds);
    }

    public RunningLines(List<Line> lines, List<DelayBadge> badges) {
        this(lines, badges, List.of());
    }

    public boolean isEmpty() {
        return lines.isEmpty() && badges.isEmpty() && holds.isEmpty();
    }

    /** How a line is drawn. */
    public enum Kind {
        /** Where the train has been: thick, through its reported times. */
        ACTUAL,
        /** Where it is expected: dashed, from its last report on. */
        FORECAST,
        /** Where a re-planning proposal would have it: dotted. */
        PROPOSAL
    }

    /** A time at a point of the line (an arrival, departure or pass). */
    public record At(String point, Instant at) {
        public At {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(at, "at");
        }
    }

    /** One train's line of one kind, through its times in travel order; {@code run} names it ({@code D887@2026-12-05}). */
    public record Line(String train, String run, Kind kind, List<At> times) {
        public Line {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(kind, "kind");
            times = List.copyOf(times);
        }
    }

    /**
     * A train held at {@code where.point()} until something outside the railway lets it go (customs releasing every
     * consignment), drawn at the forecast departure {@code where.at()}; {@code reason} as the hold gives it (may be
     * blank).
     */
    public record HoldMarker(String train, String run, At where, String reason) {
        public HoldMarker {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(where, "where");
            reason = reason == null ? "" : reason;
        }
    }

    /** A train's delay shown where it is (its last report or its forecast now), in seconds (negative: early). */
    public record DelayBadge(String train, String run, At where, long delaySeconds) {
        public DelayBadge {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(where, "where");
        }
    }
}
