package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;
import org.lancang.timetable.conflict.Occupation;

/**
 * The index answers "taken until when?" and "held by whom?" as a scan of every occupation of the resource does, on
 * seeded random days.
 */
class OccupationIndexTest {
    @Test
    void answersAsAScanOfEveryOccupation() {
        long seed = Seeds.seed(OccupationIndexTest.class);
        Random random = new Random(seed);
        Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
        for (int day = 0; day < 200; day++) {
            List<Occupation> all = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                // few resources and coarse times: equal starts, nested and touching occupations all happen
                Instant from = t0.plusSeconds(60L * random.nextInt(300));
                all.add(new Occupation(
                        "R" + random.nextInt(3),
                        "T" + i,
                        false,
                        from,
                        from.plusSeconds(60L + 60L * random.nextInt(90))));
            }
            OccupationIndex index = OccupationIndex.of(List.copyOf(all));
            for (int q = 0; q < 50; q++) {
                String resource = "R" + random.nextInt(4);
                Instant from = t0.plusSeconds(60L * random.nextInt(400) - 3_000);
                Instant to = from.plusSeconds(60L + 60L * random.nextInt(60));
                assertThat(index.takenUntil(resource, from, to))
                        .as("seed %d day %d: %s over %s–%s", seed, day, resource, from, to)
                        .isEqualTo(scan(all, new Occupation(resource, "new", false, from, to)));
                Occupation wanted = new Occupation(resource, "new", false, from, to);
                assertThat(index.firstOverlapping(wanted))
                        .as("seed %d day %d: who holds %s over %s–%s", seed, day, resource, from, to)
                        .isEqualTo(all.stream()
                                .filter(o -> o.resource().equals(resource) && o.overlaps(wanted))
                                .findFirst()
                                .orElse(null));
            }
        }
    }

    @Test
    void isReusedOnlyForTheSameUnchangedList() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        List<Occupation> list = new ArrayList<>(List.of(new Occupation("R", "A", false, t, t.plusSeconds(60))));
        OccupationIndex index = OccupationIndex.of(list);
        assertThat(index.isOf(list)).isTrue();
        assertThat(index.isOf(List.copyOf(list))).isFalse();
        list.add(new Occupation("R", "B", false, t, t.plusSeconds(120)));
        assertThat(index.isOf(list)).isFalse();
    }

    private static Instant scan(List<Occupation> all, Occupation o) {
        Instant latest = null;
        for (Occupation other : all) {
            if (other.resource().equals(o.resource())
                    && other.overlaps(o)
                    && (latest == null || other.to().isAfter(latest))) {
                latest = other.to();
            }
        }
        return latest;
    }
}
