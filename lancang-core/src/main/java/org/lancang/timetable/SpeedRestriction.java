package org.lancang.timetable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Line;
import org.lancang.network.Network;

/**
 * A temporary speed restriction: over a km range of the line, no train faster than {@code speedKmh}, from
 * {@code validFrom} until {@code validTo} (either may be null: open on that side; both null: always, as the
 * running-time calculation takes it). The km are those of the line {@code lineCode}, always named (ADR 0033): a
 * restriction on a branch slows only the trains that run on the branch, and a km never silently means the first line's.
 * A restriction asked for without its line is an {@link Asked}, placed on one line at the edge.
 */
public record SpeedRestriction(
        double fromKm, double toKm, int speedKmh, Instant validFrom, Instant validTo, String lineCode) {
    public SpeedRestriction {
        if (lineCode == null || lineCode.isBlank()) {
            throw new IllegalArgumentException("lineCode is required: the km of a restriction are those of one line");
        }
        if (!(toKm > fromKm)) {
            throw new IllegalArgumentException("toKm must be greater than fromKm");
        }
        if (speedKmh <= 0) {
            throw new IllegalArgumentException("speedKmh must be positive");
        }
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("validTo must be after validFrom");
        }
    }

    /** The same restriction on the line with this code. */
    public SpeedRestriction onLine(String code) {
        return new SpeedRestriction(fromKm, toKm, speedKmh, validFrom, validTo, code);
    }

    /** The line its km are on; empty when the network has no such line. */
    public Optional<Line> line(Network network) {
        return network.line(lineCode);
    }

    /**
     * A restriction as a person asks for it, the line optional ({@code [LINE:]FROM-TO:KMH}): placed on one line by
     * {@link #alongRun} before anything computes with it.
     */
    public record Asked(double fromKm, double toKm, int speedKmh, String lineCode) {
        /**
         * The restriction as asked for one run along {@code path}: a named line is kept; with none, the line the run is
         * on at these km (the one line among its legs' that the range touches), or, where it touches none, the line
         * holding both ends of the run. A person asking about one run names a km of the way the run takes.
         *
         * @throws InvalidInput naming {@code field + ".line"} when the range lies on two of the run's lines (the same
         *     km on a line and its branch) or on none and no one line holds both ends
         */
        public SpeedRestriction alongRun(LinePath path, String field) {
            if (lineCode != null && !lineCode.isBlank()) {
                return on(lineCode);
            }
            List<String> touched = path.legs().stream()
                    .filter(l -> fromKm < Math.max(l.fromKm(), l.toKm()) && toKm > Math.min(l.fromKm(), l.toKm()))
                    .map(l -> l.line().code())
                    .distinct()
                    .toList();
            if (touched.size() == 1) {
                return on(touched.get(0));
            }
            String lines =
                    path.legs().stream().map(l -> l.line().code()).distinct().collect(Collectors.joining(", "));
            if (touched.size() > 1) {
                throw new InvalidInput(
                        field + ".line",
                        "km " + fromKm + "–" + toKm + " lies on " + String.join(" and ", touched)
                                + ", both on this run: name the line");
            }
            return path.network()
                    .lineHolding(path.origin().code(), path.destination().code())
                    .map(l -> on(l.code()))
                    .orElseThrow(() -> new InvalidInput(
                            field + ".line",
                            "km " + fromKm + "–" + toKm + " lies on none of this run's lines (" + lines
                                    + "): name the line"));
        }

        private SpeedRestriction on(String line) {
            return new SpeedRestriction(fromKm, toKm, speedKmh, null, null, line);
        }
    }

    public boolean overlapsKm(double lo, double hi) {
        return fromKm < hi && toKm > lo;
    }

    /** Whether it holds at some moment of {@code [from, to)}. */
    public boolean holdsDuring(Instant from, Instant to) {
        return (validFrom == null || validFrom.isBefore(to)) && (validTo == null || validTo.isAfter(from));
    }

    /** The same restriction without its validity: what a run computed under it depends on. */
    public SpeedRestriction always() {
        return validFrom == null && validTo == null
                ? this
                : new SpeedRestriction(fromKm, toKm, speedKmh, null, null, lineCode);
    }
}
