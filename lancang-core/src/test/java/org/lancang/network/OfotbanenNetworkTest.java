package org.lancang.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lancang.data.DataFileException;
import org.lancang.errors.InvalidInput;
import org.lancang.freight.FreightPaths;
import org.lancang.freight.FreightRules;
import org.lancang.freight.PathAsk;
import org.lancang.reference.ReferenceData;
import org.lancang.rollingstock.TrainType;
import org.lancang.runtime.LegSupplements;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.RunningTimes;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.TrainRun;

/**
 * A fourth network written from the docs alone (issue 19, "any line as data"): Narvik – Kiruna across the
 * Norway–Sweden border, single track with crossing loops the whole way, 15 kV 16.7 Hz, two countries whose zones have
 * different ids and the same offset, an overnight train, loaded ore trains downhill and empty ones up. What it adds to
 * the tiny and branch networks: a night train past midnight across a border, meets planned on a single track, and a
 * gradient a train type cannot climb, refused naming where.
 */
class OfotbanenNetworkTest {
    private static final ReferenceFiles FILES = ReferenceFiles.ofotbanen();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    private static List<TrainPlan> plans(String timetable) {
        return TimetableFile.parse("timetable.csv", timetable, NETWORK);
    }

    private static Planner planner() {
        return new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
    }

    @Test
    void twoCountriesMeetAtTheBorderWithAControlOnEachSide() {
        assertThat(NETWORK.countries())
                .extracting(c -> c.timeZone())
                .containsExactly(ZoneId.of("Europe/Oslo"), ZoneId.of("Europe/Stockholm"));
        assertThat(NETWORK.borders()).singleElement().satisfies(b -> {
            assertThat(b.beforeControl().code()).isEqualTo("BJF");
            assertThat(b.afterControl().code()).isEqualTo("RGR");
        });
        assertThat(NETWORK.sections()).allSatisfy(s -> {
            assertThat(s.isSingleTrack()).isTrue();
            assertThat(s.electrification()).isEqualTo("15 kV 16.7 Hz AC");
        });
        assertThat(NETWORK.point("KRN").orElseThrow().names().in("se")).isEqualTo("Giron");
    }

    /** A page shows a country's own name beside the reader's: the file says which of its names that is. */
    @Test
    void eachCountryNamesItselfInItsOwnLanguageAsTheFileSays() {
        Country norway = NETWORK.country("NO").orElseThrow();
        Country sweden = NETWORK.country("SE").orElseThrow();
        assertThat(norway.language()).isEqualTo("nb");
        assertThat(norway.ownName()).isEqualTo("Norge");
        assertThat(sweden.language()).isEqualTo("sv");
        assertThat(sweden.ownName()).isEqualTo("Sverige");
        assertThat(sweden.names().en()).isEqualTo("Sweden");
        assertThat(NETWORK.point("XNS").orElseThrow().country().ownName())
                .as("a border point's shared country has no one language")
                .isEmpty();
    }

    @Test
    void aCountrysOwnLanguageWithoutANameInItOrNotALanguageCodeIsRefusedNamingTheColumn() {
        int row = FILES.lineOf("countries.csv", "NO,");
        for (String broken : List.of(",nb,,", ",Norsk,Norge,")) {
            ReferenceFiles files = FILES.with("countries.csv", t -> t.replace(",nb,Norge,", broken));
            assertThatThrownBy(() -> ReferenceData.parse(files))
                    .as(broken)
                    .isInstanceOfSatisfying(DataFileException.class, e -> {
                        assertThat(e.file()).isEqualTo("countries.csv");
                        assertThat(e.line()).isEqualTo(row);
                        assertThat(e.field()).isEqualTo("language");
                    });
        }
    }

