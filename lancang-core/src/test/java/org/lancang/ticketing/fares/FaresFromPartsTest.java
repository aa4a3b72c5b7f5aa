package org.lancang.ticketing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRate;
import org.lancang.money.ExchangeRates;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.TrainType;
import org.lancang.testing.WorldCurrencies;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Operators;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * The Bangkok line's fares, built from parts as SRT builds them (base by distance, supplements for train type, air
 * conditioning and berth) from data/vientiane-bangkok/, in baht; exchange rates as a table; a price an operator sets
 * in a second currency used as it is.
 */
class FaresFromPartsTest {
    private static final DataFiles FILES = folder("vientiane-bangkok");
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    private static final Operators OPERATORS = Operators.parse(Operators.FILE, FILES.read(Operators.FILE), NETWORK);
    private static final FareTable FARES = FareTable.parse(
                    NETWORK,
                    OPERATORS,
                    WorldCurrencies.TABLE,
                    FILES.read(FareTable.FILE),
                    FILES.read(FareTable.RATES_FILE),
                    FILES.read(FareTable.ROUNDING_FILE))
            .withSupplements(FareSupplements.parse(
                    FILES.read(FareSupplements.FILE),
                    OPERATORS,
                    DATA.rollingStock().types().stream().map(TrainType::code).toList(),
                    WorldCurrencies.TABLE));

