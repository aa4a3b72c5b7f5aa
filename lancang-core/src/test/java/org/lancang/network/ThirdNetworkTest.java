package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.SeatClass;
import org.lancang.testing.WorldCurrencies;
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
    /** The world's currencies and the one this network's own file adds (the Syldavian operator sells in dinars). */
    private static final Currencies CURRENCIES =
            WorldCurrencies.TABLE.plus(Currencies.FILE, FILES.read(Currencies.FILE));

    private static FareTable fares(DataFiles files) {
        return FareTable.parse(
                NETWORK, OPERATORS, CURRENCIES, files.read(FareTable.FILE), files.read(FareTable.RATES_FILE));
    }

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
        assertThat(NETWORK.countryOf(NETWORK.lines().get(0), 41, 100).code()).isEqualTo("XB");
        assertThat(NETWORK.countryOf(NETWORK.lines().get(0), 30, 50).isShared()).isTrue();
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
        FareTable fares = fares(FILES);
        FareQuote quote =
                fares.quote("QAA", "QCB", SeatClass.SECOND, WorldCurrencies.CNY).orElseThrow();
        assertThat(quote.parts())
                .extracting(FarePart::operator)
                .extracting(Operator::code)
                .containsExactly("XA_RAIL", "XC_RAIL", "XC_RAIL");
        assertThat(quote.parts()).extracting(FarePart::from).containsExactly("QAA", "QXAB", "QCA");
        assertThat(quote.parts()).extracting(FarePart::to).containsExactly("QXAB", "QXBC", "QCB");
        FareQuote back =
                fares.quote("QCB", "QAA", SeatClass.SECOND, WorldCurrencies.CNY).orElseThrow();
        assertThat(back.total()).isEqualTo(quote.total());
        assertThatThrownBy(() -> fares.quote("QXBC", "QAA", SeatClass.SECOND, WorldCurrencies.CNY))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void aCurrencyOnlyThisNetworksFileDefinesPricesToItsOwnMinorUnit() {
        Currency dinar = CURRENCIES.byCode("TND").orElseThrow();
        assertThat(WorldCurrencies.TABLE.byCode("TND"))
                .as("not a world currency")
                .isEmpty();
        FareTable fares = fares(FILES);
        assertThat(fares.localCurrency("QCB")).hasValue(dinar);
        FareQuote local = fares.quote("QCA", "QCB", SeatClass.SECOND, dinar).orElseThrow();
        // one part, in the operator's own currency: the per-km rate times the km, rounded to its step (a millime)
        FarePart part = local.parts().get(0);
        BigDecimal exact = new BigDecimal("0.0733").multiply(BigDecimal.valueOf(part.km()));
        assertThat(local.total().currency()).isEqualTo(dinar);
        assertThat(local.total().major().scale()).isEqualTo(dinar.decimals());
        assertThat(local.total().major().subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.0005"));
        // a journey across both borders, the Atlantean part converted from yuan at the network's rate
        FareQuote through = fares.quote("QAA", "QCB", SeatClass.SECOND, dinar).orElseThrow();
        Money sum = through.parts().stream()
                .map(p -> fares.rates().convert(p.amount(), dinar))
                .reduce(Money.zero(dinar), Money::plus);
        assertThat(through.total()).isEqualTo(sum);
        assertThat(through.parts().get(0).amount().currency()).isEqualTo(WorldCurrencies.CNY);
    }

    @Test
    void aFareInACurrencyNoFileDefinesIsRefusedNamingFileLineAndColumn() {
        DataFiles unknown = files(FareTable.FILE, t -> t.replace("SECOND,TND,", "SECOND,XTS,"));
        assertThatThrownBy(() -> fares(unknown)).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo(FareTable.FILE);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("currency");
            assertThat(e.getMessage()).contains("XTS").contains("TND").contains(Currencies.FILE);
        });
        // without the network's own file, its dinar is unknown too
        assertThatThrownBy(() -> FareTable.parse(
                        NETWORK,
                        OPERATORS,
                        WorldCurrencies.TABLE,
                        FILES.read(FareTable.FILE),
                        FILES.read(FareTable.RATES_FILE)))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        DataFiles badRate = files(FareTable.RATES_FILE, t -> t.replace("CNY,TND,", "CNY,XTS,"));
        assertThatThrownBy(() -> fares(badRate)).isInstanceOfSatisfying(DataFileException.class, e -> {
            assertThat(e.file()).isEqualTo(FareTable.RATES_FILE);
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("quote");
        });
    }

    @Test
    void aNetworksFileMayAddACurrencyButNotRedefineOne() {
        assertThatThrownBy(() -> WorldCurrencies.TABLE.plus(
                        Currencies.FILE, "code,decimals,symbol,source\nTND,3,DT,x\nCNY,0,Y,wrong\n"))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(Currencies.FILE);
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("decimals");
                });
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
