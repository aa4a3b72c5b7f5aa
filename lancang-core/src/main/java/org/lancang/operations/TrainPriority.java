package org.lancang.operations;

import org.lancang.network.Network;
import org.lancang.timetable.TrainPlan;

/** How much a minute of a train's delay weighs when the dispatcher re-plans: passengers first, then express freight. */
public enum TrainPriority {
    PASSENGER,
    /** Freight across the border: the Lancang–Mekong Express of the reference data. */
    EXPRESS_FREIGHT,
    FREIGHT;

    /** A passenger train; a freight train that crosses the border (origin and destination in different countries); other freight. */
    public static TrainPriority of(TrainPlan plan, Network network) {
        if (plan.passenger()) {
            return PASSENGER;
        }
        var from = network.point(plan.from()).orElseThrow().country();
        var to = network.point(plan.to()).orElseThrow().country();
        return !from.equals(to) ? EXPRESS_FREIGHT : FREIGHT;
    }
}
