package org.lancang.timetable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;

/**
 * The resources trains compete for, derived from the network, line by line:
 * <ul>
 * <li>{@code LINE:A-B} a single-track line between two adjacent points that can hold trains, or a junction (both
 * directions share it; the border, where no train can stop, lies inside Mohan–Boten);</li>
 * <li>{@code BLOCK:A-B:S:i} / {@code BLOCK:A-B:N:i} block section i of a double-track section, per direction (S =
 * towards increasing km);</li>
 * <li>{@code TRACK:X:n} track n of station X (1 = main line, on double track 1 and 2): a junction's tracks are one
 * set, shared by the trains of every line through it.</li>
 * </ul>
 * On a network of several lines the line's code follows the kind, as km and point pairs are the line's own:
 * {@code LINE:L:A-B}, and {@code BLOCK:L:A-B:R:i} / {@code BLOCK:L:A-B:F:i} for rising and falling km. A network of one
 * line keeps the shorter ids, which timetables and tests name.
 */
public final class Resources {
    /**
     * One resource, found by the id its blocking times carry ({@link #find}): whoever needs to know what a resource is
     * (its stations, km range, direction) reads these fields rather than taking the id apart.
     */
    public sealed interface Resource permits Line, Block, Track {
        String id();
    }

    /**
     * A single-track line between two holding points, with the network line it lies on ({@code line}, its code) and its
     * km range on that line: on a network of several lines km ranges of two lines overlap, so the km alone never say
     * which one (ADR 0033).
     */
    public record Line(String id, String line, String fromCode, String toCode, double fromKm, double toKm)
            implements Resource {}

    /** A block section of a line, with its km range on that line and its direction (rising: towards rising km). */
    public record Block(String id, String line, Section section, boolean rising, int index, double fromKm, double toKm)
            implements Resource {}

    /** Track {@code number} of a station (1 = the main line; on double track 1 and 2). */
    public record Track(String id, Point station, int number) implements Resource {}

    private final Network network;
    private final List<Line> lines = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final Map<String, Resource> byId = new HashMap<>();

    public Resources(Network network, BlockingRules rules) {
        this.network = network;
        boolean oneLine = network.lines().size() == 1;
        for (var line : network.lines()) {
            String prefix = oneLine ? "" : line.code() + ":";
            List<Point> points = line.points();
            List<Section> sections = line.sections();
            int lineStart = -1;
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                if (s.isSingleTrack()) {
                    if (lineStart < 0) {
                        lineStart = i;
                    }
                    Point end = points.get(i + 1);
                    // a junction ends a single-track line: the lines beyond it are others
                    if (end.canHoldTrains() || network.isJunction(end.code()) || i == sections.size() - 1) {
                        Point start = points.get(lineStart);
                        lines.add(new Line(
                                "LINE:" + prefix + start.code() + "-" + end.code(),
                                line.code(),
                                start.code(),
                                end.code(),
                                start.km(),
                                end.km()));
                        lineStart = -1;
                    }
                } else {
                    int n = Math.max(1, (int) Math.ceil(s.lengthKm() * 1000 / rules.blockLengthM()));
                    double step = s.lengthKm() / n;
                    for (boolean rising : new boolean[] {true, false}) {
                        for (int b = 0; b < n; b++) {
                            String direction = oneLine ? (rising ? "S" : "N") : (rising ? "R" : "F");
                            blocks.add(new Block(
                                    "BLOCK:" + prefix + s.from() + "-" + s.to() + ":" + direction + ":" + b,
                                    line.code(),
                                    s,
                                    rising,
                                    b,
                                    s.fromKm() + b * step,
                                    s.fromKm() + (b + 1) * step));
                        }
                    }
                }
            }
        }
        lines.forEach(l -> byId.put(l.id(), l));
        blocks.forEach(b -> byId.put(b.id(), b));
        for (Point p : network.points()) {
            for (int t = 1; t <= Math.max(2, p.stationTracks()); t++) {
                byId.put(track(p.code(), t), new Track(track(p.code(), t), p, t));
            }
        }
    }

    /** The resource with this id, if the network has it. */
    public Optional<Resource> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Network network() {
        return network;
    }

    public List<Line> lines() {
        return lines;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /**
     * The single-track line of the network line {@code line} (its code) that contains the km range, if any: the caller
     * says which line, as the same km lie on every line of a network of several (ADR 0033).
     */
    public Optional<Line> lineAt(String line, double fromKm, double toKm) {
        double lo = Math.min(fromKm, toKm);
        double hi = Math.max(fromKm, toKm);
        return lines.stream()
                .filter(l -> l.line().equals(line) && lo >= l.fromKm() - 1e-9 && hi <= l.toKm() + 1e-9)
                .findFirst();
    }

    public static String track(String station, int track) {
        return "TRACK:" + station + ":" + track;
    }
}
