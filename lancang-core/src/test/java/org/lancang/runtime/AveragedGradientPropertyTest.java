package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * The averaged gradient on random paths against the average worked out metre by metre: sections of uneven length
 * (short ones among long ones, so that several fall in one stretch of the look-up), asked anywhere, ends included.
 */
class AveragedGradientPropertyTest {

    @Test
    void matchesTheAverageSummedMetreByMetre() {
        long seed = Seeds.seed(AveragedGradientPropertyTest.class);
        Random random = new Random(seed);
        for (int path = 0; path < 40; path++) {
            List<GradientSection> sections = new ArrayList<>();
            int at = 0;
            int count = 1 + random.nextInt(30);
            for (int k = 0; k < count; k++) {
                int length = random.nextBoolean() ? 1 + random.nextInt(20) : 100 + random.nextInt(5_000);
                sections.add(new GradientSection(at, at + length, random.nextInt(41) - 20));
                at += length;
            }
            int trainM = 50 + random.nextInt(700);
            AveragedGradient gradient = new AveragedGradient(sections, trainM);
            for (int probe = 0; probe < 200; probe++) {
                int headM = probe == 0 ? at : probe == 1 ? 0 : random.nextInt(at + 1);
                assertThat(gradient.averagePermilleAt(headM))
                        .as("seed %d, path %d, head at %d m", seed, path, headM)
                        .isCloseTo(summed(sections, headM, trainM), within(1e-6));
            }
        }
    }

    /** Each whole metre under the train at the gradient of its section (the first one behind the path start). */
    private static double summed(List<GradientSection> sections, int headM, int trainM) {
        double sum = 0;
        for (int m = headM - trainM; m < headM; m++) {
            GradientSection under = sections.get(0);
            for (GradientSection s : sections) {
                if (s.fromM() <= m) {
                    under = s;
                }
            }
            sum += under.gradientPermille();
        }
        return sum / trainM;
    }
}
