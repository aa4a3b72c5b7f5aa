package org.lancang.store.maintenance;

import java.util.List;
import java.util.function.BiPredicate;
import org.lancang.store.networks.PerNetwork;

/**
 * The maintenance of every network served (home first): each its own {@link MaintenanceService}, asset register,
 * defects, work orders and skylights over its own timetable, sharing the database. A request goes to the network of
 * its asset, defect, work order or point (ids and codes are unique across the networks), or to the one it names.
 */
public final class NetworkMaintenance extends PerNetwork<MaintenanceService> {
    private NetworkMaintenance(MaintenanceService home, List<MaintenanceService> others) {
        super(home, others, MaintenanceService::network);
    }

    /** The home network's maintenance and that of the other networks served. */
    public static NetworkMaintenance of(MaintenanceService home, List<MaintenanceService> others) {
        return new NetworkMaintenance(home, others);
    }

    /** The network of an asset; home's for an id no register has (its answer names it unknown). */
    public MaintenanceService ofAsset(String id) {
        return having(id, (m, key) -> m.register().find(key).isPresent());
    }

    /** The network of a defect; home's for an unknown id. */
    public MaintenanceService ofDefect(String id) {
        return having(id, (m, key) -> m.defects().stream().anyMatch(d -> d.id().equals(key)));
    }

    /** The network of a work order; home's for an unknown id. */
    public MaintenanceService ofWorkOrder(String id) {
        return having(id, (m, key) -> m.workOrders().stream().anyMatch(o -> o.id().equals(key)));
    }

    /** The first network that has the record of {@code id}, or home (whose answer then names it unknown). */
    private MaintenanceService having(String id, BiPredicate<MaintenanceService, String> has) {
        return id == null ? home() : firstOrHome(m -> has.test(m, id.strip()));
    }

    /** The network of a point; home's for a code no network has (its answer names the point unknown). */
    public MaintenanceService ofPoint(String code) {
        return firstOrHome(m -> m.has(code));
    }
}
