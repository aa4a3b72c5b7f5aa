package org.lancang.timetable.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.lancang.errors.InvalidInput;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.reference.ReferenceData;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.Possession;
import org.lancang.timetable.Resources;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.Conflict;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The time-distance diagram of the real China–Laos timetable, read back as XML. */
class TimeDistanceDiagramTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final Network NETWORK = DATA.network();
    private static final List<TrainPlan> PLANS = TimetableFile.parse(timetableFile(), FILES.read(timetableFile()));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final ZoneId LAOS = ZoneId.of("Asia/Vientiane");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Planner PLANNER = new Planner(NETWORK, DATA.rollingStock(), BlockingRules.defaults());
    private static final DayPlan PLAIN_DAY = PLANNER.day(PLANS, DAY, List.of(), List.of());

    private static String timetableFile() {
        try {
            FILES.read("timetable.csv");
            return "timetable.csv";
        } catch (RuntimeException e) {
            return "timetable-requests.csv";
        }
    }

    private static DiagramWindow window(String from, String to, int hour, int hours, ZoneId zone, String lang) {
        return DiagramWindow.local(from, to, DAY, LocalTime.of(hour, 0), Duration.ofHours(hours), zone, lang, null);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return doc;
    }

    /** Elements of a tag whose class attribute (a list of words) contains the word. */
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

    private static String titleOf(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals("title")) {
                return c.getTextContent();
            }
        }
        return null;
    }

    /** The owners whose line has at least two corners on the stretch and reaches into the window (worked out here). */
    private static Set<String> expectedOwners(DayPlan day, String from, String to, Instant start, Instant end) {
        double a = NETWORK.point(from).orElseThrow().km();
        double b = NETWORK.point(to).orElseThrow().km();
        Set<String> owners = new TreeSet<>();
        for (ScheduledRun run : day.runs()) {
            Set<String> corners = new LinkedHashSet<>();
            Instant first = null;
            Instant last = null;
            for (PointTime t : run.run().times()) {
                double km = t.point().km();
                if (km < Math.min(a, b) || km > Math.max(a, b)) {
                    continue;
                }
                for (Instant i : List.of(run.at(t.arrival()), run.at(t.departure()))) {
                    corners.add(i + "/" + km);
                    first = first == null || i.isBefore(first) ? i : first;
                    last = last == null || i.isAfter(last) ? i : last;
                }
            }
            if (corners.size() >= 2 && last.isAfter(start) && first.isBefore(end)) {
                owners.add(run.owner());
            }
        }
        return owners;
    }

    private static Map<String, Element> trainGroups(Document doc) {
        Map<String, Element> out = new TreeMap<>();
        for (Element g : byClass(doc, "g", "train")) {
            assertThat(out.put(g.getAttribute("data-owner"), g))
                    .as("one group per run")
                    .isNull();
        }
        return out;
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

    @Test
    void aZoomWidensThePlotButNotTheTextOrTheMargins() throws Exception {
        DiagramWindow w = window("BTN", "VTE", 6, 12, LAOS, "en");
        Resources resources = new Resources(NETWORK, BlockingRules.defaults());
        Document one = parse(TimeDistanceDiagram.svg(NETWORK, resources, PLAIN_DAY, List.of(), w, 1));
        Document two = parse(TimeDistanceDiagram.svg(NETWORK, resources, PLAIN_DAY, List.of(), w, 2));
        double w1 = Double.parseDouble(one.getDocumentElement().getAttribute("width"));
        double w2 = Double.parseDouble(two.getDocumentElement().getAttribute("width"));
        double left = Double.parseDouble(one.getDocumentElement().getAttribute("data-plot-left"));
        assertThat(w2 - w1).isEqualTo(w1 - left - DiagramLayout.RIGHT); // the plot doubled, the margins did not
        assertThat(two.getDocumentElement().getAttribute("font-size")).isEqualTo("12");
        assertThat(two.getElementsByTagName("g").getLength())
                .isEqualTo(one.getElementsByTagName("g").getLength());
        assertThatThrownBy(() -> TimeDistanceDiagram.svg(NETWORK, resources, PLAIN_DAY, List.of(), w, 7))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("zoom"));
    }

    @Test
    void everyRunInTheWindowIsALabelledClickableLineAndNoneOutsideIt() throws Exception {
        DiagramWindow w = window("BTN", "VTE", 6, 12, LAOS, "en");
        String svg = TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), w);
        Path out = Path.of("target", "diagram-example.svg");
        Files.createDirectories(out.getParent());
        Files.writeString(out, svg, StandardCharsets.UTF_8);

        Document doc = parse(svg);
        Map<String, Element> drawn = trainGroups(doc);
        Set<String> expected = expectedOwners(PLAIN_DAY, "BTN", "VTE", w.start(), w.end());
        assertThat(expected).contains("C82@" + DAY, "K12@" + DAY, "D87@" + DAY).hasSizeGreaterThan(10);
        assertThat(drawn.keySet()).isEqualTo(expected);
        // runs of the day that never come near the stretch are left out: the domestic Chinese trains
        assertThat(drawn.keySet()).noneMatch(o -> o.startsWith("C277@"));
        for (Map.Entry<String, Element> e : drawn.entrySet()) {
            Element g = e.getValue();
            String number = e.getKey().substring(0, e.getKey().indexOf('@'));
            assertThat(g.getAttribute("data-train")).isEqualTo(number);
            assertThat(titleOf(g)).startsWith(number + " · ");
            assertThat(g.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(1);
            assertThat(g.getAttribute("data-category")).isIn("EMU", "LOCO_HAULED", "FREIGHT");
        }
        Element c82 = drawn.get("C82@" + DAY);
        assertThat(c82.getAttribute("data-category")).isEqualTo("EMU");
        assertThat(c82.getTextContent()).contains("C82");
        String c82Leaves = PLANS.stream()
                .filter(p -> p.number().equals("C82"))
                .findFirst()
                .orElseThrow()
                .departure()
                .toString();
        assertThat(titleOf(c82)).contains("CR200J", "Vientiane", "Boten", "Lao time (UTC+7)", "dep " + c82Leaves);
        assertThat(drawn.values()).anyMatch(g -> g.getAttribute("data-category").equals("FREIGHT"));
        assertThat(drawn.get("K12@" + DAY).getAttribute("data-category")).isEqualTo("LOCO_HAULED");

        assertThat(svg).contains("Lao time (UTC+7)", ">Boten<", ">Vientiane<", ">Luang Prabang<");
        // hour labels top and bottom, HH:MM in Lao time
        List<String> times = byClass(doc, "text", "time").stream()
                .map(Element::getTextContent)
                .toList();
        assertThat(times).contains("06:00", "12:00", "18:00");
        assertThat(times.stream().filter("09:00"::equals).count()).isEqualTo(2);
        // Boten at the top, Vientiane at the bottom
        assertThat(pointLineY(doc, "BTN")).isLessThan(pointLineY(doc, "LPB")).isLessThan(pointLineY(doc, "VTE"));
    }

    @Test
    void aLineGoesThroughTheTimetableTimesAtThePoints() throws Exception {
        DiagramWindow w = window("BTN", "VTE", 6, 12, LAOS, "en");
        Document doc = parse(TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), w));
        ScheduledRun c82 = PLAIN_DAY.runs().stream()
                .filter(r -> r.owner().equals("C82@" + DAY))
                .findFirst()
                .orElseThrow();
        PointTime lpb = c82.run().times().stream()
                .filter(t -> t.point().code().equals("LPB"))
                .findFirst()
                .orElseThrow();
        Element g = trainGroups(doc).get("C82@" + DAY);
        String d = byClass(doc, "path", "run").stream()
                .filter(p -> p.getParentNode() == g)
                .findFirst()
                .orElseThrow()
                .getAttribute("d");
        double plotWidth = DiagramLayout.WIDTH - DiagramLayout.LEFT - DiagramLayout.RIGHT;
        double y = pointLineY(doc, "LPB");
        for (Instant t : List.of(c82.at(lpb.arrival()), c82.at(lpb.departure()))) {
            double x = DiagramLayout.LEFT
                    + plotWidth
                            * Duration.between(w.start(), t).toMillis()
                            / (double) w.length().toMillis();
            // the stop at Luang Prabang is a level piece of the line at the arrival and the departure
            assertThat(corners(d)).anySatisfy(c -> {
                assertThat(c[0]).isCloseTo(x, Offset.offset(0.11));
                assertThat(c[1]).isCloseTo(y, Offset.offset(0.11));
            });
        }
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

    @Test
    void aShortWindowDrawsOnlyTheTrainsInIt() throws Exception {
        DiagramWindow w = window("BTN", "VTE", 13, 1, LAOS, "en");
        Document doc = parse(TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), w));
        Set<String> expected = expectedOwners(PLAIN_DAY, "BTN", "VTE", w.start(), w.end());
        assertThat(trainGroups(doc).keySet())
                .isEqualTo(expected)
                .isNotEmpty()
                .hasSizeLessThan(expectedOwners(
                                PLAIN_DAY,
                                "BTN",
                                "VTE",
                                w.start().minus(Duration.ofHours(6)),
                                w.end().plus(Duration.ofHours(6)))
                        .size());
    }

    @Test
    void namesAndWordsAreInTheChosenLanguage() throws Exception {
        String zh = TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), window("KMS", "MHN", 6, 6, CHINA, "zh"));
        Document doc = parse(zh);
        List<String> names = byClass(doc, "text", "name").stream()
                .map(Element::getTextContent)
                .toList();
        assertThat(names).contains("昆明南", "玉溪", "西双版纳", "磨憨").doesNotContain("Kunming South", "Xishuangbanna");
        assertThat(zh).contains("北京时间 (UTC+8)", "列车运行图");

        String lo = TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), window("BTN", "VTE", 6, 12, LAOS, "lo"));
        List<String> loNames = byClass(parse(lo), "text", "name").stream()
                .map(Element::getTextContent)
                .toList();
        assertThat(loNames)
                .contains("ບໍ່ເຕັນ", "ຫລວງພະບາງ")
                .contains("ວັງຂີ") // a loop without a published Lao name: its marked transliteration
                .doesNotContain("Vang Khi");
        assertThat(lo).contains("ເວລາລາວ (UTC+7)");
    }

    @Test
    void theStretchIsDrawnInTheOrderGivenAndTheCaptionNamesTheOneZone() throws Exception {
        String svg = TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), window("VTE", "KMS", 8, 24, CHINA, "en"));
        Document doc = parse(svg);
        assertThat(pointLineY(doc, "VTE")).isLessThan(pointLineY(doc, "LPB")).isLessThan(pointLineY(doc, "KMS"));
        assertThat(svg).contains("All times: Beijing time (UTC+8)", "Lao time (UTC+7) = Beijing time − 1 h");
        // the border: a red dashed line and both countries, Laos above it when Vientiane is at the top
        assertThat(byClass(doc, "line", "border"))
                .filteredOn(l -> l.getParentNode() instanceof Element g
                        && g.getAttribute("data-point").equals("BDR"))
                .hasSize(1);
        assertThat(svg).contains(".ldd .pt-line.border{stroke:#c62828;stroke-width:1.4;stroke-dasharray:9 4}");
        List<String> countries = byClass(doc, "text", "country").stream()
                .map(Element::getTextContent)
                .toList();
        assertThat(countries).containsExactly("▲ Laos", "▼ China");
        // a 24-hour window crosses midnight: the next day is named on the axis
        assertThat(byClass(doc, "text", "day").stream().map(Element::getTextContent))
                .contains("2026-12-02");
    }

    @Test
    void loopsAssumedLoopsAndSingleTrackAreMarked() throws Exception {
        Document doc =
                parse(TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), window("PUE", "MLA", 6, 12, CHINA, "en")));
        Point gma = NETWORK.point("GMA").orElseThrow();
        assertThat(gma.assumed()).isTrue();
        Element assumed = byClass(doc, "g", "point").stream()
                .filter(g -> g.getAttribute("data-point").equals("GMA"))
                .findFirst()
                .orElseThrow();
        assertThat(assumed.getAttribute("class")).contains("loop", "assumed");
        assertThat(titleOf(assumed)).contains("(assumed)");
        assertThat(byClass(doc, "g", "track"))
                .anyMatch(g ->
                        g.getAttribute("class").contains("single") && titleOf(g).contains("single track"));
        assertThat(byClass(doc, "g", "track"))
                .anyMatch(g ->
                        g.getAttribute("class").contains("double") && titleOf(g).contains("double track"));
        // Pu'er–Xishuangbanna is double track, Ganlanba–Mengla single
        assertThat(byClass(doc, "g", "track"))
                .filteredOn(g -> titleOf(g).startsWith("Ganlanba"))
                .allMatch(g -> g.getAttribute("class").contains("single"));
    }

    @Test
    void aConflictBetweenTwoTrainsIsARedBoxOverItsResourceAndTime() throws Exception {
        TrainPlan c81 =
                PLANS.stream().filter(p -> p.number().equals("C81")).findFirst().orElseThrow();
        TrainPlan shadow = new TrainPlan(
                "X81",
                c81.operator(),
                c81.trainType(),
                true,
                c81.calendar(),
                c81.from(),
                c81.to(),
                c81.departure().plusMinutes(4),
                c81.stops(),
                c81.meets(),
                true,
                c81.allowancePercent(),
                "test");
        List<TrainPlan> plans = new ArrayList<>(PLANS);
        plans.add(shadow);
        DayPlan day = PLANNER.day(plans, DAY, List.of(), List.of());
        DiagramWindow w = window("BTN", "VTE", 6, 12, LAOS, "en");
        List<Conflict> ours = day.conflicts().stream()
                .filter(c -> c.second().startsWith("X81@") || c.first().startsWith("X81@"))
                .filter(c -> c.resource().startsWith("LINE:"))
                .toList();
        assertThat(ours).isNotEmpty();
        Document doc = parse(TimeDistanceDiagram.svg(NETWORK, day, List.of(), w));
        List<Element> boxes = byClass(doc, "g", "conflict");
        Conflict c = ours.get(0);
        Element box = boxes.stream()
                .filter(g -> g.getAttribute("data-resource").equals(c.resource())
                        && g.getAttribute("data-first").equals(c.first())
                        && g.getAttribute("data-second").equals(c.second()))
                .findFirst()
                .orElseThrow();
        assertThat(titleOf(box)).contains("C81", "X81", c.resource());
        // over the line's km range, from one end point to the other
        String[] ends = c.resource().substring("LINE:".length()).split("-");
        Element rect = (Element) box.getElementsByTagName("rect").item(0);
        double top = Double.parseDouble(rect.getAttribute("y"));
        double bottom = top + Double.parseDouble(rect.getAttribute("height"));
        double ya = pointLineY(doc, ends[0]);
        double yb = pointLineY(doc, ends[1]);
        assertThat(top).isCloseTo(Math.min(ya, yb), Offset.offset(0.11));
        assertThat(bottom).isCloseTo(Math.max(ya, yb), Offset.offset(0.21));
        // every conflict of the day in the window and on the stretch is drawn, no other
        assertThat(boxes)
                .allSatisfy(g -> assertThat(g.getAttribute("data-resource")).matches("(LINE|BLOCK|TRACK):.*"));
        long inside = day.conflicts().stream()
                .filter(k -> k.to().isAfter(w.start()) && k.from().isBefore(w.end()))
                .filter(k -> onStretch(k.resource(), 616.0, 1022.0))
                .count();
        assertThat(boxes).hasSize((int) inside);
    }

    /** Whether a resource lies on the km range (inside it, or a station track of it). */
    private static boolean onStretch(String resource, double lo, double hi) {
        String[] parts = resource.split(":");
        if (parts[0].equals("TRACK")) {
            double km = NETWORK.point(parts[1]).orElseThrow().km();
            return km >= lo && km <= hi;
        }
        String[] ends = parts[1].split("-");
        double a = NETWORK.point(ends[0]).orElseThrow().km();
        double b = NETWORK.point(ends[1]).orElseThrow().km();
        return Math.max(a, b) > lo && Math.min(a, b) < hi;
    }

    @Test
    void aPossessionIsHatchedAndTheTrainItBlocksShowsAConflict() throws Exception {
        ScheduledRun c82 = PLANNER.schedule(
                PLANS.stream().filter(p -> p.number().equals("C82")).findFirst().orElseThrow(), DAY, List.of());
        Instant atLpb = c82.at(c82.run().times().stream()
                .filter(t -> t.point().code().equals("LPB"))
                .findFirst()
                .orElseThrow()
                .departure());
        Possession works = new Possession(
                "bridge-1",
                "LPB",
                "HHN",
                atLpb.minus(Duration.ofMinutes(20)),
                atLpb.plus(Duration.ofMinutes(60)),
                "Bridge <inspection> & 'tamping'");
        DayPlan day = PLANNER.day(PLANS, DAY, List.of(works), List.of());
        assertThat(day.conflicts())
                .anyMatch(c -> c.possessionInvolved()
                        && (c.first().equals("bridge-1") || c.second().equals("bridge-1"))
                        && (c.first().startsWith("C82@") || c.second().startsWith("C82@")));
        String svg = TimeDistanceDiagram.svg(NETWORK, day, List.of(works), window("BTN", "VTE", 6, 12, LAOS, "en"));
        Document doc = parse(svg);
        List<Element> possessions = byClass(doc, "g", "possession");
        assertThat(possessions).hasSize(1);
        assertThat(possessions.get(0).getAttribute("data-possession")).isEqualTo("bridge-1");
        assertThat(titleOf(possessions.get(0)))
                .contains("bridge-1", "Luang Prabang", "Huay Han", "Bridge <inspection> & 'tamping'");
        // hatched: a pattern of diagonal lines that the possession boxes are filled with
        Element pattern = (Element) doc.getElementsByTagName("pattern").item(0);
        assertThat(pattern.getAttribute("id")).isEqualTo("ldd-hatch");
        assertThat(pattern.getAttribute("patternTransform")).contains("rotate(45)");
        assertThat(pattern.getElementsByTagName("line").getLength()).isEqualTo(1);
        assertThat(svg).contains(".ldd .possession .box,.ldd .possession-key .box{fill:url(#ldd-hatch)");
        assertThat(byClass(doc, "g", "conflict"))
                .anyMatch(g -> titleOf(g).contains("bridge-1")
                        && titleOf(g).contains("C82")
                        && g.getAttribute("data-possession").equals("true"));

        // outside the window or off the stretch: not drawn
        String north = TimeDistanceDiagram.svg(NETWORK, day, List.of(works), window("KMS", "XSB", 6, 12, CHINA, "en"));
        assertThat(byClass(parse(north), "g", "possession")).isEmpty();
        String night = TimeDistanceDiagram.svg(NETWORK, day, List.of(works), window("BTN", "VTE", 0, 3, LAOS, "en"));
        assertThat(byClass(parse(night), "g", "possession")).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        DiagramWindow w = window("KMS", "VTS", 0, 24, CHINA, "zh");
        assertThat(TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), w))
                .isEqualTo(
                        TimeDistanceDiagram.svg(NETWORK, PLANNER.day(PLANS, DAY, List.of(), List.of()), List.of(), w));
    }

    @Test
    void theWholeLineOverTwoDaysIsStillAValidDocument() throws Exception {
        String svg = TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), window("KMS", "VTS", 0, 48, CHINA, "lo"));
        Document doc = parse(svg);
        assertThat(trainGroups(doc)).hasSizeGreaterThan(40);
        assertThat(svg.length()).isLessThan(2_000_000);
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("1500.0");
        double height = Double.parseDouble(doc.getDocumentElement().getAttribute("height"));
        assertThat(height).isBetween(1600.0, 2000.0);
    }

    @Test
    void aWrongWindowNamesTheField() {
        Instant start = DAY.atTime(6, 0).atZone(LAOS).toInstant();
        assertField(new DiagramWindow("XXX", "VTE", start, Duration.ofHours(6), LAOS, "en", null), "from");
        assertField(new DiagramWindow(null, "VTE", start, Duration.ofHours(6), LAOS, "en", null), "from");
        assertField(new DiagramWindow("BTN", "NOPE", start, Duration.ofHours(6), LAOS, "en", null), "to");
        assertField(new DiagramWindow("BTN", "btn", start, Duration.ofHours(6), LAOS, "en", null), "to");
        assertField(new DiagramWindow("BTN", "VTE", start, Duration.ofMinutes(59), LAOS, "en", null), "hours");
        assertField(new DiagramWindow("BTN", "VTE", start, Duration.ofHours(49), LAOS, "en", null), "hours");
        assertField(new DiagramWindow("BTN", "VTE", start, null, LAOS, "en", null), "hours");
        assertField(new DiagramWindow("BTN", "VTE", start, Duration.ofHours(6), LAOS, "fr", null), "lang");
        assertField(new DiagramWindow("BTN", "VTE", start, Duration.ofHours(6), LAOS, null, null), "lang");
        assertField(new DiagramWindow("BTN", "VTE", null, Duration.ofHours(6), LAOS, "en", null), "start");
        assertField(new DiagramWindow("BTN", "VTE", start, Duration.ofHours(6), null, "en", null), "zone");
        // the bounds themselves are fine, and codes are read as the network reads them
        TimeDistanceDiagram.svg(
                NETWORK,
                PLAIN_DAY,
                List.of(),
                new DiagramWindow("btn", "VTE", start, Duration.ofHours(1), LAOS, "lo", null));
        TimeDistanceDiagram.svg(
                NETWORK,
                PLAIN_DAY,
                List.of(),
                new DiagramWindow("BTN", "VTE", start, Duration.ofHours(48), LAOS, "zh", null));
    }

    private static void assertField(DiagramWindow w, String field) {
        assertThatThrownBy(() -> TimeDistanceDiagram.svg(NETWORK, PLAIN_DAY, List.of(), w))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
