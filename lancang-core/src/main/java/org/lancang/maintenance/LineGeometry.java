package org.lancang.maintenance;

import java.util.ArrayList;
import java.util.List;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.timetable.Operator;

/** The facts about the line that maintenance needs again and again: its ends, the border, and which sections a range touches. */
final class LineGeometry {
    private final Network network;
    private final double startKm;
    private final double endKm;
    private final double borderKm;

    LineGeometry(Network network) {
        this.network = network;
        this.startKm = network.points().get(0).km();
        this.endKm = network.points().get(network.points().size() - 1).km();
        this.borderKm = network.border().km();
    }

    Network network() {
        return network;
    }

    double startKm() {
        return startKm;
    }

    double endKm() {
        return endKm;
    }

    double borderKm() {
        return borderKm;
    }

    /** Whether the km lies on the line (NaN does not). */
    boolean inside(double km) {
        return km >= startKm && km <= endKm;
    }

    String extent() {
        return "the line (km " + fmt(startKm) + " … " + fmt(endKm) + ")";
    }

    /**
     * The country of a km range: CN when it ends at or before the border, LA when it starts at or after it, CN/LA when
     * it crosses. The border point itself counts as China, as the network lists it on China time.
     */
    Country countryOf(double fromKm, double toKm) {
        if (toKm <= borderKm) {
            return Country.CN;
        }
        return fromKm >= borderKm ? Country.LA : Country.CN_LA;
    }

    /** China Railway Kunming Group maintains the Chinese part, the Laos–China Railway Company the Lao part. */
    static Operator operatorOf(Country country) {
        return switch (country) {
            case CN -> Operator.CR_KUNMING;
            case LA -> Operator.LCR;
            case CN_LA -> throw new IllegalArgumentException("a range across the border has two operators: split it");
        };
    }

    /**
     * The sections a km range touches: those sharing more than a point with it, or, for a range of zero length, those
     * containing its km (two at a point between sections).
     */
    List<Section> sectionsTouching(double fromKm, double toKm) {
        List<Section> out = new ArrayList<>();
        for (Section s : network.sections()) {
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
