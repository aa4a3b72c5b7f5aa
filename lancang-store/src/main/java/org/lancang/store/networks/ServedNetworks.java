package org.lancang.store.networks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lancang.errors.NotFound;
import org.lancang.network.Point;
import org.lancang.rollingstock.TrainType;
import org.lancang.timetable.TrainPlan;

/**
 * The networks served, the home network first, and where each point, train and train type is. Codes and numbers must
 * be unique across the networks so that {@code /api/timetable/trains/133} or {@code lancang runtime --from KTW} name
 * one thing: {@link #of} refuses a clash, naming the code and both networks.
 */
public final class ServedNetworks {
    /** Networks that cannot be served together: the same code in two of them. */
    public static final class Clash extends IllegalStateException {
        Clash(String message) {
            super(message);
        }
    }

    private final List<ServedNetwork> networks;

    private ServedNetworks(List<ServedNetwork> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * The networks, the first being the home network; refused ({@link Clash}) when two share a network code, a point
     * code, a train number or a train type code.
     */
    public static ServedNetworks of(List<ServedNetwork> networks) {
        if (networks.isEmpty() || !networks.get(0).home()) {
            throw new IllegalArgumentException("the first network served must be the home network");
        }
        unique("network code", networks, n -> List.of(n.code()));
        unique(
                "point code",
                networks,
                n -> n.network().points().stream().map(Point::code).toList());
        unique(
                "train number",
                networks,
                n -> n.plans().stream().map(TrainPlan::number).toList());
        unique(
                "train type code",
                networks,
                n -> n.reference().rollingStock().types().stream()
                        .map(TrainType::code)
                        .toList());
        return new ServedNetworks(networks);
    }

    /**
     * The networks as {@link #of(List)} takes them, on a restart: {@code addedByChanges} are the numbers of the trains
     * added by each network's published timetable changes (by network code), which must not clash with another
     * network's trains either (a folder added since could run a number a change added).
     */
    public static ServedNetworks of(List<ServedNetwork> networks, Map<String, List<String>> addedByChanges) {
        ServedNetworks served = of(networks);
        unique(
                "train number",
                networks,
                n -> {
                    List<String> numbers = new ArrayList<>(
                            n.plans().stream().map(TrainPlan::number).toList());
                    numbers.addAll(addedByChanges.getOrDefault(n.code(), List.of()));
                    return numbers;
                },
                "rename one in its folder, or undo the published timetable change that added it, or serve only one of"
                        + " them with --network");
        return served;
    }

    private static void unique(String what, List<ServedNetwork> networks, Function<ServedNetwork, List<String>> codes) {
        unique(what, networks, codes, "rename one in its folder, or serve only one of them with --network");
    }

    private static void unique(
            String what, List<ServedNetwork> networks, Function<ServedNetwork, List<String>> codes, String remedy) {
        // Keyed by the network's place in the list, not its code: two networks with the same code must clash too.
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < networks.size(); i++) {
            ServedNetwork n = networks.get(i);
            for (String code : codes.apply(n)) {
                Integer before = seen.putIfAbsent(code.toUpperCase(Locale.ROOT), i);
                if (before != null && before != i) {
                    throw new Clash("the " + what + " '" + code + "' is in both networks '"
                            + networks.get(before).code() + "' and '"
                            + n.code() + "': codes must be unique across the networks served (" + remedy + ")");
                }
            }
        }
    }

    /** The home network: the database's. */
    public ServedNetwork home() {
        return networks.get(0);
    }

    /** Every network served, the home network first. */
    public List<ServedNetwork> all() {
        return networks;
    }

    /** The networks other than the home network, read from their folders. */
    public List<ServedNetwork> others() {
        return networks.subList(1, networks.size());
    }

    /** The network of this code, if served (ignoring case). */
    public Optional<ServedNetwork> find(String code) {
        return networks.stream().filter(n -> n.code().equalsIgnoreCase(code)).findFirst();
    }

    /**
     * The network a request names in {@code field} (home when it names none), by {@link NetworkChoice}: an unknown
     * code is a 400 naming {@code field} and listing the networks served.
     */
    public ServedNetwork named(String code, String field) {
        return NetworkChoice.of(networks, ServedNetwork::code, code, field);
    }

    /**
     * The network of a resource's path ({@code /api/networks/{network}}), or {@link NotFound} naming {@code field} and
     * the networks served: there the code names the resource.
     */
    public ServedNetwork require(String code, String field) {
        return find(code).orElseThrow(() -> new NotFound(field, "no network '" + code + "'; served: " + codes()));
    }

    /** The network that has this point. */
    public Optional<ServedNetwork> ofPoint(String code) {
        return networks.stream()
                .filter(n ->
                        n.network().point(code.strip().toUpperCase(Locale.ROOT)).isPresent())
                .findFirst();
    }

    /** The network whose base plan has this train. */
    public Optional<ServedNetwork> ofTrain(String number) {
        return networks.stream().filter(n -> n.plan(number.strip()).isPresent()).findFirst();
    }

    /** The network whose rolling stock has this train type. */
    public Optional<ServedNetwork> ofTrainType(String code) {
        return networks.stream()
                .filter(n -> n.reference().rollingStock().type(code.strip()).isPresent())
                .findFirst();
    }

    /** The codes of the networks served, comma-separated. */
    public String codes() {
        List<String> codes = new ArrayList<>();
        networks.forEach(n -> codes.add(n.code()));
        return String.join(", ", codes);
    }
}
