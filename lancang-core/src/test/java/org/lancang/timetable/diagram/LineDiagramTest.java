package org.lancang.timetable.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TimetableFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The diagram of a network of several lines, one line at a time (ADR 0033): the branch network of the test resources,
 * main line LA (Bram 0 – Jura 50 – Aldo 100) and branch LC (Jura 0 – Cato 40). T1 runs Aldo → Jura → Cato, T2 Cato →
 * Jura → Bram.
 */
class LineDiagramTest {
    private static final ReferenceFiles FILES = ReferenceFiles.branch();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    private static final DayPlan PLAN = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults())
            .day(TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"), NETWORK), DAY, List.of(), List.of());

    private static DiagramWindow window(String from, String to, String line) {
        return DiagramWindow.local(from, to, DAY, LocalTime.of(6, 0), Duration.ofHours(4), ZONE, "en", line);
    }

    @Test
    void aTrainFromTheMainLineToTheBranchIsOnBothLinesDiagrams() throws Exception {
        DiagramWindow main = window("QB", "QA", null);
        DiagramWindow branch = window("QJ", "QC", "LC");
        Document mainDoc = parse(TimeDistanceDiagram.svg(NETWORK, PLAN, List.of(), main));
        Document branchDoc = parse(TimeDistanceDiagram.svg(NETWORK, PLAN, List.of(), branch));
        assertThat(points(mainDoc)).containsExactly("QB", "QBJ", "QJ", "QAJ", "QA");
        assertThat(points(branchDoc)).containsExactly("QJ", "QCJ", "QC");
        for (Document doc : List.of(mainDoc, branchDoc)) {
            assertThat(trains(doc)).containsExactly("T1@" + DAY, "T2@" + DAY);
        }
        ScheduledRun t1 = run("T1");
        // on the main line T1 runs Aldo → Jura and leaves it there; on the branch it runs Jura → Cato
        assertCorners(mainDoc, main, t1, "QA", "QAJ", "QJ");
        assertCorners(branchDoc, branch, t1, "QJ", "QCJ", "QC");
        assertNoCorner(mainDoc, main, t1, time(t1, "QC"), "QC");
        // and where it leaves one line for the other, a mark at the junction on each diagram
        assertThat(junctionMarkYs(mainDoc, "T1@" + DAY)).containsExactly(pointLineY(mainDoc, "QJ"));
        assertThat(junctionMarkYs(branchDoc, "T1@" + DAY)).containsExactly(pointLineY(branchDoc, "QJ"));
    }

    @Test
    void theBranchIsDrawnWithItsOwnKmAndTrack() throws Exception {
        Document doc = parse(TimeDistanceDiagram.svg(NETWORK, PLAN, List.of(), window("QJ", "QC", "LC")));
        double jura = pointLineY(doc, "QJ");
        double loop = pointLineY(doc, "QCJ");
        double cato = pointLineY(doc, "QC");
        // Cato loop is 20 km up a 40 km branch: half way down the plot, though Jura is at 50 km on the main line
        assertThat(loop - jura).isCloseTo(cato - loop, Offset.offset(0.01));
        assertThat(byClass(doc, "g", "track")).hasSize(2);
    }

    @Test
    void anUnknownLineOrAPointOffTheLineIsRefusedNamingTheField() {
        assertField(window("QJ", "QC", "LX"), "line");
        assertField(window("QA", "QC", "LC"), "from");
        assertField(window("QB", "QC", null), "to");
        assertThat(NETWORK.lines()).hasSize(2);
    }

    @Test
    void aStretchOfTheBranchNamingNoLineIsDrawnOnTheBranch() throws Exception {
        assertThat(window("QJ", "QC", null).line(NETWORK).orElseThrow().code()).isEqualTo("LC");
        assertThat(window("QB", "QJ", null).line(NETWORK).orElseThrow().code())
                .as("Jura lies on both lines, Bram on the main line only")
                .isEqualTo("LA");
        Document doc = parse(TimeDistanceDiagram.svg(NETWORK, PLAN, List.of(), window("QC", "QJ", null)));
        assertThat(points(doc)).containsExactly("QC", "QCJ", "QJ");
    }

    private static void assertField(DiagramWindow w, String field) {
        assertThatThrownBy(() -> TimeDistanceDiagram.svg(NETWORK, PLAN, List.of(), w))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static ScheduledRun run(String number) {
        return PLAN.runs().stream()
                .filter(r -> r.owner().equals(number + "@" + DAY))
                .findFirst()
                .orElseThrow();
    }

    private static PointTime time(ScheduledRun run, String code) {
        return run.run().times().stream()
                .filter(t -> t.point().code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** The train's line has a corner at its times at each of these points, at the point's line on the diagram. */
    private static void assertCorners(Document doc, DiagramWindow w, ScheduledRun run, String... codes) {
        List<double[]> corners = corners(runPath(doc, run.owner()));
        for (String code : codes) {
            double y = pointLineY(doc, code);
            for (Instant t : List.of(
                    run.at(time(run, code).arrival()), run.at(time(run, code).departure()))) {
                double x = x(w, t);
                assertThat(corners).as(run.owner() + " at " + code).anySatisfy(c -> {
                    assertThat(c[0]).isCloseTo(x, Offset.offset(0.11));
                    assertThat(c[1]).isCloseTo(y, Offset.offset(0.11));
                });
            }
        }
    }

    private static void assertNoCorner(Document doc, DiagramWindow w, ScheduledRun run, PointTime pt, String code) {
        double x = x(w, run.at(pt.arrival()));
        assertThat(corners(runPath(doc, run.owner())))
                .as(run.owner() + " at " + code + " is off the line")
                .noneSatisfy(c -> assertThat(c[0]).isCloseTo(x, Offset.offset(0.11)));
    }

    private static double x(DiagramWindow w, Instant t) {
        double plotWidth = DiagramLayout.WIDTH - DiagramLayout.LEFT - DiagramLayout.RIGHT;
        return DiagramLayout.LEFT
                + plotWidth
                        * Duration.between(w.start(), t).toMillis()
                        / (double) w.length().toMillis();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document doc, String tag, String word) {
        List<Element> out = new ArrayList<>();
        NodeList all = doc.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(word)) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> points(Document doc) {
        return byClass(doc, "g", "point").stream()
                .map(g -> g.getAttribute("data-point"))
                .toList();
    }

    private static List<String> trains(Document doc) {
        return byClass(doc, "g", "train").stream()
                .map(g -> g.getAttribute("data-owner"))
                .sorted()
                .toList();
    }

    private static Element train(Document doc, String owner) {
        return byClass(doc, "g", "train").stream()
                .filter(g -> g.getAttribute("data-owner").equals(owner))
                .findFirst()
                .orElseThrow();
    }

    private static String runPath(Document doc, String owner) {
        Element g = train(doc, owner);
        return byClass(doc, "path", "run").stream()
                .filter(p -> p.getParentNode() == g)
                .findFirst()
                .orElseThrow()
                .getAttribute("d");
    }

    private static List<Double> junctionMarkYs(Document doc, String owner) {
        Element g = train(doc, owner);
        return byClass(doc, "circle", "junction-mark").stream()
                .filter(c -> c.getParentNode() == g)
                .map(c -> Double.parseDouble(c.getAttribute("cy")))
                .toList();
    }

    private static double pointLineY(Document doc, String code) {
        for (Element g : byClass(doc, "g", "point")) {
            if (g.getAttribute("data-point").equals(code)) {
                Element line = (Element) g.getElementsByTagName("line").item(0);
                return Double.parseDouble(line.getAttribute("y1"));
            }
        }
        throw new AssertionError("no line for " + code);
    }

    private static List<double[]> corners(String d) {
        List<double[]> out = new ArrayList<>();
        for (String part : d.split("[ML]")) {
            if (!part.isBlank() && part.contains(",")) {
                String[] xy = part.strip().split(",");
                out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1].replaceAll("[^0-9.]+.*$", ""))
                });
            }
        }
        return out;
    }
}
