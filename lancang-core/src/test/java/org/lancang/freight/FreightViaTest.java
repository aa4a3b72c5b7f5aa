package org.lancang.freight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;
import org.lancang.testing.WorldCurrencies;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Planner;
import org.lancang.timetable.StopRequest;

/**
 * A freight path request with a {@code via}, on the loop test network where two ways join Xeno and Quill: main line
 * LM Pago 0 – Xeno 20 – Quill 50 – Rho 70, loop LL Xeno 0 – Yola 30 – Quill 60, spur LS Yola – Zed. Every point is made
 * a freight station here, and the train type is the network's only one; rules, gradient and tariff are the made-up files of networks/loop-freight.
 */
class FreightViaTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final ReferenceFiles FILES =
            ReferenceFiles.loop().with("points.csv", t -> t.replace(",PASSENGER,", ",FREIGHT,"));
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final Network NETWORK = DATA.network();
    static final Planner PLANNER = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
    /** The loop network's freight files, as the store's test folder lays them over it. */
    static final ReferenceFiles FREIGHT = ReferenceFiles.loopFreight();

    static final FreightRules RULES =
            FreightRules.parse(NETWORK, FREIGHT.read("freight-rules.csv"), FREIGHT.read("freight-gradients.csv"));
    /**
     * Three carriers, each 100 a box plus 2 a box-km on its section (as the tariff file has it): XA_RAIL the main line
     * Pago – Rho, XA_LOOP Xeno – Yola – Zed, XA_QUILL Yola – Quill; so a price shows the km of its way and the carriers
     * it meets.
     */
    static final BigDecimal TERMINAL = new BigDecimal("100");

    static final BigDecimal PER_KM = new BigDecimal("2");
    static final Tariffs TARIFFS = Tariffs.parse(
            NETWORK,
            WorldCurrencies.TABLE,
            FREIGHT.read("freight-tariffs.csv"),
            FREIGHT.read("freight-exchange-rates.csv"));
    static final FreightPaths PATHS = new FreightPaths(PLANNER, RULES, "TINY9");
    static final Operator XA = Operator.valueOf("XA_RAIL");

    static Instant at(LocalTime time) {
        return DAY.atTime(time)
                .atZone(NETWORK.point("QP").orElseThrow().timeZone())
                .toInstant();
    }

    static PathAsk ask(String from, String to, List<String> via) {
        return new PathAsk(from, to, at(LocalTime.of(8, 0)), null, 500, 300, false, via);
    }

    static InsertedPath found(PathAsk ask) {
        PathAnswer answer = PATHS.answer("F1", XA, ask, List.of(), List.of());
        assertThat(answer.feasible()).as("%s", answer.binding()).isTrue();
        return answer.path();
    }

    static List<String> passed(InsertedPath path) {
        return path.run().run().path().points().stream().map(Point::code).toList();
    }

    static BigDecimal price(InsertedPath path) {
        Route way = path.plan().way(NETWORK, path.plan().from(), path.plan().to());
        Tariffs.Quote quote = TARIFFS.quote(NETWORK, way, List.of(new Tariffs.Item(EquipmentKind.BOX_20, 1, 0)));
        return quote.total().get(WorldCurrencies.CNY).major();
    }

    @Test
    void theTwoWaysGiveTwoPathsAndTwoPrices() {
        InsertedPath straight = found(ask("QP", "QR", List.of()));
        InsertedPath round = found(ask("QP", "QR", List.of("QY")));
        assertThat(passed(straight)).containsExactly("QP", "QX", "QQ", "QR");
        assertThat(passed(round)).containsExactly("QP", "QX", "QY", "QQ", "QR");
        assertThat(round.plan().via()).as("the plan keeps its way").containsExactly("QY");
        assertThat(straight.plan().via()).isEmpty();
        assertThat(round.run().run().runningTime())
                .as("60 km round the loop where the main line takes 30")
                .isGreaterThan(straight.run().run().runningTime());
        // the loop is 30 km longer than the main line between Xeno and Quill (lines.csv, junctions.csv), and on it
        // two more carriers charge their terminal rate
        BigDecimal extraKm = BigDecimal.valueOf(60 - 30);
        assertThat(price(round).subtract(price(straight)))
                .isEqualByComparingTo(PER_KM.multiply(extraKm).add(TERMINAL.multiply(BigDecimal.valueOf(2))));
    }

    @Test
    void theRequestTheAskBecameCarriesTheVia() {
        PathAnswer answer = PATHS.answer("F2", XA, ask("QR", "QP", List.of("QY")), List.of(), List.of());
        assertThat(answer.request().via()).containsExactly("QY");
        assertThat(answer.path().plan().way(NETWORK, "QQ", "QX").pointCodes()).containsExactly("QQ", "QY", "QX");
    }

    @Test
    void aViaThatIsNotAJunctionIsRefusedNamingVia() {
        for (String bad : List.of("NOPE", "QZ", "QP")) {
            assertThatThrownBy(() -> PATHS.check(ask("QP", "QR", List.of(bad))))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> {
                        assertThat(e.field()).isEqualTo("via");
                        assertThat(e.getMessage()).contains(bad);
                    });
        }
    }

    @Test
    void aViaOffEveryWayBetweenTheTwoIsRefusedNamingVia() {
        // Pago → Xeno through Yola would pass Xeno twice: no way between the two runs through Yola
        assertThatThrownBy(() -> PATHS.check(ask("QP", "QX", List.of("QY"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("via"));
        assertThatThrownBy(() -> PATHS.answer("F3", XA, ask("QP", "QX", List.of("QY")), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("via"));
    }

    /**
     * Random asks between the network's points through random junctions: each is refused naming {@code via}, or its
     * path passes every via in the order asked, passes no point twice and has a stop at none it was not asked to.
     */
    @Test
    void aPathNeverSkipsItsVia() {
        long seed = Seeds.seed(FreightViaTest.class);
        Random random = new Random(seed);
        List<String> points = NETWORK.points().stream().map(Point::code).toList();
        List<String> junctions = points.stream().filter(NETWORK::isJunction).toList();
        int found = 0;
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            String from = points.get(random.nextInt(points.size()));
            String to = points.get(random.nextInt(points.size()));
            if (from.equals(to)) {
                continue;
            }
            List<String> via = new ArrayList<>();
            for (int k = random.nextInt(3); k > 0; k--) {
                String v = junctions.get(random.nextInt(junctions.size()));
                if (!via.contains(v)) {
                    via.add(v);
                }
            }
            PathAsk ask = ask(from, to, via);
            PathAnswer answer;
            try {
                answer = PATHS.answer("F" + i, XA, ask, List.of(), List.of());
            } catch (InvalidInput e) {
                assertThat(e.field())
                        .as("seed %d: %s → %s via %s", seed, from, to, via)
                        .isEqualTo("via");
                refused++;
                continue;
            }
            assertThat(answer.feasible())
                    .as("seed %d: %s", seed, answer.binding())
                    .isTrue();
            List<String> way = passed(answer.path());
            assertThat(way)
                    .as("seed %d", seed)
                    .doesNotHaveDuplicates()
                    .startsWith(from)
                    .endsWith(to);
            int last = -1;
            for (String v : via) {
                int at = way.indexOf(v);
                assertThat(at)
                        .as("seed %d: %s → %s via %s passes %s in order: %s", seed, from, to, via, v, way)
                        .isGreaterThan(last);
                last = at;
            }
            assertThat(answer.path().plan().stops())
                    .as("no stop asked for")
                    .extracting(StopRequest::point)
                    .isEmpty();
            found++;
        }
        assertThat(found).as("seed %d: some asks found a path", seed).isPositive();
        assertThat(refused).as("seed %d: some asks were refused", seed).isPositive();
    }
}
