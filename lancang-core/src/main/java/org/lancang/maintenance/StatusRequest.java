package org.lancang.maintenance;

import java.time.Instant;
import org.lancang.timetable.Possession;

/**
 * A request to move a work order to another status, as the user sends it.
 *
 * @param window          for PLANNED: the skylight occurrence the work goes into
 * @param crew            for PLANNED: who does it
 * @param liftRestriction for DONE or VERIFIED: lift the defect's speed restriction now
 * @param note            free text kept in the history; may be blank
 */
public record StatusRequest(
        WorkOrderStatus to,
        String by,
        Instant at,
        Possession window,
        String crew,
        boolean liftRestriction,
        String note) {

    public static StatusRequest plan(Possession window, String crew, String by, Instant at) {
        return new StatusRequest(WorkOrderStatus.PLANNED, by, at, window, crew, false, "");
    }

    public static StatusRequest to(WorkOrderStatus to, String by, Instant at) {
        return new StatusRequest(to, by, at, null, null, false, "");
    }

    public static StatusRequest close(WorkOrderStatus to, boolean liftRestriction, String by, Instant at) {
        return new StatusRequest(to, by, at, null, null, liftRestriction, "");
    }
}
