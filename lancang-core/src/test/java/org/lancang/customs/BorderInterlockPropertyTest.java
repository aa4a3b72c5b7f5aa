package org.lancang.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.lancang.operations.ReferenceDay.DATA;
import static org.lancang.operations.ReferenceDay.GRAPH;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DaySimulator;
import org.lancang.operations.DepartureHold;
import org.lancang.operations.Disturbance;
import org.lancang.operations.EventBatch;
import org.lancang.operations.EventKind;
import org.lancang.operations.Forecast;
import org.lancang.operations.RunningEvent;
import org.lancang.testing.Seeds;

/**
 * On seeded random days (the simulator's disturbances, random trains crossing the border with one to four consignments
 * each, released at random times or never), the day is played event by event with customs' decisions in between:
 * no train is ever let past its crossing's control station with a consignment not released (before its release), and
 * the moment the last one is released, the forecast has a waiting train leave at once (its departure is the release
 * time, or what it would have been without the hold if that is later) and that departure is accepted.
 */
class BorderInterlockPropertyTest {
    private static final int SCENARIOS = 300;

    /** A consignment of the scenario: released at {@code releaseAt} (null: never). */
    private static final class Box {
        final String number;
        final Instant releaseAt;
        ReleaseState state = ReleaseState.SUBMITTED;
        Instant releasedAt;

        Box(String number, Instant releaseAt) {
            this.number = number;
            this.releaseAt = releaseAt;
        }

        Consignment consignment() {
            return new Consignment(number, number, "shipper", "A", "B", null, state, releasedAt);
        }
    }

    private record Crosser(DayGraph.Run run, Crossing crossing, int heldNode, List<Box> boxes) {}

