package org.lancang.store.customs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lancang.customs.BorderClearance;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.freight.FreightData;
import org.lancang.operations.DispatchRules;
import org.lancang.store.customs.CustomsRecords.Decision;
import org.lancang.store.customs.CustomsRecords.Release;
import org.lancang.store.networks.PerNetwork;

/**
 * Customs at every border of every network that books freight (home first): one {@link CustomsService} per network,
 * each with its own borders, rules ({@code customs-rules.csv} of its folder) and interlock, sharing the tables (a
 * booking belongs to one network). A through consignment crosses a border on each network its legs run on, and each
 * of those borders' customs declare and release it on their own.
 */
public final class NetworkCustoms extends PerNetwork<CustomsService> {
    private NetworkCustoms(CustomsService home, List<CustomsService> others, List<String> served) {
        super(
                home,
                others,
                CustomsService::networkCode,
                new Feature(served, "customs", DispatchRules.FILE + " or no " + FreightData.SLOTS_FILE));
    }

    /** Home's customs first, then the others'. */
    public static NetworkCustoms of(CustomsService home, List<CustomsService> others) {
        return new NetworkCustoms(home, others, codes(home, others, CustomsService::networkCode));
    }

    /**
     * Home's first, then the others'; {@code served} is the code of every network served, so that one without
     * customs is told so rather than called unknown.
     */
    public static NetworkCustoms of(CustomsService home, List<CustomsService> others, List<String> served) {
        return new NetworkCustoms(home, others, served);
    }

    /** The country a customs user works for (one table for every network). */
    public Optional<String> countryOf(String username) {
        return home().countryOf(username);
    }

    /** Ties a customs user to a country with border controls on any network served. */
    public String assign(String username, String countryCode, String admin) {
        if (countryCode != null) {
            for (CustomsService c : all()) {
                if (c.controls(countryCode.strip())) {
                    return c.assign(username, countryCode, admin);
                }
            }
        }
        Set<String> known = new LinkedHashSet<>();
        all().forEach(c -> known.addAll(c.controlCountries()));
        throw new InvalidInput("country", "must be one of " + known);
    }

    /**
     * Customs decide, all or none: each consignment is decided on the network where the officer's country has its
     * controls (a through consignment's number is known on each network it crosses a border of). The decisions of one
     * call are on one network: one transaction.
     */
    public List<Release> decide(List<Decision> decisions, String officer, boolean prefixed) {
        String country = countryOf(officer).orElse(null);
        if (homeAlone() || country == null || decisions == null) {
            return home().decide(decisions, officer, prefixed);
        }
        CustomsService chosen = null;
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            if (d == null || d.consignment() == null || d.consignment().isBlank()) {
                continue; // refused by the service, naming it
            }
            CustomsService where = decidedOn(d.consignment(), country);
            if (chosen != null && where != chosen) {
                throw new InvalidInput(
                        (prefixed ? "decisions[" + i + "]." : "") + "consignment",
                        "is cleared at a border of " + where.networkCode() + ", the decisions before it at one of "
                                + chosen.networkCode() + ": send each network's decisions apart");
            }
            chosen = where;
        }
        return (chosen == null ? home() : chosen).decide(decisions, officer, prefixed);
    }

    /** The network where {@code country}'s customs decide on a consignment; else the first that knows it. */
    private CustomsService decidedOn(String consignment, String country) {
        CustomsService known = null;
        for (CustomsService c : all()) {
            try {
                if (c.releasesOf(consignment, "consignment").stream()
                        .anyMatch(r -> r.crossing().decidedBy(country))) {
                    return c;
                }
                known = known == null ? c : known;
            } catch (NotFound e) {
                // not a consignment crossing a border of this network
            }
        }
        return known == null ? home() : known;
    }

    /**
     * Before a through consignment's boxes are loaded on its onward train: refused (409 naming the border) unless
     * every border its first leg crossed released it and every border its onward leg is to cross (in travel order)
     * has its declaration.
     */
    public void checkOnward(String bookingId, String onwardBookingId) {
        BorderClearance.check(bookingId, atBorders(bookingId), atBorders(onwardBookingId), "bookingId");
    }

    /**
     * Every border a consignment's legs cross, in travel order, with its state there: the borders of its own train,
     * then those of its onward train ({@code onwardBookingId}, null when it has none).
     */
    public List<BorderClearance.AtBorder> borders(String bookingId, String onwardBookingId) {
        List<BorderClearance.AtBorder> out = new ArrayList<>(atBorders(bookingId));
        if (onwardBookingId != null) {
            out.addAll(atBorders(onwardBookingId));
        }
        return out;
    }

    private List<BorderClearance.AtBorder> atBorders(String bookingId) {
        return all().stream().flatMap(c -> c.atBorders(bookingId).stream()).toList();
    }
}
