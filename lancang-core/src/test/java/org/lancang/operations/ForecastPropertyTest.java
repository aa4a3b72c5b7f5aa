package org.lancang.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.operations.ReferenceDay.GRAPH;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.testing.Seeds;

/**
 * On seeded random disturbance scenarios, the incremental forecast equals a full re-simulation of the day from the same
 * events, whatever the moment, and once every event is in, it equals what the simulator played.
 */
class ForecastPropertyTest {
    private static final int SCENARIOS = 1000;

    @Test
    void incrementalForecastEqualsFullResimulationOnAThousandScenarios() {
        long seed = Seeds.seed(ForecastPropertyTest.class);
        Random random = new Random(seed);
        int compared = 0;
        for (int s = 0; s < SCENARIOS; s++) {
            List<Disturbance> disturbances = Disturbance.random(random, GRAPH);
            DaySimulator.Reality reality = DaySimulator.simulate(GRAPH, disturbances);
            Forecast forecast = new Forecast(GRAPH);
            List<RunningEvent> events = reality.events();
            int checkpoints = 2;
            List<Integer> at = new ArrayList<>();
            for (int k = 0; k < checkpoints; k++) {
                at.add(random.nextInt(events.size()));
            }
            int i = 0;
            while (i < events.size()) {
                int batch = 1 + random.nextInt(8);
                EventBatch b = new EventBatch();
                List<RunningEvent> checked = new ArrayList<>();
                for (int k = i; k < Math.min(events.size(), i + batch); k++) {
                    Forecast.Checked c = forecast.check(events.get(k), null, "", b);
                    assertThat(c.duplicate()).isFalse();
                    checked.add(c.event());
                }
                forecast.apply(checked);
                int end = i + batch;
                int from = i;
                if (at.stream().anyMatch(p -> p >= from && p < end)) {
                    assertThat(forecast.times())
                            .as("scenario %d (%s), after %d events", s, disturbances, end)
                            .isEqualTo(Resimulation.forecast(GRAPH, forecast.actuals()));
                    compared++;
                }
                i = end;
            }
            for (DayGraph.Run r : GRAPH.runs()) {
                if (r.serviceDate().equals(GRAPH.date())) {
                    for (int n = r.firstNode() + 1; n < r.lastNode(); n++) {
                        assertThat(forecast.time(n))
                                .as("scenario %d (%s): %s node %d", s, disturbances, r.owner(), n)
                                .isEqualTo(reality.times()[n]);
                    }
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(SCENARIOS);
    }
}
