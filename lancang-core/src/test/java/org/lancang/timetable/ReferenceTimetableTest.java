package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.maintenance.MaintenanceRules;
import org.lancang.maintenance.SkylightFile;
import org.lancang.maintenance.SkylightPlanner;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.Ref;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.conflict.Conflict;

/** The shipped reference timetable: conflict-free, reproducible with the builder, right in both time zones. */
class ReferenceTimetableTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
    static final List<SkylightWindow> SKYLIGHTS = SkylightFile.parse(
            SkylightFile.FILE, FILES.read(SkylightFile.FILE), DATA.network(), MaintenanceRules.defaults());

    private final Planner planner = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());

    /** The line's regular skylight windows reaching into the day. */
    static List<Possession> skylights(LocalDate date) {
        return new SkylightPlanner(DATA.network(), MaintenanceRules.defaults()).reachingInto(SKYLIGHTS, date);
    }

    static TrainPlan plan(String number) {
        return PLANS.stream().filter(p -> p.number().equals(number)).findFirst().orElseThrow();
    }

    @Test
    void theReferenceTimetableIsConflictFreeAroundTheSkylightsOnSeveralDays() {
        for (LocalDate d : List.of(DAY, DAY.plusDays(4), LocalDate.of(2027, 6, 15))) {
            List<Possession> windows = skylights(d);
            assertThat(windows).hasSizeGreaterThanOrEqualTo(3 * SKYLIGHTS.size());
            DayPlan day = planner.day(PLANS, d, windows, List.of());
            assertThat(day.conflicts()).as("conflicts on %s", d).isEmpty();
            assertThat(day.runsOfTheDay()).hasSize(PLANS.size());
        }
    }

    @Test
    void itHasThe2026ServicesTheIssueAsksFor() {
        List<String> numbers = PLANS.stream().map(TrainPlan::number).toList();
        assertThat(numbers)
                .contains("D87", "D88", "D83", "D84", "C81", "C82", "C83", "C84", "C85", "C86", "K11", "K12")
                .contains("C261", "C265", "C269", "C273", "C274", "C301", "C302", "C397", "C4204", "C390")
                .noneMatch(n -> n.startsWith("D86") || n.equals("D887") || n.equals("D888"));
        long onTheChineseSection = PLANS.stream()
                .filter(TrainPlan::passenger)
                .filter(p -> DATA.network()
                                .point(p.from())
                                .orElseThrow()
                                .country()
                                .equals(Ref.CN)
                        || DATA.network().point(p.to()).orElseThrow().country().equals(Ref.CN))
                .count();
        assertThat(onTheChineseSection).as("about 56 a day, [A] crntt 2023").isBetween(50L, 60L);
        long inLaos = PLANS.stream()
                .filter(TrainPlan::passenger)
                .filter(p -> DATA.network()
                                .point(p.from())
                                .orElseThrow()
                                .country()
                                .equals(Ref.LA)
                        || DATA.network().point(p.to()).orElseThrow().country().equals(Ref.LA))
                .count();
        assertThat(inLaos).as("about 12 a day, [B] The Nation").isEqualTo(12);
        long crossBorderFreight = PLANS.stream()
                .filter(p -> !p.passenger())
                .filter(p -> DATA.network().point(p.from()).orElseThrow().country()
                        != DATA.network().point(p.to()).orElseThrow().country())
                .count();
        assertThat(crossBorderFreight).isEqualTo(18);
        TrainPlan d87 = plan("D87");
        assertThat(d87.departure()).isEqualTo(LocalTime.of(8, 0));
        assertThat(d87.from()).isEqualTo("KMS");
        assertThat(d87.stops())
                .extracting(StopRequest::point)
                .containsExactly("YXI", "PUE", "XSB", "MHN", "BTN", "MXY", "LPB", "VVG");
        assertThat(d87.stops().get(3).dwell())
                .as("Mohan, the first border station")
                .isEqualTo(Duration.ofMinutes(54));
        assertThat(d87.stops().get(4).dwell()).as("Boten, the second").isEqualTo(Duration.ofMinutes(52));
        TrainPlan d88 = plan("D88");
        assertThat(d88.departure()).isEqualTo(LocalTime.of(8, 0));
        assertThat(d88.stops().get(3)).isEqualTo(new StopRequest("BTN", Duration.ofMinutes(54)));
        assertThat(d88.stops().get(4)).isEqualTo(new StopRequest("MHN", Duration.ofMinutes(52)));
        assertThat(plan("D83").from()).as("from Kunming station").isEqualTo("KMG");
        assertThat(plan("D84").to()).isEqualTo("KMG");
        assertThat(plan("K12").trainType()).isEqualTo("HXD3C_25G");
        assertThat(DATA.rollingStock().type("HXD3C_25G").orElseThrow().seatCount())
                .as("732 places at introduction")
                .isEqualTo(732);
    }

    @Test
    void everyPassengerStopHasItsUsualDwellAndEveryPlanItsTypesAllowance() {
        for (TrainPlan p : PLANS) {
            assertThat(p.allowancePercent())
                    .as(p.number())
                    .isEqualTo(DATA.rollingStock()
                            .type(p.trainType())
                            .orElseThrow()
                            .supplements()
                            .allowancePercent());
            if (!p.passenger() || p.trainType().equals("HXD3C_25G")) {
                continue;
            }
            List<StopRequest> usual = RunningTimes.usualStops(
                    DATA.network(),
                    p.from(),
                    p.to(),
                    p.stops().stream().map(StopRequest::point).toList());
            assertThat(p.stops()).as(p.number()).isEqualTo(usual);
        }
    }

    @Test
    void buildingFromTheRequestsAroundTheSkylightsGivesTheShippedTimetable() {
        List<TrainPlan> requests = TimetableFile.parse("timetable-requests.csv", FILES.read("timetable-requests.csv"));
        List<TrainPlan> built = new TimetableBuilder(planner).build(requests, DAY, skylights(DAY));
        assertThat(TimetableFile.format(built)).isEqualTo(FILES.read("timetable.csv"));
    }

    @Test
    void d87AndD88ArriveWithinTenMinutesOfTheirPublishedTimes() {
        // the rules give them within minutes (see TimetableCalibrationTest); in the timetable they also meet
        assertThat(planner.train(plan("D87"), List.of()).last().arrival())
                .isBetween(Duration.ofMinutes(8 * 60 + 576 - 10), Duration.ofMinutes(8 * 60 + 576 + 10));
        assertThat(planner.train(plan("D88"), List.of()).last().arrival())
                .as("from midnight in Vientiane")
                .isBetween(Duration.ofMinutes(8 * 60 + 574 - 10), Duration.ofMinutes(8 * 60 + 574 + 10));
    }

    @Test
    void timesAcrossTheBorderAreRightInBothZones() {
        Train d87 = planner.train(plan("D87"), List.of());
        Instant leaves = d87.at(DAY, d87.first().departure());
        assertThat(leaves)
                .isEqualTo(ZonedDateTime.of(DAY, LocalTime.of(8, 0), ZoneId.of("Asia/Shanghai"))
                        .toInstant());
        Call vte = d87.last();
        Instant arrives = d87.at(DAY, vte.arrival());
        // the offset is counted from Beijing midnight; in Vientiane the clock shows one hour less
        ZonedDateTime laoLocal = arrives.atZone(ZoneId.of("Asia/Vientiane"));
        ZonedDateTime beijingLocal = arrives.atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(beijingLocal.toLocalTime().minusHours(1)).isEqualTo(laoLocal.toLocalTime());
        assertThat(Duration.between(leaves, arrives)).isBetween(Duration.ofHours(8), Duration.ofHours(12));

        Train d88 = planner.train(plan("D88"), List.of());
        assertThat(d88.originZone()).isEqualTo(ZoneId.of("Asia/Vientiane"));
        assertThat(d88.at(DAY, d88.first().departure()))
                .isEqualTo(ZonedDateTime.of(DAY, LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"))
                        .toInstant());
    }

    @Test
    void aPossessionPlacedAcrossAPlannedTrainIsReported() {
        TrainPlan c82 =
                PLANS.stream().filter(p -> p.number().equals("C82")).findFirst().orElseThrow();
        ScheduledRun run = planner.schedule(c82, DAY, List.of());
        PointTime lpb = run.run().times().stream()
                .filter(t -> t.point().code().equals("LPB"))
                .findFirst()
                .orElseThrow();
        Instant passes = run.at(lpb.departure());
        Possession works = new Possession(
                "bridge-works",
                "HHN",
                "LPB",
                passes.minus(Duration.ofMinutes(30)),
                passes.plus(Duration.ofMinutes(60)),
                "Luang Prabang Mekong bridge inspection");
        List<Conflict> conflicts =
                planner.day(PLANS, DAY, List.of(works), List.of()).conflicts();
        assertThat(conflicts).isNotEmpty().allMatch(Conflict::possessionInvolved);
        assertThat(conflicts)
                .anyMatch(c -> c.resource().equals("LINE:HHN-LPB")
                        && (c.first().equals("C82@" + DAY) || c.second().equals("C82@" + DAY)));
    }

    @Test
    void aFreightPathIsInsertedIntoTheBusyDayWithoutConflict() {
        DayPlan day = planner.day(PLANS, DAY, skylights(DAY), List.of());
        PathRequest request = new PathRequest(
                "X9001",
                Ref.CR_KUNMING,
                "FREIGHT",
                false,
                ServiceCalendar.daily(DAY, DAY),
                "KMS",
                "VTS",
                List.of(new StopRequest("MHN", Duration.ofMinutes(20))),
                // after the night's skylights
                ZonedDateTime.of(DAY, LocalTime.of(4, 0), ZoneId.of("Asia/Shanghai"))
                        .toInstant(),
                false,
                6,
                Duration.ofHours(12));
        InsertedPath found = new PathFinder(planner).insert(request, day, List.of(), List.of());
        List<TrainPlan> extended = new ArrayList<>(PLANS);
        extended.add(found.plan());
        assertThat(planner.day(extended, DAY, skylights(DAY), List.of()).conflicts())
                .isEmpty();
        assertThat(found.run().departure()).isAfterOrEqualTo(request.earliestDeparture());
        for (StopRequest wait : found.waits()) {
            var point = DATA.network().point(wait.point()).orElseThrow();
            assertThat(point.usefulLengthM())
                    .as("waits only where the track is long enough")
                    .isGreaterThanOrEqualTo((int)
                            DATA.rollingStock().type("FREIGHT").orElseThrow().lengthM());
        }
    }

    @Test
    void aSpeedRestrictionLengthensTheRunByAPlausibleAmount() {
        TrainPlan c82 =
                PLANS.stream().filter(p -> p.number().equals("C82")).findFirst().orElseThrow();
        TrainRun free = planner.run(c82, List.of());
        // 45 km/h over 1.5 km at the Luang Prabang Mekong bridge
        TrainRun slowed = planner.run(c82, List.of(new SpeedRestriction(778.5, 780.0, 45, null, null, "china-laos")));
        double extra = slowed.runningTime().minus(free.runningTime()).toSeconds();
        double crawl = 1500 / (45 / 3.6) - 1500 / (160 / 3.6);
        assertThat(extra).isGreaterThan(crawl).isLessThan(crawl + 300);
    }

    @Test
    void aDepartureFixedByHandLengthensTheDwellAndMovesTheLaterTimes() {
        TrainPlan c82 =
                PLANS.stream().filter(p -> p.number().equals("C82")).findFirst().orElseThrow();
        Train free = planner.train(c82, List.of());
        Call lpb = free.calls().stream()
                .filter(c -> c.pointCode().equals("LPB"))
                .findFirst()
                .orElseThrow();
        LocalTime computed = LocalTime.MIDNIGHT.plus(lpb.departure());
        LocalTime fixed = computed.plusMinutes(20).withSecond(0).withNano(0);
        List<StopRequest> stops = new ArrayList<>(c82.stops());
        int at = stops.stream().map(StopRequest::point).toList().indexOf("LPB");
        stops.set(at, new StopRequest("LPB", stops.get(at).dwell(), fixed));
        TrainPlan byHand = new TrainPlan(
                c82.number(),
                c82.operator(),
                c82.trainType(),
                c82.passenger(),
                c82.calendar(),
                c82.from(),
                c82.to(),
                c82.departure(),
                stops,
                c82.meets(),
                true,
                c82.allowancePercent(),
                "");
        Train held = planner.train(byHand, List.of());
        Call lpbHeld = held.calls().stream()
                .filter(c -> c.pointCode().equals("LPB"))
                .findFirst()
                .orElseThrow();
        assertThat(LocalTime.MIDNIGHT.plus(lpbHeld.departure())).isEqualTo(fixed);
        Duration later = held.last().arrival().minus(free.last().arrival());
        assertThat(later.toSeconds())
                .isBetween(
                        Duration.between(computed, fixed).toSeconds() - 1,
                        Duration.between(computed, fixed).toSeconds() + 1);
        String file = TimetableFile.format(List.of(byHand));
        assertThat(file).contains("LPB 3 @" + fixed.toString().substring(0, 5));
        assertThat(TimetableFile.parse("t.csv", file).get(0).stops()).isEqualTo(byHand.stops());

        stops.set(at, new StopRequest("LPB", stops.get(at).dwell(), computed.minusMinutes(30)));
        TrainPlan impossible = new TrainPlan(
                c82.number(),
                c82.operator(),
                c82.trainType(),
                c82.passenger(),
                c82.calendar(),
                c82.from(),
                c82.to(),
                c82.departure(),
                stops,
                c82.meets(),
                true,
                5,
                "");
        assertField(() -> planner.run(impossible, List.of()), "stops[" + at + "].departAt");
    }

    @Test
    void badInputNamesTheField() {
        TrainPlan c82 =
                PLANS.stream().filter(p -> p.number().equals("C82")).findFirst().orElseThrow();
        assertField(() -> planner.run(c82.withStops("XXX", Duration.ofMinutes(2)), List.of()), "stops[0].point");
        assertField(() -> planner.run(c82.withStops("KMS", Duration.ofMinutes(2)), List.of()), "stops[0].point");
        assertField(() -> planner.run(c82.withStops("LPB", Duration.ofMinutes(-2)), List.of()), "stops[0].dwell");
        assertField(
                () -> planner.run(c82, List.of(new SpeedRestriction(700, 701, 200, null, null, "china-laos"))),
                "restrictions[0].speedKmh");
        assertField(() -> LinePath.between(DATA.network(), "NOWHERE", "VTE"), "from");
        assertField(() -> planner.trainType("MAGLEV", "trainType"), "trainType");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
