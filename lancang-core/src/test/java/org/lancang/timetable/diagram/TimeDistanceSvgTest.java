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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.lancang.data.ReferenceData;
import org.lancang.errors.InvalidInput;
import org.lancang.testing.ReferenceFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Planner;
import org.lancang.timetable.PointTime;
import org.lancang.timetable.Possession;
import org.lancang.timetable.ScheduledRun;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TimeDistanceSvgTest {
    private static final ReferenceFiles FILES = ReferenceFiles.chinaLaos();
    private static final ReferenceData DATA = ReferenceData.parse(FILES);
    private static final List<TrainPlan> PLANS = TimetableFile.parse("timetable.csv", FILES.read("timetable.csv"));
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final ZoneId LAOS = ZoneId.of("Asia/Vientiane");

    private final Planner planner = new Planner(DATA.network(), DATA.rollingStock(), BlockingRules.defaults());

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<String> trainsDrawn(Document doc) {
        Set<String> owners = new HashSet<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").startsWith("train")) {
                owners.add(g.getAttribute("data-owner"));
            }
        }
        return owners;
    }

    @Test
    void drawsEveryRunInTheWindowAndNoneOutsideIt() throws Exception {
        DayPlan day = planner.day(PLANS, DAY, List.of(), List.of());
        Instant start = DAY.atTime(6, 0).atZone(LAOS).toInstant();
        DiagramRequest request = new DiagramRequest("BTN", "VTE", start, Duration.ofHours(12), LAOS, "en");
        String svg = TimeDistanceSvg.render(DATA.network(), day, List.of(), request);
        Path out = Path.of("target", "diagram-example.svg");
        Files.writeString(out, svg);
        Set<String> drawn = trainsDrawn(parse(svg));
        Set<String> expected = new HashSet<>();
        double lo = 616.0;
        double hi = 1022.0;
        for (ScheduledRun run : day.runs()) {
            for (PointTime t : run.run().times()) {
                Instant arr = run.at(t.arrival());
                Instant dep = run.at(t.departure());
                if (t.point().km() >= lo && t.point().km() <= hi && !dep.isBefore(start)
                        && !arr.isAfter(start.plus(Duration.ofHours(12)))) {
                    expected.add(run.owner());
                }
            }
        }
        assertThat(drawn).isEqualTo(expected).contains("C82@" + DAY, "K12@" + DAY);
        assertThat(svg).contains("Boten", "Vientiane", "Lao time (UTC+07:00)");
    }

    @Test
    void namesAreInTheChosenLanguage() throws Exception {
        DayPlan day = planner.day(PLANS, DAY, List.of(), List.of());
        String svg = TimeDistanceSvg.render(DATA.network(), day, List.of(), new DiagramRequest("KMS", "MHN",
                DAY.atTime(LocalTime.of(6, 0)).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), Duration.ofHours(6),
                ZoneId.of("Asia/Shanghai"), "zh"));
        parse(svg);
        assertThat(svg).contains("昆明南", "西双版纳", "北京时间").doesNotContain(">Kunming South<");
    }

    @Test
    void possessionsAreHatchedAndTheirConflictsRed() throws Exception {
        TrainPlan c82 = PLANS.stream().filter(p -> p.number().equals("C82")).findFirst().orElseThrow();
        ScheduledRun run = planner.schedule(c82, DAY, List.of());
        Instant atLpb = run.at(run.run().times().stream().filter(t -> t.point().code().equals("LPB")).findFirst()
                .orElseThrow().departure());
        Possession works = new Possession("bridge", "HHN", "LPB", atLpb.minus(Duration.ofMinutes(20)),
                atLpb.plus(Duration.ofMinutes(60)), "bridge works");
        DayPlan day = planner.day(PLANS, DAY, List.of(works), List.of());
        assertThat(day.conflicts()).isNotEmpty();
        String svg = TimeDistanceSvg.render(DATA.network(), day, List.of(works), new DiagramRequest("BTN", "VTE",
                DAY.atTime(6, 0).atZone(LAOS).toInstant(), Duration.ofHours(12), LAOS, "en"));
        Document doc = parse(svg);
        List<String> classes = new ArrayList<>();
        NodeList rects = doc.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            classes.add(((Element) rects.item(i)).getAttribute("class"));
        }
        assertThat(classes).contains("possession", "conflict");
        assertThat(svg).contains("url(#hatch)");
    }

    @Test
    void badWindowsNameTheField() {
        DayPlan day = planner.day(PLANS, DAY, List.of(), List.of());
        Instant start = DAY.atTime(6, 0).atZone(LAOS).toInstant();
        assertField(() -> TimeDistanceSvg.render(DATA.network(), day, List.of(),
                new DiagramRequest("XXX", "VTE", start, Duration.ofHours(6), LAOS, "en")), "from");
        assertField(() -> TimeDistanceSvg.render(DATA.network(), day, List.of(),
                new DiagramRequest("BTN", "VTE", start, Duration.ofHours(100), LAOS, "en")), "hours");
        assertField(() -> TimeDistanceSvg.render(DATA.network(), day, List.of(),
                new DiagramRequest("BTN", "VTE", start, Duration.ofHours(6), LAOS, "fr")), "lang");
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
