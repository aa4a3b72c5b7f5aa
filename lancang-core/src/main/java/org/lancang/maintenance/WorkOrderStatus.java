package org.lancang.maintenance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a work order stands. The lifecycle runs OPEN → PLANNED → IN_PROGRESS → DONE → VERIFIED; a PLANNED order may
 * be planned again (its skylight was cancelled or moved). Nothing else: no skipping, no going back.
 */
public enum WorkOrderStatus {
    OPEN,
    PLANNED,
    IN_PROGRESS,
    DONE,
    VERIFIED;

    /** The statuses an order in this status may move to. */
    public Set<WorkOrderStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(PLANNED);
            case PLANNED -> EnumSet.of(PLANNED, IN_PROGRESS);
            case IN_PROGRESS -> EnumSet.of(DONE);
            case DONE -> EnumSet.of(VERIFIED);
            case VERIFIED -> EnumSet.noneOf(WorkOrderStatus.class);
        };
    }

    public boolean canMoveTo(WorkOrderStatus target) {
        return next().contains(target);
    }

    /** DONE and VERIFIED close the work: the moments the defect's restriction may be lifted. */
    public boolean closing() {
        return this == DONE || this == VERIFIED;
    }
}
