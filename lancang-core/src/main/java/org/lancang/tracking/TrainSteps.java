package org.lancang.tracking;

import java.util.Optional;
import org.lancang.network.Border;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;

/**
 * Which step a running event of a train is for the units it carries, from where the train starts and ends and the
 * borders the network describes: the departure from the origin is DEPARTED, the arrival at the destination ARRIVED;
 * leaving the control station of the country the train leaves is BORDER_EXIT, reaching the control station of the
 * country it enters BORDER_ENTRY; any other departure or pass is PASSED. Intermediate arrivals are not a step (the
 * departure that follows is).
 */
public final class TrainSteps {
    private final Network network;

    public TrainSteps(Network network) {
        this.network = network;
    }

    /**
     * The step of a unit carried from {@code origin} to {@code destination} (its booking's stations, which may lie
     * inside the train's own run), or nothing when the event is not one (an intermediate arrival, or a point outside
     * the unit's stretch).
     */
    public Optional<BoxEventType> of(RunningEvent e, String origin, String destination) {
        String point = e.point();
        Optional<Point> at = network.point(point);
        Optional<Point> a = network.point(origin);
        Optional<Point> z = network.point(destination);
        if (at.isPresent() && a.isPresent() && z.isPresent()) {
            double lo = Math.min(a.get().km(), z.get().km());
            double hi = Math.max(a.get().km(), z.get().km());
            if (at.get().km() < lo || at.get().km() > hi) {
                return Optional.empty();
            }
        }
        if (e.kind() == EventKind.DEPARTURE && point.equalsIgnoreCase(origin)) {
            return Optional.of(BoxEventType.DEPARTED);
        }
        if (e.kind() == EventKind.ARRIVAL && point.equalsIgnoreCase(destination)) {
            return Optional.of(BoxEventType.ARRIVED);
        }
        Optional<Point> from = network.point(origin);
        Optional<Point> to = network.point(destination);
        if (from.isPresent() && to.isPresent()) {
            boolean upKm = to.get().km() > from.get().km();
            for (Border b : network.borders()) {
                if (!crosses(b, from.get(), to.get())) {
                    continue;
                }
                Point exit = upKm ? b.beforeControl() : b.afterControl();
                Point entry = upKm ? b.afterControl() : b.beforeControl();
                if (e.kind() != EventKind.ARRIVAL && exit.code().equalsIgnoreCase(point)) {
                    return Optional.of(BoxEventType.BORDER_EXIT);
                }
                if (e.kind() != EventKind.DEPARTURE && entry.code().equalsIgnoreCase(point)) {
                    return Optional.of(BoxEventType.BORDER_ENTRY);
                }
            }
        }
        return e.kind() == EventKind.ARRIVAL ? Optional.empty() : Optional.of(BoxEventType.PASSED);
    }

    private static boolean crosses(Border b, Point from, Point to) {
        double lo = Math.min(from.km(), to.km());
        double hi = Math.max(from.km(), to.km());
        return b.km() > lo && b.km() < hi;
    }
}
