package org.lancang.store.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.lancang.store.networks.NetworkChoice;

/**
 * The maintenance of every network served (home first): each its own {@link MaintenanceService}, asset register,
 * defects, work orders and skylights over its own timetable, sharing the database. A request goes to the network of
 * its asset, defect, work order or point (ids and codes are unique across the networks), or to the one it names.
 */
public final class NetworkMaintenance {
    private final List<MaintenanceService> all;

    private NetworkMaintenance(List<MaintenanceService> all) {
        this.all = List.copyOf(all);
    }

    /** The home network's maintenance alone. */
    public static NetworkMaintenance of(MaintenanceService home) {
        return new NetworkMaintenance(List.of(home));
    }

    /** The home network's maintenance and that of the other networks served. */
    public static NetworkMaintenance of(MaintenanceService home, List<MaintenanceService> others) {
        List<MaintenanceService> all = new ArrayList<>();
        all.add(home);
        all.addAll(others);
        return new NetworkMaintenance(all);
    }

    public MaintenanceService home() {
        return all.get(0);
    }

    /** Every network's maintenance, home first. */
    public List<MaintenanceService> all() {
        return all;
    }

    /** The maintenance of the network named, or home's when none is named; {@link NetworkChoice}'s rule. */
    public MaintenanceService named(String code, String field) {
        return NetworkChoice.of(all, MaintenanceService::network, code, field);
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
        return id == null
                ? home()
                : all.stream().filter(m -> has.test(m, id.strip())).findFirst().orElse(home());
    }

    /** The network of a point; home's for a code no network has (its answer names the point unknown). */
    public MaintenanceService ofPoint(String code) {
        return all.stream().filter(m -> m.has(code)).findFirst().orElse(home());
    }
}
