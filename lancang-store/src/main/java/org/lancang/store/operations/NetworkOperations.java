package org.lancang.store.operations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.NotFound;
import org.lancang.operations.DispatchRules;
import org.lancang.operations.RunningEvent;
import org.lancang.store.networks.PerNetwork;
import org.lancang.store.operations.OperationsRecords.JourneyForecast;

/**
 * The operations of every network that runs (home first): each its own {@link OperationsService} over its own
 * timetable, service day and zone, sharing the database. A request goes to the network of its train, its point or the
 * network it names; train numbers and point codes are unique across the networks served, so that is one network.
 */
public final class NetworkOperations extends PerNetwork<OperationsService> {
    private NetworkOperations(OperationsService home, List<OperationsService> others, List<String> served) {
        super(home, others, OperationsService::network, new Feature(served, "operations", DispatchRules.FILE));
    }

    /** The home network's operations and those of the other networks that run. */
    public static NetworkOperations of(OperationsService home, List<OperationsService> others) {
        return new NetworkOperations(home, others, codes(home, others, OperationsService::network));
    }

    /**
     * Home's first, then the others'; {@code served} is the code of every network served, so that one without
     * operations is told so rather than called unknown.
     */
    public static NetworkOperations of(OperationsService home, List<OperationsService> others, List<String> served) {
        return new NetworkOperations(home, others, served);
    }

    /** The network of a train; home's for a number no network has (its answer names the train as unknown). */
    public OperationsService ofTrain(String number) {
        return firstOrHome(o -> o.runs(number));
    }

    /** The network of a point; home's for a code no network has (its answer names the point as unknown). */
    public OperationsService ofPoint(String code) {
        return firstOrHome(o -> o.has(code));
    }

    /**
     * The network of a batch of events: its first event's train's. A batch holds one network's trains (each network
     * commits its own events in its own transaction, so a batch across two could not be all or nothing): refused
     * naming the first event of another network's train.
     *
     * @param prefixed whether field names carry the event's place in the batch ({@code events[3].train})
     */
    public OperationsService ofBatch(List<RunningEvent> events, boolean prefixed) {
        if (homeAlone()) {
            return home(); // one network runs: nothing to route (the ingest's own checks name an unknown train)
        }
        OperationsService of = ofTrain(events.get(0).train());
        // a day's batch repeats each train many times: each number looked up once
        Map<String, OperationsService> seen = new HashMap<>();
        for (int i = 1; i < events.size(); i++) {
            String train = events.get(i).train();
            OperationsService other = train == null ? home() : seen.computeIfAbsent(train, this::ofTrain);
            if (other != of && other.runs(train)) {
                throw new InvalidInput(
                        (prefixed ? "events[" + i + "]." : "") + "train",
                        "train " + train + " runs on '" + other.network() + "', the batch's first on '" + of.network()
                                + "': send each network's events in a batch of its own");
            }
        }
        return of;
    }

    /** A booking's journey with its forecast, on the network it was sold on. */
    public JourneyForecast booking(UUID id, String user, boolean anyOwner) {
        NotFound first = null;
        for (OperationsService o : all()) {
            try {
                return o.booking(id, user, anyOwner);
            } catch (NotFound e) {
                first = Optional.ofNullable(first).orElse(e);
            }
        }
        throw first;
    }
}
