package org.lancang.operations;

/** Why one event cannot happen before another: the arcs of the event–activity graph. */
public enum ActivityKind {
    /** The train runs from one point to the next: at least its fastest running time plus the share of the allowance it cannot make up. */
    RUN,
    /** The train stands at a point: at least its commercial dwell (zero where it only waits for a meet). */
    DWELL,
    /** The stand at the last station before (or first after) the border: the formalities of the handover. */
    BORDER_HANDOVER,
    /** The order of two trains on a single-track line: the second enters once the first has cleared it. */
    MEET_ORDER,
    /** The set that arrives at a terminus forms a later departure from there. */
    TURN
}
