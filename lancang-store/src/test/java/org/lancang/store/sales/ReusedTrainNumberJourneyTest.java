package org.lancang.store.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Joins;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.WorldCurrencies;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.JourneyBookings.LegRequest;
import org.lancang.store.testing.TestDatabase;
import org.lancang.store.timetable.TimetableService;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.SalesWindow;

/**
 * A train number two networks both use: Vientiane–Bangkok's rapid 133 renumbered D87, the number of a China–Laos train
 * (home, so the first network that runs "D87"). Served networks refuse such a pair at start, so the sales are put
 * together here by hand, as the platform does: a leg still goes to the network of its stations, as the journey search
 * offered it, never to the first network that runs its number, and a number that network does not run is refused
 * naming the leg's train.
 */
class ReusedTrainNumberJourneyTest {
    private static final String REUSED = "D87";
    /** Within SRT's sales window of {@code DAY} (7 days). */
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    /** The renumbered 133 leaves Bangkok in the evening and reaches Khamsavath the next morning. */
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static Platform platform;
    private static NetworkSales sales;
    private static JourneyBookings journeys;

    @BeforeAll
    static void start() {
        platform = Platform.start(
                TestDatabase.fresh(),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                List.of(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        ClasspathDataFiles thai = new ClasspathDataFiles("vientiane-bangkok");
        DataFiles renumbered = name -> name.equals("timetable.csv") || name.equals("published-times-2026.csv")
                ? thai.read(name).replace("\n133,", "\n" + REUSED + ",")
                : thai.read(name);
        ServedNetwork srt = ServedNetwork.fromFiles(renumbered, platform.currencies());
        SalesService srtSales = platform.sales()
                .forNetwork(
                        TimetableService.fromPlans(srt.planner(), srt.plans(), srt::roadWindows),
                        srt.fares().orElseThrow(),
                        srt.documents(),
                        SalesWindow.of(srt.operators()));
        sales = NetworkSales.of(platform.sales(), List.of(srtSales));
        journeys = new JourneyBookings(sales, new Joins(srt.joins().all()));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theNumberAloneNamesHomesTrainTheStationsNameTheLegsNetwork() {
        assertThat(sales.ofTrain(REUSED)).isSameAs(sales.home());
        assertThat(sales.ofLeg("KTW", "NKI").orElseThrow().network().code()).isEqualTo("vientiane-bangkok");
        assertThat(sales.ofLeg("ktw", "VTE")).as("no network has both").isEmpty();
    }

    @Test
    void aJourneysLegIsHeldOnTheNetworkOfItsStationsNotTheFirstThatRunsItsNumber() {
        JourneyBookings.Journey j = journeys.hold("pax", "pax", request(REUSED, "TH300001"));
        assertThat(j.first().train()).isEqualTo(REUSED);
        assertThat(j.first().network()).isEqualTo("vientiane-bangkok");
        assertThat(j.second().network()).isEqualTo(sales.home().network().code());
    }

    @Test
    void aNumberTheLegsNetworkDoesNotRunIsRefusedNamingTheLegsTrain() {
        // D88 runs on China–Laos only: asked for between two Thai stations, it is not that leg's train
        assertThatThrownBy(() -> journeys.hold("refused", "refused", request("D88", "TH300002")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("legs[0].train");
                    assertThat(e.errors().get(0).code()).isEqualTo("journey-leg-network");
                });
        assertThat(journeys.journeysOf("refused")).as("nothing written").isEmpty();
    }

    /** Bangkok → Khamsavath on {@code thaiTrain}, the road to Vientiane, then C84 (16:15) to Luang Prabang. */
    private static JourneyBookings.Request request(String thaiTrain, String passport) {
        return new JourneyBookings.Request(
                List.of(
                        new LegRequest(thaiTrain, DAY, "KTW", "KSV", SeatClass.HARD_SEAT, null, null),
                        new LegRequest("C84", DAY.plusDays(1), "VTE", "LPB", SeatClass.SECOND, null, null)),
                List.of(new Passenger(
                        "Somchai P.", "PASSPORT", passport, "THA", LocalDate.of(1988, 2, 3), LocalDate.of(2031, 1, 1))),
                WorldCurrencies.THB);
    }
}
