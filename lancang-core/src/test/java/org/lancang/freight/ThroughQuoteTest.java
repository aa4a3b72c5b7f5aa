package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.errors.InvalidInput;
import org.lancang.money.Currency;
import org.lancang.money.ExchangeRates;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.Seeds;
import org.lancang.testing.WorldCurrencies;

/**
 * A through consignment across the Vientiane South transshipment: the yard's time follows from its batch size and
 * tracks, each leg is charged by its own network's carriers, the total adds up in every currency.
 */
class ThroughQuoteTest {
    private static final Path BANGKOK = Path.of("..", "data", "vientiane-bangkok");
    private static final DataFiles BANGKOK_FILES = name -> {
        try {
            return Files.readString(BANGKOK.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
    private static final Network HOME = TariffsTest.NETWORK;
    private static final Network BEYOND = ReferenceData.parse(BANGKOK_FILES).network();
    private static final Tariffs SRT = Tariffs.parse(
            BEYOND, WorldCurrencies.TABLE, BANGKOK_FILES.read(Tariffs.FILE), BANGKOK_FILES.read(Tariffs.RATES_FILE));
    private static final Transshipment YARD =
            Transshipment.parse(BANGKOK_FILES.read(Transshipment.FILE), BEYOND).get(0);
    private static final List<Currency> ALL =
            List.of(WorldCurrencies.CNY, WorldCurrencies.LAK, WorldCurrencies.THB, WorldCurrencies.USD);

    private static ThroughQuote quote(String from, String to, List<Tariffs.Item> items) {
        return ThroughQuote.of(
                new ThroughQuote.Side(HOME, TariffsTest.FREIGHT.tariffs()),
                new ThroughQuote.Side(BEYOND, SRT),
                YARD,
                from,
                to,
                items,
                ALL);
    }

    @Test
    void theShippedYardIsVientianeSouthToThanalengWithItsPublishedTracksAndBatch() {
        assertThat(YARD.otherNetwork()).isEqualTo(HOME.code());
        assertThat(HOME.point(YARD.otherPoint())).isPresent();
        assertThat(YARD.tracksOther()).isEqualTo(1); // standard gauge
        assertThat(YARD.tracksHere()).isEqualTo(2); // metre gauge
        assertThat(YARD.batchWagons()).isEqualTo(25);
    }

    @Test
    void theYardsTimeIsThatOfWorkingItsBatchesAFewAtATime() {
        long seed = Seeds.seed(ThroughQuoteTest.class);
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            Transshipment t = new Transshipment(
                    "b",
                    "P",
                    "a",
                    "Q",
                    1 + random.nextInt(4),
                    1 + random.nextInt(4),
                    1 + random.nextInt(40),
                    Duration.ofMinutes(10 + random.nextInt(300)),
                    1 + random.nextInt(2),
                    "test");
            int boxes = 1 + random.nextInt(300);
            // the yard worked step by step: each round fills as many batches as it has pairs of tracks
            int wagonsLeft = (boxes + t.boxesPerWagon() - 1) / t.boxesPerWagon();
            Duration expected = Duration.ZERO;
            while (wagonsLeft > 0) {
                for (int pair = 0; pair < Math.min(t.tracksHere(), t.tracksOther()) && wagonsLeft > 0; pair++) {
                    wagonsLeft -= Math.min(wagonsLeft, t.batchWagons());
                }
                expected = expected.plus(t.batchTime());
            }
            assertThat(t.time(boxes))
                    .as("seed %d round %d: %s, %d boxes", seed, round, t, boxes)
                    .isEqualTo(expected);
            assertThat(t.time(boxes + 1)).isGreaterThanOrEqualTo(t.time(boxes));
        }
    }

    @Test
    void kunmingToBangkokIsTwoLegsOfThreeCarriersAndTheTotalIsTheirExactSumRoundedOnce() {
        ThroughQuote q = quote("YHE", "KTW", List.of(new Tariffs.Item(EquipmentKind.REEFER_40, 40, 22)));
        assertThat(q.carriers()).containsExactly("CR_KUNMING", "LCR", "SRT");
        assertThat(q.first().to()).isEqualTo(YARD.otherPoint());
        assertThat(q.second().from()).isEqualTo(YARD.point());
        assertThat(q.batches()).isEqualTo(2);
        assertThat(q.transshipmentTime()).isEqualTo(YARD.batchTime().multipliedBy(2));
        // the first leg is exactly the home quote to the yard
        Tariffs.Quote home = TariffsTest.FREIGHT
                .tariffs()
                .quote(HOME, "YHE", YARD.otherPoint(), List.of(new Tariffs.Item(EquipmentKind.REEFER_40, 40, 22)));
        assertThat(q.first().sections())
                .extracting(ThroughQuote.Section::amount)
                .containsExactlyElementsOf(home.sections().stream()
                        .map(Tariffs.SectionCharge::amount)
                        .toList());
        assertThat(q.second().sections()).singleElement().satisfies(s -> {
            assertThat(s.carrier()).isEqualTo("SRT");
            assertThat(s.amount().currency()).isEqualTo(WorldCurrencies.THB);
        });
        // each total is the exact sum of every section's conversion rounded once, at the quote's own rates
        ExchangeRates rates = new ExchangeRates(q.rates());
        for (Currency c : ALL) {
            BigDecimal exact = BigDecimal.ZERO;
            for (ThroughQuote.Leg leg : List.of(q.first(), q.second())) {
                for (ThroughQuote.Section s : leg.sections()) {
                    exact = exact.add(rates.exact(s.amount(), c));
                }
            }
            assertThat(q.total().get(c)).as(c.code()).isEqualTo(Money.rounded(exact, c));
        }
    }

    @Test
    void wagonsTheYardItselfAndUnknownPointsAreRefusedNamingTheField() {
        List<Tariffs.Item> box = List.of(new Tariffs.Item(EquipmentKind.BOX_20, 1, 10));
        assertThatThrownBy(() -> quote("YHE", "KTW", List.of(new Tariffs.Item(EquipmentKind.COVERED, 1, 10))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("equipment[0].kind"));
        assertThatThrownBy(() -> quote("YHE", "TNL", box))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> quote("KTW", "KTW", box))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> Transshipment.parse(
                        "point,other_network,other_point,tracks_here,tracks_other,batch_wagons,batch_min,boxes_per_wagon,source\n"
                                + "XXX,china-laos,VTS,2,1,25,180,1,x\n",
                        BEYOND))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("point"));
    }
}