    @Test
    void theNightTrainRunsPastMidnightAcrossTheBorderAndTheDayHasNoConflict() {
        Planner planner = planner();
        List<TrainPlan> plans = plans(FILES.read("timetable.csv"));
        TrainPlan night =
                plans.stream().filter(p -> p.number().equals("95")).findFirst().orElseThrow();
        TrainRun run = planner.run(night, List.of());
        PointTime last = run.times().get(run.times().size() - 1);
        assertThat(last.point().code()).isEqualTo("KRN");
        Duration arrivalFromMidnight = Duration.ofHours(22).plusMinutes(40).plus(last.arrival());
        assertThat(arrivalFromMidnight).as("reaches Kiruna after midnight").isGreaterThan(Duration.ofHours(24));
        for (String control : List.of("BJF", "RGR")) {
            PointTime at = run.times().stream()
                    .filter(t -> t.point().code().equals(control))
                    .findFirst()
                    .orElseThrow();
            assertThat(at.departure().minus(at.arrival()))
                    .as("border formalities at %s", control)
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        }

        DayPlan day = planner.day(plans, DAY, List.of(), List.of());
        assertThat(day.runsOfTheDay()).hasSize(plans.size());
        assertThat(day.conflicts()).isEmpty();
    }

    @Test
    void withoutItsPlannedWaitsTrainsMeetBetweenTheLoops() {
        String timetable = FILES.read("timetable.csv").replace(",STD 8,", ",,");
        assertThat(timetable).isNotEqualTo(FILES.read("timetable.csv"));

        DayPlan day = planner().day(plans(timetable), DAY, List.of(), List.of());

        assertThat(day.conflicts())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.resource()).startsWith("LINE:"));
    }

    @Test
    void aLoadedOreTrainCannotClimbToTheBorderAndIsRefusedNamingWhere() {
        TrainType loaded = DATA.rollingStock().type("IORE").orElseThrow();
        // downhill to the port, as the ore trains run, it runs
        run(loaded, "KRN", "NVK");

        assertThatThrownBy(() -> run(loaded, "NVK", "KRN")).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo("trainType");
            String message = e.getMessage();
            Section stalled = NETWORK.sections().stream()
                    .filter(s -> message.contains("between " + s.from() + " and " + s.to()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no section named in " + message));
            // the train's starting effort cannot hold its weight on that section's gradient
            double gradeKn = loaded.massT() * 9.81 * stalled.gradientPermille() / 1000;
            assertThat(loaded.tractionCurve().get(0).effortKn()).isLessThan(gradeKn);
            assertThat(message).contains("IORE").contains("NVK → KRN");
        });
    }

    @Test
    void aTimetabledTrainThatCannotRunIsRefusedAtLoadNamingFileRowAndColumn() {
        String timetable = FILES.read("timetable.csv").replace("9902,LKAB,IORE_EMPTY,", "9902,LKAB,IORE,");
        int row = FILES.lineOf("timetable.csv", "9902,");

        assertThatThrownBy(() -> TimetableFile.load("timetable.csv", timetable, planner()))
                .isInstanceOfSatisfying(DataFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("timetable.csv");
                    assertThat(e.line()).isEqualTo(row);
                    assertThat(e.field()).isEqualTo("train_type");
                    assertThat(e.getMessage()).contains("train 9902:");
                });
        assertThat(TimetableFile.load("timetable.csv", FILES.read("timetable.csv"), planner()))
                .isEqualTo(plans(FILES.read("timetable.csv")));
    }

    @Test
    void aFreightPathIsAskedBetweenItsYardsAndARefusalListsThem() {
        FreightPaths paths = new FreightPaths(
                planner(),
                FreightRules.parse(NETWORK, FILES.read("freight-rules.csv"), FILES.read("freight-gradients.csv")),
                "ARE");
        Instant morning = Instant.parse("2026-12-10T07:00:00Z");

        assertThatThrownBy(() -> paths.check(new PathAsk("NVK", "KRG", morning, null, 1000, 500, false)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("from");
                    assertThat(e.getMessage()).contains("FREIGHT").contains("NVG, KRG");
                });
        paths.check(new PathAsk("KRG", "NVG", morning, null, 1000, 500, false));
    }

    private static void run(TrainType type, String from, String to) {
        RunningTimes.compute(
                NETWORK, type, from, to, List.of(), List.of(), RunningTimes.allowance(0), LegSupplements.none());
    }
}
