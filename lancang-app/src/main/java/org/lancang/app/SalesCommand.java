package org.lancang.app;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.store.Platform;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.sales.SalesAudit;
import org.lancang.store.sales.SalesRecords.JourneyOption;
import org.lancang.store.sales.SalesService;
import org.lancang.ticketing.payments.Reconciliation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lancang sales journeys}: what the ticket office would offer; {@code lancang sales reconcile}: money against
 * tickets and seats against bookings.
 */
@Command(
        name = "sales",
        mixinStandardHelpOptions = true,
        description = "Passenger sales.",
        subcommands = {SalesCommand.Journeys.class, SalesCommand.Reconcile.class})
final class SalesCommand extends CommandGroup {
    /** Times as passengers read them, in whole minutes (as the pages show them too). */
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Command(
            name = "journeys",
            mixinStandardHelpOptions = true,
            description =
                    "Trains between two stations on a date: local times, duration, border, seats and fares per class.")
    static final class Journeys extends PlatformCommand {
        @Option(names = "--from", required = true)
        String from;

        @Option(names = "--to", required = true)
        String to;

        @Option(names = "--date", required = true, description = "YYYY-MM-DD")
        LocalDate date;

        @Option(
                names = "--currency",
                description = "a code of the currencies table (default: the network's own, e.g. CNY on China–Laos)")
        String currency;

        /** The stations pick the network; a folder named here is served for the search (its own stations). */
        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) {
            SalesService sales = platform.networkSales().ofStation(from);
            Currency paid = currency == null
                    ? sales.defaultCurrency()
                    : platform.currencies().require("--currency", currency);
            for (JourneyOption j : sales.journeys(from, to, date, paid)) {
                out.printf(
                        "%-6s %s %s → %s %s  %dh%02d%s%s%n",
                        j.train(),
                        j.from(),
                        HH_MM.format(j.departure()),
                        j.to(),
                        HH_MM.format(j.arrival()) + " (UTC" + j.arrival().getOffset() + ")",
                        j.durationMinutes() / 60,
                        j.durationMinutes() % 60,
                        j.crossesBorder() ? "  crosses the border" : "",
                        j.onSale() ? "" : "  (not on sale now)");
                out.println("       "
                        + j.classes().stream()
                                .map(c -> c.seatClass() + ": " + c.available() + " seats, "
                                        + c.fare().total() + " ("
                                        + c.fare().parts().stream()
                                                .map(p -> p.amount().toString())
                                                .collect(Collectors.joining(" + "))
                                        + ")")
                                .collect(Collectors.joining("; ")));
            }
            return 0;
        }
    }

    @Command(
            name = "reconcile",
            mixinStandardHelpOptions = true,
            description = "Checks, from the database and the payment provider's ledger, that every charge is matched by"
                    + " a ticket or a refund (money taken = money for tickets issued + money given back, for every"
                    + " booking through its changes) and that every seat-segment is in at most one live booking."
                    + " Exit code 0 if all holds, 1 if not.")
    static final class Reconcile extends PlatformCommand {
        @Option(names = "--date", description = "only this service date (and the bookings changed to or from it)")
        LocalDate date;

        @Option(
                names = "--network",
                split = ",",
                description = "the networks the server serves, as serve's --network takes them (a network folder on"
                        + " disk by its path, ./my-line): the money of a folder's bookings may be in a currency of"
                        + " its own currencies.csv; default: every one of data/")
        List<String> networks;

        @Override
        Platform open() {
            return PlatformOpener.open(database, NetworkFolders.serve(networks, "--network"));
        }

        @Override
        int run(Platform platform, PrintWriter out) {
            servesEveryNetworkBooked(platform);
            SalesAudit.Report r = platform.sales().reconcile(date);
            Reconciliation.Report money = r.money();
            out.printf(
                    "%s: %d bookings (counted through their changes), %d with a payment on its way%n",
                    date == null ? "all service dates" : "service date " + date, money.chains(), money.inFlight());
            money.taken()
                    .forEach((currency, taken) -> out.printf(
                            "  %s: taken %s, given back %s%n",
                            currency, taken, money.refunded().get(currency)));
            for (Reconciliation.Finding f : money.findings()) {
                out.println("MONEY booking " + f.bookingId() + ": " + f.message());
            }
            for (SalesAudit.SeatClash c : r.seatsSoldTwice()) {
                out.println("SEAT " + c.train() + " " + c.date() + " seat " + c.seatIndex() + " is in bookings "
                        + c.firstBooking() + " and " + c.secondBooking());
            }
            out.println(
                    r.holds()
                            ? "OK: every charge is matched by a ticket or a refund; no seat-segment is sold twice"
                            : "NOT OK: " + money.findings().size() + " money finding(s), "
                                    + r.seatsSoldTwice().size() + " seat-segment(s) sold twice");
            return r.holds() ? 0 : 1;
        }

        /**
         * A booking of a network not served may be in a currency only its folder defines: a usage error naming
         * {@code --network} and the network, not a stack trace half-way through the money.
         */
        private void servesEveryNetworkBooked(Platform platform) {
            List<String> unserved = platform.sales().networksBooked().stream()
                    .filter(n -> platform.networks().find(n).isEmpty())
                    .toList();
            if (!unserved.isEmpty()) {
                throw new InvalidInput(
                        "--network",
                        "the database holds bookings of "
                                + unserved.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                                + ", not served here: give --network the networks the server serves, as serve took"
                                + " them (a network folder by its path, ./" + unserved.get(0) + ")");
            }
        }
    }
}
