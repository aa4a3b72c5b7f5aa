package org.lancang.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lancang.operations.ReferenceDay.DATA;
import static org.lancang.operations.ReferenceDay.FILES;
import static org.lancang.operations.ReferenceDay.GRAPH;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.Clash;
import org.lancang.errors.InvalidInput;
import org.lancang.freight.ConsignmentNote;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DepartureHold;
import org.lancang.testing.WorldCurrencies;

/** The crossing found from the network's borders, the release states' order, the advance data's gaps and due time. */
class CustomsTest {
    private static DayGraph.Run run(String train) {
        return GRAPH.find(train, GRAPH.date()).orElseThrow();
    }

    @Test
    void aTrainIsHeldAtTheFirstControlStationInItsDirectionFromTheBordersData() {
        Crossing south =
                Crossing.first(DATA.network(), run("X8101").path().points()).orElseThrow();
        Crossing north =
                Crossing.first(DATA.network(), run("X8102").path().points()).orElseThrow();
        var border = DATA.network().borders().get(0);
        assertThat(south.control()).isEqualTo(border.beforeControl());
        assertThat(south.country()).isEqualTo(border.before());
        assertThat(north.control()).isEqualTo(border.afterControl());
        assertThat(north.country()).isEqualTo(border.after());
        assertThat(south.decidedBy(border.before().code())).isTrue();
        assertThat(south.decidedBy(border.after().code())).isFalse();
        // the reference data: Chinese controls at Mohan, Lao ones at Boten
        assertThat(south.control().code() + "/" + north.control().code()).isEqualTo("MHN/BTN");
        DayGraph.Run domestic = GRAPH.runs().stream()
                .filter(r -> r.path()
                        .origin()
                        .country()
                        .equals(r.path().destination().country()))
                .findFirst()
                .orElseThrow();
        assertThat(Crossing.first(DATA.network(), domestic.path().points())).isEmpty();
    }

