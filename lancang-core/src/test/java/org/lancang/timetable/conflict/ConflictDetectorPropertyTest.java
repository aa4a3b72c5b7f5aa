package org.lancang.timetable.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * On thousands of seeded random sets of occupations, the sweep finds exactly the conflicts that comparing every pair
 * finds: no missed conflict, no false one.
 */
class ConflictDetectorPropertyTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void agreesExactlyWithTheBruteForcePairwiseChecker() {
        long seed = Seeds.seed(ConflictDetectorPropertyTest.class);
        Random random = new Random(seed);
        int withConflicts = 0;
        for (int round = 0; round < 3000; round++) {
            List<Occupation> occupations = randomOccupations(random);
            List<Conflict> expected = BruteForceConflictChecker.detect(occupations);
            List<Conflict> actual = ConflictDetector.detect(occupations);
            assertThat(actual).as("seed %d, round %d", seed, round).isEqualTo(expected);
            if (!expected.isEmpty()) {
                withConflicts++;
            }
        }
        assertThat(withConflicts)
                .as("the generator makes conflicts often enough to test something")
                .isGreaterThan(1000);
    }

    static List<Occupation> randomOccupations(Random random) {
        int resources = 1 + random.nextInt(6);
        int owners = 1 + random.nextInt(8);
        int count = random.nextInt(40);
        List<Occupation> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int owner = random.nextInt(owners);
            boolean possession = owner == 0 && random.nextBoolean();
            long start = random.nextInt(600);
            long length = 1 + random.nextInt(random.nextBoolean() ? 10 : 120);
            out.add(new Occupation(
                    "R" + random.nextInt(resources),
                    (possession ? "P" : "T") + owner,
                    possession,
                    T0.plusSeconds(start * 60),
                    T0.plusSeconds((start + length) * 60)));
        }
        return out;
    }

    @Test
    void touchingOccupationsDoNotConflictButOverlappingOnesDo() {
        Occupation a = new Occupation("S", "T1", false, T0, T0.plusSeconds(600));
        Occupation touching = new Occupation("S", "T2", false, T0.plusSeconds(600), T0.plusSeconds(900));
        Occupation overlapping = new Occupation("S", "T3", false, T0.plusSeconds(599), T0.plusSeconds(700));
        List<Conflict> conflicts = ConflictDetector.detect(List.of(a, touching, overlapping));
        assertThat(conflicts).extracting(c -> c.first() + "/" + c.second()).containsExactly("T1/T3", "T3/T2");
        assertThat(conflicts.get(0).from()).isEqualTo(T0.plusSeconds(599));
        assertThat(conflicts.get(0).to()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void aPossessionAcrossATrainIsReported() {
        Occupation train = new Occupation("SECTION:LPB-XNG", "C82@2026-12-01", false, T0, T0.plusSeconds(400));
        Occupation works =
                new Occupation("SECTION:LPB-XNG", "possession-1", true, T0.plusSeconds(100), T0.plusSeconds(7200));
        assertThat(ConflictDetector.detect(List.of(train, works)))
                .singleElement()
                .satisfies(c -> assertThat(c.possessionInvolved()).isTrue());
    }
}
