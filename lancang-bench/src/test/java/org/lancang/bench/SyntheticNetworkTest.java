package org.lancang.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lancang.network.Joins;
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
        assertThat(other.folders().get("syn-00").get("points.csv"))
                .isNotEqualTo(a.folders().get("syn-00").get("points.csv"));
    }

    @Test
    void itsFoldersLoadThroughTheParsersWithEveryTemplateAndBothGauges() {
        SyntheticNetwork synthetic = SyntheticNetwork.generate(7, 150, 6);
        List<NetworkBench.Loaded> lines = NetworkBench.load(synthetic);
        assertThat(lines).hasSize(6);
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
        // the fifth line crosses a border; lines of different gauges meet at a transshipment
        assertThat(lines.get(4).data().network().borders()).hasSize(1);
        assertThat(lines.stream().flatMap(l -> l.joins().all().stream()).map(Joins.Join::mode))
                .contains("TRANSSHIPMENT", "JUNCTION");
        assertThat(lines.stream().flatMap(l -> l.plans().stream()).map(TrainPlan::trainType))
                .contains("SRT_SLEEPER", "HXD3C_25G", "SRT_SHUTTLE", "FREIGHT", "CR200J", "SRT_RAPID");
    }

    @Test
    void everyTrainRunsAndTheSweepAgreesWithBruteForce() {
        long seed = Long.getLong("lancang.seed", System.nanoTime());
        System.out.println("SyntheticNetworkTest seed = " + seed + " (rerun with -Dlancang.seed=" + seed + ")");
        int trains = 60 + new Random(seed).nextInt(120);
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
        int conflicts = NetworkBench.checkAgainstBruteForce(occupations, seed, 200);
        assertThat(conflicts)
                .as("seed %d: a made-up day without meets has conflicts to find", seed)
                .isPositive();
    }
}
