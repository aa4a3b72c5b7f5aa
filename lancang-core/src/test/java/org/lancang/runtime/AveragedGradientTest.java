package org.lancang.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The gradient a 400 m train feels, worked out by hand. */
class AveragedGradientTest {

    private final AveragedGradient gradient = new AveragedGradient(
            List.of(
                    new GradientSection(0, 1_000, 6),
                    new GradientSection(1_000, 2_000, -10),
                    new GradientSection(2_000, 2_100, -10),
                    new GradientSection(2_100, 3_000, 20)),
            400);

    @Test
    void averagesOverTheTrainLength() {
        assertThat(gradient.averagePermilleAt(800)).isCloseTo(6, within(1e-12));
        assertThat(gradient.averagePermilleAt(1_200)).isCloseTo((200 * 6 + 200 * -10) / 400.0, within(1e-12));
        assertThat(gradient.averagePermilleAt(2_200)).isCloseTo((300 * -10 + 100 * 20) / 400.0, within(1e-12));
        assertThat(gradient.averagePermilleAt(3_000)).isCloseTo(20, within(1e-12));
    }

    @Test
    void usesTheFirstGradientBehindThePathStart() {
        assertThat(gradient.averagePermilleAt(0)).isCloseTo(6, within(1e-12));
        assertThat(gradient.averagePermilleAt(100)).isCloseTo(6, within(1e-12));
    }

    @Test
    void kinksAreWhereTheHeadOrTheTailCrossesAChange() {
        assertThat(gradient.nextKinkAfterM(0)).isEqualTo(1_000);
        assertThat(gradient.nextKinkAfterM(1_000)).isEqualTo(1_400);
        assertThat(gradient.nextKinkAfterM(1_400)).isEqualTo(2_100); // 2,000 is no change: equal neighbours merged
        assertThat(gradient.nextKinkAfterM(2_100)).isEqualTo(2_500);
        assertThat(gradient.nextKinkAfterM(2_500)).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
