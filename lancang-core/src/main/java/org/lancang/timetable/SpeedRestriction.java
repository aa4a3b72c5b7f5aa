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
 * running-time calculation takes it). The km are those of the line {@code lineCode} (null: the network's main line, ADR
 * 0033), so a restriction on a branch slows only the trains that run on the branch.
 */
public record SpeedRestriction(
        double fromKm, double toKm, int speedKmh, Instant validFrom, Instant validTo, String lineCode) {
    public SpeedRestriction {
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

    /** The same restriction on the line with this code (null: the main line). */
    public SpeedRestriction onLine(String code) {
        return new SpeedRestriction(fromKm, toKm, speedKmh, validFrom, validTo, code);
    }

    /** The line its km are on: the one named, or the main line; empty when the network has no such line. */
    public Optional<Line> line(Network network) {
        return lineCode == null || lineCode.isBlank() ? Optional.of(network.mainLine()) : network.line(lineCode);
    }

    /**
     * The restriction as asked for one run along {@code path}: a named line is kept; with none, the line the run is on
     * at these km (the one line among its legs' that the range touches), or, where it touches none, the line holding
     * both ends of the run. A person asking about one run names a km of the way the run takes, not of the main line.
     *
     * @throws InvalidInput naming {@code field + ".line"} when the range lies on two of the run's lines (the same km
     *     on a line and its branch) or on none and no one line holds both ends
     */
    public SpeedRestriction alongRun(LinePath path, String field) {
        if (lineCode != null && !lineCode.isBlank()) {
            return this;
        }
        List<String> touched = path.legs().stream()
                .filter(l -> overlapsKm(Math.min(l.fromKm(), l.toKm()), Math.max(l.fromKm(), l.toKm())))
                .map(l -> l.line().code())
                .distinct()
                .toList();
        if (touched.size() == 1) {
            return onLine(touched.get(0));
        }
        String lines = path.legs().stream().map(l -> l.line().code()).distinct().collect(Collectors.joining(", "));
        if (touched.size() > 1) {
            throw new InvalidInput(
                    field + ".line",
                    "km " + fromKm + "–" + toKm + " lies on " + String.join(" and ", touched)
                            + ", both on this run: name the line");
        }
        return path.network()
                .lineHolding(path.origin().code(), path.destination().code())
                .map(l -> onLine(l.code()))
                .orElseThrow(() -> new InvalidInput(
                        field + ".line",
                        "km " + fromKm + "–" + toKm + " lies on none of this run's lines (" + lines
                                + "): name the line"));
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
