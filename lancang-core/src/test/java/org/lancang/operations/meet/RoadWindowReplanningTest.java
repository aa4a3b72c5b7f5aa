package org.lancang.operations.meet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFiles;
import org.lancang.operations.Cause;
import org.lancang.operations.ConflictForecast;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DaySimulator;
import org.lancang.operations.DispatchRules;
import org.lancang.operations.DisruptedDay;
import org.lancang.operations.Disturbance;
import org.lancang.operations.Forecast;
import org.lancang.operations.LineOrders;
import org.lancang.operations.RoadWindow;
import org.lancang.operations.RunningEvent;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.Seeds;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Possession;
import org.lancang.timetable.RoadClosureLimits;
import org.lancang.timetable.RoadRailBridges;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.conflict.Conflict;

/**
 * Meet re-planning on the Bangkok line holds trains out of the road's window on the First Thai–Lao Friendship Bridge
 * (issue 19): a freight shuttle that leaves Na Tha late enough to reach the bridge in the window is forecast to wait
 * before it until the window ends, the hold names the bridge, and over seeded random disruptions (seed printed) no
 * forecast, simulated day or re-planned order has a train on the bridge while the road owns it. The meet problem
 * carries the windows (ADR 0032, amended): no solution of it, first come first served's or the heuristic's, leaves
 * into a window by the forecast's own test, and the cost re-planned with the windows in the problem is reported
 * beside the cost without them (the orders chosen blind and held by the forecast after).
 */
