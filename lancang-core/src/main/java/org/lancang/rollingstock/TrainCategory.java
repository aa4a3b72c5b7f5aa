package org.lancang.rollingstock;

/** The broad kind of train; it decides which line speed applies (EMU or locomotive-hauled). */
public enum TrainCategory {
    EMU,
    LOCO_HAULED,
    FREIGHT;

    /** Whether trains of this kind carry passengers (and so are sold and published in GTFS). */
    public boolean carriesPassengers() {
        return this != FREIGHT;
    }

    /** Freight and locomotive-hauled passenger trains run at the lower line speed. */
    public boolean usesLocoHauledSpeed() {
        return this != EMU;
    }
}
