package org.lancang.store.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.errors.NotFound;
import org.lancang.store.networks.NetworkChoice;

/**
 * The timetable changes of every network served, one {@link TimetableChangeService} each (home's first): a request
 * goes to the network it names, or, for an existing change, to the network whose change it is (ids are unique across
 * networks: they are the primary key of one table).
 */
public final class NetworkChanges {
    private final List<TimetableChangeService> services;

    private NetworkChanges(List<TimetableChangeService> services) {
        this.services = List.copyOf(services);
    }

    /** Home's changes alone. */
    public static NetworkChanges of(TimetableChangeService home) {
        return new NetworkChanges(List.of(home));
    }

    /** Home's changes first, then each other network's. */
    public static NetworkChanges of(TimetableChangeService home, List<TimetableChangeService> others) {
        List<TimetableChangeService> all = new ArrayList<>();
        all.add(home);
        all.addAll(others);
        return new NetworkChanges(all);
    }

    public TimetableChangeService home() {
        return services.get(0);
    }

    /** Every network's change service, home's first. */
    public List<TimetableChangeService> all() {
        return services;
    }

    /** The changes of a network, by its code. */
    public Optional<TimetableChangeService> named(String network) {
        return services.stream()
                .filter(s -> s.network().equalsIgnoreCase(network.strip()))
                .findFirst();
    }

    /**
     * The changes of the network a request names ({@code null} or blank: home's); an unknown network is a 400 naming
     * {@code field}, since it is the request that is wrong, not a resource that is missing.
     */
    public TimetableChangeService require(String network, String field) {
        return NetworkChoice.of(services, TimetableChangeService::network, network, field);
    }

    /** The service holding the change of this id, or {@link NotFound} naming {@code id}. */
    public TimetableChangeService holding(String id) {
        return services.stream()
                .filter(s -> s.has(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("id", "no timetable change '" + id + "'", "change-unknown"));
    }
}
