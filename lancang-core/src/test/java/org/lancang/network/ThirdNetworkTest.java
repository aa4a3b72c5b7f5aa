package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.fares.FarePart;
import org.lancang.ticketing.fares.FareQuote;
import org.lancang.ticketing.fares.FareTable;
import org.lancang.ticketing.inventory.CrossBorderSplit;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * A third network, made up and tiny, loads from its folder with no code change: another zone (its service day on Paris
 * time, one country on Lisbon time), three countries, two borders with their control stations away from the border,
 * an operator running trains on a country whose infrastructure another manages. Trains are planned and fares sold on it.
 */
class ThirdNetworkTest {
    private static final Path FOLDER = Path.of("src", "test", "resources", "networks", "tiny");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    private static DataFiles files(String file, UnaryOperator<String> edit) {
        return name -> {
            try {
                String text = Files.readString(FOLDER.resolve(name));
                return name.equals(file) ? edit.apply(text) : text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static final DataFiles FILES = files("", t -> t);
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    private static final Operators OPERATORS = Operators.parse(Operators.FILE, FILES.read(Operators.FILE), NETWORK);

    @Test
    void theNetworkDescribesItselfFromItsFiles() {
        assertThat(NETWORK.code()).isEqualTo("tiny");
        assertThat(NETWORK.serviceZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(NETWORK.feedZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(NETWORK.countries()).extracting(Country::code).containsExactly("XA", "XB", "XC");
        assertThat(NETWORK.borders()).hasSize(2);
        Border first = NETWORK.borders().get(0);
        Border second = NETWORK.borders().get(1);
        assertThat(first.point().code()).isEqualTo("QXAB");
        assertThat(first.controlIn(first.before()).code()).isEqualTo("QAB");
        assertThat(first.controlIn(first.after()).code()).isEqualTo("QBA");
        assertThat(second.before().code()).isEqualTo("XB");
        assertThat(second.after().code()).isEqualTo("XC");
        assertThat(NETWORK.point("QBB").orElseThrow().country())
                .isSameAs(NETWORK.country("XB").orElseThrow());
        assertThat(NETWORK.countryOf(41, 100).code()).isEqualTo("XB");
        assertThat(NETWORK.countryOf(30, 50).isShared()).isTrue();
        assertThat(NETWORK.timeName(ZoneId.of("Europe/Lisbon")).orElseThrow().en())
                .isEqualTo("Atlantis time");
    }

    @Test
    void operatorsAreSeparateFromInfrastructureManagers() {
        Country borduria = NETWORK.country("XB").orElseThrow();
        assertThat(OPERATORS.managing(borduria).orElseThrow().code()).isEqualTo("XB_RAIL");
        assertThat(OPERATORS.chargingIn(borduria).orElseThrow().code()).isEqualTo("XC_RAIL");
        assertThat(OPERATORS.byCode("XB_RAIL").orElseThrow().runsTrainsIn()).isEmpty();
    }

    @Test
    void trainsRunAcrossBothBordersWithoutConflict() {
        List<TrainPlan> plans = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
        Planner planner = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
        DayPlan day = planner.day(plans, DAY, List.of(), List.of());
        assertThat(day.runsOfTheDay()).hasSize(2);
        assertThat(day.conflicts()).isEmpty();
        ScheduledRun t1 = day.runsOfTheDay().stream()
                .filter(r -> r.plan().number().equals("T1"))
                .findFirst()
                .orElseThrow();
        // 07:00 at the first station, on its own clock (Lisbon), whatever the service zone
        assertThat(t1.departure()
                        .atZone(ZoneId.of("Europe/Lisbon"))
                        .toLocalTime()
                        .toString())
                .isEqualTo("07:00");
        assertThat(t1.arrival()).isAfter(t1.departure().plus(Duration.ofMinutes(160 * 60 / 120)));
        assertThat(t1.plan().operator()).isEqualTo(OPERATORS.byCode("XC_RAIL").orElseThrow());
    }

    @Test
    void aJourneyAcrossTwoBordersPaysEachCountrysPart() {
        FareTable fares =
                FareTable.parse(NETWORK, OPERATORS, FILES.read(FareTable.FILE), FILES.read(FareTable.RATES_FILE));
        FareQuote quote =
                fares.quote("QAA", "QCB", SeatClass.SECOND, Currency.CNY).orElseThrow();
        assertThat(quote.parts())
                .extracting(FarePart::operator)
                .extracting(Operator::code)
                .containsExactly("XA_RAIL", "XC_RAIL", "XC_RAIL");
        assertThat(quote.parts()).extracting(FarePart::from).containsExactly("QAA", "QXAB", "QCA");
        assertThat(quote.parts()).extracting(FarePart::to).containsExactly("QXAB", "QXBC", "QCB");
        FareQuote back =
                fares.quote("QCB", "QAA", SeatClass.SECOND, Currency.CNY).orElseThrow();
        assertThat(back.total()).isEqualTo(quote.total());
        assertThatThrownBy(() -> fares.quote("QXBC", "QAA", SeatClass.SECOND, Currency.CNY))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void salesOpenAsEachOperatorsDataSays() {
        SalesWindow window = SalesWindow.of(OPERATORS);
        Operator syldavian = OPERATORS.byCode("XC_RAIL").orElseThrow();
        Instant now = DAY.atStartOfDay(NETWORK.serviceZone()).toInstant();
        Instant departure = now.plus(Duration.ofDays(20));
        assertThat(window.onSale(syldavian, DAY.plusDays(10), departure, NETWORK.serviceZone(), now))
                .isTrue();
        assertThat(window.onSale(syldavian, DAY.plusDays(11), departure, NETWORK.serviceZone(), now))
                .isFalse();
        List<Point> stops =
                List.of(NETWORK.point("QBB").orElseThrow(), NETWORK.point("QCA").orElseThrow());
        assertThat(CrossBorderSplit.borderSegment(stops)).hasValue(0);
    }

    @Test
    void aPointInAnUnlistedCountryIsRefusedNamingTheFile() {
        DataFiles broken = files("points.csv", t -> t.replace("QBB,Bokum,,,XB,", "QBB,Bokum,,,ZZ,"));
        assertThatThrownBy(() -> ReferenceData.parse(broken))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("points.csv")
                .hasMessageContaining("ZZ");
    }
}
