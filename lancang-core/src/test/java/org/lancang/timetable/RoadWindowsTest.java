package org.lancang.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.conflict.Conflict;

/**
 * The road's windows on the First Thai–Lao Friendship Bridge limit the plan: a train crossing in one is a conflict,
 * and a new path is found around it.
 */
class RoadWindowsTest {
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
    static final RoadRailBridges BRIDGES = RoadRailBridges.parse(
                    RoadRailBridges.FILE, FILES.read(RoadRailBridges.FILE), DATA.network())
            .withWindows(RoadRailBridges.WINDOWS_FILE, FILES.read(RoadRailBridges.WINDOWS_FILE));
    static final Planner PLANNER = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());
    static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
    static final LocalDate DATE = LocalDate.of(2026, 12, 1);

    private static List<Conflict> roadConflicts(DayPlan day) {
        return day.conflicts().stream()
                .filter(c -> c.first().startsWith(RoadRailBridges.ROAD_WINDOW)
                        || c.second().startsWith(RoadRailBridges.ROAD_WINDOW))
                .toList();
    }

    @Test
    void theRoadWindowIsAPossessionOfTheLineAcrossTheBridge() {
        RoadRailBridges.RoadWindow window = BRIDGES.windows().get(0);
        List<Possession> possessions = BRIDGES.possessions(DATA.network(), DATE, ZONE);
        // the day before, the day, the day after
        assertThat(possessions).hasSize(3);
        Possession today = possessions.get(1);
        assertThat(today.fromPoint()).isEqualTo("NKI");
        assertThat(today.toPoint()).isEqualTo("TNL");
        assertThat(today.start())
                .isEqualTo(DATE.atTime(window.from()).atZone(ZONE).toInstant());
        assertThat(today.end()).isEqualTo(DATE.atTime(window.to()).atZone(ZONE).toInstant());
        // the shipped timetable keeps off the bridge in the window: no conflict with it
        DayPlan day = PLANNER.day(PLANS, DATE, possessions, List.of());
        System.out.printf(
                "road window %s–%s: %d conflicts with it, %d conflicts in all%n",
                window.from(),
                window.to(),
                roadConflicts(day).size(),
                day.conflicts().size());
        assertThat(roadConflicts(day)).isEmpty();
    }

    @Test
    void aTrainThatCrossesInTheWindowIsAConflictAndANewPathGoesAroundIt() {
        RoadRailBridges.RoadWindow window = BRIDGES.windows().get(0);
        List<Possession> possessions = BRIDGES.possessions(DATA.network(), DATE, ZONE);
        TrainPlan shuttle =
                PLANS.stream().filter(p -> p.number().equals("F01")).findFirst().orElseThrow();
        // a shuttle fixed to leave Na Tha 10 minutes into the window crosses in it: a conflict with the road
        LocalTime inWindow = window.from().plusMinutes(10);
        TrainPlan forced = new TrainPlan(
                "F99",
                shuttle.operator(),
                shuttle.trainType(),
                false,
                shuttle.calendar(),
                shuttle.from(),
                shuttle.to(),
                inWindow,
                List.of(),
                List.of(),
                true,
                shuttle.allowancePercent(),
                "test: crosses in the road's window");
        List<TrainPlan> withForced = new ArrayList<>(PLANS);
        withForced.add(forced);
        DayPlan forcedDay = PLANNER.day(withForced, DATE, possessions, List.of());
        assertThat(roadConflicts(forcedDay))
                .isNotEmpty()
                .allMatch(c -> c.first().startsWith("F99@") || c.second().startsWith("F99@"));
        // the same train without the window: no conflict of its own on the bridge
        assertThat(PLANNER.day(withForced, DATE, List.of(), List.of()).conflicts())
                .noneMatch(c -> c.first().startsWith("F99@") || c.second().startsWith("F99@"));

        // a path asked to leave at the same time is found around the window, not through it
        Instant earliest = DATE.atTime(inWindow).atZone(ZONE).toInstant();
        PathRequest request = new PathRequest(
                "F98",
                shuttle.operator(),
                shuttle.trainType(),
                false,
                shuttle.calendar(),
                shuttle.from(),
                shuttle.to(),
                List.of(),
                earliest,
                false,
                shuttle.allowancePercent(),
                Duration.ofHours(6));
        PathFinder finder = new PathFinder(PLANNER);
        InsertedPath around =
                finder.insert(request, PLANNER.day(PLANS, DATE, possessions, List.of()), possessions, List.of());
        RoadRailBridges.Bridge bridge = BRIDGES.bridges().get(0);
        RoadRailBridges.Closure crossing =
                RoadRailBridges.crossing(bridge, around.run()).orElseThrow();
        Instant windowEnd = DATE.atTime(window.to()).atZone(ZONE).toInstant();
        System.out.printf(
                "F98 asked for %s, leaves %s, on the bridge %s–%s%n",
                inWindow,
                around.run().departure().atZone(ZONE).toLocalTime(),
                crossing.from().plus(bridge.lead()).atZone(ZONE).toLocalTime(),
                crossing.to().minus(bridge.clear()).atZone(ZONE).toLocalTime());
        assertThat(crossing.from().plus(bridge.lead())).isAfterOrEqualTo(windowEnd);
        // without the window the same request leaves when asked
        InsertedPath free =
                finder.insert(request, PLANNER.day(PLANS, DATE, List.of(), List.of()), List.of(), List.of());
        assertThat(free.run().departure()).isEqualTo(earliest);
    }

    @Test
    void aWindowNamingNoBridgeOrNoTimeIsRefused() {
        RoadRailBridges bare =
                RoadRailBridges.parse(RoadRailBridges.FILE, FILES.read(RoadRailBridges.FILE), DATA.network());
        assertThatThrownBy(() -> bare.withWindows(
                        RoadRailBridges.WINDOWS_FILE, "bridge,from,to,source\nSecond Bridge,08:00,09:00,x\n"))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("bridge"));
        assertThatThrownBy(() -> bare.withWindows(
                        RoadRailBridges.WINDOWS_FILE,
                        "bridge,from,to,source\nFirst Thai–Lao Friendship Bridge,8 am,09:00,x\n"))
                .isInstanceOfSatisfying(
                        DataFileException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }
}
