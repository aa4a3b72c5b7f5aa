package org.lancang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lancang.network.Joins;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Routes;
import org.lancang.testing.Seeds;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.Occupation;

/**
 * The synthetic network of {@code lancang bench network}, at a small size: the same seed gives the same files, its
 * folders load and validate through the network parsers, every train runs, and on its day the sweep's conflicts agree
 * with brute force on sampled resources.
 */
class SyntheticNetworkTest {
    @Test
    void theSameSeedGivesTheSameFilesByteForByte() {
        SyntheticNetwork a = SyntheticNetwork.generate(42, 120, 6);
        SyntheticNetwork b = SyntheticNetwork.generate(42, 120, 6);
        SyntheticNetwork other = SyntheticNetwork.generate(43, 120, 6);
        assertThat(a.folders()).isEqualTo(b.folders());
        assertThat(a.folders()).containsOnlyKeys(SyntheticNetwork.METRE_FOLDER, SyntheticNetwork.STANDARD_FOLDER);
        assertThat(other.folders().get(SyntheticNetwork.METRE_FOLDER).get("points.csv"))
                .isNotEqualTo(a.folders().get(SyntheticNetwork.METRE_FOLDER).get("points.csv"));
    }

    @Test
    void itsFoldersLoadThroughTheParsersWithEveryTemplateAndBothGauges() {
        SyntheticNetwork synthetic = SyntheticNetwork.generate(7, 150, 6);
        List<NetworkBench.Loaded> lines = NetworkBench.load(synthetic);
        assertThat(lines).hasSize(2);
        assertThat(lines.stream().mapToInt(l -> l.data().network().lines().size()))
                .containsExactlyInAnyOrder(2, 4);
        assertThat(lines.stream().mapToInt(l -> l.plans().size()).sum()).isEqualTo(150);
        assertThat(lines.stream()
                        .flatMap(l -> l.data().network().sections().stream())
                        .map(s -> s.gaugeMm())
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(1000, 1435);
        Set<String> countries = lines.stream()
                .flatMap(l -> l.data().network().countries().stream())
                .map(c -> c.code())
                .collect(Collectors.toSet());
        assertThat(countries.size()).isBetween(3, 5);
        // the fifth line crosses a border; lines of different gauges meet at a transshipment, of one gauge at junctions
        assertThat(lines.stream().mapToInt(l -> l.data().network().borders().size()))
                .containsExactlyInAnyOrder(0, 1);
        assertThat(lines.stream().flatMap(l -> l.joins().all().stream()).map(Joins.Join::mode))
                .isNotEmpty()
                .allMatch("TRANSSHIPMENT"::equals);
        assertThat(NetworkBench.junctions(lines)).hasSize(4);
        assertThat(lines.stream().flatMap(l -> l.plans().stream()).map(TrainPlan::trainType))
                .contains("SRT_SLEEPER", "HXD3C_25G", "SRT_SHUTTLE", "FREIGHT", "CR200J", "SRT_RAPID");
    }

    @Test
    void everyTrainRunsAndTheSweepAgreesWithBruteForce() {
        long seed = Seeds.seed(SyntheticNetworkTest.class);
        int trains = 200 + new Random(seed).nextInt(200);
        List<NetworkBench.Loaded> lines = NetworkBench.load(SyntheticNetwork.generate(seed, trains, 6));
        List<DayPlan> days = NetworkBench.day(lines);
        assertThat(days.stream().mapToInt(d -> d.runsOfTheDay().size()).sum())
                .as("seed %d", seed)
                .isEqualTo(trains);
        // some runs leave in the evening and arrive the next day
        assertThat(days.stream()
                        .flatMap(d -> d.runsOfTheDay().stream())
                        .filter(r -> r.arrival().isAfter(r.departure())
                                && !r.arrival()
                                        .atZone(r.run().path().origin().timeZone())
                                        .toLocalDate()
                                        .equals(r.serviceDate())))
                .as("seed %d: overnight runs", seed)
                .isNotEmpty();
        List<Occupation> occupations =
                days.stream().flatMap(d -> d.occupations().stream()).toList();
        NetworkBench.Agreement agreed =
                NetworkBench.checkAgainstBruteForce(occupations, NetworkBench.junctions(lines), seed, 200);
        assertThat(agreed.junctionResources())
                .as("seed %d: every junction track is in the sample", seed)
                .isEqualTo((int) occupations.stream()
                        .map(Occupation::resource)
                        .distinct()
                        .filter(r -> NetworkBench.atJunction(r, NetworkBench.junctions(lines)))
                        .count());
        assertThat(agreed.junctionConflicts())
                .as("seed %d: a made-up day without meets has conflicts to find at junctions", seed)
                .isPositive();
    }

    @Test
    void fortyLinesAreOneNetworkPerGaugeConnectedAtJunctionsWithThroughTrains() {
        SyntheticNetwork synthetic = SyntheticNetwork.generate(1, 2000, 40);
        assertThat(SyntheticNetwork.generate(1, 2000, 40).folders())
                .as("the same seed, the same bytes")
                .isEqualTo(synthetic.folders());
        List<NetworkBench.Loaded> networks = NetworkBench.load(synthetic);
        assertThat(networks).hasSize(2);
        assertThat(networks.stream().mapToInt(l -> l.data().network().lines().size()))
                .containsExactlyInAnyOrder(14, 26);
        for (NetworkBench.Loaded loaded : networks) {
            Network network = loaded.data().network();
            Routes routes = new Routes(network);
            Line first = network.lines().get(0);
            String origin = first.points().get(0).code();
            // every branch's far end reached from the first line's end through junctions, whatever its km direction
            for (Line line : network.lines().subList(1, network.lines().size())) {
                List<Point> points = line.points();
                String end = network.isJunction(points.get(0).code())
                        ? points.get(points.size() - 1).code()
                        : points.get(0).code();
                assertThat(routes.between(origin, end, List.of()).legs().stream()
                                .map(leg -> leg.line().code())
                                .toList())
                        .as("%s: %s to %s", loaded.code(), origin, end)
                        .hasSizeGreaterThan(1)
                        .endsWith(line.code());
            }
            assertThat(network.lines().stream()
                            .filter(l -> l.points().stream().anyMatch(p -> network.isJunction(p.code()))))
                    .hasSize(network.lines().size());
        }
        // branches counted both ways: km rising away from their junction and towards it
        Set<String> kmAtJunction = networks.stream()
                .flatMap(l -> l.data().network().lines().stream().skip(1))
                .map(line ->
                        network(networks, line).isJunction(line.points().get(0).code()) ? "away" : "towards")
                .collect(Collectors.toSet());
        assertThat(kmAtJunction).containsExactlyInAnyOrder("away", "towards");
        long through = NetworkBench.throughTrains(networks);
        assertThat(through / 2000.0).as("share of trains through a junction").isBetween(0.2, 0.3);
    }

    private static Network network(List<NetworkBench.Loaded> networks, Line line) {
        return networks.stream()
                .map(l -> l.data().network())
                .filter(n -> n.lines().contains(line))
                .findFirst()
                .orElseThrow();
    }
}
