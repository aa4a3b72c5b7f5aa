package org.lancang.timetable.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.testing.Seeds;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.Resources;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.diagram.RunningLines.At;
import org.lancang.timetable.diagram.RunningLines.DelayBadge;
import org.lancang.timetable.diagram.RunningLines.Kind;
import org.lancang.timetable.diagram.RunningLines.Line;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The dispatcher's diagram: running lines and delay badges over the planner's. Without them the planner's document is
 * unchanged to the byte; with them, taking out exactly what they add gives the planner's document back, so they
 * change nothing of the plan's drawing; each line goes through its own times.
 */
class RunningLinesDiagramTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Planner PLANNER = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
    private static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
    private static final DayPlan DAY_PLAN = PLANNER.day(PLANS, DAY, List.of(), List.of());
    private static final Resources RESOURCES = new Resources(NETWORK, BlockingRules.defaults());

    private static DiagramWindow window(String lang) {
        String from = NETWORK.points().get(0).code();
        String to = NETWORK.points().get(NETWORK.points().size() - 1).code();
        return DiagramWindow.local(
                from, to, DAY, LocalTime.of(6, 0), Duration.ofHours(14), ZoneId.of("Asia/Shanghai"), lang, null);
    }

    @Test
    void withoutRunningLinesThePlannersDiagramIsUnchangedToTheByte() {
        for (String lang : DiagramWindow.LANGUAGES) {
            for (double zoom : new double[] {0.5, 1, 2}) {
                String planner = TimeDistanceDiagram.svg(NETWORK, RESOURCES, DAY_PLAN, List.of(), window(lang), zoom);
                String none = TimeDistanceDiagram.svg(
                        NETWORK, RESOURCES, DAY_PLAN, List.of(), window(lang), zoom, RunningLines.NONE);
                assertThat(none).isEqualTo(planner);
                assertThat(none).doesNotContain("class=\"live").doesNotContain("delay-badge");
            }
        }
    }

    @Test
    void runningLinesAreAddedOverThePlanAndTakingThemOutGivesThePlannersDiagramBack() throws Exception {
        long seed = Seeds.seed(RunningLinesDiagramTest.class);
        Random random = new Random(seed);
        List<ScheduledRun> runs = DAY_PLAN.runs();
        List<Line> lines = new ArrayList<>();
        List<DelayBadge> badges = new ArrayList<>();
        Set<String> chosen = new HashSet<>();
        while (chosen.size() < 6) {
            ScheduledRun run = runs.get(random.nextInt(runs.size()));
            if (!chosen.add(run.owner())) {
                continue; // each run once: a line is found again by its run and kind
            }
            long delay = 60L * (1 + random.nextInt(60));
            List<At> actual = new ArrayList<>();
            List<At> forecast = new ArrayList<>();
            List<PointTime> times = run.run().times();
            int reported = 1 + random.nextInt(times.size() - 1);
            for (int k = 0; k < times.size(); k++) {
                PointTime t = times.get(k);
                At at = new At(t.point().code(), run.at(t.departure()).plusSeconds(delay));
                (k < reported ? actual : forecast).add(at);
                if (k == reported - 1) {
                    forecast.add(at); // the forecast starts where the reports end
                }
            }
            Kind ahead = random.nextBoolean() ? Kind.FORECAST : Kind.PROPOSAL;
            lines.add(new Line(run.plan().number(), run.owner(), Kind.ACTUAL, actual));
            lines.add(new Line(run.plan().number(), run.owner(), ahead, forecast));
            badges.add(new DelayBadge(run.plan().number(), run.owner(), actual.get(actual.size() - 1), delay));
        }
        RunningLines live = new RunningLines(lines, badges);
        String planner = TimeDistanceDiagram.svg(NETWORK, RESOURCES, DAY_PLAN, List.of(), window("lo"), 1);
        String drawn = TimeDistanceDiagram.svg(NETWORK, RESOURCES, DAY_PLAN, List.of(), window("lo"), 1, live);

        String stripped = drawn.replace(LiveLines.STYLE, "")
                .replaceAll("<path class=\"live [^>]*/>\n", "")
                .replaceAll("(?s)<g class=\"delay-badge[^>]*>.*?</g>\n", "");
        assertThat(stripped).isEqualTo(planner);

        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(drawn.getBytes(StandardCharsets.UTF_8)));
        NodeList paths = doc.getElementsByTagName("path");
        Instant start = window("lo").start();
        Instant end = window("lo").end();
        int liveFound = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            Element p = (Element) paths.item(i);
            if (!p.getAttribute("class").startsWith("live ")) {
                continue;
            }
            liveFound++;
            Line line = lines.stream()
                    .filter(x -> x.run().equals(p.getAttribute("data-run"))
                            && x.kind().name().equalsIgnoreCase(p.getAttribute("data-kind")))
                    .findFirst()
                    .orElseThrow();
            // every corner lies on the line's own times: x from the time, y from the point's km
            String[] corners = p.getAttribute("d").replace("M", "").split(" L");
            assertThat(corners).hasSizeLessThanOrEqualTo(line.times().size());
            double width = DiagramLayout.WIDTH - DiagramLayout.LEFT - DiagramLayout.RIGHT;
            double x0 = Double.parseDouble(corners[0].split(",")[0]);
            Instant t0 = line.times().get(0).at();
            double expected = DiagramLayout.LEFT
                    + width
                            * Duration.between(start, t0).toMillis()
                            / (double) Duration.between(start, end).toMillis();
            assertThat(x0).isCloseTo(expected, Offset.offset(0.6));
        }
        // a line is drawn when at least two of its times lie on the stretch (here the whole line)
        assertThat(liveFound)
                .isEqualTo(lines.stream().filter(x -> x.times().size() >= 2).count());
    }
}
