package org.lancang.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.sales.SalesRecords.Booking;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesService;
import org.lancang.store.testing.TestDatabase;
import org.lancang.testing.TestDates;
import org.lancang.ticketing.Passenger;

/**
 * {@code sales reconcile} on the database of a server that serves a network folder whose bookings are in the
 * folder's own currency (Narvik – Kiruna's kroner, in its currencies.csv): given the networks as {@code serve} was,
 * it checks them; it used to know only the jar's currencies and stop with a stack trace.
 */
class ReconcileNetworkFolderTest {
    private static final String OFOTBANEN = Path.of(
                    "..", "lancang-core", "src", "test", "resources", "networks", "ofotbanen")
            .toAbsolutePath()
            .normalize()
            .toString();
    private static final List<String> SERVED = List.of("china-laos", "vientiane-bangkok", OFOTBANEN);

    @Test
    void reconcileGivenTheServedFolderChecksTheMoneyInItsCurrency() {
        String dbUrl = TestDatabase.fresh().jdbcUrl();
        String currency = sellOnTheFolder(dbUrl);
        assertThat(currency).as("the folder's own currency, none of the jar's").isIn("NOK", "SEK");

        CommandLineTest.Run r = CommandLineTest.runWithoutDatabase(
                "sales", "reconcile", "--network", String.join(",", SERVED), "--db-url=" + dbUrl);

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("  " + currency + ": taken ").contains("OK: every charge is matched");
    }

    /** Without {@code --network}, the folder's bookings are of a network not served: a usage error, no stack trace. */
    @Test
    void reconcileWithoutTheFolderNamesNetworkAndTheCodeFound() {
        String dbUrl = TestDatabase.fresh().jdbcUrl();
        sellOnTheFolder(dbUrl);

        CommandLineTest.Run r = CommandLineTest.runWithoutDatabase("sales", "reconcile", "--db-url=" + dbUrl);

        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err().strip())
                .as("one line, no stack trace")
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .contains("--network")
                .contains("ofotbanen");
    }

    /** Sells and pays a seat on Ofotbanen's 7002 in the database; returns the currency it was paid in. */
    private static String sellOnTheFolder(String dbUrl) {
        List<String> served = SERVED;
        DatabaseOptions options = new DatabaseOptions();
        options.dbUrl = dbUrl;
        String currency;
        try (Platform platform = PlatformOpener.open(options, NetworkFolders.serve(served, "--network"))) {
            SalesService sales = platform.networkSales().ofTrain("7002");
            LocalDate date = TestDates.daysAhead(5);
            Booking held = sales.hold(
                    "pax",
                    "pax",
                    new HoldRequest(
                            "7002",
                            date,
                            "NVK",
                            "KRN",
                            SeatClass.SECOND,
                            null,
                            0,
                            List.of(new Passenger(
                                    "Kari Nordmann",
                                    "PASSPORT",
                                    "N1234567",
                                    "NOR",
                                    LocalDate.of(1990, 5, 17),
                                    LocalDate.of(2031, 1, 1))),
                            sales.defaultCurrency()));
            currency = sales.pay(held.id(), "pax", false, "reconcile-folder-0001")
                    .currency()
                    .code();
        }
        return currency;
    }
}
