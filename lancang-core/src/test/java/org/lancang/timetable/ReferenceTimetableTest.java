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
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.conflict.Conflict;

/** The shipped reference timetable: conflict-free, reproducible with the builder, right in both time zones. */
class ReferenceTimetableTest {
    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));

    private final Planner planner = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());

    @Test
    void theReferenceTimetableIsConflictFreeOnSeveralDays() {
        for (LocalDate d : List.of(DAY, DAY.plusDays(4), LocalDate.of(2027, 6, 15))) {
            DayPlan day = planner.day(PLANS, d, List.of(), List.of());
            assertThat(day.conflicts()).as("conflicts on %s", d).isEmpty();
            assertThat(day.runsOfTheDay()).hasSize(PLANS.size());
        }
    }

    @Test
    void itHasTheServicesTheIssueAsksFor() {
        List<String> numbers = PLANS.stream().map(TrainPlan::number).toList();
        assertThat(numbers).contains("D887", "D888", "C81", "C82", "C83", "C84", "K11", "K12", "D891", "D892");
        assertThat(PLANS.stream().filter(p -> p.number().startsWith("D86"))).hasSizeGreaterThanOrEqualTo(36);
        long crossBorderFreight = PLANS.stream()
                .filter(p -> !p.passenger())
                .filter(p -> DATA.network().point(p.from()).orElseThrow().country()
                        != DATA.network().point(p.to()).orElseThrow().country())
                .count();
        assertThat(crossBorderFreight).isEqualTo(18);
        TrainPlan d887 = PLANS.get(numbers.indexOf("D887"));
        assertThat(d887.departure()).isEqualTo(LocalTime.of(8, 8));
        assertThat(d887.stops())
                .extracting(StopRequest::point)
                .containsExactly("YXI", "PUE", "XSB", "MHN", "BTN", "MXY", "LPB", "VVG");
        assertThat(d887.stops().get(3).dwell()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void buildingFromTheRequestsGivesTheShippedTimetable() {
        List<TrainPlan> requests = TimetableFile.parse("timetable-requests.csv", FILES.read("timetable-requests.csv"));
        List<TrainPlan> built = new TimetableBuilder(planner).build(requests, DAY);
        assertThat(TimetableFile.format(built)).isEqualTo(FILES.read("timetable.csv"));
    }

    @Test
    void timesAcrossTheBorderAreRightInBothZones() {
        Train d887 = planner.train(
                PLANS.stream()
                        .filter(p -> p.number().equals("D887"))
                        .findFirst()
                        .orElseThrow(),
                List.of());
        Instant leaves = d887.at(DAY, d887.first().departure());
        assertThat(leaves)
                .isEqualTo(ZonedDateTime.of(DAY, LocalTime.of(8, 8), ZoneId.of("Asia/Shanghai"))
                        .toInstant());
        Call vte = d887.last();
        Instant arrives = d887.at(DAY, vte.arrival());
        // the offset is counted from Beijing midnight; in Vientiane the clock shows one hour less
        ZonedDateTime laoLocal = arrives.atZone(ZoneId.of("Asia/Vientiane"));
        ZonedDateTime beijingLocal = arrives.atZone(ZoneId.of("Asia/Shanghai"));
        assertThat(beijingLocal.toLocalTime().minusHours(1)).isEqualTo(laoLocal.toLocalTime());
        assertThat(Duration.between(leaves, arrives)).isBetween(Duration.ofHours(8), Duration.ofHours(12));

        Train d888 = planner.train(
                PLANS.stream()
                        .filter(p -> p.number().equals("D888"))
                        .findFirst()
                        .orElseThrow(),
                List.of());
        assertThat(d888.originZone()).isEqualTo(ZoneId.of("Asia/Vientiane"));
        assertThat(d888.at(DAY, d888.first().departure()))
                .isEqualTo(ZonedDateTime.of(DAY, LocalTime.of(9, 8), ZoneId.of("Asia/Shanghai"))
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
        DayPlan day = planner.day(PLANS, DAY, List.of(), List.of());
        PathRequest request = new PathRequest(
                "X9001",
                Operator.CR_KUNMING,
                "FREIGHT",
                false,
                ServiceCalendar.daily(DAY, DAY),
                "KMS",
                "VTS",
                List.of(new StopRequest("MHN", Duration.ofMinutes(20))),
                ZonedDateTime.of(DAY, LocalTime.of(22, 0), ZoneId.of("Asia/Shanghai"))
                        .toInstant(),
                false,
                6,
                Duration.ofHours(12));
        InsertedPath found = new PathFinder(planner).insert(request, day, List.of(), List.of());
        List<TrainPlan> extended = new ArrayList<>(PLANS);
        extended.add(found.plan());
        assertThat(planner.day(extended, DAY, List.of(), List.of()).conflicts()).isEmpty();
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
        TrainRun slowed = planner.run(c82, List.of(new SpeedRestriction(778.5, 780.0, 45)));
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
        assertField(() -> planner.run(c82, List.of(new SpeedRestriction(700, 701, 200))), "restrictions[0].speedKmh");
        assertField(() -> LinePath.between(DATA.network(), "NOWHERE", "VTE"), "from");
        assertField(() -> planner.trainType("MAGLEV", "trainType"), "trainType");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
