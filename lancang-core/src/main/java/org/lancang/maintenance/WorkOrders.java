package org.lancang.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.timetable.Possession;

/**
 * Creates work orders and moves them through their lifecycle (see {@link WorkOrderStatus}), checking each move
 * against the register. Every refusal is an {@link InvalidInput}: {@code status} for a move the lifecycle does not
 * allow, otherwise the field at fault.
 *
 * <p>Rules beyond the lifecycle, and why: planning needs a skylight occurrence that has not ended and that reaches the
 * work (the defect's km, or some of the asset's range), and a crew; the history never goes back in time; the person
 * who verifies is not the person who reported the work done (an independent check is the point of verifying).
 * Verifying an order from a defect closes the defect; at DONE or VERIFIED the maintainer may lift the defect's speed
 * restriction ({@code liftRestriction}); otherwise it stays until it expires or is lifted on the defect itself.
 */
public final class WorkOrders {
    private static final int MAX_ID = 64;
    private static final int MAX_TITLE = 200;
    private static final int MAX_NOTE = 2000;

    private final AssetRegister register;

    public WorkOrders(AssetRegister register) {
        this.register = Objects.requireNonNull(register, "register");
    }

    /** An OPEN order to repair an OPEN defect, on the defect's asset. */
    public WorkOrder fromDefect(String id, Defect defect, String title, String by, Instant at) {
        Validation v = new Validation();
        checkCreation(v, id, title, by, at);
        if (defect == null) {
            v.add("defectId", "is required");
        } else {
            v.check(defect.status() == DefectStatus.OPEN, "defectId", "defect " + defect.id() + " is already closed");
            v.check(
                    register.find(defect.assetId()).isPresent(),
                    "assetId",
                    "'" + defect.assetId() + "' is not an asset in the register");
        }
        v.throwIfInvalid();
        return created(
                id,
                WorkOrderOrigin.DEFECT,
                defect.assetId(),
                defect.id(),
                title,
                by,
                at,
                "for defect " + defect.id() + " (" + defect.severity() + ")");
    }

    /** An OPEN order for planned work on an asset. */
    public WorkOrder planned(String id, String assetId, String title, String by, Instant at) {
        Validation v = new Validation();
        checkCreation(v, id, title, by, at);
        if (Texts.blank(assetId)) {
            v.add("assetId", "is required");
        } else {
            v.check(register.find(assetId).isPresent(), "assetId", "'" + assetId + "' is not an asset in the register");
        }
        v.throwIfInvalid();
        return created(id, WorkOrderOrigin.PLANNED, assetId.strip(), null, title, by, at, "planned work");
    }

    /** Plans an OPEN (or re-plans a PLANNED) order into a skylight occurrence with a crew. */
    public WorkOrder plan(WorkOrder order, Possession window, String crew, String by, Instant at) {
        return move(order, StatusRequest.plan(window, crew, by, at), null).workOrder();
    }

    public WorkOrder start(WorkOrder order, String by, Instant at) {
        return move(order, StatusRequest.to(WorkOrderStatus.IN_PROGRESS, by, at), null)
                .workOrder();
    }

    /** Reports the work done; {@code defect} is needed only to lift its restriction (else may be {@code null}). */
    public WorkOrderUpdate complete(WorkOrder order, Defect defect, boolean liftRestriction, String by, Instant at) {
        return move(order, StatusRequest.close(WorkOrderStatus.DONE, liftRestriction, by, at), defect);
    }

    /** Verifies the work; closes the defect of an order from a defect (which must then be given). */
    public WorkOrderUpdate verify(WorkOrder order, Defect defect, boolean liftRestriction, String by, Instant at) {
        return move(order, StatusRequest.close(WorkOrderStatus.VERIFIED, liftRestriction, by, at), defect);
    }

