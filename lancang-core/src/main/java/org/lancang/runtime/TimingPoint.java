package org.lancang.runtime;

/**
 * A named place along the path at which the caller wants the train's time (a station it passes or stops at).
 *
 * @param name      caller's name for it, not blank
 * @param positionM position, m from the path start
 */
public record TimingPoint(String name, double positionM) {

    public TimingPoint {
        Require.nonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Require.nonNegative(positionM, "positionM");
    }
}
