package org.lancang.maintenance;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.lancang.network.Country;
import org.lancang.timetable.Operator;

/**
 * One maintainable thing of the line, located by a km range (a turnout or a point-like asset has
 * {@code fromKm == toKm}).
 *
 * @param id         stable id, e.g. {@code TRK-GLB-GMA}, {@code BRG-LPB-MEKONG}, {@code TO-GLB-03}
 * @param country    CN or LA, derived from the km range and the border; never CN/LA, since an asset crossing the
 *                   border is split into its Chinese and Lao parts
 * @param operator   who maintains it: China Railway Kunming Group north of the border, LCR south of it
 * @param attributes free descriptive facts (tracks, line speed, source, assumptions…), sorted by key
 */
public record Asset(
        String id,
        AssetType type,
        String name,
        double fromKm,
        double toKm,
        Country country,
        Operator operator,
        Map<String, String> attributes) {
    public Asset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(operator, "operator");
        if (!(fromKm <= toKm)) {
            throw new IllegalArgumentException("toKm: " + toKm + " is before fromKm " + fromKm);
        }
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes == null ? Map.of() : attributes));
    }

    /** Whether the km lies on this asset (its ends included). */
    public boolean covers(double km) {
        return km >= fromKm && km <= toKm;
    }

    /** Whether this asset shares at least one km with the closed range {@code lo … hi}. */
    public boolean overlaps(double lo, double hi) {
        return fromKm <= hi && toKm >= lo;
    }

    public double lengthKm() {
        return toKm - fromKm;
    }
}
