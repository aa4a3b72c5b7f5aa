package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.money.Currencies;
import org.lancang.money.Currency;
import org.lancang.money.Money;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.PointKind;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;
import org.lancang.testing.WorldCurrencies;

/**
 * A freight quote's total in each currency is rounded once, from the exact sum of its sections' conversions, never the
 * sum of sections each rounded first (as fares since ADR 0025 and 0030). First a seeded property test: China–Laos
 * quotes (a CNY and a LAK section) totalled in a third currency (XEU, two decimals, made up) at random rates, the
 * expected total computed here from the rates themselves. Then every freight quote of both networks and the through
 * quotes between them, the new total beside the old one (the sum of the rounded conversions), counted and written to
 * {@code target/freight-rounding-dump.csv}.
 */
class FreightRoundedOnceTest {
    private static final ReferenceFiles HOME_FILES = ReferenceFiles.chinaLaos();
    private static final Network HOME = TariffsTest.NETWORK;
    private static final Path BANGKOK = Path.of("..", "data", "vientiane-bangkok");
    private static final DataFiles BANGKOK_FILES = name -> {
        try {
            return Files.readString(BANGKOK.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
    private static final Network BEYOND = ReferenceData.parse(BANGKOK_FILES).network();
    private static final Currencies CURRENCIES =
            WorldCurrencies.TABLE.plus("third.csv", "code,decimals,symbol,source\nXEU,2,X,made up for this test\n");
    private static final Currency XEU = CURRENCIES.byCode("XEU").orElseThrow();

    private static List<String> stations(Network network) {
        return network.points().stream()
                .filter(p -> p.kind() == PointKind.PASSENGER || p.kind() == PointKind.FREIGHT)
                .map(Point::code)
                .toList();
    }

    @Test
    void aFreightTotalIsTheRoundingOfTheExactSumOfItsSections() {
        long seed = Seeds.seed(FreightRoundedOnceTest.class);
        Random random = new Random(seed);
        List<String> stations = stations(HOME);
        EquipmentKind[] kinds = EquipmentKind.values();
        int twoSections = 0;
        int moved = 0;
        for (int round = 0; round < 300; round++) {
            BigDecimal perYuan = BigDecimal.valueOf(50_000 + random.nextInt(100_000), 6); // 0.05 … 0.15 XEU
            BigDecimal perKip = BigDecimal.valueOf(5_000 + random.nextInt(10_000), 9); // 0.000005 … 0.000015 XEU
            Tariffs tariffs = Tariffs.parse(
                    HOME,
                    CURRENCIES,
                    HOME_FILES.read(Tariffs.FILE),
                    HOME_FILES.read(Tariffs.RATES_FILE) + "CNY,XEU," + perYuan.toPlainString() + ",test\nLAK,XEU,"
                            + perKip.toPlainString() + ",test\n");
            String from = stations.get(random.nextInt(stations.size()));
            String to = stations.get(random.nextInt(stations.size()));
            if (from.equals(to)) {
                continue;
            }
            List<Tariffs.Item> items = List.of(
                    new Tariffs.Item(kinds[random.nextInt(kinds.length)], 1 + random.nextInt(40), 20),
                    new Tariffs.Item(kinds[random.nextInt(kinds.length)], 1 + random.nextInt(5), 30));
            Tariffs.Quote q = tariffs.quote(HOME, from, to, items);
            BigDecimal exact = BigDecimal.ZERO;
            Money roundedParts = Money.zero(XEU);
            for (Tariffs.SectionCharge s : q.sections()) {
                BigDecimal rate = s.amount().currency().code().equals("CNY") ? perYuan : perKip;
                exact = exact.add(s.amount().major().multiply(rate));
                roundedParts = roundedParts.plus(s.converted().get(XEU));
            }
            Money total = q.total().get(XEU);
            assertThat(total.major())
                    .as("seed %d round %d: %s → %s %s", seed, round, from, to, items)
                    .isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_UP));
            if (q.sections().size() > 1) {
                twoSections++;
            }
            if (!total.equals(roundedParts)) {
                moved++;
            }
        }
        System.out.println("FreightRoundedOnceTest: " + twoSections + " quotes over both carriers, " + moved
                + " totals differ from the sum of rounded parts");
        assertThat(twoSections).as("the workload crosses the border").isGreaterThan(50);
    }

    /** One total, before (the sum of the rounded conversions) and after (rounded once). */
    private record Line(String network, String from, String to, String kind, int sections, Money before, Money after) {
        long moved() {
            return after.minor() - before.minor();
        }
    }

    @Test
    void everyQuoteOfBothNetworksMovesByLessThanHalfAUnitPerSection() throws IOException {
        List<Line> lines = new ArrayList<>();
        Tariffs home = TariffsTest.FREIGHT.tariffs();
        Tariffs srt = Tariffs.parse(
                BEYOND,
                WorldCurrencies.TABLE,
                BANGKOK_FILES.read(Tariffs.FILE),
                BANGKOK_FILES.read(Tariffs.RATES_FILE));
        for (Map.Entry<Network, Tariffs> side : Map.of(HOME, home, BEYOND, srt).entrySet()) {
            Network network = side.getKey();
            for (String from : stations(network)) {
                for (String to : stations(network)) {
                    if (from.equals(to)) {
                        continue;
                    }
                    for (EquipmentKind kind : EquipmentKind.values()) {
                        Tariffs.Quote q = side.getValue()
                                .quote(network, from, to, List.of(new Tariffs.Item(kind, 1, kind.payloadT())));
                        q.total().forEach((c, after) -> {
                            Money before = q.sections().stream()
                                    .map(s -> s.converted().get(c))
                                    .reduce(Money.zero(c), Money::plus);
                            lines.add(new Line(
                                    network.code(),
                                    from,
                                    to,
                                    kind.name(),
                                    q.sections().size(),
                                    before,
                                    after));
                        });
                    }
                }
            }
        }
        Transshipment yard = Transshipment.parse(BANGKOK_FILES.read(Transshipment.FILE), BEYOND)
                .get(0);
        List<Currency> all =
                List.of(WorldCurrencies.CNY, WorldCurrencies.LAK, WorldCurrencies.THB, WorldCurrencies.USD);
        for (String from : stations(HOME)) {
            for (String to : stations(BEYOND)) {
                if (from.equals(yard.otherPoint()) || to.equals(yard.point())) {
                    continue;
                }
                for (EquipmentKind kind : EquipmentKind.values()) {
                    if (!kind.isBox()) {
                        continue;
                    }
                    ThroughQuote q = ThroughQuote.of(
                            new ThroughQuote.Side(HOME, home),
                            new ThroughQuote.Side(BEYOND, srt),
                            yard,
                            from,
                            to,
                            List.of(new Tariffs.Item(kind, 1, kind.payloadT())),
                            all);
                    List<ThroughQuote.Section> sections =
                            new ArrayList<>(q.first().sections());
                    sections.addAll(q.second().sections());
                    q.total().forEach((c, after) -> {
                        Money before =
                                sections.stream().map(s -> s.converted().get(c)).reduce(Money.zero(c), Money::plus);
                        lines.add(new Line("through", from, to, kind.name(), sections.size(), before, after));
                    });
                }
            }
        }
        StringBuilder csv = new StringBuilder("network,from,to,kind,sections,currency,before,after,moved_minor\n");
        int moved = 0;
        long largest = 0;
        for (Line l : lines) {
            // each rounded part is within half a unit of its exact value, and so is the total: never further apart
            assertThat(Math.abs(l.moved()) * 2).as(l.toString()).isLessThanOrEqualTo(l.sections() + 1L);
            if (l.sections() == 1) {
                assertThat(l.moved())
                        .as("one section is rounded once either way: %s", l)
                        .isZero();
            }
            if (l.moved() != 0) {
                moved++;
                largest = Math.max(largest, Math.abs(l.moved()));
            }
            csv.append(String.join(
                            ",",
                            l.network(),
                            l.from(),
                            l.to(),
                            l.kind(),
                            String.valueOf(l.sections()),
                            l.after().currency().code(),
                            l.before().major().toPlainString(),
                            l.after().major().toPlainString(),
                            String.valueOf(l.moved())))
                    .append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "freight-rounding-dump.csv"), csv);
        System.out.println("FreightRoundedOnceTest: " + lines.size() + " totals of every freight quote, " + moved
                + " moved, by at most " + largest + " minor unit(s); target/freight-rounding-dump.csv");
        assertThat(lines).isNotEmpty();
    }
}
