package org.lancang.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.lancang.operations.ReferenceDay.DATA;
import static org.lancang.operations.ReferenceDay.GRAPH;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.testing.Seeds;

/**
 * A consignment's borders on seeded random routes (one to five borders, each at a random state): it may go on exactly
 * when every border behind it is released and every border ahead declared, and a refusal names the first border in
 * travel order that lacks it, with the code saying which of the two is missing.
 */
class BorderClearancePropertyTest {
    private static final int ROUTES = 2_000;

    private static Crossing southbound() {
        var run = GRAPH.runs().stream()
                .filter(r -> Crossing.first(DATA.network(), r.path().points()).isPresent())
                .findFirst()
                .orElseThrow();
        return Crossing.first(DATA.network(), run.path().points()).orElseThrow();
    }

    @Test
    void aConsignmentGoesOnOnlyWithEveryBorderReleasedBehindAndDeclaredAheadAndARefusalNamesTheFirstLacking() {
        long seed = Seeds.seed(BorderClearancePropertyTest.class);
        Random random = new Random(seed);
        Crossing crossing = southbound();
        ReleaseState[] states = ReleaseState.values();
        for (int n = 0; n < ROUTES; n++) {
            int count = 1 + random.nextInt(5);
            int behind = random.nextInt(count + 1);
            List<BorderClearance.AtBorder> passed = new ArrayList<>();
            List<BorderClearance.AtBorder> ahead = new ArrayList<>();
            // the first border (in travel order) that fails, worked out here from the states alone
            String firstLacking = null;
            String code = null;
            for (int i = 0; i < count; i++) {
                ReleaseState s = random.nextInt(3) == 0 ? ReleaseState.RELEASED : states[random.nextInt(states.length)];
                var at = new BorderClearance.AtBorder(crossing, "T" + i, s);
                if (i < behind) {
                    passed.add(at);
                    if (firstLacking == null && s != ReleaseState.RELEASED) {
                        firstLacking = "T" + i;
                        code = "customs-not-released";
                    }
                } else {
                    ahead.add(at);
                    if (firstLacking == null && s == ReleaseState.DRAFT) {
                        firstLacking = "T" + i;
                        code = "customs-declaration-missing";
                    }
                }
            }
            String context = "seed " + seed + ", route " + n + ": behind " + passed + ", ahead " + ahead;
            if (firstLacking == null) {
                assertThatCode(() -> BorderClearance.check("C1", passed, ahead, "bookingId"))
                        .as(context)
                        .doesNotThrowAnyException();
                continue;
            }
            Clash refused =
                    catchThrowableOfType(() -> BorderClearance.check("C1", passed, ahead, "bookingId"), Clash.class);
            assertThat(refused).as(context).isNotNull();
            assertThat(refused.field()).isEqualTo("bookingId");
            assertThat(refused.code()).as(context).isEqualTo(code);
            assertThat(refused.getMessage())
                    .as(context)
                    .startsWith("border " + crossing.border().point().code())
                    .contains(crossing.control().code());
            if (code.equals("customs-declaration-missing")) {
                // the train that is to take it across names where to send the data
                assertThat(refused.getMessage()).as(context).contains("no declaration", firstLacking);
            } else {
                String lacking = firstLacking;
                ReleaseState state = passed.stream()
                        .filter(b -> b.train().equals(lacking))
                        .findFirst()
                        .orElseThrow()
                        .state();
                assertThat(refused.getMessage()).as(context).contains(" is " + state + " there");
            }
        }
    }
}
