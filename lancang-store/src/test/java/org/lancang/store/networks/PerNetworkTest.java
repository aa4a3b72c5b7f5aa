package org.lancang.store.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.testing.Seeds;

/**
 * The shell every per-network holder extends: home first, a named network picked by {@link NetworkChoice}'s rule (home
 * when blank, any case, an unknown code refused naming the field and listing the networks), and a request routed to
 * the first network that has what it names, else home.
 */
class PerNetworkTest {
    /** A stand-in for a feature's service: the network it is of and the trains it runs. */
    private record Desk(String network, Set<String> trains) {}

    /** The smallest holder: adds routing by train, as the operations and sales holders do. */
    private static final class Desks extends PerNetwork<Desk> {
        Desks(Desk home, List<Desk> others) {
            super(home, others, Desk::network);
        }

        Desks(Desk home, List<Desk> others, List<String> served) {
            super(home, others, Desk::network, new Feature(served, "desks", "desks.csv"));
        }

        Desk ofTrain(String train) {
            return firstOrHome(d -> d.trains().contains(train));
        }
    }

    private static final Desk HOME = new Desk("china-laos", Set.of("D87", "C82"));
    private static final Desk SECOND = new Desk("vientiane-bangkok", Set.of("133", "147"));

    @Test
    void homeComesFirstAndAloneItRoutesNothing() {
        Desks both = new Desks(HOME, List.of(SECOND));
        assertThat(both.home()).isSameAs(HOME);
        assertThat(both.all()).containsExactly(HOME, SECOND);
        assertThat(both.homeAlone()).isFalse();
        assertThat(new Desks(HOME, List.of()).homeAlone()).isTrue();
    }

    @Test
    void aNamedNetworkIsPickedInAnyCaseAndBlankIsHome() {
        Desks both = new Desks(HOME, List.of(SECOND));
        assertThat(both.named(null, "network")).isSameAs(HOME);
        assertThat(both.named("  ", "network")).isSameAs(HOME);
        assertThat(both.named(" Vientiane-Bangkok ", "network")).isSameAs(SECOND);
        assertThat(both.named("CHINA-LAOS", "--network")).isSameAs(HOME);
    }

    @Test
    void anUnknownNetworkIsRefusedNamingTheFieldAndListingTheNetworks() {
        Desks both = new Desks(HOME, List.of(SECOND));
        assertThatThrownBy(() -> both.named("atlantis", "network"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("network: no network 'atlantis'; served: china-laos, vientiane-bangkok");
        assertThatThrownBy(() -> both.named("atlantis", "--network"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("--network: ");
    }

    @Test
    void aNetworkServedWithoutTheFeatureIsToldSoAndAnUnknownOneStaysUnknown() {
        Desks withOut = new Desks(HOME, List.of(SECOND), List.of("china-laos", "ofotbanen", "vientiane-bangkok"));
        assertThatThrownBy(() -> withOut.named(" OFOTBANEN ", "network"))
                .isInstanceOf(NotFound.class)
                .hasMessage("network 'ofotbanen' is served but has no desks: its folder has no desks.csv")
                .satisfies(e -> assertThat(((NotFound) e).field()).isEqualTo("network"));
        assertThat(withOut.lacking("vientiane-bangkok", "network")).isEmpty();
        assertThat(withOut.lacking(null, "network")).isEmpty();
        assertThatThrownBy(() -> withOut.named("atlantis", "network"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("network: no network 'atlantis'; served: china-laos, ofotbanen, vientiane-bangkok");
    }

    @Test
    void aRequestGoesToTheNetworkThatHasWhatItNamesElseHome() {
        Desks both = new Desks(HOME, List.of(SECOND));
        assertThat(both.ofTrain("147")).isSameAs(SECOND);
        assertThat(both.ofTrain("D87")).isSameAs(HOME);
        assertThat(both.ofTrain("X1")).isSameAs(HOME);
    }

    /** Seeded: whatever the networks and the case and spaces of the request, it gets its own network or a 400. */
    @Test
    void everyCodeFindsItsOwnNetworkAndNoOtherIsAccepted() {
        long seed = Seeds.seed(PerNetworkTest.class);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Desk> desks = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                desks.add(new Desk("net-" + round + "-" + i, Set.of()));
            }
            Desks holder = new Desks(desks.get(0), desks.subList(1, count));
            Desk wanted = desks.get(random.nextInt(count));
            String asked = " ".repeat(random.nextInt(3))
                    + (random.nextBoolean() ? wanted.network().toUpperCase(Locale.ROOT) : wanted.network())
                    + " ".repeat(random.nextInt(3));
            assertThat(holder.named(asked, "network"))
                    .as("seed %d, asked '%s'", seed, asked)
                    .isSameAs(wanted);
            String unknown = "net-" + round + "-" + (count + random.nextInt(3));
            assertThatThrownBy(() -> holder.named(unknown, "network"))
                    .as("seed %d, asked '%s'", seed, unknown)
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageStartingWith("network: no network '" + unknown + "'");
        }
    }
}
