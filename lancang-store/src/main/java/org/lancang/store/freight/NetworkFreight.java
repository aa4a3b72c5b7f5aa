package org.lancang.store.freight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.lancang.freight.FreightData;
import org.lancang.freight.Pools;
import org.lancang.store.networks.PerNetwork;

/**
 * The freight of every network served: one {@link FreightService} per network that has a freight catalogue (home
 * first), each with its own slots, pools, rules, tariffs and timetable, sharing the tables (each row names its
 * network). A request or booking goes to the network it was made on; a new one to the network the caller names, home's
 * by default, as the planner's pages choose theirs.
 */
public final class NetworkFreight extends PerNetwork<FreightService> {
    private final Jdbi jdbi;

    private NetworkFreight(FreightService home, List<FreightService> others, List<String> served) {
        super(home, others, FreightService::networkCode, new Feature(served, "freight", FreightData.SLOTS_FILE));
        this.jdbi = home.jdbi();
        units();
    }

    /** Home's freight first, then the others'. */
    public static NetworkFreight of(FreightService home, List<FreightService> others) {
        return new NetworkFreight(home, others, codes(home, others, FreightService::networkCode));
    }

    /**
     * Home's first, then the others'; {@code served} is the code of every network served, so that one without
     * freight is told so rather than called unknown.
     */
    public static NetworkFreight of(FreightService home, List<FreightService> others, List<String> served) {
        return new NetworkFreight(home, others, served);
    }

    /** A unit number in two networks' pools would be one unit in the database: refused at start, naming both. */
    private void units() {
        Map<String, String> seen = new HashMap<>();
        for (FreightService f : all()) {
            for (Pools.Pool p : f.data().pools()) {
                for (String unit : p.units()) {
                    String before = seen.putIfAbsent(unit, f.networkCode());
                    if (before != null && !before.equals(f.networkCode())) {
                        throw new IllegalStateException("unit number " + unit + " is in the pools of both " + before
                                + " and " + f.networkCode() + ": change a station code or an owner in "
                                + Pools.FILE);
                    }
                }
            }
        }
    }

    /** The freight of the network a request was made on (home's for an unknown id, which refuses it naming it). */
    public FreightService ofRequest(String id) {
        return ofRow("freight_request", id);
    }

    /** The freight of the network a booking was made on (home's for an unknown id, which refuses it naming it). */
    public FreightService ofBooking(String id) {
        return ofRow("freight_booking", id);
    }

    private FreightService ofRow(String table, String id) {
        if (homeAlone() || id == null) {
            return home();
        }
        Optional<String> network =
                jdbi.withHandle(h -> h.createQuery("SELECT network FROM " + table + " WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .findOne());
        return network.map(n -> firstOrHome(f -> f.networkCode().equals(n))).orElse(home());
    }
}
