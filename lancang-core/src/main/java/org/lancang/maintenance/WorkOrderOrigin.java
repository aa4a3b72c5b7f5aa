package org.lancang.maintenance;

/** Why a work order exists: to repair a reported defect, or as planned (preventive) work. */
public enum WorkOrderOrigin {
    DEFECT,
    PLANNED
}
