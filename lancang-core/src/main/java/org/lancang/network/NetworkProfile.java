package org.lancang.network;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a network says about itself, read from its {@code network.csv} and {@code countries.csv}: its code and names,
 * the zone its service day is counted in (a run's date, the sales and maintenance day), the zone its GTFS feed is
 * written in (GTFS wants one zone per agency, so one per feed), and the countries it runs through.
 *
 * @param code        the network's code, unique across the networks served together (its folder's name)
 * @param names       the network's names
 * @param serviceZone the zone of the service day
 * @param feedZone    the zone of the GTFS feed
 * @param countries   the countries the points lie in (real ones: shared border countries are derived)
 * @param source      where the row comes from
 */
public record NetworkProfile(
        String code, Names names, ZoneId serviceZone, ZoneId feedZone, List<Country> countries, String source) {
    public NetworkProfile {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(serviceZone, "serviceZone");
        Objects.requireNonNull(feedZone, "feedZone");
        countries = List.copyOf(countries);
        source = source == null ? "" : source;
    }
}
