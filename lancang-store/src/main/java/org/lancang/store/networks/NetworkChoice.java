package org.lancang.store.networks;

import java.util.List;
import java.util.function.Function;
import org.lancang.errors.InvalidInput;

/**
 * The one rule for the network a request names ({@code ?network=}, a {@code network} body field, {@code --network}):
 * none named is the home network; an unknown code is the request's mistake, not a missing resource, so it is refused
 * as invalid input (400) naming the field and listing the networks served. Every per-network service list (the
 * networks served, their freight, changes, maintenance and operations) picks through it, so they answer alike.
 */
public final class NetworkChoice {
    private NetworkChoice() {}

    /**
     * The element of {@code perNetwork} (home first) whose {@link Function code} is {@code requested}, ignoring case
     * and surrounding spaces; the first (home) when {@code requested} is null or blank.
     *
     * @throws InvalidInput naming {@code field} when no element has that code
     */
    public static <T> T of(List<T> perNetwork, Function<T, String> code, String requested, String field) {
        return of(perNetwork, code, perNetwork.stream().map(code).toList(), requested, field);
    }

    /**
     * As {@link #of(List, Function, String, String)}, listing in the refusal {@code served}: every network served,
     * also those without an element here.
     */
    public static <T> T of(
            List<T> perNetwork, Function<T, String> code, List<String> served, String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return perNetwork.get(0);
        }
        String wanted = requested.strip();
        return perNetwork.stream()
                .filter(t -> code.apply(t).equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() ->
                        new InvalidInput(field, "no network '" + wanted + "'; served: " + String.join(", ", served)));
    }
}
