package org.lancang.store.networks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.lancang.errors.InvalidInput;

/**
 * One service of a feature per network served, home's first: the shell that the sales, customs, changes,
 * maintenance, operations and freight holders share. Each holder extends it, gives the code of its services once, and
 * adds only how its own requests find their network (by train, point, booking, consignment). A request that names its
 * network picks through {@link NetworkChoice}, so every holder answers an unknown one alike.
 *
 * @param <S> the feature's service, one per network
 */
public abstract class PerNetwork<S> {
    private final List<S> all;
    private final Function<S, String> code;

    /**
     * @param home   the home network's service
     * @param others the other networks' services, in the order the networks are served
     * @param code   the code of the network a service is of
     */
    protected PerNetwork(S home, List<S> others, Function<S, String> code) {
        List<S> services = new ArrayList<>();
        services.add(home);
        services.addAll(others);
        this.all = List.copyOf(services);
        this.code = code;
    }

    public final S home() {
        return all.get(0);
    }

    /** Every network's service, home's first. */
    public final List<S> all() {
        return all;
    }

    public final Stream<S> stream() {
        return all.stream();
    }

    /** Whether home is the only network: nothing to route. */
    public final boolean homeAlone() {
        return all.size() == 1;
    }

    /**
     * The service of the network a request names in its {@code network} field (home's when blank).
     *
     * @throws InvalidInput naming {@code network} when no network of that code has one
     */
    public final S of(String network) {
        return named(network, "network");
    }

    /**
     * The service of the network named in {@code field} (home's when blank); {@link NetworkChoice}'s rule.
     *
     * @throws InvalidInput naming {@code field} when no network of that code has one
     */
    public final S named(String network, String field) {
        return NetworkChoice.of(all, code, network, field);
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