    @Test
    void noTrainCrossesWithAConsignmentNotReleasedAndTheLastReleaseLetsItGoAtOnce() {
        long seed = Seeds.seed(BorderInterlockPropertyTest.class);
        Random random = new Random(seed);
        List<DayGraph.Run> crossing = GRAPH.runs().stream()
                .filter(r -> r.serviceDate().equals(GRAPH.date()))
                .filter(r -> Crossing.first(DATA.network(), r.path().points()).isPresent())
                .toList();
        assertThat(crossing)
                .as("trains crossing the border on the reference day")
                .hasSizeGreaterThan(10);
        int refused = 0;
        int letGo = 0;
        int crossedAfterRelease = 0;
        for (int s = 0; s < SCENARIOS; s++) {
            List<Disturbance> disturbances = Disturbance.random(random, GRAPH);
            List<RunningEvent> reality =
                    new ArrayList<>(DaySimulator.simulate(GRAPH, disturbances).events());
            reality.sort(Comparator.comparing(RunningEvent::at)); // stable: a train's events stay in travel order
            Map<String, Crosser> crossers = new HashMap<>();
            int trains = 1 + random.nextInt(3);
            for (int k = 0; k < trains; k++) {
                DayGraph.Run r = crossing.get(random.nextInt(crossing.size()));
                Crossing c = Crossing.first(DATA.network(), r.path().points()).orElseThrow();
                int node = r.departure(c.pathIndex());
                long planned = GRAPH.planned(node);
                List<Box> boxes = new ArrayList<>();
                int count = 1 + random.nextInt(4);
                for (int b = 0; b < count; b++) {
                    Instant at = random.nextInt(10) == 0
                            ? null
                            : Instant.ofEpochSecond(planned - 4 * 3600 + random.nextInt(8 * 3600));
                    boxes.add(new Box(r.train() + "/" + b, at));
                }
                crossers.putIfAbsent(r.owner(), new Crosser(r, c, node, boxes));
            }
            record Release(Instant at, Crosser crosser, Box box) {}
            List<Release> releases = new ArrayList<>();
            crossers.values()
                    .forEach(c -> c.boxes().stream()
                            .filter(b -> b.releaseAt != null)
                            .forEach(b -> releases.add(new Release(b.releaseAt, c, b))));
            releases.sort(Comparator.comparing(Release::at));

            Forecast forecast = new Forecast(GRAPH);
            Instant start = reality.get(0).at().minusSeconds(1);
            forecast.hold(holds(crossers.values(), null), start);
            List<RunningEvent> accepted = new ArrayList<>();
            Set<String> stopped = new HashSet<>();
            int next = 0;
            for (RunningEvent e : reality) {
                while (next < releases.size() && !releases.get(next).at().isAfter(e.at())) {
                    Release rel = releases.get(next++);
                    rel.box().state = ReleaseState.RELEASED;
                    rel.box().releasedAt = rel.at();
                    forecast.hold(holds(crossers.values(), null), rel.at());
                    Crosser c = rel.crosser();
                    boolean last = c.boxes().stream().allMatch(b -> b.state == ReleaseState.RELEASED);
                    if (last && stopped.contains(c.run().owner())) {
                        // the train waits at the control station: it goes the moment it is let go
                        Forecast free = Forecast.replay(
                                GRAPH,
                                accepted,
                                holds(crossers.values(), c.run().owner()),
                                rel.at());
                        long expected = Math.max(rel.at().getEpochSecond(), free.time(c.heldNode()));
                        assertThat(forecast.time(c.heldNode()))
                                .as(
                                        "scenario %d (%s): %s let go at %s",
                                        s, disturbances, c.run().owner(), rel.at())
                                .isEqualTo(expected);
                        RunningEvent go = new RunningEvent(
                                c.run().train(),
                                c.run().serviceDate(),
                                c.crossing().control().code(),
                                EventKind.DEPARTURE,
                                Instant.ofEpochSecond(expected),
                                "dispatcher");
                        assertThatCode(() -> apply(forecast, go, accepted))
                                .as("scenario %d: %s leaves at once", s, c.run().owner())
                                .doesNotThrowAnyException();
                        letGo++;
                    }
                }
                String run = e.run();
                if (stopped.contains(run)) {
                    continue; // the train stands at its crossing; the simulator's later times are not what happens
                }
                try {
                    apply(forecast, e, accepted);
                    Crosser c = crossers.get(run);
                    if (c != null && beyond(c, e)) {
                        crossedAfterRelease++;
                    }
                } catch (Clash held) {
                    Crosser c = crossers.get(run);
                    assertThat(c)
                            .as("scenario %d: only a held train is refused: %s", s, held.getMessage())
                            .isNotNull();
                    assertThat(held.code()).isEqualTo("departure-held");
                    forecast.hold(holds(crossers.values(), null), e.at()); // the forecast as read now
                    assertThat(forecast.time(c.heldNode()))
                            .as("scenario %d: the forecast of a held train waits at least until now", s)
                            .isGreaterThanOrEqualTo(e.at().getEpochSecond());
                    stopped.add(run);
                    refused++;
                }
            }
            // nothing accepted past a crossing before every consignment of its train was released
            for (RunningEvent e : accepted) {
                Crosser c = crossers.get(e.run());
                if (c != null && beyond(c, e)) {
                    for (Box b : c.boxes()) {
                        assertThat(b.releasedAt)
                                .as(
                                        "scenario %d (%s): %s crossed at %s with %s",
                                        s, disturbances, e.run(), e.at(), b.number)
                                .isNotNull()
                                .isBeforeOrEqualTo(e.at());
                    }
                }
            }
        }
        System.out.println("BorderInterlockPropertyTest: " + SCENARIOS + " scenarios, " + refused
                + " crossings refused, " + letGo + " trains let go at the last release, " + crossedAfterRelease
                + " events past a crossing after release");
        assertThat(refused).as("scenarios where a train was held").isGreaterThan(SCENARIOS / 10);
        assertThat(letGo).as("held trains let go").isGreaterThan(SCENARIOS / 20);
    }

    private static void apply(Forecast forecast, RunningEvent e, List<RunningEvent> accepted) {
        Forecast.Checked c = forecast.check(e, null, "", new EventBatch());
        if (!c.duplicate()) {
            forecast.apply(List.of(c.event()));
            accepted.add(c.event());
        }
    }

    /** Whether an event is the train's departure from its control station or later. */
    private static boolean beyond(Crosser c, RunningEvent e) {
        int i = c.run().path().indexOf(e.point());
        return i > c.crossing().pathIndex() || (i == c.crossing().pathIndex() && e.kind() != EventKind.ARRIVAL);
    }

    /** The holds of the trains (but {@code except}'s) as the interlock gives them now. */
    private static List<DepartureHold> holds(Iterable<Crosser> crossers, String except) {
        List<DepartureHold> out = new ArrayList<>();
        for (Crosser c : crossers) {
            if (c.run().owner().equals(except)) {
                continue;
            }
            Optional<DepartureHold> h = BorderInterlock.hold(
                    c.run().train(),
                    c.run().serviceDate(),
                    c.crossing(),
                    c.boxes().stream().map(Box::consignment).toList());
            h.ifPresent(out::add);
        }
        return out;
    }
}