    @Test
    void releaseStatesMoveInOrderAndAReleaseIsFinal() {
        assertThat(ReleaseState.SUBMITTED.decide(ReleaseState.ACCEPTED, null, ""))
                .isEqualTo(ReleaseState.ACCEPTED);
        assertThat(ReleaseState.ACCEPTED.decide(ReleaseState.SELECTED_FOR_INSPECTION, null, ""))
                .isEqualTo(ReleaseState.SELECTED_FOR_INSPECTION);
        assertThat(ReleaseState.SELECTED_FOR_INSPECTION.decide(ReleaseState.RELEASED, null, ""))
                .isEqualTo(ReleaseState.RELEASED);
        assertThat(ReleaseState.HELD.decide(ReleaseState.RELEASED, null, "")).isEqualTo(ReleaseState.RELEASED);
        assertThatThrownBy(() -> ReleaseState.RELEASED.decide(ReleaseState.HELD, "x", "decisions[0]."))
                .isInstanceOf(Clash.class)
                .hasFieldOrPropertyWithValue("field", "decisions[0].state")
                .hasFieldOrPropertyWithValue("code", "release-final");
        assertThatThrownBy(() -> ReleaseState.DRAFT.decide(ReleaseState.RELEASED, null, ""))
                .isInstanceOf(Clash.class)
                .hasMessageContaining("DRAFT");
        assertThatThrownBy(() -> ReleaseState.ACCEPTED.decide(ReleaseState.HELD, " ", ""))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> ReleaseState.ACCEPTED.decide(ReleaseState.SUBMITTED, null, ""))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("state"));
    }

    private static ConsignmentNote note(String seal) {
        return new ConsignmentNote(
                new ConsignmentNote.Party("Vientiane Fruit", "Ban Thanaleng"),
                new ConsignmentNote.Party("昆明鲜果", "Guandu, Kunming"),
                List.of(),
                List.of(new ConsignmentNote.Box("CSQU3054383", seal)),
                List.of(new ConsignmentNote.Goods("Fresh durian", "081060", 100, 22_000)),
                null,
                4.0,
                BigDecimal.TEN,
                WorldCurrencies.USD,
                List.of(),
                List.of("invoice"));
    }

    @Test
    void theAdvanceDataIsDueTheRulesLeadBeforeTheCrossingAndLateWhenNotCompleteAndSentByThen() {
        CustomsRules rules = CustomsRules.parse(FILES.read(CustomsRules.FILE), DATA.network());
        Crossing north =
                Crossing.first(DATA.network(), run("X8102").path().points()).orElseThrow();
        assertThat(rules.advanceDataLead(north.border())).isEqualTo(Duration.ofHours(2));
        assertThat(rules.at(north.border()).source()).contains("UNCONFIRMED");
        Instant arrives = Instant.parse("2026-12-05T12:00:00Z");
        Consignment complete =
                new Consignment("B1", "LC1", "s", "VTS", "YHE", note("SL1"), ReleaseState.SUBMITTED, null);
        Consignment noSeal = new Consignment("B2", "LC2", "s", "VTS", "YHE", note(""), ReleaseState.DRAFT, null);
        Consignment noNote = new Consignment("B3", null, "s", "VTS", "YHE", null, ReleaseState.DRAFT, null);
        assertThat(AdvanceData.missing(complete)).isEmpty();
        assertThat(AdvanceData.missing(noSeal)).containsExactly("containers[0].seal");
        assertThat(AdvanceData.missing(noNote)).containsExactly("note");

        var early = AdvanceData.assemble(
                "X8102",
                GRAPH.date(),
                north,
                arrives,
                rules,
                List.of(complete, noSeal),
                null,
                arrives.minus(Duration.ofHours(3)));
        assertThat(early.dueAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(early.reference())
                .isEqualTo("X8102-" + GRAPH.date().toString().replace("-", "") + "-BTN");
        assertThat(early.complete()).isFalse();
        assertThat(early.late()).isFalse();
        assertThat(early.grossMassKg()).isEqualTo(44_000);
        assertThat(early.packages()).isEqualTo(200);
        var pastDue = AdvanceData.assemble(
                "X8102",
                GRAPH.date(),
                north,
                arrives,
                rules,
                List.of(complete, noSeal),
                null,
                early.dueAt().plusSeconds(1));
        assertThat(pastDue.late()).isTrue();
        var sentInTime = AdvanceData.assemble(
                "X8102",
                GRAPH.date(),
                north,
                arrives,
                rules,
                List.of(complete),
                early.dueAt().minusSeconds(60),
                arrives);
        assertThat(sentInTime.late()).isFalse();
        assertThat(sentInTime.complete() && sentInTime.submitted()).isTrue();
    }

    @Test
    void theInterlockHoldsATrainUntilItsLastConsignmentIsReleased() {
        Crossing north =
                Crossing.first(DATA.network(), run("X8102").path().points()).orElseThrow();
        Instant t1 = Instant.parse("2026-12-05T11:00:00Z");
        Instant t2 = Instant.parse("2026-12-05T11:30:00Z");
        Consignment released = new Consignment("B1", "LC1", "s", "VTS", "YHE", null, ReleaseState.RELEASED, t2);
        Consignment inspected =
                new Consignment("B2", "LC2", "s", "VTS", "YHE", null, ReleaseState.SELECTED_FOR_INSPECTION, null);
        assertThat(BorderInterlock.hold("X8102", GRAPH.date(), north, List.of()))
                .isEmpty();
        DepartureHold open = BorderInterlock.hold("X8102", GRAPH.date(), north, List.of(released, inspected))
                .orElseThrow();
        assertThat(open.open()).isTrue();
        assertThat(open.point()).isEqualTo("BTN");
        assertThat(open.reason()).contains("LC2 SELECTED_FOR_INSPECTION").doesNotContain("LC1");
        Consignment early = new Consignment("B2", "LC2", "s", "VTS", "YHE", null, ReleaseState.RELEASED, t1);
        DepartureHold done = BorderInterlock.hold("X8102", GRAPH.date(), north, List.of(released, early))
                .orElseThrow();
        assertThat(done.open()).isFalse();
        assertThat(done.releasedAt()).isEqualTo(t2);
    }
}
