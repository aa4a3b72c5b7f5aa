package org.lancang.maintenance;

/**
 * The result of moving a work order: the order, and its defect as it now stands (restriction lifted, closed), or
 * {@code null} for planned work. Store both.
 */
public record WorkOrderUpdate(WorkOrder workOrder, Defect defect) {}
