package org.lancang.timetable.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * The primitive columns give back exactly the occupations put in (to the nanosecond, in order), and the detector's
 * filtered form keeps exactly the conflicts that brute force followed by the same filter keeps.
 */
class BlockingTablePropertyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void readsBackExactlyWhatWasAdded() {
        long seed = Seeds.seed(BlockingTablePropertyTest.class);
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            List<Occupation> occupations = new ArrayList<>();
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                // whole days either side of T0, any nanosecond: no instant is rounded on the way
                Instant from = T0.plusSeconds(random.nextInt(5 * 86_400) - 2 * 86_400L)
                        .plusNanos(random.nextInt(1_000_000_000));
                Instant to = from.plusNanos(1 + random.nextInt(Integer.MAX_VALUE));
                occupations.add(new Occupation(
                        "R" + random.nextInt(4), "T" + random.nextInt(5), random.nextBoolean(), from, to));
            }
            assertThat(BlockingTable.of(occupations).occupations())
                    .as("seed %d round %d", seed, round)
                    .isEqualTo(occupations);
        }
    }

    @Test
    void theFilteredDetectorKeepsWhatBruteForceAndTheFilterKeep() {
        long seed = Seeds.seed(BlockingTablePropertyTest.class);
        Random random = new Random(seed);
        int filteredOut = 0;
        for (int round = 0; round < 2000; round++) {
            List<Occupation> occupations = ConflictDetectorPropertyTest.randomOccupations(random);
            String wanted = "T" + random.nextInt(4);
            Instant after = T0.plusSeconds(random.nextInt(600) * 60L);
            Predicate<Conflict> possessionKept = c -> c.to().isAfter(after);
            List<Conflict> all = BruteForceConflictChecker.detect(occupations);
            List<Conflict> expected = all.stream()
                    .filter(c -> c.first().equals(wanted)
                            || c.second().equals(wanted)
                            || (c.possessionInvolved() && possessionKept.test(c)))
                    .toList();
            List<Conflict> actual =
                    ConflictDetector.detect(BlockingTable.of(occupations), wanted::equals, possessionKept);
            assertThat(actual).as("seed %d round %d", seed, round).isEqualTo(expected);
            filteredOut += all.size() - expected.size();
        }
        assertThat(filteredOut).as("the filter had something to drop").isGreaterThan(100);
    }
}