    private static final List<TrainPlan> PLANS =
            TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), NETWORK);

    /** A train of the folder's timetable: 133 the rapid Bangkok – Vientiane, 25 the special express to Nong Khai. */
    private static TrainPlan train(String number) {
        return PLANS.stream().filter(p -> p.number().equals(number)).findFirst().orElseThrow();
    }

    private static DataFiles folder(String name) {
        return file -> {
            try {
                return Files.readString(Path.of("..", "data", name).resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Test
    void thirdClassOn133BangkokToVientianeIsThePublished281Baht() {
        FareQuote q = FARES.quote("KTW", "KSV", SeatClass.HARD_SEAT, train("133"), null, WorldCurrencies.THB)
                .orElseThrow();
        // one operator across the border: one base fare on the whole distance, not two
        assertThat(q.parts()).hasSize(1);
        assertThat(q.parts().get(0).from()).isEqualTo("KTW");
        assertThat(q.parts().get(0).to()).isEqualTo("KSV");
        assertThat(q.supplements()).extracting(FareSupplement::kind).containsExactly(FareSupplements.Kind.TRAIN_TYPE);
        assertThat(q.total()).isEqualTo(Money.of("281", WorldCurrencies.THB));
        // the total is the base plus the supplements
        Money sum = q.parts().get(0).amount();
        for (FareSupplement s : q.supplements()) {
            sum = sum.plus(s.amount());
        }
        assertThat(q.total()).isEqualTo(sum);
        System.out.printf(
                "133 KTW → KSV third class: base %s + supplements %s = %s%n",
                q.parts().get(0).amount(),
                q.supplements().stream().map(FareSupplement::amount).toList(),
                q.total());
    }

    @Test
    void everySleeperSectionHasOneLowerAndOneUpperBerthAndASeatHasNone() {
        for (TrainType type : DATA.rollingStock().types()) {
            Map<String, List<Berth>> sections = new HashMap<>();
            for (Seat seat : type.seats()) {
                if (Berth.sleeper(seat.seatClass())) {
                    sections.computeIfAbsent(seat.car() + "/" + seat.number().substring(0, 2), k -> new ArrayList<>())
                            .add(Berth.of(seat).orElseThrow());
                } else {
                    assertThat(Berth.of(seat)).as("%s %s", type.code(), seat).isEmpty();
                }
            }
            sections.forEach((section, berths) -> assertThat(berths)
                    .as("%s section %s", type.code(), section)
                    .containsExactlyInAnyOrder(Berth.LOWER, Berth.UPPER));
        }
    }

    @Test
    void aBerthAddsAirConditioningAndTheBerthTheLowerDearer() {
        FareQuote upper = FARES.quote(
                        "KTW", "KSV", SeatClass.HARD_SLEEPER, train("133"), Berth.UPPER, WorldCurrencies.THB)
                .orElseThrow();
        FareQuote lower = FARES.quote(
                        "KTW", "KSV", SeatClass.HARD_SLEEPER, train("133"), Berth.LOWER, WorldCurrencies.THB)
                .orElseThrow();
        assertThat(upper.supplements())
                .extracting(FareSupplement::kind)
                .containsExactlyInAnyOrder(
                        FareSupplements.Kind.TRAIN_TYPE,
                        FareSupplements.Kind.AIR_CONDITIONING,
                        FareSupplements.Kind.BERTH);
        assertThat(lower.total()).isGreaterThan(upper.total());
        assertThat(upper.parts()).isEqualTo(lower.parts());
        assertThatThrownBy(() ->
                        FARES.quote("KTW", "KSV", SeatClass.HARD_SLEEPER, train("133"), null, WorldCurrencies.THB))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("berth"));
        // the special express costs more than the rapid on the same journey
        FareQuote special = FARES.quote("KTW", "NKI", SeatClass.SECOND, train("25"), null, WorldCurrencies.THB)
                .orElseThrow();
        FareQuote rapid = FARES.quote("KTW", "NKI", SeatClass.SECOND, train("133"), null, WorldCurrencies.THB)
                .orElseThrow();
        assertThat(special.total()).isGreaterThan(rapid.total());
    }

    @Test
    void aFareIsShownInAnyCurrencyTheRatesTableReaches() {
        FareQuote baht = FARES.quote("KTW", "KSV", SeatClass.HARD_SEAT, train("133"), null, WorldCurrencies.THB)
                .orElseThrow();
        FareQuote kip = FARES.quote("KTW", "KSV", SeatClass.HARD_SEAT, train("133"), null, WorldCurrencies.LAK)
                .orElseThrow();
        FareQuote yuan = FARES.quote("KTW", "KSV", SeatClass.HARD_SEAT, train("133"), null, WorldCurrencies.CNY)
                .orElseThrow();
        BigDecimal lakPerThb = rate(WorldCurrencies.THB, WorldCurrencies.LAK);
        // each part converted, then the total rounded to 1,000 kip (fare-rounding.csv)
        assertThat(kip.total()
                        .major()
                        .subtract(baht.total().major().multiply(lakPerThb))
                        .abs())
                .isLessThanOrEqualTo(new BigDecimal("500"));
        assertThat(yuan.total().currency()).isEqualTo(WorldCurrencies.CNY);
        assertThat(yuan.total().isNegative()).isFalse();
        assertThatThrownBy(
                        () -> FARES.quote("KTW", "KSV", SeatClass.HARD_SEAT, train("133"), null, WorldCurrencies.USD))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("currency"));
    }

    private static BigDecimal rate(Currency base, Currency quote) {
        return FARES.rates().rates().stream()
                .filter(r -> r.base() == base && r.quote() == quote)
                .findFirst()
                .orElseThrow()
                .rate();
    }

    @Test
    void ratesConvertDirectlyInverselyAndThroughAThirdCurrency() {
        ExchangeRates rates = ExchangeRates.of(
                new ExchangeRate(WorldCurrencies.CNY, WorldCurrencies.LAK, new BigDecimal("2900")),
                new ExchangeRate(WorldCurrencies.THB, WorldCurrencies.LAK, new BigDecimal("600")));
        assertThat(rates.convert(Money.of("10", WorldCurrencies.CNY), WorldCurrencies.LAK))
                .isEqualTo(Money.of("29000", WorldCurrencies.LAK));
        assertThat(rates.convert(Money.of("6000", WorldCurrencies.LAK), WorldCurrencies.THB))
                .isEqualTo(Money.of("10", WorldCurrencies.THB));
        // THB → LAK → CNY: 600 LAK per THB, 2,900 LAK per CNY
        assertThat(rates.convert(Money.of("29", WorldCurrencies.THB), WorldCurrencies.CNY))
                .isEqualTo(Money.of("6", WorldCurrencies.CNY));
        assertThat(rates.converts(WorldCurrencies.USD, WorldCurrencies.THB)).isFalse();
        assertThatThrownBy(() -> ExchangeRateFileParser.parse(
                        "exchange-rates.csv",
                        "base,quote,rate,source\nCNY,LAK,2900,a\nLAK,CNY,0.0003,b\n",
                        WorldCurrencies.TABLE))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("quote");
                });
    }

    @Test
    void aPriceTheOperatorSetsInTheBuyersCurrencyIsUsedAsItIs() {
        // the reference's old shuttle: 20 THB or 6,000 LAK, each price in its own currency ([C]), not 20 × 600
        String fares = "kind,operator,seat_class,currency,from,to,amount,per_km,rounding,valid_from,source\n"
                + "TABLE,SRT,HARD_SEAT,THB,NKI,KSV,20,,1,2009-03-05,test\n"
                + "TABLE,SRT,HARD_SEAT,THB,KTW,KSV,171,,1,2009-03-05,test\n"
                + "TABLE,SRT,HARD_SEAT,LAK,NKI,KSV,6000,,1000,2009-03-05,test\n"
                + "TABLE,SRT,HARD_SEAT,LAK,KTW,KSV,100000,,1000,2009-03-05,test\n";
        FareTable table = FareTable.parse(
                NETWORK,
                OPERATORS,
                WorldCurrencies.TABLE,
                fares,
                FILES.read(FareTable.RATES_FILE),
                FILES.read(FareTable.ROUNDING_FILE));
        assertThat(table.quote("NKI", "KSV", SeatClass.HARD_SEAT, WorldCurrencies.LAK)
                        .orElseThrow()
                        .total())
                .isEqualTo(Money.of("6000", WorldCurrencies.LAK));
        assertThat(table.quote("NKI", "KSV", SeatClass.HARD_SEAT, WorldCurrencies.THB)
                        .orElseThrow()
                        .total())
                .isEqualTo(Money.of("20", WorldCurrencies.THB));
        // the operator's own currency (its first tariff) where the buyer's has no price: converted
        Operator srt = OPERATORS.byCode("SRT").orElseThrow();
        assertThat(table.tariff(srt, SeatClass.HARD_SEAT).orElseThrow().currency())
                .isEqualTo(WorldCurrencies.THB);
        assertThat(table.quote("NKI", "KSV", SeatClass.HARD_SEAT, WorldCurrencies.CNY)
                        .orElseThrow()
                        .parts())
                .extracting(p -> p.amount().currency())
                .containsExactly(WorldCurrencies.THB);
        assertThat(List.of(table.localCurrency("KTW").orElseThrow())).containsExactly(WorldCurrencies.THB);
    }
}
