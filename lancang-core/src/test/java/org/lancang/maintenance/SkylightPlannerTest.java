package org.lancang.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lancang.maintenance.Fixtures.DATA;
import static org.lancang.maintenance.Fixtures.NETWORK;
import static org.lancang.maintenance.Fixtures.refusedNaming;
import static org.lancang.maintenance.Fixtures.utc;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Possession;

/** Skylight warnings, errors and occurrences across the two time zones. */
class SkylightPlannerTest {
    private static final YearMonth DECEMBER_2026 = YearMonth.of(2026, 12); // 1 December 2026 is a Tuesday
    private final SkylightPlanner planner = new SkylightPlanner(NETWORK, MaintenanceRules.defaults());

    @Test
    void maintenanceOnSingleTrackWarnsBelow90Minutes() {
        assertThat(planner.check(window("BTN", "NTY", 85, SkylightPurpose.MAINTENANCE)))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.code()).isEqualTo(SkylightWarning.Code.SHORTER_THAN_RULE);
                    assertThat(w.field()).isEqualTo("duration");
                    assertThat(w.message()).contains("85", "90");
                });
        assertThat(planner.check(window("BTN", "NTY", 90, SkylightPurpose.MAINTENANCE)))
                .isEmpty();
    }

    @Test
    void maintenanceOnDoubleTrackNeeds120Minutes() {
        assertThat(planner.check(window("YXG", "XSB", 120, SkylightPurpose.MAINTENANCE)))
                .isEmpty();
        assertThat(planner.check(window("YXG", "XSB", 110, SkylightPurpose.MAINTENANCE)))
                .hasSize(1);
        // a range reaching into double track takes the double-track minimum
        assertThat(planner.check(window("YXG", "GLB", 100, SkylightPurpose.MAINTENANCE)))
                .hasSize(1);
        // a single station on double line
        assertThat(planner.check(window("PUE", "PUE", 100, SkylightPurpose.MAINTENANCE)))
                .hasSize(1);
    }

    @Test
    void constructionNeeds180MinutesOnAnyTrack() {
        assertThat(planner.check(window("BTN", "NTY", 150, SkylightPurpose.CONSTRUCTION)))
                .singleElement()
                .satisfies(w -> assertThat(w.message()).contains("180"));
        assertThat(planner.check(window("YXG", "XSB", 150, SkylightPurpose.CONSTRUCTION)))
                .hasSize(1);
        assertThat(planner.check(window("BTN", "NTY", 180, SkylightPurpose.CONSTRUCTION)))
                .isEmpty();
    }

    @Test
    void threeWindowsAWeekGiveASectionFewerThan20InAMonth() {
        SkylightWindow mwf = new SkylightWindow(
                "BTN-NTY-MWF",
                "BTN",
                "NTY",
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                LocalTime.of(0, 30),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "");
        SkylightWindow daily = new SkylightWindow(
                "NTY-NMO-DAILY",
                "NTY",
                "NMO",
                SkylightWindow.daily(),
                LocalTime.of(0, 30),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "");
        List<SkylightWarning> warnings = planner.review(List.of(mwf, daily), DECEMBER_2026);
        // December 2026: 4 Mondays + 5 Wednesdays + 4 Fridays = 13
        assertThat(warnings)
                .filteredOn(w -> w.subject().equals("BTN-NTY"))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.code()).isEqualTo(SkylightWarning.Code.TOO_FEW_PER_MONTH);
                    assertThat(w.message()).contains("13", "20");
                });
        assertThat(warnings).noneMatch(w -> w.subject().equals("NTY-NMO"));
        // sections with no skylight at all are warned about too
        assertThat(warnings)
                .anyMatch(w -> w.subject().equals("KMS-YXI") && w.message().contains(" 0 "));
    }

    @Test
    void aWindowCountsForEverySectionItClosesAndTwoWindowsAddUp() {
        // December 2026: 4 Mondays + 5 Tuesdays, Wednesdays and Thursdays = 19, one short; Friday to Sunday add 12
        SkylightWindow weekdays = new SkylightWindow(
                "GLB-MLA-WD",
                "GLB",
                "MLA",
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalTime.of(1, 0),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "");
        SkylightWindow weekends = new SkylightWindow(
                "GLB-MLA-WE",
                "GLB",
                "MLA",
                EnumSet.range(DayOfWeek.FRIDAY, DayOfWeek.SUNDAY),
                LocalTime.of(1, 0),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "");
        assertThat(planner.review(List.of(weekdays), DECEMBER_2026))
                .filteredOn(w -> Set.of("GLB-GMA", "GMA-GMB", "GMB-MLA").contains(w.subject()))
                .hasSize(3)
                .allMatch(w -> w.message().contains(" 19 "));
        assertThat(planner.review(List.of(weekdays, weekends), DECEMBER_2026))
                .noneMatch(w -> Set.of("GLB-GMA", "GMA-GMB", "GMB-MLA").contains(w.subject()));
        refusedNaming("windows[1].id", () -> planner.review(List.of(weekdays, weekdays), DECEMBER_2026));
    }

    @Test
    void aWindowThatOverlapsItselfIsAnError() {
        refusedNaming("duration", () -> planner.check(window("BTN", "NTY", 24 * 60, SkylightPurpose.MAINTENANCE)));
        SkylightWindow mondayTuesday = new SkylightWindow(
                "LONG",
                "BTN",
                "NTY",
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY),
                LocalTime.of(22, 0),
                Duration.ofHours(30),
                SkylightKind.VERTICAL,
                SkylightPurpose.CONSTRUCTION,
                "");
        refusedNaming("days", () -> planner.check(mondayTuesday));
        SkylightWindow sundayMonday = new SkylightWindow(
                "LONG",
                "BTN",
                "NTY",
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY),
                LocalTime.of(22, 0),
                Duration.ofHours(25),
                SkylightKind.VERTICAL,
                SkylightPurpose.CONSTRUCTION,
                "");
        refusedNaming("days", () -> planner.check(sundayMonday));
        refusedNaming(
                "days",
                () -> planner.check(new SkylightWindow(
                        "NONE",
                        "BTN",
                        "NTY",
                        Set.of(),
                        LocalTime.of(0, 30),
                        Duration.ofMinutes(120),
                        SkylightKind.VERTICAL,
                        SkylightPurpose.MAINTENANCE,
                        "")));
    }

    @Test
    void oneTrackNeedsDoubleTrackAndPointsMustExist() {
        refusedNaming("kind", () -> planner.check(oneTrack("BTN", "NTY")));
        refusedNaming("kind", () -> planner.check(oneTrack("YXG", "GLB")));
        refusedNaming("kind", () -> planner.check(oneTrack("GLB", "GLB")));
        assertThat(planner.check(oneTrack("YXG", "XSB"))).isEmpty();
        refusedNaming("fromPoint", () -> planner.check(window("XXX", "NTY", 120, SkylightPurpose.MAINTENANCE)));
        refusedNaming("toPoint", () -> planner.check(window("BTN", "", 120, SkylightPurpose.MAINTENANCE)));
        refusedNaming("toPoint", () -> planner.check(window("BDR", "BDR", 120, SkylightPurpose.MAINTENANCE)));
    }

    @Test
    void aWindowAtBotenAt0030LaoTimeIs0130BeijingTime() {
        SkylightWindow boten = new SkylightWindow(
                "BTN-NTY",
                "BTN",
                "NTY",
                SkylightWindow.daily(),
                LocalTime.of(0, 30),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "tamping");
        List<Possession> occurrences =
                planner.occurrences(boten, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"));
        assertThat(occurrences)
                .extracting(Possession::id)
                .containsExactly("SKY-BTN-NTY-2026-12-01", "SKY-BTN-NTY-2026-12-02", "SKY-BTN-NTY-2026-12-03");
        Possession first = occurrences.get(0);
        assertThat(first.start()).isEqualTo(utc("2026-11-30T17:30:00"));
        assertThat(first.start().atZone(ZoneId.of("Asia/Shanghai")).toLocalDateTime())
                .isEqualTo("2026-12-01T01:30:00");
        assertThat(first.end()).isEqualTo(utc("2026-11-30T19:30:00"));
        assertThat(first.fromPoint()).isEqualTo("BTN");
        assertThat(first.toPoint()).isEqualTo("NTY");
        assertThat(first.description()).contains("tamping");

        // the same local time at Mohan, on the Chinese side, is an hour earlier in absolute time
        SkylightWindow mohan = new SkylightWindow(
                "MHN-BTN",
                "MHN",
                "BTN",
                SkylightWindow.daily(),
                LocalTime.of(0, 30),
                Duration.ofMinutes(120),
                SkylightKind.VERTICAL,
                SkylightPurpose.MAINTENANCE,
                "Friendship Tunnel");
        assertThat(planner.occurrences(mohan, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"))
                        .get(0)
                        .start())
                .isEqualTo(utc("2026-11-30T16:30:00"));
    }

    @Test
    void occurrencesFollowTheDaysOfWeekAndTheTimetableTakesThemAsPossessions() {
        SkylightWindow tueThu = new SkylightWindow(
                "GLB-MLA",
                "GLB",
                "MLA",
                EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                LocalTime.of(23, 0),
                Duration.ofMinutes(180),
                SkylightKind.VERTICAL,
                SkylightPurpose.CONSTRUCTION,
                "");
        List<Possession> december = planner.occurrences(tueThu, DECEMBER_2026.atDay(1), DECEMBER_2026.atEndOfMonth());
        // Tuesdays 1, 8, 15, 22, 29 and Thursdays 3, 10, 17, 24, 31
        assertThat(december).hasSize(10);
        assertThat(december)
                .extracting(p -> p.id().substring("SKY-GLB-MLA-".length()))
                .startsWith("2026-12-01", "2026-12-03", "2026-12-08");
        // 23:00 Beijing time + 3 h: it ends the next morning, named after the night it starts
        Possession last = december.get(9);
        assertThat(last.id()).isEqualTo("SKY-GLB-MLA-2026-12-31");
        assertThat(last.end()).isEqualTo(utc("2026-12-31T18:00:00"));

        Planner timetable = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
        assertThat(timetable.possessionOccupations(last))
                .isNotEmpty()
                .allMatch(o -> o.from().equals(last.start()) && o.to().equals(last.end()));
        refusedNaming(
                "toDate",
                () -> planner.occurrences(tueThu, LocalDate.parse("2026-12-02"), LocalDate.parse("2026-12-01")));
        refusedNaming(
                "toDate",
                () -> planner.occurrences(tueThu, LocalDate.parse("2026-01-01"), LocalDate.parse("2030-01-01")));
        refusedNaming(
                "kind",
                () -> planner.occurrences(
                        oneTrack("BTN", "NTY"), LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01")));
    }

    private static SkylightWindow window(String from, String to, int minutes, SkylightPurpose purpose) {
        return new SkylightWindow(
                "W1",
                from,
                to,
                SkylightWindow.daily(),
                LocalTime.of(0, 30),
                Duration.ofMinutes(minutes),
                SkylightKind.VERTICAL,
                purpose,
                "");
    }

    private static SkylightWindow oneTrack(String from, String to) {
        return new SkylightWindow(
                "V1",
                from,
                to,
                SkylightWindow.daily(),
                LocalTime.of(0, 30),
                Duration.ofMinutes(120),
                SkylightKind.ONE_TRACK,
                SkylightPurpose.MAINTENANCE,
                "");
    }
}
