package org.lancang.maintenance;

import java.util.List;
import java.util.Objects;
import org.lancang.timetable.Possession;

/**
 * Work to be done on an asset: the repair of a defect or planned work. Built and moved through its lifecycle by
 * {@link WorkOrders}; each move appends to {@code history}.
 *
 * @param defectId the defect it repairs, or {@code null} for planned work
 * @param window   the skylight occurrence it is planned into, or {@code null} before planning
 * @param crew     the crew planned to do it, or {@code null} before planning
 * @param history  every status change, oldest first; the first is the creation
 */
public record WorkOrder(
        String id,
        WorkOrderOrigin origin,
        String assetId,
        String defectId,
        String title,
        WorkOrderStatus status,
        Possession window,
        String crew,
        List<StatusChange> history) {
    public WorkOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
        if (history.isEmpty() || history.get(history.size() - 1).to() != status) {
            throw new IllegalArgumentException("history: the last change must lead to the status " + status);
        }
        if ((origin == WorkOrderOrigin.DEFECT) != (defectId != null)) {
            throw new IllegalArgumentException("defectId: required exactly for an order from a defect");
        }
    }

    public StatusChange lastChange() {
        return history.get(history.size() - 1);
    }

    /** Who moved it to {@code status} most recently, or {@code null} if it never was there. */
    public String lastBy(WorkOrderStatus status) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == status) {
                return history.get(i).by();
            }
        }
        return null;
    }
}
