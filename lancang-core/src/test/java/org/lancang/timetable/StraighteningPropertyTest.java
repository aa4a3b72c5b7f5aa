package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.network.Routes;
import org.lancang.network.Section;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.LegSupplements;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;
import org.lancang.timetable.conflict.Occupation;

/**
 * A route across junctions is the same railway as its points read as one line: straightened (each point at its
 * distance along the route, each gradient signed as the train meets it), it gives the same running times and the same
 * blocking times. Seeded random routes and stops on the branch network.
 */
class StraighteningPropertyTest {
    private static final ReferenceData DATA = ReferenceData.parse(ReferenceFiles.branch());
    private static final Network NETWORK = DATA.network();
    private static final BlockingRules RULES = BlockingRules.defaults();
    private static final Instant DEPARTURE = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aRouteAcrossTheJunctionRunsAndBlocksAsItsPointsReadAsOneLine() {
        long seed = Seeds.seed(StraighteningPropertyTest.class);
        Random random = new Random(seed);
        TrainType type = DATA.rollingStock().types().get(0);
        List<Point> points = NETWORK.points();
        Resources bentResources = new Resources(NETWORK, RULES);
        int acrossJunctions = 0;
        for (int round = 0; round < 80; round++) {
            String from = points.get(random.nextInt(points.size())).code();
            String to = points.get(random.nextInt(points.size())).code();
            if (from.equals(to)) {
                continue;
            }
            LinePath bent = LinePath.between(NETWORK, from, to);
            Network straight = straightened(bent);
            List<StopRequest> stops = new ArrayList<>();
            for (int i = 1; i < bent.points().size() - 1; i++) {
                if (random.nextBoolean()) {
                    stops.add(new StopRequest(bent.points().get(i).code(), Duration.ofSeconds(random.nextInt(600))));
                }
            }
            LegSupplements supplements = RunningTimes.supplements(type);
            TrainRun bentRun =
                    RunningTimes.compute(bent, type, stops, List.of(), RunningTimes.allowance(5), supplements, null);
            TrainRun flatRun = RunningTimes.compute(
                    straight, type, from, to, stops, List.of(), RunningTimes.allowance(5), supplements);
            String as = "seed " + seed + " round " + round + " " + from + "–" + to;
            assertThat(bentRun.times()).as(as).hasSameSizeAs(flatRun.times());
            for (int i = 0; i < bentRun.times().size(); i++) {
                PointTime b = bentRun.times().get(i);
                PointTime f = flatRun.times().get(i);
                assertThat(b.point().code()).as(as).isEqualTo(f.point().code());
                assertThat(b.positionM()).as(as).isCloseTo(f.positionM(), within(1e-6));
                assertThat(b.arrival().minus(f.arrival()).abs()).as(as).isLessThanOrEqualTo(Duration.ofMillis(1));
                assertThat(b.departure().minus(f.departure()).abs()).as(as).isLessThanOrEqualTo(Duration.ofMillis(1));
            }
            BlockingTimes.Demand bentDemand = BlockingTimes.of("T", bentRun, DEPARTURE, bentResources, RULES);
            BlockingTimes.Demand flatDemand =
                    BlockingTimes.of("T", flatRun, DEPARTURE, new Resources(straight, RULES), RULES);
            assertSameTimes(as, intervals(bentDemand.occupations()), intervals(flatDemand.occupations()));
            assertThat(stations(bentDemand)).as(as).isEqualTo(stations(flatDemand));
            acrossJunctions += bent.legs().size() > 1 ? 1 : 0;
        }
        assertThat(acrossJunctions).as("random routes that cross the junction").isGreaterThan(10);
    }

    @Test
    void aRouteAndItsReverseHaveOneLengthPassNoPointTwiceAndAddUpTheirLegs() {
        Routes routes = new Routes(NETWORK);
        for (Point a : NETWORK.points()) {
            for (Point b : NETWORK.points()) {
                if (a.equals(b)) {
                    continue;
                }
                Route there = routes.between(a.code(), b.code(), List.of());
                Route back = routes.between(b.code(), a.code(), List.of());
                String as = a.code() + "–" + b.code();
                assertThat(there.lengthKm()).as(as).isCloseTo(back.lengthKm(), within(1e-9));
                List<String> codes = there.pointCodes();
                assertThat(new HashSet<>(codes)).as(as).hasSameSizeAs(codes);
                List<String> reversed = new ArrayList<>(codes);
                Collections.reverse(reversed);
                assertThat(back.pointCodes()).as(as).isEqualTo(reversed);
                double legs = 0;
                for (Route.Leg leg : there.legs()) {
                    legs += Math.abs(leg.line().km(leg.toIndex()) - leg.line().km(leg.fromIndex()));
                }
                assertThat(there.lengthKm()).as(as).isCloseTo(legs, within(1e-9));
                assertThat(LinePath.between(NETWORK, a.code(), b.code()).lengthM())
                        .as(as)
                        .isCloseTo(legs * 1000, within(1e-6));
            }
        }
    }

    /** The path's points as one line: each at its distance along the path, each gradient as the train meets it. */
    private static Network straightened(LinePath path) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < path.points().size(); i++) {
            Point p = path.points().get(i);
            points.add(new Point(
                    p.code(),
                    p.names(),
                    p.country(),
                    path.positionM(i) / 1000.0,
                    p.kmQuality(),
                    p.kind(),
                    p.timeZone(),
                    p.stationTracks(),
                    p.usefulLengthM(),
                    p.tracksBasis(),
                    p.elevationM(),
                    p.elevationBasis(),
                    p.dwell(),
                    p.source(),
                    p.assumed()));
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < path.sections().size(); i++) {
            Section s = path.sections().get(i);
            sections.add(new Section(
                    points.get(i).code(),
                    points.get(i + 1).code(),
                    points.get(i).km(),
                    points.get(i + 1).km(),
                    s.tracks(),
                    s.lineSpeedKmh(),
                    s.locoHauledSpeedKmh(),
                    s.block(),
                    path.rising(i) ? s.gradientPermille() : -s.gradientPermille(),
                    s.gradientBasis(),
                    s.speedLimitKmh(),
                    s.speedLimitBasis(),
                    s.source(),
                    s.gaugeMm(),
                    s.electrification(),
                    s.powerBasis()));
        }
        return new Network(points, sections, List.of());
    }

    /** Occupation times, without their resource ids (the lines' names differ), in order. */
    private static List<long[]> intervals(List<Occupation> occupations) {
        return occupations.stream()
                .map(o -> new long[] {o.from().toEpochMilli(), o.to().toEpochMilli()})
                .sorted(Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]))
                .toList();
    }

    private static void assertSameTimes(String as, List<long[]> bent, List<long[]> flat) {
        assertThat(bent).as(as).hasSameSizeAs(flat);
        for (int i = 0; i < bent.size(); i++) {
            assertThat(bent.get(i)[0]).as(as).isCloseTo(flat.get(i)[0], within(2L));
            assertThat(bent.get(i)[1]).as(as).isCloseTo(flat.get(i)[1], within(2L));
        }
    }

    /** The station stops: station, pass or stop, and their times to the second. */
    private static List<String> stations(BlockingTimes.Demand demand) {
        return demand.stationStops().stream()
                .map(s -> s.station().code() + (s.passing() ? " pass " : " stop ")
                        + s.from().getEpochSecond() + "–" + s.to().getEpochSecond())
                .toList();
    }
}
