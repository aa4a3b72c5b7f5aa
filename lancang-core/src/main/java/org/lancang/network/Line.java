package org.lancang.network;

import java.util.List;
import java.util.Objects;

/**
 * One line of the network: a chain of points in the order of its own chainage, the sections between neighbours, and
 * the structures along it. Every rule of a chain ({@link Network#violations}) holds per line. A junction is a point on
 * more than one line: here it appears with its km on this line, which is not its km on its home line.
 *
 * @param code        the line's code; a network of one line names it after itself
 * @param names       the line's names
 * @param risingName  what a train running towards rising km is called on this line ("northbound" on one railway,
 *                    "southbound" on another: direction names are data)
 * @param fallingName what a train running towards falling km is called
 * @param points      the points in km order, each with its km on this line
 * @param sections    the sections, section i joining points i and i+1
 * @param structures  the named structures, their km ranges on this line
 * @param source      where the row comes from
 */
public record Line(
        String code,
        Names names,
        String risingName,
        String fallingName,
        List<Point> points,
        List<Section> sections,
        List<Structure> structures,
        String source) {
    /** The direction names of a line whose data does not name them. */
    public static final String RISING = "rising km";

    public static final String FALLING = "falling km";

    public Line {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(names, "names");
        risingName = risingName == null || risingName.isBlank() ? RISING : risingName;
        fallingName = fallingName == null || fallingName.isBlank() ? FALLING : fallingName;
        points = List.copyOf(points);
        sections = List.copyOf(sections);
        structures = List.copyOf(structures);
        source = source == null ? "" : source;
    }

    /** The km of point {@code index} on this line. */
    public double km(int index) {
        return points.get(index).km();
    }

    /** The index of the point on this line, or -1. */
    public int indexOf(String pointCode) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).code().equalsIgnoreCase(pointCode)) {
                return i;
            }
        }
        return -1;
    }

    public Point first() {
        return points.get(0);
    }

    public Point last() {
        return points.get(points.size() - 1);
    }

    public double lengthKm() {
        return last().km() - first().km();
    }

    /** Whether the km lies on this line (its ends included). */
    public boolean containsKm(double km) {
        return km >= first().km() && km <= last().km();
    }
}
