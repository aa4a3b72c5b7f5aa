package org.lancang.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Border;
import org.lancang.network.Network;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;

/** The steps a box gets from its train's running events, with the border stations taken from the network's data. */
class TrainStepsTest {
    static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    static final Network NETWORK = ReferenceData.parse(FILES).network();
    static final TrainSteps STEPS = new TrainSteps(NETWORK);
    static final Instant AT = Instant.parse("2026-12-06T00:00:00Z");

    static Optional<BoxEventType> step(String point, EventKind kind, String from, String to) {
        return STEPS.of(new RunningEvent("X1", LocalDate.of(2026, 12, 6), point, kind, AT, "test"), from, to);
    }

    @Test
    void aTrainCrossingTheBorderExitsAtTheControlOfTheCountryItLeavesAndEntersAtTheOther() {
        Border border = NETWORK.borders().get(0);
        // the lower-km side is "before": a train from the far end (highest km) to km 0 leaves the "after" country
        String low = NETWORK.points().get(0).code();
        String high = NETWORK.points().get(NETWORK.points().size() - 1).code();
        String after = border.afterControl().code();
        String before = border.beforeControl().code();
        assertThat(step(after, EventKind.DEPARTURE, high, low)).contains(BoxEventType.BORDER_EXIT);
        assertThat(step(before, EventKind.ARRIVAL, high, low)).contains(BoxEventType.BORDER_ENTRY);
        assertThat(step(before, EventKind.DEPARTURE, low, high)).contains(BoxEventType.BORDER_EXIT);
        assertThat(step(after, EventKind.ARRIVAL, low, high)).contains(BoxEventType.BORDER_ENTRY);
        assertThat(step(border.point().code(), EventKind.PASS, low, high)).contains(BoxEventType.PASSED);
        assertThat(step(after, EventKind.ARRIVAL, high, low))
                .as("an intermediate arrival")
                .isEmpty();
        assertThat(step(high, EventKind.DEPARTURE, high, low)).contains(BoxEventType.DEPARTED);
        assertThat(step(low, EventKind.ARRIVAL, high, low)).contains(BoxEventType.ARRIVED);
    }

    @Test
    void pointsOutsideTheBoxsStretchAreNoStep() {
        String low = NETWORK.points().get(0).code();
        String second = NETWORK.points().get(1).code();
        String high = NETWORK.points().get(NETWORK.points().size() - 1).code();
        assertThat(step(high, EventKind.PASS, low, second)).isEmpty();
    }

    @Test
    void aStepBeforeTheLatestIsRefusedAndTheSameFactHasTheSameId() {
        BoxEvent e = new BoxEvent("FB-1", "ABCU1234560", BoxEventType.DELIVERED, "YHE", AT, null, null);
        assertThat(e.eventId())
                .isEqualTo(new BoxEvent(
                                "FB-1", "ABCU1234560", BoxEventType.DELIVERED, "YHE", AT.plusSeconds(5), null, null)
                        .eventId());
        BoxTimeline.checkAfter(AT.minusSeconds(1), e, "at");
        assertThatThrownBy(() -> BoxTimeline.checkAfter(AT.plus(Duration.ofMinutes(1)), e, "at"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("before");
    }

    @Test
    void theEtaIsTheArrivalPlusTheTerminalsTime() {
        TerminalTimes t = TerminalTimes.parse(NETWORK, FILES.read(TerminalTimes.FILE));
        assertThat(t.eta("YHE", AT)).isEqualTo(AT.plus(t.release("YHE")));
        assertThat(t.release("KMG")).as("the default row").isEqualTo(Duration.ofHours(3));
        assertThat(t.eta("YHE", null)).isNull();
    }
}
