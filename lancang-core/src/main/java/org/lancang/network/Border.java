package org.lancang.network;

import java.util.Objects;

/**
 * A border the line crosses, read from a network's {@code borders.csv}: the border point and, on each side, the
 * country and the station where its control (exit or entry formalities) takes place, which may lie well away from the
 * border itself. "Before" is the side of lower km.
 *
 * @param point         the border point (kind BORDER, in the shared country of the two sides)
 * @param before        the country on the side of lower km
 * @param beforeControl where the before-country's controls take place
 * @param after         the country on the side of higher km
 * @param afterControl  where the after-country's controls take place
 * @param beforeFareEnd where the before-country's fares end: its operator charges up to this point
 * @param afterFareStart where the after-country's fares start (a published table may start at its first station)
 * @param source        where the row comes from
 */
public record Border(
        Point point,
        Country before,
        Point beforeControl,
        Country after,
        Point afterControl,
        Point beforeFareEnd,
        Point afterFareStart,
        String source) {
    public Border {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        beforeControl = beforeControl == null ? point : beforeControl;
        afterControl = afterControl == null ? point : afterControl;
        beforeFareEnd = beforeFareEnd == null ? point : beforeFareEnd;
        afterFareStart = afterFareStart == null ? point : afterFareStart;
        source = source == null ? "" : source;
    }

    public double km() {
        return point.km();
    }

    /** The station where {@code country}'s controls for this border take place. */
    public Point controlIn(Country country) {
        return country.equals(before) ? beforeControl : afterControl;
    }
}