    /**
     * Moves an order as requested. {@code defect} is the order's defect as currently stored: required to verify an
     * order from a defect or to lift a restriction, used (if given) to check that a planned window reaches the
     * defect's km, ignored otherwise; {@code null} for planned work.
     */
    public WorkOrderUpdate move(WorkOrder order, StatusRequest request, Defect defect) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(request, "request");
        WorkOrderStatus to = request.to();
        if (to == null) {
            throw new InvalidInput("status", "is required");
        }
        if (!order.status().canMoveTo(to)) {
            throw new InvalidInput(
                    "status",
                    "work order " + order.id() + " cannot go from " + order.status() + " to "
                            + to
                            + (order.status().next().isEmpty()
                                    ? ": it is finished"
                                    : "; from " + order.status() + " it can go to "
                                            + order.status().next().stream()
                                                    .map(Enum::name)
                                                    .collect(Collectors.joining(", "))));
        }
        Validation v = new Validation();
        Texts.required(v, request.by(), "by", 200);
        checkTime(v, order, request.at());
        Texts.optional(v, request.note(), "note", MAX_NOTE);
        Defect current = checkDefect(v, order, defect, to, request.liftRestriction());
        if (to == WorkOrderStatus.PLANNED) {
            checkPlan(v, order, request, current);
        }
        if (to == WorkOrderStatus.VERIFIED
                && !Texts.blank(request.by())
                && request.by().strip().equals(order.lastBy(WorkOrderStatus.DONE))) {
            v.add("by", request.by().strip() + " reported the work done, so someone else must verify it");
        }
        v.throwIfInvalid();
        return apply(order, request, current);
    }

    private WorkOrderUpdate apply(WorkOrder order, StatusRequest request, Defect defect) {
        WorkOrderStatus to = request.to();
        String by = request.by().strip();
        List<String> details = new ArrayList<>();
        Possession window = order.window();
        String crew = order.crew();
        if (to == WorkOrderStatus.PLANNED) {
            window = request.window();
            crew = request.crew().strip();
            details.add("window " + window.id() + " (" + window.start() + " – " + window.end() + "), crew " + crew);
        }
        Defect updated = defect;
        if (request.liftRestriction()) {
            updated = updated.liftRestriction(by, request.at());
            details.add("speed restriction of defect " + defect.id() + " lifted");
        }
        if (to == WorkOrderStatus.VERIFIED && updated != null) {
            updated = updated.close();
            details.add("defect " + defect.id() + " closed");
        }
        if (!Texts.blank(request.note())) {
            details.add(request.note().strip());
        }
        List<StatusChange> history = new ArrayList<>(order.history());
        history.add(new StatusChange(order.status(), to, by, request.at(), String.join("; ", details)));
        WorkOrder next = new WorkOrder(
                order.id(),
                order.origin(),
                order.assetId(),
                order.defectId(),
                order.title(),
                to,
                window,
                crew,
                history);
        return new WorkOrderUpdate(next, updated);
    }

    private void checkCreation(Validation v, String id, String title, String by, Instant at) {
        Texts.required(v, id, "id", MAX_ID);
        Texts.required(v, title, "title", MAX_TITLE);
        Texts.required(v, by, "by", 200);
        v.check(at != null, "at", "is required");
    }

    private static WorkOrder created(
            String id,
            WorkOrderOrigin origin,
            String assetId,
            String defectId,
            String title,
            String by,
            Instant at,
            String detail) {
        StatusChange creation = new StatusChange(null, WorkOrderStatus.OPEN, by.strip(), at, detail);
        return new WorkOrder(
                id.strip(),
                origin,
                assetId,
                defectId,
                title.strip(),
                WorkOrderStatus.OPEN,
                null,
                null,
                List.of(creation));
    }

    private static void checkTime(Validation v, WorkOrder order, Instant at) {
        if (at == null) {
            v.add("at", "is required");
        } else if (at.isBefore(order.lastChange().at())) {
            v.add(
                    "at",
                    at + " is before the order's last change ("
                            + order.lastChange().at() + ")");
        }
    }

    /** The defect the move works on, or null; checks it is the order's own and is there when the move needs it. */
    private static Defect checkDefect(Validation v, WorkOrder order, Defect defect, WorkOrderStatus to, boolean lift) {
        if (lift && !to.closing()) {
            v.add("liftRestriction", "a restriction can be lifted only when the work is DONE or VERIFIED");
        }
        if (order.defectId() == null) {
            v.check(
                    !lift,
                    "liftRestriction",
                    "work order " + order.id() + " is planned work, with no defect " + "restriction to lift");
            return null;
        }
        boolean needed = (lift && to.closing()) || to == WorkOrderStatus.VERIFIED;
        if (defect == null) {
            v.check(
                    !needed,
                    "defectId",
                    "defect " + order.defectId() + " is needed to "
                            + (to == WorkOrderStatus.VERIFIED ? "close it" : "lift its restriction"));
            return null;
        }
        if (!defect.id().equals(order.defectId())) {
            v.add(
                    "defectId",
                    "defect " + defect.id() + " is not the one of work order " + order.id() + " (" + order.defectId()
                            + ")");
            return null;
        }
        if (lift && to.closing() && !defect.hasRestriction()) {
            v.add("liftRestriction", "defect " + defect.id() + " has no speed restriction to lift");
        }
        return defect;
    }

    private void checkPlan(Validation v, WorkOrder order, StatusRequest request, Defect defect) {
        Texts.required(v, request.crew(), "crew", 200);
        Possession w = request.window();
        if (w == null) {
            v.add("window", "a skylight occurrence is required to plan the work");
            return;
        }
        if (request.at() != null && !w.end().isAfter(request.at())) {
            v.add("window", w.id() + " ended at " + w.end() + ", before the planning at " + request.at());
        }
        Network network = register.network();
        Optional<Point> a = network.point(w.fromPoint());
        Optional<Point> b = network.point(w.toPoint());
        if (a.isEmpty() || b.isEmpty()) {
            v.add("window", w.id() + " names a point that is not on the line");
            return;
        }
        // the km of the window's ends on each line holding both (a branch and the main line may share km numbers)
        List<Line> lines = network.linesHolding(a.get().code(), b.get().code());
        if (lines.isEmpty()) {
            v.add("window", w.id() + " closes " + w.fromPoint() + "–" + w.toPoint() + ", which share no line");
            return;
        }
        for (Line line : lines) {
            double fromKm = line.km(line.indexOf(w.fromPoint()));
            double toKm = line.km(line.indexOf(w.toPoint()));
            double lo = Math.min(fromKm, toKm);
            double hi = Math.max(fromKm, toKm);
            boolean reaches = defect != null
                    ? (defect.line() == null ? lines.size() == 1 : line.code().equals(defect.line()))
                            && defect.km() >= lo
                            && defect.km() <= hi
                    : register.find(order.assetId())
                            .map(asset -> line.code().equals(register.lineOf(asset)) && asset.overlaps(lo, hi))
                            .orElse(true);
            if (reaches) {
                return;
            }
        }
        String range = w.fromPoint() + "–" + w.toPoint() + " (" + lines.get(0).code() + " km "
                + LineGeometry.fmt(lines.get(0).km(lines.get(0).indexOf(w.fromPoint()))) + " … "
                + LineGeometry.fmt(lines.get(0).km(lines.get(0).indexOf(w.toPoint()))) + ")";
        if (defect != null) {
            v.add(
                    "window",
                    w.id() + " closes " + range + ", which does not reach defect " + defect.id() + " at "
                            + defect.line() + " km " + LineGeometry.fmt(defect.km()));
        } else {
            register.find(order.assetId())
                    .ifPresent(asset -> v.add(
                            "window",
                            w.id() + " closes " + range + ", which does not reach " + asset.id() + " (km "
                                    + LineGeometry.fmt(asset.fromKm()) + " … " + LineGeometry.fmt(asset.toKm()) + ")"));
        }
    }
}
