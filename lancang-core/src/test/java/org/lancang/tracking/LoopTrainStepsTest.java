package org.lancang.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/**
 * A box's steps follow the way its train runs, not the shortest route between the box's stations (ADR 0033). The loop
 * test network: main line Pago 0 – Xeno 20 – Quill 50 – Rho 70, the loop Xeno 0 – Yola 30 – Quill 60 and the spur Yola
 * 0 – Zed 15. V1 runs Pago → Rho via Yola (round the loop), S1 Pago → Rho along the main line.
 */
class LoopTrainStepsTest {
    static final ReferenceFiles FILES = ReferenceFiles.loop();
    static final Network NETWORK = ReferenceData.parse(FILES).network();
    static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), NETWORK);
    static final TrainSteps STEPS = new TrainSteps(
            NETWORK,
            (train, date) ->
                    PLANS.stream().filter(p -> p.number().equals(train)).findFirst());
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

    static Optional<BoxEventType> step(
            TrainSteps steps, String train, String point, EventKind kind, String from, String to) {
        return steps.of(new RunningEvent(train, DAY, point, kind, AT, "test"), from, to);
    }

    static Optional<BoxEventType> step(String train, String point, EventKind kind, String from, String to) {
        return step(STEPS, train, point, kind, from, to);
    }

    @Test
    void aBoxOnTheTrainSentRoundTheLoopPassesTheLoopsStation() {
        assertThat(step("V1", "QP", EventKind.DEPARTURE, "QP", "QR")).contains(BoxEventType.DEPARTED);
        assertThat(step("V1", "QX", EventKind.DEPARTURE, "QP", "QR")).contains(BoxEventType.PASSED);
        assertThat(step("V1", "QY", EventKind.DEPARTURE, "QP", "QR"))
                .as("Yola, on the loop V1 runs, though not on the shortest route Pago → Rho")
                .contains(BoxEventType.PASSED);
        assertThat(step("V1", "QQ", EventKind.DEPARTURE, "QP", "QR")).contains(BoxEventType.PASSED);
        assertThat(step("V1", "QR", EventKind.ARRIVAL, "QP", "QR")).contains(BoxEventType.ARRIVED);
        assertThat(step("V1", "QZ", EventKind.PASS, "QP", "QR"))
                .as("Zed, on the spur: off V1's way")
                .isEmpty();
    }

    @Test
    void aBoxBookedOnPartOfTheTrainsRunTakesThatPartOfItsWay() {
        assertThat(step("V1", "QY", EventKind.DEPARTURE, "QX", "QQ")).contains(BoxEventType.PASSED);
        assertThat(step("V1", "QY", EventKind.DEPARTURE, "QQ", "QR"))
                .as("past the loop: Yola is behind the box")
                .isEmpty();
    }

    @Test
    void aBoxOnTheMainLineTrainOrOnAnUnknownTrainTakesTheShortestRoute() {
        assertThat(step("S1", "QY", EventKind.DEPARTURE, "QP", "QR")).isEmpty();
        assertThat(step("S1", "QX", EventKind.DEPARTURE, "QP", "QR")).contains(BoxEventType.PASSED);
        assertThat(step("X9", "QY", EventKind.DEPARTURE, "QP", "QR"))
                .as("a train the timetable does not know")
                .isEmpty();
        assertThat(step(new TrainSteps(NETWORK), "V1", "QY", EventKind.DEPARTURE, "QP", "QR"))
                .as("without the plans, V1's box is followed on the shortest route")
                .isEmpty();
    }

    @Test
    void aBoxBetweenPointsItsTrainDoesNotPassInOrderTakesTheShortestRoute() {
        assertThat(step("V1", "QY", EventKind.DEPARTURE, "QP", "QZ"))
                .as("V1 does not reach Zed; the shortest Pago → Zed passes Yola")
                .contains(BoxEventType.PASSED);
        assertThat(step("V1", "QQ", EventKind.DEPARTURE, "QP", "QZ")).isEmpty();
    }
}
