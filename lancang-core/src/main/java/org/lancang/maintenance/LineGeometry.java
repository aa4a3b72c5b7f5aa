package org.lancang.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.timetable.Operator;

/**
 * The facts about one line of the network that maintenance needs again and again: its ends, its borders, and which of
 * its sections a range touches. Km are that line's: every range names its line (ADR 0033).
 */
final class LineGeometry {
    private final Network network;
    private final Line line;
    private final List<Border> borders;
    private final double startKm;
    private final double endKm;
    private final double borderKm;

    LineGeometry(Network network, Line line) {
        this.network = network;
        this.line = line;
        this.borders = network.borders(line);
        this.startKm = line.first().km();
        this.endKm = line.last().km();
        this.borderKm = borders.isEmpty() ? Double.NaN : kmOf(borders.get(0));
    }

    Network network() {
        return network;
    }

    Line line() {
        return line;
    }

    /** A border's km on this line (a border point lies on its line: {@link Network#borders(Line)}). */
    double kmOf(Border b) {
        return line.km(line.indexOf(b.point().code()));
    }

    double startKm() {
        return startKm;
    }

    double endKm() {
        return endKm;
    }

    /** The km of the first border (NaN on a domestic line); see {@link #borderIn} for a given range. */
    double borderKm() {
        return borderKm;
    }

    /** The border a km range crosses (strictly inside it), if any. */
    Optional<Border> borderIn(double fromKm, double toKm) {
        return borders.stream().filter(b -> fromKm < kmOf(b) && toKm > kmOf(b)).findFirst();
    }

    /** The km range around a point up to the nearest border on each side (the line's ends where there is none). */
    double[] countryExtentAround(double km) {
        double lo = startKm;
        double hi = endKm;
        for (Border b : borders) {
            double at = kmOf(b);
            if (at <= km) {
                lo = Math.max(lo, at);
            }
            if (at > km) {
                hi = Math.min(hi, at);
            }
        }
        return new double[] {lo, hi};
    }

    /** Whether the km lies on the line (NaN does not). */
    boolean inside(double km) {
        return km >= startKm && km <= endKm;
    }

    String extent() {
        return "the line (km " + fmt(startKm) + " … " + fmt(endKm) + ")";
    }

    /**
     * The country of a km range: one country when it stays on one side of every border (a range ending at a border
     * counts on the side it comes from), the shared country of the border when it crosses one.
     */
    Country countryOf(double fromKm, double toKm) {
        return network.countryOf(line, fromKm, toKm);
    }

    /** Each country's part is maintained by its infrastructure manager (the country's data). */
    static Operator operatorOf(Country country) {
        if (country.isShared()) {
            throw new IllegalArgumentException("a range across the border has two operators: split it");
        }
        return Operator.valueOf(country.infrastructureManager());
    }

    /**
     * The sections a km range touches: those sharing more than a point with it, or, for a range of zero length, those
     * containing its km (two at a point between sections).
     */
    List<Section> sectionsTouching(double fromKm, double toKm) {
        List<Section> out = new ArrayList<>();
        for (Section s : line.sections()) {
            boolean touches = fromKm < toKm ? s.fromKm() < toKm && s.toKm() > fromKm : s.contains(fromKm);
            if (touches) {
                out.add(s);
            }
        }
        return out;
    }

    /** The number of main tracks through a point: the most tracks of the sections either side of it. */
    int mainTracksAt(Point p) {
        return sectionsTouching(p.km(), p.km()).stream()
                .mapToInt(Section::tracks)
                .max()
                .orElse(1);
    }

    static String fmt(double km) {
        return km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km);
    }
}
