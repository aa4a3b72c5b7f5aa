package org.lancang.operations;

/**
 * Why a forecast time is what it is: the plan ({@code PLAN}), a reported time ({@code ACTUAL}), a point passed without a
 * report ({@code PASSED}: no later than the next report), a departure hold at a point ({@code HOLD}: customs at a border), the road's window on a
 * shared bridge ({@code ROAD_WINDOW}: the train waits before the bridge), or the activity that holds it back, with the train and point
 * it comes from (for a meet, the train waited for; for a turn, the train that forms this one).
 */
public record Cause(String kind, String train, String point) {
    /** The kind of a time held back by a {@link DepartureHold} at {@code point}. */
    public static final String HOLD = "HOLD";

    /** The kind of a departure held back by the road's window on a shared bridge ({@link RoadWindow}) at {@code point}. */
    public static final String ROAD_WINDOW = "ROAD_WINDOW";

    public static final Cause PLAN = new Cause("PLAN", null, null);
    public static final Cause ACTUAL = new Cause("ACTUAL", null, null);
    public static final Cause PASSED = new Cause("PASSED", null, null);
}
