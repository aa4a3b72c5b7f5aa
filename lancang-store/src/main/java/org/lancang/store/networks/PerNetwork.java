package org.lancang.store.networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;

/**
 * One service of a feature per network served, home's first: the shell that the sales, customs, changes,
 * maintenance, operations and freight holders share. Each holder extends it, gives the code of its services once, and
 * adds only how its own requests find their network (by train, point, booking, consignment). A request that names its
 * network picks through {@link NetworkChoice}, so every holder answers an unknown one alike. A network served without
 * the feature (its folder lacks the feature's files) is not unknown: it is a 404 naming {@code network}, the feature and
 * what its folder lacks, the same on every holder (docs/features/networks.md).
 *
 * @param <S> the feature's service, one per network
 */
public abstract class PerNetwork<S> {
    private final List<S> all;
    private final Function<S, String> code;
    private final Feature feature;

    /**
     * What a network served without this feature lacks, for its answer.
     *
     * @param served  the codes of every network served, home's first, whether or not it has the feature
     * @param name    the feature, as a person calls it ("operations", "freight")
     * @param missing what a network's folder lacks to have it ("dispatching.csv")
     */
    public record Feature(List<String> served, String name, String missing) {
        public Feature {
            served = List.copyOf(served);
        }
    }

    /**
     * @param home    the home network's service
     * @param others  the other networks' services, in the order the networks are served
     * @param code    the code of the network a service is of
     * @param feature the networks served and what one without the feature lacks
     */
    protected PerNetwork(S home, List<S> others, Function<S, String> code, Feature feature) {
        List<S> services = new ArrayList<>();
        services.add(home);
        services.addAll(others);
        this.all = List.copyOf(services);
        this.code = code;
        this.feature = feature;
    }

    /** A feature every network served has (one service each), or a holder of home's alone. */
    protected PerNetwork(S home, List<S> others, Function<S, String> code) {
        this(home, others, code, new Feature(codes(home, others, code), "", ""));
    }

    /** The codes of the networks of {@code home} and {@code others}: the networks served, when no more are given. */
    protected static <S> List<String> codes(S home, List<S> others, Function<S, String> code) {
        List<String> out = new ArrayList<>();
        out.add(code.apply(home));
        others.forEach(s -> out.add(code.apply(s)));
        return out;
    }

    public final S home() {
        return all.get(0);
    }

    /** Every network's service, home's first. */
    public final List<S> all() {
        return all;
    }

    /** Whether home is the only network: nothing to route. */
    public final boolean homeAlone() {
        return all.size() == 1;
    }

    /**
     * The service of the network named in {@code field} (home's when blank); {@link NetworkChoice}'s rule.
     *
     * @throws InvalidInput naming {@code field} when no network of that code is served
     * @throws NotFound naming {@code field} when the network is served without this feature
     */
    public final S named(String network, String field) {
        Optional<NotFound> lacking = lacking(network, field);
        if (lacking.isPresent()) {
            throw lacking.get();
        }
        return NetworkChoice.of(all, code, feature.served(), network, field);
    }

    /**
     * The answer to a request naming a network that is served but has not this feature (its folder lacks the files);
     * empty for a network that has it, an unknown one or none.
     */
    public final Optional<NotFound> lacking(String network, String field) {
        if (network == null || network.isBlank()) {
            return Optional.empty();
        }
        String wanted = network.strip();
        boolean has = all.stream().anyMatch(s -> code.apply(s).equalsIgnoreCase(wanted));
        return has
                ? Optional.empty()
                : feature.served().stream()
                        .filter(c -> c.equalsIgnoreCase(wanted))
                        .findFirst()
                        .map(c -> new NotFound(
                                field,
                                "network '" + c + "' is served but has no " + feature.name() + ": its folder has no "
                                        + feature.missing(),
                                "network-without-feature"));
    }

    /** The first network's service that {@code has} what a request names; empty when none has it. */
    protected final Optional<S> first(Predicate<S> has) {
        return all.stream().filter(has).findFirst();
    }

    /** The first network's service that {@code has} what a request names, or home's (whose answer names it unknown). */
    protected final S firstOrHome(Predicate<S> has) {
        return first(has).orElse(home());
    }
}
