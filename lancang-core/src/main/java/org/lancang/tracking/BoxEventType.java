package org.lancang.tracking;

/**
 * The steps a freight unit goes through, in the order of a journey. Train steps are derived from the train's running
 * events; the others are reported by the terminals (or the shipper, for their own consignments).
 */
public enum BoxEventType {
    GATE_IN(false),
    LOADED(false),
    DEPARTED(true),
    PASSED(true),
    BORDER_EXIT(true),
    BORDER_ENTRY(true),
    CUSTOMS_RELEASE(false),
    /** Customs at a border hold the box (with a reason, kept by customs): it may not cross until released. */
    CUSTOMS_HOLD(false),
    ARRIVED(true),
    /** Moved from the standard-gauge train to a metre-gauge one (the link to Thailand). */
    TRANSSHIPPED(false),
    DELIVERED(false),
    EMPTY_RETURNED(false);

    private final boolean fromTrain;

    BoxEventType(boolean fromTrain) {
        this.fromTrain = fromTrain;
    }

    /** Whether the step is derived from the train's running events (and so never reported by hand). */
    public boolean fromTrain() {
        return fromTrain;
    }
}