class RoadWindowReplanningTest {
    private static final Path FOLDER = Path.of("..", "data", "vientiane-bangkok");
    static final DataFiles FILES = name -> {
        try {
            return Files.readString(FOLDER.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    };
    static final ReferenceData DATA = ReferenceData.parse(FILES);
    static final ZoneId ZONE = DATA.network().serviceZone();
    static final LocalDate DAY = LocalDate.of(2026, 12, 5);
    static final RoadRailBridges BRIDGES = RoadRailBridges.parse(
                    RoadRailBridges.FILE, FILES.read(RoadRailBridges.FILE), DATA.network())
            .withWindows(RoadRailBridges.WINDOWS_FILE, FILES.read(RoadRailBridges.WINDOWS_FILE));
    static final List<Possession> WINDOWS = BRIDGES.possessions(DATA.network(), DAY, ZONE);
    static final Planner PLANNER = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());
    static final DispatchRules RULES = DispatchRules.parse(FILES.read(DispatchRules.FILE));
    static final DayPlan PLAN =
            PLANNER.day(TimetableFile.parse("timetable.csv", FILES.read("timetable.csv")), DAY, WINDOWS, List.of());
    static final DayGraph GRAPH = DayGraph.build(PLANNER, PLAN, List.of(), RULES, LineOrders.PLAN);
    /** The solver's place taken by its start (the heuristic's answer): CP-SAT lives outside the core. */
    static final MeetSolver START = (problem, start, limit) -> start;

    /** Conflicts between a train and the road's window, at the forecast's times, over the day and its neighbours. */
    static List<Conflict> inTheWindow(Forecast f) {
        return inTheWindow(f, List.of());
    }

    /**
     * The same, but for trains that a disturbance stopped or slowed on their way ({@code disturbances}): one that
     * fails on the bridge, or crawls over it (slower running, or a speed restriction over the bridge: then every
     * train), may still be there when the window opens, whatever the dispatcher did.
     * What the dispatcher decides, letting a train onto the bridge, is checked for every train by {@link #entered}.
     */
    static List<Conflict> inTheWindow(Forecast f, List<Disturbance> disturbances) {
        List<String> stuck = new ArrayList<>();
        for (Disturbance d : disturbances) {
            if (d instanceof Disturbance.FailedTrain t) {
                stuck.add(t.train());
            } else if (d instanceof Disturbance.SlowerRunning t) {
                stuck.add(t.train());
            } else if (d instanceof Disturbance.SpeedRestriction r
                    && BRIDGES.bridges().stream().anyMatch(b -> r.fromKm() < b.toKm() && b.fromKm() < r.toKm())) {
                // a restriction over the bridge the forecast does not know (a disturbance of the simulated day, not
                // one in force in maintenance's register) slows every train on it: the window's lead time is then
                // the plan's crossing time, so any train may still be on it (a known restriction: see below)
                return List.of();
            }
        }
        Instant from = DAY.minusDays(1).atStartOfDay(ZONE).toInstant();
        return ConflictForecast.of(f, WINDOWS, from, Duration.ofDays(3)).stream()
                .filter(c -> c.first().startsWith(RoadRailBridges.ROAD_WINDOW)
                        || c.second().startsWith(RoadRailBridges.ROAD_WINDOW))
                .filter(c -> stuck.stream()
                        .noneMatch(
                                t -> c.first().startsWith(t + "@") || c.second().startsWith(t + "@")))
                .toList();
    }

    /** Departures onto the line across the bridge that would have the train on it while the road owns it. */
    static List<String> entered(Forecast f) {
        List<String> out = new ArrayList<>();
        for (DayGraph.Run r : f.graph().runs()) {
            for (int i = 0; i < r.lastPoint(); i++) {
                int dep = r.departure(i);
                for (RoadWindow w : f.graph().roadWindows(dep)) {
                    if (w.binds(f.time(dep))) {
                        out.add(r.owner() + " leaves "
                                + r.path().points().get(i).code() + " at " + Instant.ofEpochSecond(f.time(dep))
                                + " into " + w.name());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Legs of a solution of the meet problem that leave onto the line across the bridge while the road's window binds
     * that departure, by the forecast's windows on the run's own departure node (not the problem's encoding of them).
     */
    static List<String> leavesIntoAWindow(Forecast f, MeetProblem p, MeetSolution s) {
        List<String> out = new ArrayList<>();
        for (MeetProblem.TrainTask t : p.trains()) {
            DayGraph.Run r = f.graph().run(t.run()).orElseThrow();
            long[] d = s.departures().get(t.run());
            for (int k = 0; k < t.legs().size(); k++) {
                MeetProblem.Leg l = t.legs().get(k);
                int dep = r.departure(r.path().indexOf(l.entry()));
                for (RoadWindow w : f.graph().roadWindows(dep)) {
                    if (!l.fixed() && w.binds(d[k])) {
                        out.add(s.method() + ": " + t.run() + " leaves " + l.entry() + " at "
                                + Instant.ofEpochSecond(d[k]) + " into " + w.name());
                    }
                }
            }
        }
        return out;
    }

    /**
     * What re-planning a problem costs in the forecast: the cheapest of the forecast as it stands and the orders of
     * first come first served and of the heuristic, each played through the forecast (the way the re-planner judges
     * them, without its conflict filter), for the problem with or without the windows.
     */
    static long replannedCost(Forecast now, List<RunningEvent> seen, MeetProblem p) {
        MeetSolution fcfs = FirstComeFirstServed.solve(p);
        MeetSolution h =
                MeetHeuristic.solve(p, List.of(FirstComeFirstServed.keepingOrder(p), fcfs), MeetHeuristic.BUDGET);
        long best = now.weightedDelay(RULES);
        for (MeetSolution s : List.of(fcfs, h)) {
            Forecast played = MeetReplanner.play(now, seen, FirstComeFirstServed.lineOrders(p, s));
            best = Math.min(best, played.weightedDelay(RULES));
        }
        return best;
    }

    @Test
    void aShuttleLateIntoTheWindowIsHeldBeforeTheBridgeUntilItEndsAndTheHoldNamesTheBridge() {
        assertThat(GRAPH.hasRoadWindows()).isTrue();
        assertThat(inTheWindow(new Forecast(GRAPH)))
                .as("the plan keeps off the bridge in the window")
                .isEmpty();
        // F01 leaves Na Tha at 06:00: 110 minutes late it would reach the bridge at about 08:10, in the window
        List<RunningEvent> seen =
                DaySimulator.simulate(GRAPH, List.of(new Disturbance.LateStart("F01", 110 * 60))).events().stream()
                        .filter(e -> e.train().equals("F01") && e.point().equals("NTA"))
                        .toList();
        assertThat(seen).hasSize(1);
        Forecast f = Forecast.replay(GRAPH, seen);
        DayGraph.Run f01 = GRAPH.find("F01", DAY).orElseThrow();
        int held = -1;
        for (int i = 0; i < f01.lastPoint(); i++) {
            if (f.cause(f01.departure(i)).kind().equals(Cause.ROAD_WINDOW)) {
                held = i;
            }
        }
        assertThat(held).as("F01 is held for the road's window").isGreaterThan(0);
        int at = held;
        RoadWindow window = f.roadWindow(f01.departure(held)).orElseThrow();
        assertThat(window.name()).contains("Friendship Bridge");
        Instant leaves = Instant.ofEpochSecond(f.time(f01.departure(held)));
        System.out.printf(
                "F01 110 min late: held at %s until %s (window %s)%n",
                f01.path().points().get(held).code(), leaves.atZone(ZONE).toLocalTime(), window.name());
        assertThat(leaves.atZone(ZONE).toLocalTime().isBefore(LocalTime.of(9, 0)))
                .isFalse();
        assertThat(inTheWindow(f)).isEmpty();
        // the last loop or station before the bridge: the entry of the line across it
        assertThat(f01.path().points().get(held).km())
                .isLessThanOrEqualTo(BRIDGES.bridges().get(0).fromKm());
        List<Proposal.Hold> holds = MeetReplanner.holds(f);
        assertThat(holds)
                .filteredOn(h -> h.train().equals("F01"))
                .singleElement()
                .satisfies(h -> {
                    assertThat(h.point()).isEqualTo(f01.path().points().get(at).code());
                    assertThat(h.until()).isEqualTo(leaves);
                    assertThat(h.waitsFor())
                            .startsWith(MeetReplanner.ROAD_WINDOW)
                            .contains("Friendship Bridge");
                });
    }

    /** The road's closed time on the bridge on the day, at the forecast's times. */
    static Duration roadClosed(Forecast f) {
        return BRIDGES.closures(
                        f.graph().runs().stream()
                                .map(r -> ConflictForecast.asForecast(f, r))
                                .toList(),
                        DAY,
                        ZONE)
                .get(0)
                .roadClosed();
    }

    @Test
    void aReplanningThatWouldCloseTheRoadOverItsDailyLimitIsNotProposed() {
        long seed = Seeds.seed(RoadWindowReplanningTest.class);
        Random random = new Random(seed);
        int proposals = 0;
        for (int cases = 0; cases < 20; ) {
            DisruptedDay c = DisruptedDay.draw(GRAPH, random);
            if (c == null) {
                continue;
            }
            cases++;
            // the limit is the day's own closed time as forecast now: a re-planning may not close the road longer
            Duration now = roadClosed(c.forecast());
            RoadClosureLimits limits = new RoadClosureLimits(List.of(new RoadClosureLimits.Limit(
                    BRIDGES.bridges().get(0).name(), now, null, "test: the forecast's own figure")));
            MeetReplanner.Outcome o = MeetReplanner.replan(
                    c.forecast(),
                    c.seen(),
                    START,
                    Duration.ofMillis(200),
                    Long.MAX_VALUE,
                    f -> limits.breaches(BRIDGES.closures(
                                    f.graph().runs().stream()
                                            .map(r -> ConflictForecast.asForecast(f, r))
                                            .toList(),
                                    DAY,
                                    ZONE))
                            .size());
            assertThat(roadClosed(o.proposed()))
                    .as("seed %d, %s", seed, c.disturbances())
                    .isLessThanOrEqualTo(now);
            proposals += o.proposal().isPresent() ? 1 : 0;
        }
        // a limit no order can keep: nothing is proposed
        DisruptedDay c = null;
        while (c == null) {
            c = DisruptedDay.draw(GRAPH, random);
        }
        Forecast current = c.forecast();
        MeetReplanner.Outcome none = MeetReplanner.replan(
                current, c.seen(), START, Duration.ofMillis(200), Long.MAX_VALUE, f -> f == current ? 0 : 1);
        assertThat(none.proposal()).isEmpty();
        assertThat(none.proposed()).isSameAs(current);
        System.out.printf("RoadWindowReplanningTest.limit: %d proposals of 20 within the limit%n", proposals);
    }

    @Test
    void seededDisruptionsOfTheBangkokLineAreReplannedWithNoTrainOnTheBridgeInTheRoadsWindow() {
        long seed = Seeds.seed(RoadWindowReplanningTest.class);
        Random random = new Random(seed);
        for (int cases = 0; cases < 20; ) {
            DisruptedDay c = DisruptedDay.draw(GRAPH, random);
            if (c == null) {
                continue;
            }
            cases++;
            String what = "seed " + seed + ", " + c.disturbances();
            List<Disturbance> ds = c.disturbances();
            assertThat(inTheWindow(c.forecast(), ds)).as(what).isEmpty();
            Forecast reality =
                    Forecast.replay(GRAPH, DaySimulator.simulate(GRAPH, ds).events());
            assertThat(inTheWindow(reality, ds))
                    .as("the simulated day, " + what)
                    .isEmpty();
            assertThat(entered(reality)).as("the simulated day, " + what).isEmpty();
            MeetReplanner.Outcome o = MeetReplanner.replan(c.forecast(), c.seen(), START, Duration.ofMillis(200));
            assertThat(inTheWindow(o.proposed(), ds)).as("re-planned, " + what).isEmpty();
            assertThat(leavesIntoAWindow(c.forecast(), o.problem(), o.fcfs()))
                    .as(what)
                    .isEmpty();
            assertThat(leavesIntoAWindow(c.forecast(), o.problem(), o.solved()))
                    .as(what)
                    .isEmpty();
            assertThat(entered(o.proposed())).as("re-planned, " + what).isEmpty();
            assertThat(o.proposedCost()).as(what).isLessThanOrEqualTo(o.currentCost());
        }
    }

    /**
     * The hold's lead time before the window comes from the speed restrictions in force over the line across the
     * bridge: F01 late into the window, on a day that really runs at 15 km/h over the bridge from 07:00 to 10:00
     * (a restriction its planned passage at about 06:20 does not meet). Forecast with the plan's crossing time, some
     * delay lets it onto the bridge just before the window and it is still there when the window opens; forecast
     * with the restriction known, it is held before the bridge for every delay tried.
     */
    @Test
    void aSpeedRestrictionInForceOverTheBridgeHoldsTheTrainEarlier() {
        RoadRailBridges.Bridge bridge = BRIDGES.bridges().get(0);
        SpeedRestriction tsr = new SpeedRestriction(
                bridge.fromKm(),
                bridge.toKm(),
                15,
                DAY.atTime(7, 0).atZone(ZONE).toInstant(),
                DAY.atTime(10, 0).atZone(ZONE).toInstant(),
                bridge.line().code());
        DayGraph knowing = DayGraph.build(PLANNER, PLAN, List.of(tsr), RULES, LineOrders.PLAN);
        DayGraph.Run f01 = GRAPH.find("F01", DAY).orElseThrow();
        long dayStart = DAY.atStartOfDay(ZONE).toEpochSecond();
        int dep = -1;
        RoadWindow plain = null;
        for (int i = 0; i < f01.lastPoint(); i++) {
            for (RoadWindow w : GRAPH.roadWindows(f01.departure(i))) {
                if (w.start() >= dayStart && w.start() < dayStart + 86_400) { // the day's window, not the next day's
                    dep = f01.departure(i);
                    plain = w;
                }
            }
        }
        assertThat(plain).as("F01 crosses the bridge").isNotNull();
        long windowStart = plain.start();
        RoadWindow slow = knowing.roadWindows(dep).stream()
                .filter(w -> w.start() == windowStart)
                .findFirst()
                .orElseThrow();
        // at most 15 km/h over the bridge's length: at least this long on it, where the plan's run is much faster
        long atFifteen = Math.round((bridge.toKm() - bridge.fromKm()) / 15 * 3600);
        assertThat(slow.across()).isGreaterThan(plain.across());
        assertThat(slow.across()).isGreaterThanOrEqualTo(atFifteen);
        Disturbance.SpeedRestriction real = new Disturbance.SpeedRestriction(
                bridge.fromKm(), bridge.toKm(), 15, bridge.line().code());
        long aimed = plain.start() - plain.across() - GRAPH.planned(dep); // F01 at the last departure the plan allows
        Conflict caught = null;
        long caughtLate = 0;
        int tried = 0;
        for (long late = Math.max(60, aimed - 1800); late <= aimed + 1800; late += 30, tried++) {
            List<Disturbance> ds = List.of(new Disturbance.LateStart("F01", late), real);
            Forecast before =
                    Forecast.replay(GRAPH, DaySimulator.simulate(GRAPH, ds).events());
            List<Conflict> in = ofF01(inTheWindow(before));
            if (!in.isEmpty()
                    && (caught == null
                            || Duration.between(in.get(0).from(), in.get(0).to())
                                            .compareTo(Duration.between(caught.from(), caught.to()))
                                    > 0)) { // the longest time on the bridge in the window
                caught = in.get(0);
                caughtLate = late;
            }
            Forecast after =
                    Forecast.replay(knowing, DaySimulator.simulate(knowing, ds).events());
            assertThat(inTheWindow(after))
                    .as("F01 %d s late, the restriction known", late)
                    .isEmpty();
            assertThat(entered(after))
                    .as("F01 %d s late, the restriction known", late)
                    .isEmpty();
        }
        assertThat(caught)
                .as("some delay lets F01 onto the bridge just before the window")
                .isNotNull();
        List<Disturbance> ds = List.of(new Disturbance.LateStart("F01", caughtLate), real);
        Forecast after =
                Forecast.replay(knowing, DaySimulator.simulate(knowing, ds).events());
        System.out.printf(
                "RoadWindowReplanningTest.restriction: lead time before the window %d s with the plan's crossing,"
                        + " %d s at 15 km/h over the bridge; F01 %d s late (%d delays tried): before, on the bridge"
                        + " in the window %s–%s; after, it leaves %s at %s%n",
                plain.across(),
                slow.across(),
                caughtLate,
                tried,
                caught.from().atZone(ZONE).toLocalTime(),
                caught.to().atZone(ZONE).toLocalTime(),
                f01.path().points().get(GRAPH.pointOf(dep)).code(),
                Instant.ofEpochSecond(after.time(dep)).atZone(ZONE).toLocalTime());
    }

    private static List<Conflict> ofF01(List<Conflict> conflicts) {
        String f01 = "F01@" + DAY;
        return conflicts.stream()
                .filter(c -> c.first().equals(f01) || c.second().equals(f01))
                .toList();
    }

    /** A train the road's window can catch: one that enters the line across the bridge after its origin. */
    private record Target(DayGraph.Run run, int entry, RoadWindow window) {}

    @Test
    void randomDelaysIntoTheRoadsWindowAreHeldBeforeTheBridgeAndNeverCrossInIt() {
        long seed = Seeds.seed(RoadWindowReplanningTest.class);
        Random random = new Random(seed);
        long dayStart = DAY.atStartOfDay(ZONE).toEpochSecond();
        List<Target> targets = new ArrayList<>();
        for (DayGraph.Run r : GRAPH.runs()) {
            for (int i = 1; i < r.lastPoint() && r.serviceDate().equals(DAY); i++) {
                int dep = r.departure(i);
                for (RoadWindow w : GRAPH.roadWindows(dep)) {
                    // a window of the day that some delay of the train's start would reach
                    if (w.start() >= dayStart && w.start() - GRAPH.planned(dep) + w.before() > 0) {
                        targets.add(new Target(r, i, w));
                    }
                }
            }
        }
        assertThat(targets).as("trains a late start can bring into the window").isNotEmpty();
        int heldForTheRoad = 0;
        List<Long> percentOfFcfs = new ArrayList<>();
        long withWindows = 0;
        long withoutWindows = 0;
        long fcfsTotal = 0;
        long nowTotal = 0;
        for (int cases = 0; cases < 30; cases++) {
            Target t = targets.get(random.nextInt(targets.size()));
            long origin = GRAPH.planned(t.run().departure(0));
            long toEntry = GRAPH.planned(t.run().departure(t.entry())) - origin;
            // late enough to reach the bridge between half an hour before the window opens and its end
            long late = Math.max(
                    60, t.window().start() - GRAPH.planned(t.run().departure(t.entry())) + random.nextInt(5400) - 1800);
            List<Disturbance> ds = new ArrayList<>(Disturbance.random(random, GRAPH));
            ds.add(new Disturbance.LateStart(t.run().train(), late));
            List<RunningEvent> events = DaySimulator.simulate(GRAPH, ds).events();
            // seen from its late start to before it reaches the bridge: the hold is still to decide
            long cut = origin + late + random.nextInt((int) Math.max(1, toEntry));
            List<RunningEvent> seen =
                    events.stream().filter(e -> e.at().getEpochSecond() <= cut).toList();
            String what = "seed " + seed + ", " + ds + ", seen until " + Instant.ofEpochSecond(cut);
            Forecast reality = Forecast.replay(GRAPH, events);
            assertThat(inTheWindow(reality, ds))
                    .as("the simulated day, " + what)
                    .isEmpty();
            assertThat(entered(reality)).as("the simulated day, " + what).isEmpty();
            Forecast now = Forecast.replay(GRAPH, seen);
            assertThat(inTheWindow(now, ds)).as(what).isEmpty();
            assertThat(entered(now)).as(what).isEmpty();
            MeetReplanner.Outcome o = MeetReplanner.replan(now, seen, START, Duration.ofMillis(200));
            assertThat(inTheWindow(o.proposed(), ds)).as("re-planned, " + what).isEmpty();
            assertThat(entered(o.proposed())).as("re-planned, " + what).isEmpty();
            assertThat(o.proposedCost()).as(what).isLessThanOrEqualTo(o.currentCost());
            assertThat(o.problem().hasWindows()).as(what).isTrue();
            assertThat(leavesIntoAWindow(now, o.problem(), o.fcfs())).as(what).isEmpty();
            assertThat(leavesIntoAWindow(now, o.problem(), o.solved())).as(what).isEmpty();
            withWindows += replannedCost(now, seen, o.problem());
            withoutWindows += replannedCost(now, seen, o.problem().withoutWindows());
            fcfsTotal += o.fcfsCost();
            nowTotal += o.currentCost();
            heldForTheRoad += (int) MeetReplanner.holds(o.proposed()).stream()
                    .filter(h -> h.waitsFor().startsWith(MeetReplanner.ROAD_WINDOW))
                    .count();
            percentOfFcfs.add(o.fcfsCost() == 0 ? 100 : 100 * o.proposedCost() / o.fcfsCost());
        }
        System.out.printf(
                "RoadWindowReplanningTest: 30 delays, %d holds for the road's window, re-planned/FCFS %% %s%n",
                heldForTheRoad, percentOfFcfs);
        System.out.printf(
                "RoadWindowReplanningTest: 30 delays, weighted delay re-planned with the windows in the problem %d s,"
                        + " without them %d s (FCFS %d s, the forecast as it stands %d s)%n",
                withWindows, withoutWindows, fcfsTotal, nowTotal);
        assertThat(heldForTheRoad)
                .as("seed %d: the delays reach the window", seed)
                .isPositive();
    }
}
