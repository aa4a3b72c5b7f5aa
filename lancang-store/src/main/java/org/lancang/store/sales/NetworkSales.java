package org.lancang.store.sales;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lancang.money.Currency;
import org.lancang.network.Point;
import org.lancang.store.networks.PerNetwork;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.ticketing.fares.FareTable;

/**
 * The sales of every network served: one {@link SalesService} per network that sells (home first), each with its own
 * timetable, fares, sales window and seats, all sharing the bookings, payments and booking references (ADR 0027). A
 * request goes to the network of its booking or its stations; station codes are unique across networks, train
 * numbers need not be (two railways may both run a 133), so a leg's network is the one of its stations.
 */
public final class NetworkSales extends PerNetwork<SalesService> {
    private NetworkSales(SalesService home, List<SalesService> others, List<String> served) {
        super(home, others, s -> s.network().code(), new Feature(served, "sales", FareTable.FILE));
    }

    /** Home's sales first, then the others'. */
    public static NetworkSales of(SalesService home, List<SalesService> others) {
        return new NetworkSales(
                home, others, codes(home, others, s -> s.network().code()));
    }

    /**
     * Home's first, then the others'; {@code served} is the code of every network served, so that one without
     * sales is told so rather than called unknown.
     */
    public static NetworkSales of(SalesService home, List<SalesService> others, List<String> served) {
        return new NetworkSales(home, others, served);
    }

    /** The sales of the network that runs the train; home's for a train of none (which refuses it, naming it). */
    public SalesService ofTrain(String train) {
        return firstOrHome(s -> s.sells(train));
    }

    /**
     * The sales of the network that has both of a leg's stations, as the journey search found the leg; empty when no
     * network has both (the boarding station's network then refuses the other). Not found by the train's number: a
     * number may name trains of two networks.
     */
    public Optional<SalesService> ofLeg(String from, String to) {
        String a = from == null ? "" : from.strip().toUpperCase(Locale.ROOT);
        String b = to == null ? "" : to.strip().toUpperCase(Locale.ROOT);
        return first(
                s -> s.network().point(a).isPresent() && s.network().point(b).isPresent());
    }

    /** The sales of the network that has the station; home's for a station of none (which refuses it). */
    public SalesService ofStation(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return firstOrHome(s -> s.network().point(upper).isPresent());
    }

    /** The sales of the network a booking was sold on. */
    public SalesService of(Booking b) {
        return firstOrHome(s -> s.network().code().equals(b.network()));
    }

    /** The sales of the network of a booking its owner (or an agent) may see: its network's, found by the booking. */
    public SalesService ofBooking(String bookingId, String caller, boolean agent) {
        if (homeAlone()) {
            return home(); // home alone sells: no need to read the booking twice (the service reads and checks it)
        }
        return of(home().find(bookingId, caller, agent));
    }

    /** A station of the booking's network, with its names in every language that network gives. */
    public Optional<Point> point(Booking b, String code) {
        return of(b).network().point(code);
    }

    /**
     * The currency a buyer names, refused naming {@code field} when no currencies file defines it; when they name none,
     * home's default (its network.csv says) or, elsewhere, the boarding station's own, else that network's default.
     */
    public Currency currency(String field, String named, String from) {
        if (named != null) {
            return home().currencies().require(field, named);
        }
        SalesService of = ofStation(from);
        return of == home() ? home().defaultCurrency() : of.localCurrency(from).orElse(of.defaultCurrency());
    }

    /** Releases every network's holds whose time is up; returns how many. */
    public int expireHolds() {
        return all().stream().mapToInt(SalesService::expireHolds).sum();
    }
}
